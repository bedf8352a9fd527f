#pragma once

#include <QLabel>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace mpsim::mockpanel {

// A preview of the user's avatar: the image at the URL once it loads
// (http, https, file or data URLs, at most 2 MB, 8 s), else a note saying
// why there is none. A new URL is fetched after a pause in typing.
class AvatarPreview final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AvatarPreview)

public:
    static constexpr int Size = 64;
    static constexpr qint64 MaxBytes = 2 * 1024 * 1024;
    static constexpr int TimeoutMs = 8000;
    static constexpr int DelayMs = 400;

    explicit AvatarPreview(QWidget *parent = nullptr);
    ~AvatarPreview() override;

    // Shows the avatar at `url` (empty: no photo).
    void setUrl(const QString &url);
    bool hasImage() const { return m_hasImage; }

signals:
    // The preview is settled: an image was shown (`loaded`) or the note.
    void previewFinished(bool loaded);

private:
    void fetch();
    void cancel();
    void finish(QNetworkReply *reply);
    void showNote(const QString &note, const QString &detail = {});

    QNetworkAccessManager *m_network;
    QTimer *m_delay;
    QUrl m_url;
    QPointer<QNetworkReply> m_reply;
    bool m_hasImage = false;
};

} // namespace mpsim::mockpanel
