#pragma once

#include "api/apicore.h"
#include "host/clock.h"
#include "host/hoststatestore.h"

#include <QObject>
#include <QString>

#include <chrono>

class QTimer;

namespace mpsim::app {

// The open-API core and what it stands on, owned by the app: the system
// clock, and the host state store under the user's data folder, flushed a
// moment after each change and at exit.
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

signals:
    // A problem the user should see (a corrupt state file, a failed save).
    void problemReported(const QString &message);
    // A wx call settled (the call log listens); host state may have changed.
    void callSettled(const mpsim::core::CallRecord &record);
    // Host state was changed from outside a call (a dock's button, the clock).
    void hostStateChanged();

private:
    core::SystemClock m_clock;
    core::HostStateStore m_store;
    core::ApiCore m_core;
    QTimer *m_flushTimer;
};

} // namespace mpsim::app
