// wx.getUserProfile, wx.getUserInfo and <button open-type="getUserInfo">
// (BEHAVIOURS.md, "Account and user information").

#include "api/apienvironment.h"
#include "api/apiregistry.h"
#include "api/handlers/handlers.h"
#include "crypto/aes128cbc.h"
#include "crypto/base64.h"
#include "crypto/randombytes.h"
#include "crypto/sha1.h"
#include "util/text.h"

namespace mpsim::core {

namespace {

constexpr std::size_t maxDescLength = 30; // characters [seed]

bool isLanguage(const std::string &lang)
{
    return lang == "en" || lang == "zh_CN" || lang == "zh_TW";
}

// The userInfo object and its companions (rawData, signature, encryptedData,
// iv) as the platform builds them: signature = sha1(rawData + session_key);
// encryptedData = AES-128-CBC(key = session_key, PKCS#7) of the user data
// with a watermark, so a backend can verify and decrypt them as on a device.
nlohmann::json userInfoResult(ApiEnvironment &env, const CallContext &context,
                              const std::string &lang)
{
    const UserProfile &user = env.profile.user;
    const nlohmann::json userInfo{{"nickName", user.nickName},   {"avatarUrl", user.avatarUrl},
                                  {"gender", user.gender},       {"country", user.country},
                                  {"province", user.province},   {"city", user.city},
                                  {"language", lang}};
    const std::string rawData = userInfo.dump();

    HostState &state = env.state(context.appid);
    std::string sessionKey = state.currentSessionKey(env.nowMs());
    // Without a login there is no session key the backend could know: sign
    // with a throwaway one, as the data then cannot be verified anyway.
    std::string key = crypto::base64Decode(sessionKey).value_or(std::string());
    if (key.size() != 16)
        key = crypto::randomBytes(16);

    nlohmann::json sensitive = userInfo;
    sensitive["openId"] = state.openid();
    sensitive["unionId"] = state.unionid();
    sensitive["watermark"] = {{"appid", context.appid}, {"timestamp", env.nowMs() / 1000}};
    const std::string iv = crypto::randomBytes(16);
    const auto encrypted = crypto::aes128CbcEncrypt(key, iv, sensitive.dump());

    return {{"userInfo", userInfo},
            {"rawData", rawData},
            {"signature", crypto::sha1Hex(rawData + sessionKey)},
            {"encryptedData", crypto::base64Encode(encrypted.value_or(std::string()))},
            {"iv", crypto::base64Encode(iv)}};
}

// Reads `lang` (default en); false when it is not a supported language.
bool readLang(const nlohmann::json &args, std::string &lang, const Reply &reply)
{
    lang = optionOr(args, "lang", std::string("en"));
    if (isLanguage(lang))
        return true;
    reply.fail(ApiError::ParameterError, "parameter.lang should be one of en, zh_CN, zh_TW;");
    return false;
}

// Asks the user-info popup (or applies the profile's policy) and calls
// `answered(allowed)`.
void askUserInfo(ApiEnvironment &env, const Reply &reply, UserProfilePrompt prompt,
                 std::function<void(ApiEnvironment &, bool)> answered)
{
    switch (env.profile.user.popup) {
    case PopupPolicy::Allow: answered(env, true); return;
    case PopupPolicy::Deny: answered(env, false); return;
    case PopupPolicy::Ask: break;
    }
    if (!env.prompts) {
        reply.fail(ApiError::InternalError, "no host UI is available to show the popup");
        return;
    }
    prompt.nickName = env.profile.user.nickName;
    prompt.avatarUrl = env.profile.user.avatarUrl;
    env.prompts->askUserProfile(prompt, env.guarded([answered](ApiEnvironment &env,
                                                               PromptAnswer answer) {
        answered(env, answer == PromptAnswer::Allow);
    }));
}

void getUserProfile(const nlohmann::json &args, const CallContext &context, ApiEnvironment &env,
                    Reply reply)
{
    const std::string desc = args.at("desc").get<std::string>();
    if (desc.empty() || characterCount(desc) > maxDescLength) {
        reply.fail(ApiError::DescLength);
        return;
    }
    std::string lang;
    if (!readLang(args, lang, reply))
        return;
    UserProfilePrompt prompt;
    prompt.appid = context.appid;
    prompt.kind = UserProfilePrompt::Kind::GetUserProfile;
    prompt.desc = desc;
    // A popup on every call [seed]: getUserProfile never grants a scope.
    askUserInfo(env, reply, prompt, [reply, context, lang](ApiEnvironment &env, bool allowed) {
        if (allowed)
            reply.succeed(userInfoResult(env, context, lang));
        else
            reply.fail(ApiError::AuthDeny);
    });
}

void getUserInfo(const nlohmann::json &args, const CallContext &context, ApiEnvironment &env,
                 Reply reply)
{
    std::string lang;
    if (!readLang(args, lang, reply))
        return;
    if (env.state(context.appid).scope("scope.userInfo") != ScopeState::Granted) {
        reply.fail(ApiError::AuthDeny);
        return;
    }
    reply.succeed(userInfoResult(env, context, lang));
}

// <button open-type="getUserInfo">: the runtime calls this on a tap and
// fires bindgetuserinfo with the reply as `detail`.
void buttonGetUserInfo(const nlohmann::json &args, const CallContext &context,
                       ApiEnvironment &env, Reply tapReply)
{
    // The event's errMsg says getUserInfo, as on the platform.
    Reply reply("getUserInfo", [tapReply](ApiReply answer) { tapReply.send(std::move(answer)); });
    std::string lang;
    if (!readLang(args, lang, reply))
        return;
    if (env.state(context.appid).scope("scope.userInfo") == ScopeState::Granted) {
        reply.succeed(userInfoResult(env, context, lang));
        return;
    }
    UserProfilePrompt prompt;
    prompt.appid = context.appid;
    prompt.kind = UserProfilePrompt::Kind::GetUserInfoButton;
    askUserInfo(env, reply, prompt, [reply, context, lang](ApiEnvironment &env, bool allowed) {
        env.state(context.appid)
            .setScope("scope.userInfo", allowed ? ScopeState::Granted : ScopeState::Denied);
        env.stateChanged(context.appid);
        if (allowed)
            reply.succeed(userInfoResult(env, context, lang));
        else
            reply.fail(ApiError::AuthDeny);
    });
}

const std::vector<std::string> userInfoCapabilities{
    "object.lang.en",        "object.lang.zh_CN",    "object.lang.zh_TW",
    "success.userInfo",      "success.rawData",      "success.signature",
    "success.encryptedData", "success.iv",           "success.userInfo.nickName",
    "success.userInfo.avatarUrl", "success.userInfo.gender", "success.userInfo.country",
    "success.userInfo.province",  "success.userInfo.city",   "success.userInfo.language"};

} // namespace

void registerUserApis(ApiRegistry &registry)
{
    registry.add({.name = "getUserProfile",
                  .params = {{"desc", ParamType::String, true}, {"lang", ParamType::String}},
                  .capabilities = userInfoCapabilities,
                  .needsGesture = true,
                  .async = getUserProfile});
    registry.add({.name = "getUserInfo",
                  .params = {{"lang", ParamType::String}, {"withCredentials", ParamType::Boolean}},
                  .capabilities = userInfoCapabilities,
                  .async = getUserInfo});
    registry.add({.name = "openType.getUserInfo",
                  .params = {{"lang", ParamType::String}},
                  .needsGesture = true,
                  .internal = true,
                  .async = buttonGetUserInfo});
    registry.addCapability("button.open-type.getUserInfo");
    registry.addCapability("button.open-type.openSetting");
    registry.addCapability("button.bindgetuserinfo");
    for (const char *type : {"userNickName", "userAvatarUrl", "userGender", "userCity",
                             "userProvince", "userCountry", "userLanguage"})
        registry.addCapability(std::string("open-data.type.") + type);
}

} // namespace mpsim::core
