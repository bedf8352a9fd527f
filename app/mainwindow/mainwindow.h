#pragma once

#include <QMainWindow>

class QMenu;

namespace mpsim::mockpanel {
class ProfileJsonEditor;
}

namespace mpsim::app {

class HostServices;
class PhoneFrame;

// The simulator window: menus, a status bar, and the phone in the middle.
// It only arranges the parts; what they do lives in their own classes.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // `host` may be null (tests of the window alone): the host dock is then absent.
    explicit MainWindow(HostServices *host = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    void createMenus();
    void createHostProfileDock();
    void createStatusBar();
    void showAbout();

    HostServices *m_host = nullptr;
    PhoneFrame *m_phoneFrame = nullptr;
    QMenu *m_viewMenu = nullptr;
};

} // namespace mpsim::app
