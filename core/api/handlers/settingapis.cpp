// wx.getSetting, wx.openSetting and wx.authorize (BEHAVIOURS.md, "Settings
// and authorization").

#include "api/apienvironment.h"
#include "api/apiregistry.h"
#include "api/handlers/handlers.h"
#include "host/scopes.h"

namespace mpsim::core {

namespace {

nlohmann::json authSettingJson(const HostState &state)
{
    nlohmann::json setting = nlohmann::json::object();
    for (const auto &[scope, granted] : state.authSetting())
        setting[scope] = granted;
    return setting;
}

void getSetting(const nlohmann::json &args, const CallContext &context, ApiEnvironment &env,
                Reply reply)
{
    HostState &state = env.state(context.appid);
    nlohmann::json result{{"authSetting", authSettingJson(state)}};
    if (optionOr(args, "withSubscriptions", false)) {
        nlohmann::json items = nlohmann::json::object();
        for (const auto &[tmplId, decision] : state.subscriptionDecisions())
            items[tmplId] = decision;
        nlohmann::json subscriptions{{"mainSwitch", env.profile.subscriptions.mainSwitch}};
        if (!items.empty())
            subscriptions["itemSettings"] = items;
        result["subscriptionsSetting"] = subscriptions;
    }
    reply.succeed(result);
}

void openSetting(const nlohmann::json &, const CallContext &context, ApiEnvironment &env,
                 Reply reply)
{
    HostState &state = env.state(context.appid);
    if (env.profile.authorize.settingsPage == SettingsPolicy::Keep) {
        reply.succeed({{"authSetting", authSettingJson(state)}});
        return;
    }
    if (!env.prompts) {
        reply.fail(ApiError::InternalError, "no host UI is available to show the settings page");
        return;
    }
    SettingsPrompt prompt{context.appid, state.authSetting()};
    env.prompts->showSettings(prompt, env.guarded([reply, context](ApiEnvironment &env,
                                                                    SettingsAnswer answer) {
        HostState &state = env.state(context.appid);
        // Only scopes the page listed can change; a switch turned off is a denial.
        for (const auto &[scope, granted] : state.authSetting()) {
            const auto it = answer.authSetting.find(scope);
            if (it != answer.authSetting.end() && it->second != granted)
                state.setScope(scope, it->second ? ScopeState::Granted : ScopeState::Denied);
        }
        env.stateChanged(context.appid);
        reply.succeed({{"authSetting", authSettingJson(state)}});
    }));
}

void authorize(const nlohmann::json &args, const CallContext &context, ApiEnvironment &env,
               Reply reply)
{
    const std::string scope = args.at("scope").get<std::string>();
    const ScopeInfo *info = findScope(scope);
    if (!info) {
        reply.fail(ApiError::InvalidScope, scope.substr(0, 128));
        return;
    }
    HostState &state = env.state(context.appid);
    switch (state.scope(scope)) {
    case ScopeState::Granted: reply.succeed(); return;   // no popup [seed]
    case ScopeState::Denied: reply.fail(ApiError::AuthDeny); return; // no popup [platform]
    case ScopeState::NeverAsked: break;
    }

    auto decide = [reply, context, scope](ApiEnvironment &env, PromptAnswer answer) {
        const bool allowed = answer == PromptAnswer::Allow;
        env.state(context.appid).setScope(scope, allowed ? ScopeState::Granted : ScopeState::Denied);
        env.stateChanged(context.appid);
        if (allowed)
            reply.succeed();
        else
            reply.fail(ApiError::AuthDeny);
    };
    switch (env.profile.authorize.policyFor(scope)) {
    case PopupPolicy::Allow: decide(env, PromptAnswer::Allow); return;
    case PopupPolicy::Deny: decide(env, PromptAnswer::Deny); return;
    case PopupPolicy::Ask: break;
    }
    if (!env.prompts) {
        reply.fail(ApiError::InternalError, "no host UI is available to show the popup");
        return;
    }
    AuthorizePrompt prompt{context.appid, scope, std::string(info->description)};
    env.prompts->askAuthorize(prompt, env.guarded(decide));
}

} // namespace

void registerSettingApis(ApiRegistry &registry)
{
    registry.add({.name = "getSetting",
                  .params = {{"withSubscriptions", ParamType::Boolean}},
                  .capabilities = {"success.authSetting", "success.subscriptionsSetting",
                                   "success.subscriptionsSetting.mainSwitch",
                                   "success.subscriptionsSetting.itemSettings"},
                  .async = getSetting});
    registry.add({.name = "openSetting",
                  .params = {{"withSubscriptions", ParamType::Boolean}},
                  .capabilities = {"success.authSetting"},
                  .needsGesture = true,
                  .async = openSetting});
    std::vector<std::string> scopeCapabilities;
    for (const auto &scope : knownScopes())
        scopeCapabilities.push_back("object.scope." + std::string(scope.name));
    registry.add({.name = "authorize",
                  .params = {{"scope", ParamType::String, true}},
                  .capabilities = scopeCapabilities,
                  .async = authorize});
}

} // namespace mpsim::core
