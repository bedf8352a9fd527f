#pragma once

#include "simulator/devicepreset.h"
#include "simulator/simulatorpage.h"

#include <QUrl>
#include <QWebEnginePage>
#include <QWidget>

class QWebChannel;
class QWebEngineProfile;
class QWebEngineView;

namespace mpsim::core {
class ApiCore;
}

namespace mpsim::app {

class SchemeHandler;
class WxBridge;

// What shows on the phone's screen: a QWebEngineView on its own off-the-record
// profile (nothing leaks between projects or runs), the mpsim:// scheme for
// the project and the runtime, and the wx bridge injected into every page.
class SimulatorView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulatorView)

public:
    explicit SimulatorView(core::ApiCore &core, QWidget *parent = nullptr);
    ~SimulatorView() override;

    // Serves `root` under mpsim://project/. A different root gets a new
    // off-the-record profile and page, so nothing stored leaks across projects.
    void setProjectRoot(const QString &root);
    void setAppid(const QString &appid);
    void setDevice(const DevicePreset &device);
    const DevicePreset &device() const { return m_device; }

    // Loads `url` (mpsim://...) with a fresh bridge bootstrap.
    void load(const QUrl &url);
    void reload();

    SimulatorPage *page() const { return m_page; }
    QWebEngineView *webView() const { return m_view; }
    WxBridge *bridge() const { return m_bridge; }
    SchemeHandler *schemeHandler() const { return m_schemeHandler; }
    QWebEngineProfile *profile() const { return m_profile; }

signals:
    void loadFinished(bool ok);
    // The page (and its profile) was replaced for a new project: page() changed.
    void pageReplaced();
    void consoleMessage(QWebEnginePage::JavaScriptConsoleMessageLevel level,
                        const QString &message, int line, const QString &source);

private:
    void setUpPage();
    void installBridgeScript();

    QWebEngineProfile *m_profile;
    SchemeHandler *m_schemeHandler;
    SimulatorPage *m_page;
    QWebEngineView *m_view;
    QWebChannel *m_channel;
    WxBridge *m_bridge;
    DevicePreset m_device;
};

} // namespace mpsim::app
