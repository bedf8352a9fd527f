#pragma once

class QApplication;

namespace mpsim::test {

// The QApplication the widget tests share, created on first use. The shared
// Catch2 main has already selected the offscreen platform.
QApplication &testApplication();

} // namespace mpsim::test
