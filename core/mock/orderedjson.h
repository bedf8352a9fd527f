#pragma once

// Conversions between nlohmann::json (what the rest of core reads and writes)
// and nlohmann::ordered_json (what core/mock keeps so that a file it writes
// back lists keys in the order the user or the other IDE wrote them).

#include <nlohmann/json.hpp>

namespace mpsim::core {

inline nlohmann::json toPlainJson(const nlohmann::ordered_json &value)
{
    return nlohmann::json::parse(value.dump());
}

inline nlohmann::ordered_json toOrderedJson(const nlohmann::json &value)
{
    return nlohmann::ordered_json::parse(value.dump());
}

} // namespace mpsim::core
