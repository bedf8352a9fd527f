#pragma once

#include "api/apicore.h"
#include "host/clock.h"
#include "host/hoststatestore.h"

#include <QObject>
#include <QString>

#include <chrono>

class QTimer;

namespace mpsim::app {

class NetworkHttpClient;
struct DevicePreset;

// The open-API core and what it stands on, owned by the app: the system
// clock, the host state store under the user's data folder (flushed a moment
// after each change and at exit), the network wx.request uses, and the
// device the system-information APIs report.
//
// What the app must wire (outside this class):
//   - setDevice(preset) at start and whenever the simulator's preset changes;
//   - setSdkVersion(project.config.json's libVersion) when a project opens;
//   - snapshotChanged -> WxBridge::pushSnapshot, so the page's copy of the
//     storage and the system information stays current.
class HostServices final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostServices)

public:
    // `stateFolder` empty: the XDG data folder (~/.local/share/mpsim/hoststate).
    explicit HostServices(const QString &stateFolder = {}, QObject *parent = nullptr);
    ~HostServices() override;

    core::ApiCore &core() { return m_core; }
    core::SystemClock &clock() { return m_clock; }
    QString stateFolder() const;

    // Host actions of the Host state dock and automation; each emits hostStateChanged.
    void clearAuthorization(const QString &appid);
    void expireSession(const QString &appid);
    void advanceClock(std::chrono::milliseconds by);
    // Empties `appid`'s storage ("clear data storage"); also emits snapshotChanged.
    void clearStorage(const QString &appid);

    // The phone the system-information APIs describe (wx.getSystemInfoSync
    // ...). The page's navigation bar is taken as shown unless
    // `navigationBarShown` is false (navigationStyle "custom"). Emits
    // snapshotChanged.
    void setDevice(const DevicePreset &device, bool navigationBarShown = true);
    // SDKVersion: project.config.json's libVersion ("" = the default 3.0.0).
    // Emits snapshotChanged.
    void setSdkVersion(const QString &version);
    // The core's view of a preset.
    static core::DeviceInfo deviceInfo(const DevicePreset &device, bool navigationBarShown = true);

    NetworkHttpClient *httpClient() const { return m_http; }

    // snapshotChanged is emitted at most once per this many milliseconds: a
    // page writing storage in a loop gets one snapshot per burst, not one per
    // write (its own copy is already up to date; see wx-facade.js).
    static constexpr int SnapshotThrottleMs = 20;

signals:
    // A problem the user should see (a corrupt state file, a failed save).
    void problemReported(const QString &message);
    // A wx call settled (the call log listens); host state may have changed.
    void callSettled(const mpsim::core::CallRecord &record);
    // Host state was changed from outside a call (a dock's button, the clock).
    void hostStateChanged();
    // Something the page's sync snapshot holds changed (storage written by a
    // call or cleared, the device, the SDK version): the bridge should push
    // a new snapshot. Throttled (SnapshotThrottleMs).
    void snapshotChanged();

private:
    void scheduleSnapshotChanged();

    core::SystemClock m_clock;
    core::HostStateStore m_store;
    core::ApiCore m_core;
    QTimer *m_flushTimer;
    QTimer *m_snapshotTimer;
    NetworkHttpClient *m_http;
};

} // namespace mpsim::app
