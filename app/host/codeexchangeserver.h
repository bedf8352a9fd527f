#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QHttpServer;
class QTcpServer;

namespace mpsim::core {
class ApiCore;
}

namespace mpsim::app {

// The local stand-in for the platform's code exchange endpoint (apiVersion
// v2): a developer's backend calls
//   GET http://127.0.0.1:<port>/sns/jscode2session?appid=&secret=&js_code=&grant_type=authorization_code
// instead of https://api.weixin.qq.com/sns/jscode2session and gets what the
// platform answers, always with HTTP 200:
//   {"openid", "session_key", "unionid"}, or {"errcode", "errmsg"} with
//   40029 "invalid code" (unknown, or older than 5 minutes), 40163 "code been
//   used", 40125 "invalid appsecret" (only when the host profile sets
//   login.appSecret), 41002 "appid missing", 41008 "missing code".
// grant_type is accepted but not checked. Any other path or method is 404.
//
// Listens on 127.0.0.1 only: the endpoint hands out session keys.
class CodeExchangeServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeExchangeServer)

public:
    // `core` must outlive the server; requests are answered on this object's
    // thread (the core's).
    explicit CodeExchangeServer(core::ApiCore &core, QObject *parent = nullptr);
    ~CodeExchangeServer() override;

    // Starts listening on 127.0.0.1:`port` (0: any free port; see port()).
    // Returns false when the port cannot be used (busy, not permitted) or the
    // server is already listening; errorString() then says why.
    bool listen(quint16 port = 0);
    bool isListening() const;
    // The port listened on, 0 when not listening.
    quint16 port() const;
    QString errorString() const { return m_errorString; }

signals:
    // A request reached /sns/jscode2session; `errcode` 0 is a successful exchange.
    void exchanged(const QString &appid, int errcode);

private:
    core::ApiCore &m_core;
    QHttpServer *m_http;
    QPointer<QTcpServer> m_tcp;
    QString m_errorString;
};

} // namespace mpsim::app
