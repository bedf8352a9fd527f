#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace mpsim::core::automation {

// The JSON type a request parameter must have.
enum class ParamType {
    String,
    Integer,     // a JSON number with no fractional part, within +-2^53
    Boolean,
    Object,
    Array,
    StringArray, // an array of strings
    Any          // present, of any type (null counts as absent)
};

// One parameter of a method: its name in `params`, its type, and whether it
// must be there. Parameters a method does not list are ignored (the npm
// client adds nodeId, videoId... where it pleases).
struct ParamSpec
{
    std::string_view name;
    ParamType type = ParamType::Any;
    bool required = false;
};

// The first problem of `params` (an object) against `specs`, worded for an
// error reply: "params.pageId is missing", "params.selector must be a string,
// not number"; nullopt when they fit. A null value counts as absent.
std::optional<std::string> checkParams(const nlohmann::json &params, std::span<const ParamSpec> specs);

// True when `value` is a whole number that fits in a double exactly.
bool isInteger(const nlohmann::json &value);

// The type as checkParams names it ("a string", "an integer", ...).
std::string_view describe(ParamType type);

} // namespace mpsim::core::automation
