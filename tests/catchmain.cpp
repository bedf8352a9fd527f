// The one Catch2 main shared by every test executable (see tests/CMakeLists.txt).
// Tests of the Qt layers run without a display: unless the caller chose a
// platform, they use Qt's offscreen platform. catch_discover_tests also runs
// these binaries at build time, where no display exists either.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char *argv[])
{
    ::setenv("QT_QPA_PLATFORM", "offscreen", 0);
    ::setenv("QT_LOGGING_RULES", "qt.webenginecontext.info=false", 0);
    // Expected failures (corrupt files, dropped popups) would flood the output.
    ::setenv("MPSIM_LOG_LEVEL", "off", 0);
    return Catch::Session().run(argc, argv);
}
