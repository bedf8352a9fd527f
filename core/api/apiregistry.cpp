#include "api/apiregistry.h"

namespace mpsim::core {

namespace {

std::string_view typeName(ParamType type)
{
    switch (type) {
    case ParamType::String: return "String";
    case ParamType::Number: return "Number";
    case ParamType::Boolean: return "Boolean";
    case ParamType::Object: return "Object";
    case ParamType::Array: return "Array";
    }
    return "Object";
}

bool hasType(const nlohmann::json &value, ParamType type)
{
    switch (type) {
    case ParamType::String: return value.is_string();
    case ParamType::Number: return value.is_number();
    case ParamType::Boolean: return value.is_boolean();
    case ParamType::Object: return value.is_object();
    case ParamType::Array: return value.is_array();
    }
    return false;
}

} // namespace

std::string_view jsTypeName(const nlohmann::json &value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::null: return "Null";
    case nlohmann::json::value_t::object: return "Object";
    case nlohmann::json::value_t::array: return "Array";
    case nlohmann::json::value_t::string: return "String";
    case nlohmann::json::value_t::boolean: return "Boolean";
    case nlohmann::json::value_t::discarded: return "Undefined";
    default: return "Number";
    }
}

const nlohmann::json &optionsOf(const nlohmann::json &args)
{
    static const nlohmann::json empty = nlohmann::json::object();
    return args.is_object() ? args : empty;
}

std::optional<std::string> checkParams(const std::vector<ParamSpec> &params,
                                       const nlohmann::json &args)
{
    // wx.login() and wx.login(null) mean "no options"; anything else that is
    // not an object is the whole parameter's type error.
    if (!args.is_null() && !args.is_object())
        return "parameter should be Object instead of " + std::string(jsTypeName(args)) + ";";
    const nlohmann::json &options = optionsOf(args);
    for (const auto &param : params) {
        const auto it = options.find(param.name);
        // The bridge turns `undefined` into null or drops the key: both are "absent".
        const bool absent = it == options.end() || it->is_null();
        if (absent) {
            if (param.required)
                return "parameter." + std::string(param.name) + " should be "
                       + std::string(typeName(param.type)) + " instead of Undefined;";
            continue;
        }
        if (!hasType(*it, param.type))
            return "parameter." + std::string(param.name) + " should be "
                   + std::string(typeName(param.type)) + " instead of "
                   + std::string(jsTypeName(*it)) + ";";
    }
    return std::nullopt;
}

void ApiRegistry::addCapability(std::string_view path)
{
    // Every prefix of whole segments is usable too: "button" and "button.open-type".
    for (std::size_t dot = path.find('.'); dot != std::string_view::npos;
         dot = path.find('.', dot + 1))
        m_capabilities.emplace(path.substr(0, dot));
    m_capabilities.emplace(path);
}

void ApiRegistry::add(ApiDescriptor descriptor)
{
    if (!descriptor.internal) {
        addCapability(descriptor.name);
        for (const auto &param : descriptor.params)
            addCapability(descriptor.name + ".object." + std::string(param.name));
        for (const auto &capability : descriptor.capabilities)
            addCapability(descriptor.name + "." + capability);
    }
    std::string name = descriptor.name;
    m_apis.insert_or_assign(std::move(name), std::move(descriptor));
}

const ApiDescriptor *ApiRegistry::find(std::string_view name) const
{
    const auto it = m_apis.find(name);
    return it == m_apis.end() ? nullptr : &it->second;
}

std::vector<std::string> ApiRegistry::names() const
{
    std::vector<std::string> names;
    names.reserve(m_apis.size());
    for (const auto &[name, descriptor] : m_apis)
        names.push_back(name);
    return names;
}

bool ApiRegistry::canIUse(std::string_view schema) const
{
    return m_capabilities.find(schema) != m_capabilities.end();
}

} // namespace mpsim::core

namespace mpsim::core {

std::vector<std::string> ApiRegistry::capabilities() const
{
    return {m_capabilities.begin(), m_capabilities.end()};
}

} // namespace mpsim::core
