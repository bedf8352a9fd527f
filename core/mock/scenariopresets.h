#pragma once

#include "mock/scenario.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mpsim::core {

// A scenario shipped with mpsim, with a stable id for the command line
// (`--scenario preset:denies-everything`, say) and settings.
struct ScenarioPreset
{
    std::string id; // "denies-everything"
    Scenario scenario;
};

// The presets, in the order a scenario combo lists them: "New user",
// "Returning user (everything granted)", "Denies everything", "No
// biometrics", "Session expired", "Subscriptions banned".
const std::vector<ScenarioPreset> &scenarioPresets();

// The preset whose id or name is `idOrName`, or nullopt.
std::optional<Scenario> findScenarioPreset(std::string_view idOrName);

} // namespace mpsim::core
