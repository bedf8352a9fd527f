// The host profile: defaults, validation with a JSON-pointer location, and
// the previous profile staying in force when a new one is invalid.

#include "testhost.h"

#include "host/hostprofile.h"

using namespace mpsim::core;
using namespace mpsim::core::test;

namespace {

Error problemOf(const std::string &text)
{
    auto profile = HostProfile::parse(text);
    REQUIRE_FALSE(profile.ok());
    return profile.error();
}

} // namespace

TEST_CASE("host profile: an empty object is valid and gives the defaults")
{
    auto profile = HostProfile::parse("{}");
    REQUIRE(profile.ok());
    CHECK(profile->login.succeed);
    CHECK(profile->user.popup == PopupPolicy::Ask);
    CHECK(profile->soter.supportModes == std::vector<std::string>{"fingerPrint"});
    CHECK(profile->account.envVersion == "develop");
}

TEST_CASE("host profile: toJson and fromJson round-trip every field")
{
    const std::string text = R"({
        "version": 1,
        "login": {"result": "fail", "code": "c", "errno": 7, "errMsg": "nope",
                  "sessionLifetimeSeconds": 60, "checkSession": "expired", "appSecret": "s"},
        "user": {"nickName": "N", "avatarUrl": "", "gender": 1, "country": "C", "province": "P",
                 "city": "Y", "popup": "deny"},
        "soter": {"supportModes": ["facial", "speech"], "enrolled": {"facial": true},
                  "policy": "frozen"},
        "authorize": {"default": "allow", "scopes": {"scope.camera": "deny"},
                      "settingsPage": "keep"},
        "subscriptions": {"mainSwitch": false, "miniProgramBanned": true, "networkFailure": 10003,
                          "sheet": "rejectAll",
                          "templates": [{"id": "T", "title": "t", "type": "permanent",
                                         "banned": true, "deviceMessage": true}]},
        "account": {"envVersion": "release", "version": "2.0.0"}
    })";
    auto profile = HostProfile::parse(text);
    REQUIRE(profile.ok());
    const auto json = profile->toJson();
    auto again = HostProfile::fromJson(json);
    REQUIRE(again.ok());
    CHECK(again->toJson() == json);
    CHECK(json.at("login").at("checkSession") == "expired");
    CHECK(json.at("soter").at("policy") == "frozen");
    CHECK(json.at("authorize").at("scopes").at("scope.camera") == "deny");
    CHECK(json.at("subscriptions").at("templates").at(0).at("type") == "permanent");
}

TEST_CASE("host profile: a wrong type is rejected with its JSON pointer")
{
    const Error error = problemOf(R"({"user": {"gender": "female"}})");
    CHECK(error.location == "/user/gender");
    CHECK(error.message == "must be an integer, not a string");
}

TEST_CASE("host profile: a value out of range is rejected with its JSON pointer")
{
    CHECK(problemOf(R"({"user": {"gender": 3}})").location == "/user/gender");
    CHECK(problemOf(R"({"login": {"sessionLifetimeSeconds": 0}})").location
          == "/login/sessionLifetimeSeconds");
}

TEST_CASE("host profile: an unknown key is rejected, not ignored")
{
    const Error error = problemOf(R"({"user": {"nickname": "typo"}})");
    CHECK(error.location == "/user/nickname");
    CHECK(error.message.rfind("unknown key", 0) == 0);
}

TEST_CASE("host profile: enumerations list what they accept")
{
    const Error error = problemOf(R"({"soter": {"policy": "maybe"}})");
    CHECK(error.location == "/soter/policy");
    CHECK(error.message.find("\"succeed\"") != std::string::npos);
    CHECK(error.message.find("(got \"maybe\")") != std::string::npos);
}

TEST_CASE("host profile: array items are located by index")
{
    CHECK(problemOf(R"({"soter": {"supportModes": ["fingerPrint", "iris"]}})").location
          == "/soter/supportModes/1");
    CHECK(problemOf(R"({"subscriptions": {"templates": [{"id": "A"}, {"title": "no id"}]}})")
              .location
          == "/subscriptions/templates/1");
    CHECK(problemOf(R"({"subscriptions": {"templates": [{"id": "A"}, {"id": "A"}]}})").location
          == "/subscriptions/templates/1/id");
    CHECK(problemOf(R"({"authorize": {"scopes": {"scope.teleport": "allow"}}})").location
          == "/authorize/scopes/scope.teleport");
}

TEST_CASE("host profile: JSON pointers escape / and ~ in keys")
{
    CHECK(problemOf(R"({"authorize": {"scopes": {"a/b~c": "allow"}}})").location
          == "/authorize/scopes/a~1b~0c");
}

TEST_CASE("host profile: a profile from a newer mpsim is rejected clearly")
{
    const Error error = problemOf(R"({"version": 99})");
    CHECK(error.location == "/version");
    CHECK(error.message.find("newer") != std::string::npos);
}

TEST_CASE("host profile: broken JSON reports its line and column")
{
    const Error error = problemOf("{\n  \"user\": {\n    \"nickName\": \"x\",\n  }\n}");
    CHECK(error.location == "line 4, column 3");
    CHECK(error.message.rfind("invalid JSON: ", 0) == 0);
    CHECK(problemOf("[1, 2]").location == "(root)");
}

TEST_CASE("host profile: an invalid profile leaves the previous one in force")
{
    TestHost host;
    host.setProfile(R"({"user": {"nickName": "Before", "popup": "allow"}})");
    auto applied = host.core.setHostProfileJson(R"({"user": {"nickName": 5}})");
    CHECK_FALSE(applied.ok());
    CHECK(applied.error().location == "/user/nickName");
    CHECK(host.core.hostProfile().user.nickName == "Before");
    CHECK(host.now("getUserProfile", {{"desc", "d"}}, true).result.at("userInfo").at("nickName")
          == "Before");
}

TEST_CASE("host profile: changes apply to the next call")
{
    TestHost host;
    host.setProfile(R"({"user": {"popup": "allow", "nickName": "One"}})");
    CHECK(host.now("getUserProfile", {{"desc", "d"}}, true).result.at("userInfo").at("nickName")
          == "One");
    host.setProfile(R"({"user": {"popup": "allow", "nickName": "Two"}})");
    CHECK(host.now("getUserProfile", {{"desc", "d"}}, true).result.at("userInfo").at("nickName")
          == "Two");
}
