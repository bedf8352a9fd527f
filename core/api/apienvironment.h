#pragma once

#include "host/clock.h"
#include "host/hostprofile.h"
#include "host/hostprompts.h"
#include "host/hoststatestore.h"

#include <memory>
#include <string>
#include <utility>

namespace mpsim::core {

// Which open-API implementation answers login and checkSession.
enum class ApiVersion {
    V1, // the host app answers (the host profile decides)
    V2  // the SaaS built-in implementation: mpsim issues codes and exchanges them
};

// What an API handler may use: the host profile, the host state of the
// calling appid, the clock and the host's popups. Owned by ApiCore.
class ApiEnvironment
{
public:
    ApiEnvironment(HostStateStore &store, Clock &clock)
        : m_store(store)
        , m_clock(clock)
    {}

    HostProfile profile;
    HostPrompts *prompts = nullptr; // null: nothing can ask the user
    ApiVersion apiVersion = ApiVersion::V2;

    HostState &state(const std::string &appid) { return m_store.state(appid); }
    void stateChanged(const std::string &appid) { m_store.markChanged(appid); }
    HostStateStore &store() { return m_store; }
    const Clock &clock() const { return m_clock; }
    std::int64_t nowMs() const { return m_clock.nowMs(); }

    // Wraps a prompt's answer callback so that it does nothing once the core
    // is gone (a popup answered while the app shuts down).
    template<typename Function>
    auto guarded(Function function)
    {
        return [alive = std::weak_ptr<int>(m_alive), this,
                function = std::move(function)](auto &&...args) mutable {
            if (alive.expired())
                return;
            function(*this, std::forward<decltype(args)>(args)...);
        };
    }

private:
    HostStateStore &m_store;
    Clock &m_clock;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
};

} // namespace mpsim::core
