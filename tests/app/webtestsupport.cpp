#include "webtestsupport.h"

#include "simulator/simulatorpage.h"
#include "simulator/simulatorview.h"
#include "web/urlschemes.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// Qt WebEngine wants its scheme registered, and OpenGL contexts shared,
// before the (shared) QApplication exists: do it at load time.
const bool schemesRegistered = [] {
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    mpsim::app::registerUrlSchemes();
    return true;
}();

} // namespace

namespace mpsim::test {

QString webDataDir()
{
    return QStringLiteral(MPSIM_TEST_DATA_DIR "/web");
}

bool loadAndWait(app::SimulatorView &view, const QUrl &url, int timeoutMs)
{
    QEventLoop loop;
    bool ok = false;
    bool finished = false;
    QObject::connect(&view, &app::SimulatorView::loadFinished, &loop, [&](bool result) {
        ok = result;
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    view.load(url);
    if (!finished)
        loop.exec();
    return ok;
}

QJsonValue evaluate(app::SimulatorView &view, const QString &body, int timeoutMs)
{
    static int counter = 0;
    const QString tag = u"__mpsim_test_result_%1:"_s.arg(++counter);
    QEventLoop loop;
    QJsonValue result = QJsonObject{{u"timeout"_s, true}};
    QObject::connect(&view, &app::SimulatorView::consoleMessage, &loop,
                     [&](auto, const QString &message, int, const QString &) {
                         if (!message.startsWith(tag))
                             return;
                         const auto document = QJsonDocument::fromJson(
                             u"[%1]"_s.arg(message.mid(tag.size())).toUtf8());
                         result = document.array().at(0);
                         loop.quit();
                     });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    const QString script =
        u"(async () => { %1 })().then("_s
        u"v => console.log('%2' + JSON.stringify(v === undefined ? null : v)),"_s
        u"e => console.log('%2' + JSON.stringify({rejected: e instanceof Error ? String(e) : e})));"_s;
    view.page()->runJavaScript(script.arg(body, tag));
    loop.exec();
    return result;
}

bool evaluatesTo(app::SimulatorView &view, const QString &expression, const QJsonValue &expected,
                 int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    const QString body = u"try { return (%1); } catch (e) { return {threw: String(e)}; }"_s.arg(expression);
    while (true) {
        if (evaluate(view, body) == expected)
            return true;
        if (clock.elapsed() > timeoutMs)
            return false;
        QEventLoop pause;
        QTimer::singleShot(20, &pause, &QEventLoop::quit);
        pause.exec();
    }
}

} // namespace mpsim::test
