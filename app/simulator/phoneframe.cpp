#include "simulator/phoneframe.h"

#include <QColor>
#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPen>

namespace mpsim::app {

namespace {

constexpr int SideBezel = 16;
constexpr int TopBezel = 68;
constexpr int BottomBezel = 68;
constexpr qreal BodyRadius = 52.0;
constexpr qreal ScreenRadius = 4.0;

constexpr QRgb BodyColor = 0xff1f2329;
constexpr QRgb BodyEdgeColor = 0xff3a4048;
constexpr QRgb DetailColor = 0xff3f4650;
constexpr QRgb ScreenColor = 0xfff6f7f9;
constexpr QRgb PlaceholderColor = 0xff8a919c;

} // namespace

PhoneFrame::PhoneFrame(QWidget *parent)
    : QWidget(parent)
    , m_placeholderText(tr("No project open"))
{
    // The screen has a fixed logical size, so the frame around it has too.
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

QRect PhoneFrame::screenRect() const
{
    return QRect(QPoint(SideBezel, TopBezel), m_screenSize);
}

void PhoneFrame::setScreenSize(const QSize &size)
{
    if (size == m_screenSize || size.isEmpty())
        return;
    m_screenSize = size;
    if (m_screenWidget)
        m_screenWidget->setGeometry(screenRect());
    updateGeometry();
    update();
}

void PhoneFrame::setScreenWidget(QWidget *widget)
{
    m_screenWidget = widget;
    if (widget) {
        widget->setParent(this);
        widget->setGeometry(screenRect());
        widget->show();
    }
}

QString PhoneFrame::placeholderText() const
{
    return m_placeholderText;
}

void PhoneFrame::setPlaceholderText(const QString &text)
{
    if (text == m_placeholderText)
        return;
    m_placeholderText = text;
    update(screenRect());
}

QSize PhoneFrame::sizeHint() const
{
    return m_screenSize + QSize(2 * SideBezel, TopBezel + BottomBezel);
}

QSize PhoneFrame::minimumSizeHint() const
{
    return sizeHint();
}

void PhoneFrame::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    const QRectF body = QRectF(QPointF(0, 0), sizeHint()).adjusted(1, 1, -1, -1);
    painter.setPen(QPen(QColor(BodyEdgeColor), 2));
    painter.setBrush(QColor(BodyColor));
    painter.drawRoundedRect(body, BodyRadius, BodyRadius);

    const QPointF topCentre(body.center().x(), TopBezel / 2.0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(DetailColor));
    painter.drawRoundedRect(QRectF(topCentre.x() - 30, topCentre.y() - 3, 60, 6), 3, 3);
    painter.drawEllipse(QPointF(topCentre.x() - 52, topCentre.y()), 5, 5);

    const QPointF homeCentre(body.center().x(), sizeHint().height() - BottomBezel / 2.0);
    painter.setPen(QPen(QColor(DetailColor), 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(homeCentre, 20, 20);

    const QRect screen = screenRect();
    QPainterPath screenShape;
    screenShape.addRoundedRect(screen, ScreenRadius, ScreenRadius);
    painter.setPen(Qt::NoPen);
    painter.fillPath(screenShape, QColor(ScreenColor));

    QFont placeholderFont = font();
    if (placeholderFont.pointSizeF() > 0)
        placeholderFont.setPointSizeF(placeholderFont.pointSizeF() * 1.2);
    painter.setFont(placeholderFont);
    painter.setPen(QColor(PlaceholderColor));
    painter.drawText(screen, Qt::AlignCenter | Qt::TextWordWrap, m_placeholderText);
}

} // namespace mpsim::app
