// wx.showToast, hideToast, showLoading, hideLoading, showModal and
// showActionSheet: the host's everyday UI, drawn by HostPrompts.

#include "api/apienvironment.h"
#include "api/apiregistry.h"
#include "api/handlers/handlers.h"

#include <algorithm>
#include <cmath>

namespace mpsim::core {

namespace {

constexpr std::size_t maxActionSheetItems = 6; // [platform]
constexpr double maxDurationMs = 24.0 * 3600 * 1000;

ToastPrompt::Icon toastIcon(const std::string &icon)
{
    if (icon == "error")
        return ToastPrompt::Icon::Error;
    if (icon == "loading")
        return ToastPrompt::Icon::Loading;
    if (icon == "none")
        return ToastPrompt::Icon::None;
    // The platform's base library shows anything else as "success".
    return ToastPrompt::Icon::Success;
}

// Shows a toast or loading: on screen at once, replacing what was there.
void showToastOrLoading(ToastPrompt prompt, ApiEnvironment &env, const Reply &reply)
{
    env.toast = ToastState{prompt.kind, env.nowMs(), prompt.durationMs};
    if (env.prompts)
        env.prompts->showToast(prompt);
    reply.succeed();
}

void showToast(const nlohmann::json &args, const CallContext &context, ApiEnvironment &env,
               Reply reply)
{
    ToastPrompt prompt;
    prompt.appid = context.appid;
    prompt.kind = ToastPrompt::Kind::Toast;
    prompt.title = args.at("title").get<std::string>();
    prompt.icon = toastIcon(optionOr(args, "icon", std::string("success")));
    prompt.image = optionOr(args, "image", std::string());
    const double duration = optionOr(args, "duration", 1500.0);
    prompt.durationMs = std::isfinite(duration)
                            ? static_cast<int>(std::clamp(duration, 0.0, maxDurationMs))
                            : 1500;
    prompt.mask = optionOr(args, "mask", false);
    showToastOrLoading(std::move(prompt), env, reply);
}

void showLoading(const nlohmann::json &args, const CallContext &context, ApiEnvironment &env,
                 Reply reply)
{
    ToastPrompt prompt;
    prompt.appid = context.appid;
    prompt.kind = ToastPrompt::Kind::Loading;
    prompt.title = args.at("title").get<std::string>();
    prompt.icon = ToastPrompt::Icon::Loading;
    prompt.durationMs = 0; // until hideLoading
    prompt.mask = optionOr(args, "mask", false);
    showToastOrLoading(std::move(prompt), env, reply);
}

// hideToast and hideLoading hide either kind [platform: the two "can be
// mixed" unless noConflict is set]; with nothing on screen they fail.
void hideToastOrLoading(const nlohmann::json &args, ToastPrompt::Kind kind, ApiEnvironment &env,
                        const Reply &reply)
{
    const bool onScreen = env.toast
                          && (env.toast->durationMs == 0
                              || env.nowMs() < env.toast->shownAtMs + env.toast->durationMs);
    if (!onScreen || (optionOr(args, "noConflict", false) && env.toast->kind != kind)) {
        if (!onScreen)
            env.toast.reset();
        reply.fail(ApiError::ToastNotFound);
        return;
    }
    env.toast.reset();
    if (env.prompts)
        env.prompts->hideToast();
    reply.succeed();
}

void showModal(const nlohmann::json &args, const CallContext &context, ApiEnvironment &env,
               Reply reply)
{
    ModalPrompt prompt;
    prompt.appid = context.appid;
    prompt.title = optionOr(args, "title", std::string());
    prompt.content = optionOr(args, "content", std::string());
    prompt.showCancel = optionOr(args, "showCancel", true);
    prompt.cancelText = optionOr(args, "cancelText", prompt.cancelText);
    prompt.cancelColor = optionOr(args, "cancelColor", prompt.cancelColor);
    prompt.confirmText = optionOr(args, "confirmText", prompt.confirmText);
    prompt.confirmColor = optionOr(args, "confirmColor", prompt.confirmColor);
    prompt.editable = optionOr(args, "editable", false);
    prompt.placeholderText = optionOr(args, "placeholderText", std::string());
    if (!env.prompts) {
        reply.fail(ApiError::InternalError, "no host UI is available to show the modal");
        return;
    }
    const bool editable = prompt.editable;
    const bool canCancel = prompt.showCancel;
    env.prompts->askModal(
        prompt, env.guarded([reply, editable, canCancel](ApiEnvironment &, ModalAnswer answer) {
            // A dialog without Cancel can only be confirmed.
            const bool confirm = answer.confirm || !canCancel;
            nlohmann::json result{{"confirm", confirm}, {"cancel", !confirm}};
            if (editable)
                result["content"] = answer.content.value_or(std::string());
            reply.succeed(result);
        }));
}

void showActionSheet(const nlohmann::json &args, const CallContext &context, ApiEnvironment &env,
                     Reply reply)
{
    const nlohmann::json &items = args.at("itemList");
    if (items.empty()) {
        reply.fail(ApiError::ParameterError, "parameter.itemList should have at least 1 item");
        return;
    }
    if (items.size() > maxActionSheetItems) {
        reply.fail(ApiError::ParameterError, "itemList should not be large than 6");
        return;
    }
    ActionSheetPrompt prompt;
    prompt.appid = context.appid;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!items[i].is_string()) {
            reply.fail(ApiError::ParameterError, "parameter.itemList[" + std::to_string(i)
                                                     + "] should be String instead of "
                                                     + std::string(jsTypeName(items[i])) + ";");
            return;
        }
        prompt.itemList.push_back(items[i].get<std::string>());
    }
    prompt.itemColor = optionOr(args, "itemColor", prompt.itemColor);
    prompt.alertText = optionOr(args, "alertText", std::string());
    if (!env.prompts) {
        reply.fail(ApiError::InternalError, "no host UI is available to show the action sheet");
        return;
    }
    const int count = static_cast<int>(prompt.itemList.size());
    env.prompts->askActionSheet(
        prompt, env.guarded([reply, count](ApiEnvironment &, ActionSheetAnswer answer) {
            if (!answer.tapIndex) {
                reply.fail(ApiError::ActionSheetCancel);
                return;
            }
            if (*answer.tapIndex < 0 || *answer.tapIndex >= count) {
                reply.fail(ApiError::InternalError, "the host answered item "
                                                        + std::to_string(*answer.tapIndex) + " of "
                                                        + std::to_string(count));
                return;
            }
            reply.succeed({{"tapIndex", *answer.tapIndex}});
        }));
}

} // namespace

void registerUiApis(ApiRegistry &registry)
{
    registry.add({.name = "showToast",
                  .params = {{"title", ParamType::String, true},
                             {"icon", ParamType::String},
                             {"image", ParamType::String},
                             {"duration", ParamType::Number},
                             {"mask", ParamType::Boolean}},
                  .capabilities = {"object.icon.success", "object.icon.error",
                                   "object.icon.loading", "object.icon.none"},
                  .async = showToast});
    registry.add({.name = "showLoading",
                  .params = {{"title", ParamType::String, true}, {"mask", ParamType::Boolean}},
                  .async = showLoading});
    registry.add({.name = "hideToast",
                  .params = {{"noConflict", ParamType::Boolean}},
                  .async = [](const nlohmann::json &args, const CallContext &, ApiEnvironment &env,
                              Reply reply) {
                      hideToastOrLoading(args, ToastPrompt::Kind::Toast, env, reply);
                  }});
    registry.add({.name = "hideLoading",
                  .params = {{"noConflict", ParamType::Boolean}},
                  .async = [](const nlohmann::json &args, const CallContext &, ApiEnvironment &env,
                              Reply reply) {
                      hideToastOrLoading(args, ToastPrompt::Kind::Loading, env, reply);
                  }});
    registry.add({.name = "showModal",
                  .params = {{"title", ParamType::String},
                             {"content", ParamType::String},
                             {"showCancel", ParamType::Boolean},
                             {"cancelText", ParamType::String},
                             {"cancelColor", ParamType::String},
                             {"confirmText", ParamType::String},
                             {"confirmColor", ParamType::String},
                             {"editable", ParamType::Boolean},
                             {"placeholderText", ParamType::String}},
                  .capabilities = {"success.confirm", "success.cancel", "success.content"},
                  .async = showModal});
    registry.add({.name = "showActionSheet",
                  .params = {{"itemList", ParamType::Array, true},
                             {"itemColor", ParamType::String},
                             {"alertText", ParamType::String}},
                  .capabilities = {"success.tapIndex"},
                  .async = showActionSheet});
}

} // namespace mpsim::core
