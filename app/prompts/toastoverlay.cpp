#include "prompts/toastoverlay.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace mpsim::app {

namespace {

// The super app's toast: rgba(17, 17, 17, 0.7), 12 px corners, white text.
const QColor BoxColor(17, 17, 17, 178);
constexpr int IconBoxSide = 136;
constexpr int IconSide = 44;
constexpr int TextOnlyPaddingX = 20;
constexpr int TextOnlyPaddingY = 12;
constexpr int SpinnerSpokes = 12;
constexpr int SpinnerIntervalMs = 80;

QFont titleFont(const QWidget *widget)
{
    QFont font = widget->font();
    font.setPixelSize(16);
    return font;
}

} // namespace

ToastOverlay::ToastOverlay(const core::ToastPrompt &prompt, const QImage &image, QWidget *screen)
    : QWidget(screen)
    , m_kind(prompt.kind)
    , m_icon(prompt.icon)
    , m_title(QString::fromStdString(prompt.title))
    , m_image(image)
    , m_mask(prompt.mask)
{
    setObjectName(u"toastOverlay"_s);
    hide();
    // Without a mask the page below keeps working: taps go through.
    setAttribute(Qt::WA_TransparentForMouseEvents, !m_mask);
    setAttribute(Qt::WA_NoMousePropagation, m_mask);
    setFocusPolicy(Qt::NoFocus);
    if (m_icon == core::ToastPrompt::Icon::Loading && m_image.isNull()) {
        m_spinner = new QTimer(this);
        m_spinner->setInterval(SpinnerIntervalMs);
        connect(m_spinner, &QTimer::timeout, this, [this] {
            m_spinStep = (m_spinStep + 1) % SpinnerSpokes;
            update(boxRect());
        });
    }
    if (m_kind == core::ToastPrompt::Kind::Toast && prompt.durationMs > 0) {
        auto *expiry = new QTimer(this);
        expiry->setObjectName(u"expiryTimer"_s);
        expiry->setSingleShot(true);
        expiry->setInterval(prompt.durationMs);
        connect(expiry, &QTimer::timeout, this, &ToastOverlay::expired);
        expiry->start();
    }
    if (screen) {
        screen->installEventFilter(this);
        followScreen();
    }
}

QRect ToastOverlay::boxRect() const
{
    const QFontMetrics metrics(titleFont(this));
    QSize box;
    if (m_icon == core::ToastPrompt::Icon::None && m_image.isNull()) {
        const int maxText = std::max(80, int(width() * 0.7) - 2 * TextOnlyPaddingX);
        const QRect text = metrics.boundingRect(QRect(0, 0, maxText, 1000),
                                                Qt::TextWordWrap | Qt::AlignHCenter, m_title);
        box = QSize(text.width() + 2 * TextOnlyPaddingX, text.height() + 2 * TextOnlyPaddingY);
    } else {
        // Square for short titles, wider (up to 60% of the screen) for longer ones.
        const int widest = std::max(IconBoxSide, int(width() * 0.6));
        const int boxWidth
            = std::clamp(metrics.horizontalAdvance(m_title) + 2 * 16, IconBoxSide, widest);
        const QRect text = metrics.boundingRect(QRect(0, 0, boxWidth - 24, 1000),
                                                Qt::TextWordWrap | Qt::AlignHCenter, m_title);
        const int height = 28 + IconSide + (m_title.isEmpty() ? 28 : 14 + text.height() + 22);
        box = QSize(boxWidth, std::max(IconBoxSide, height));
    }
    return QRect(QPoint((width() - box.width()) / 2, (height() - box.height()) / 2), box);
}

bool ToastOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        followScreen();
    return QWidget::eventFilter(watched, event);
}

void ToastOverlay::mousePressEvent(QMouseEvent *event)
{
    // Only reached with a mask: the tap stops here.
    event->accept();
}

void ToastOverlay::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect box = boxRect();
    painter.setPen(Qt::NoPen);
    painter.setBrush(BoxColor);
    painter.drawRoundedRect(box, 12, 12);

    painter.setPen(Qt::white);
    painter.setFont(titleFont(this));
    if (m_icon == core::ToastPrompt::Icon::None && m_image.isNull()) {
        painter.drawText(
            box.adjusted(TextOnlyPaddingX, TextOnlyPaddingY, -TextOnlyPaddingX, -TextOnlyPaddingY),
            Qt::TextWordWrap | Qt::AlignCenter, m_title);
        return;
    }
    const QRectF icon(box.center().x() - IconSide / 2.0, box.top() + 28, IconSide, IconSide);
    paintIcon(painter, icon);
    painter.setPen(Qt::white);
    const QRect text(box.left() + 12, int(icon.bottom()) + 14, box.width() - 24,
                     box.bottom() - int(icon.bottom()) - 14 - 12);
    painter.drawText(text, Qt::TextWordWrap | Qt::AlignHCenter | Qt::AlignTop, m_title);
}

void ToastOverlay::paintIcon(QPainter &painter, const QRectF &box) const
{
    if (!m_image.isNull()) {
        const QSizeF size = QSizeF(m_image.size()).scaled(box.size(), Qt::KeepAspectRatio);
        const QRectF target(box.center() - QPointF(size.width() / 2, size.height() / 2), size);
        painter.drawImage(target, m_image);
        return;
    }
    QPen pen(Qt::white, 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (m_icon) {
    case core::ToastPrompt::Icon::Success: {
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        QPainterPath check;
        check.moveTo(box.left() + box.width() * 0.16, box.top() + box.height() * 0.52);
        check.lineTo(box.left() + box.width() * 0.40, box.top() + box.height() * 0.76);
        check.lineTo(box.left() + box.width() * 0.86, box.top() + box.height() * 0.26);
        painter.drawPath(check);
        return;
    }
    case core::ToastPrompt::Icon::Error: {
        pen.setWidthF(3);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(box.adjusted(3, 3, -3, -3));
        const double x = box.center().x();
        painter.drawLine(QPointF(x, box.top() + box.height() * 0.28),
                         QPointF(x, box.top() + box.height() * 0.58));
        painter.setBrush(Qt::white);
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QPointF(x, box.top() + box.height() * 0.72), 2.2, 2.2);
        return;
    }
    case core::ToastPrompt::Icon::Loading: {
        const QPointF centre = box.center();
        const double outer = box.width() / 2 - 2;
        const double inner = outer * 0.5;
        for (int i = 0; i < SpinnerSpokes; ++i) {
            // The brightest spoke moves round one step each tick.
            const int age = (i - m_spinStep + SpinnerSpokes) % SpinnerSpokes;
            QColor colour = Qt::white;
            colour.setAlphaF(1.0 - age * 0.07);
            pen.setColor(colour);
            pen.setWidthF(3.5);
            painter.setPen(pen);
            const double angle = (i * 30.0 - 90.0) * M_PI / 180.0;
            painter.drawLine(centre + QPointF(std::cos(angle) * inner, std::sin(angle) * inner),
                             centre + QPointF(std::cos(angle) * outer, std::sin(angle) * outer));
        }
        return;
    }
    case core::ToastPrompt::Icon::None:
        return;
    }
}

void ToastOverlay::showEvent(QShowEvent *event)
{
    followScreen();
    raise();
    if (m_spinner)
        m_spinner->start();
    QWidget::showEvent(event);
}

void ToastOverlay::hideEvent(QHideEvent *event)
{
    if (m_spinner)
        m_spinner->stop();
    QWidget::hideEvent(event);
}

void ToastOverlay::followScreen()
{
    if (QWidget *screen = parentWidget())
        setGeometry(screen->rect());
}

} // namespace mpsim::app
