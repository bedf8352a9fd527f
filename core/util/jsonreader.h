#pragma once

#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace mpsim::core {

// Appends one reference token to a JSON pointer, escaping '~' and '/'.
std::string jsonPointerAppend(const std::string &pointer, std::string_view token);

// The JSON type name as error messages say it ("string", "number", ...).
std::string_view jsonTypeName(const nlohmann::json &value);

// Reads a JSON object into typed values while tracking where it is, so a user's
// file can be rejected with a JSON pointer and a message. The first problem is
// kept in `error` and later reads do nothing; fields that are absent keep the
// value the caller initialised them with (the default).
class JsonObjectReader
{
public:
    JsonObjectReader(const nlohmann::json &object, std::string pointer, std::optional<Error> &error);

    bool failed() const { return m_error.has_value(); }
    const std::string &pointer() const { return m_pointer; }
    bool has(std::string_view key) const;
    const nlohmann::json &json() const { return m_object; }

    // Rejects any key not in `keys` (a typo would otherwise be ignored silently).
    void allowOnly(std::initializer_list<std::string_view> keys);

    void read(std::string_view key, std::string &out, std::size_t maxLength = 4096);
    void read(std::string_view key, bool &out);
    void read(std::string_view key, int &out, int min, int max);
    void read(std::string_view key, std::int64_t &out, std::int64_t min, std::int64_t max);

    template<typename Enum>
    void readEnum(std::string_view key, Enum &out,
                  std::initializer_list<std::pair<std::string_view, Enum>> names)
    {
        const nlohmann::json *value = field(key, nlohmann::json::value_t::string, "a string");
        if (!value)
            return;
        const auto &text = value->get_ref<const std::string &>();
        for (const auto &[name, enumValue] : names) {
            if (text == name) {
                out = enumValue;
                return;
            }
        }
        std::string expected;
        for (const auto &[name, enumValue] : names)
            expected += (expected.empty() ? "\"" : ", \"") + std::string(name) + "\"";
        fail(key, "must be one of " + expected + " (got \"" + text + "\")");
    }

    // A nested object reader, or nullopt when the key is absent or invalid.
    std::optional<JsonObjectReader> object(std::string_view key);
    // The array at `key`, or nullptr when absent or invalid.
    const nlohmann::json *array(std::string_view key, std::size_t maxItems = 1000);

    // A reader for the object at `array[index]`, where `array` is this object's `arrayKey`.
    JsonObjectReader element(const nlohmann::json &array, std::string_view arrayKey,
                             std::size_t index);

    void fail(std::string_view key, std::string message);
    void failAt(std::string location, std::string message);
    void failHere(std::string message);

private:
    const nlohmann::json *field(std::string_view key, nlohmann::json::value_t type,
                                std::string_view expected);

    const nlohmann::json &m_object;
    std::string m_pointer;
    std::optional<Error> &m_error;
};

} // namespace mpsim::core

namespace mpsim::core {

// Parses JSON text. A syntax error becomes an Error located at
// "<source>:line:column" with nlohmann's explanation of what was expected.
Result<nlohmann::json> parseJsonText(std::string_view text, std::string_view source = {});

} // namespace mpsim::core
