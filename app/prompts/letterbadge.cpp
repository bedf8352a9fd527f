#include "prompts/letterbadge.h"

#include <QFont>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace mpsim::app {

LetterBadge::LetterBadge(QWidget *parent)
    : QWidget(parent)
    , m_background(0xff07c160)
    , m_foreground(Qt::white)
{
    setFixedSize(m_side, m_side);
}

QString LetterBadge::letter() const
{
    return m_letter;
}

void LetterBadge::setName(const QString &name)
{
    m_letter.clear();
    for (const QChar c : name) {
        if (c.isLetterOrNumber()) {
            m_letter = QString(c).toUpper();
            break;
        }
    }
    update();
}

void LetterBadge::setShape(Shape shape)
{
    m_shape = shape;
    update();
}

void LetterBadge::setColors(const QColor &background, const QColor &foreground)
{
    m_background = background;
    m_foreground = foreground;
    update();
}

void LetterBadge::setSide(int side)
{
    m_side = side;
    setFixedSize(side, side);
    updateGeometry();
}

QSize LetterBadge::sizeHint() const
{
    return {m_side, m_side};
}

void LetterBadge::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_background);
    const QRectF area = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    if (m_shape == Shape::Circle)
        painter.drawEllipse(area);
    else
        painter.drawRoundedRect(area, m_side * 0.18, m_side * 0.18);

    QFont letterFont = font();
    letterFont.setPixelSize(qMax(8, qRound(m_side * 0.5)));
    letterFont.setBold(true);
    painter.setFont(letterFont);
    painter.setPen(m_foreground);
    painter.drawText(rect(), Qt::AlignCenter, m_letter.isEmpty() ? u"?"_s : m_letter);
}

} // namespace mpsim::app
