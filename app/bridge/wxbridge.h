#pragma once

#include "api/apicore.h"

#include <QObject>
#include <QString>

namespace mpsim::app {

// The one object the page sees through QWebChannel (as `mpsimBridge`). Its
// surface is allow-listed: call() and snapshot(), the replied and
// snapshotChanged signals; nothing else is invokable from the page.
//
// A call arrives typed: the facade's {id, api, args, gesture} plus the port
// (0 = the page's facade, n = the n-th Web Worker's, relayed by the page).
// Arguments travel as JSON text so the core sees exactly what the page sent;
// text that is not JSON, too large, or a wrong id gets an error reply.
class WxBridge final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WxBridge)

public:
    static constexpr qsizetype maxArgsBytes = 4 * 1024 * 1024;

    explicit WxBridge(core::ApiCore &core, QObject *parent = nullptr);

    // The mini-program whose calls these are, and the page shown.
    void setAppid(const QString &appid);
    void setPage(const QString &page);

    // Everything the page-side runtime needs at document creation:
    // {"snapshot": ..., "apis": [...], "syncApis": [...], "capabilities": [...]}.
    QString bootstrapJson() const;
    // Sends the current snapshot to the page (after the host profile changed).
    void pushSnapshot();

    Q_INVOKABLE void call(int port, int id, const QString &api, const QString &argsJson,
                          const QString &gesture);
    Q_INVOKABLE QString snapshot() const;

signals:
    // The reply to call(): `resultJson` is the success or fail object.
    void replied(int port, int id, bool ok, const QString &resultJson);
    void snapshotChanged(const QString &snapshotJson);

private:
    core::CallContext context(bool gesture) const;

    core::ApiCore &m_core;
    QString m_appid;
    QString m_page;
};

} // namespace mpsim::app
