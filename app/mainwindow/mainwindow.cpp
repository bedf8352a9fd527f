#include "mainwindow/mainwindow.h"

#include "bridge/wxbridge.h"
#include "buildinfo.h"
#include "docks/calllogdock.h"
#include "docks/consoledock.h"
#include "docks/consolemodel.h"
#include "host/hostservices.h"
#include "mockpanel.h"
#include "profile/loginpage.h"
#include "scenario/corebinding.h"
#include "scenario/scenariomanager.h"
#include "scenario/scenariotoolbar.h"
#include "scenario/workingscenario.h"
#include "state/stateinspector.h"
#include "prompts/overlayhostprompts.h"
#include "settings/setting.h"
#include "simulator/devicepreset.h"
#include "simulator/phoneframe.h"
#include "simulator/simulatorpage.h"
#include "simulator/simulatorsession.h"
#include "simulator/simulatorview.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWebEnginePage>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace mpsim::app {

namespace {

constexpr int PhoneMargin = 24;
constexpr int MaxRecentProjects = 8;

const Setting<QByteArray> windowGeometry{u"window/geometry"_s, {}};
const Setting<QByteArray> dockLayout{u"window/state"_s, {}};
const Setting<QStringList> recentProjects{u"projects/recent"_s, {}};
const Setting<QString> lastDevice{u"simulator/device"_s, {}};
// The last scenario file, the recent ones and the mock panel's layout; the
// working scenario itself (unsaved edits, presets) lives in the autosave next
// to the host state.
const Setting<QString> lastScenario{u"mockPanel/lastScenario"_s, {}};
const Setting<QStringList> recentScenarios{u"mockPanel/recentScenarios"_s, {}};
const Setting<QByteArray> mockPanelState{u"mockPanel/state"_s, {}};
constexpr int MockPanelWidth = 560;

} // namespace

MainWindow::MainWindow(HostServices *host, QWidget *parent)
    : QMainWindow(parent)
    , m_host(host)
    , m_phoneFrame(new PhoneFrame(this))
{
    setWindowTitle(u"mpsim"_s);

    // The phone keeps its logical size; a window smaller than it scrolls.
    auto *stage = new QWidget(this);
    auto *stageLayout = new QVBoxLayout(stage);
    stageLayout->setContentsMargins(PhoneMargin, PhoneMargin, PhoneMargin, PhoneMargin);
    stageLayout->addWidget(m_phoneFrame, 0, Qt::AlignCenter);

    auto *scrollArea = new QScrollArea(this);
    scrollArea->setObjectName(u"stage"_s);
    scrollArea->setFrameShape(QFrame::NoFrame);
    scrollArea->setBackgroundRole(QPalette::Window);
    scrollArea->setWidgetResizable(true);
    scrollArea->setWidget(stage);
    setCentralWidget(scrollArea);

    if (m_host) {
        createSimulator();
        createScenario();
    }
    createMenus();
    if (m_host) {
        createToolBar();
        createDocks();
    }
    createStatusBar();

    // QScrollArea's own size hint is capped far below a phone's height: ask the
    // window's layout for its size with the whole stage visible instead.
    scrollArea->setMinimumSize(stage->sizeHint());
    QSize size = sizeHint();
    scrollArea->setMinimumSize(QSize(0, 0));
    if (const QScreen *currentScreen = screen())
        size = size.boundedTo(currentScreen->availableSize() * 0.9);
    resize(size);
    if (m_host)
        restoreWindowState();
}

MainWindow::~MainWindow()
{
    // The core outlives the window (HostServices): it must not keep the
    // window's popups, nor run a mock function in its page.
    if (m_host)
        m_host->core().setPrompts(nullptr);
}

void MainWindow::createSimulator()
{
    m_view = new SimulatorView(m_host->core(), this);
    m_view->setObjectName(u"simulatorView"_s);
    m_phoneFrame->setScreenWidget(m_view);
    m_prompts = new OverlayHostPrompts(m_view, this);
    m_host->core().setPrompts(m_prompts);
    m_session = new SimulatorSession(*m_host, *m_view, this);
    connect(m_session, &SimulatorSession::compiled, this, &MainWindow::showCompileResult);
    connect(m_view, &SimulatorView::pageReplaced, this, [this] {
        if (m_devToolsView)
            m_view->page()->setDevToolsPage(m_devToolsView->page());
    });
    connect(m_session, &SimulatorSession::projectOpened, this, [this] {
        m_prompts->setMiniProgramName(m_session->hasProject() ? m_session->project().name
                                                               : tr("API Playground"));
        // Images the project names by path (showToast's image) and the SDK it targets.
        m_prompts->setImageRoot(m_session->hasProject() ? m_session->project().appRoot : QString());
        m_host->setSdkVersion(m_session->hasProject() ? m_session->project().libVersion : QString());
        updateTitle();
        updateConditionMenu();
        projectShown();
    });
    connect(m_session, &SimulatorSession::problemReported, this,
            [this](const QString &message) { statusBar()->showMessage(message); });
    // Storage written by a call, the device, the SDK version: the page's
    // synchronous copy follows.
    connect(m_host, &HostServices::snapshotChanged, this, [this] { m_view->bridge()->pushSnapshot(); });
    connect(m_session, &SimulatorSession::reloaded, this,
            [this] { statusBar()->showMessage(tr("Reloaded"), 2000); });
}

void MainWindow::createScenario()
{
    m_scenarios = new mockpanel::ScenarioManager(this);
    m_scenarios->setDialogParent(this);
    // Next to the host state: a test's or a portable run's state folder keeps
    // its own working scenario.
    m_scenarios->setAutosavePath(QDir(m_host->stateFolder()).filePath(u".scenario-autosave.json"_s));
    m_scenarios->setRecentFiles(recentScenarios.value());
    m_scenarios->restore(lastScenario.value());
    m_binding = new mockpanel::CoreBinding(*m_scenarios->model(), m_host->core(), m_host->clock(),
                                           this);
    m_binding->setAppid(m_session->appid());
    // open-data and getAccountInfoSync read the page's snapshot.
    connect(m_binding, &mockpanel::CoreBinding::profileApplied, this,
            [this] { m_view->bridge()->pushSnapshot(); });
    connect(m_binding, &mockpanel::CoreBinding::hostStateReplaced, this,
            [this] { m_view->bridge()->pushSnapshot(); });
    connect(m_scenarios, &mockpanel::ScenarioManager::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    connect(m_scenarios, &mockpanel::ScenarioManager::recentFilesChanged, this,
            [this] { recentScenarios.setValue(m_scenarios->recentFiles()); });
    connect(m_scenarios->model(), &mockpanel::WorkingScenario::documentChanged, this, [this] {
        // Presets and unsaved edits come back through the autosave; the
        // setting remembers the file for a state folder without one.
        if (m_scenarios->model()->origin() == mockpanel::WorkingScenario::Origin::File)
            lastScenario.setValue(m_scenarios->model()->filePath());
        updateScenarioMarks();
    });
    connect(m_scenarios->model(), &mockpanel::WorkingScenario::changed, this,
            [this](mockpanel::WorkingScenario::Parts parts) {
                if (parts & mockpanel::WorkingScenario::Part::Profile)
                    updateScenarioMarks();
            });
}

bool MainWindow::loadScenarioFile(const QString &path, QString *error)
{
    if (!m_scenarios) {
        if (error)
            *error = tr("no simulator to apply a scenario to");
        return false;
    }
    return m_scenarios->loadScenarioFile(path, error);
}

void MainWindow::setEnvVersion(const QString &envVersion)
{
    if (!m_scenarios)
        return;
    m_scenarios->model()->editProfile(tr("Edit account: envVersion"), QString(),
                                      [&](core::HostProfile &profile) {
                                          profile.account.envVersion = envVersion.toStdString();
                                      });
}

void MainWindow::projectShown()
{
    const QString appid = m_session->appid();
    const QString config = m_session->hasProject()
                               ? m_session->project().root + u"/project.config.json"_s
                               : QString();
    mockpanel::WorkingScenario *model = m_scenarios->model();
    // The session put the file's rules in force. The same project shown again
    // (a launch condition) keeps the panel's unsaved rule edits.
    if (!config.isEmpty() && model->isProjectModified()
        && QDir::cleanPath(config) == QDir::cleanPath(model->projectConfigPath())) {
        m_binding->applyAll();
    } else if (QString error; !model->setProject(config, &error)) {
        statusBar()->showMessage(tr("Mock rules not loaded: %1").arg(error));
    }
    m_binding->applyAll();
    m_binding->setAppid(appid);
    m_scenarios->setDefaultFolder(m_session->hasProject() ? m_session->project().root + u"/.mpsim"_s
                                                          : QString());
    if (m_stateInspector)
        m_stateInspector->setAppid(appid);
    updateApiVersionChoice();
}

void MainWindow::updateApiVersionChoice()
{
    if (!m_session || !m_apiVersionGroup)
        return;
    // The menu, the login page and the command line (which sets the session
    // directly) all end here: show what is in force in both.
    const QString effective = m_session->effectiveApiVersion();
    const QString projectDefault = m_session->project().apiVersion == u"v1"_s ? u"v1"_s : u"v2"_s;
    QString choice;
    for (QAction *action : m_apiVersionGroup->actions()) {
        if (action->isChecked())
            choice = action->data().toString();
    }
    if (effective != (choice.isEmpty() ? projectDefault : choice))
        choice = effective;
    for (QAction *action : m_apiVersionGroup->actions())
        action->setChecked(action->data().toString() == choice);
    if (m_mockPanel)
        m_mockPanel->loginPage()->showApiVersion(choice, effective);
}

void MainWindow::updateScenarioMarks()
{
    if (!m_scenarios)
        return;
    const mockpanel::WorkingScenario *model = m_scenarios->model();
    if (m_mockPanelDock) {
        const bool modified = model->isModified() || model->isProjectModified();
        m_mockPanelDock->setWindowTitle(tr("Mock panel \u2014 %1%2")
                                            .arg(model->displayName(), modified ? u" *"_s : QString()));
    }
    if (m_envGroup) {
        const QString env = QString::fromStdString(model->hostProfile().account.envVersion);
        for (QAction *action : m_envGroup->actions())
            action->setChecked(action->data().toString() == env);
    }
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    if (m_host) {
        QAction *open = m_fileMenu->addAction(tr("&Open Project..."), this,
                                              &MainWindow::chooseProject);
        open->setObjectName(u"openProjectAction"_s);
        open->setShortcut(QKeySequence::Open);
        m_recentMenu = m_fileMenu->addMenu(tr("Open &Recent"));
        updateRecentMenu();
        QAction *playground = m_fileMenu->addAction(tr("API &Playground"), this, [this] {
            if (m_scenarios->maybeSaveProjectRules())
                m_session->openPlayground();
        });
        playground->setObjectName(u"playgroundAction"_s);
        m_fileMenu->addSeparator();
        QAction *reload = m_fileMenu->addAction(tr("&Reload"), this, [this] { m_session->reload(); });
        reload->setObjectName(u"reloadAction"_s);
        reload->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5)});
        QAction *compile = m_fileMenu->addAction(tr("&Compile"), this, &MainWindow::compileProject);
        compile->setObjectName(u"compileAction"_s);
        compile->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
        m_fileMenu->addSeparator();
        QMenu *scenarioMenu = m_fileMenu->addMenu(tr("&Scenario"));
        scenarioMenu->addActions({m_scenarios->newAction(), m_scenarios->openAction(),
                                  m_scenarios->saveAction(), m_scenarios->saveAsAction()});
        m_fileMenu->addSeparator();
    }
    QAction *quitAction = m_fileMenu->addAction(tr("&Quit"));
    quitAction->setObjectName(u"quitAction"_s);
    quitAction->setMenuRole(QAction::QuitRole);
    // Platforms without a standard Quit binding (Windows, bare X11 themes)
    // still get the one users expect.
    QList<QKeySequence> quitShortcuts = QKeySequence::keyBindings(QKeySequence::Quit);
    const QKeySequence ctrlQ(Qt::CTRL | Qt::Key_Q);
    if (!quitShortcuts.contains(ctrlQ))
        quitShortcuts.append(ctrlQ);
    quitAction->setShortcuts(quitShortcuts);
    connect(quitAction, &QAction::triggered, this, &MainWindow::close);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    if (m_host) {
        m_viewMenu->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, this,
                              [this] { setZoom(qMin(m_zoom + 0.25, 2.0)); });
        m_viewMenu->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, this,
                              [this] { setZoom(qMax(m_zoom - 0.25, 0.5)); });
        m_viewMenu->addAction(tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_0), this,
                              [this] { setZoom(1.0); });
        m_viewMenu->addSeparator();

        m_simulatorMenu = menuBar()->addMenu(tr("&Simulator"));
        QMenu *deviceMenu = m_simulatorMenu->addMenu(tr("&Device"));
        m_deviceGroup = new QActionGroup(this);
        for (const DevicePreset &preset : DevicePreset::all()) {
            QAction *action = deviceMenu->addAction(
                u"%1 (%2x%3 @%4x)"_s.arg(preset.name)
                    .arg(preset.screenSize.width())
                    .arg(preset.screenSize.height())
                    .arg(preset.pixelRatio));
            action->setCheckable(true);
            action->setData(preset.name);
            action->setChecked(&preset == &DevicePreset::all().constFirst());
            m_deviceGroup->addAction(action);
            connect(action, &QAction::triggered, this,
                    [this, name = preset.name] { setDevice(name); });
        }
        QMenu *apiMenu = m_simulatorMenu->addMenu(tr("&API Version"));
        m_apiVersionGroup = new QActionGroup(this);
        for (const auto &[label, value] : {std::pair{tr("Project setting"), QString()},
                                           std::pair{tr("v1 (host app answers)"), u"v1"_s},
                                           std::pair{tr("v2 (built-in)"), u"v2"_s}}) {
            QAction *action = apiMenu->addAction(label);
            action->setCheckable(true);
            action->setChecked(value.isEmpty());
            action->setData(value);
            m_apiVersionGroup->addAction(action);
            connect(action, &QAction::triggered, this, [this, value] {
                m_session->setApiVersionOverride(value);
                updateApiVersionChoice();
                statusBar()->showMessage(
                    tr("apiVersion %1 answers login and checkSession").arg(m_session->effectiveApiVersion()),
                    3000);
            });
        }
        QMenu *envMenu = m_simulatorMenu->addMenu(tr("&Env Version"));
        m_envGroup = new QActionGroup(this);
        for (const QString &env : {u"develop"_s, u"trial"_s, u"release"_s}) {
            QAction *action = envMenu->addAction(env);
            action->setCheckable(true);
            action->setData(env);
            m_envGroup->addAction(action);
            connect(action, &QAction::triggered, this, [this, env] { setEnvVersion(env); });
        }
        updateScenarioMarks();
        m_conditionMenu = m_simulatorMenu->addMenu(tr("&Launch Condition"));
        updateConditionMenu();
    }

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(tr("&About mpsim"));
    aboutAction->setObjectName(u"aboutAction"_s);
    aboutAction->setMenuRole(QAction::AboutRole);
    connect(aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Simulator"));
    toolBar->setObjectName(u"simulatorToolBar"_s);
    toolBar->setMovable(false);
    toolBar->addAction(tr("Open"), this, &MainWindow::chooseProject);
    toolBar->addAction(tr("Reload"), this, [this] { m_session->reload(); });
    toolBar->addSeparator();
    m_deviceCombo = new QComboBox(toolBar);
    m_deviceCombo->setObjectName(u"deviceCombo"_s);
    for (const DevicePreset &preset : DevicePreset::all())
        m_deviceCombo->addItem(preset.name);
    connect(m_deviceCombo, &QComboBox::currentTextChanged, this,
            [this](const QString &name) { setDevice(name); });
    toolBar->addWidget(m_deviceCombo);

    auto *scenarioBar = new mockpanel::ScenarioToolBar(*m_scenarios, this);
    scenarioBar->setMovable(false);
    addToolBar(scenarioBar);
}

void MainWindow::createDocks()
{
    // Right-hand docks run the full height; the console sits under the phone.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    m_consoleDock = new ConsoleDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_consoleDock);
    connect(m_view, &SimulatorView::consoleMessage, this,
            [this](QWebEnginePage::JavaScriptConsoleMessageLevel level, const QString &message,
                   int line, const QString &source) {
                m_consoleDock->model()->append(static_cast<ConsoleModel::Level>(level), message,
                                               source, line);
            });

    m_callLogDock = new CallLogDock(m_host, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_callLogDock);
    tabifyDockWidget(m_consoleDock, m_callLogDock);
    m_consoleDock->raise();

    connect(m_host, &HostServices::problemReported, this,
            [this](const QString &message) { statusBar()->showMessage(message); });

    // The mock panel: what the simulated host app answers (edits apply to the
    // next wx call) and the rules. It took the Host profile dock's place
    // (and objectName, so saved layouts keep it where it was).
    m_mockPanel = new mockpanel::MockPanel(*m_scenarios, this);
    m_mockPanel->setKnownApis([this] {
        QStringList apis;
        for (const std::string &name : m_host->core().apiNames())
            apis << QString::fromStdString(name);
        apis.sort();
        return apis;
    }());
    connect(m_mockPanel->loginPage(), &mockpanel::LoginPage::apiVersionChosen, this,
            [this](const QString &choice) {
                m_session->setApiVersionOverride(choice);
                for (QAction *action : m_apiVersionGroup->actions())
                    action->setChecked(action->data().toString() == choice);
                updateApiVersionChoice();
            });
    m_mockPanelDock = new QDockWidget(tr("Mock panel"), this);
    m_mockPanelDock->setObjectName(u"hostProfileDock"_s);
    m_mockPanelDock->setWidget(m_mockPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_mockPanelDock);

    // What the host app remembers (scopes, session, storage) and the clock.
    m_stateInspector = new mockpanel::StateInspector(*m_scenarios->model(), m_host->core(),
                                                     m_host->clock(), this);
    m_stateInspector->setAppid(m_session->appid());
    m_scenarios->addShortcutsTo(m_stateInspector);
    connect(m_stateInspector, &mockpanel::StateInspector::hostStateEdited, this,
            [this] { m_view->bridge()->pushSnapshot(); });
    connect(m_stateInspector, &mockpanel::StateInspector::initialStateRequested, m_binding,
            &mockpanel::CoreBinding::applyInitialState);
    connect(m_binding, &mockpanel::CoreBinding::hostStateReplaced, m_stateInspector,
            &mockpanel::StateInspector::refresh);
    connect(m_binding, &mockpanel::CoreBinding::clockApplied, m_stateInspector,
            &mockpanel::StateInspector::refresh);
    connect(m_host, &HostServices::callSettled, m_stateInspector, &mockpanel::StateInspector::refresh);
    connect(m_host, &HostServices::hostStateChanged, m_stateInspector,
            &mockpanel::StateInspector::refresh);
    m_stateDock = new QDockWidget(tr("Host state"), this);
    m_stateDock->setObjectName(u"hostStateDock"_s);
    m_stateDock->setWidget(m_stateInspector);
    addDockWidget(Qt::RightDockWidgetArea, m_stateDock);
    tabifyDockWidget(m_mockPanelDock, m_stateDock);
    m_mockPanelDock->raise();
    resizeDocks({m_mockPanelDock}, {MockPanelWidth}, Qt::Horizontal);
    updateScenarioMarks();

    m_devToolsDock = new QDockWidget(tr("DevTools"), this);
    m_devToolsDock->setObjectName(u"devToolsDock"_s);
    addDockWidget(Qt::BottomDockWidgetArea, m_devToolsDock);
    m_devToolsDock->hide();
    connect(m_devToolsDock, &QDockWidget::visibilityChanged, this, &MainWindow::toggleDevTools);

    const std::pair<QDockWidget *, QKeySequence> docks[] = {
        {m_consoleDock, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
        {m_callLogDock, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)},
        {m_stateDock, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
        {m_mockPanelDock, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H)},
        {m_devToolsDock, QKeySequence(Qt::Key_F12)},
    };
    for (const auto &[dock, shortcut] : docks) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setShortcut(shortcut);
        m_viewMenu->addAction(toggle);
    }
}

void MainWindow::compileProject()
{
    QString summary;
    const auto diagnostics = m_session->compile(&summary);
    showCompileResult(summary, diagnostics);
}

void MainWindow::showCompileResult(const QString &summary,
                                   const std::vector<core::compiler::Diagnostic> &diagnostics)
{
    // Diagnostics go to the Console with their file:line:col, like the page's messages.
    for (const auto &diagnostic : diagnostics) {
        const auto level = diagnostic.severity == core::compiler::Severity::Error
                               ? ConsoleModel::Level::Error
                               : ConsoleModel::Level::Warning;
        m_consoleDock->model()->append(
            level,
            u"%1 [%2]"_s.arg(QString::fromStdString(diagnostic.message),
                            QString::fromStdString(diagnostic.code)),
            QString::fromStdString(diagnostic.file), diagnostic.line);
    }
    m_consoleDock->model()->append(ConsoleModel::Level::Info, summary, {}, 0);
    statusBar()->showMessage(summary, 5000);
}

void MainWindow::toggleDevTools(bool on)
{
    // Chromium's DevTools cost a renderer: create them on first use only.
    if (!on || m_devToolsView)
        return;
    m_devToolsView = new QWebEngineView(m_devToolsDock);
    m_devToolsDock->setWidget(m_devToolsView);
    m_view->page()->setDevToolsPage(m_devToolsView->page());
}

void MainWindow::createStatusBar()
{
    if (m_host) {
        m_appidLabel = new QLabel(this);
        m_appidLabel->setObjectName(u"appidLabel"_s);
        statusBar()->addPermanentWidget(m_appidLabel);
        m_codeExchangeLabel = new QLabel(tr("jscode2session: off"), this);
        m_codeExchangeLabel->setObjectName(u"codeExchangeLabel"_s);
        statusBar()->addPermanentWidget(m_codeExchangeLabel);
    }
    auto *versionLabel = new QLabel(u"mpsim " MPSIM_VERSION ""_s, this);
    versionLabel->setObjectName(u"versionLabel"_s);
    statusBar()->addPermanentWidget(versionLabel);
}

void MainWindow::setCodeExchangePort(quint16 port)
{
    if (!m_codeExchangeLabel)
        return;
    m_codeExchangeLabel->setText(port == 0 ? tr("jscode2session: off")
                                           : tr("jscode2session: http://127.0.0.1:%1").arg(port));
    m_codeExchangeLabel->setToolTip(
        tr("Your backend exchanges wx.login codes (apiVersion v2) with\n"
           "GET http://127.0.0.1:%1/sns/jscode2session?appid=...&secret=...&js_code=...")
            .arg(port));
}

bool MainWindow::setDevice(const QString &name)
{
    const DevicePreset *preset = DevicePreset::find(name);
    if (!preset || !m_view)
        return false;
    m_view->setDevice(*preset);
    m_host->setDevice(*preset);
    m_phoneFrame->setScreenSize(preset->screenSize * m_zoom);
    m_view->setFixedSize(preset->screenSize * m_zoom);
    lastDevice.setValue(preset->name);
    if (m_deviceGroup) {
        for (QAction *action : m_deviceGroup->actions())
            action->setChecked(action->data().toString() == preset->name);
    }
    if (m_deviceCombo && m_deviceCombo->currentText() != preset->name)
        m_deviceCombo->setCurrentText(preset->name);
    return true;
}

void MainWindow::setZoom(qreal zoom)
{
    m_zoom = zoom;
    m_view->webView()->setZoomFactor(zoom);
    setDevice(m_view->device().name);
}

bool MainWindow::openProject(const QString &folder, bool quiet)
{
    const bool otherProject = QDir::cleanPath(folder) != QDir::cleanPath(m_session->project().root);
    if (!quiet && otherProject && !m_scenarios->maybeSaveProjectRules())
        return false;
    QString error;
    if (!m_session->openProject(folder, &error)) {
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot open project"), error);
        return false;
    }
    rememberProject(m_session->project().root);
    return true;
}

void MainWindow::chooseProject()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Open Mini-Program Project"), recentProjects.value().value(0));
    if (!folder.isEmpty())
        openProject(folder);
}

void MainWindow::rememberProject(const QString &folder)
{
    QStringList recent = recentProjects.value();
    recent.removeAll(folder);
    recent.prepend(folder);
    recentProjects.setValue(recent.mid(0, MaxRecentProjects));
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = recentProjects.value();
    for (const QString &folder : recent)
        m_recentMenu->addAction(folder, this, [this, folder] { openProject(folder); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateConditionMenu()
{
    if (!m_conditionMenu || !m_session)
        return;
    m_conditionMenu->clear();
    const auto &conditions = m_session->project().conditions;
    for (const LaunchCondition &condition : conditions) {
        m_conditionMenu->addAction(condition.name.isEmpty() ? condition.pathName : condition.name,
                                   this, [this, condition] {
                                       m_session->setLaunchPage(condition.pathName, condition.query);
                                       m_session->openProject(m_session->project().root);
                                   });
    }
    m_conditionMenu->setEnabled(!conditions.isEmpty());
}

void MainWindow::updateTitle()
{
    const QString name = m_session->hasProject() ? m_session->project().name : tr("API Playground");
    setWindowTitle(u"%1 - mpsim"_s.arg(name));
    if (m_appidLabel)
        m_appidLabel->setText(m_session->appid());
}

void MainWindow::restoreWindowState()
{
    restoreGeometry(windowGeometry.value());
    restoreState(dockLayout.value());
    const QString device = lastDevice.value();
    if (!device.isEmpty())
        setDevice(device);
    m_mockPanel->restoreState(mockPanelState.value());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_host) {
        // The working scenario needs no prompt: its autosave brings it back,
        // unsaved mark included. The project's rules have no autosave.
        if (!m_scenarios->maybeSaveProjectRules()) {
            event->ignore();
            return;
        }
        m_scenarios->autosaveNow();
        windowGeometry.setValue(saveGeometry());
        dockLayout.setValue(saveState());
        mockPanelState.setValue(m_mockPanel->saveState());
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About mpsim"),
                       tr("<h3>mpsim %1</h3><p>%2.</p>")
                           .arg(QStringLiteral(MPSIM_VERSION), QStringLiteral(MPSIM_DESCRIPTION)));
}

} // namespace mpsim::app
