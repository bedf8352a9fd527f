#pragma once

#include "host/clock.h"
#include "host/deviceinfo.h"
#include "host/hostprofile.h"
#include "host/hostprompts.h"
#include "host/hoststatestore.h"
#include "host/httpclient.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace mpsim::core {

// Which open-API implementation answers login and checkSession.
enum class ApiVersion {
    V1, // the host app answers (the host profile decides)
    V2  // the SaaS built-in implementation: mpsim issues codes and exchanges them
};

// The toast or loading on screen, as core tracks it (hideToast fails when
// there is none). A toast is gone once its duration has passed.
struct ToastState
{
    ToastPrompt::Kind kind = ToastPrompt::Kind::Toast;
    std::int64_t shownAtMs = 0;
    std::int64_t durationMs = 0; // 0: until hidden (a loading)
};

// What an API handler may use: the host profile, the host state of the
// calling appid, the clock, the host's popups, the device shown and the
// network. Owned by ApiCore.
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
    DeviceInfo device;
    std::string sdkVersion = "3.0.0"; // the base library version the project targets
    HttpClient *http = nullptr;       // null: wx.request fails
    std::optional<ToastState> toast;
    // Told when something the page's sync snapshot holds changed (storage).
    std::function<void(const std::string &appid)> snapshotObserver;

    HostState &state(const std::string &appid) { return m_store.state(appid); }
    void stateChanged(const std::string &appid) { m_store.markChanged(appid); }
    // The state changed in a way the page's snapshot shows: persist it and
    // tell the observer, so the page's copy can be refreshed.
    void snapshotChanged(const std::string &appid)
    {
        m_store.markChanged(appid);
        if (snapshotObserver)
            snapshotObserver(appid);
    }
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
