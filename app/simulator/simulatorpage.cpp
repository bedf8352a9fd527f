#include "simulator/simulatorpage.h"

#include "web/urlschemes.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

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
    // The runtime prints the logic layer's console output for it, ending with
    // "(at <file>:<line>)": the message is the user's, so is the location.
    static const QRegularExpression located(uR"(^(.*) \(at (mpsim://[^\s]+|[^\s:]+\.[a-z]+):(\d+)(?::\d+)?\)$)"_s,
                                            QRegularExpression::DotMatchesEverythingOption);
    if (source.startsWith(u"mpsim://runtime/"_s)) {
        const auto match = located.match(message);
        if (match.hasMatch()) {
            emit consoleMessage(level, match.captured(1), match.captured(3).toInt(), match.captured(2));
            return;
        }
    }
    emit consoleMessage(level, message, line, source);
}

QWebEnginePage *SimulatorPage::createWindow(WebWindowType)
{
    return nullptr; // window.open and target=_blank stay in the phone: refused
}

} // namespace mpsim::app
