#pragma once

#include "api/apicore.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace mpsim::app {

// The one object the page sees through QWebChannel (as `mpsimBridge`). Its
// surface is allow-listed: call(), snapshot(), functionAnswered() and
// recordMockedCall(), the
// replied, snapshotChanged and functionRequested signals; nothing else is
// invokable from the page.
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

    // Mock rules' functions run in this bridge's page (or the Worker that
    // made the call) while it lives: see functionRequested.
    explicit WxBridge(core::ApiCore &core, QObject *parent = nullptr);
    ~WxBridge() override;

    // How long a mock function may take before its call fails.
    static constexpr int functionTimeoutMs = 30000;

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
    // The outcome of functionRequested(id): the function's value as JSON
    // (ok), or the error it threw / why it did not run (!ok, as text).
    Q_INVOKABLE void functionAnswered(int id, bool ok, const QString &valueOrError);
    // A call the logic layer (from `port`) answered with a mock of its own:
    // {"api", "args", "ok", "result" (object), "rule", "durationMs"}. It goes
    // to the call log; anything malformed is dropped with a warning.
    Q_INVOKABLE void recordMockedCall(int port, const QString &recordJson);

signals:
    // The reply to call(): `resultJson` is the success or fail object.
    void replied(int port, int id, bool ok, const QString &resultJson);
    void snapshotChanged(const QString &snapshotJson);
    // A mock rule's function must answer a call made from `port`: evaluate
    // `source` (a function expression) there, call it with the call's
    // options, await its value and hand it to functionAnswered(id).
    void functionRequested(int port, int id, const QString &source, const QString &api,
                           const QString &optionsJson);

private:
    core::CallContext context(bool gesture, int port = 0) const;
    void runFunction(const core::MockFunctionRun &run,
                     std::function<void(core::MockFunctionOutcome)> done);

    core::ApiCore &m_core;
    QString m_appid;
    QString m_page;
    QHash<int, std::function<void(core::MockFunctionOutcome)>> m_pendingFunctions;
    int m_lastFunctionId = 0;
};

} // namespace mpsim::app
