#include "prompts/biometricglyph.h"

#include <QPainter>
#include <QPainterPath>
#include <QPen>

namespace mpsim::app {

namespace {

constexpr int Side = 64;
constexpr QRgb GlyphColor = 0xff07c160;

} // namespace

BiometricGlyph::BiometricGlyph(QWidget *parent)
    : QWidget(parent)
{
    setFixedSize(Side, Side);
}

BiometricGlyph::Mode BiometricGlyph::mode() const
{
    return m_mode;
}

void BiometricGlyph::setMode(Mode mode)
{
    m_mode = mode;
    update();
}

QSize BiometricGlyph::sizeHint() const
{
    return {Side, Side};
}

void BiometricGlyph::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(GlyphColor), 2.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    const QRectF box = QRectF(rect()).adjusted(6, 6, -6, -6);
    switch (m_mode) {
    case Mode::Fingerprint:
        paintFingerprint(painter, box);
        break;
    case Mode::Face:
        paintFace(painter, box);
        break;
    case Mode::Voice:
        paintVoice(painter, box);
        break;
    }
}

void BiometricGlyph::paintFingerprint(QPainter &painter, const QRectF &box) const
{
    // Concentric ridges, each open at the bottom by a different amount, so the
    // lines read as a fingertip rather than a target.
    const QPointF centre(box.center().x(), box.center().y() + box.height() * 0.08);
    const qreal step = box.width() / 10.0;
    for (int ring = 1; ring <= 4; ++ring) {
        const qreal r = step * ring + step * 0.4;
        const QRectF arc(centre.x() - r, centre.y() - r * 1.12, 2 * r, 2 * r * 1.12);
        const int gap = 70 - ring * 8; // degrees left open at the bottom
        const int start = -90 + gap / 2 + (ring % 2 ? 10 : -6);
        painter.drawArc(arc, start * 16, (360 - gap) * 16);
    }
    painter.drawLine(QPointF(centre.x(), centre.y() - step * 0.6),
                     QPointF(centre.x(), centre.y() + step * 1.2));
}

void BiometricGlyph::paintFace(QPainter &painter, const QRectF &box) const
{
    // Viewfinder corners around a simple face.
    const qreal corner = box.width() * 0.24;
    QPainterPath corners;
    corners.moveTo(box.left(), box.top() + corner);
    corners.lineTo(box.left(), box.top());
    corners.lineTo(box.left() + corner, box.top());
    corners.moveTo(box.right() - corner, box.top());
    corners.lineTo(box.right(), box.top());
    corners.lineTo(box.right(), box.top() + corner);
    corners.moveTo(box.right(), box.bottom() - corner);
    corners.lineTo(box.right(), box.bottom());
    corners.lineTo(box.right() - corner, box.bottom());
    corners.moveTo(box.left() + corner, box.bottom());
    corners.lineTo(box.left(), box.bottom());
    corners.lineTo(box.left(), box.bottom() - corner);
    painter.drawPath(corners);

    const QPointF c = box.center();
    const qreal u = box.width() / 10.0;
    painter.drawLine(QPointF(c.x() - 2 * u, c.y() - 1.6 * u),
                     QPointF(c.x() - 2 * u, c.y() - 0.6 * u));
    painter.drawLine(QPointF(c.x() + 2 * u, c.y() - 1.6 * u),
                     QPointF(c.x() + 2 * u, c.y() - 0.6 * u));
    painter.drawLine(QPointF(c.x(), c.y() - 1.2 * u), QPointF(c.x() - 0.5 * u, c.y() + 0.6 * u));
    painter.drawArc(QRectF(c.x() - 2.2 * u, c.y() - 0.4 * u, 4.4 * u, 3 * u), 200 * 16, 140 * 16);
}

void BiometricGlyph::paintVoice(QPainter &painter, const QRectF &box) const
{
    // A microphone on a stand.
    const QPointF c = box.center();
    const qreal u = box.width() / 10.0;
    const QRectF capsule(c.x() - 1.6 * u, box.top(), 3.2 * u, 5.6 * u);
    painter.drawRoundedRect(capsule, 1.6 * u, 1.6 * u);
    painter.drawArc(QRectF(c.x() - 3 * u, box.top() + 1.6 * u, 6 * u, 5.6 * u), 180 * 16, 180 * 16);
    painter.drawLine(QPointF(c.x(), box.top() + 7.2 * u), QPointF(c.x(), box.bottom() - 0.2 * u));
    painter.drawLine(QPointF(c.x() - 2 * u, box.bottom() - 0.2 * u),
                     QPointF(c.x() + 2 * u, box.bottom() - 0.2 * u));
}

} // namespace mpsim::app
