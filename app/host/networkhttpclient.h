#pragma once

#include "host/httpclient.h"

#include <QObject>

#include <functional>
#include <map>

class QNetworkAccessManager;
class QNetworkProxy;
class QNetworkReply;
class QTimer;

namespace mpsim::app {

// wx.request's network: core::HttpClient over QNetworkAccessManager.
//
// Each request gets its own timer; when it fires before the reply finishes
// the reply is aborted and the call answers Timeout. Redirects are followed
// (not to a less safe scheme); cookies are neither stored nor sent
// automatically, as on the platform, where the page handles them. A reply
// without an HTTP status is a NetworkError with Qt's text ("Connection
// refused"); any HTTP status, 4xx and 5xx included, is Completed.
//
// Destroying the client aborts what is in flight without answering it (the
// core's Reply then ends those calls with an internal error).
class NetworkHttpClient final : public QObject, public core::HttpClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkHttpClient)

public:
    explicit NetworkHttpClient(QObject *parent = nullptr);
    ~NetworkHttpClient() override;

    void send(const core::HttpRequest &request,
              std::function<void(core::HttpResponse)> done) override;

    // Requests in flight.
    int pendingCount() const { return int(m_pending.size()); }
    // The proxy requests go through (default: the application's, which
    // follows the system's settings); tests talking to 127.0.0.1 use NoProxy.
    void setProxy(const QNetworkProxy &proxy);

private:
    struct Pending
    {
        std::function<void(core::HttpResponse)> done;
        QTimer *timer = nullptr;
        bool timedOut = false;
    };

    void finish(QNetworkReply *reply);

    QNetworkAccessManager *m_manager;
    std::map<QNetworkReply *, Pending> m_pending;
};

} // namespace mpsim::app
