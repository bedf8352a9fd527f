#pragma once

// A core under test for the everyday APIs (host UI, storage, system
// information, wx.request): TestHost plus host UI that records toasts and
// keeps modal / action-sheet answers for the test, and a fake network.

#include "../testhost.h"

#include "host/httpclient.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mpsim::core::test {

class UiPrompts final : public HostPrompts
{
public:
    std::vector<ToastPrompt> toasts;
    int hideCount = 0;
    std::deque<ModalPrompt> modals;
    std::deque<ActionSheetPrompt> sheets;
    std::deque<std::function<void(ModalAnswer)>> pendingModals;
    std::deque<std::function<void(ActionSheetAnswer)>> pendingSheets;

    void askAuthorize(const AuthorizePrompt &, std::function<void(PromptAnswer)> answer) override
    {
        answer(PromptAnswer::Deny);
    }
    void askUserProfile(const UserProfilePrompt &, std::function<void(PromptAnswer)> answer) override
    {
        answer(PromptAnswer::Deny);
    }
    void askSoter(const SoterPrompt &, std::function<void(SoterAnswer)> answer) override
    {
        answer(SoterAnswer{SoterAnswer::Outcome::Cancel, 90008});
    }
    void askSubscribe(const SubscribePrompt &, std::function<void(SubscribeAnswer)> answer) override
    {
        answer(SubscribeAnswer{});
    }
    void showSettings(const SettingsPrompt &prompt,
                      std::function<void(SettingsAnswer)> answer) override
    {
        answer(SettingsAnswer{prompt.authSetting});
    }

    void showToast(const ToastPrompt &prompt) override { toasts.push_back(prompt); }
    void hideToast() override { ++hideCount; }
    void askModal(const ModalPrompt &prompt, std::function<void(ModalAnswer)> answer) override
    {
        modals.push_back(prompt);
        pendingModals.push_back(std::move(answer));
    }
    void askActionSheet(const ActionSheetPrompt &prompt,
                        std::function<void(ActionSheetAnswer)> answer) override
    {
        sheets.push_back(prompt);
        pendingSheets.push_back(std::move(answer));
    }

    void answerModal(ModalAnswer answer) { FakePrompts::answerFirst(pendingModals, answer); }
    void answerSheet(ActionSheetAnswer answer) { FakePrompts::answerFirst(pendingSheets, answer); }
};

// Records each request; the test answers them with respond().
class FakeHttpClient final : public HttpClient
{
public:
    std::vector<HttpRequest> sent;
    std::deque<std::function<void(HttpResponse)>> pending;

    void send(const HttpRequest &request, std::function<void(HttpResponse)> done) override
    {
        sent.push_back(request);
        pending.push_back(std::move(done));
    }

    void respond(HttpResponse response) { FakePrompts::answerFirst(pending, response); }

    // The value of `name` (case-insensitive) in the last request, or nullopt.
    std::optional<std::string> lastHeader(std::string_view name) const
    {
        REQUIRE_FALSE(sent.empty());
        for (const auto &[key, value] : sent.back().headers) {
            if (key.size() == name.size()
                && std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) {
                       return std::tolower(static_cast<unsigned char>(a))
                              == std::tolower(static_cast<unsigned char>(b));
                   }))
                return value;
        }
        return std::nullopt;
    }
};

class EverydayHost : public TestHost
{
public:
    UiPrompts ui;
    FakeHttpClient http;
    std::vector<std::string> snapshotChanges; // appids, one per observer call

    EverydayHost()
    {
        core.setPrompts(&ui);
        core.setHttpClient(&http);
        core.setSnapshotObserver([this](const std::string &id) { snapshotChanges.push_back(id); });
    }

    nlohmann::json snapshot()
    {
        return core.syncSnapshot(CallContext{appid, "pages/index/index", false});
    }
};

} // namespace mpsim::core::test
