#include "host/codeexchangeserver.h"

#include "api/apicore.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QTcpServer>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

namespace mpsim::app {

using namespace Qt::StringLiterals;

namespace {

QHttpServerResponse jsonResponse(const nlohmann::json &body)
{
    const std::string text = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return QHttpServerResponse(QByteArrayLiteral("application/json; charset=utf-8"),
                               QByteArray(text.data(), qsizetype(text.size())));
}

nlohmann::json errorBody(int errcode, const std::string &errmsg)
{
    return {{"errcode", errcode}, {"errmsg", errmsg}};
}

} // namespace

CodeExchangeServer::CodeExchangeServer(core::ApiCore &core, QObject *parent)
    : QObject(parent)
    , m_core(core)
    , m_http(new QHttpServer(this))
{
    [[maybe_unused]] const bool routed = m_http->route(
        u"/sns/jscode2session"_s, QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest &request) {
            const QUrlQuery query = request.query();
            const QString appid = query.queryItemValue(u"appid"_s, QUrl::FullyDecoded);
            const QString secret = query.queryItemValue(u"secret"_s, QUrl::FullyDecoded);
            const QString code = query.queryItemValue(u"js_code"_s, QUrl::FullyDecoded);

            // The platform checks the appid first, then the code, and answers
            // both with HTTP 200 and an errcode.
            if (appid.isEmpty()) {
                emit exchanged(appid, 41002);
                return jsonResponse(errorBody(41002, "appid missing"));
            }
            if (code.isEmpty()) {
                emit exchanged(appid, 41008);
                return jsonResponse(errorBody(41008, "missing code"));
            }
            const core::CodeExchangeResult result =
                m_core.exchangeCode(appid.toStdString(), secret.toStdString(), code.toStdString());
            emit exchanged(appid, result.errcode);
            if (result.errcode != 0)
                return jsonResponse(errorBody(result.errcode, result.errmsg));
            return jsonResponse({{"openid", result.openid},
                                 {"session_key", result.sessionKey},
                                 {"unionid", result.unionid}});
        });
    Q_ASSERT(routed);
}

CodeExchangeServer::~CodeExchangeServer() = default;

bool CodeExchangeServer::listen(quint16 port)
{
    if (isListening()) {
        m_errorString = tr("The code exchange server already listens on port %1").arg(this->port());
        return false;
    }
    // Our own QTcpServer rather than QHttpServer::listen, which reports a busy
    // port only as a warning on the console.
    auto *tcp = new QTcpServer(m_http);
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        m_errorString = tr("Cannot listen on 127.0.0.1:%1: %2").arg(port).arg(tcp->errorString());
        delete tcp;
        return false;
    }
    m_http->bind(tcp);
    m_tcp = tcp;
    m_errorString.clear();
    return true;
}

bool CodeExchangeServer::isListening() const
{
    return m_tcp && m_tcp->isListening();
}

quint16 CodeExchangeServer::port() const
{
    return isListening() ? m_tcp->serverPort() : quint16(0);
}

} // namespace mpsim::app
