// wx.setStorage / getStorage / removeStorage / clearStorage / getStorageInfo
// and their Sync forms: per-appid storage kept in the host state.
//
// The page answers the Sync forms from its copy of the storage (the sync
// snapshot's "storage") and sends the Sync writes here so they persist; see
// the header of resources/runtime/wx-facade.js. The Sync handlers below also
// serve callers that reach core directly (automation's App.callWxMethod).

#include "api/apienvironment.h"
#include "api/apiregistry.h"
#include "api/handlers/handlers.h"

#include <optional>
#include <string>

namespace mpsim::core {

namespace {

// The key and data of a storage call: the async form's options object, or
// the Sync form's arguments ("key", ["key", data] or {key, data}).
struct StorageArgs
{
    std::string key;
    nlohmann::json data;
    bool hasData = false;
};

// The platform stores a missing (undefined) data as an empty string (its base
// library does `data || ''` for undefined); mpsim does the same for absent data.
nlohmann::json dataOrEmpty(const StorageArgs &args)
{
    return args.hasData ? args.data : nlohmann::json("");
}

// Reads the key (required) and the data; the problem's detail when the key
// is not a string.
std::optional<std::string> readStorageArgs(const nlohmann::json &args, StorageArgs &out)
{
    nlohmann::json key;
    if (args.is_string()) {
        key = args;
    } else if (args.is_array()) {
        if (!args.empty())
            key = args[0];
        if (args.size() > 1) {
            out.data = args[1];
            out.hasData = true;
        }
    } else if (args.is_object()) {
        if (const auto it = args.find("key"); it != args.end())
            key = *it;
        if (const auto it = args.find("data"); it != args.end()) {
            out.data = *it;
            out.hasData = true;
        }
    } else if (!args.is_null()) {
        return "parameter.key should be String instead of " + std::string(jsTypeName(args)) + ";";
    }
    if (!key.is_string())
        return "parameter.key should be String instead of "
               + std::string(key.is_null() ? "Undefined" : jsTypeName(key)) + ";";
    out.key = key.get<std::string>();
    return std::nullopt;
}

ApiReply syncFail(std::string_view api, ApiError error, std::string_view detail = {})
{
    return {false, failObject(api, error, detail)};
}

ApiReply syncOk(std::string_view api)
{
    // The platform's Sync setters return undefined; an object with errMsg
    // lets the page's facade (and automation) see the write succeeded.
    return {true, successObject(api)};
}

std::optional<ApiError> store(ApiEnvironment &env, const CallContext &context,
                              const StorageArgs &args)
{
    switch (env.state(context.appid).storage().set(args.key, dataOrEmpty(args))) {
    case AppStorage::SetOutcome::Stored:
        env.snapshotChanged(context.appid);
        return std::nullopt;
    case AppStorage::SetOutcome::EntryTooLarge:
        return ApiError::StorageEntryTooLarge;
    case AppStorage::SetOutcome::StorageFull:
        return ApiError::StorageFull;
    }
    return ApiError::InternalError;
}

void removeKey(ApiEnvironment &env, const CallContext &context, const std::string &key)
{
    if (env.state(context.appid).storage().remove(key))
        env.snapshotChanged(context.appid);
}

void clearAll(ApiEnvironment &env, const CallContext &context)
{
    AppStorage &storage = env.state(context.appid).storage();
    if (storage.empty())
        return;
    storage.clear();
    env.snapshotChanged(context.appid);
}

nlohmann::json storageInfo(ApiEnvironment &env, const CallContext &context)
{
    const AppStorage &storage = env.state(context.appid).storage();
    return {{"keys", storage.keys()},
            {"currentSize", storage.currentSizeKB()},
            {"limitSize", AppStorage::limitSizeKB}};
}

// --- async forms (options checked by the registry) ----------------------

void setStorage(const nlohmann::json &args, const CallContext &context, ApiEnvironment &env,
                Reply reply)
{
    StorageArgs storageArgs;
    (void)readStorageArgs(args, storageArgs);
    if (auto error = store(env, context, storageArgs))
        reply.fail(*error);
    else
        reply.succeed();
}

void getStorage(const nlohmann::json &args, const CallContext &context, ApiEnvironment &env,
                Reply reply)
{
    const std::string key = args.at("key").get<std::string>();
    if (const nlohmann::json *data = env.state(context.appid).storage().find(key))
        reply.succeed({{"data", *data}});
    else
        reply.fail(ApiError::StorageDataNotFound);
}

void removeStorage(const nlohmann::json &args, const CallContext &context, ApiEnvironment &env,
                   Reply reply)
{
    removeKey(env, context, args.at("key").get<std::string>());
    reply.succeed();
}

void clearStorage(const nlohmann::json &, const CallContext &context, ApiEnvironment &env,
                  Reply reply)
{
    clearAll(env, context);
    reply.succeed();
}

void getStorageInfo(const nlohmann::json &, const CallContext &context, ApiEnvironment &env,
                    Reply reply)
{
    reply.succeed(storageInfo(env, context));
}

// --- Sync forms -----------------------------------------------------------

ApiReply setStorageSync(const nlohmann::json &args, const CallContext &context, ApiEnvironment &env)
{
    static constexpr std::string_view api = "setStorageSync";
    StorageArgs storageArgs;
    if (auto problem = readStorageArgs(args, storageArgs))
        return syncFail(api, ApiError::ParameterError, *problem);
    if (auto error = store(env, context, storageArgs))
        return syncFail(api, *error);
    return syncOk(api);
}

ApiReply getStorageSync(const nlohmann::json &args, const CallContext &context, ApiEnvironment &env)
{
    StorageArgs storageArgs;
    if (auto problem = readStorageArgs(args, storageArgs))
        return syncFail("getStorageSync", ApiError::ParameterError, *problem);
    const nlohmann::json *data = env.state(context.appid).storage().find(storageArgs.key);
    // A missing key reads as an empty string [platform].
    return {true, data ? *data : nlohmann::json("")};
}

ApiReply removeStorageSync(const nlohmann::json &args, const CallContext &context,
                           ApiEnvironment &env)
{
    static constexpr std::string_view api = "removeStorageSync";
    StorageArgs storageArgs;
    if (auto problem = readStorageArgs(args, storageArgs))
        return syncFail(api, ApiError::ParameterError, *problem);
    removeKey(env, context, storageArgs.key);
    return syncOk(api);
}

ApiReply clearStorageSync(const nlohmann::json &, const CallContext &context, ApiEnvironment &env)
{
    clearAll(env, context);
    return syncOk("clearStorageSync");
}

ApiReply getStorageInfoSync(const nlohmann::json &, const CallContext &context, ApiEnvironment &env)
{
    return {true, storageInfo(env, context)};
}

} // namespace

void registerStorageApis(ApiRegistry &registry)
{
    const ParamSpec key{"key", ParamType::String, true};
    registry.add({.name = "setStorage",
                  .params = {key},
                  .capabilities = {"object.data"},
                  .async = setStorage});
    registry.add({.name = "getStorage",
                  .params = {key},
                  .capabilities = {"success.data"},
                  .async = getStorage});
    registry.add({.name = "removeStorage", .params = {key}, .async = removeStorage});
    registry.add({.name = "clearStorage", .async = clearStorage});
    registry.add({.name = "getStorageInfo",
                  .capabilities = {"success.keys", "success.currentSize", "success.limitSize"},
                  .async = getStorageInfo});
    registry.add({.name = "setStorageSync", .sync = setStorageSync});
    registry.add({.name = "getStorageSync", .sync = getStorageSync});
    registry.add({.name = "removeStorageSync", .sync = removeStorageSync});
    registry.add({.name = "clearStorageSync", .sync = clearStorageSync});
    registry.add({.name = "getStorageInfoSync",
                  .capabilities = {"return.keys", "return.currentSize", "return.limitSize"},
                  .sync = getStorageInfoSync});
}

} // namespace mpsim::core
