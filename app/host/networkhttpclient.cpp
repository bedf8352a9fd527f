#include "host/networkhttpclient.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <utility>

namespace mpsim::app {

NetworkHttpClient::NetworkHttpClient(QObject *parent)
    : QObject(parent)
    , m_manager(new QNetworkAccessManager(this))
{
    m_manager->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

NetworkHttpClient::~NetworkHttpClient()
{
    auto pending = std::exchange(m_pending, {});
    for (auto &[reply, state] : pending) {
        reply->disconnect(this);
        reply->abort();
        delete reply;
    }
    // `pending` goes now, dropping the callbacks unanswered.
}

void NetworkHttpClient::setProxy(const QNetworkProxy &proxy)
{
    m_manager->setProxy(proxy);
}

void NetworkHttpClient::send(const core::HttpRequest &request,
                             std::function<void(core::HttpResponse)> done)
{
    const QUrl url(QString::fromStdString(request.url), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
        core::HttpResponse response;
        response.outcome = core::HttpResponse::Outcome::NetworkError;
        response.errorText = "invalid url: " + url.errorString().toStdString();
        done(std::move(response));
        return;
    }
    QNetworkRequest networkRequest(url);
    networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute,
                                QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute,
                                QNetworkRequest::Manual);
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(QByteArray::fromStdString(name),
                                    QByteArray::fromStdString(value));

    QNetworkReply *reply
        = m_manager->sendCustomRequest(networkRequest, QByteArray::fromStdString(request.method),
                                       QByteArray::fromStdString(request.body));
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    timer->setInterval(std::max(1, request.timeoutMs));
    m_pending[reply] = Pending{std::move(done), timer, false};
    connect(timer, &QTimer::timeout, this, [this, reply] {
        const auto it = m_pending.find(reply);
        if (it == m_pending.end())
            return;
        it->second.timedOut = true;
        reply->abort(); // emits finished()
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
    timer->start();
}

void NetworkHttpClient::finish(QNetworkReply *reply)
{
    const auto it = m_pending.find(reply);
    if (it == m_pending.end())
        return;
    Pending state = std::move(it->second);
    m_pending.erase(it);
    state.timer->stop();
    reply->deleteLater();

    core::HttpResponse response;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (state.timedOut) {
        response.outcome = core::HttpResponse::Outcome::Timeout;
    } else if (!status.isValid()) {
        response.outcome = core::HttpResponse::Outcome::NetworkError;
        response.errorText = reply->errorString().toStdString();
    } else {
        response.statusCode = status.toInt();
        for (const auto &[name, value] : reply->rawHeaderPairs()) {
            // Qt joins repeated Set-Cookie headers with newlines: split them again.
            if (name.compare("set-cookie", Qt::CaseInsensitive) == 0) {
                for (const QByteArray &cookie : value.split('\n'))
                    response.headers.emplace_back(name.toStdString(), cookie.toStdString());
            } else {
                response.headers.emplace_back(name.toStdString(), value.toStdString());
            }
        }
        response.body = reply->readAll().toStdString();
    }
    if (state.done)
        state.done(std::move(response));
}

} // namespace mpsim::app
