#pragma once

#include "api/callcontext.h"
#include "api/reply.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace mpsim::core {

class ApiEnvironment;

enum class ParamType { String, Number, Boolean, Object, Array };

// One property of an API's options object.
struct ParamSpec
{
    std::string_view name;
    ParamType type;
    bool required = false;
};

using AsyncHandler =
    std::function<void(const nlohmann::json &args, const CallContext &, ApiEnvironment &, Reply)>;
using SyncHandler =
    std::function<ApiReply(const nlohmann::json &args, const CallContext &, ApiEnvironment &)>;

// What core knows about one wx API: its options (checked before the handler
// runs), what wx.canIUse reports for it, and the handler.
struct ApiDescriptor
{
    std::string name = {};
    std::vector<ParamSpec> params = {};
    // canIUse paths below the API's name besides "object.<param>":
    // "success.authSetting", "object.lang.zh_CN", "return.miniProgram.appId".
    std::vector<std::string> capabilities = {};
    bool needsGesture = false; // fails unless called from a tap handler
    bool internal = false;     // called by the runtime, not by mini-program code: not in canIUse
    AsyncHandler async = {}; // exactly one of async / sync is set
    SyncHandler sync = {};
    // A synchronous API whose value (called with no arguments) travels in the
    // page's sync snapshot, so the page answers it without a round trip.
    bool inSnapshot = false;
};

class ApiRegistry
{
public:
    void add(ApiDescriptor descriptor);
    // A canIUse path that is not an API ("button.open-type.getUserInfo").
    void addCapability(std::string_view path);

    const ApiDescriptor *find(std::string_view name) const;
    std::vector<std::string> names() const;
    // wx.canIUse: true when `schema` names an API, component or attribute
    // mpsim implements, or a prefix of one ("getSetting.object").
    bool canIUse(std::string_view schema) const;
    std::vector<std::string> capabilities() const;

private:
    std::map<std::string, ApiDescriptor, std::less<>> m_apis;
    std::set<std::string, std::less<>> m_capabilities;
};

// The platform's check of an options object: nullopt when it passes, else the
// detail for "parameter error: <detail>", e.g.
// "parameter.desc should be String instead of Undefined;".
std::optional<std::string> checkParams(const std::vector<ParamSpec> &params,
                                       const nlohmann::json &args);

// The JavaScript type name the platform's messages use for a JSON value.
std::string_view jsTypeName(const nlohmann::json &value);

// The options object of a call: `args` itself, or {} when the page passed nothing.
const nlohmann::json &optionsOf(const nlohmann::json &args);

// An option already checked by checkParams, or `fallback` when it is absent
// or null (the bridge turns `undefined` into null).
template<typename T>
T optionOr(const nlohmann::json &options, std::string_view key, T fallback)
{
    const auto it = options.find(key);
    return it == options.end() || it->is_null() ? fallback : it->template get<T>();
}

} // namespace mpsim::core
