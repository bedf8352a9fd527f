#pragma once

// Waiting in tests: the event loop runs (a QEventLoop and a timer, never
// QTest::qWait*, which throttles WebEngine about 8x) until a condition holds.

#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <functional>

namespace mpsim::test {

// Runs the event loop until `done()` holds or `timeoutMs` pass; returns done().
inline bool waitUntil(const std::function<bool()> &done, int timeoutMs = 10000)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(10);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

} // namespace mpsim::test
