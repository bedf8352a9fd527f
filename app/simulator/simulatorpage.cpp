#include "simulator/simulatorpage.h"

#include "web/urlschemes.h"

namespace mpsim::app {

SimulatorPage::SimulatorPage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
{}

bool SimulatorPage::acceptNavigationRequest(const QUrl &url, NavigationType, bool)
{
    if (url.scheme() == QLatin1String(SimulatorScheme) || url.scheme() == QLatin1String("about")
        || url.scheme() == QLatin1String("data"))
        return true;
    emit navigationRefused(url);
    emit consoleMessage(WarningMessageLevel,
                        tr("mpsim: navigation to %1 was refused: a mini-program page cannot "
                           "leave the simulator")
                            .arg(url.toDisplayString()),
                        0, url.toString());
    return false;
}

void SimulatorPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level,
                                             const QString &message, int line,
                                             const QString &source)
{
    emit consoleMessage(level, message, line, source);
}

QWebEnginePage *SimulatorPage::createWindow(WebWindowType)
{
    return nullptr; // window.open and target=_blank stay in the phone: refused
}

} // namespace mpsim::app
