#include "automation/automationserver.h"

#include "automation/automationframe.h"

#include <QHostAddress>
#include <QPointer>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketCorsAuthenticator>
#include <QWebSocketServer>

#include <utility>

using namespace Qt::StringLiterals;

namespace mpsim::app {

AutomationServer::AutomationServer(core::automation::AutomationHub &hub, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_server(new QWebSocketServer(u"mpsim"_s, QWebSocketServer::NonSecureMode, this))
{
    // Browsers always send an Origin; node's ws and other scripts do not.
    // Refusing every Origin keeps a web page from driving the simulator.
    connect(m_server, &QWebSocketServer::originAuthenticationRequired, this,
            [](QWebSocketCorsAuthenticator *authenticator) {
                authenticator->setAllowed(authenticator->origin().isEmpty());
            });
    connect(m_server, &QWebSocketServer::newConnection, this, &AutomationServer::acceptConnections);
}

AutomationServer::~AutomationServer()
{
    // No reply may reach a socket being destroyed: forget the clients first.
    const auto sockets = m_clients.keys();
    for (QWebSocket *socket : sockets) {
        m_hub.removeClient(m_clients.value(socket));
        socket->disconnect(this);
        socket->abort();
    }
    m_clients.clear();
}

bool AutomationServer::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

quint16 AutomationServer::port() const
{
    return m_server->serverPort();
}

QUrl AutomationServer::url() const
{
    return QUrl(u"ws://127.0.0.1:%1"_s.arg(port()));
}

QString AutomationServer::errorString() const
{
    return m_server->errorString();
}

void AutomationServer::acceptConnections()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        if (m_closing) {
            socket->close(QWebSocketProtocol::CloseCodeGoingAway, u"mpsim is shutting down"_s);
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        // Slightly above the hub's own limit, so the hub's clearer error wins at the edge.
        socket->setMaxAllowedIncomingMessageSize(core::automation::maxFrameBytes + 1024);
        QPointer<QWebSocket> guarded(socket);
        const auto id = m_hub.addClient([this, guarded](const std::string &frame) {
            if (!guarded || guarded->state() != QAbstractSocket::ConnectedState)
                return;
            if (guarded->bytesToWrite() > MaxPendingBytes) {
                // A client that does not read would make mpsim buffer without end.
                guarded->abort();
                return;
            }
            guarded->sendTextMessage(QString::fromStdString(frame));
        });
        m_clients.insert(socket, id);
        connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) {
            const auto it = m_clients.constFind(socket);
            if (it != m_clients.cend())
                m_hub.receive(it.value(), text.toStdString());
        });
        connect(socket, &QWebSocket::binaryMessageReceived, socket, [socket] {
            socket->close(QWebSocketProtocol::CloseCodeDatatypeNotSupported,
                          u"mpsim speaks JSON text frames"_s);
        });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] { dropClient(socket); });
        emit clientConnected();
    }
}

void AutomationServer::dropClient(QWebSocket *socket)
{
    const auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    m_hub.removeClient(it.value());
    m_clients.erase(it);
    socket->deleteLater();
    emit clientDisconnected();
    checkShutDownDone();
}

void AutomationServer::shutDown(int graceMs, std::function<void()> done)
{
    if (!m_shutDownDone)
        m_shutDownDone = std::move(done);
    m_server->close();
    if (m_closing)
        return; // already closing the clients: done comes soon
    if (graceMs > 0 && !m_clients.isEmpty()) {
        if (!m_graceTimer) {
            m_graceTimer = new QTimer(this);
            m_graceTimer->setSingleShot(true);
            connect(m_graceTimer, &QTimer::timeout, this, &AutomationServer::closeAll);
            m_graceTimer->start(graceMs);
        }
        return;
    }
    closeAll();
}

void AutomationServer::closeAll()
{
    if (m_closing)
        return;
    m_closing = true;
    if (m_graceTimer)
        m_graceTimer->stop();
    const auto sockets = m_clients.keys();
    for (QWebSocket *socket : sockets)
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, u"mpsim is shutting down"_s);
    // Clients that do not answer the close are not waited for long.
    QTimer::singleShot(CloseWaitMs, this, [this] {
        const auto left = m_clients.keys();
        for (QWebSocket *socket : left) {
            socket->abort();
            dropClient(socket);
        }
        checkShutDownDone();
    });
    checkShutDownDone();
}

void AutomationServer::checkShutDownDone()
{
    if (!m_shutDownDone || !m_clients.isEmpty())
        return;
    // Every client is gone (maybe during the grace period): nothing to wait for.
    m_closing = true;
    if (m_graceTimer)
        m_graceTimer->stop();
    const auto done = std::exchange(m_shutDownDone, nullptr);
    done();
}

} // namespace mpsim::app
