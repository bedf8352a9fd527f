// Scenarios: the *.mpsim.json file (parse, errors, round trip, atomic save),
// the presets shipped with mpsim, and the JSON Schema that describes the file.

#include "../testhost.h"

#include "host/scopes.h"
#include "mock/scenario.h"
#include "mock/scenariopresets.h"
#include "util/atomicfile.h"

#include <filesystem>
#include <random>
#include <set>

using namespace mpsim::core;
using namespace mpsim::core::test;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

const fs::path dataDir = fs::path(MPSIM_TEST_DATA_DIR) / "mock";

Error problemOf(const std::string &text)
{
    auto scenario = Scenario::parse(text, "a.mpsim.json");
    REQUIRE_FALSE(scenario.ok());
    return scenario.error();
}

Scenario preset(const std::string &name)
{
    auto scenario = findScenarioPreset(name);
    REQUIRE(scenario);
    return *scenario;
}

// What ApiCore's integration does when a scenario is switched to.
void apply(TestHost &host, const Scenario &scenario)
{
    host.core.setHostProfile(scenario.hostProfile);
    host.state() = scenario.initialState;
    host.clock.advance(std::chrono::milliseconds(scenario.clockOffsetMs));
}

std::set<std::string> keysOf(const json &object)
{
    std::set<std::string> keys;
    for (const auto &item : object.items())
        keys.insert(item.key());
    return keys;
}

json schema()
{
    auto text = readWholeFile(MPSIM_SCENARIO_SCHEMA);
    REQUIRE(text.ok());
    return json::parse(text.value());
}

struct TempDir
{
    fs::path path;
    TempDir()
    {
        std::random_device random;
        path = fs::temp_directory_path() / ("mpsim-scenario-test-" + std::to_string(random()));
        fs::create_directories(path);
    }
    ~TempDir()
    {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

} // namespace

TEST_CASE("scenario: a minimal file has the defaults")
{
    auto scenario = Scenario::parse(R"({"version": 1, "name": "x"})");
    REQUIRE(scenario.ok());
    CHECK(scenario->name == "x");
    CHECK(scenario->rules.rules.empty());
    CHECK(scenario->clockOffsetMs == 0);
    CHECK(scenario->hostProfile.toJson() == HostProfile{}.toJson());
    CHECK_FALSE(scenario->initialState.session());
}

TEST_CASE("scenario: a hand-written file reads every part and keeps rules' unknown keys")
{
    auto scenario = Scenario::load(dataDir / "checkout.mpsim.json");
    INFO((scenario.ok() ? std::string() : scenario.error().toString()));
    REQUIRE(scenario.ok());
    CHECK(scenario->name == "Checkout QA");
    CHECK(scenario->hostProfile.user.nickName == "QA Tester");
    CHECK(scenario->clockOffsetMs == 300000);
    CHECK(scenario->initialState.scope("scope.userLocation") == ScopeState::Denied);
    REQUIRE(scenario->rules.rules.size() == 2);
    CHECK(scenario->rules.rules[0].toJson().at("teamNote") == "keep me");
    const auto match = scenario->rules.match("requestPayment", {{"package", "prepay_id=FAIL-1"}});
    REQUIRE(match);
    CHECK_FALSE(match->reply.ok);
    CHECK(match->reply.result.at("errMsg") == "requestPayment:fail cancel");
    CHECK(match->delayMs == 800);
    CHECK_FALSE(scenario->rules.match("requestPayment", {{"package", "prepay_id=OK"}}));
}

TEST_CASE("scenario: toJson and parse round-trip, 2-space indented")
{
    auto scenario = Scenario::load(dataDir / "checkout.mpsim.json");
    REQUIRE(scenario.ok());
    const std::string text = scenario->toJson();
    CHECK(text.rfind("{\n  \"version\": 1,\n  \"name\": \"Checkout QA\",\n", 0) == 0);
    CHECK(text.back() == '\n');
    auto again = Scenario::parse(text);
    REQUIRE(again.ok());
    CHECK(again->toJson() == text);
}

TEST_CASE("scenario: a file from a newer mpsim is refused with its version")
{
    const Error error = problemOf(R"({"version": 2, "name": "x", "futureKey": {}})");
    CHECK(error.location == "a.mpsim.json:/version");
    CHECK(error.message.find("written by a newer mpsim (version 2)") != std::string::npos);
}

TEST_CASE("scenario: broken files are refused with a location")
{
    // nlohmann reports the end of the unexpected token.
    CHECK(problemOf("{\n  \"version\": 1,\n  \"name\": \"x\"\n  \"rules\": []\n}").location
          == "a.mpsim.json:4:9");
    CHECK(problemOf(R"({"name": "x"})").message.find("\"version\" is missing") != std::string::npos);
    CHECK(problemOf(R"({"version": "1", "name": "x"})").location == "a.mpsim.json:/version");
    CHECK(problemOf(R"({"version": 1})").message == "\"name\" is missing");
    CHECK(problemOf(R"({"version": 1, "name": ""})").location == "a.mpsim.json:/name");
    CHECK(problemOf(R"({"version": 1, "name": "x", "rule": []})").location == "a.mpsim.json:/rule");
    CHECK(problemOf(R"({"version": 1, "name": "x", "hostProfile": {"user": {"gender": 7}}})")
              .location
          == "a.mpsim.json:/hostProfile/user/gender");
    CHECK(problemOf(R"({"version": 1, "name": "x", "hostProfile": []})").location
          == "a.mpsim.json:/hostProfile");
    CHECK(problemOf(R"({"version": 1, "name": "x", "rules": [{}, {"enable": "no"}]})").location
          == "a.mpsim.json:/rules/1/enable");
    CHECK(problemOf(R"({"version": 1, "name": "x",
                        "initialState": {"scopes": {"scope.camera": "maybe"}}})")
              .location
          == "a.mpsim.json:/initialState/scopes/scope.camera");
    CHECK(problemOf(R"({"version": 1, "name": "x", "clockOffsetMs": 1.5})").location
          == "a.mpsim.json:/clockOffsetMs");
    CHECK(problemOf("[]").location == "a.mpsim.json:(root)");
}

TEST_CASE("scenario: a rule whose resStr is broken loads, and reports the problem")
{
    auto scenario = Scenario::parse(
        R"({"version": 1, "name": "x", "rules": [{"apiName": "login", "resStr": "{oops"}]})");
    REQUIRE(scenario.ok());
    const auto problems = scenario->rules.problems();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].toError("/rules").location == "/rules/0/resStr:1:2");
}

TEST_CASE("scenario: save writes the file atomically and load reads it back")
{
    TempDir dir;
    const fs::path path = dir.path / ".mpsim" / "denies.mpsim.json";
    const Scenario scenario = preset("Denies everything");
    REQUIRE(scenario.save(path).ok());
    CHECK(readWholeFile(path).value() == scenario.toJson());
    auto loaded = Scenario::load(path);
    REQUIRE(loaded.ok());
    CHECK(loaded->toJson() == scenario.toJson());
    CHECK(std::distance(fs::directory_iterator(path.parent_path()), fs::directory_iterator()) == 1);

    auto missing = Scenario::load(dir.path / "missing.mpsim.json");
    CHECK_FALSE(missing.ok());
}

TEST_CASE("scenario presets: six presets, each parses and round-trips")
{
    const auto &presets = scenarioPresets();
    REQUIRE(presets.size() == 6);
    const std::vector<std::string> names{"New user", "Returning user (everything granted)",
                                         "Denies everything", "No biometrics", "Session expired",
                                         "Subscriptions banned"};
    for (std::size_t i = 0; i < presets.size(); ++i) {
        INFO(presets[i].id);
        CHECK(presets[i].scenario.name == names[i]);
        CHECK_FALSE(presets[i].scenario.description.empty());
        const std::string text = presets[i].scenario.toJson();
        auto parsed = Scenario::parse(text, presets[i].id + ".mpsim.json");
        INFO((parsed.ok() ? std::string() : parsed.error().toString()));
        REQUIRE(parsed.ok());
        CHECK(parsed->toJson() == text);
        CHECK(findScenarioPreset(presets[i].id));
    }
    CHECK_FALSE(findScenarioPreset("No such preset"));
}

TEST_CASE("scenario presets: New user is never logged in and every popup asks")
{
    TestHost host;
    apply(host, preset("new-user"));
    CHECK_FALSE(host.state().session());
    CHECK(host.state().authSetting().empty());
    auto pending = host.call("authorize", {{"scope", "scope.userLocation"}});
    CHECK_FALSE(pending.settled());
    CHECK(host.prompts.authorizeAsked.size() == 1);
}

TEST_CASE("scenario presets: Returning user has a valid session and every scope granted")
{
    const Scenario scenario = preset("returning-user");
    TestHost host;
    apply(host, scenario);
    CHECK(host.now("checkSession").ok);
    for (const auto &scope : knownScopes())
        CHECK(host.state().scope(std::string(scope.name)) == ScopeState::Granted);
    CHECK(host.now("authorize", {{"scope", "scope.camera"}}).ok);
    CHECK(scenario.hostProfile.user.popup == PopupPolicy::Allow);
    CHECK(scenario.hostProfile.soter.policy == SoterPolicy::Succeed);
    CHECK(scenario.hostProfile.subscriptions.sheet == SheetPolicy::AcceptAll);
    CHECK(host.prompts.popupCount() == 0);
}

TEST_CASE("scenario presets: Denies everything fails without a popup")
{
    const Scenario scenario = preset("Denies everything");
    CHECK(scenario.hostProfile.authorize.defaultPolicy == PopupPolicy::Deny);
    CHECK(scenario.hostProfile.user.popup == PopupPolicy::Deny);
    CHECK(scenario.hostProfile.soter.policy == SoterPolicy::Cancel);
    CHECK(scenario.hostProfile.subscriptions.sheet == SheetPolicy::RejectAll);
    TestHost host;
    apply(host, scenario);
    CHECK(host.now("authorize", {{"scope", "scope.userLocation"}}).result.at("errMsg")
          == "authorize:fail auth deny");
    const auto profile = host.tap("getUserProfile", {{"desc", "to show your name"}});
    REQUIRE(profile.settled());
    CHECK_FALSE(profile.ok());
    const auto soter = host.tap("startSoterAuthentication",
                                {{"requestAuthModes", {"fingerPrint"}},
                                 {"challenge", "c"},
                                 {"authContent", "pay"}});
    REQUIRE(soter.settled());
    CHECK(soter.result().at("errCode") == 90008);
    CHECK(host.prompts.popupCount() == 0);
}

TEST_CASE("scenario presets: No biometrics has no SOTER mode")
{
    TestHost host;
    apply(host, preset("No biometrics"));
    CHECK_FALSE(host.now("checkIsSupportSoterAuthentication").ok);
    CHECK(preset("No biometrics").hostProfile.soter.supportModes.empty());
}

TEST_CASE("scenario presets: Session expired fails checkSession until the next login")
{
    TestHost host;
    apply(host, preset("Session expired"));
    REQUIRE(host.state().session());
    CHECK_FALSE(host.now("checkSession").ok);
    CHECK(host.now("login").ok);
    CHECK(host.now("checkSession").ok);
}

TEST_CASE("scenario presets: Subscriptions banned refuses subscription messages")
{
    const Scenario scenario = preset("Subscriptions banned");
    CHECK(scenario.hostProfile.subscriptions.miniProgramBanned);
    TestHost host;
    apply(host, scenario);
    const auto reply = host.tap("requestSubscribeMessage", {{"tmplIds", {"T1"}}});
    REQUIRE(reply.settled());
    CHECK_FALSE(reply.ok());
    CHECK(reply.result().at("errCode") == 20005);
    CHECK(host.prompts.popupCount() == 0);
}

TEST_CASE("scenario schema: lists exactly the keys every preset's file has")
{
    const json s = schema();
    CHECK(s.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
    CHECK(s.at("properties").at("version").at("const") == Scenario::currentVersion);
    const std::set<std::string> schemaKeys = keysOf(s.at("properties"));
    for (const auto &required : s.at("required"))
        CHECK(schemaKeys.count(required.get<std::string>()) == 1);
    for (const auto &preset : scenarioPresets()) {
        INFO(preset.id);
        const json file = json::parse(preset.scenario.toJson());
        CHECK(keysOf(file) == schemaKeys);
        CHECK(keysOf(file.at("hostProfile")) == keysOf(s.at("properties").at("hostProfile").at("properties")));
        CHECK(keysOf(file.at("initialState")) == keysOf(s.at("properties").at("initialState").at("properties")));
        for (const auto &[group, value] : file.at("hostProfile").items()) {
            if (value.is_object())
                CHECK(keysOf(value) == keysOf(s.at("properties").at("hostProfile").at("properties").at(group).at("properties")));
        }
    }
    // A rule with every mpsim key set uses only keys the schema describes.
    MockRule rule = MockRule::create("login");
    rule.delayMs = 5;
    rule.functionSource = "() => ({})";
    const json ruleJson = json::parse(rule.toJson().dump());
    CHECK(keysOf(ruleJson) == keysOf(s.at("$defs").at("rule").at("properties")));
}
