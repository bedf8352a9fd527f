// The main window with a live simulator: projects, host popups over the
// page, hot reload.

#include "catchqt.h"
#include "testapplication.h"
#include "webtestsupport.h"

#include "host/hostservices.h"
#include "mainwindow/mainwindow.h"
#include "prompts/overlayhostprompts.h"
#include "simulator/simulatorpage.h"
#include "simulator/simulatorsession.h"
#include "simulator/simulatorview.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QPushButton>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>

#include <catch2/catch.hpp>

using namespace mpsim;
using namespace mpsim::test;
using namespace Qt::StringLiterals;

namespace {

// Waits for `signal` of `sender` (or the timeout); true when it came.
template<typename Sender, typename Signal>
bool waitForSignal(Sender *sender, Signal signal, int timeoutMs = 10000)
{
    QEventLoop loop;
    bool fired = false;
    QObject::connect(sender, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return fired;
}

bool openAndWait(app::MainWindow &window, const QString &folder)
{
    QEventLoop loop;
    bool ok = false;
    QObject::connect(window.simulatorView(), &app::SimulatorView::loadFinished, &loop,
                     [&](bool result) {
                         ok = result;
                         loop.quit();
                     });
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    if (!window.openProject(folder, true))
        return false;
    loop.exec();
    return ok;
}

int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace

TEST_CASE("main window: an authorize popup shows over the page and is not blank", "[window]")
{
    testApplication();
    QTemporaryDir state;
    app::HostServices host(state.path());
    app::MainWindow window(&host);
    window.resize(1280, 1180);
    window.show();
    REQUIRE(openAndWait(window, webDataDir() + u"/project"_s));
    CHECK(window.windowTitle() == u"bridge test project - mpsim"_s);

    window.simulatorView()->page()->runJavaScript(
        u"wx.authorize({scope: 'scope.userLocation'})"_s);
    REQUIRE(waitForSignal(window.prompts(), &app::OverlayHostPrompts::promptShown));
    CHECK(window.prompts()->openPromptKind() == app::PromptKind::Authorize);
    // Let the overlay paint before grabbing.
    QEventLoop settle;
    QTimer::singleShot(300, &settle, &QEventLoop::quit);
    settle.exec();
    const QImage image = window.grab().toImage();
    CHECK(distinctColours(image) > 20);
    image.save(screenshotDir() + u"/window-authorize.png"_s);

    REQUIRE(window.prompts()->answerAllow());
    CHECK(host.core().store().state("wxwebtestproject").scope("scope.userLocation")
          == core::ScopeState::Granted);
}

TEST_CASE("main window: a project that cannot be read is reported with its location", "[window]")
{
    testApplication();
    QTemporaryDir dir;
    QFile config(dir.filePath(u"project.config.json"_s));
    REQUIRE(config.open(QIODevice::WriteOnly));
    config.write("{\n  \"appid\": \"x\",,\n}\n");
    config.close();
    QTemporaryDir state;
    app::HostServices host(state.path());
    app::MainWindow window(&host);
    QString error;
    CHECK_FALSE(window.session()->openProject(dir.path(), &error));
    CHECK(error.startsWith(u"project.config.json:2:"_s));
    QTemporaryDir empty;
    CHECK_FALSE(window.session()->openProject(empty.path(), &error));
    CHECK(error.contains(u"app.json"_s));
}

TEST_CASE("main window: saving a project file reloads the page and keeps host state", "[window]")
{
    testApplication();
    QTemporaryDir dir;
    for (const QString &name : {u"index.html"_s, u"app.json"_s, u"project.config.json"_s})
        REQUIRE(QFile::copy(webDataDir() + u"/project/"_s + name, dir.filePath(name)));
    QTemporaryDir state;
    app::HostServices host(state.path());
    app::MainWindow window(&host);
    REQUIRE(openAndWait(window, dir.path()));
    host.core().store().state("wxwebtestproject").setScope("scope.camera",
                                                           core::ScopeState::Granted);

    QFile page(dir.filePath(u"index.html"_s));
    REQUIRE(page.open(QIODevice::Append));
    page.write("<p id=\"added\">saved</p>\n");
    page.close();
    REQUIRE(waitForSignal(window.session(), &app::SimulatorSession::reloaded, 5000));
    REQUIRE(waitForSignal(window.simulatorView(), &app::SimulatorView::loadFinished, 10000));
    CHECK(evaluate(*window.simulatorView(), u"return !!document.getElementById('added')"_s)
              .toBool());
    CHECK(host.core().store().state("wxwebtestproject").scope("scope.camera")
          == core::ScopeState::Granted);
}

TEST_CASE("main window: device presets resize the phone's screen", "[window]")
{
    testApplication();
    QTemporaryDir state;
    app::HostServices host(state.path());
    app::MainWindow window(&host);
    REQUIRE(window.setDevice(u"iPhone 12/13/14"_s));
    CHECK(window.simulatorView()->size() == QSize(390, 844));
    CHECK_FALSE(window.setDevice(u"Nokia 3310"_s));
    REQUIRE(window.setDevice(u"iPhone 6/7/8"_s));
    CHECK(window.simulatorView()->size() == QSize(375, 667));
}

TEST_CASE("main window: the API playground loads from the runtime and calls the core", "[window]")
{
    testApplication();
    QTemporaryDir state;
    app::HostServices host(state.path());
    app::MainWindow window(&host);
    window.resize(1280, 1180);
    window.show();
    QEventLoop loop;
    bool ok = false;
    QObject::connect(window.simulatorView(), &app::SimulatorView::loadFinished, &loop,
                     [&](bool result) {
                         ok = result;
                         loop.quit();
                     });
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    window.session()->openPlayground();
    loop.exec();
    REQUIRE(ok);
    CHECK(window.session()->appid() == u"mpsimplayground"_s);
    CHECK(evaluate(*window.simulatorView(), u"return document.querySelectorAll('button').length"_s)
              .toInt()
          > 10);
    CHECK(evaluate(*window.simulatorView(), u"return (await wx.login()).errMsg"_s).toString()
          == u"login:ok"_s);
    QEventLoop settle;
    QTimer::singleShot(300, &settle, &QEventLoop::quit);
    settle.exec();
    const QImage image = window.grab().toImage();
    CHECK(distinctColours(image) > 20);
    image.save(screenshotDir() + u"/window-playground.png"_s);
}

TEST_CASE("main window: the page's synchronous APIs follow the device preset and cleared storage", "[window]")
{
    testApplication();
    QTemporaryDir state;
    app::HostServices host(state.path());
    app::MainWindow window(&host);
    REQUIRE(openAndWait(window, webDataDir() + u"/project"_s));
    const auto becomes = [&](const QString &expression, const QJsonValue &expected) {
        return evaluatesTo(*window.simulatorView(), expression, expected, 2000);
    };
    REQUIRE(window.setDevice(u"iPhone 12/13/14"_s));
    CHECK(becomes(u"wx.getSystemInfoSync().screenWidth"_s, 390));
    REQUIRE(window.setDevice(u"iPhone 6/7/8"_s));
    CHECK(becomes(u"wx.getSystemInfoSync().screenWidth"_s, 375));

    evaluate(*window.simulatorView(), u"wx.setStorageSync('cart', 3); return true"_s);
    CHECK(becomes(u"wx.getStorageSync('cart')"_s, 3));
    host.clearStorage(window.session()->appid());
    CHECK(becomes(u"wx.getStorageSync('cart')"_s, u""_s));
}

TEST_CASE("main window: the project's mockConfig rules answer the page's calls", "[window]")
{
    testApplication();
    QTemporaryDir state;
    app::HostServices host(state.path());
    app::MainWindow window(&host);
    REQUIRE(openAndWait(window, webDataDir() + u"/project"_s));
    const QJsonValue result = evaluate(*window.simulatorView(), u"return await wx.getLocation()"_s);
    CHECK(result.toObject().value(u"latitude"_s).toDouble() == Approx(22.54));
    CHECK(result.toObject().value(u"errMsg"_s).toString() == u"getLocation:ok"_s);
    // Opening the playground drops the project's rules.
    window.session()->openPlayground();
    CHECK(host.core().mockRules().rules.empty());
}

TEST_CASE("main window: Compile reports the project's diagnostics in the console", "[window]")
{
    testApplication();
    QTemporaryDir state;
    app::HostServices host(state.path());
    app::MainWindow window(&host);
    REQUIRE(window.session()->openProject(QStringLiteral(MPSIM_TEST_DATA_DIR "/compiler/project")));
    QString summary;
    const auto diagnostics = window.session()->compile(&summary);
    CHECK(summary.startsWith(u"Compiled 3 pages"_s));
    CHECK_FALSE(diagnostics.empty()); // the fixture's .less and ES-module warnings
    window.session()->openPlayground();
    CHECK(window.session()->compile(&summary).empty());
    CHECK(summary.contains(u"no project"_s));
}

TEST_CASE("main window: the embedded demo renders every page without an error", "[window][screenshots]")
{
    testApplication();
    QTemporaryDir state;
    app::HostServices host(state.path());
    app::MainWindow window(&host);
    window.resize(1500, 1000);
    window.show();
    QStringList errors;
    QObject::connect(window.simulatorView(), &app::SimulatorView::consoleMessage, &window,
                     [&](QWebEnginePage::JavaScriptConsoleMessageLevel level, const QString &message, int line,
                         const QString &source) {
                         if (level == QWebEnginePage::ErrorMessageLevel)
                             errors << u"%1 (%2:%3)"_s.arg(message, source).arg(line);
                     });
    QString error;
    REQUIRE(window.session()->openDemo(&error));
    INFO(error.toStdString());
    const auto waitFor = [&](const QString &expression) {
        return evaluatesTo(*window.simulatorView(), u"!!(%1)"_s.arg(expression));
    };
    const QString top = u"window.__mpsimView.stack[window.__mpsimView.stack.length - 1]"_s;
    REQUIRE(waitFor(top + u".path === 'pages/index/index'"_s));
    const QJsonValue pages = evaluate(*window.simulatorView(), u"return window.__mpsimView.boot.appJson.pages"_s);
    REQUIRE(pages.toArray().size() >= 9);
    for (const QJsonValue &page : pages.toArray()) {
        const QString path = page.toString();
        INFO(path.toStdString());
        evaluate(*window.simulatorView(),
                 u"window.__mpsimView.post({rt: 'navigate', openType: 'reLaunch', url: '/%1'}); return true"_s.arg(path));
        // Rendered: the page's shadow root has content.
        CHECK(waitFor(top + u".path === '%1' && document.querySelector('[data-path=\"%1\"]')"
                            u".shadowRoot.childElementCount > 0"_s.arg(path)));
    }
    evaluate(*window.simulatorView(),
             u"window.__mpsimView.post({rt: 'navigate', openType: 'reLaunch', url: '/pages/index/index'}); return true"_s);
    REQUIRE(waitFor(top + u".path === 'pages/index/index'"_s));
    // The Console keeps the page's messages, not this test's probes.
    for (QPushButton *button : window.findChildren<QPushButton *>()) {
        if (button->text() == QObject::tr("Clear"))
            button->click();
    }
    QEventLoop settle;
    QTimer::singleShot(500, &settle, &QEventLoop::quit);
    settle.exec();
    INFO(errors.join(u'\n').toStdString());
    CHECK(errors.isEmpty());
    const QImage image = window.grab().toImage();
    CHECK(distinctColours(image) > 20);
    image.save(screenshotDir() + u"/window-demo.png"_s);
}
