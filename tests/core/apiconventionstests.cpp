// BEHAVIOURS.md, "Conventions for every async API", as far as core decides
// them. (Deferred callbacks and the Promise form are the page facade's:
// resources/runtime/tests/wx-facade.test.js.)

#include "testhost.h"

using namespace mpsim::core;
using namespace mpsim::core::test;

TEST_CASE("conventions: every call is answered exactly once, even when a popup is dropped")
{
    TestHost host;
    auto pending = host.tap("authorize", {{"scope", "scope.camera"}});
    REQUIRE_FALSE(pending.settled());
    // The host UI goes away without answering: the call must still settle.
    host.prompts.pendingAuthorize.clear();
    REQUIRE(pending.settled());
    CHECK(*pending.count == 1);
    CHECK_FALSE(pending.ok());
    CHECK(pending.errMsg().rfind("authorize:fail internal error", 0) == 0);
}

TEST_CASE("conventions: a popup answered twice settles the call once")
{
    TestHost host;
    auto pending = host.call("authorize", {{"scope", "scope.camera"}});
    auto callback = host.prompts.pendingAuthorize.front();
    callback(PromptAnswer::Allow);
    callback(PromptAnswer::Deny);
    CHECK(*pending.count == 1);
    CHECK(pending.ok());
}

TEST_CASE("conventions: the success object always has errMsg <api>:ok")
{
    TestHost host;
    host.setProfile(R"({"user": {"popup": "allow"}, "authorize": {"default": "allow"},
                        "soter": {"policy": "succeed"}, "subscriptions": {"sheet": "acceptAll",
                        "templates": [{"id": "T1", "title": "Order shipped"}]}})");
    const std::vector<std::pair<std::string, nlohmann::json>> calls{
        {"login", nlohmann::json::object()},
        {"checkSession", nlohmann::json::object()},
        {"getUserProfile", {{"desc", "show your name"}}},
        {"authorize", {{"scope", "scope.userInfo"}}},
        {"getUserInfo", nlohmann::json::object()},
        {"getSetting", nlohmann::json::object()},
        {"checkIsSupportSoterAuthentication", nlohmann::json::object()},
        {"checkIsSoterEnrolledInDevice", {{"checkAuthMode", "fingerPrint"}}},
        {"startSoterAuthentication", {{"authContent", "unlock"}}},
        {"requestSubscribeMessage", {{"tmplIds", {"T1"}}}},
    };
    for (const auto &[api, args] : calls) {
        INFO(api);
        const ApiReply reply = host.now(api, args, true);
        CHECK(reply.ok);
        CHECK(reply.result.at("errMsg") == api + ":ok");
    }
}

TEST_CASE("conventions: a fail object has errMsg <api>:fail <reason> and a numeric errno")
{
    TestHost host;
    const ApiReply reply = host.now("authorize", {{"scope", "scope.nothing"}});
    CHECK_FALSE(reply.ok);
    CHECK(reply.result.at("errMsg") == "authorize:fail invalid scope: scope.nothing");
    CHECK(reply.result.at("errno").is_number_integer());
}

TEST_CASE("conventions: APIs with their own code tables also carry errCode")
{
    TestHost host;
    const ApiReply reply = host.now("requestSubscribeMessage", {{"tmplIds", nlohmann::json::array()}},
                                    true);
    CHECK(reply.result.at("errCode") == 10001);
    CHECK(reply.result.at("errno") == 10001);
    host.setProfile(R"({"soter": {"supportModes": []}})");
    CHECK(host.now("startSoterAuthentication").result.at("errCode") == 90001);
}

TEST_CASE("conventions: a missing required parameter names it in the platform's form")
{
    TestHost host;
    const ApiReply reply = host.now("getUserProfile", nlohmann::json::object(), true);
    CHECK(reply.result.at("errMsg")
          == "getUserProfile:fail parameter error: parameter.desc should be String instead of "
             "Undefined;");
}

TEST_CASE("conventions: a parameter of the wrong type names both types")
{
    TestHost host;
    CHECK(host.now("authorize", {{"scope", 42}}).result.at("errMsg")
          == "authorize:fail parameter error: parameter.scope should be String instead of Number;");
    CHECK(host.now("getSetting", {{"withSubscriptions", "yes"}}).result.at("errMsg")
          == "getSetting:fail parameter error: parameter.withSubscriptions should be Boolean "
             "instead of String;");
    CHECK(host.now("requestSubscribeMessage", {{"tmplIds", "T1"}}, true).result.at("errMsg")
          == "requestSubscribeMessage:fail parameter error: parameter.tmplIds should be Array "
             "instead of String;");
}

TEST_CASE("conventions: options that are not an object are a parameter error")
{
    TestHost host;
    CHECK(host.now("login", nlohmann::json::array()).result.at("errMsg")
          == "login:fail parameter error: parameter should be Object instead of Array;");
    CHECK(host.now("login", "x").result.at("errMsg")
          == "login:fail parameter error: parameter should be Object instead of String;");
    // No options at all is fine.
    CHECK(host.now("login", nullptr).ok);
}

TEST_CASE("conventions: gesture-only APIs fail outside a tap handler")
{
    TestHost host;
    host.setProfile(R"({"subscriptions": {"templates": [{"id": "T1", "title": "t"}]}})");
    CHECK(host.now("getUserProfile", {{"desc", "name"}}).result.at("errMsg")
          == "getUserProfile:fail can only be invoked by user TAP gesture.");
    CHECK(host.now("openSetting").result.at("errMsg")
          == "openSetting:fail can only be invoked by user TAP gesture.");
    CHECK(host.now("requestSubscribeMessage", {{"tmplIds", {"T1"}}}).result.at("errMsg")
          == "requestSubscribeMessage:fail can only be invoked by user TAP gesture.");
    CHECK(host.prompts.popupCount() == 0);
}

TEST_CASE("conventions: an unknown API fails naming it and reaches the call log")
{
    TestHost host;
    std::vector<CallRecord> log;
    host.core.setCallObserver([&](const CallRecord &record) { log.push_back(record); });
    const ApiReply reply = host.now("getLocation");
    CHECK_FALSE(reply.ok);
    CHECK(reply.result.at("errMsg")
          == "getLocation:fail not supported: wx.getLocation is not implemented in mpsim");
    CHECK(reply.result.at("errno") == 100);
    REQUIRE(log.size() == 1);
    CHECK(log[0].api == "getLocation");
    CHECK_FALSE(log[0].reply.ok);
    CHECK(log[0].context.appid == TestHost::appid);
}

TEST_CASE("conventions: the call log records calls that settle after a popup")
{
    TestHost host;
    std::vector<CallRecord> log;
    host.core.setCallObserver([&](const CallRecord &record) { log.push_back(record); });
    auto pending = host.call("authorize", {{"scope", "scope.record"}});
    CHECK(log.empty());
    host.clock.advance(std::chrono::milliseconds(1500));
    host.prompts.answerAuthorize(PromptAnswer::Allow);
    REQUIRE(log.size() == 1);
    CHECK(log[0].args.at("scope") == "scope.record");
    CHECK(log[0].settledAtMs - log[0].startedAtMs == 1500);
}

TEST_CASE("canIUse: every API of the seed and its documented parts are usable")
{
    TestHost host;
    for (const char *schema :
         {"login", "checkSession", "getAccountInfoSync", "getUserProfile", "getUserInfo",
          "getSetting", "openSetting", "authorize", "checkIsSupportSoterAuthentication",
          "checkIsSoterEnrolledInDevice", "startSoterAuthentication", "requestSubscribeMessage",
          "canIUse", "getUserProfile.object.desc", "getUserProfile.object.lang.zh_CN",
          "getSetting.object.withSubscriptions", "getSetting.success.authSetting",
          "login.success.code", "getAccountInfoSync.return.miniProgram.envVersion",
          "button.open-type.getUserInfo", "open-data.type.userAvatarUrl",
          "open-data.type.userNickName"}) {
        INFO(schema);
        const ApiReply reply = host.sync("canIUse", schema);
        CHECK(reply.ok);
        CHECK(reply.result == true);
    }
}

TEST_CASE("canIUse: what mpsim does not implement is not usable")
{
    TestHost host;
    for (const char *schema : {"getLocation", "getUserProfile.object.nothing", "button.open-type.pay",
                               "openType.getUserInfo", "", "login.", ".login"}) {
        INFO(schema);
        CHECK(host.sync("canIUse", schema).result == false);
    }
    CHECK_FALSE(host.sync("canIUse", 42).ok);
}
