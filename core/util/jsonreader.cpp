#include "util/jsonreader.h"

#include <algorithm>

namespace mpsim::core {

std::string jsonPointerAppend(const std::string &pointer, std::string_view token)
{
    std::string result = pointer + '/';
    for (const char c : token) {
        if (c == '~')
            result += "~0";
        else if (c == '/')
            result += "~1";
        else
            result += c;
    }
    return result;
}

std::string_view jsonTypeName(const nlohmann::json &value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return "an integer";
    case nlohmann::json::value_t::number_float: return "a number";
    default: return "binary data";
    }
}

JsonObjectReader::JsonObjectReader(const nlohmann::json &object, std::string pointer,
                                   std::optional<Error> &error)
    : m_object(object)
    , m_pointer(std::move(pointer))
    , m_error(error)
{
    if (!m_object.is_object())
        failHere("must be an object, not " + std::string(jsonTypeName(m_object)));
}

bool JsonObjectReader::has(std::string_view key) const
{
    return !failed() && m_object.is_object() && m_object.contains(key);
}

void JsonObjectReader::allowOnly(std::initializer_list<std::string_view> keys)
{
    if (failed())
        return;
    for (const auto &item : m_object.items()) {
        if (std::find(keys.begin(), keys.end(), item.key()) == keys.end()) {
            std::string known;
            for (const auto key : keys)
                known += (known.empty() ? "" : ", ") + std::string(key);
            fail(item.key(), "unknown key (known keys: " + known + ")");
            return;
        }
    }
}

const nlohmann::json *JsonObjectReader::field(std::string_view key, nlohmann::json::value_t type,
                                              std::string_view expected)
{
    if (!has(key))
        return nullptr;
    const auto &value = m_object.at(std::string(key));
    const bool numberWanted = type == nlohmann::json::value_t::number_integer;
    const bool matches = numberWanted ? value.is_number_integer() || value.is_number_unsigned()
                                      : value.type() == type;
    if (!matches) {
        fail(key, "must be " + std::string(expected) + ", not " + std::string(jsonTypeName(value)));
        return nullptr;
    }
    return &value;
}

void JsonObjectReader::read(std::string_view key, std::string &out, std::size_t maxLength)
{
    if (const auto *value = field(key, nlohmann::json::value_t::string, "a string")) {
        const auto &text = value->get_ref<const std::string &>();
        if (text.size() > maxLength)
            fail(key, "is longer than " + std::to_string(maxLength) + " bytes");
        else
            out = text;
    }
}

void JsonObjectReader::read(std::string_view key, bool &out)
{
    if (const auto *value = field(key, nlohmann::json::value_t::boolean, "true or false"))
        out = value->get<bool>();
}

void JsonObjectReader::read(std::string_view key, std::int64_t &out, std::int64_t min,
                            std::int64_t max)
{
    const auto *value = field(key, nlohmann::json::value_t::number_integer, "an integer");
    if (!value)
        return;
    const bool tooBig = value->is_number_unsigned()
                        && value->get<std::uint64_t>() > static_cast<std::uint64_t>(max);
    const std::int64_t number = tooBig ? max : value->get<std::int64_t>();
    if (tooBig || number < min || number > max)
        fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    else
        out = number;
}

void JsonObjectReader::read(std::string_view key, int &out, int min, int max)
{
    std::int64_t wide = out;
    read(key, wide, min, max);
    out = static_cast<int>(wide);
}

std::optional<JsonObjectReader> JsonObjectReader::object(std::string_view key)
{
    if (const auto *value = field(key, nlohmann::json::value_t::object, "an object"))
        return JsonObjectReader(*value, jsonPointerAppend(m_pointer, key), m_error);
    return std::nullopt;
}

const nlohmann::json *JsonObjectReader::array(std::string_view key, std::size_t maxItems)
{
    const auto *value = field(key, nlohmann::json::value_t::array, "an array");
    if (value && value->size() > maxItems) {
        fail(key, "has more than " + std::to_string(maxItems) + " items");
        return nullptr;
    }
    return value;
}

JsonObjectReader JsonObjectReader::element(const nlohmann::json &array, std::string_view arrayKey,
                                           std::size_t index)
{
    return JsonObjectReader(array.at(index),
                            jsonPointerAppend(jsonPointerAppend(m_pointer, arrayKey),
                                              std::to_string(index)),
                            m_error);
}

void JsonObjectReader::failAt(std::string location, std::string message)
{
    if (!m_error)
        m_error = Error{std::move(message), std::move(location)};
}

void JsonObjectReader::fail(std::string_view key, std::string message)
{
    if (!m_error)
        m_error = Error{std::move(message), jsonPointerAppend(m_pointer, key)};
}

void JsonObjectReader::failHere(std::string message)
{
    if (!m_error)
        m_error = Error{std::move(message), m_pointer.empty() ? std::string("(root)") : m_pointer};
}

} // namespace mpsim::core

namespace mpsim::core {

Result<nlohmann::json> parseJsonText(std::string_view text, std::string_view source)
{
    try {
        return nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error &e) {
        // e.byte is 1-based and points just past the offending character.
        const std::size_t offset = e.byte == 0 ? 0 : std::min<std::size_t>(e.byte - 1, text.size());
        std::size_t line = 1;
        std::size_t column = 1;
        for (std::size_t i = 0; i < offset; ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        std::string message = e.what();
        // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: "
        if (const auto colon = message.find(": "); colon != std::string::npos)
            message = message.substr(colon + 2);
        std::string location = std::string(source.empty() ? "line " : std::string(source) + ":");
        location += std::to_string(line) + (source.empty() ? ", column " : ":") + std::to_string(column);
        return Error{"invalid JSON: " + message, location};
    }
}

} // namespace mpsim::core
