// The runtime's own automation agent (resources/runtime/view/automation.js,
// docs/AUTOMATION-AGENT.md) behind the real host: a main window running the
// mini-program tests/automation/fixtures/runtime-app, driven through the
// protocol hub as a client would, without a socket.

#include "automationtestsupport.h"
#include "catchqt.h"
#include "testapplication.h"

#include "automation/automationhost.h"
#include "automation/runtimeagent.h"
#include "host/hostservices.h"
#include "mainwindow/mainwindow.h"
#include "simulator/simulatorview.h"

#include <QDir>
#include <QTemporaryDir>
#include <QWebEnginePage>

#include <catch2/catch.hpp>

#include <memory>

using namespace Qt::StringLiterals;
using namespace mpsim;
using namespace mpsim::test;
using json = nlohmann::json;

namespace {

QString fixtureProject()
{
    return QDir(QStringLiteral(MPSIM_TEST_DATA_DIR)).absoluteFilePath(u"../automation/fixtures/runtime-app"_s);
}

// A window running the fixture with automation attached; ready once the
// runtime's agent said so.
struct RuntimeSimulator
{
    QTemporaryDir state;
    std::unique_ptr<app::HostServices> host;
    std::unique_ptr<app::MainWindow> window;
    std::unique_ptr<app::AutomationHost> automation;
    int readies = 0;

    RuntimeSimulator()
    {
        testApplication();
        host = std::make_unique<app::HostServices>(state.path());
        window = std::make_unique<app::MainWindow>(host.get());
        automation = std::make_unique<app::AutomationHost>(*host, *window);
        automation->setNativeWaitMs(3000);
        window->show();
        REQUIRE(window->openProject(fixtureProject(), true));
        REQUIRE(waitUntil([&] { return automation->agent()->isReady(); }, 30000));
    }

    ~RuntimeSimulator()
    {
        automation.reset();
        window.reset();
        host.reset();
    }
};

json resultOf(const json &reply)
{
    if (!reply.is_object() || !reply.contains("result"))
        FAIL("no result in " + reply.dump());
    return reply["result"];
}

} // namespace

TEST_CASE("runtime agent (real runtime): pages, data, elements, taps and wx calls", "[automation]")
{
    RuntimeSimulator simulator;
    HubClient client(simulator.automation->hub());

    const json page = resultOf(client.call("App.getCurrentPage"));
    CHECK(page == json{{"pageId", 1}, {"path", "pages/index/index"}, {"query", json::object()}});
    CHECK(resultOf(client.call("App.getPageStack"))["pageStack"] == json::array({page}));

    // The page asked for scope.userLocation on load: a script answers it.
    CHECK(resultOf(client.call("Tool.native", {{"method", "authorizeAllow"}})) == json::object());
    const json setting = resultOf(client.call("App.callWxMethod", {{"method", "getSetting"}, {"args", json::array()}}));
    CHECK(setting["result"]["authSetting"]["scope.userLocation"] == true);

    CHECK(resultOf(client.call("Page.getData", {{"pageId", 1}, {"path", "list[1].name"}}))["data"] == "b");
    CHECK(resultOf(client.call("Page.setData", {{"pageId", 1}, {"data", {{"count", 5}}}})) == json::object());
    CHECK(resultOf(client.call("Page.callMethod", {{"pageId", 1}, {"method", "add"}, {"args", {2, 3}}}))["result"]
          == 5);

    const json button = resultOf(client.call("Page.getElement", {{"pageId", 1}, {"selector", "button#inc"}}));
    CHECK(button["tagName"] == "button");
    const std::string buttonId = button["elementId"].get<std::string>();
    CHECK(resultOf(client.call("Element.tap", {{"pageId", 1}, {"elementId", buttonId}})) == json::object());
    CHECK(resultOf(client.call("Page.getData", {{"pageId", 1}, {"path", "count"}}))["data"] == 6);
    const json count = resultOf(client.call("Page.getElement", {{"pageId", 1}, {"selector", "#count"}}));
    CHECK(resultOf(client.call("Element.getDOMProperties",
                               {{"pageId", 1}, {"elementId", count["elementId"]}, {"names", {"innerText"}}}))
              ["properties"] == json::array({"6"}));

    const json items = resultOf(client.call("Page.getElements", {{"pageId", 1}, {"selector", ".item"}}));
    CHECK(items["elements"].size() == 3);
    const json badge = resultOf(client.call("Page.getElement", {{"pageId", 1}, {"selector", "badge"}}));
    CHECK(badge["tagName"] == "badge");
    CHECK(badge.contains("nodeId"));
    CHECK(resultOf(client.call("Element.callMethod", {{"pageId", 1},
                                                      {"elementId", badge["elementId"]},
                                                      {"nodeId", badge["nodeId"]},
                                                      {"method", "ping"},
                                                      {"args", {4}}}))["result"]
          == 4);

    CHECK(resultOf(client.call("App.callFunction",
                               {{"functionDeclaration", "function () { return getApp().globalData.name; }"},
                                {"args", json::array()}}))["result"]
          == "e2e");
}

TEST_CASE("runtime agent (real runtime): bad requests get clear errors and the runtime goes on", "[automation]")
{
    RuntimeSimulator simulator;
    HubClient client(simulator.automation->hub());

    CHECK(errorMessage(client.call("Page.getData", {{"pageId", 42}})) == "Page.getData: no page 42");
    CHECK(errorMessage(client.call("Page.getElement", {{"pageId", 1}, {"selector", "###"}}))
          == "Page.getElement: '###' is not a valid selector");
    CHECK(errorMessage(client.call("Page.getElement", {{"pageId", 1}, {"selector", ".none"}}))
          == "Page.getElement: no element matches '.none'");
    CHECK(errorMessage(client.call("Page.getElementsByXpath", {{"pageId", 1}, {"selector", "//["}}))
          == "Page.getElementsByXpath: '//[' is not a valid XPath expression of elements");
    CHECK(errorMessage(client.call("Element.tap", {{"pageId", 1}, {"elementId", "e999"}}))
          == "Element.tap: no element e999 on page 1");
    CHECK(errorMessage(client.call("Page.callMethod", {{"pageId", 1}, {"method", "nope"}, {"args", json::array()}}))
          == "Page.callMethod: page 1 has no method 'nope'");
    CHECK(errorMessage(client.call("App.callWxMethod", {{"method", "noSuchApi"}, {"args", json::array()}}))
          == "App.callWxMethod: wx.noSuchApi does not exist");
    CHECK(errorMessage(client.call("App.callFunction", {{"functionDeclaration", "function ("}, {"args", json::array()}}))
              .rfind("App.callFunction: ", 0)
          == 0);
    const json view = resultOf(client.call("Page.getElement", {{"pageId", 1}, {"selector", "#count"}}));
    CHECK(errorMessage(client.call("Element.callFunction", {{"pageId", 1},
                                                            {"elementId", view["elementId"]},
                                                            {"functionName", "input.input"},
                                                            {"args", {"x"}}}))
          == "Element.callFunction: view has no function 'input.input'");
    CHECK(errorMessage(client.call("Element.getData", {{"pageId", 1}, {"elementId", view["elementId"]}}))
          == "Element.getData: element " + view["elementId"].get<std::string>()
                 + " (view) is not a custom component");
    CHECK(errorMessage(client.call("Element.callContextMethod",
                                   {{"pageId", 1}, {"elementId", view["elementId"]}, {"method", "play"}}))
          == "Element.callContextMethod: view contexts (video, map) are not supported by mpsim");
    // Still answering.
    CHECK(resultOf(client.call("App.getCurrentPage"))["pageId"] == 1);
}

TEST_CASE("runtime agent (real runtime): after a reload, mocks and bindings are back", "[automation]")
{
    RuntimeSimulator simulator;
    HubClient client(simulator.automation->hub());
    CHECK(resultOf(client.call("App.mockWxMethod", {{"method", "getStorageSync"}, {"result", "mocked"}})) == json::object());
    CHECK(resultOf(client.call("App.addBinding", {{"name", "onE2eBinding"}})) == json::object());

    int readies = 0;
    QObject::connect(simulator.window->simulatorView()->page(), &QWebEnginePage::loadStarted,
                     simulator.window.get(), [&] { ++readies; });
    simulator.window->simulatorView()->reload();
    REQUIRE(waitUntil([&] { return readies > 0 && simulator.automation->agent()->isReady(); }, 30000));
    // The host sends the mocks and bindings again once the new agent is ready;
    // these requests queue behind them.
    CHECK(resultOf(client.call("Page.callMethod", {{"pageId", 1}, {"method", "readStorage"}, {"args", {"k"}}}))["result"]
          == "mocked");
    CHECK(resultOf(client.call("Page.callMethod", {{"pageId", 1}, {"method", "callBinding"}, {"args", {"again"}}}))
          == json::object());
    REQUIRE(waitUntil([&] { return !client.events("App.bindingCalled").empty(); }));
    CHECK(client.events("App.bindingCalled").front()["params"] == json{{"name", "onE2eBinding"}, {"args", {"again", 0}}});
}

TEST_CASE("runtime agent (real runtime): a function mock answers in the logic layer and shows in the call log",
          "[automation]")
{
    RuntimeSimulator simulator;
    HubClient client(simulator.automation->hub());
    REQUIRE(resultOf(client.call("App.mockWxMethod",
                                 {{"method", "getLocation"},
                                  {"functionDeclaration", "function (options, extra) { return { latitude: extra, type: options.type }; }"},
                                  {"args", {7}}}))
            == json::object());
    const json located = resultOf(client.call("App.callWxMethod", {{"method", "getLocation"}, {"args", {{{"type", "wgs84"}}}}}));
    CHECK(located["result"]["latitude"] == 7);
    CHECK(located["result"]["type"] == "wgs84");
    CHECK(located["result"]["errMsg"] == "getLocation:ok");
    // In the call log as a rule's answer, with the options and the result.
    json entry;
    REQUIRE(waitUntil([&] {
        const json log = resultOf(client.call("Mpsim.getCallLog"));
        for (const json &call : log["calls"]) {
            if (call["api"] == "getLocation")
                entry = call;
        }
        return !entry.is_null();
    }));
    CHECK(entry["mockRule"] == "automation: wx.getLocation (function)");
    CHECK(entry["args"]["type"] == "wgs84");
    CHECK(entry["reply"]["ok"] == true);
    CHECK(entry["reply"]["result"]["latitude"] == 7);
}
