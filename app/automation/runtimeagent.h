#pragma once

#include "automation/automationtarget.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <string>

class QWebEnginePage;

namespace mpsim::app {

// The host side of the automation agent the mini-program runtime runs in the
// simulator's page (docs/AUTOMATION-AGENT.md). Registered on the page's
// QWebChannel as `mpsimAutomation`; its surface for the page is allow-listed:
// the `requested` signal and the ready/reply/fail/emitEvent methods.
//
// A request goes out as requested(id, method, paramsJson); the agent answers
// each id once with reply(id, resultJson) or fail(id, message). Requests are
// sent only after the agent said ready(); a request that gets no answer in
// its time, or whose page reloads first, fails with a message saying so.
class RuntimeAgent final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuntimeAgent)

public:
    // The agent protocol this host speaks (ready()'s "version").
    static constexpr int ProtocolVersion = 1;
    // Answers larger than this are refused (a runaway getData).
    static constexpr qsizetype MaxAnswerBytes = 64 * 1024 * 1024;

    explicit RuntimeAgent(QObject *parent = nullptr);
    ~RuntimeAgent() override;

    // Follows `page`: a load that starts there forgets the agent (the new
    // document must say ready() again) and fails the requests in flight.
    void attach(QWebEnginePage *page);

    bool isReady() const { return m_ready; }
    // The agent sends App.logAdded itself (ready's "logs": true), so the
    // host's console messages are not to be forwarded too.
    bool sendsLogs() const { return m_ready && m_sendsLogs; }

    // Sends `method` with `params` to the agent; `done` runs exactly once,
    // with the agent's result object or an error. Fails at once when the
    // agent is not ready.
    void request(const std::string &method, const nlohmann::json &params, int timeoutMs,
                 core::automation::ResultCallback done);
    int pendingCount() const { return int(m_pending.size()); }

    // Forgets the agent and fails every request in flight with `reason`.
    void reset(const QString &reason);

    // Called for the agent's ready(), after the state changed.
    void setReadyHandler(std::function<void()> handler) { m_readyHandler = std::move(handler); }
    // Called for each event the agent emits (App.logAdded, App.exceptionThrown,
    // App.bindingCalled), with its params object.
    void setEventHandler(std::function<void(const std::string &, const nlohmann::json &)> handler)
    {
        m_eventHandler = std::move(handler);
    }

    // --- What the page sees (through QWebChannel)

    // The agent is loaded: `infoJson` = {"version": 1, "logs": bool}.
    Q_INVOKABLE void ready(const QString &infoJson);
    // The answer to request `id`: a JSON object.
    Q_INVOKABLE void reply(int id, const QString &resultJson);
    // Request `id` failed; `message` says why (without the method name).
    Q_INVOKABLE void fail(int id, const QString &message);
    // An event for automation clients: App.logAdded {type, args},
    // App.exceptionThrown {message, stack?}, App.bindingCalled {name, args}.
    Q_INVOKABLE void emitEvent(const QString &method, const QString &paramsJson);

signals:
    // To the page: run `method` with `paramsJson` and answer `id`.
    void requested(int id, const QString &method, const QString &paramsJson);

private:
    struct Pending
    {
        std::string method;
        core::automation::ResultCallback done;
    };

    void finish(int id, core::automation::MethodResult outcome);

    bool m_ready = false;
    bool m_sendsLogs = false;
    int m_nextId = 1;
    std::map<int, Pending> m_pending;
    QPointer<QWebEnginePage> m_page;
    QMetaObject::Connection m_loadConnection;
    std::function<void()> m_readyHandler;
    std::function<void(const std::string &, const nlohmann::json &)> m_eventHandler;
};

} // namespace mpsim::app
