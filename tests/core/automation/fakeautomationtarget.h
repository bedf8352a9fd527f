#pragma once

// An AutomationTarget for the hub's tests: records what the hub asks for and
// answers the way a test sets up, synchronously or later by hand.

#include "automation/automationhub.h"
#include "automation/automationtarget.h"
#include "mock/scenariopresets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <deque>
#include <functional>
#include <optional>
#include <map>
#include <string>
#include <vector>

namespace mpsim::core::automation::test {

class FakeAutomationTarget final : public AutomationTarget
{
public:
    struct RuntimeCall
    {
        std::string method;
        nlohmann::json params;
        ResultCallback done;
    };

    ToolInfo info{"2.30.0", "0.1.0", "wxfake", "/projects/fake"};
    bool loaded = false;
    std::vector<std::string> hostApis{"getSetting", "login", "authorize"};
    // Runtime calls are kept until the test answers them (or answered at once).
    std::deque<RuntimeCall> runtimeCalls;
    bool answerRuntimeAtOnce = false;
    nlohmann::json runtimeAnswer = nlohmann::json::object();

    std::vector<std::pair<std::string, nlohmann::json>> hostCalls;
    std::vector<WxMock> mocks;
    std::vector<std::string> restored;
    std::vector<NativeAnswer> nativeAnswers;
    bool promptOpen = true;
    std::optional<SoterAnswer> soterAnswer;
    std::optional<SubscriptionAnswer> subscriptionAnswer;
    std::optional<SettingsAnswer> settingsAnswer;
    std::vector<std::string> scenariosLoaded;
    HostProfile profile;
    std::int64_t clockOffset = 0;
    std::vector<ExitReason> exits;
    std::vector<std::string> cleared;
    std::vector<std::string> expired;
    // What the hub had sent when requestExit ran (the reply must come first).
    std::function<void()> onExit;

    ToolInfo toolInfo() const override { return info; }
    bool runtimeLoaded() const override { return loaded; }
    void callRuntime(const std::string &method, const nlohmann::json &params,
                     ResultCallback done) override
    {
        if (answerRuntimeAtOnce) {
            done(runtimeAnswer);
            runtimeCalls.push_back({method, params, {}});
            return;
        }
        runtimeCalls.push_back({method, params, std::move(done)});
    }
    bool hostAnswers(const std::string &api) const override
    {
        return std::find(hostApis.begin(), hostApis.end(), api) != hostApis.end();
    }
    void callHostApi(const std::string &api, const nlohmann::json &options,
                     ResultCallback done) override
    {
        hostCalls.emplace_back(api, options);
        done(nlohmann::json{{"result", {{"errMsg", api + ":ok"}}}});
    }
    void mockWxMethod(const WxMock &mock, ResultCallback done) override
    {
        mocks.push_back(mock);
        done(nlohmann::json::object());
    }
    void restoreWxMethod(const std::string &api, ResultCallback done) override
    {
        restored.push_back(api);
        done(nlohmann::json::object());
    }
    void captureScreenshot(ResultCallback done) override
    {
        done(nlohmann::json{{"data", "iVBORw0KGgo="}});
    }
    void requestExit(ExitReason reason) override
    {
        exits.push_back(reason);
        if (onExit)
            onExit();
    }
    void answerNative(NativeAnswer answer, ResultCallback done) override
    {
        if (!promptOpen) {
            done(Error{"no host popup is open", {}});
            return;
        }
        nativeAnswers.push_back(answer);
        done(nlohmann::json::object());
    }
    Result<void> answerSoter(const SoterAnswer &answer) override
    {
        if (!promptOpen)
            return Error{"no SOTER prompt is open", {}};
        soterAnswer = answer;
        return {};
    }
    Result<void> answerSubscription(const SubscriptionAnswer &answer) override
    {
        subscriptionAnswer = answer;
        return {};
    }
    Result<void> answerSettings(const SettingsAnswer &answer) override
    {
        settingsAnswer = answer;
        return {};
    }
    nlohmann::json openPrompt() const override
    {
        return {{"kind", promptOpen ? nlohmann::json("authorize") : nlohmann::json()}, {"queued", 0}};
    }
    Result<std::string> loadScenarioFile(const std::string &reference) override
    {
        std::string name = reference;
        if (reference.starts_with("preset:")) {
            name = findScenarioPreset(reference.substr(7))->name;
        } else {
            auto scenario = Scenario::load(reference);
            if (!scenario)
                return scenario.error();
            name = scenario->name;
        }
        scenariosLoaded.push_back(name);
        return name;
    }
    Result<std::string> loadScenario(const Scenario &scenario) override
    {
        scenariosLoaded.push_back(scenario.name);
        return scenario.name;
    }
    HostProfile hostProfile() const override { return profile; }
    Result<void> setHostProfile(const HostProfile &newProfile) override
    {
        profile = newProfile;
        return {};
    }
    std::int64_t advanceClock(std::int64_t ms) override { return clockOffset += ms; }
    Result<void> clearAuthorization(const std::string &appid) override
    {
        cleared.push_back(appid);
        return {};
    }
    Result<void> expireSession(const std::string &appid) override
    {
        expired.push_back(appid);
        return {};
    }
};

// A client of the hub that keeps every frame it was sent, parsed.
struct RecordingClient
{
    AutomationHub &hub;
    AutomationHub::ClientId id = 0;
    std::vector<nlohmann::json> frames;

    explicit RecordingClient(AutomationHub &hub)
        : hub(hub)
    {
        id = hub.addClient([this](const std::string &frame) {
            frames.push_back(nlohmann::json::parse(frame));
        });
    }

    // Sends `request` (text) and returns the frames it produced.
    std::vector<nlohmann::json> send(const std::string &text)
    {
        const std::size_t before = frames.size();
        hub.receive(id, text);
        return {frames.begin() + static_cast<std::ptrdiff_t>(before), frames.end()};
    }

    // Sends {id, method, params} and returns the one frame it produced at once
    // (a null JSON when none came).
    nlohmann::json call(const std::string &method, nlohmann::json params = nlohmann::json::object(),
                        nlohmann::json requestId = "r1")
    {
        const auto out = send(nlohmann::json{{"id", requestId}, {"method", method}, {"params", params}}.dump());
        return out.empty() ? nlohmann::json() : out.back();
    }

    std::vector<nlohmann::json> events(const std::string &method) const
    {
        std::vector<nlohmann::json> found;
        for (const auto &frame : frames) {
            if (!frame.contains("id") && frame.value("method", "") == method)
                found.push_back(frame);
        }
        return found;
    }
};

inline std::string errorOf(const nlohmann::json &frame)
{
    if (!frame.is_object() || !frame.contains("error"))
        return "<no error in " + frame.dump() + ">";
    return frame["error"]["message"].get<std::string>();
}

} // namespace mpsim::core::automation::test
