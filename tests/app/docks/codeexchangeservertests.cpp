// The local jscode2session endpoint, called over real HTTP like a
// developer's backend would.

#include "catchqt.h"
#include "testapplication.h"

#include "host/codeexchangeserver.h"
#include "host/hostservices.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <catch2/catch.hpp>

#include <chrono>
#include <utility>

using namespace mpsim;
using namespace mpsim::test;
using namespace Qt::StringLiterals;
using nlohmann::json;

namespace {

const QString appid = u"wxexchange"_s;

struct HttpAnswer
{
    bool finished = false;
    int status = 0;
    QByteArray body;
};

// A GET through the network stack, waiting in an event loop (the server
// answers on this thread) for at most 5 seconds.
HttpAnswer get(quint16 port, const QString &path, const QUrlQuery &query = {})
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port);
    url.setPath(path);
    url.setQuery(query);

    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy); // an http_proxy in CI must not see this
    QNetworkReply *reply = manager.get(QNetworkRequest(url));
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(5000);
    if (!reply->isFinished())
        loop.exec();

    HttpAnswer answer;
    answer.finished = reply->isFinished();
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    reply->deleteLater();
    return answer;
}

QUrlQuery exchangeQuery(const std::string &code, const QString &forApp = appid)
{
    QUrlQuery query;
    query.addQueryItem(u"appid"_s, forApp);
    query.addQueryItem(u"secret"_s, u"any-secret"_s);
    query.addQueryItem(u"js_code"_s, QString::fromStdString(code));
    query.addQueryItem(u"grant_type"_s, u"authorization_code"_s);
    return query;
}

json exchange(quint16 port, const QUrlQuery &query)
{
    const HttpAnswer answer = get(port, u"/sns/jscode2session"_s, query);
    REQUIRE(answer.finished);
    REQUIRE(answer.status == 200); // the platform reports errors in the body
    return json::parse(answer.body.toStdString());
}

std::string login(app::HostServices &host)
{
    std::string code;
    host.core().invoke("login", nullptr, {appid.toStdString(), "pages/index/index", false},
                       [&](core::ApiReply reply) {
                           REQUIRE(reply.ok);
                           code = reply.result.at("code").get<std::string>();
                       });
    return code;
}

struct Fixture
{
    // The application exists before HostServices starts its flush timer.
    struct App
    {
        App() { testApplication(); }
    } app;
    QTemporaryDir stateDir;
    app::HostServices host{stateDir.path()};
    app::CodeExchangeServer server{host.core()};

    Fixture()
    {
        REQUIRE(stateDir.isValid());
        REQUIRE(server.listen(0));
        REQUIRE(server.port() != 0);
    }
};

} // namespace

TEST_CASE("code exchange: a fresh code exchanges once, then 40163", "[codeexchange]")
{
    Fixture f;
    QSignalSpy exchanged(&f.server, &app::CodeExchangeServer::exchanged);
    const std::string code = login(f.host);

    const json first = exchange(f.server.port(), exchangeQuery(code));
    CAPTURE(first.dump());
    CHECK_FALSE(first.contains("errcode"));
    core::HostState &state = f.host.core().store().state(appid.toStdString());
    CHECK(first.at("openid") == state.openid());
    CHECK(first.at("unionid") == state.unionid());
    CHECK(first.at("session_key") == state.currentSessionKey(f.host.clock().nowMs()));

    const json again = exchange(f.server.port(), exchangeQuery(code));
    CHECK(again == json{{"errcode", 40163}, {"errmsg", "code been used"}});

    REQUIRE(exchanged.size() == 2);
    CHECK(exchanged.at(0).at(0).toString() == appid);
    CHECK(exchanged.at(0).at(1).toInt() == 0);
    CHECK(exchanged.at(1).at(1).toInt() == 40163);
}

TEST_CASE("code exchange: an unknown code is 40029", "[codeexchange]")
{
    Fixture f;
    login(f.host);
    CHECK(exchange(f.server.port(), exchangeQuery("not-a-code"))
          == json{{"errcode", 40029}, {"errmsg", "invalid code"}});
    // A code belongs to its appid.
    const std::string code = login(f.host);
    CHECK(exchange(f.server.port(), exchangeQuery(code, u"wxsomeoneelse"_s)).at("errcode") == 40029);
}

TEST_CASE("code exchange: a code older than 5 minutes is 40029", "[codeexchange]")
{
    Fixture f;
    const std::string code = login(f.host);
    f.host.advanceClock(std::chrono::minutes(5));
    CHECK(exchange(f.server.port(), exchangeQuery(code))
          == json{{"errcode", 40029}, {"errmsg", "invalid code"}});
}

TEST_CASE("code exchange: missing parameters answer the platform's errcodes", "[codeexchange]")
{
    Fixture f;
    QSignalSpy exchanged(&f.server, &app::CodeExchangeServer::exchanged);
    QUrlQuery noAppid;
    noAppid.addQueryItem(u"js_code"_s, u"abc"_s);
    CHECK(exchange(f.server.port(), noAppid)
          == json{{"errcode", 41002}, {"errmsg", "appid missing"}});
    QUrlQuery noCode;
    noCode.addQueryItem(u"appid"_s, appid);
    CHECK(exchange(f.server.port(), noCode)
          == json{{"errcode", 41008}, {"errmsg", "missing code"}});
    CHECK(exchange(f.server.port(), {}).at("errcode") == 41002);
    REQUIRE(exchanged.size() == 3);
    CHECK(exchanged.at(1).at(1).toInt() == 41008);
}

TEST_CASE("code exchange: a wrong secret is 40125 when the profile sets one", "[codeexchange]")
{
    Fixture f;
    REQUIRE(f.host.core().setHostProfileJson(R"({"login": {"appSecret": "s3cret"}})"));
    const std::string code = login(f.host);
    CHECK(exchange(f.server.port(), exchangeQuery(code)).at("errcode") == 40125);
    QUrlQuery right = exchangeQuery(code);
    right.removeAllQueryItems(u"secret"_s);
    right.addQueryItem(u"secret"_s, u"s3cret"_s);
    CHECK(exchange(f.server.port(), right).contains("openid"));
}

TEST_CASE("code exchange: other paths are 404", "[codeexchange]")
{
    Fixture f;
    const HttpAnswer answer = get(f.server.port(), u"/sns/other"_s);
    REQUIRE(answer.finished);
    CHECK(answer.status == 404);
    CHECK(get(f.server.port(), u"/sns/jscode2session/extra"_s).status == 404);
}

TEST_CASE("code exchange: listens on 127.0.0.1 only and reports a busy port", "[codeexchange]")
{
    Fixture f;
    const auto *tcp = f.server.findChild<QTcpServer *>();
    REQUIRE(tcp);
    CHECK(tcp->serverAddress() == QHostAddress(QHostAddress::LocalHost));
    // Listening twice is refused rather than adding a second port.
    CHECK_FALSE(f.server.listen(0));
    CHECK_FALSE(f.server.errorString().isEmpty());

    QTcpServer blocker;
    REQUIRE(blocker.listen(QHostAddress::LocalHost, 0));
    app::CodeExchangeServer second(f.host.core());
    CHECK_FALSE(second.listen(blocker.serverPort()));
    CHECK_FALSE(second.isListening());
    CHECK(second.port() == 0);
    const QString error = second.errorString();
    CAPTURE(error);
    CHECK(error.contains(QString::number(blocker.serverPort())));
    CHECK(error.contains(u"in use"_s, Qt::CaseInsensitive));

    // The port freed, the same server can listen after all.
    const quint16 port = blocker.serverPort();
    blocker.close();
    CHECK(second.listen(port));
    CHECK(second.port() == port);
}
