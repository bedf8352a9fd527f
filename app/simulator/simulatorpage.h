#pragma once

#include <QWebEnginePage>

namespace mpsim::app {

// The page inside the simulator: it stays on mpsim:// (a link to another
// origin is refused and reported, never loaded in the phone) and reports the
// page's console messages.
class SimulatorPage final : public QWebEnginePage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulatorPage)

public:
    explicit SimulatorPage(QWebEngineProfile *profile, QObject *parent = nullptr);

signals:
    void consoleMessage(QWebEnginePage::JavaScriptConsoleMessageLevel level,
                        const QString &message, int line, const QString &source);
    void navigationRefused(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                  int line, const QString &source) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
};

} // namespace mpsim::app
