// Mocks set by automation clients, as core mock rules on top of the project's
// (core/automation/wxmock.h), and the call log buffer automation reads.

#include "automation/calllogbuffer.h"
#include "automation/wxmock.h"

#include <catch2/catch.hpp>

using namespace mpsim::core;
using namespace mpsim::core::automation;
using json = nlohmann::json;

namespace {

WxMock valueMock(const std::string &api, json value)
{
    WxMock mock;
    mock.api = api;
    mock.value = std::move(value);
    return mock;
}

} // namespace

TEST_CASE("wx mock: an object value becomes a rule that answers success with errMsg filled in")
{
    auto rule = mockRuleFor(valueMock("getSetting", {{"authSetting", {{"scope.userLocation", true}}}}));
    REQUIRE(rule.ok());
    CHECK(isAutomationRule(rule.value()));
    CHECK(rule->ruleId == "mpsim-automation:getSetting");
    CHECK(rule->ruleName == "automation: wx.getSetting");
    MockRules rules;
    rules.rules.push_back(rule.value());
    const auto match = rules.match("getSetting", json::object());
    REQUIRE(match);
    CHECK(match->reply.ok);
    CHECK(match->reply.result["errMsg"] == "getSetting:ok");
    CHECK(match->reply.result["authSetting"]["scope.userLocation"] == true);
}

TEST_CASE("wx mock: a value whose errMsg says fail answers fail, as AUTOMATION.md says")
{
    MockRules rules;
    rules.rules.push_back(mockRuleFor(valueMock("login", {{"errMsg", "login:fail timeout"}})).value());
    const auto match = rules.match("login", json::object());
    REQUIRE(match);
    CHECK_FALSE(match->reply.ok);
    CHECK(match->reply.result["errMsg"] == "login:fail timeout");
}

TEST_CASE("wx mock: functions and non-object values are for the runtime, not a core rule")
{
    WxMock function;
    function.api = "getStorageSync";
    function.kind = WxMock::Kind::Function;
    function.functionDeclaration = "function(){}";
    CHECK(function.needsRuntime());
    CHECK_FALSE(mockRuleFor(function).ok());
    CHECK(valueMock("getStorageSync", "text").needsRuntime());
    CHECK(valueMock("getStorageSync", nullptr).needsRuntime());
    CHECK_FALSE(valueMock("login", json::object()).needsRuntime());
}

TEST_CASE("wx mock: a value larger than a rule may hold is refused")
{
    auto rule = mockRuleFor(valueMock("login", {{"big", std::string(MockRule::maxResStrBytes, 'x')}}));
    REQUIRE_FALSE(rule.ok());
    CHECK(rule.error().message == "the mocked value of wx.login is larger than 1024 KiB");
}

TEST_CASE("wx mock: the table puts its rules first, most recent first, and replaces its old ones")
{
    MockRules project;
    project.rules.push_back(MockRule::create("login", "project login"));
    WxMockTable table;
    table.set(valueMock("login", {{"code", "A"}}));
    table.set(valueMock("getSetting", json::object()));
    MockRules applied = table.applyTo(project);
    REQUIRE(applied.rules.size() == 3);
    CHECK(applied.rules[0].api() == "getSetting");
    CHECK(applied.rules[1].api() == "login");
    CHECK(applied.rules[2].ruleName == "project login");
    CHECK(applied.match("login", json::object())->reply.result["code"] == "A");

    // Applying again to the applied rules does not stack them.
    table.set(valueMock("login", {{"code", "B"}}));
    applied = table.applyTo(applied);
    REQUIRE(applied.rules.size() == 3);
    CHECK(applied.rules[0].api() == "login");
    CHECK(applied.match("login", json::object())->reply.result["code"] == "B");

    CHECK(table.remove("login"));
    CHECK_FALSE(table.remove("login"));
    applied = table.applyTo(applied);
    REQUIRE(applied.rules.size() == 2);
    CHECK(applied.match("login", json::object())->ruleName == "project login");
}

TEST_CASE("wx mock: the main switch off silences automation rules like any rule")
{
    MockRules project;
    project.globalOpen = false;
    WxMockTable table;
    table.set(valueMock("login", json::object()));
    CHECK_FALSE(table.applyTo(project).match("login", json::object()));
}

TEST_CASE("call log buffer: sequence numbers survive the ring buffer dropping old entries")
{
    CallLogBuffer log(3);
    for (int i = 1; i <= 5; ++i)
        CHECK(log.append({{"n", i}})["seq"] == i);
    CHECK(log.size() == 3);
    CHECK(log.lastSeq() == 5);
    const json all = log.since(0, 100);
    REQUIRE(all.size() == 3);
    CHECK(all[0]["seq"] == 3);
    CHECK(log.since(4, 100).size() == 1);
    CHECK(log.since(5, 100).empty());
    CHECK(log.since(1000, 100).empty());
    CHECK(log.since(0, 2).size() == 2);
    log.clear();
    CHECK(log.since(0, 100).empty());
    CHECK(log.append(json::object())["seq"] == 6);
    CHECK(log.append(json(7))["value"] == 7);
}
