#pragma once

// What the mock panel's tests share: a core to bind to, waiting without
// QTest::qWait, and making a widget the focused, active window.

#include "api/apicore.h"
#include "host/clock.h"
#include "host/hoststatestore.h"

#include <QString>
#include <QTemporaryDir>

#include <functional>

class QWidget;

namespace mpsim::test {

// An ApiCore with in-memory host state and a system clock.
struct CoreFixture
{
    core::HostStateStore store;
    core::SystemClock clock;
    core::ApiCore core{store, clock};

    // Calls `api` and returns the reply (the core answers at once: no popups).
    core::ApiReply call(const std::string &api, const nlohmann::json &args = nlohmann::json::object(),
                        bool gesture = true, const std::string &appid = "wxpaneltest");
};

// Runs the event loop for `ms`, or until `done` returns true.
void waitFor(const std::function<bool()> &done, int ms = 3000);
void pause(int ms);

// Shows `window`, makes it the active window and gives `focus` the focus, so
// shortcuts with a widget context reach it.
void activate(QWidget &window, QWidget *focus);

// A file's bytes (for byte-for-byte comparisons).
QByteArray readAll(const QString &path);
void writeAll(const QString &path, const QByteArray &bytes);

} // namespace mpsim::test
