#pragma once

#include "compiler/diagnostic.h"

#include <QMainWindow>

#include <vector>

class QActionGroup;
class QComboBox;
class QLabel;
class QMenu;
class QWebEngineView;

namespace mpsim::mockpanel {
class CoreBinding;
class MockPanel;
class ScenarioManager;
class StateInspector;
} // namespace mpsim::mockpanel

namespace mpsim::app {

class CallLogDock;
class CodeExchangeServer;
class ConsoleDock;
class HostServices;
class OverlayHostPrompts;
class PhoneFrame;
class SimulatorSession;
class SimulatorView;

// The simulator window. It arranges the parts (the phone with the simulator
// view, the docks, menus and toolbar) and connects them; what each part does
// lives in its own class.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // `host` may be null (tests of the window alone): the phone then shows a
    // placeholder and the host docks are absent.
    explicit MainWindow(HostServices *host = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    SimulatorSession *session() const { return m_session; }
    SimulatorView *simulatorView() const { return m_view; }
    OverlayHostPrompts *prompts() const { return m_prompts; }
    PhoneFrame *phoneFrame() const { return m_phoneFrame; }

    // Shows where the developer's backend exchanges codes (0: not listening).
    void setCodeExchangePort(quint16 port);
    // Applies a device preset by name; false when there is none.
    bool setDevice(const QString &name);
    // Opens a project folder, reporting a failure in a message box unless quiet.
    // Unless quiet, asks first about unsaved edits of the open project's mock rules.
    bool openProject(const QString &folder, bool quiet = false);

    // The mock panel's working scenario, its files and actions.
    mockpanel::ScenarioManager *scenarioManager() const { return m_scenarios; }
    mockpanel::MockPanel *mockPanel() const { return m_mockPanel; }
    mockpanel::StateInspector *stateInspector() const { return m_stateInspector; }
    // Applies the working scenario to the core; its rulesApplied() tells
    // whoever layers rules of their own on top (automation) to do it again.
    mockpanel::CoreBinding *coreBinding() const { return m_binding; }
    // `--scenario FILE`: makes the scenario at `path` (or "preset:<id>") the
    // working one and applies it: host profile, rules, clock offset, and its
    // initial state to the mini-program on screen and to the next one opened.
    // On failure nothing changes and `error` names the file, the place in it
    // and the problem. False without a simulator (no HostServices).
    bool loadScenarioFile(const QString &path, QString *error);
    // getAccountInfoSync's envVersion (develop, trial or release), as an
    // edit of the working scenario's host profile (`--env-version`).
    void setEnvVersion(const QString &envVersion);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createSimulator();
    void createScenario();
    void createMenus();
    void createToolBar();
    void createDocks();
    void createStatusBar();
    void showAbout();
    void chooseProject();
    void compileProject();
    void showCompileResult(const QString &summary, const std::vector<core::compiler::Diagnostic> &diagnostics);
    void rememberProject(const QString &folder);
    void updateRecentMenu();
    void updateConditionMenu();
    void updateTitle();
    void setZoom(qreal zoom);
    void toggleDevTools(bool on);
    void restoreWindowState();
    void projectShown();
    void updateApiVersionChoice();
    void updateScenarioMarks();

    HostServices *m_host = nullptr;
    PhoneFrame *m_phoneFrame = nullptr;
    SimulatorView *m_view = nullptr;
    OverlayHostPrompts *m_prompts = nullptr;
    SimulatorSession *m_session = nullptr;
    mockpanel::ScenarioManager *m_scenarios = nullptr;
    mockpanel::CoreBinding *m_binding = nullptr;
    mockpanel::MockPanel *m_mockPanel = nullptr;
    mockpanel::StateInspector *m_stateInspector = nullptr;
    QDockWidget *m_mockPanelDock = nullptr;
    QDockWidget *m_stateDock = nullptr;
    QActionGroup *m_apiVersionGroup = nullptr;
    QActionGroup *m_envGroup = nullptr;
    ConsoleDock *m_consoleDock = nullptr;
    CallLogDock *m_callLogDock = nullptr;
    QDockWidget *m_devToolsDock = nullptr;
    QWebEngineView *m_devToolsView = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_simulatorMenu = nullptr;
    QMenu *m_conditionMenu = nullptr;
    QActionGroup *m_deviceGroup = nullptr;
    QComboBox *m_deviceCombo = nullptr;
    QLabel *m_codeExchangeLabel = nullptr;
    QLabel *m_appidLabel = nullptr;
    qreal m_zoom = 1.0;
};

} // namespace mpsim::app
