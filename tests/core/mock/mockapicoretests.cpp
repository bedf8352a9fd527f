// Mock rules answering wx calls in ApiCore, before the API's own behaviour.

#include "../testhost.h"

#include "mock/mockrules.h"

using namespace mpsim::core;
using namespace mpsim::core::test;

namespace {

MockRules rulesFrom(const char *json)
{
    auto rules = MockRules::fromJson(nlohmann::ordered_json::parse(json), "/rules");
    REQUIRE(rules.ok());
    return rules.value();
}

} // namespace

TEST_CASE("mock in core: the first enabled matching rule answers instead of the host")
{
    TestHost host;
    host.core.setMockRules(rulesFrom(R"([
        {"ruleName": "off", "ruleId": "0", "apiName": "login", "enable": false, "mockType": "API",
         "returnType": "success", "resStr": "{\"code\": \"disabled\"}", "filterList": []},
        {"ruleName": "fixed code", "ruleId": "1", "apiName": "login", "enable": true, "mockType": "API",
         "returnType": "success", "resStr": "{\"code\": \"mocked\"}", "filterList": []}])"));
    std::vector<CallRecord> log;
    host.core.setCallObserver([&](const CallRecord &record) { log.push_back(record); });
    const ApiReply reply = host.now("login");
    CHECK(reply.result == nlohmann::json{{"code", "mocked"}, {"errMsg", "login:ok"}});
    REQUIRE(log.size() == 1);
    CHECK(log[0].mockRule == "fixed code (1)");
    // The host was never asked: no session was opened.
    CHECK_FALSE(host.state().session().has_value());
}

TEST_CASE("mock in core: a rule with a filter answers only matching calls")
{
    TestHost host;
    host.core.setMockRules(rulesFrom(R"([
        {"ruleName": "deny camera", "ruleId": "c", "apiName": "authorize", "enable": true,
         "mockType": "API", "returnType": "fail", "resStr": "{\"errMsg\": \"authorize:fail mocked\"}",
         "filterList": [{"propName": "scope", "propRegString": "CAMERA", "matchType": "string"}]}])"));
    CHECK(host.now("authorize", {{"scope", "scope.camera"}}).result.at("errMsg")
          == "authorize:fail mocked");
    auto other = host.call("authorize", {{"scope", "scope.record"}});
    CHECK(host.prompts.authorizeAsked.size() == 1); // the real behaviour ran
}

TEST_CASE("mock in core: a rule can answer an API mpsim does not implement")
{
    TestHost host;
    host.core.setMockRules(rulesFrom(R"([
        {"ruleName": "plugin", "ruleId": "p", "apiName": "invokeNativePlugin", "enable": true,
         "mockType": "API", "returnType": "fail", "resStr": "{\n \"errMsg\": \"VVV\"\n}",
         "filterList": [{"propName": "", "propRegString": "", "matchType": "string"}]}])"));
    const ApiReply reply = host.now("invokeNativePlugin");
    CHECK_FALSE(reply.ok);
    CHECK(reply.result.at("errMsg") == "VVV");
}

TEST_CASE("mock in core: a delayed rule answers through the scheduler")
{
    TestHost host;
    host.core.setMockRules(rulesFrom(R"([
        {"ruleName": "slow", "ruleId": "s", "apiName": "getSetting", "enable": true, "mockType": "API",
         "returnType": "success", "resStr": "{}", "filterList": [], "delayMs": 800}])"));
    std::vector<std::pair<int, std::function<void()>>> scheduled;
    host.core.setScheduler([&](int delayMs, std::function<void()> task) {
        scheduled.emplace_back(delayMs, std::move(task));
    });
    auto pending = host.call("getSetting");
    CHECK_FALSE(pending.settled());
    REQUIRE(scheduled.size() == 1);
    CHECK(scheduled[0].first == 800);
    scheduled[0].second();
    CHECK(pending.errMsg() == "getSetting:ok");
}

TEST_CASE("mock in core: a JavaScript function rule fails clearly where there is no logic layer")
{
    TestHost host;
    host.core.setMockRules(rulesFrom(R"([
        {"ruleName": "fn", "ruleId": "f", "apiName": "login", "enable": true, "mockType": "API",
         "returnType": "success", "resStr": "{}", "filterList": [],
         "functionSource": "function (options) { return {code: 'x'}; }"}])"));
    const ApiReply reply = host.now("login");
    CHECK_FALSE(reply.ok);
    CHECK(reply.result.at("errMsg").get<std::string>().find("no logic layer") != std::string::npos);
}

TEST_CASE("mock in core: a function rule runs in the caller's logic layer and its value answers")
{
    TestHost host;
    host.core.setMockRules(rulesFrom(R"([
        {"ruleName": "fn", "ruleId": "f", "apiName": "getLocation", "enable": true, "mockType": "API",
         "returnType": "success", "resStr": "{}", "filterList": [], "delayMs": 300,
         "functionSource": "function (options) { return {latitude: 1}; }"}])"));
    std::vector<CallRecord> log;
    host.core.setCallObserver([&](const CallRecord &record) { log.push_back(record); });
    std::vector<std::pair<int, std::function<void()>>> scheduled;
    host.core.setScheduler([&](int delayMs, std::function<void()> task) {
        scheduled.emplace_back(delayMs, std::move(task));
    });
    std::vector<MockFunctionRun> runs;
    std::vector<std::function<void(MockFunctionOutcome)>> pendingRuns;
    host.core.setMockFunctionRunner([&](const MockFunctionRun &run, std::function<void(MockFunctionOutcome)> done) {
        runs.push_back(run);
        pendingRuns.push_back(std::move(done));
    });

    CallContext context;
    context.appid = "wxtest";
    context.origin = 3;
    std::optional<ApiReply> answered;
    host.core.invoke("getLocation", nlohmann::json{{"type", "gcj02"}}, context,
                     [&](ApiReply reply) { answered = std::move(reply); });
    // The runner got the rule's code, the call's options and who called.
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].api == "getLocation");
    CHECK(runs[0].ruleName == "fn");
    CHECK(runs[0].source == "function (options) { return {latitude: 1}; }");
    CHECK(runs[0].options == nlohmann::json{{"type", "gcj02"}});
    CHECK(runs[0].context.origin == 3);
    CHECK_FALSE(answered);
    // Its value answers after the rule's delay, with errMsg filled in.
    pendingRuns[0]({true, nlohmann::json{{"latitude", 1}}, {}});
    CHECK_FALSE(answered);
    REQUIRE(scheduled.size() == 1);
    CHECK(scheduled[0].first == 300);
    scheduled[0].second();
    REQUIRE(answered);
    CHECK(answered->ok);
    CHECK(answered->result == nlohmann::json{{"latitude", 1}, {"errMsg", "getLocation:ok"}});
    REQUIRE(log.size() == 1);
    CHECK(log[0].mockRule == "fn (f)");
    CHECK(log[0].reply.result == answered->result);

    // A value whose errMsg says fail goes to fail; a function that threw fails naming the rule.
    answered.reset();
    host.core.invoke("getLocation", nlohmann::json::object(), context,
                     [&](ApiReply reply) { answered = std::move(reply); });
    REQUIRE(pendingRuns.size() == 2);
    pendingRuns[1]({true, nlohmann::json{{"errMsg", "getLocation:fail auth deny"}}, {}});
    scheduled.back().second();
    REQUIRE(answered);
    CHECK_FALSE(answered->ok);
    CHECK(answered->result.at("errMsg") == "getLocation:fail auth deny");

    answered.reset();
    host.core.invoke("getLocation", nlohmann::json::object(), context,
                     [&](ApiReply reply) { answered = std::move(reply); });
    REQUIRE(pendingRuns.size() == 3);
    pendingRuns[2]({false, {}, "ReferenceError: nope is not defined"});
    scheduled.back().second();
    REQUIRE(answered);
    CHECK_FALSE(answered->ok);
    CHECK(answered->result.at("errMsg").get<std::string>().find("mock rule \"fn\": ReferenceError: nope is not defined")
          != std::string::npos);
}
