#pragma once

#include <QByteArray>

namespace mpsim::app {

// Whether mpsim will show a window or run without one.
enum class RunMode { Windowed, Headless };

// Returns the space-separated Chromium flag list `flags` with `flag` appended,
// or `flags` unchanged when one of its words already is `flag`.
QByteArray withChromiumFlag(const QByteArray &flags, const QByteArray &flag);

// Adjusts this process's environment so that Qt WebEngine can start where
// mpsim runs. Must be called before the QApplication is created, because Qt
// and Chromium read these variables once at start-up:
// - as root, adds --no-sandbox to QTWEBENGINE_CHROMIUM_FLAGS (Chromium's
//   sandbox refuses to run as root);
// - headless, or with no display to connect to, selects the offscreen
//   platform and adds --disable-gpu;
// - without XDG_RUNTIME_DIR, creates a private (0700) folder under /tmp and
//   points XDG_RUNTIME_DIR at it.
// Each change it makes for a reason the user may not expect is reported on
// one line of stderr. Never fails: what it cannot fix is left for Qt to report.
void prepareWebEngineEnvironment(RunMode mode);

} // namespace mpsim::app
