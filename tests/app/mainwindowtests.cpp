#include "catchqt.h"
#include "testapplication.h"

#include "buildinfo.h"
#include "mainwindow/mainwindow.h"
#include "simulator/phoneframe.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QStatusBar>
#include <QTest>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using mpsim::app::MainWindow;
using mpsim::app::PhoneFrame;
using mpsim::test::testApplication;

namespace {

QString withoutMnemonic(QString text)
{
    return text.remove(u'&');
}

QMenu *findMenu(const MainWindow &window, const QString &title)
{
    for (QAction *action : window.menuBar()->actions()) {
        if (withoutMnemonic(action->text()) == title)
            return action->menu();
    }
    return nullptr;
}

QAction *findAction(const QMenu &menu, const QString &text)
{
    for (QAction *action : menu.actions()) {
        if (withoutMnemonic(action->text()) == text)
            return action;
    }
    return nullptr;
}

qsizetype distinctColours(const QImage &image, qsizetype enough)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            colours.insert(image.pixel(x, y));
            if (colours.size() >= enough)
                return colours.size();
        }
    }
    return colours.size();
}

} // namespace

TEST_CASE("main window: the title is mpsim")
{
    testApplication();
    const MainWindow window;
    CHECK(window.windowTitle() == u"mpsim"_s);
}

TEST_CASE("main window: File > Quit has Ctrl+Q")
{
    testApplication();
    const MainWindow window;
    const QMenu *fileMenu = findMenu(window, u"File"_s);
    REQUIRE(fileMenu != nullptr);
    const QAction *quit = findAction(*fileMenu, u"Quit"_s);
    REQUIRE(quit != nullptr);
    CHECK(quit->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Q)));
}

TEST_CASE("main window: Help > About is there")
{
    testApplication();
    const MainWindow window;
    const QMenu *helpMenu = findMenu(window, u"Help"_s);
    REQUIRE(helpMenu != nullptr);
    CHECK(findAction(*helpMenu, u"About mpsim"_s) != nullptr);
}

TEST_CASE("main window: the status bar shows the version")
{
    testApplication();
    const MainWindow window;
    const auto *label = window.statusBar()->findChild<QLabel *>(u"versionLabel"_s);
    REQUIRE(label != nullptr);
    CHECK(label->text() == u"mpsim " MPSIM_VERSION ""_s);
}

TEST_CASE("main window: shows the phone with its empty screen, not a blank window")
{
    testApplication();
    MainWindow window;
    // The offscreen screen is 800x600, which would make the window scroll.
    window.resize(560, 940);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    const auto *phone = window.findChild<PhoneFrame *>();
    REQUIRE(phone != nullptr);
    CHECK(phone->placeholderText() == u"No project open"_s);

    const QImage image = window.grab().toImage();
    // Kept for people to look at; the checks below do not depend on it.
    image.save(QDir::temp().filePath(u"mainwindow.png"_s));

    CHECK(distinctColours(image, 16) >= 16);

    // The screen is light and the bezel next to it is dark.
    const qreal ratio = image.devicePixelRatio();
    const auto pixelAt = [&](const QPoint &phonePoint) {
        const QPoint point = phone->mapTo(&window, phonePoint) * ratio;
        return QColor(image.pixel(point));
    };
    const QRect screen = phone->screenRect();
    CHECK(pixelAt(screen.topLeft() + QPoint(40, 40)).lightness() > 200);
    CHECK(pixelAt(QPoint(screen.left() / 2, screen.center().y())).lightness() < 80);
}
