#include "automation/automationparams.h"

#include "util/jsonreader.h"

#include <cmath>

namespace mpsim::core::automation {

namespace {

using json = nlohmann::json;

constexpr double maxSafeInteger = 9007199254740991.0; // 2^53 - 1, JavaScript's limit

bool hasType(const json &value, ParamType type)
{
    switch (type) {
    case ParamType::String:
        return value.is_string();
    case ParamType::Integer:
        return isInteger(value);
    case ParamType::Boolean:
        return value.is_boolean();
    case ParamType::Object:
        return value.is_object();
    case ParamType::Array:
        return value.is_array();
    case ParamType::StringArray:
        if (!value.is_array())
            return false;
        for (const json &item : value) {
            if (!item.is_string())
                return false;
        }
        return true;
    case ParamType::Any:
        return true;
    }
    return false;
}

} // namespace

bool isInteger(const json &value)
{
    if (value.is_number_integer()) {
        if (value.is_number_unsigned())
            return value.get<std::uint64_t>() <= static_cast<std::uint64_t>(maxSafeInteger);
        const auto number = value.get<std::int64_t>();
        return number <= static_cast<std::int64_t>(maxSafeInteger)
               && number >= -static_cast<std::int64_t>(maxSafeInteger);
    }
    if (value.is_number_float()) {
        const double number = value.get<double>();
        return std::isfinite(number) && std::trunc(number) == number
               && std::fabs(number) <= maxSafeInteger;
    }
    return false;
}

std::string_view describe(ParamType type)
{
    switch (type) {
    case ParamType::String:
        return "a string";
    case ParamType::Integer:
        return "an integer";
    case ParamType::Boolean:
        return "a boolean";
    case ParamType::Object:
        return "an object";
    case ParamType::Array:
        return "an array";
    case ParamType::StringArray:
        return "an array of strings";
    case ParamType::Any:
        return "a value";
    }
    return "a value";
}

std::optional<std::string> checkParams(const json &params, std::span<const ParamSpec> specs)
{
    for (const ParamSpec &spec : specs) {
        const auto found = params.find(spec.name);
        if (found == params.end() || found->is_null()) {
            if (spec.required)
                return "params." + std::string(spec.name) + " is missing";
            continue;
        }
        if (!hasType(*found, spec.type)) {
            std::string got(jsonTypeName(*found));
            if (spec.type == ParamType::StringArray && found->is_array())
                got = "an array with a non-string item";
            else if (spec.type == ParamType::Integer && found->is_number())
                got = "a number that is not an integer";
            return "params." + std::string(spec.name) + " must be " + std::string(describe(spec.type))
                   + ", not " + got;
        }
    }
    return std::nullopt;
}

} // namespace mpsim::core::automation
