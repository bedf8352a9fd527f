// The wx bridge measured end to end in a real simulator page (offscreen):
//   - start-up: process start to the first frame of a page painted
//   - memory: sum of PSS over mpsim's process tree (app + WebEngine processes)
//   - round trip page -> core -> page: p50 / p90 of sequential calls, calls/s
//   - 10,000 concurrent calls: time until all settled
// Not a Google Benchmark: the work is asynchronous JavaScript. Results go to
// docs/BENCHMARKS.md. Run: build/release/benchmarks/bridge_bench

#include "host/hostservices.h"
#include "simulator/simulatorview.h"
#include "web/urlschemes.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace mpsim;

namespace {

// PSS in kB of `pid` and all its descendants.
long treePssKb(long pid)
{
    long total = 0;
    QFile rollup(u"/proc/%1/smaps_rollup"_s.arg(pid));
    if (rollup.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : rollup.readAll().split('\n')) {
            if (line.startsWith("Pss:"))
                total += line.mid(4).trimmed().split(' ').value(0).toLong();
        }
    }
    const QDir tasks(u"/proc/%1/task"_s.arg(pid));
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile children(tasks.filePath(task) + u"/children"_s);
        if (!children.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &child : children.readAll().split(' ')) {
            if (!child.trimmed().isEmpty())
                total += treePssKb(child.trimmed().toLong());
        }
    }
    return total;
}

QJsonObject evaluate(app::SimulatorView &view, const QString &body)
{
    QEventLoop loop;
    QJsonObject result;
    const QString tag = u"__bench__:"_s;
    QObject::connect(&view, &app::SimulatorView::consoleMessage, &loop,
                     [&](auto, const QString &message, int, const QString &) {
                         if (message.startsWith(tag)) {
                             result = QJsonDocument::fromJson(message.mid(tag.size()).toUtf8()).object();
                             loop.quit();
                         }
                     });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    view.page()->runJavaScript(u"(async () => { %1 })().then(v => console.log('%2' + JSON.stringify(v)))"_s
                                   .arg(body, tag));
    loop.exec();
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    ::setenv("QT_QPA_PLATFORM", "offscreen", 0);
    ::setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu", 0);
    ::setenv("QT_LOGGING_RULES", "qt.webenginecontext.info=false", 0);
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    app::registerUrlSchemes();
    QApplication application(argc, argv);

    QTemporaryDir state;
    app::HostServices host(state.path());
    app::SimulatorView view(host.core());
    view.setAppid(u"wxbench"_s);
    view.show();

    // The first frame: loadFinished, then a requestAnimationFrame callback.
    QEventLoop loop;
    QObject::connect(&view, &app::SimulatorView::loadFinished, &loop, &QEventLoop::quit);
    view.load(app::runtimeUrl(u"/playground/index.html"_s));
    loop.exec();
    const QJsonObject painted = evaluate(
        view, u"await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); return {}"_s);
    const qint64 startMs = sinceStart.elapsed();
    (void)painted;
    const long pssKb = treePssKb(::getpid());

    const QJsonObject sequential = evaluate(view, uR"(
        const n = 2000, times = [];
        for (let i = 0; i < 200; ++i) await wx.getSetting();   // warm-up
        const started = performance.now();
        for (let i = 0; i < n; ++i) {
            const t = performance.now();
            await wx.getSetting();
            times.push(performance.now() - t);
        }
        const total = performance.now() - started;
        times.sort((a, b) => a - b);
        return {p50: times[n >> 1], p90: times[Math.floor(n * 0.9)], perSecond: n / total * 1000};
    )"_s);
    const QJsonObject concurrent = evaluate(view, uR"(
        const started = performance.now();
        const replies = await Promise.all(Array.from({length: 10000}, () => wx.getSetting()));
        return {ms: performance.now() - started,
                ok: replies.filter(r => r.errMsg === 'getSetting:ok').length};
    )"_s);

    // Last: a second QWebChannel client takes the transport from the page's own.
    const QJsonObject raw = evaluate(view, uR"(
        const bridge = await new Promise(r => new QWebChannel(qt.webChannelTransport, ch => r(ch.objects.mpsimBridge)));
        const n = 2000, times = [];
        for (let i = 0; i < 200; ++i) await new Promise(r => bridge.snapshot(r));
        for (let i = 0; i < n; ++i) {
            const t = performance.now();
            await new Promise(r => bridge.snapshot(r));
            times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        const t0 = performance.now();
        for (let i = 0; i < 2000; ++i) await new Promise(r => setTimeout(r, 0));
        const timeout = (performance.now() - t0) / 2000;
        const mc = new MessageChannel(); let resolveNext;
        mc.port1.onmessage = () => resolveNext();
        const t1 = performance.now();
        for (let i = 0; i < 2000; ++i) await new Promise(r => { resolveNext = r; mc.port2.postMessage(0); });
        const message = (performance.now() - t1) / 2000;
        return {p50: times[n >> 1], timeout, message};
    )"_s);
    std::printf("raw QWebChannel invoke with return value: p50 %.3f ms; setTimeout(0) hop %.3f ms; MessageChannel hop %.3f ms\n",
                raw.value(u"p50"_s).toDouble(), raw.value(u"timeout"_s).toDouble(), raw.value(u"message"_s).toDouble());
    std::printf("start to first page painted (playground, offscreen): %lld ms\n", startMs);
    std::printf("memory, PSS of the process tree after load: %.1f MB\n", pssKb / 1024.0);
    std::printf("sequential getSetting round trip: p50 %.3f ms, p90 %.3f ms, %.0f calls/s\n",
                sequential.value(u"p50"_s).toDouble(), sequential.value(u"p90"_s).toDouble(),
                sequential.value(u"perSecond"_s).toDouble());
    std::printf("10,000 concurrent getSetting: all settled in %.0f ms (%d ok)\n",
                concurrent.value(u"ms"_s).toDouble(), concurrent.value(u"ok"_s).toInt());
    return 0;
}
