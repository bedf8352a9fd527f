#pragma once

// A core under test: a manual clock, an in-memory host state store, and host
// popups that a test answers by hand.

#include "api/apicore.h"
#include "host/clock.h"
#include "host/hostprompts.h"
#include "host/hoststatestore.h"

#include <catch2/catch.hpp>

#include <deque>
#include <functional>
#include <optional>
#include <string>

namespace mpsim::core::test {

// Records every popup and keeps its answer callback until the test answers.
class FakePrompts final : public HostPrompts
{
public:
    std::deque<AuthorizePrompt> authorizeAsked;
    std::deque<UserProfilePrompt> userProfileAsked;
    std::deque<SoterPrompt> soterAsked;
    std::deque<SubscribePrompt> subscribeAsked;
    std::deque<SettingsPrompt> settingsShown;

    std::deque<std::function<void(PromptAnswer)>> pendingAuthorize;
    std::deque<std::function<void(PromptAnswer)>> pendingUserProfile;
    std::deque<std::function<void(SoterAnswer)>> pendingSoter;
    std::deque<std::function<void(SubscribeAnswer)>> pendingSubscribe;
    std::deque<std::function<void(SettingsAnswer)>> pendingSettings;

    int popupCount() const
    {
        return int(authorizeAsked.size() + userProfileAsked.size() + soterAsked.size()
                   + subscribeAsked.size() + settingsShown.size());
    }

    void askAuthorize(const AuthorizePrompt &prompt, std::function<void(PromptAnswer)> answer) override
    {
        authorizeAsked.push_back(prompt);
        pendingAuthorize.push_back(std::move(answer));
    }
    void askUserProfile(const UserProfilePrompt &prompt,
                        std::function<void(PromptAnswer)> answer) override
    {
        userProfileAsked.push_back(prompt);
        pendingUserProfile.push_back(std::move(answer));
    }
    void askSoter(const SoterPrompt &prompt, std::function<void(SoterAnswer)> answer) override
    {
        soterAsked.push_back(prompt);
        pendingSoter.push_back(std::move(answer));
    }
    void askSubscribe(const SubscribePrompt &prompt,
                      std::function<void(SubscribeAnswer)> answer) override
    {
        subscribeAsked.push_back(prompt);
        pendingSubscribe.push_back(std::move(answer));
    }
    void showSettings(const SettingsPrompt &prompt, std::function<void(SettingsAnswer)> answer) override
    {
        settingsShown.push_back(prompt);
        pendingSettings.push_back(std::move(answer));
    }

    template<typename Queue, typename Answer>
    static void answerFirst(Queue &queue, Answer answer)
    {
        REQUIRE_FALSE(queue.empty());
        auto callback = std::move(queue.front());
        queue.pop_front();
        callback(answer);
    }
    void answerAuthorize(PromptAnswer answer) { answerFirst(pendingAuthorize, answer); }
    void answerUserProfile(PromptAnswer answer) { answerFirst(pendingUserProfile, answer); }
    void answerSoter(SoterAnswer answer) { answerFirst(pendingSoter, answer); }
    void answerSubscribe(SubscribeAnswer answer) { answerFirst(pendingSubscribe, answer); }
    void answerSettings(SettingsAnswer answer) { answerFirst(pendingSettings, answer); }
};

// The reply of one call, once it arrives.
struct PendingReply
{
    std::shared_ptr<std::optional<ApiReply>> reply = std::make_shared<std::optional<ApiReply>>();
    std::shared_ptr<int> count = std::make_shared<int>(0);

    bool settled() const { return reply->has_value(); }
    const ApiReply &get() const
    {
        REQUIRE(reply->has_value());
        return **reply;
    }
    bool ok() const { return get().ok; }
    const nlohmann::json &result() const { return get().result; }
    std::string errMsg() const { return result().value("errMsg", std::string("<none>")); }
};

class TestHost
{
public:
    static constexpr const char *appid = "wx0123456789abcdef";

    ManualClock clock;
    HostStateStore store;
    ApiCore core{store, clock};
    FakePrompts prompts;

    TestHost() { core.setPrompts(&prompts); }

    // Calls `api` and returns its reply holder (settled at once unless a popup waits).
    PendingReply call(const std::string &api, const nlohmann::json &args = nlohmann::json::object(),
                      bool gesture = false)
    {
        PendingReply pending;
        CallContext context{appid, "pages/index/index", gesture};
        core.invoke(api, args, context, [pending](ApiReply reply) {
            ++*pending.count;
            *pending.reply = std::move(reply);
        });
        return pending;
    }
    PendingReply tap(const std::string &api, const nlohmann::json &args = nlohmann::json::object())
    {
        return call(api, args, true);
    }
    // Calls an API that must answer at once, and returns its reply.
    ApiReply now(const std::string &api, const nlohmann::json &args = nlohmann::json::object(),
                 bool gesture = false)
    {
        auto pending = call(api, args, gesture);
        REQUIRE(pending.settled());
        return pending.get();
    }
    ApiReply sync(const std::string &api, const nlohmann::json &args = nullptr)
    {
        return core.invokeSync(api, args, CallContext{appid, {}, false});
    }
    HostState &state() { return store.state(appid); }

    void setProfile(const std::string &json)
    {
        auto applied = core.setHostProfileJson(json);
        INFO(applied.error().toString());
        REQUIRE(applied.ok());
    }
};

} // namespace mpsim::core::test
