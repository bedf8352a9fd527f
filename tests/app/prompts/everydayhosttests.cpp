// The host side of the everyday APIs, kept next to the host UI tests:
// wx.request over real HTTP (NetworkHttpClient against a local QHttpServer),
// and HostServices' storage, device and snapshot plumbing.

#include "catchqt.h"
#include "testapplication.h"

#include "host/hostservices.h"
#include "host/networkhttpclient.h"
#include "simulator/devicepreset.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>

using namespace mpsim;
using namespace mpsim::test;
using namespace Qt::StringLiterals;
using nlohmann::json;

namespace {

const core::CallContext context{"wxeveryday", "pages/index/index", false};

// Runs the event loop until `done()` is true or `timeoutMs` passed.
bool spinUntil(const std::function<bool()> &done, int timeoutMs = 5000)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QTimer poll;
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    timeout.start(timeoutMs);
    poll.start(5);
    if (!done())
        loop.exec();
    return done();
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "OTHER";
    }
}

// A local backend: /json answers JSON with two cookies, /echo answers what
// it received, /missing is a 404, /bytes answers binary.
struct Backend
{
    QHttpServer server;
    quint16 port = 0;

    Backend()
    {
        testApplication();
        server.route(u"/json"_s, [] {
            QHttpServerResponse response(QByteArrayLiteral("application/json"),
                                         QByteArrayLiteral(R"({"items":[1,2],"name":"Lin"})"));
            response.addHeader("Set-Cookie", "session=abc; Path=/; HttpOnly");
            response.addHeader("Set-Cookie", "theme=dark");
            response.addHeader("X-Server", "mpsim-test");
            return response;
        });
        server.route(u"/echo"_s, [](const QHttpServerRequest &request) {
            json headers = json::object();
            for (const auto &[name, value] : request.headers())
                headers[name.toLower().toStdString()] = value.toStdString();
            const json body{{"method", methodName(request.method()).toStdString()},
                            {"query", request.url().query(QUrl::FullyEncoded).toStdString()},
                            {"body", request.body().toStdString()},
                            {"headers", headers}};
            return QHttpServerResponse(QByteArrayLiteral("application/json"),
                                       QByteArray::fromStdString(body.dump()));
        });
        server.route(u"/missing"_s, [] {
            return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("nope"),
                                       QHttpServerResponse::StatusCode::NotFound);
        });
        server.route(u"/bytes"_s, [] {
            return QHttpServerResponse(QByteArrayLiteral("application/octet-stream"),
                                       QByteArray("\x00\x01\xff{}", 5));
        });
        port = server.listen(QHostAddress::LocalHost);
        REQUIRE(port != 0);
    }

    std::string url(const QString &path) const
    {
        return u"http://127.0.0.1:%1%2"_s.arg(port).arg(path).toStdString();
    }
};

// Sends one request through the client and waits for its answer.
core::HttpResponse fetch(app::NetworkHttpClient &client, core::HttpRequest request)
{
    std::optional<core::HttpResponse> answer;
    int answers = 0;
    client.send(request, [&](core::HttpResponse response) {
        ++answers;
        answer = std::move(response);
    });
    REQUIRE(spinUntil([&] { return answer.has_value(); }, request.timeoutMs + 5000));
    CHECK(answers == 1);
    return *answer;
}

std::string header(const core::HttpResponse &response, const std::string &name)
{
    for (const auto &[key, value] : response.headers) {
        if (QString::fromStdString(key).compare(QString::fromStdString(name), Qt::CaseInsensitive) == 0)
            return value;
    }
    return "<none>";
}

// A HostServices on a temporary state folder, with the network on NoProxy.
struct Services
{
    QTemporaryDir folder;
    std::unique_ptr<app::HostServices> host;

    Services()
    {
        testApplication();
        open();
    }
    void open()
    {
        host = std::make_unique<app::HostServices>(folder.path());
        host->httpClient()->setProxy(QNetworkProxy::NoProxy);
    }
    // Calls `api` and waits (in the event loop) for its reply.
    core::ApiReply call(const std::string &api, const json &args = json::object())
    {
        std::optional<core::ApiReply> reply;
        host->core().invoke(api, args, context, [&](core::ApiReply r) { reply = std::move(r); });
        REQUIRE(spinUntil([&] { return reply.has_value(); }, 10000));
        return *reply;
    }
};

} // namespace

TEST_CASE("http client: a GET answers status, headers, both cookies and the body", "[request]")
{
    Backend backend;
    app::NetworkHttpClient client;
    client.setProxy(QNetworkProxy::NoProxy);
    core::HttpRequest request;
    request.url = backend.url(u"/json"_s);
    const core::HttpResponse response = fetch(client, request);
    CHECK(response.outcome == core::HttpResponse::Outcome::Completed);
    CHECK(response.statusCode == 200);
    CHECK(json::parse(response.body) == json{{"items", {1, 2}}, {"name", "Lin"}});
    CHECK(header(response, "x-server") == "mpsim-test");
    std::vector<std::string> cookies;
    for (const auto &[name, value] : response.headers) {
        if (QString::fromStdString(name).compare(u"set-cookie"_s, Qt::CaseInsensitive) == 0)
            cookies.push_back(value);
    }
    // QHttpServer does not keep the order it was given; the raw server below does.
    std::sort(cookies.begin(), cookies.end());
    CHECK(cookies == std::vector<std::string>{"session=abc; Path=/; HttpOnly", "theme=dark"});
    CHECK(client.pendingCount() == 0);
}

TEST_CASE("http client: repeated headers keep their order, one entry per Set-Cookie", "[request]")
{
    testApplication();
    QTcpServer raw;
    REQUIRE(raw.listen(QHostAddress::LocalHost));
    QObject::connect(&raw, &QTcpServer::newConnection, &raw, [&] {
        QTcpSocket *socket = raw.nextPendingConnection();
        auto received = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, received] {
            received->append(socket->readAll());
            if (!received->contains("\r\n\r\n"))
                return;
            socket->write("HTTP/1.1 201 Created\r\n"
                          "Content-Type: text/plain\r\n"
                          "Set-Cookie: first=1; Path=/\r\n"
                          "X-Server: raw\r\n"
                          "Set-Cookie: second=2\r\n"
                          "Content-Length: 2\r\n"
                          "Connection: close\r\n\r\n"
                          "ok");
            socket->disconnectFromHost();
        });
    });
    app::NetworkHttpClient client;
    client.setProxy(QNetworkProxy::NoProxy);
    core::HttpRequest request;
    request.url = u"http://127.0.0.1:%1/"_s.arg(raw.serverPort()).toStdString();
    const core::HttpResponse response = fetch(client, request);
    CHECK(response.statusCode == 201);
    CHECK(response.body == "ok");
    std::vector<std::string> cookies;
    for (const auto &[name, value] : response.headers) {
        if (name == "Set-Cookie")
            cookies.push_back(value);
    }
    CHECK(cookies == std::vector<std::string>{"first=1; Path=/", "second=2"});
    CHECK(header(response, "X-Server") == "raw");
}

TEST_CASE("http client: method, headers and body reach the server, no cookie is sent back",
          "[request]")
{
    Backend backend;
    app::NetworkHttpClient client;
    client.setProxy(QNetworkProxy::NoProxy);
    // A first call receives cookies; the client must not keep them.
    core::HttpRequest first;
    first.url = backend.url(u"/json"_s);
    fetch(client, first);

    core::HttpRequest request;
    request.url = backend.url(u"/echo?a=1"_s);
    request.method = "PUT";
    request.headers = {{"content-type", "application/json"}, {"X-Token", "t-1"}};
    request.body = R"({"n":1})";
    const json echo = json::parse(fetch(client, request).body);
    CHECK(echo.at("method") == "PUT");
    CHECK(echo.at("query") == "a=1");
    CHECK(echo.at("body") == R"({"n":1})");
    CHECK(echo.at("headers").at("x-token") == "t-1");
    CHECK(echo.at("headers").at("content-type") == "application/json");
    CHECK_FALSE(echo.at("headers").contains("cookie"));
}

TEST_CASE("http client: an HTTP error status is a completed response", "[request]")
{
    Backend backend;
    app::NetworkHttpClient client;
    client.setProxy(QNetworkProxy::NoProxy);
    core::HttpRequest request;
    request.url = backend.url(u"/missing"_s);
    const core::HttpResponse response = fetch(client, request);
    CHECK(response.outcome == core::HttpResponse::Outcome::Completed);
    CHECK(response.statusCode == 404);
    CHECK(response.body == "nope");
}

TEST_CASE("http client: a server that never answers times out, and the reply is aborted",
          "[request]")
{
    testApplication();
    QTcpServer silent;
    REQUIRE(silent.listen(QHostAddress::LocalHost));
    std::vector<QTcpSocket *> accepted;
    QObject::connect(&silent, &QTcpServer::newConnection, &silent, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            accepted.push_back(socket);
    });
    app::NetworkHttpClient client;
    client.setProxy(QNetworkProxy::NoProxy);
    core::HttpRequest request;
    request.url = u"http://127.0.0.1:%1/slow"_s.arg(silent.serverPort()).toStdString();
    request.timeoutMs = 300;
    QElapsedTimer elapsed;
    elapsed.start();
    const core::HttpResponse response = fetch(client, request);
    CHECK(response.outcome == core::HttpResponse::Outcome::Timeout);
    CHECK(elapsed.elapsed() >= 250);
    CHECK(client.pendingCount() == 0);
}

TEST_CASE("http client: a refused connection is a network error with Qt's words", "[request]")
{
    testApplication();
    quint16 port = 0;
    {
        QTcpServer closed;
        REQUIRE(closed.listen(QHostAddress::LocalHost));
        port = closed.serverPort();
    }
    app::NetworkHttpClient client;
    client.setProxy(QNetworkProxy::NoProxy);
    core::HttpRequest request;
    request.url = u"http://127.0.0.1:%1/"_s.arg(port).toStdString();
    const core::HttpResponse response = fetch(client, request);
    CHECK(response.outcome == core::HttpResponse::Outcome::NetworkError);
    CHECK_FALSE(response.errorText.empty());
    INFO(response.errorText);
    CHECK(QString::fromStdString(response.errorText).contains(u"refused"_s, Qt::CaseInsensitive));
}

TEST_CASE("http client: destroying it with a request in flight drops the answer", "[request]")
{
    testApplication();
    QTcpServer silent;
    REQUIRE(silent.listen(QHostAddress::LocalHost));
    int answers = 0;
    bool destroyed = false;
    {
        app::NetworkHttpClient client;
        client.setProxy(QNetworkProxy::NoProxy);
        core::HttpRequest request;
        request.url = u"http://127.0.0.1:%1/"_s.arg(silent.serverPort()).toStdString();
        // The callback's captured state goes when the client does.
        auto marker = std::shared_ptr<int>(new int(0), [&](int *p) {
            destroyed = true;
            delete p;
        });
        client.send(request, [&answers, marker](core::HttpResponse) { ++answers; });
        CHECK(client.pendingCount() == 1);
    }
    CHECK(destroyed);
    CHECK(answers == 0);
}

TEST_CASE("wx.request end to end: core and the Qt client against a local server", "[request]")
{
    Backend backend;
    Services services;

    const core::ApiReply ok = services.call("request", {{"url", backend.url(u"/json"_s)}});
    REQUIRE(ok.ok);
    CHECK(ok.result.at("errMsg") == "request:ok");
    CHECK(ok.result.at("statusCode") == 200);
    CHECK(ok.result.at("data") == json{{"items", {1, 2}}, {"name", "Lin"}});
    json cookies = ok.result.at("cookies");
    std::sort(cookies.begin(), cookies.end());
    CHECK(cookies == json{"session=abc; Path=/; HttpOnly", "theme=dark"});
    CHECK(ok.result.at("header").at("X-Server") == "mpsim-test");

    const core::ApiReply echo = services.call(
        "request", {{"url", backend.url(u"/echo"_s)}, {"data", {{"q", "a b"}, {"page", 2}}}});
    const json sent = echo.result.at("data");
    CHECK(sent.at("method") == "GET");
    CHECK(sent.at("query") == "page=2&q=a%20b");
    CHECK(sent.at("headers").at("referer")
          == "https://servicewechat.com/wxeveryday/devtools/page-frame.html");

    const core::ApiReply form = services.call(
        "request", {{"url", backend.url(u"/echo"_s)},
                    {"method", "POST"},
                    {"header", {{"content-type", "application/x-www-form-urlencoded"}}},
                    {"data", {{"name", "Lin Mei"}}}});
    CHECK(form.result.at("data").at("body") == "name=Lin%20Mei");

    const core::ApiReply bytes = services.call(
        "request", {{"url", backend.url(u"/bytes"_s)}, {"responseType", "arraybuffer"}});
    CHECK(bytes.result.at("data") == "AAH/e30=");

    const core::ApiReply missing = services.call("request", {{"url", backend.url(u"/missing"_s)}});
    CHECK(missing.ok);
    CHECK(missing.result.at("statusCode") == 404);

    QTcpServer silent;
    REQUIRE(silent.listen(QHostAddress::LocalHost));
    const core::ApiReply timeout = services.call(
        "request", {{"url", u"http://127.0.0.1:%1/"_s.arg(silent.serverPort()).toStdString()},
                    {"timeout", 200}});
    CHECK(timeout.result == json{{"errMsg", "request:fail timeout"}, {"errno", 5}});

    quint16 closedPort = 0;
    {
        QTcpServer closed;
        REQUIRE(closed.listen(QHostAddress::LocalHost));
        closedPort = closed.serverPort();
    }
    const core::ApiReply refused = services.call(
        "request", {{"url", u"http://127.0.0.1:%1/"_s.arg(closedPort).toStdString()}});
    CHECK_FALSE(refused.ok);
    CHECK(refused.result.at("errMsg") == "request:fail Connection refused");
    CHECK(refused.result.at("errno") == 600001);
}

TEST_CASE("host services: storage writes push one throttled snapshot and persist", "[storage]")
{
    Services services;
    QSignalSpy snapshots(services.host.get(), &app::HostServices::snapshotChanged);
    for (int i = 0; i < 50; ++i)
        REQUIRE(services.call("setStorage", {{"key", "k" + std::to_string(i)}, {"data", i}}).ok);
    REQUIRE(spinUntil([&] { return snapshots.count() > 0; }));
    // A burst of writes is a few snapshots, not fifty.
    spinUntil([] { return false; }, 3 * app::HostServices::SnapshotThrottleMs);
    CHECK(snapshots.count() >= 1);
    CHECK(snapshots.count() < 10);
    CHECK(services.host->core().syncSnapshot(context).at("storage").size() == 50);

    // Reads push nothing.
    const int before = snapshots.count();
    services.call("getStorage", {{"key", "k1"}});
    spinUntil([] { return false; }, 3 * app::HostServices::SnapshotThrottleMs);
    CHECK(snapshots.count() == before);

    // A new HostServices on the same folder (the next run) still has it.
    services.open();
    const core::ApiReply again = services.call("getStorage", {{"key", "k7"}});
    CHECK(again.result.at("data") == 7);
    const core::ApiReply info = services.call("getStorageInfo");
    CHECK(info.result.at("keys").size() == 50);

    QSignalSpy cleared(services.host.get(), &app::HostServices::snapshotChanged);
    QSignalSpy stateChanged(services.host.get(), &app::HostServices::hostStateChanged);
    services.host->clearStorage(QString::fromStdString(context.appid));
    CHECK(stateChanged.count() == 1);
    REQUIRE(spinUntil([&] { return cleared.count() == 1; }));
    CHECK(services.call("getStorageInfo").result.at("keys") == json::array());
}

TEST_CASE("host services: the device preset and SDK version reach the system info", "[system]")
{
    Services services;
    core::ApiCore &core = services.host->core();
    CHECK(core.invokeSync("getSystemInfoSync", nullptr, context).result.at("model")
          == "iPhone 6/7/8");
    QSignalSpy snapshots(services.host.get(), &app::HostServices::snapshotChanged);
    const app::DevicePreset *phone = app::DevicePreset::find(u"iPhone 12/13/14"_s);
    REQUIRE(phone);
    services.host->setDevice(*phone);
    services.host->setSdkVersion(u"2.32.3"_s);
    const json info = core.invokeSync("getSystemInfoSync", nullptr, context).result;
    CHECK(info.at("model") == "iPhone 12/13/14");
    CHECK(info.at("system") == "iOS 14.0.1");
    CHECK(info.at("pixelRatio") == 3.0);
    CHECK(info.at("screenHeight") == 844);
    CHECK(info.at("windowHeight") == 844 - 47 - 44);
    CHECK(info.at("safeArea").at("bottom") == 810);
    CHECK(info.at("SDKVersion") == "2.32.3");
    REQUIRE(spinUntil([&] { return snapshots.count() == 1; }));
    CHECK(core.syncSnapshot(context).at("syncValues").at("getSystemInfoSync") == info);

    const core::DeviceInfo android = app::HostServices::deviceInfo(
        *app::DevicePreset::find(u"Android 360x800"_s), false);
    CHECK(android.system == "Android 10");
    CHECK(android.windowHeight() == 800);
    for (const app::DevicePreset &preset : app::DevicePreset::all()) {
        INFO(preset.name.toStdString());
        CHECK_FALSE(preset.system.isEmpty());
        CHECK(app::HostServices::deviceInfo(preset).model == preset.name.toStdString());
    }
}

TEST_CASE("host services: an unknown API fails naming it and reaches the call log", "[unknown]")
{
    Services services;
    std::vector<core::CallRecord> settled;
    QObject receiver;
    QObject::connect(services.host.get(), &app::HostServices::callSettled, &receiver,
                     [&](const core::CallRecord &record) { settled.push_back(record); });
    const core::ApiReply reply = services.call("openBluetoothAdapter");
    CHECK(reply.result.at("errMsg")
          == "openBluetoothAdapter:fail not supported: wx.openBluetoothAdapter is not implemented "
             "in mpsim");
    REQUIRE(settled.size() == 1);
    CHECK(settled[0].api == "openBluetoothAdapter");
    CHECK_FALSE(settled[0].reply.ok);
}
