#include "profile/avatarpreview.h"

#include <QImage>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPixmap>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

AvatarPreview::AvatarPreview(QWidget *parent)
    : QLabel(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_delay(new QTimer(this))
{
    setObjectName(u"avatarPreview"_s);
    setFixedSize(Size, Size);
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setFrameShape(QFrame::StyledPanel);
    m_delay->setSingleShot(true);
    m_delay->setInterval(DelayMs);
    connect(m_delay, &QTimer::timeout, this, &AvatarPreview::fetch);
    showNote(tr("no photo"));
}

AvatarPreview::~AvatarPreview()
{
    cancel();
}

void AvatarPreview::cancel()
{
    // Forgotten first: finish() then knows the abort is not an answer.
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->abort();
    }
}

void AvatarPreview::setUrl(const QString &url)
{
    const QUrl next(url.trimmed());
    if (next == m_url && (m_hasImage || m_reply || m_delay->isActive()))
        return;
    m_url = next;
    cancel();
    m_delay->start();
}

void AvatarPreview::fetch()
{
    if (m_url.isEmpty()) {
        showNote(tr("no photo"));
        return;
    }
    static const QStringList schemes{u"http"_s, u"https"_s, u"file"_s, u"data"_s, u"qrc"_s};
    if (!m_url.isValid() || !schemes.contains(m_url.scheme())) {
        showNote(tr("no preview"), tr("Not a URL mpsim can load: %1").arg(m_url.toString()));
        return;
    }
    showNote(tr("loading..."));
    QNetworkRequest request(m_url);
    request.setTransferTimeout(TimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > MaxBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
}

void AvatarPreview::finish(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return; // replaced by a newer URL
    m_reply = nullptr;
    if (reply->error() != QNetworkReply::NoError) {
        showNote(tr("no preview"), reply->errorString());
        return;
    }
    QImage image;
    if (!image.loadFromData(reply->readAll())) {
        showNote(tr("no preview"), tr("The URL does not hold an image"));
        return;
    }
    setPixmap(QPixmap::fromImage(
        image.scaled(Size, Size, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation)));
    setToolTip(m_url.toString());
    m_hasImage = true;
    emit previewFinished(true);
}

void AvatarPreview::showNote(const QString &note, const QString &detail)
{
    const bool settled = note != tr("loading...");
    m_hasImage = false;
    setPixmap({});
    setText(u"<small>%1</small>"_s.arg(note.toHtmlEscaped()));
    setToolTip(detail);
    if (settled)
        emit previewFinished(false);
}

} // namespace mpsim::mockpanel
