#pragma once

#include "automation/wxmock.h"
#include "host/hostprofile.h"
#include "host/hostprompts.h"
#include "mock/scenario.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace mpsim::core::automation {

// What the simulator answers an automation request with: a result object, or
// an error whose message the hub sends as "<method>: <message>".
using MethodResult = Result<nlohmann::json>;
// Runs exactly once with the outcome; may run before the call that received it
// returns, or much later (a popup, the runtime). Running it after the client
// has gone is harmless: the reply is dropped.
using ResultCallback = std::function<void(MethodResult)>;

// Tool.getInfo's facts.
struct ToolInfo
{
    std::string sdkVersion;  // the base library version the client checks (>= 2.7.3)
    std::string version;     // mpsim's version
    std::string appid;       // the open mini-program ("" when none)
    std::string projectPath; // its folder ("" for the built-in one)
};

// Tool.native answers to host popups (the vendor's names in the comments).
enum class NativeAnswer {
    Allow,        // authorizeAllow: the open popup's primary action
    Deny,         // authorizeCancel: its secondary action
    ConfirmModal, // confirmModal: wx.showModal's confirm button
    CancelModal   // cancelModal: wx.showModal's cancel button
};

// Mpsim.answerSubscription: per-template switches, or every template on/off.
struct SubscriptionAnswer
{
    std::optional<SubscribeAnswer> choices; // per-template, with keepChoice
    bool acceptAll = false;                 // when choices is empty: accept all / reject all
};

// Why the client asked mpsim to stop.
enum class ExitReason {
    AppExit,  // App.exit: the vendor's close() sends Tool.close a second later
    ToolClose // Tool.close: nothing more will come
};

// The simulator as automation drives it. The app implements it with the real
// window, host services and page; tests implement it with fakes. Every call
// comes from the thread that feeds the hub.
class AutomationTarget
{
public:
    virtual ~AutomationTarget() = default;

    virtual ToolInfo toolInfo() const = 0;

    // --- The mini-program runtime (the agent in the page, docs/AUTOMATION-AGENT.md)
    // True while the runtime's automation agent is loaded and has said it is ready.
    virtual bool runtimeLoaded() const = 0;
    // Forwards a request the runtime answers (Page.*, Element.*, App.getCurrentPage...)
    // with its validated params. Called only while runtimeLoaded().
    virtual void callRuntime(const std::string &method, const nlohmann::json &params,
                             ResultCallback done) = 0;

    // --- wx
    // True when the simulated host answers wx.<api> itself (no runtime needed).
    virtual bool hostAnswers(const std::string &api) const = 0;
    // Calls wx.<api> on the host with `options` (the call's first argument);
    // the result is {"result": <success or fail object>}.
    virtual void callHostApi(const std::string &api, const nlohmann::json &options,
                             ResultCallback done) = 0;
    // Installs a mock (replacing one of the same API) / removes it; result {}.
    virtual void mockWxMethod(const WxMock &mock, ResultCallback done) = 0;
    virtual void restoreWxMethod(const std::string &api, ResultCallback done) = 0;

    // --- The app
    // {"data": <base64 PNG of the phone screen>}
    virtual void captureScreenshot(ResultCallback done) = 0;
    // Called after the reply to App.exit / Tool.close has been handed to the client.
    virtual void requestExit(ExitReason reason) = 0;

    // --- Host popups
    virtual void answerNative(NativeAnswer answer, ResultCallback done) = 0;
    // Each fails when no popup of that kind is open.
    virtual Result<void> answerSoter(const SoterAnswer &answer) = 0;
    virtual Result<void> answerSubscription(const SubscriptionAnswer &answer) = 0;
    virtual Result<void> answerSettings(const SettingsAnswer &answer) = 0;
    // {"kind": "authorize" | "userProfile" | "userInfoButton" | "soter" | "subscribe"
    //  | "settings" | "modal" | null, "queued": n}
    virtual nlohmann::json openPrompt() const = 0;

    // --- Host state
    // Makes a scenario the one in force (host profile, mock rules, initial
    // host state, clock offset), as the mock panel's Open does. `reference`
    // is a scenario file's path (checked: a regular file of sane size) or
    // "preset:<id>" (an existing preset). Returns the scenario's name.
    virtual Result<std::string> loadScenarioFile(const std::string &reference) = 0;
    // The same for a scenario a client sent inline (already validated).
    virtual Result<std::string> loadScenario(const Scenario &scenario) = 0;
    virtual HostProfile hostProfile() const = 0;
    virtual Result<void> setHostProfile(const HostProfile &profile) = 0;
    // Moves the host clock by `ms` (may be negative); returns the new offset.
    virtual std::int64_t advanceClock(std::int64_t ms) = 0;
    // `appid` empty: the open mini-program.
    virtual Result<void> clearAuthorization(const std::string &appid) = 0;
    virtual Result<void> expireSession(const std::string &appid) = 0;
};

} // namespace mpsim::core::automation
