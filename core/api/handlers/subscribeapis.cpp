// wx.requestSubscribeMessage (BEHAVIOURS.md, "Subscription messages").

#include "api/apienvironment.h"
#include "api/apiregistry.h"
#include "api/handlers/handlers.h"

#include <set>

namespace mpsim::core {

namespace {

constexpr std::size_t maxTemplatesPerCall = 3; // [seed]

// Applies the sheet's answer (or the policy's) to the templates it listed.
void finishSubscribe(ApiEnvironment &env, const Reply &reply, const CallContext &context,
                     nlohmann::json result, const std::vector<SubscribeTemplateChoice> &asked,
                     const SubscribeAnswer &answer)
{
    if (env.profile.subscriptions.networkFailure == 10003) {
        reply.fail(ApiError::SubscribeSendFailed);
        return;
    }
    HostState &state = env.state(context.appid);
    for (const auto &choice : asked) {
        const auto it = answer.accepted.find(choice.tmplId);
        const std::string decision = it != answer.accepted.end() && it->second ? "accept"
                                                                               : "reject";
        result[choice.tmplId] = decision;
        if (answer.keepChoice)
            state.keepSubscriptionDecision(choice.tmplId, decision);
    }
    if (answer.keepChoice && !asked.empty())
        env.stateChanged(context.appid);
    reply.succeed(std::move(result));
}

void requestSubscribeMessage(const nlohmann::json &args, const CallContext &context,
                             ApiEnvironment &env, Reply reply)
{
    const SubscriptionProfile &profile = env.profile.subscriptions;
    const nlohmann::json &ids = args.at("tmplIds");
    if (ids.empty()) {
        reply.fail(ApiError::SubscribeEmpty);
        return;
    }
    if (profile.networkFailure == 10002) {
        reply.fail(ApiError::SubscribeListFailed);
        return;
    }
    if (profile.miniProgramBanned) {
        reply.fail(ApiError::SubscribeBanned);
        return;
    }
    if (!profile.mainSwitch) {
        reply.fail(ApiError::SubscribeMainSwitch);
        return;
    }
    if (ids.size() > maxTemplatesPerCall) {
        reply.fail(ApiError::SubscribeTooMany);
        return;
    }
    std::vector<const SubscriptionTemplate *> templates;
    for (const auto &id : ids) {
        if (!id.is_string()) {
            reply.fail(ApiError::ParameterError, "parameter.tmplIds should only contain String;");
            return;
        }
        const SubscriptionTemplate *tmpl = profile.find(id.get<std::string>());
        if (!tmpl) {
            reply.fail(ApiError::SubscribeNoTemplate);
            return;
        }
        if (tmpl->deviceMessage) {
            reply.fail(ApiError::SubscribeDeviceMsg);
            return;
        }
        templates.push_back(tmpl);
    }
    for (const auto *tmpl : templates) {
        if (tmpl->permanent != templates.front()->permanent) {
            reply.fail(ApiError::SubscribeMixedTypes);
            return;
        }
    }

    // Decide what needs no sheet: banned templates, duplicate titles
    // (the first id keeps its place [seed]) and choices kept "always".
    nlohmann::json result = nlohmann::json::object();
    std::vector<SubscribeTemplateChoice> asked;
    std::set<std::string> titles;
    const HostState &state = env.state(context.appid);
    for (const auto *tmpl : templates) {
        if (result.contains(tmpl->id) || !titles.insert(tmpl->title).second) {
            if (!result.contains(tmpl->id))
                result[tmpl->id] = "filter";
            continue;
        }
        if (tmpl->banned) {
            result[tmpl->id] = "ban";
            continue;
        }
        const auto &kept = state.subscriptionDecisions();
        if (const auto it = kept.find(tmpl->id); it != kept.end()) {
            result[tmpl->id] = it->second;
            continue;
        }
        result[tmpl->id] = nullptr; // placeholder keeps duplicate detection simple
        asked.push_back({tmpl->id, tmpl->title, tmpl->permanent});
    }
    for (const auto &choice : asked)
        result.erase(choice.tmplId);

    SubscribeAnswer answer;
    switch (asked.empty() ? SheetPolicy::RejectAll : profile.sheet) {
    case SheetPolicy::AcceptAll:
        for (const auto &choice : asked)
            answer.accepted[choice.tmplId] = true;
        break;
    case SheetPolicy::RejectAll: break;
    case SheetPolicy::Ask:
        if (!env.prompts) {
            reply.fail(ApiError::InternalError, "no host UI is available to show the sheet");
            return;
        }
        env.prompts->askSubscribe(
            SubscribePrompt{context.appid, asked},
            env.guarded([reply, context, result, asked](ApiEnvironment &env,
                                                        SubscribeAnswer answer) {
                finishSubscribe(env, reply, context, result, asked, answer);
            }));
        return;
    }
    finishSubscribe(env, reply, context, std::move(result), asked, answer);
}

} // namespace

void registerSubscribeApis(ApiRegistry &registry)
{
    registry.add({.name = "requestSubscribeMessage",
                  .params = {{"tmplIds", ParamType::Array, true}},
                  .needsGesture = true,
                  .async = requestSubscribeMessage});
}

} // namespace mpsim::core
