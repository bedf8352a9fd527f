// The automation hub: dispatch of every method to the target, the error
// replies of bad requests, per-client state, events, and clients that leave
// with requests still in flight (core/automation/automationhub.h).

#include "fakeautomationtarget.h"

#include "automation/automationframe.h"
#include "automation/automationmethods.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

using namespace mpsim::core;
using namespace mpsim::core::automation;
using namespace mpsim::core::automation::test;
using json = nlohmann::json;

namespace {

struct Fixture
{
    FakeAutomationTarget target;
    AutomationHub hub{target};
    RecordingClient client{hub};
};

} // namespace

// --- Frames and methods -------------------------------------------------------------------

TEST_CASE("automation hub: Tool.getInfo answers the SDK version the client checks")
{
    Fixture f;
    const json reply = f.client.call("Tool.getInfo", json::object(), "abc");
    CHECK(reply["id"] == "abc");
    CHECK(reply["result"]["SDKVersion"] == "2.30.0");
    CHECK(reply["result"]["tool"] == "mpsim");
    CHECK(reply["result"]["appid"] == "wxfake");
}

TEST_CASE("automation hub: numeric and string ids are echoed unchanged")
{
    Fixture f;
    CHECK(f.client.call("Tool.getInfo", json::object(), 17)["id"] == 17);
    CHECK(f.client.call("Tool.getInfo", json::object(), 1.5)["id"] == 1.5);
    CHECK(f.client.call("Tool.getInfo", json::object(), "")["id"] == "");
}

TEST_CASE("automation hub: malformed frames get an error reply and the session goes on")
{
    Fixture f;
    for (const std::string text : {"", "not json", "{", "[]", "{\"id\":{}}", "\x01\x02",
                                   "{\"id\":1,\"method\":\"Tool.getInfo\",\"params\":5}"}) {
        const auto out = f.client.send(text);
        REQUIRE(out.size() == 1);
        CHECK(out[0].contains("error"));
    }
    CHECK(f.client.call("Tool.getInfo").contains("result"));
}

TEST_CASE("automation hub: an unknown method is an error naming it")
{
    Fixture f;
    CHECK(errorOf(f.client.call("App.fly")) == "unknown method 'App.fly'");
    CHECK(errorOf(f.client.call("tool.getinfo")) == "unknown method 'tool.getinfo'");
}

TEST_CASE("automation hub: vendor methods mpsim has no equivalent for say so")
{
    Fixture f;
    CHECK(errorOf(f.client.call("Tool.getTicket")) == "Tool.getTicket: not supported by mpsim");
}

TEST_CASE("automation hub: wrong params are errors naming the method and the parameter")
{
    Fixture f;
    f.target.loaded = true;
    CHECK(errorOf(f.client.call("Page.getData", json::object()))
          == "Page.getData: params.pageId is missing");
    CHECK(errorOf(f.client.call("Page.getData", {{"pageId", "1"}}))
          == "Page.getData: params.pageId must be an integer, not a string");
    CHECK(errorOf(f.client.call("Page.getData", {{"pageId", 1.5}}))
          == "Page.getData: params.pageId must be an integer, not a number that is not an integer");
    CHECK(errorOf(f.client.call("Page.getWindowProperties", {{"pageId", 1}, {"names", {"a", 2}}}))
          == "Page.getWindowProperties: params.names must be an array of strings, not an array "
             "with a non-string item");
    CHECK(errorOf(f.client.call("Element.tap", {{"pageId", 1}, {"elementId", 3}}))
          == "Element.tap: params.elementId must be a string, not an integer");
    CHECK(f.target.runtimeCalls.empty());
}

TEST_CASE("automation hub: every method in the table is dispatched without a crash")
{
    Fixture f;
    for (const bool loaded : {false, true}) {
        f.target.loaded = loaded;
        f.target.answerRuntimeAtOnce = true;
        for (const MethodSpec &spec : methodTable()) {
            CAPTURE(spec.name, loaded);
            const json reply = f.client.call(std::string(spec.name), json::object());
            CHECK(reply.is_object());
        }
    }
}

// --- Runtime methods ----------------------------------------------------------------------

TEST_CASE("automation hub: a runtime method without the runtime is an error saying so")
{
    Fixture f;
    CHECK(errorOf(f.client.call("App.getPageStack"))
          == "App.getPageStack: the mini-program runtime is not loaded");
    CHECK(errorOf(f.client.call("Page.getData", {{"pageId", 1}}))
          == "Page.getData: the mini-program runtime is not loaded");
    CHECK(errorOf(f.client.call("App.callFunction", {{"functionDeclaration", "function(){}"}}))
          == "App.callFunction: the mini-program runtime is not loaded");
}

TEST_CASE("automation hub: a runtime method goes to the runtime and its answer comes back later")
{
    Fixture f;
    f.target.loaded = true;
    CHECK(f.client.call("Page.getData", {{"pageId", 2}, {"path", "list"}}, "q").is_null());
    REQUIRE(f.target.runtimeCalls.size() == 1);
    CHECK(f.target.runtimeCalls[0].method == "Page.getData");
    CHECK(f.target.runtimeCalls[0].params == json{{"pageId", 2}, {"path", "list"}});
    f.target.runtimeCalls[0].done(json{{"data", {1, 2}}});
    REQUIRE(f.client.frames.size() == 1);
    CHECK(f.client.frames[0] == json{{"id", "q"}, {"result", {{"data", {1, 2}}}}});
    // A second answer to the same request is ignored.
    f.target.runtimeCalls[0].done(json{{"data", 3}});
    CHECK(f.client.frames.size() == 1);
}

TEST_CASE("automation hub: a runtime error is prefixed with the method")
{
    Fixture f;
    f.target.loaded = true;
    f.client.call("Page.getData", {{"pageId", 9}});
    f.target.runtimeCalls[0].done(Error{"page 9 is closed", {}});
    CHECK(errorOf(f.client.frames.back()) == "Page.getData: page 9 is closed");
}

TEST_CASE("automation hub: an answer that is not an object becomes an error reply")
{
    Fixture f;
    f.target.loaded = true;
    f.client.call("App.getCurrentPage");
    f.target.runtimeCalls[0].done(json(42));
    CHECK(errorOf(f.client.frames.back()) == "App.getCurrentPage: the answer is an integer, not an object");
}

TEST_CASE("automation hub: the reply to a client that left is dropped")
{
    Fixture f;
    f.target.loaded = true;
    f.client.call("App.getPageStack");
    f.hub.removeClient(f.client.id);
    f.target.runtimeCalls[0].done(json{{"pageStack", json::array()}});
    CHECK(f.client.frames.empty());
    CHECK(f.hub.clientCount() == 0);
}

TEST_CASE("automation hub: a reply after the hub is gone does nothing")
{
    FakeAutomationTarget target;
    ResultCallback pending;
    {
        AutomationHub hub(target);
        RecordingClient client(hub);
        target.loaded = true;
        client.call("App.getPageStack");
        pending = target.runtimeCalls[0].done;
    }
    pending(json::object());
    SUCCEED("no crash");
}

TEST_CASE("automation hub: a client may remove itself while a frame is sent to it")
{
    FakeAutomationTarget target;
    AutomationHub hub(target);
    AutomationHub::ClientId self = 0;
    int sent = 0;
    self = hub.addClient([&](const std::string &) {
        ++sent;
        hub.removeClient(self);
    });
    RecordingClient other(hub);
    hub.receive(self, R"({"id":1,"method":"App.enableLog"})");
    hub.receive(other.id, R"({"id":1,"method":"App.enableLog"})");
    hub.logAdded("log", {"a"});
    CHECK(sent == 1);
    CHECK(other.events("App.logAdded").size() == 1);
}

TEST_CASE("automation hub: unanswered requests beyond the limit are refused")
{
    Fixture f;
    f.target.loaded = true;
    for (std::size_t i = 0; i < AutomationHub::maxInFlightPerClient; ++i)
        f.client.call("App.getPageStack", json::object(), int(i));
    CHECK(f.client.frames.empty());
    CHECK(errorOf(f.client.call("App.getPageStack", json::object(), "over"))
          == "App.getPageStack: too many requests in flight (more than 1024)");
    f.target.runtimeCalls[0].done(json{{"pageStack", json::array()}});
    CHECK(f.client.call("Tool.getInfo").contains("result"));
}

TEST_CASE("automation hub: clients are independent")
{
    Fixture f;
    RecordingClient second(f.hub);
    f.target.loaded = true;
    f.client.call("App.getPageStack", json::object(), "first");
    second.call("App.getPageStack", json::object(), "second");
    f.target.runtimeCalls[1].done(json{{"pageStack", json::array()}});
    CHECK(f.client.frames.empty());
    REQUIRE(second.frames.size() == 1);
    CHECK(second.frames[0]["id"] == "second");
}

// --- App ----------------------------------------------------------------------------------

TEST_CASE("automation hub: callWxMethod without the runtime asks the host for host APIs")
{
    Fixture f;
    const json reply = f.client.call("App.callWxMethod", {{"method", "getSetting"}, {"args", {{{"withSubscriptions", true}}}}});
    CHECK(reply["result"]["result"]["errMsg"] == "getSetting:ok");
    REQUIRE(f.target.hostCalls.size() == 1);
    CHECK(f.target.hostCalls[0].second == json{{"withSubscriptions", true}});
    // No args: no options.
    f.client.call("App.callWxMethod", {{"method", "login"}});
    CHECK(f.target.hostCalls[1].second.is_null());
    CHECK(errorOf(f.client.call("App.callWxMethod", {{"method", "navigateTo"}, {"args", json::array()}}))
          == "App.callWxMethod: the mini-program runtime is not loaded (wx.navigateTo runs in it)");
}

TEST_CASE("automation hub: callWxMethod with the runtime goes to the runtime, navigation included")
{
    Fixture f;
    f.target.loaded = true;
    f.client.call("App.callWxMethod", {{"method", "navigateTo"}, {"args", {{{"url", "/pages/a/a"}}}}});
    REQUIRE(f.target.runtimeCalls.size() == 1);
    CHECK(f.target.runtimeCalls[0].params["args"][0]["url"] == "/pages/a/a");
    f.client.call("App.callWxMethod", {{"method", "getSetting"}});
    CHECK(f.target.runtimeCalls[1].params["args"] == json::array());
    CHECK(f.target.hostCalls.empty());
}

TEST_CASE("automation hub: callWxMethod refuses names that are not wx methods, and plugins")
{
    Fixture f;
    CHECK(errorOf(f.client.call("App.callWxMethod", {{"method", "wx.login"}}))
          == "App.callWxMethod: params.method must name a wx method such as 'login', not 'wx.login'");
    CHECK(errorOf(f.client.call("App.callWxMethod", {{"method", "login"}, {"pluginId", "p"}}))
          == "App.callWxMethod: plugins are not supported by mpsim");
}

TEST_CASE("automation hub: mockWxMethod with a value, a function, and restore")
{
    Fixture f;
    CHECK(f.client.call("App.mockWxMethod", {{"method", "getSetting"}, {"result", {{"authSetting", json::object()}}}})
              ["result"] == json::object());
    REQUIRE(f.target.mocks.size() == 1);
    CHECK(f.target.mocks[0].kind == WxMock::Kind::Value);
    CHECK(f.target.mocks[0].value == json{{"authSetting", json::object()}});

    // A function, or a value only the runtime can return, needs the runtime.
    CHECK(errorOf(f.client.call("App.mockWxMethod", {{"method", "getStorageSync"}, {"functionDeclaration", "function(){return 1}"}, {"args", json::array()}}))
          == "App.mockWxMethod: the mini-program runtime is not loaded (wx.getStorageSync mocked "
             "with a function is answered in it)");
    CHECK(errorOf(f.client.call("App.mockWxMethod", {{"method", "getStorageSync"}, {"result", "x"}}))
          .find("a value that is not an object") != std::string::npos);
    f.target.loaded = true;
    CHECK(f.client.call("App.mockWxMethod", {{"method", "getStorageSync"}, {"functionDeclaration", "function(k, d){return d}"}, {"args", {"dflt"}}})
              .contains("result"));
    REQUIRE(f.target.mocks.size() == 2);
    CHECK(f.target.mocks[1].kind == WxMock::Kind::Function);
    CHECK(f.target.mocks[1].args == json{"dflt"});
    CHECK(f.target.mocks[1].toParams()
          == json{{"method", "getStorageSync"}, {"functionDeclaration", "function(k, d){return d}"}, {"args", {"dflt"}}});

    CHECK(f.client.call("App.mockWxMethod", {{"method", "getSetting"}}).contains("result"));
    CHECK(f.target.restored == std::vector<std::string>{"getSetting"});
}

TEST_CASE("automation hub: a null mocked value is a value, not a restore")
{
    Fixture f;
    f.target.loaded = true;
    f.client.call("App.mockWxMethod", {{"method", "getStorageSync"}, {"result", nullptr}});
    REQUIRE(f.target.mocks.size() == 1);
    CHECK(f.target.mocks[0].value.is_null());
    CHECK(f.target.restored.empty());
}

TEST_CASE("automation hub: screenshot, enableLog and exit")
{
    Fixture f;
    CHECK(f.client.call("App.captureScreenshot")["result"]["data"] == "iVBORw0KGgo=");
    CHECK(f.client.call("App.enableLog")["result"] == json::object());
    std::size_t framesAtExit = 0;
    f.target.onExit = [&] { framesAtExit = f.client.frames.size(); };
    const std::size_t before = f.client.frames.size();
    CHECK(f.client.call("App.exit")["result"] == json::object());
    REQUIRE(f.target.exits.size() == 1);
    CHECK(f.target.exits[0] == ExitReason::AppExit);
    CHECK(framesAtExit == before + 1); // the reply went out before requestExit
    f.client.call("Tool.close");
    CHECK(f.target.exits.back() == ExitReason::ToolClose);
}

TEST_CASE("automation hub: console events go only to clients that enabled the log")
{
    Fixture f;
    RecordingClient quiet(f.hub);
    f.client.call("App.enableLog");
    f.hub.logAdded("warn", {"careful", 2});
    const auto events = f.client.events("App.logAdded");
    REQUIRE(events.size() == 1);
    CHECK(events[0]["params"] == json{{"type", "warn"}, {"args", {"careful", 2}}});
    CHECK(quiet.frames.empty());
    // A single value becomes a one-element args array.
    f.hub.logAdded("log", "text");
    CHECK(f.client.events("App.logAdded").back()["params"]["args"] == json{"text"});
}

TEST_CASE("automation hub: exceptions go to every client")
{
    Fixture f;
    RecordingClient other(f.hub);
    f.hub.exceptionThrown({{"message", "boom"}, {"stack", "at x"}});
    CHECK(f.client.events("App.exceptionThrown").size() == 1);
    CHECK(other.events("App.exceptionThrown")[0]["params"]["message"] == "boom");
}

TEST_CASE("automation hub: bindings need the runtime and count once it has them")
{
    Fixture f;
    CHECK(errorOf(f.client.call("App.addBinding", {{"name", "onDone"}}))
          == "App.addBinding: the mini-program runtime is not loaded (bindings are functions in it)");
    f.target.loaded = true;
    CHECK(errorOf(f.client.call("App.addBinding", {{"name", "1bad"}}))
          == "App.addBinding: params.name must be a JavaScript identifier, not '1bad'");
    RecordingClient other(f.hub);
    f.client.call("App.addBinding", {{"name", "onDone"}}, "b");
    REQUIRE(f.target.runtimeCalls.size() == 1);
    CHECK(f.target.runtimeCalls[0].params == json{{"name", "onDone"}});
    // Not yet installed: a call now reaches nobody.
    f.hub.bindingCalled("onDone", {1});
    CHECK(f.client.events("App.bindingCalled").empty());
    f.target.runtimeCalls[0].done(json::object());
    CHECK(f.client.frames.back()["id"] == "b");
    f.hub.bindingCalled("onDone", {1, "two"});
    const auto events = f.client.events("App.bindingCalled");
    REQUIRE(events.size() == 1);
    CHECK(events[0]["params"] == json{{"name", "onDone"}, {"args", {1, "two"}}});
    CHECK(other.events("App.bindingCalled").empty());
    CHECK(f.hub.bindingNames() == std::vector<std::string>{"onDone"});

    // A reloaded runtime gets every binding again.
    f.target.runtimeCalls.clear();
    f.hub.runtimeReady();
    REQUIRE(f.target.runtimeCalls.size() == 1);
    CHECK(f.target.runtimeCalls[0].method == "App.addBinding");
}

TEST_CASE("automation hub: a failed binding is not recorded")
{
    Fixture f;
    f.target.loaded = true;
    f.client.call("App.addBinding", {{"name", "f"}});
    f.target.runtimeCalls[0].done(Error{"f already exists", {}});
    CHECK(errorOf(f.client.frames.back()) == "App.addBinding: f already exists");
    CHECK(f.hub.bindingNames().empty());
}

// --- Tool.native --------------------------------------------------------------------------

TEST_CASE("automation hub: Tool.native answers host popups")
{
    Fixture f;
    for (const auto &[name, answer] : std::vector<std::pair<std::string, NativeAnswer>>{
             {"authorizeAllow", NativeAnswer::Allow},
             {"authorizeCancel", NativeAnswer::Deny},
             {"confirmModal", NativeAnswer::ConfirmModal},
             {"cancelModal", NativeAnswer::CancelModal}}) {
        CAPTURE(name);
        CHECK(f.client.call("Tool.native", {{"method", name}})["result"] == json::object());
        CHECK(f.target.nativeAnswers.back() == answer);
    }
    f.target.promptOpen = false;
    CHECK(errorOf(f.client.call("Tool.native", {{"method", "authorizeAllow"}}))
          == "Tool.native: no host popup is open");
}

TEST_CASE("automation hub: Tool.native navigation needs the runtime, dialogs mpsim lacks say so")
{
    Fixture f;
    CHECK(errorOf(f.client.call("Tool.native", {{"method", "goHome"}}))
          == "Tool.native: the mini-program runtime is not loaded (goHome navigates in it)");
    f.target.loaded = true;
    f.client.call("Tool.native", {{"method", "switchTab"}, {"data", "/pages/b/b"}});
    REQUIRE(f.target.runtimeCalls.size() == 1);
    CHECK(f.target.runtimeCalls[0].params["data"] == "/pages/b/b");
    CHECK(errorOf(f.client.call("Tool.native", {{"method", "shareConfirm"}}))
          == "Tool.native: 'shareConfirm' is not supported: mpsim shows no payment or share dialog");
    CHECK(errorOf(f.client.call("Tool.native", {{"method", "fly"}})).starts_with("Tool.native: unknown native method 'fly'"));
}

// --- Mpsim.* ------------------------------------------------------------------------------

TEST_CASE("automation hub: Mpsim.answerSoter maps outcomes and error codes")
{
    Fixture f;
    f.client.call("Mpsim.answerSoter", {{"outcome", "fail"}, {"errCode", 90010}});
    REQUIRE(f.target.soterAnswer);
    CHECK(f.target.soterAnswer->outcome == SoterAnswer::Outcome::Fail);
    CHECK(f.target.soterAnswer->errCode == 90010);
    f.client.call("Mpsim.answerSoter", {{"outcome", "cancel"}});
    CHECK(f.target.soterAnswer->outcome == SoterAnswer::Outcome::Cancel);
    CHECK(errorOf(f.client.call("Mpsim.answerSoter", {{"outcome", "maybe"}}))
          == "Mpsim.answerSoter: params.outcome must be \"succeed\", \"cancel\" or \"fail\", not 'maybe'");
    CHECK(errorOf(f.client.call("Mpsim.answerSoter", {{"outcome", "succeed"}, {"errCode", 1}}))
          == "Mpsim.answerSoter: params.errCode goes only with outcome \"fail\"");
    f.target.promptOpen = false;
    CHECK(errorOf(f.client.call("Mpsim.answerSoter", {{"outcome", "succeed"}}))
          == "Mpsim.answerSoter: no SOTER prompt is open");
}

TEST_CASE("automation hub: Mpsim.answerSubscription takes all, none or per-template switches")
{
    Fixture f;
    f.client.call("Mpsim.answerSubscription", {{"accepted", "all"}});
    REQUIRE(f.target.subscriptionAnswer);
    CHECK(f.target.subscriptionAnswer->acceptAll);
    CHECK_FALSE(f.target.subscriptionAnswer->choices);
    f.client.call("Mpsim.answerSubscription", {{"accepted", {{"T1", true}, {"T2", false}}}, {"keepChoice", true}});
    REQUIRE(f.target.subscriptionAnswer->choices);
    CHECK(f.target.subscriptionAnswer->choices->accepted == std::map<std::string, bool>{{"T1", true}, {"T2", false}});
    CHECK(f.target.subscriptionAnswer->choices->keepChoice);
    CHECK(errorOf(f.client.call("Mpsim.answerSubscription", {{"accepted", {{"T1", "yes"}}}}))
          == "Mpsim.answerSubscription: params.accepted.T1 must be a boolean, not a string");
    CHECK(errorOf(f.client.call("Mpsim.answerSubscription", {{"accepted", "none"}, {"keepChoice", true}}))
          == "Mpsim.answerSubscription: params.keepChoice needs params.accepted as an object of template ids");
    CHECK(errorOf(f.client.call("Mpsim.answerSubscription", {{"accepted", 3}}))
          .starts_with("Mpsim.answerSubscription: params.accepted must be"));
}

TEST_CASE("automation hub: Mpsim.answerSettings and Mpsim.getPrompt")
{
    Fixture f;
    f.client.call("Mpsim.answerSettings", {{"authSetting", {{"scope.userLocation", false}}}});
    REQUIRE(f.target.settingsAnswer);
    CHECK(f.target.settingsAnswer->authSetting.at("scope.userLocation") == false);
    CHECK(f.client.call("Mpsim.getPrompt")["result"]["kind"] == "authorize");
}

TEST_CASE("automation hub: Mpsim.loadScenario from a preset, an object or a file")
{
    Fixture f;
    CHECK(f.client.call("Mpsim.loadScenario", {{"preset", "new-user"}})["result"]["name"] == "New user");
    CHECK(errorOf(f.client.call("Mpsim.loadScenario", {{"preset", "nobody"}}))
              .starts_with("Mpsim.loadScenario: no scenario preset 'nobody' (known: new-user, "));
    CHECK(f.client.call("Mpsim.loadScenario", {{"scenario", {{"version", 1}, {"name", "inline"}}}})
              ["result"]["name"] == "inline");
    CHECK(errorOf(f.client.call("Mpsim.loadScenario", {{"scenario", {{"version", 1}, {"name", "x"}, {"bogus", 1}}}}))
              .starts_with("Mpsim.loadScenario: params.scenario/bogus: "));
    CHECK(errorOf(f.client.call("Mpsim.loadScenario", json::object()))
          == "Mpsim.loadScenario: give exactly one of params.path, params.preset and params.scenario");

    const auto path = std::filesystem::temp_directory_path() / "mpsim-automation-test.mpsim.json";
    {
        std::ofstream file(path);
        file << R"({"version": 1, "name": "from file"})";
    }
    CHECK(f.client.call("Mpsim.loadScenario", {{"path", path.string()}})["result"]["name"] == "from file");
    std::filesystem::remove(path);
    CHECK(errorOf(f.client.call("Mpsim.loadScenario", {{"path", path.string()}})).find(path.string())
          != std::string::npos);
    CHECK(f.target.scenariosLoaded == std::vector<std::string>{"New user", "inline", "from file"});
}

TEST_CASE("automation hub: Mpsim.loadScenario does not read devices or folders")
{
    Fixture f;
    for (const char *path : {"/dev/zero", "/tmp"}) {
        CAPTURE(path);
        CHECK(errorOf(f.client.call("Mpsim.loadScenario", {{"path", path}}))
              == "Mpsim.loadScenario: " + std::string(path) + ": not a scenario file (no such regular file)");
    }
    CHECK(f.target.scenariosLoaded.empty());
}

TEST_CASE("automation hub: Mpsim.setHostProfile validates with a pointer to the problem")
{
    Fixture f;
    CHECK(f.client.call("Mpsim.setHostProfile", {{"profile", {{"user", {{"nickName", "QA"}}}}}})
              .contains("result"));
    CHECK(f.target.profile.user.nickName == "QA");
    CHECK(f.client.call("Mpsim.getHostProfile")["result"]["profile"]["user"]["nickName"] == "QA");
    CHECK(errorOf(f.client.call("Mpsim.setHostProfile", {{"profile", {{"user", {{"gender", "x"}}}}}}))
              .starts_with("Mpsim.setHostProfile: params.profile/user/gender: "));
}

TEST_CASE("automation hub: Mpsim.advanceClock moves the host clock within bounds")
{
    Fixture f;
    CHECK(f.client.call("Mpsim.advanceClock", {{"ms", 300000}})["result"]["offsetMs"] == 300000);
    CHECK(f.client.call("Mpsim.advanceClock", {{"ms", -1000}})["result"]["offsetMs"] == 299000);
    CHECK(errorOf(f.client.call("Mpsim.advanceClock", {{"ms", 1e15}}))
              .starts_with("Mpsim.advanceClock: params.ms must be within"));
}

TEST_CASE("automation hub: the call log is read back in order and streamed to who asks")
{
    Fixture f;
    RecordingClient listener(f.hub);
    listener.call("Mpsim.enableCallLog");
    for (int i = 0; i < 5; ++i)
        f.hub.callSettled({{"api", "login"}, {"n", i}});
    const json all = f.client.call("Mpsim.getCallLog")["result"];
    REQUIRE(all["calls"].size() == 5);
    CHECK(all["calls"][0]["seq"] == 1);
    CHECK(all["lastSeq"] == 5);
    const json later = f.client.call("Mpsim.getCallLog", {{"since", 3}, {"limit", 1}})["result"];
    REQUIRE(later["calls"].size() == 1);
    CHECK(later["calls"][0]["n"] == 3);
    CHECK(listener.events("Mpsim.callSettled").size() == 5);
    CHECK(f.client.events("Mpsim.callSettled").empty());
    CHECK(errorOf(f.client.call("Mpsim.getCallLog", {{"limit", 0}}))
          == "Mpsim.getCallLog: params.limit must be from 1 to 10000");
    f.client.call("Mpsim.clearCallLog");
    CHECK(f.client.call("Mpsim.getCallLog")["result"]["calls"].empty());
}

TEST_CASE("automation hub: host state actions name the appid or default to the open one")
{
    Fixture f;
    f.client.call("Mpsim.clearAuthorization");
    f.client.call("Mpsim.expireSession", {{"appid", "wxother"}});
    CHECK(f.target.cleared == std::vector<std::string>{""});
    CHECK(f.target.expired == std::vector<std::string>{"wxother"});
}

// --- Robustness ---------------------------------------------------------------------------

TEST_CASE("automation hub: random and mutated frames never crash and always get one reply")
{
    Fixture f;
    f.target.loaded = true;
    f.target.answerRuntimeAtOnce = true;
    std::mt19937 random(7);
    const std::vector<std::string> seeds{
        R"({"id":"1","method":"Page.getData","params":{"pageId":1}})",
        R"({"id":2,"method":"App.mockWxMethod","params":{"method":"login","result":{"code":"x"}}})",
        R"({"id":"3","method":"Mpsim.loadScenario","params":{"scenario":{"version":1,"name":"n"}}})",
        R"({"id":"4","method":"Tool.native","params":{"method":"authorizeAllow"}})",
    };
    for (int round = 0; round < 5000; ++round) {
        std::string text = seeds[random() % seeds.size()];
        const int edits = 1 + int(random() % 4);
        for (int e = 0; e < edits && !text.empty(); ++e) {
            const std::size_t at = random() % text.size();
            switch (random() % 3) {
            case 0: text[at] = static_cast<char>(random() % 256); break;
            case 1: text.erase(at, 1 + random() % 5); break;
            default: text.insert(at, 1, "{}[]\":,0a\\"[random() % 10]); break;
            }
        }
        const auto out = f.client.send(text);
        CHECK(out.size() <= 1);
    }
}
