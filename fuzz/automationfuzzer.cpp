// libFuzzer target: the automation protocol (core/automation) as a server sees
// it: arbitrary text frames from three clients, replies that come at once or
// later (or never, when their client leaves), clients that come and go, and
// events sent in between. Every frame must get at most one reply, every
// frame out must be JSON, and nothing may crash, leak or hang.
//
// Input: the first byte sets the target's behaviour (runtime loaded, replies
// deferred); the rest is split at '\n' into frames. A frame starting with
// '!' is an action instead: "!drop" removes a client, "!answer" delivers the
// deferred replies, "!log"/"!bind"/"!call" emit events, "!ready" reloads the
// runtime.

#include "automation/automationframe.h"
#include "automation/automationhub.h"
#include "automation/automationtarget.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace mpsim::core;
using namespace mpsim::core::automation;
using json = nlohmann::json;

class FuzzTarget final : public AutomationTarget
{
public:
    bool loaded = false;
    bool defer = false;
    std::deque<ResultCallback> deferred;

    void answer(ResultCallback done, MethodResult result)
    {
        if (defer)
            deferred.push_back([done = std::move(done), result](MethodResult) { done(result); });
        else
            done(std::move(result));
    }
    void drain()
    {
        while (!deferred.empty()) {
            ResultCallback done = std::move(deferred.front());
            deferred.pop_front();
            done(json::object());
        }
    }

    ToolInfo toolInfo() const override { return {"3.0.0", "0.1.0", "wxfuzz", ""}; }
    bool runtimeLoaded() const override { return loaded; }
    void callRuntime(const std::string &method, const json &params, ResultCallback done) override
    {
        // Echo the params back, as a runtime might, or a non-object now and then.
        if (method.size() % 7 == 0)
            answer(std::move(done), json(params.size()));
        else
            answer(std::move(done), json{{"echo", params}});
    }
    bool hostAnswers(const std::string &api) const override { return api.size() % 2 == 0; }
    void callHostApi(const std::string &api, const json &options, ResultCallback done) override
    {
        answer(std::move(done), json{{"result", {{"errMsg", api + ":ok"}, {"options", options}}}});
    }
    void mockWxMethod(const WxMock &mock, ResultCallback done) override
    {
        if (auto rule = mockRuleFor(mock); !rule && !mock.needsRuntime())
            answer(std::move(done), Error{rule.error().message, {}});
        else
            answer(std::move(done), json::object());
    }
    void restoreWxMethod(const std::string &, ResultCallback done) override
    {
        answer(std::move(done), json::object());
    }
    void captureScreenshot(ResultCallback done) override
    {
        answer(std::move(done), json{{"data", "iVBORw0KGgo="}});
    }
    void requestExit(ExitReason) override {}
    void answerNative(NativeAnswer answer, ResultCallback done) override
    {
        if (answer == NativeAnswer::CancelModal)
            this->answer(std::move(done), Error{"no modal is open", {}});
        else
            this->answer(std::move(done), json::object());
    }
    Result<void> answerSoter(const SoterAnswer &) override { return {}; }
    Result<void> answerSubscription(const SubscriptionAnswer &) override
    {
        return Error{"no subscription sheet is open", {}};
    }
    Result<void> answerSettings(const SettingsAnswer &) override { return {}; }
    json openPrompt() const override { return {{"kind", nullptr}, {"queued", 0}}; }
    Result<std::string> loadScenarioFile(const std::string &reference) override
    {
        return reference;
    }
    Result<std::string> loadScenario(const Scenario &scenario) override { return scenario.name; }
    HostProfile hostProfile() const override { return {}; }
    Result<void> setHostProfile(const HostProfile &) override { return {}; }
    std::int64_t advanceClock(std::int64_t ms) override { return ms; }
    Result<void> clearAuthorization(const std::string &) override { return {}; }
    Result<void> expireSession(const std::string &) override { return {}; }
};

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    FuzzTarget target;
    target.loaded = (data[0] & 1) != 0;
    target.defer = (data[0] & 2) != 0;
    std::string_view input(reinterpret_cast<const char *>(data) + 1, size - 1);

    // The parser alone: any text, no exception.
    const RequestParse parse = parseRequest(input);
    check(parse.ok() || !parse.error.empty());

    AutomationHub hub(target);
    std::vector<AutomationHub::ClientId> clients;
    std::size_t framesOut = 0;
    const auto addClient = [&] {
        clients.push_back(hub.addClient([&](const std::string &frame) {
            ++framesOut;
            // Whatever went in, what comes out is JSON with an id or a method.
            const json out = json::parse(frame);
            check(out.is_object() && (out.contains("id") || out.contains("method")));
        }));
    };
    for (int i = 0; i < 3; ++i)
        addClient();

    std::size_t index = 0;
    while (!input.empty()) {
        const std::size_t newline = input.find('\n');
        const std::string_view frame = input.substr(0, newline);
        input.remove_prefix(newline == std::string_view::npos ? input.size() : newline + 1);
        const AutomationHub::ClientId client = clients[index++ % clients.size()];
        if (frame.starts_with("!drop")) {
            hub.removeClient(client);
            addClient();
        } else if (frame.starts_with("!answer")) {
            target.drain();
        } else if (frame.starts_with("!log")) {
            hub.logAdded("log", json::array({std::string(frame)}));
        } else if (frame.starts_with("!bind")) {
            hub.bindingCalled(std::string(frame.substr(5)), json::array({1}));
        } else if (frame.starts_with("!call")) {
            hub.callSettled({{"api", std::string(frame.substr(5))}});
        } else if (frame.starts_with("!ready")) {
            target.loaded = true;
            hub.runtimeReady();
        } else {
            const std::size_t before = framesOut;
            hub.receive(client, frame);
            // One request, one reply at most (now or later), never more.
            check(framesOut - before <= 1);
        }
    }
    target.drain();
    return 0;
}
