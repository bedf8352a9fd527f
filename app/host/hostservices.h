#pragma once

#include "api/apicore.h"
#include "host/clock.h"
#include "host/hoststatestore.h"

#include <QObject>
#include <QString>

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

signals:
    // A problem the user should see (a corrupt state file, a failed save).
    void problemReported(const QString &message);

private:
    core::SystemClock m_clock;
    core::HostStateStore m_store;
    core::ApiCore m_core;
    QTimer *m_flushTimer;
};

} // namespace mpsim::app
