#pragma once

#include "api/apienvironment.h"
#include "api/apiregistry.h"
#include "api/callcontext.h"
#include "mock/mockrules.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mpsim::core {

// One finished call, for the call log.
struct CallRecord
{
    std::string api;
    nlohmann::json args;
    CallContext context;
    ApiReply reply;
    std::int64_t startedAtMs = 0;
    std::int64_t settledAtMs = 0;
    std::string mockRule; // the mock rule that answered ("name (id)"), empty when none
};

// A mock rule's JavaScript function, to run where the mini-program's code
// runs (its logic layer) with the call's options.
struct MockFunctionRun
{
    std::string api;
    std::string ruleName;
    std::string source;      // a function expression: "function (options) { ... }"
    nlohmann::json options;  // the call's options object
    CallContext context;     // who called (origin included)
};

// How a MockFunctionRun ended: the function's value (awaited when it returned
// a Promise), or why there is none (it threw, did not evaluate, no answer).
struct MockFunctionOutcome
{
    bool ok = false;
    nlohmann::json value;  // ok
    std::string error;     // !ok
};

using MockFunctionRunner =
    std::function<void(const MockFunctionRun &run, std::function<void(MockFunctionOutcome)> done)>;

// The open-API core: answers every wx call the way the super app's host does,
// from the host profile, the per-appid host state and the host's popups.
// Not thread-safe: use it from one thread (the app's main thread).
class ApiCore
{
public:
    ApiCore(HostStateStore &store, Clock &clock);
    ~ApiCore();
    ApiCore(const ApiCore &) = delete;
    ApiCore &operator=(const ApiCore &) = delete;

    // The async entry: `reply` runs exactly once, possibly before invoke
    // returns (the page-side facade defers callbacks itself). Bad input
    // (unknown API, wrong argument types, huge values) is a fail reply; no
    // exception escapes.
    void invoke(std::string_view api, const nlohmann::json &args, const CallContext &context,
                ReplyCallback reply);
    // The entry for synchronous APIs (getAccountInfoSync, canIUse). An API
    // that is not synchronous, or unknown, is a fail reply.
    ApiReply invokeSync(std::string_view api, const nlohmann::json &args,
                        const CallContext &context);

    bool canIUse(std::string_view schema) const;
    // Every schema canIUse answers true for (the page answers canIUse locally).
    std::vector<std::string> capabilities() const;
    bool isSyncApi(std::string_view api) const;
    std::vector<std::string> apiNames() const;

    // The v2 code exchange the local jscode2session endpoint calls.
    // `secret` is checked only when the host profile sets login.appSecret.
    CodeExchangeResult exchangeCode(const std::string &appid, const std::string &secret,
                                    const std::string &code);

    // What the page needs to answer synchronous APIs without a round trip:
    // {"accountInfo": getAccountInfoSync's value,
    //  "hostUser": the user open-data shows,
    //  "storage": {key: data} of the appid's storage (getStorageSync ...),
    //  "syncValues": {<api>: value} of every synchronous API marked
    //                inSnapshot (getSystemInfoSync, getWindowInfo ...)}.
    nlohmann::json syncSnapshot(const CallContext &context);
    // Called (with the appid) whenever something the snapshot holds changes
    // through a call (a storage write), so the app can push a new snapshot to
    // the page. Changes made through the setters below are the caller's to push.
    void setSnapshotObserver(std::function<void(const std::string &appid)> observer);

    // The device the simulator shows, for the system-information APIs.
    const DeviceInfo &deviceInfo() const;
    void setDeviceInfo(DeviceInfo device);
    // getAppBaseInfo's / getSystemInfo's SDKVersion: project.config.json's
    // libVersion (default "3.0.0").
    const std::string &sdkVersion() const;
    void setSdkVersion(std::string version);
    // The network wx.request uses; null (the default) makes it fail.
    void setHttpClient(HttpClient *client);

    const HostProfile &hostProfile() const;
    void setHostProfile(HostProfile profile);
    // Validates and applies a profile; on error the previous profile stays.
    Result<void> setHostProfileJson(std::string_view text);

    void setPrompts(HostPrompts *prompts);
    ApiVersion apiVersion() const;
    void setApiVersion(ApiVersion version);

    // Called after every call settles (the call log, automation's streams).
    void setCallObserver(std::function<void(const CallRecord &)> observer);
    // A call the logic layer answered itself with a mock of its own (an
    // automation script's function mock): it reaches the call observer as if
    // a rule named `mockRule` had answered it here.
    void recordMockedCall(std::string_view api, const nlohmann::json &args, const CallContext &context,
                          ApiReply reply, std::string mockRule, std::int64_t durationMs);

    // Mock rules, asked before an API's own behaviour: the first enabled
    // matching rule answers the call (PROJECT-FILES.md, "mockConfig").
    void setMockRules(MockRules rules);
    const MockRules &mockRules() const;
    // Runs `task` after `delayMs` (the app's timer), for rules with a delay.
    // Without a scheduler a delayed rule answers at once.
    void setScheduler(std::function<void(int delayMs, std::function<void()> task)> scheduler);
    // Runs function rules (a rule with functionSource) in the caller's logic
    // layer; `done` may come later, and must come once. Without a runner such
    // a rule answers with a fail that says there is no logic layer.
    void setMockFunctionRunner(MockFunctionRunner runner);

    HostStateStore &store();
    const Clock &clock() const;

private:
    ApiRegistry m_registry;
    std::unique_ptr<ApiEnvironment> m_env;
    bool answerFromMock(std::string_view api, const nlohmann::json &args, const CallContext &context,
                        Reply &reply,
                        const std::shared_ptr<CallRecord> &record);
    // A mock rule's answer, after the rule's delay (through the scheduler).
    void sendMocked(const Reply &reply, ApiReply answer, int delayMs);

    std::function<void(const CallRecord &)> m_observer;
    MockRules m_mockRules;
    std::function<void(int, std::function<void()>)> m_scheduler;
    MockFunctionRunner m_functionRunner;
};

} // namespace mpsim::core
