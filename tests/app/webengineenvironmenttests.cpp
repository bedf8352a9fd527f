#include "catchqt.h"

#include "platform/webengineenvironment.h"

#include <catch2/catch.hpp>

using mpsim::app::withChromiumFlag;

TEST_CASE("webengine environment: a flag is added to an empty flag list")
{
    CHECK(withChromiumFlag(QByteArray(), "--no-sandbox") == QByteArray("--no-sandbox"));
    CHECK(withChromiumFlag("  ", "--no-sandbox") == QByteArray("--no-sandbox"));
}

TEST_CASE("webengine environment: a flag is appended after the existing ones")
{
    CHECK(withChromiumFlag("--disable-gpu ", "--no-sandbox")
          == QByteArray("--disable-gpu --no-sandbox"));
}

TEST_CASE("webengine environment: a flag already present is not added twice")
{
    const QByteArray flags("--disable-gpu  --no-sandbox --enable-logging");
    CHECK(withChromiumFlag(flags, "--no-sandbox") == flags);
}

TEST_CASE("webengine environment: a longer flag that starts like it does not count")
{
    CHECK(withChromiumFlag("--no-sandbox-for-tests", "--no-sandbox")
          == QByteArray("--no-sandbox-for-tests --no-sandbox"));
}
