#pragma once

#include "mock/scenario.h"
#include "util/result.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace mpsim::core {

// The working scenario as the mock panel autosaves it, so that a crash, a
// kill or a headless run's SIGTERM loses no edit: the scenario itself plus
// where it came from and whether it differs from there.
//
//   {"mpsimAutosave": 1, "origin": "file", "file": "/qa/checkout.mpsim.json",
//    "preset": "", "modified": true, "scenario": "<the scenario file's text>"}
//
// The scenario is kept as the text Scenario::toJson() writes, so restoring
// it goes through the same validation as opening a file.
struct ScenarioAutosave
{
    static constexpr int currentVersion = 1;

    enum class Origin {
        Untitled, // made with New, never saved
        Preset,   // one of scenarioPresets(), `presetId`
        File      // opened from or saved to `file`
    };

    Origin origin = Origin::Preset;
    std::string file;     // for Origin::File
    std::string presetId; // for Origin::Preset
    bool modified = false; // the scenario differs from the file or preset
    Scenario scenario;

    // Reads an autosave text. Fails with a location when it is not one, is
    // from a newer mpsim, or its scenario does not parse.
    static Result<ScenarioAutosave> parse(std::string_view text);
    static Result<ScenarioAutosave> load(const std::filesystem::path &path);

    std::string toJson() const;
    // Writes toJson() atomically (see writeFileAtomically).
    Result<void> save(const std::filesystem::path &path) const;
};

} // namespace mpsim::core
