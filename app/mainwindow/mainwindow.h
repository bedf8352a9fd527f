#pragma once

#include <QMainWindow>

class QActionGroup;
class QComboBox;
class QLabel;
class QMenu;
class QWebEngineView;

namespace mpsim::mockpanel {
class ProfileJsonEditor;
}

namespace mpsim::app {

class CallLogDock;
class CodeExchangeServer;
class ConsoleDock;
class HostServices;
class HostStateDock;
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
    bool openProject(const QString &folder, bool quiet = false);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createSimulator();
    void createMenus();
    void createToolBar();
    void createDocks();
    void createStatusBar();
    void showAbout();
    void chooseProject();
    void compileProject();
    void rememberProject(const QString &folder);
    void updateRecentMenu();
    void updateConditionMenu();
    void updateTitle();
    void setZoom(qreal zoom);
    void toggleDevTools(bool on);
    void restoreWindowState();

    HostServices *m_host = nullptr;
    PhoneFrame *m_phoneFrame = nullptr;
    SimulatorView *m_view = nullptr;
    OverlayHostPrompts *m_prompts = nullptr;
    SimulatorSession *m_session = nullptr;
    mockpanel::ProfileJsonEditor *m_profileEditor = nullptr;
    ConsoleDock *m_consoleDock = nullptr;
    CallLogDock *m_callLogDock = nullptr;
    HostStateDock *m_hostStateDock = nullptr;
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
