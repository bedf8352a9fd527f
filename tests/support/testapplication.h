#pragma once

class QApplication;
class QString;

namespace mpsim::test {

// The QApplication the widget tests share, created on first use. The shared
// Catch2 main has already selected the offscreen platform.
QApplication &testApplication();

// Where screenshot tests save their PNGs: $MPSIM_SCREENSHOT_DIR when set
// (scripts/update-screenshots sets it to docs/screenshots), else a folder
// under the system's temporary folder. The folder exists on return.
QString screenshotDir();

} // namespace mpsim::test
