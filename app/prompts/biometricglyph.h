#pragma once

#include <QWidget>

namespace mpsim::app {

// The picture on the SOTER prompt: a fingerprint, a face in a viewfinder or a
// microphone, drawn in the super app's green.
class BiometricGlyph final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BiometricGlyph)

public:
    enum class Mode { Fingerprint, Face, Voice };

    explicit BiometricGlyph(QWidget *parent = nullptr);

    Mode mode() const;
    void setMode(Mode mode);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintFingerprint(QPainter &painter, const QRectF &box) const;
    void paintFace(QPainter &painter, const QRectF &box) const;
    void paintVoice(QPainter &painter, const QRectF &box) const;

    Mode m_mode = Mode::Fingerprint;
};

} // namespace mpsim::app
