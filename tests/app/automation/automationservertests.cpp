// The automation endpoint's WebSocket transport (app/automation/automationserver.h)
// with real sockets: 127.0.0.1 only, frames both ways, garbage, binary frames,
// web pages, clients that leave mid-call, many clients, shutdown.

#include "automationtestsupport.h"
#include "catchqt.h"
#include "testapplication.h"

#include "../../core/automation/fakeautomationtarget.h"

#include "automation/automationserver.h"

#include <QSignalSpy>
#include <QWebSocket>

#include <catch2/catch.hpp>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace mpsim;
using namespace mpsim::test;
using core::automation::AutomationHub;
using core::automation::test::FakeAutomationTarget;
using json = nlohmann::json;

namespace {

// A WebSocket client that keeps what it receives.
struct TestSocket
{
    std::unique_ptr<QWebSocket> socket;
    std::vector<json> frames;
    bool closed = false;
    QWebSocketProtocol::CloseCode closeCode = QWebSocketProtocol::CloseCodeNormal;

    explicit TestSocket(const QString &origin = {})
        : socket(std::make_unique<QWebSocket>(origin))
    {
        QObject::connect(socket.get(), &QWebSocket::textMessageReceived, socket.get(),
                         [this](const QString &text) { frames.push_back(json::parse(text.toStdString())); });
        QObject::connect(socket.get(), &QWebSocket::disconnected, socket.get(), [this] {
            closed = true;
            closeCode = socket->closeCode();
        });
        // A refused connection may end with an error and no disconnect.
        QObject::connect(socket.get(), qOverload<QAbstractSocket::SocketError>(&QWebSocket::error),
                         socket.get(), [this] { failed = true; });
    }

    bool failed = false;

    bool open(const QUrl &url)
    {
        socket->open(url);
        waitUntil([&] {
            return socket->state() == QAbstractSocket::ConnectedState || closed || failed;
        }, 5000);
        return socket->state() == QAbstractSocket::ConnectedState;
    }

    void send(const json &frame) { socket->sendTextMessage(QString::fromStdString(frame.dump())); }

    // The reply with `id`, waited for.
    json reply(const json &id, int timeoutMs = 5000)
    {
        json found;
        waitUntil([&] {
            for (const auto &frame : frames) {
                if (frame.contains("id") && frame["id"] == id) {
                    found = frame;
                    return true;
                }
            }
            return false;
        }, timeoutMs);
        return found;
    }
};

struct Endpoint
{
    FakeAutomationTarget target;
    AutomationHub hub{target};
    app::AutomationServer server{hub};

    Endpoint()
    {
        testApplication();
        REQUIRE(server.listen(0));
    }
};

} // namespace

TEST_CASE("automation server: listens on 127.0.0.1 only, on a free port when given 0", "[automation]")
{
    Endpoint endpoint;
    CHECK(endpoint.server.port() > 0);
    CHECK(endpoint.server.url().toString() == u"ws://127.0.0.1:%1"_s.arg(endpoint.server.port()));
    // A second server on the same port cannot listen, and says why.
    app::AutomationServer other(endpoint.hub);
    CHECK_FALSE(other.listen(endpoint.server.port()));
    CHECK_FALSE(other.errorString().isEmpty());
}

TEST_CASE("automation server: a request over a socket gets its reply", "[automation]")
{
    Endpoint endpoint;
    TestSocket client;
    REQUIRE(client.open(endpoint.server.url()));
    client.send({{"id", "x1"}, {"method", "Tool.getInfo"}, {"params", json::object()}});
    const json reply = client.reply("x1");
    CHECK(reply["result"]["SDKVersion"] == "2.30.0");
    CHECK(endpoint.server.clientCount() == 1);
}

TEST_CASE("automation server: garbage gets an error reply and the connection stays", "[automation]")
{
    Endpoint endpoint;
    TestSocket client;
    REQUIRE(client.open(endpoint.server.url()));
    client.socket->sendTextMessage(u"{this is not json"_s);
    REQUIRE(waitUntil([&] { return !client.frames.empty(); }));
    CHECK(client.frames[0]["id"].is_null());
    CHECK(client.frames[0]["error"]["message"].get<std::string>().starts_with("the frame is not JSON"));
    client.send({{"id", 2}, {"method", "No.such"}});
    CHECK(client.reply(2)["error"]["message"] == "unknown method 'No.such'");
    client.send({{"id", 3}, {"method", "Tool.getInfo"}});
    CHECK(client.reply(3).contains("result"));
    CHECK_FALSE(client.closed);
}

TEST_CASE("automation server: a binary frame closes the connection cleanly", "[automation]")
{
    Endpoint endpoint;
    TestSocket client;
    REQUIRE(client.open(endpoint.server.url()));
    client.socket->sendBinaryMessage(QByteArray("\x00\x01\x02", 3));
    REQUIRE(waitUntil([&] { return client.closed; }));
    CHECK(client.closeCode == QWebSocketProtocol::CloseCodeDatatypeNotSupported);
    REQUIRE(waitUntil([&] { return endpoint.server.clientCount() == 0; }));
    CHECK(endpoint.hub.clientCount() == 0);
}

TEST_CASE("automation server: a connection from a web page (with an Origin) is refused", "[automation]")
{
    Endpoint endpoint;
    TestSocket browser(u"http://evil.example"_s);
    CHECK_FALSE(browser.open(endpoint.server.url()));
    CHECK(endpoint.hub.clientCount() == 0);
}

TEST_CASE("automation server: a client that leaves mid-call costs nothing", "[automation]")
{
    Endpoint endpoint;
    endpoint.target.loaded = true; // runtime calls wait until the test answers
    {
        TestSocket client;
        REQUIRE(client.open(endpoint.server.url()));
        client.send({{"id", "slow"}, {"method", "App.getPageStack"}});
        REQUIRE(waitUntil([&] { return !endpoint.target.runtimeCalls.empty(); }));
        client.socket->abort();
    }
    REQUIRE(waitUntil([&] { return endpoint.hub.clientCount() == 0; }));
    endpoint.target.runtimeCalls[0].done(json{{"pageStack", json::array()}});
    // The server still serves others.
    TestSocket next;
    REQUIRE(next.open(endpoint.server.url()));
    next.send({{"id", 1}, {"method", "Tool.getInfo"}});
    CHECK(next.reply(1).contains("result"));
}

TEST_CASE("automation server: several clients at once each get their own replies", "[automation]")
{
    Endpoint endpoint;
    constexpr int clients = 10;
    constexpr int requests = 20;
    std::vector<std::unique_ptr<TestSocket>> sockets;
    for (int c = 0; c < clients; ++c) {
        sockets.push_back(std::make_unique<TestSocket>());
        REQUIRE(sockets.back()->open(endpoint.server.url()));
    }
    for (int r = 0; r < requests; ++r) {
        for (int c = 0; c < clients; ++c)
            sockets[c]->send({{"id", c * 1000 + r}, {"method", "Tool.getInfo"}});
    }
    REQUIRE(waitUntil([&] {
        for (const auto &socket : sockets) {
            if (socket->frames.size() < std::size_t(requests))
                return false;
        }
        return true;
    }));
    for (int c = 0; c < clients; ++c) {
        CAPTURE(c);
        REQUIRE(sockets[c]->frames.size() == std::size_t(requests));
        for (int r = 0; r < requests; ++r)
            CHECK(sockets[c]->frames[r]["id"] == c * 1000 + r);
    }
}

TEST_CASE("automation server: events reach the clients that asked for them", "[automation]")
{
    Endpoint endpoint;
    TestSocket listener;
    TestSocket quiet;
    REQUIRE(listener.open(endpoint.server.url()));
    REQUIRE(quiet.open(endpoint.server.url()));
    listener.send({{"id", 1}, {"method", "App.enableLog"}});
    REQUIRE(listener.reply(1).contains("result"));
    endpoint.hub.logAdded("log", {"hello"});
    REQUIRE(waitUntil([&] { return listener.frames.size() == 2; }));
    CHECK(listener.frames[1] == json{{"method", "App.logAdded"}, {"params", {{"type", "log"}, {"args", {"hello"}}}}});
    spin(50);
    CHECK(quiet.frames.empty());
}

TEST_CASE("automation server: shutDown waits for clients to leave, then closes the rest", "[automation]")
{
    Endpoint endpoint;
    TestSocket stays;
    TestSocket leaves;
    REQUIRE(stays.open(endpoint.server.url()));
    REQUIRE(leaves.open(endpoint.server.url()));
    bool done = false;
    endpoint.server.shutDown(300, [&] { done = true; });
    leaves.socket->close();
    spin(100);
    CHECK_FALSE(done); // one client is still there, within the grace period
    REQUIRE(waitUntil([&] { return done; }, 5000));
    CHECK(stays.closed);
    CHECK(stays.closeCode == QWebSocketProtocol::CloseCodeGoingAway);
    // No new connection is taken any more.
    TestSocket late;
    CHECK_FALSE(late.open(endpoint.server.url()));
}

TEST_CASE("automation server: shutDown with no client is done at once", "[automation]")
{
    Endpoint endpoint;
    bool done = false;
    endpoint.server.shutDown(1500, [&] { done = true; });
    CHECK(done);
}
