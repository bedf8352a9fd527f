#include "mock/scenarioautosave.h"

#include "util/atomicfile.h"
#include "util/jsonreader.h"

namespace mpsim::core {

namespace {

using json = nlohmann::json;

constexpr std::string_view versionKey = "mpsimAutosave";

} // namespace

Result<ScenarioAutosave> ScenarioAutosave::parse(std::string_view text)
{
    if (text.size() > Scenario::maxFileBytes + 64 * 1024)
        return Error{"the autosave is larger than a scenario can be", {}};
    auto parsed = parseJsonText(text);
    if (!parsed)
        return parsed.error();
    ScenarioAutosave autosave;
    std::optional<Error> error;
    JsonObjectReader in(parsed.value(), {}, error);
    if (!in.failed() && !in.has(versionKey))
        in.failHere("not an mpsim autosave: \"mpsimAutosave\" is missing");
    int version = currentVersion;
    in.read(versionKey, version, 1, 1'000'000);
    if (!in.failed() && version > currentVersion)
        in.fail(versionKey, "written by a newer mpsim (version " + std::to_string(version) + ")");
    in.allowOnly({versionKey, "origin", "file", "preset", "modified", "scenario"});
    in.readEnum("origin", autosave.origin,
                {{"untitled", Origin::Untitled}, {"preset", Origin::Preset}, {"file", Origin::File}});
    in.read("file", autosave.file, 64 * 1024);
    in.read("preset", autosave.presetId, 256);
    in.read("modified", autosave.modified);
    std::string scenarioText;
    if (!in.failed() && !in.has("scenario"))
        in.failHere("\"scenario\" is missing");
    in.read("scenario", scenarioText, Scenario::maxFileBytes);
    if (error)
        return *error;
    auto scenario = Scenario::parse(scenarioText);
    if (!scenario) {
        const Error &problem = scenario.error();
        if (!problem.location.empty() && problem.location[0] == '/')
            return Error{problem.message, "/scenario" + problem.location};
        return Error{problem.toString(), "/scenario"};
    }
    autosave.scenario = std::move(scenario).value();
    return autosave;
}

Result<ScenarioAutosave> ScenarioAutosave::load(const std::filesystem::path &path)
{
    auto text = readWholeFile(path);
    if (!text)
        return text.error();
    auto autosave = parse(text.value());
    if (!autosave) {
        Error problem = autosave.error();
        problem.location = path.string() + (problem.location.empty() ? "" : ":" + problem.location);
        return problem;
    }
    return autosave;
}

std::string ScenarioAutosave::toJson() const
{
    nlohmann::ordered_json document = nlohmann::ordered_json::object();
    document[std::string(versionKey)] = currentVersion;
    document["origin"] = origin == Origin::File     ? "file"
                         : origin == Origin::Preset ? "preset"
                                                    : "untitled";
    document["file"] = file;
    document["preset"] = presetId;
    document["modified"] = modified;
    document["scenario"] = scenario.toJson();
    return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Result<void> ScenarioAutosave::save(const std::filesystem::path &path) const
{
    return writeFileAtomically(path, toJson());
}

} // namespace mpsim::core
