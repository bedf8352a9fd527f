#include "runtimeharness.h"

#include "../webtestsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QEventLoop>
#include <QJsonObject>
#include <QMouseEvent>
#include <QTest>
#include <QTimer>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace mpsim::test {

namespace {

const QString Prelude = uR"(
const view = window.__mpsimView;
const top = view && view.stack[view.stack.length - 1];
const page = top ? top.element.shadowRoot : null;
)"_s;

void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

QString runtimeProject(const QString &name)
{
    return QDir(webDataDir() + u"/../runtime/"_s + name).absolutePath();
}

RuntimeHarness::RuntimeHarness()
    : m_host(std::make_unique<app::HostServices>(m_state.path()))
    , m_view(std::make_unique<app::SimulatorView>(m_host->core()))
    , m_prompts(std::make_unique<app::OverlayHostPrompts>(m_view.get()))
    , m_session(std::make_unique<app::SimulatorSession>(*m_host, *m_view))
{
    m_host->core().setPrompts(m_prompts.get());
    m_view->resize(m_view->device().screenSize);
    m_view->show();
    QObject::connect(m_view.get(), &app::SimulatorView::consoleMessage, m_view.get(),
                     [this](auto level, const QString &message, int line, const QString &source) {
                         if (message.startsWith(u"__mpsim_test_result_"_s))
                             return;
                         m_console << u"%1|%2|%3:%4"_s.arg(int(level)).arg(message, source).arg(line);
                     });
}

RuntimeHarness::~RuntimeHarness()
{
    m_host->core().setPrompts(nullptr);
}

bool RuntimeHarness::open(const QString &folder, int timeoutMs)
{
    QString error;
    if (!m_session->openProject(folder, &error))
        return false;
    return waitUntil(u"top && top.tree.rendered"_s, timeoutMs);
}

QJsonValue RuntimeHarness::run(const QString &body, int timeoutMs)
{
    return evaluate(*m_view, Prelude + body, timeoutMs);
}

bool RuntimeHarness::waitUntil(const QString &expression, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (run(u"return !!(%1);"_s.arg(expression), 2000) == QJsonValue(true))
            return true;
        pause(20);
    }
    return false;
}

bool RuntimeHarness::click(const QString &selector)
{
    const QJsonValue rect = run(uR"(
        const element = page && page.querySelector(%1);
        if (!element) return null;
        // A user scrolls to what they tap: the point must be on the screen.
        element.scrollIntoView({ block: 'center', inline: 'center' });
        const r = element.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };)"_s
                                    .arg(QString::fromUtf8(QJsonDocument(QJsonArray{selector}).toJson(QJsonDocument::Compact)).mid(1).chopped(1)));
    if (!rect.isObject())
        return false;
    QWidget *target = m_view->webView()->focusProxy();
    if (!target)
        return false;
    const QPoint point(int(rect[u"x"_s].toDouble()), int(rect[u"y"_s].toDouble()));
    QTest::mousePress(target, Qt::LeftButton, {}, point);
    QTest::mouseRelease(target, Qt::LeftButton, {}, point);
    return true;
}

} // namespace mpsim::test
