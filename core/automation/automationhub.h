#pragma once

#include "automation/automationtarget.h"
#include "automation/calllogbuffer.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mpsim::core::automation {

// The automation protocol without the socket: text frames in from any number
// of clients, reply and event frames out through each client's SendFrame.
// Requests are validated here (frame shape, method name, params types) and
// dispatched to an AutomationTarget; every request gets exactly one reply,
// an error reply naming the problem when it cannot be served ("Page.getData:
// params.pageId must be an integer, not a string", "App.getPageStack: the
// mini-program runtime is not loaded").
//
// Per client: its log switch (App.enableLog), call-log switch
// (Mpsim.enableCallLog), bindings (App.addBinding) and in-flight requests.
// A reply that arrives after its client was removed, or after the hub is
// gone, is dropped. Not thread-safe: use it from one thread.
class AutomationHub
{
public:
    using ClientId = std::uint64_t;
    // Hands one frame (JSON text) to a client. It may remove the client
    // (a dead socket); the hub then sends it nothing more.
    using SendFrame = std::function<void(const std::string &frame)>;

    // Requests beyond this many unanswered ones of one client get an error reply.
    static constexpr std::size_t maxInFlightPerClient = 1024;

    explicit AutomationHub(AutomationTarget &target);
    ~AutomationHub();
    AutomationHub(const AutomationHub &) = delete;
    AutomationHub &operator=(const AutomationHub &) = delete;

    // A new client; ids are never reused.
    ClientId addClient(SendFrame send);
    // Forgets a client (it disconnected): its pending replies are dropped.
    void removeClient(ClientId client);
    bool hasClient(ClientId client) const;
    std::size_t clientCount() const;

    // Handles one text frame of `client`. Replies now or later through its
    // SendFrame; never throws. Frames of an unknown client are ignored.
    void receive(ClientId client, std::string_view text);

    // --- Events (server -> client)
    // Console output: App.logAdded {type, args} to clients that sent App.enableLog.
    // `type` is "log", "info", "warn", "error" or "debug"; `args` an array.
    void logAdded(std::string_view type, nlohmann::json args);
    // An uncaught error in the mini-program: App.exceptionThrown to every client.
    void exceptionThrown(nlohmann::json params);
    // Page code called a binding: App.bindingCalled {name, args} to the
    // clients that added a binding of that name.
    void bindingCalled(const std::string &name, nlohmann::json args);
    // A wx call settled: kept for Mpsim.getCallLog, and Mpsim.callSettled
    // {seq, ...call} to clients that sent Mpsim.enableCallLog.
    void callSettled(nlohmann::json call);
    // The runtime's agent (re)loaded: every binding clients added is installed again.
    void runtimeReady();

    // The binding names of every client, sorted, without duplicates.
    std::vector<std::string> bindingNames() const;
    const CallLogBuffer &callLog() const;

    struct State;

private:
    std::shared_ptr<State> m_state;
};

} // namespace mpsim::core::automation
