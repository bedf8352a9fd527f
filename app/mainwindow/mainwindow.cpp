#include "mainwindow/mainwindow.h"

#include "buildinfo.h"
#include "host/hostservices.h"
#include "profile/profilejsoneditor.h"
#include "simulator/phoneframe.h"

#include <QAction>
#include <QDockWidget>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mpsim::app {

namespace {

constexpr int PhoneMargin = 24;

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

    createMenus();
    createStatusBar();
    if (m_host)
        createHostProfileDock();

    // QScrollArea's own size hint is capped far below a phone's height: ask the
    // window's layout for its size with the whole stage visible instead.
    scrollArea->setMinimumSize(stage->sizeHint());
    QSize size = sizeHint();
    scrollArea->setMinimumSize(QSize(0, 0));
    if (const QScreen *currentScreen = screen())
        size = size.boundedTo(currentScreen->availableSize() * 0.9);
    resize(size);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quitAction = fileMenu->addAction(tr("&Quit"));
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

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(tr("&About mpsim"));
    aboutAction->setObjectName(u"aboutAction"_s);
    aboutAction->setMenuRole(QAction::AboutRole);
    connect(aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createHostProfileDock()
{
    // What the simulated host app answers; edits apply to the next wx call.
    auto *editor = new mockpanel::ProfileJsonEditor(this);
    editor->setObjectName(u"hostProfileEditor"_s);
    editor->setProfile(m_host->core().hostProfile());
    connect(editor, &mockpanel::ProfileJsonEditor::profileEdited, this,
            [this](const core::HostProfile &profile) {
                m_host->core().setHostProfile(profile);
                statusBar()->showMessage(tr("Host profile applied"), 3000);
            });
    connect(m_host, &HostServices::problemReported, this,
            [this](const QString &message) { statusBar()->showMessage(message); });

    auto *dock = new QDockWidget(tr("Host profile"), this);
    dock->setObjectName(u"hostProfileDock"_s);
    dock->setWidget(editor);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    QAction *toggle = dock->toggleViewAction();
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_viewMenu->addAction(toggle);
}

void MainWindow::createStatusBar()
{
    auto *versionLabel = new QLabel(u"mpsim " MPSIM_VERSION ""_s, this);
    versionLabel->setObjectName(u"versionLabel"_s);
    statusBar()->addPermanentWidget(versionLabel);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About mpsim"),
                       tr("<h3>mpsim %1</h3><p>%2.</p>")
                           .arg(QStringLiteral(MPSIM_VERSION), QStringLiteral(MPSIM_DESCRIPTION)));
}

} // namespace mpsim::app
