// The mock panel's autosave of the working scenario, and the rules in force
// when a scenario's rules and a project's mockConfig rules both answer.

#include "../testhost.h"

#include "mock/mockconfig.h"
#include "mock/scenarioautosave.h"
#include "mock/scenariopresets.h"

#include <filesystem>
#include <random>

using namespace mpsim::core;
namespace fs = std::filesystem;

namespace {

MockRule rule(const std::string &api, const std::string &resStr)
{
    MockRule r = MockRule::create(api);
    r.resStr = resStr;
    return r;
}

} // namespace

TEST_CASE("scenario autosave: round-trips origin, file, preset, modified mark and scenario")
{
    ScenarioAutosave autosave;
    autosave.origin = ScenarioAutosave::Origin::File;
    autosave.file = "/qa/checkout.mpsim.json";
    autosave.modified = true;
    autosave.scenario = *findScenarioPreset("denies-everything");
    autosave.scenario.name = "Edited";
    autosave.scenario.rules.rules.push_back(rule("login", R"({"code": "x"})"));

    auto read = ScenarioAutosave::parse(autosave.toJson());
    REQUIRE(read.ok());
    CHECK(read->origin == ScenarioAutosave::Origin::File);
    CHECK(read->file == "/qa/checkout.mpsim.json");
    CHECK(read->modified);
    CHECK(read->scenario.name == "Edited");
    CHECK(read->scenario.toJson() == autosave.scenario.toJson());
}

TEST_CASE("scenario autosave: a broken or newer autosave is refused with a location")
{
    CHECK(ScenarioAutosave::parse("{").error().location == "line 1, column 2");
    CHECK(ScenarioAutosave::parse("{}").error().message.find("not an mpsim autosave")
          != std::string::npos);
    const auto newer = ScenarioAutosave::parse(R"({"mpsimAutosave": 2, "scenario": ""})");
    CHECK(newer.error().location == "/mpsimAutosave");
    const auto badScenario = ScenarioAutosave::parse(
        R"({"mpsimAutosave": 1, "scenario": "{\"version\": 1, \"name\": \"n\", \"clockOffsetMs\": \"x\"}"})");
    REQUIRE_FALSE(badScenario.ok());
    CHECK(badScenario.error().location == "/scenario/clockOffsetMs");
}

TEST_CASE("scenario autosave: save writes the file atomically and load reads it back")
{
    std::random_device random;
    const fs::path dir = fs::temp_directory_path() / ("mpsim-autosave-" + std::to_string(random()));
    ScenarioAutosave autosave;
    autosave.presetId = "no-biometrics";
    autosave.scenario = *findScenarioPreset("no-biometrics");
    REQUIRE(autosave.save(dir / "nested" / "autosave.json").ok());
    auto read = ScenarioAutosave::load(dir / "nested" / "autosave.json");
    REQUIRE(read.ok());
    CHECK(read->origin == ScenarioAutosave::Origin::Preset);
    CHECK(read->presetId == "no-biometrics");
    CHECK_FALSE(read->modified);
    CHECK(read->scenario.hostProfile.soter.supportModes.empty());
    fs::remove_all(dir);
}

TEST_CASE("rules in force: the first list's rules come first, a closed list answers nothing")
{
    MockRules scenario;
    scenario.rules.push_back(rule("login", R"({"code": "scenario"})"));
    MockRules project;
    project.rules.push_back(rule("login", R"({"code": "project"})"));
    project.rules.push_back(rule("getLocation", R"({"latitude": 1})"));

    MockRules chain = MockRules::chained(scenario, project);
    CHECK(chain.globalOpen);
    REQUIRE(chain.rules.size() == 3);
    CHECK(chain.match("login", nlohmann::json::object())->reply.result.at("code") == "scenario");
    CHECK(chain.match("getLocation", nlohmann::json::object()).has_value());

    project.globalOpen = false;
    chain = MockRules::chained(scenario, project);
    CHECK(chain.rules.size() == 1);
    CHECK_FALSE(chain.match("getLocation", nlohmann::json::object()).has_value());
}
