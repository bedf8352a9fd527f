// The mini-program runtime measured in a real simulator (offscreen), Worker
// hop included (benchmarks/data/runtime-list):
//   - setData changing one row of a 1,000-row wx:for list
//   - setData appending one row
//   - setData replacing the whole list, and filling an emptied list
//   measured from the setData call in the logic layer to the DOM updated in
//   the view (a MutationObserver callback; both sides read
//   performance.timeOrigin + performance.now(), one clock)
//   - navigateTo: from the call to the new page's onReady
// Not a Google Benchmark: the work is asynchronous JavaScript. Results go to
// docs/BENCHMARKS.md. Run: build/release/benchmarks/runtime_bench [iterations]

#include "host/hostservices.h"
#include "simulator/simulatorsession.h"
#include "simulator/simulatorview.h"
#include "web/urlschemes.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace mpsim;

namespace {

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
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    view.page()->runJavaScript(
        u"(async () => { %1 })().then(v => console.log('%2' + JSON.stringify(v)),"
        u" e => console.log('%2' + JSON.stringify({error: String(e && e.stack || e)})))"_s.arg(body, tag));
    loop.exec();
    return result;
}

void print(const char *what, const QJsonObject &stats)
{
    if (stats.contains(u"error"_s) || !stats.contains(u"n"_s)) {
        std::printf("%s: ERROR %s\n", what,
                    qPrintable(stats.value(u"error"_s).toString(u"no answer from the page"_s)));
        return;
    }
    std::printf("%-52s p50 %7.3f ms   p90 %7.3f ms   min %7.3f ms   (%d runs)", what,
                stats.value(u"p50"_s).toDouble(), stats.value(u"p90"_s).toDouble(),
                stats.value(u"min"_s).toDouble(), stats.value(u"n"_s).toInt());
    if (stats.contains(u"hop"_s))
        std::printf("   p50 parts: hop %.3f ms, apply %.3f ms", stats.value(u"hop"_s).toDouble(),
                    stats.value(u"apply"_s).toDouble());
    std::printf("\n");
}

} // namespace

int main(int argc, char *argv[])
{
    ::setenv("QT_QPA_PLATFORM", "offscreen", 0);
    ::setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu", 0);
    ::setenv("QT_LOGGING_RULES", "qt.webenginecontext.info=false", 0);
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    app::registerUrlSchemes();
    QApplication application(argc, argv);
    const int iterations = argc > 1 ? std::max(10, std::atoi(argv[1])) : 200;

    QTemporaryDir state;
    app::HostServices host(state.path());
    app::SimulatorView view(host.core());
    app::SimulatorSession session(host, view);
    view.show();
    QString error;
    // Scripts run in the runtime's page, once it is there (a script sent
    // earlier would die with the blank page before it).
    QEventLoop loaded;
    QObject::connect(&view, &app::SimulatorView::loadFinished, &loaded, &QEventLoop::quit);
    QTimer::singleShot(30000, &loaded, &QEventLoop::quit);
    if (!session.openProject(QString::fromUtf8(MPSIM_BENCH_DATA_DIR "/runtime-list"), &error)) {
        std::fprintf(stderr, "runtime_bench: %s\n", qPrintable(error));
        return 1;
    }
    loaded.exec();

    const QString helpers = uR"(
        const until = async (test) => { for (let i = 0; i < 3000 && !test(); ++i) await new Promise(r => setTimeout(r, 5)); };
        await until(() => window.__mpsimView && __mpsimView.stack.length && __mpsimView.stack[0].tree.rendered
                          && __mpsimView.stack[0].element.shadowRoot.querySelectorAll('.row').length >= 1000);
        const view = __mpsimView;
        const stats = (times) => { times.sort((a, b) => a - b);
            return {p50: times[times.length >> 1], p90: times[Math.floor(times.length * 0.9)], min: times[0], n: times.length}; };
        const listPage = () => view.stack[0];
        const page = () => listPage().element.shadowRoot;
        // Clicks `button`, resolves with the time from the handler's setData
        // (t0, in the logic Worker) to the view having patched the DOM, and
        // its two parts: the hop (t0 to the view starting on the message) and
        // the apply (patch + re-render + DOM patch). The view applies a
        // setData synchronously; the microtask after it lets built-in
        // components flush what they defer.
        const clock = () => performance.timeOrigin + performance.now();
        const measure = (button) => new Promise((resolve) => {
            const page = listPage();
            const apply = view.on_setData;
            view.on_setData = function (message) {
                const arrived = clock();
                apply.call(view, message);
                if (message.target !== page.id)
                    return;
                view.on_setData = apply;
                const applied = clock();
                queueMicrotask(() => {
                    const t0 = page.tree.data.t0;
                    resolve({ total: clock() - t0, hop: arrived - t0, apply: applied - arrived });
                });
            };
            page.element.shadowRoot.querySelector(button).click();
        });
        // Lets the page lay out and paint the previous update first: that
        // work is not setData's, and would land in the next sample's hop.
        const settle = () => new Promise((resolve) => {
            const timer = setTimeout(resolve, 200);
            requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(timer); setTimeout(resolve, 0); }));
        });
        // `before`, when given, is clicked (and settled) before every sample.
        const run = async (button, n, before) => { const samples = [];
            const prepare = async () => { if (before) { page().querySelector(before).click(); await settle(); } };
            for (let i = 0; i < 10; ++i) { await prepare(); await measure(button); await settle(); }      // warm-up
            for (let i = 0; i < n; ++i) { await prepare(); samples.push(await measure(button)); await settle(); }
            const result = stats(samples.map((s) => s.total));
            result.hop = stats(samples.map((s) => s.hop)).p50;
            result.apply = stats(samples.map((s) => s.apply)).p50;
            return result; };
    )"_s;
    const QString n = QString::number(iterations);
    print("setData one row of a 1,000-row list -> DOM", evaluate(view, helpers + u"return await run('#update', %1);"_s.arg(n)));
    print("setData append one row -> DOM", evaluate(view, helpers + u"return await run('#append', %1);"_s.arg(n)));
    print("setData replace the whole 1,000-row list -> DOM",
          evaluate(view, helpers + u"return await run('#replace', %1);"_s.arg(qMin(iterations, 100))));
    print("setData 1,000 rows into an empty list -> DOM",
          evaluate(view, helpers + u"return await run('#replace', %1, '#clear');"_s.arg(qMin(iterations, 100))));
    print("  of which: re-render + patch of the list page, no change",
          evaluate(view, helpers + uR"(
        const times = [];
        for (let i = 0; i < %1; ++i) {
            const begin = performance.now();
            listPage().tree.update();
            times.push(performance.now() - begin);
        }
        return stats(times);)"_s.arg(qMin(iterations, 100))));
    print("navigateTo -> onReady of the new page", evaluate(view, helpers + uR"(
        const times = [];
        for (let i = 0; i < %1 + 5; ++i) {
            listPage().element.shadowRoot.querySelector('#go').click();
            await until(() => view.stack.length === 2 && view.stack[1].element.shadowRoot.querySelector('#ready')
                               && view.stack[1].element.shadowRoot.querySelector('#ready').textContent !== '');
            if (i >= 5)
                times.push(Number(view.stack[1].element.shadowRoot.querySelector('#ready').textContent));
            document.querySelector('.mp-back').click();
            await until(() => view.stack.length === 1);
        }
        return stats(times);)"_s.arg(qMin(iterations, 50))));
    return 0;
}
