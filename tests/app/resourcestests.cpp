#include "testapplication.h"

#include <QFile>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using mpsim::test::testApplication;

TEST_CASE("resources: the app icon is compiled into the binary")
{
    testApplication();
    QFile icon(u":/icons/mpsim.svg"_s);
    REQUIRE(icon.open(QIODevice::ReadOnly));
    const QByteArray svg = icon.readAll();
    CHECK(svg.contains("<svg"));
    CHECK(svg.contains("viewBox=\"0 0 256 256\""));
}
