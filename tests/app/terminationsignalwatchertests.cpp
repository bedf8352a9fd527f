#include "testapplication.h"

#include "platform/terminationsignalwatcher.h"

#include <QSignalSpy>

#include <catch2/catch.hpp>

#include <csignal>

using mpsim::app::TerminationSignalWatcher;
using mpsim::test::testApplication;

TEST_CASE("termination signals: SIGTERM arrives as a Qt signal through the event loop")
{
    testApplication();
    TerminationSignalWatcher watcher;
    // Without the handler, raising SIGTERM would end the test run.
    REQUIRE(watcher.isWatching());
    QSignalSpy received(&watcher, &TerminationSignalWatcher::terminationSignalReceived);

    REQUIRE(std::raise(SIGTERM) == 0);

    REQUIRE(received.wait(5000));
    REQUIRE(received.size() == 1);
    CHECK(received.at(0).at(0).toInt() == SIGTERM);
    // The previous handlers are back, so a second signal is not swallowed.
    CHECK_FALSE(watcher.isWatching());
}

TEST_CASE("termination signals: only one watcher installs handlers")
{
    testApplication();
    const TerminationSignalWatcher first;
    const TerminationSignalWatcher second;
    CHECK(first.isWatching());
    CHECK_FALSE(second.isWatching());
}

TEST_CASE("termination signals: a new watcher works after the previous one is gone")
{
    testApplication();
    {
        const TerminationSignalWatcher first;
    }
    const TerminationSignalWatcher second;
    CHECK(second.isWatching());
}
