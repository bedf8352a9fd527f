// BEHAVIOURS.md, "Settings and authorization": AuthSetting, getSetting,
// openSetting, authorize.

#include "testhost.h"

#include "host/scopes.h"

using namespace mpsim::core;
using namespace mpsim::core::test;

TEST_CASE("AuthSetting: the seed's and the platform's scopes can all be authorized")
{
    TestHost host;
    host.setProfile(R"({"authorize": {"default": "allow"}})");
    for (const char *scope :
         {"scope.userLocation", "scope.writePhotosAlbum", "scope.camera", "scope.addFriend",
          "scope.userInfo", "scope.record", "scope.userFuzzyLocation", "scope.bluetooth",
          "scope.addPhoneContact", "scope.addPhoneCalendar", "scope.werun"}) {
        INFO(scope);
        CHECK(host.now("authorize", {{"scope", scope}}).ok);
        REQUIRE(findScope(scope));
        CHECK_FALSE(findScope(scope)->description.empty());
    }
}

TEST_CASE("getSetting: authSetting holds only scopes that were asked before")
{
    TestHost host;
    CHECK(host.now("getSetting").result
          == nlohmann::json{{"authSetting", nlohmann::json::object()}, {"errMsg", "getSetting:ok"}});
    host.state().setScope("scope.camera", ScopeState::Granted);
    host.state().setScope("scope.record", ScopeState::Denied);
    CHECK(host.now("getSetting").result.at("authSetting")
          == nlohmann::json{{"scope.camera", true}, {"scope.record", false}});
}

TEST_CASE("getSetting: withSubscriptions adds mainSwitch and the kept decisions")
{
    TestHost host;
    CHECK_FALSE(host.now("getSetting").result.contains("subscriptionsSetting"));
    auto setting = host.now("getSetting", {{"withSubscriptions", true}}).result;
    CHECK(setting.at("subscriptionsSetting") == nlohmann::json{{"mainSwitch", true}});
    host.state().keepSubscriptionDecision("T1", "accept");
    host.state().keepSubscriptionDecision("T2", "reject");
    host.setProfile(R"({"subscriptions": {"mainSwitch": false}})");
    setting = host.now("getSetting", {{"withSubscriptions", true}}).result;
    CHECK(setting.at("subscriptionsSetting")
          == nlohmann::json{{"mainSwitch", false},
                            {"itemSettings", {{"T1", "accept"}, {"T2", "reject"}}}});
}

TEST_CASE("openSetting: lists the scopes asked so far and answers the switches on close")
{
    TestHost host;
    host.state().setScope("scope.camera", ScopeState::Granted);
    host.state().setScope("scope.record", ScopeState::Denied);
    auto pending = host.tap("openSetting");
    REQUIRE(host.prompts.settingsShown.size() == 1);
    CHECK(host.prompts.settingsShown[0].authSetting
          == std::map<std::string, bool>{{"scope.camera", true}, {"scope.record", false}});
    REQUIRE_FALSE(pending.settled());
    // The user turns the camera off and the microphone on; a scope never asked cannot appear.
    host.prompts.answerSettings(
        {{{"scope.camera", false}, {"scope.record", true}, {"scope.werun", true}}});
    REQUIRE(pending.ok());
    CHECK(pending.result()
          == nlohmann::json{{"authSetting", {{"scope.camera", false}, {"scope.record", true}}},
                            {"errMsg", "openSetting:ok"}});
    CHECK(host.now("authorize", {{"scope", "scope.record"}}).ok);
    CHECK_FALSE(host.now("authorize", {{"scope", "scope.camera"}}).ok);
}

TEST_CASE("openSetting: the keep policy closes the page at once with nothing changed")
{
    TestHost host;
    host.setProfile(R"({"authorize": {"settingsPage": "keep"}})");
    host.state().setScope("scope.camera", ScopeState::Denied);
    const ApiReply reply = host.now("openSetting", nlohmann::json::object(), true);
    CHECK(reply.result.at("authSetting") == nlohmann::json{{"scope.camera", false}});
    CHECK(host.prompts.popupCount() == 0);
}

TEST_CASE("authorize: scope is required")
{
    TestHost host;
    CHECK(host.now("authorize").result.at("errMsg")
          == "authorize:fail parameter error: parameter.scope should be String instead of "
             "Undefined;");
}

TEST_CASE("authorize: never asked shows a popup and Allow succeeds")
{
    TestHost host;
    auto pending = host.call("authorize", {{"scope", "scope.userLocation"}});
    REQUIRE(host.prompts.authorizeAsked.size() == 1);
    CHECK(host.prompts.authorizeAsked[0].scope == "scope.userLocation");
    CHECK(host.prompts.authorizeAsked[0].description == "use your location");
    host.prompts.answerAuthorize(PromptAnswer::Allow);
    CHECK(pending.result() == nlohmann::json{{"errMsg", "authorize:ok"}});
    CHECK(host.state().scope("scope.userLocation") == ScopeState::Granted);
}

TEST_CASE("authorize: never asked shows a popup and Deny fails with auth deny")
{
    TestHost host;
    auto pending = host.call("authorize", {{"scope", "scope.camera"}});
    host.prompts.answerAuthorize(PromptAnswer::Deny);
    CHECK(pending.errMsg() == "authorize:fail auth deny");
    CHECK(host.state().scope("scope.camera") == ScopeState::Denied);
}

TEST_CASE("authorize: granted before succeeds at once without a popup")
{
    TestHost host;
    host.state().setScope("scope.camera", ScopeState::Granted);
    CHECK(host.now("authorize", {{"scope", "scope.camera"}}).ok);
    CHECK(host.prompts.popupCount() == 0);
}

TEST_CASE("authorize: denied before fails at once without a popup")
{
    TestHost host;
    host.state().setScope("scope.camera", ScopeState::Denied);
    const ApiReply reply = host.now("authorize", {{"scope", "scope.camera"}});
    CHECK(reply.result.at("errMsg") == "authorize:fail auth deny");
    CHECK(host.prompts.popupCount() == 0);
}

TEST_CASE("authorize: an unknown scope fails naming it")
{
    TestHost host;
    const ApiReply reply = host.now("authorize", {{"scope", "scope.teleport"}});
    CHECK_FALSE(reply.ok);
    CHECK(reply.result.at("errMsg") == "authorize:fail invalid scope: scope.teleport");
    CHECK(host.prompts.popupCount() == 0);
}

TEST_CASE("authorize: popup policies allow and deny answer without a popup, per scope")
{
    TestHost host;
    host.setProfile(R"({"authorize": {"default": "deny", "scopes": {"scope.camera": "allow"}}})");
    CHECK(host.now("authorize", {{"scope", "scope.camera"}}).ok);
    CHECK(host.now("authorize", {{"scope", "scope.record"}}).result.at("errMsg")
          == "authorize:fail auth deny");
    CHECK(host.prompts.popupCount() == 0);
    // A policy answer is remembered like a person's.
    CHECK(host.state().scope("scope.record") == ScopeState::Denied);
}

TEST_CASE("authorize: clearing authorization data asks again")
{
    TestHost host;
    host.state().setScope("scope.camera", ScopeState::Denied);
    host.state().clearAuthorization();
    auto pending = host.call("authorize", {{"scope", "scope.camera"}});
    CHECK(host.prompts.authorizeAsked.size() == 1);
}
