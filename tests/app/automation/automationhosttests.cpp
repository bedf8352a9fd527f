// The simulator as automation drives it (app/automation/automationhost.h),
// with a real main window and page: what works without the mini-program
// runtime (mocks in the call log, screenshots, host popups, console events,
// scenarios, the clock) and the clear error of what needs it.

#include "automationtestsupport.h"
#include "catchqt.h"
#include "testapplication.h"
#include "../webtestsupport.h"

#include "automation/automationhost.h"
#include "automation/runtimeagent.h"
#include "host/hostservices.h"
#include "host/scopes.h"
#include "mainwindow/mainwindow.h"
#include "prompts/overlayhostprompts.h"
#include "scenario/scenariomanager.h"
#include "scenario/workingscenario.h"
#include "simulator/simulatorsession.h"
#include "simulator/simulatorview.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace mpsim;
using namespace mpsim::test;
using json = nlohmann::json;

namespace {

// A window showing tests/data/web/project (a plain page calling wx, appid
// "wxwebtestproject"), with automation attached.
struct Simulator
{
    QTemporaryDir state;
    QTemporaryDir project;
    std::unique_ptr<app::HostServices> host;
    std::unique_ptr<app::MainWindow> window;
    std::unique_ptr<app::AutomationHost> automation;

    explicit Simulator(const QByteArray &projectConfig = {})
    {
        testApplication();
        for (const QString &name : {u"index.html"_s, u"app.json"_s, u"project.config.json"_s})
            REQUIRE(QFile::copy(webDataDir() + u"/project/"_s + name, project.filePath(name)));
        if (!projectConfig.isEmpty()) {
            QFile config(project.filePath(u"project.config.json"_s));
            config.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
            REQUIRE(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
            config.write(projectConfig);
        }
        host = std::make_unique<app::HostServices>(state.path());
        window = std::make_unique<app::MainWindow>(host.get());
        automation = std::make_unique<app::AutomationHost>(*host, *window);
        automation->setNativeWaitMs(300);
        window->show();
        bool loaded = false;
        QObject::connect(window->simulatorView(), &app::SimulatorView::loadFinished,
                         window.get(), [&](bool ok) { loaded = ok; });
        REQUIRE(window->openProject(project.path(), true));
        REQUIRE(waitUntil([&] { return loaded; }, 15000));
    }

    ~Simulator()
    {
        automation.reset();
        window.reset();
        host.reset();
    }

    void runJavaScript(const QString &script) { window->simulatorView()->page()->runJavaScript(script); }
};

} // namespace

TEST_CASE("automation host: Tool.getInfo reports a version the npm client accepts", "[automation]")
{
    Simulator simulator;
    HubClient client(simulator.automation->hub());
    const json info = client.call("Tool.getInfo")["result"];
    CHECK(info["appid"] == "wxwebtestproject");
    CHECK(info["projectPath"] == simulator.project.path().toStdString());
    CHECK_FALSE(info["SDKVersion"].get<std::string>().empty());
    CHECK(info["SDKVersion"].get<std::string>() >= "2.7.3");
}

TEST_CASE("automation host: Tool.getInfo takes the project's libVersion", "[automation]")
{
    Simulator simulator(R"({"appid": "wxlib", "libVersion": "2.19.4"})");
    HubClient client(simulator.automation->hub());
    CHECK(client.call("Tool.getInfo")["result"]["SDKVersion"] == "2.19.4");
}

TEST_CASE("automation host: what needs the runtime says it is not loaded", "[automation]")
{
    Simulator simulator;
    HubClient client(simulator.automation->hub());
    CHECK(errorMessage(client.call("App.getCurrentPage"))
          == "App.getCurrentPage: the mini-program runtime is not loaded");
    CHECK(errorMessage(client.call("Page.getData", {{"pageId", 1}}))
          == "Page.getData: the mini-program runtime is not loaded");
    CHECK(errorMessage(client.call("App.callWxMethod", {{"method", "navigateTo"}, {"args", {{{"url", "/a"}}}}}))
          == "App.callWxMethod: the mini-program runtime is not loaded (wx.navigateTo runs in it)");
}

TEST_CASE("automation host: a mocked value answers like a panel rule and shows in the call log",
          "[automation]")
{
    Simulator simulator;
    HubClient client(simulator.automation->hub());
    const json mocked = {{"authSetting", {{"scope.mocked", true}}}};
    REQUIRE(client.call("App.mockWxMethod", {{"method", "getSetting"}, {"result", mocked}}).contains("result"));
    const json reply = client.call("App.callWxMethod", {{"method", "getSetting"}, {"args", {json::object()}}});
    CHECK(reply["result"]["result"]["authSetting"]["scope.mocked"] == true);
    CHECK(reply["result"]["result"]["errMsg"] == "getSetting:ok");

    // The call log names the rule, as for a rule from the mock panel.
    const json log = client.call("Mpsim.getCallLog")["result"]["calls"];
    REQUIRE_FALSE(log.empty());
    CHECK(log.back()["api"] == "getSetting");
    CHECK(log.back()["mockRule"] == "automation: wx.getSetting (mpsim-automation:getSetting)");

    // The page's own calls see the mock too.
    simulator.runJavaScript(u"wx.getSetting({})"_s);
    REQUIRE(waitUntil([&] {
        return client.call("Mpsim.getCallLog", {{"since", log.back()["seq"]}})["result"]["calls"].size() == 1;
    }));

    REQUIRE(client.call("App.mockWxMethod", {{"method", "getSetting"}}).contains("result"));
    const json restored = client.call("App.callWxMethod", {{"method", "getSetting"}});
    CHECK_FALSE(restored["result"]["result"]["authSetting"].contains("scope.mocked"));
}

TEST_CASE("automation host: a mocked fail result goes to fail", "[automation]")
{
    Simulator simulator;
    HubClient client(simulator.automation->hub());
    client.call("App.mockWxMethod", {{"method", "login"}, {"result", {{"errMsg", "login:fail mocked"}}}});
    const json reply = client.call("App.callWxMethod", {{"method", "login"}});
    CHECK(reply["result"]["result"]["errMsg"] == "login:fail mocked");
    const json log = client.call("Mpsim.getCallLog")["result"]["calls"];
    CHECK(log.back()["reply"]["ok"] == false);
}

TEST_CASE("automation host: automation mocks stay on top when a project reopens", "[automation]")
{
    Simulator simulator;
    HubClient client(simulator.automation->hub());
    client.call("App.mockWxMethod", {{"method", "getLocation"}, {"result", {{"latitude", 1}}}});
    REQUIRE(simulator.window->openProject(simulator.project.path(), true));
    const json reply = client.call("App.callWxMethod", {{"method", "getLocation"}, {"args", {json::object()}}});
    // The project has its own getLocation rule (latitude 22.54): automation's wins.
    CHECK(reply["result"]["result"]["latitude"] == 1);
    // Restored, the project's rule answers again (the host has no getLocation of its own).
    client.call("App.mockWxMethod", {{"method", "getLocation"}});
    CHECK(client.call("App.callWxMethod", {{"method", "getLocation"}})["result"]["result"]["latitude"]
          == 22.54);
}

TEST_CASE("automation host: automation mocks stay on top when the mock panel's rules change",
          "[automation]")
{
    Simulator simulator;
    HubClient client(simulator.automation->hub());
    client.call("App.mockWxMethod", {{"method", "getLocation"}, {"result", {{"latitude", 1}}}});
    // A rule added in the panel re-applies the panel's rules to the core.
    simulator.window->scenarioManager()->model()->edit(u"add rule"_s, {}, [](core::Scenario &scenario) {
        core::MockRule rule;
        rule.ruleName = "from the panel";
        rule.ruleId = "panel-1";
        rule.apiName = "getLocation";
        rule.resStr = R"({"latitude": 2})";
        scenario.rules.rules.push_back(rule);
    });
    CHECK(client.call("App.callWxMethod", {{"method", "getLocation"}})["result"]["result"]["latitude"] == 1);
    // Restored: the panel's rule answers.
    client.call("App.mockWxMethod", {{"method", "getLocation"}});
    CHECK(client.call("App.callWxMethod", {{"method", "getLocation"}})["result"]["result"]["latitude"] == 2);
}

TEST_CASE("automation host: a function mock needs the runtime", "[automation]")
{
    Simulator simulator;
    HubClient client(simulator.automation->hub());
    CHECK(errorMessage(client.call("App.mockWxMethod", {{"method", "login"}, {"functionDeclaration", "function(){}"}}))
          == "App.mockWxMethod: the mini-program runtime is not loaded (wx.login mocked with a "
             "function is answered in it)");
}

TEST_CASE("automation host: the screenshot is a PNG of the phone screen", "[automation]")
{
    Simulator simulator;
    HubClient client(simulator.automation->hub());
    spin(300); // let the page paint
    const json reply = client.call("App.captureScreenshot");
    const QByteArray png = QByteArray::fromBase64(QByteArray::fromStdString(reply["result"]["data"].get<std::string>()));
    CHECK(png.startsWith("\x89PNG\r\n\x1a\n"));
    const QImage image = QImage::fromData(png, "PNG");
    REQUIRE_FALSE(image.isNull());
    CHECK(image.size() == simulator.window->simulatorView()->size() * simulator.window->simulatorView()->devicePixelRatioF());
}

TEST_CASE("automation host: Tool.native authorizeAllow answers the popup the page opened",
          "[automation]")
{
    Simulator simulator;
    HubClient client(simulator.automation->hub());
    simulator.runJavaScript(u"wx.authorize({scope: 'scope.userLocation'})"_s);
    REQUIRE(waitUntil([&] { return simulator.window->prompts()->hasOpenPrompt(); }));
    CHECK(client.call("Mpsim.getPrompt")["result"]["kind"] == "authorize");
    CHECK(client.call("Tool.native", {{"method", "authorizeAllow"}})["result"] == json::object());
    CHECK(simulator.host->core().store().state("wxwebtestproject").scope("scope.userLocation")
          == core::ScopeState::Granted);
    CHECK(client.call("Mpsim.getPrompt")["result"]["kind"].is_null());
}

TEST_CASE("automation host: Tool.native waits a moment for the popup to open", "[automation]")
{
    Simulator simulator;
    HubClient client(simulator.automation->hub());
    simulator.automation->setNativeWaitMs(5000);
    // Sent before the popup exists; the page asks afterwards.
    const std::string id = client.post("Tool.native", {{"method", "authorizeCancel"}});
    simulator.runJavaScript(u"wx.authorize({scope: 'scope.record'})"_s);
    CHECK(client.reply(id)["result"] == json::object());
    CHECK(simulator.host->core().store().state("wxwebtestproject").scope("scope.record")
          == core::ScopeState::Denied);
}

TEST_CASE("automation host: Tool.native with no popup open is an error after the wait",
          "[automation]")
{
    Simulator simulator;
    HubClient client(simulator.automation->hub());
    CHECK(errorMessage(client.call("Tool.native", {{"method", "authorizeAllow"}}))
          == "Tool.native: no host popup is open");
    CHECK(errorMessage(client.call("Tool.native", {{"method", "confirmModal"}}))
          == "Tool.native: no modal is open");
}

TEST_CASE("automation host: Tool.native confirmModal answers wx.showModal", "[automation]")
{
    Simulator simulator;
    HubClient client(simulator.automation->hub());
    client.call("App.enableLog");
    simulator.runJavaScript(
        u"wx.showModal({title: 'Sure?', success: r => console.log('modal:' + r.confirm)})"_s);
    REQUIRE(waitUntil([&] { return simulator.window->prompts()->hasOpenPrompt(); }));
    CHECK(client.call("Mpsim.getPrompt")["result"]["kind"] == "modal");
    CHECK(client.call("Tool.native", {{"method", "confirmModal"}})["result"] == json::object());
    REQUIRE(waitUntil([&] {
        for (const auto &event : client.events("App.logAdded")) {
            if (event["params"]["args"][0] == "modal:true")
                return true;
        }
        return false;
    }));
}

TEST_CASE("automation host: Mpsim.answerSoter answers the SOTER prompt with an error code",
          "[automation]")
{
    Simulator simulator;
    HubClient client(simulator.automation->hub());
    client.call("App.enableLog");
    CHECK(errorMessage(client.call("Mpsim.answerSoter", {{"outcome", "succeed"}}))
          == "Mpsim.answerSoter: no SOTER prompt is open");
    simulator.runJavaScript(
        u"document.getElementById('tap').onclick = () => wx.startSoterAuthentication({"
        "requestAuthModes: ['fingerPrint'], challenge: 'c', authContent: 'pay',"
        "fail: e => console.log('soter:' + e.errCode)});"
        "__mpsimRunAsTap(() => document.getElementById('tap').click());"_s);
    REQUIRE(waitUntil([&] { return simulator.window->prompts()->hasOpenPrompt(); }));
    CHECK(client.call("Mpsim.answerSoter", {{"outcome", "fail"}, {"errCode", 90010}}).contains("result"));
    REQUIRE(waitUntil([&] {
        for (const auto &event : client.events("App.logAdded")) {
            if (event["params"]["args"][0] == "soter:90010")
                return true;
        }
        return false;
    }));
}

TEST_CASE("automation host: console output reaches clients that enabled the log", "[automation]")
{
    Simulator simulator;
    HubClient listener(simulator.automation->hub());
    HubClient quiet(simulator.automation->hub());
    listener.call("App.enableLog");
    simulator.runJavaScript(u"console.log('hello from the page'); console.error('bad')"_s);
    REQUIRE(waitUntil([&] { return listener.events("App.logAdded").size() >= 2; }));
    const auto events = listener.events("App.logAdded");
    CHECK(events[0]["params"] == json{{"type", "log"}, {"args", {"hello from the page"}}});
    CHECK(events[1]["params"]["type"] == "error");
    CHECK(quiet.events("App.logAdded").empty());
}

TEST_CASE("automation host: scenarios, host profile and clock from a script", "[automation]")
{
    Simulator simulator;
    HubClient client(simulator.automation->hub());
    client.call("App.mockWxMethod", {{"method", "getSetting"}, {"result", {{"authSetting", json::object()}}}});
    const json loaded = client.call("Mpsim.loadScenario", {{"preset", "denies-everything"}});
    REQUIRE(loaded.contains("result"));
    CHECK(loaded["result"]["name"] == "Denies everything");
    CHECK(simulator.host->core().hostProfile().authorize.defaultPolicy == core::PopupPolicy::Deny);
    // The scenario's rules did not push automation's mock aside.
    CHECK(client.call("App.callWxMethod", {{"method", "getSetting"}})["result"]["result"]["authSetting"]
          == json::object());

    const json inline_ = client.call("Mpsim.loadScenario",
                                     {{"scenario", {{"version", 1}, {"name", "Inline"},
                                                    {"hostProfile", {{"user", {{"nickName", "Script"}}}}}}}});
    CHECK(inline_["result"]["name"] == "Inline");
    CHECK(simulator.host->core().hostProfile().user.nickName == "Script");

    CHECK(client.call("Mpsim.setHostProfile", {{"profile", {{"user", {{"nickName", "QA"}}}}}}).contains("result"));
    CHECK(client.call("Mpsim.getHostProfile")["result"]["profile"]["user"]["nickName"] == "QA");

    const auto before = simulator.host->clock().offset().count();
    CHECK(client.call("Mpsim.advanceClock", {{"ms", 300000}})["result"]["offsetMs"] == before + 300000);
}

TEST_CASE("automation host: host state actions default to the open mini-program", "[automation]")
{
    Simulator simulator;
    HubClient client(simulator.automation->hub());
    auto &state = simulator.host->core().store().state("wxwebtestproject");
    state.setScope("scope.userLocation", core::ScopeState::Granted);
    CHECK(client.call("Mpsim.clearAuthorization").contains("result"));
    CHECK(state.scope("scope.userLocation") == core::ScopeState::NeverAsked);
}
