#pragma once

#include "automation/automationhub.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace mpsim::app {

// The automation endpoint: a WebSocket server on 127.0.0.1 (never another
// interface) speaking the miniprogram-automator protocol through `hub`, one
// hub client per connection.
//
// Text frames go to the hub; a binary frame, a frame over the size limit or a
// connection from a web page (any Origin header: a browser tab must not
// drive the simulator) is closed cleanly. A client that disconnects with
// requests in flight loses their replies, nothing else. A client that stops
// reading until more than MaxPendingBytes wait for it is disconnected.
class AutomationServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutomationServer)

public:
    static constexpr qint64 MaxPendingBytes = 256 * 1024 * 1024;
    // How long shutDown() waits for clients to acknowledge the close.
    static constexpr int CloseWaitMs = 1000;

    // `hub` must outlive the server.
    explicit AutomationServer(core::automation::AutomationHub &hub, QObject *parent = nullptr);
    ~AutomationServer() override;

    // Listens on 127.0.0.1:`port` (0: any free port). False with errorString() on failure.
    bool listen(quint16 port);
    quint16 port() const;
    // "ws://127.0.0.1:<port>"
    QUrl url() const;
    QString errorString() const;
    int clientCount() const { return int(m_clients.size()); }

    // Stops taking connections, waits up to `graceMs` for the clients to leave
    // by themselves (the npm client's close() sends Tool.close after App.exit),
    // closes the rest (going away) and runs `done` once they are gone or
    // CloseWaitMs later. A second call shortens the wait; `done` runs once.
    void shutDown(int graceMs, std::function<void()> done);

signals:
    void clientConnected();
    void clientDisconnected();

private:
    void acceptConnections();
    void dropClient(QWebSocket *socket);
    void closeAll();
    void checkShutDownDone();

    core::automation::AutomationHub &m_hub;
    QWebSocketServer *m_server;
    QHash<QWebSocket *, core::automation::AutomationHub::ClientId> m_clients;
    std::function<void()> m_shutDownDone;
    QTimer *m_graceTimer = nullptr;
    bool m_closing = false;
};

} // namespace mpsim::app
