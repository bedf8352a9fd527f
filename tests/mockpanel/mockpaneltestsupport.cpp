#include "mockpaneltestsupport.h"

#include "eventloopwait.h"

#include <QApplication>
#include <QEventLoop>
#include <QFile>
#include <QTimer>
#include <QWidget>

namespace mpsim::test {

core::ApiReply CoreFixture::call(const std::string &api, const nlohmann::json &args, bool gesture,
                                 const std::string &appid)
{
    core::ApiReply reply;
    reply.result = {{"timeout", true}};
    core.invoke(api, args, {appid, "pages/index/index", gesture},
                [&](core::ApiReply r) { reply = std::move(r); });
    return reply;
}

void waitFor(const std::function<bool()> &done, int ms)
{
    waitUntil(done, ms);
}

void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

void activate(QWidget &window, QWidget *focus)
{
    window.show();
    window.activateWindow();
    QApplication::setActiveWindow(&window);
    waitFor([&] { return QApplication::activeWindow() == &window; }, 2000);
    if (focus) {
        focus->setFocus(Qt::OtherFocusReason);
        waitFor([&] { return QApplication::focusWidget() == focus; }, 2000);
    }
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
}

} // namespace mpsim::test
