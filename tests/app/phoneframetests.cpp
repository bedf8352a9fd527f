#include "testapplication.h"

#include "simulator/phoneframe.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using mpsim::app::PhoneFrame;
using mpsim::test::testApplication;

TEST_CASE("phone frame: the screen is 375x667 logical pixels inside the frame")
{
    testApplication();
    const PhoneFrame frame;
    const QRect screen = frame.screenRect();
    CHECK(screen.size() == QSize(375, 667));
    CHECK(QRect(QPoint(0, 0), frame.sizeHint()).contains(screen));
    CHECK(frame.sizeHint().width() > screen.width());
    CHECK(frame.sizeHint().height() > screen.height());
}

TEST_CASE("phone frame: the placeholder text can be changed")
{
    testApplication();
    PhoneFrame frame;
    frame.setPlaceholderText(u"Compiling..."_s);
    CHECK(frame.placeholderText() == u"Compiling..."_s);
}
