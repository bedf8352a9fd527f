// Mock rules: reading a rule, matching a call (order, filters, regular
// expressions), the reply a rule gives, and the problems that stop a rule.

#include "mock/mockrules.h"

#include <catch2/catch.hpp>

#include <chrono>

using namespace mpsim::core;
using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

namespace {

MockRule ruleFromText(const std::string &text)
{
    auto rule = MockRule::fromJson(ordered_json::parse(text), "/rules/0");
    INFO((rule.ok() ? std::string() : rule.error().toString()));
    REQUIRE(rule.ok());
    return rule.value();
}

MockRule rule(std::string api, std::string resStr, std::string propName = {},
              std::string regex = {}, MockReturnType returnType = MockReturnType::Success)
{
    MockRule r = MockRule::create(std::move(api));
    r.resStr = std::move(resStr);
    r.filterList = {MockFilter{std::move(propName), std::move(regex), "string", {}}};
    r.returnType = returnType;
    return r;
}

} // namespace

TEST_CASE("mock rules: a rule in the Super App IDE's format reads every field")
{
    const MockRule r = ruleFromText(R"({
        "ruleName": "test", "ruleId": "id-1", "apiName": "invokeNativePlugin",
        "enable": true, "mockType": "API", "returnType": "fail",
        "resStr": "{\n \"errMsg\": \"VVV\"\n}",
        "filterList": [{"propName": "", "propRegString": "", "matchType": "string"}],
        "verifyFail": false
    })");
    CHECK(r.ruleName == "test");
    CHECK(r.ruleId == "id-1");
    CHECK(r.apiName == "invokeNativePlugin");
    CHECK(r.enable);
    CHECK(r.returnType == MockReturnType::Fail);
    CHECK(r.resStr == "{\n \"errMsg\": \"VVV\"\n}");
    REQUIRE(r.filterList.size() == 1);
    CHECK(r.filterList[0].matchType == "string");
    CHECK(r.delayMs == 0);
    CHECK_FALSE(r.needsLogicLayer());
    CHECK(r.problems(0).empty());
}

TEST_CASE("mock rules: unknown keys of a rule and of its filters survive toJson in place")
{
    const MockRule r = ruleFromText(R"({"ruleName": "a", "vendorKey": {"x": 1}, "apiName": "login",
        "filterList": [{"propName": "p", "extra": true, "propRegString": "x"}], "zzz": 2})");
    const ordered_json out = r.toJson();
    CHECK(out.at("vendorKey") == ordered_json{{"x", 1}});
    CHECK(out.at("zzz") == 2);
    CHECK(out.at("filterList").at(0).at("extra") == true);
    // Keys keep the order they were written in; mpsim's new keys come after.
    std::vector<std::string> keys;
    for (const auto &item : out.items())
        keys.push_back(item.key());
    CHECK(keys[0] == "ruleName");
    CHECK(keys[1] == "vendorKey");
    CHECK(keys[2] == "apiName");
    CHECK(keys[3] == "filterList");
    CHECK(keys[4] == "zzz");
    CHECK_FALSE(out.contains("delayMs"));
    CHECK_FALSE(out.contains("functionSource"));
}

TEST_CASE("mock rules: mpsim's delayMs and functionSource are read and written")
{
    MockRule r = ruleFromText(R"js({"apiName": "login", "delayMs": 1500,
                                  "functionSource": "(opts) => ({code: opts.x})"})js");
    CHECK(r.delayMs == 1500);
    REQUIRE(r.functionSource);
    CHECK(r.needsLogicLayer());
    CHECK(r.toJson().at("functionSource") == "(opts) => ({code: opts.x})");
    r.functionSource.reset();
    r.delayMs = 0;
    CHECK_FALSE(r.toJson().contains("functionSource"));
    CHECK(r.toJson().at("delayMs") == 0); // present before, so kept
}

TEST_CASE("mock rules: a known key of the wrong type is rejected with its JSON pointer")
{
    auto r = MockRule::fromJson(ordered_json::parse(R"({"enable": "yes"})"), "/mockConfig/rules/2");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().location == "/mockConfig/rules/2/enable");
    auto type = MockRule::fromJson(ordered_json::parse(R"({"returnType": "maybe"})"), "/rules/0");
    REQUIRE_FALSE(type.ok());
    CHECK(type.error().location == "/rules/0/returnType");
    auto delay = MockRule::fromJson(ordered_json::parse(R"({"delayMs": -1})"), "/rules/0");
    REQUIRE_FALSE(delay.ok());
    CHECK(delay.error().location == "/rules/0/delayMs");
    auto filter = MockRule::fromJson(
        ordered_json::parse(R"({"filterList": [{}, {"propName": 3}]})"), "/rules/0");
    REQUIRE_FALSE(filter.ok());
    CHECK(filter.error().location == "/rules/0/filterList/1/propName");
}

TEST_CASE("mock rules: a new rule has a UUID and the catch-all filter")
{
    const MockRule a = MockRule::create("login");
    const MockRule b = MockRule::create("login");
    CHECK(a.ruleId.size() == 36);
    CHECK(a.ruleId[14] == '4');
    CHECK(a.ruleId != b.ruleId);
    REQUIRE(a.filterList.size() == 1);
    CHECK(a.filterList[0].propName.empty());
    CHECK(a.toJson().at("mockType") == "API");
}

TEST_CASE("mock rules: the first enabled matching rule wins")
{
    MockRules rules;
    MockRule disabled = rule("login", R"({"code": "disabled"})");
    disabled.enable = false;
    rules.rules = {disabled, rule("getUserInfo", R"({"x": 1})"), rule("login", R"({"code": "first"})"),
                   rule("login", R"({"code": "second"})")};
    const auto match = rules.match("login", json::object());
    REQUIRE(match);
    CHECK(match->ruleIndex == 2);
    CHECK(match->ruleId == rules.rules[2].ruleId);
    CHECK(match->reply.ok);
    CHECK(match->reply.result == json{{"code", "first"}, {"errMsg", "login:ok"}});
    CHECK_FALSE(rules.match("getLocation", json::object()));

    rules.globalOpen = false;
    CHECK_FALSE(rules.match("login", json::object()));
}

TEST_CASE("mock rules: wx. before the api name is ignored on both sides")
{
    MockRules rules;
    rules.rules = {rule("wx.login", "{}")};
    REQUIRE(rules.match("login", json::object()));
    REQUIRE(rules.match("wx.login", json::object()));
    CHECK(rules.match("login", json::object())->reply.result.at("errMsg") == "login:ok");
}

TEST_CASE("mock rules: a filter matches the value at a dotted path, case-insensitively")
{
    MockRules rules;
    rules.rules = {rule("request", R"({"data": "orders"})", "url", "/API/orders"),
                   rule("request", R"({"data": "deep"})", "data.items.1.name", "^b.b$"),
                   rule("request", R"({"data": "number"})", "data.count", "^4\\d$"),
                   rule("request", R"({"data": "object"})", "header", "\"x-id\":\"7\"")};
    auto answer = [&](const json &options) -> std::string {
        const auto match = rules.match("request", options);
        return match ? match->reply.result.at("data").get<std::string>() : "none";
    };
    CHECK(answer({{"url", "https://example.com/api/orders?id=1"}}) == "orders");
    CHECK(answer({{"url", "https://example.com/api/users"}}) == "none");
    CHECK(answer({{"data", {{"items", {{{"name", "a"}}, {{"name", "BOB"}}}}}}}) == "deep");
    CHECK(answer({{"data", {{"items", {{{"name", "a"}}}}}}}) == "none"); // index out of range
    CHECK(answer({{"data", {{"count", 42}}}}) == "number");
    CHECK(answer({{"data", {{"count", 420}}}}) == "none");
    CHECK(answer({{"header", {{"x-id", "7"}}}}) == "object");
    CHECK(answer(nullptr) == "none");
}

TEST_CASE("mock rules: every filter must match, and an empty property matches every call")
{
    MockRule r = rule("login", "{}", "", "this regex is ignored (");
    r.filterList.push_back(MockFilter{"scene", "^10", "string", {}});
    MockRules rules;
    rules.rules = {r};
    CHECK(rules.match("login", {{"scene", "1001"}}));
    CHECK_FALSE(rules.match("login", {{"scene", "2001"}}));
    CHECK_FALSE(rules.match("login", json::object())); // the path does not exist
    rules.rules[0].filterList.clear();
    CHECK(rules.match("login", json::object()));
}

TEST_CASE("mock rules: returnType and errMsg decide success or fail")
{
    MockRules rules;
    rules.rules = {rule("a", "{}", {}, {}, MockReturnType::Fail),
                   rule("b", R"({"errMsg": "VVV"})", {}, {}, MockReturnType::Fail),
                   rule("c", R"({"errMsg": "c:fail no network"})"),
                   rule("d", R"({"errMsg": 5})"), rule("e", "  \n")};
    const auto a = rules.match("a", json::object());
    REQUIRE(a);
    CHECK_FALSE(a->reply.ok);
    CHECK(a->reply.result == json{{"errMsg", "a:fail"}});
    const auto b = rules.match("b", json::object());
    CHECK_FALSE(b->reply.ok);
    CHECK(b->reply.result.at("errMsg") == "VVV");
    const auto c = rules.match("c", json::object());
    CHECK_FALSE(c->reply.ok); // a success rule whose errMsg says :fail counts as fail
    const auto d = rules.match("d", json::object());
    CHECK(d->reply.ok);
    CHECK(d->reply.result.at("errMsg") == "d:ok");
    const auto e = rules.match("e", json::object());
    CHECK(e->reply.result == json{{"errMsg", "e:ok"}});
}

TEST_CASE("mock rules: a match carries the delay and a function rule asks for the logic layer")
{
    MockRule delayed = rule("login", "{}");
    delayed.delayMs = 250;
    MockRule function = rule("getUserProfile", "not used");
    function.functionSource = "(options) => ({userInfo: {nickName: options.desc}})";
    MockRules rules;
    rules.rules = {delayed, function};
    CHECK(rules.match("login", json::object())->delayMs == 250);
    const auto match = rules.match("getUserProfile", {{"desc", "x"}});
    REQUIRE(match);
    CHECK(match->needsLogicLayer());
    CHECK(*match->functionSource == *function.functionSource);

    const ApiReply reply = mockReply("getUserProfile", {{"userInfo", {{"nickName", "x"}}}},
                                     match->returnType);
    CHECK(reply.ok);
    CHECK(reply.result.at("errMsg") == "getUserProfile:ok");
    const ApiReply bad = mockReply("getUserProfile", 42, MockReturnType::Success);
    CHECK_FALSE(bad.ok);
    CHECK(bad.result.at("errMsg").get<std::string>().find("getUserProfile:fail") == 0);
}

TEST_CASE("mock rules: a resStr that is not JSON is a problem with its line and column")
{
    MockRules rules;
    rules.rules = {rule("login", "{}"), rule("login", "{\n  \"code\": 1,\n}")};
    rules.rules[0].enable = false;
    const auto problems = rules.problems();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].ruleIndex == 1);
    CHECK(problems[0].field == "resStr");
    CHECK(problems[0].line == 3);
    CHECK(problems[0].column == 1);
    CHECK(problems[0].toError("/mockConfig/rules").location == "/mockConfig/rules/1/resStr:3:1");
    CHECK(problems[0].message.find("not valid JSON") != std::string::npos);
    // A broken rule never answers.
    CHECK_FALSE(rules.match("login", json::object()));

    rules.rules[1].resStr = "[1, 2]";
    REQUIRE(rules.problems().size() == 1);
    CHECK(rules.problems()[0].message == "resStr must be a JSON object, not an array");
}

TEST_CASE("mock rules: an invalid regular expression never matches and is a problem")
{
    MockRules rules;
    rules.rules = {rule("login", "{}", "scene", "(unclosed"), rule("login", "{}", "scene", "(a)\\1")};
    CHECK_FALSE(rules.match("login", {{"scene", "(unclosed"}}));
    CHECK_FALSE(rules.match("login", {{"scene", "aa"}}));
    const auto problems = rules.problems();
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].field == "filterList/0/propRegString");
    CHECK(problems[1].ruleIndex == 1);
}

TEST_CASE("mock rules: other mock types are kept but never answer a call")
{
    MockRule cloud = rule("login", "{}");
    cloud.mockType = "CloudFunction";
    MockRules rules;
    rules.rules = {cloud};
    CHECK_FALSE(rules.match("login", json::object()));
    REQUIRE(rules.problems().size() == 1);
    CHECK(rules.problems()[0].field == "mockType");
}

TEST_CASE("mock rules: catastrophic patterns on a huge argument finish quickly without a crash")
{
    MockRules rules;
    rules.rules = {rule("request", R"({"n": 1})", "data", "(a+)+b"),
                   rule("request", R"({"n": 2})", "data", ".*x$"),
                   rule("request", R"({"n": 3})", "data", "^(a|aa)*c")};
    const json options = {{"data", std::string(1 << 20, 'a')}};
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(rules.match("request", options));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    // Only the first 64 KB are searched.
    std::string tail(70 * 1024, 'a');
    tail += "x";
    CHECK_FALSE(rules.match("request", {{"data", tail}}));
    CHECK(rules.match("request", {{"data", "xyzX"}})->reply.result.at("n") == 2);
}

TEST_CASE("mock rules: a rule list round-trips through JSON")
{
    MockRules rules;
    rules.rules = {rule("login", R"({"code": "c"})", "x", "y"), rule("getSetting", "{}")};
    rules.rules[1].delayMs = 10;
    auto again = MockRules::fromJson(rules.toJson(), "/rules");
    REQUIRE(again.ok());
    CHECK(again->toJson() == rules.toJson());
    auto notArray = MockRules::fromJson(ordered_json::object(), "/rules");
    REQUIRE_FALSE(notArray.ok());
    CHECK(notArray.error().location == "/rules");
}
