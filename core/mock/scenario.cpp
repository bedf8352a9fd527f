#include "mock/scenario.h"

#include "mock/orderedjson.h"
#include "util/atomicfile.h"
#include "util/jsonreader.h"

namespace mpsim::core {

namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

Error located(std::string_view fileName, Error error)
{
    if (!fileName.empty())
        error.location = std::string(fileName) + ":" + error.location;
    return error;
}

// Puts `prefix` ("/hostProfile") before the pointer of an error from a nested reader.
Error nested(const std::string &prefix, Error error)
{
    error.location = error.location == "(root)" ? prefix : prefix + error.location;
    return error;
}

} // namespace

Result<Scenario> Scenario::parse(std::string_view text, std::string_view fileName)
{
    if (text.size() > maxFileBytes)
        return Error{"the scenario file is larger than 16 MB", std::string(fileName)};
    auto parsed = parseJsonText(text, fileName);
    if (!parsed)
        return parsed.error();
    const json &document = parsed.value();

    Scenario scenario;
    std::optional<Error> error;
    JsonObjectReader in(document, {}, error);
    // The version first: a newer file is reported as such, not as unknown keys.
    if (!in.failed() && !in.has("version"))
        in.failHere("not an mpsim scenario: \"version\" is missing");
    int version = currentVersion;
    in.read("version", version, 1, 1'000'000);
    if (!in.failed() && version > currentVersion)
        in.fail("version", "written by a newer mpsim (version " + std::to_string(version)
                               + "); this mpsim reads scenario version "
                               + std::to_string(currentVersion));
    in.allowOnly({"version", "name", "description", "hostProfile", "rules", "initialState",
                  "clockOffsetMs"});
    if (!in.failed() && !in.has("name"))
        in.failHere("\"name\" is missing");
    in.read("name", scenario.name, 256);
    if (!in.failed() && scenario.name.empty())
        in.fail("name", "must not be empty");
    in.read("description", scenario.description, 64 * 1024);
    in.read("clockOffsetMs", scenario.clockOffsetMs, -maxClockOffsetMs, maxClockOffsetMs);
    if (error)
        return located(fileName, *error);

    if (in.has("hostProfile")) {
        auto profile = HostProfile::fromJson(document.at("hostProfile"));
        if (!profile)
            return located(fileName, nested("/hostProfile", profile.error()));
        scenario.hostProfile = std::move(profile).value();
    }
    if (in.has("rules")) {
        // Rules keep their keys' order and the keys mpsim does not know.
        const ordered_json ordered = ordered_json::parse(text);
        auto rules = MockRules::fromJson(ordered.at("rules"), "/rules");
        if (!rules)
            return located(fileName, rules.error());
        scenario.rules = std::move(rules).value();
        scenario.rules.globalOpen = true;
    }
    if (in.has("initialState")) {
        auto state = HostState::fromJson(document.at("initialState"));
        if (!state)
            return located(fileName, nested("/initialState", state.error()));
        scenario.initialState = std::move(state).value();
    }
    return scenario;
}

Result<Scenario> Scenario::load(const std::filesystem::path &path)
{
    auto text = readWholeFile(path);
    if (!text)
        return text.error();
    return parse(text.value(), path.string());
}

std::string Scenario::toJson() const
{
    ordered_json document = ordered_json::object();
    document["version"] = currentVersion;
    document["name"] = name;
    document["description"] = description;
    // HostProfile reads an "enrolled" object as false for every mode it does
    // not list, but writes only the modes it holds: list all three so that
    // the text is the same after any number of saves and loads.
    HostProfile profile = hostProfile;
    for (const char *mode : {"fingerPrint", "facial", "speech"})
        profile.soter.enrolled.try_emplace(mode, false);
    document["hostProfile"] = toOrderedJson(profile.toJson());
    document["rules"] = rules.toJson();
    document["initialState"] = toOrderedJson(initialState.toJson());
    document["clockOffsetMs"] = clockOffsetMs;
    return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Result<void> Scenario::save(const std::filesystem::path &path) const
{
    return writeFileAtomically(path, toJson());
}

} // namespace mpsim::core
