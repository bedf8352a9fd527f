// The one Catch2 main shared by every test executable (see tests/CMakeLists.txt).
// Tests of the Qt layers run without a display: unless the caller chose a
// platform, they use Qt's offscreen platform. catch_discover_tests also runs
// these binaries at build time, where no display exists either.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    ::setenv("QT_QPA_PLATFORM", "offscreen", 0);
    // Chromium refuses to run as root with its sandbox, and there is no GPU.
    ::setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu", 0);
    if (!std::getenv("XDG_RUNTIME_DIR")) {
        const std::string dir = "/tmp/mpsim-tests-runtime-" + std::to_string(::getuid());
        ::mkdir(dir.c_str(), 0700);
        ::setenv("XDG_RUNTIME_DIR", dir.c_str(), 0);
    }
    ::setenv("QT_LOGGING_RULES", "qt.webenginecontext.info=false", 0);
    // Expected failures (corrupt files, dropped popups) would flood the output.
    ::setenv("MPSIM_LOG_LEVEL", "off", 0);
    return Catch::Session().run(argc, argv);
}
