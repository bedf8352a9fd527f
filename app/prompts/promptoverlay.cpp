#include "prompts/promptoverlay.h"

#include "prompts/letterbadge.h"

#include <QColor>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mpsim::app {

namespace {

constexpr QRgb BackdropColor = 0x80000000;
constexpr int SheetPadding = 24;
constexpr int CardSideMargin = 28;

// One style sheet for every popup: roles (a dynamic property) pick the look,
// so the builders stay free of colours and font sizes.
const QString &promptStyleSheet()
{
    static const QString sheet = uR"(
#promptCard { background: #ffffff; border-top-left-radius: 14px; border-top-right-radius: 14px; }
#promptCard[placement="card"] { border-radius: 14px; }
#promptCard[placement="page"] { background: #ededed; border-radius: 0px; }
QLabel { color: #191919; font-size: 15px; }
QLabel[role="appName"] { font-size: 15px; font-weight: 600; }
QLabel[role="title"] { font-size: 18px; font-weight: 600; }
QLabel[role="pageTitle"] { font-size: 17px; font-weight: 600; }
QLabel[role="detail"] { color: #7f7f7f; font-size: 14px; }
QLabel[role="caption"] { color: #a3a3a3; font-size: 12px; }
QLabel[role="sectionCaption"] { color: #7f7f7f; font-size: 13px; }
QLabel[role="check"] { color: #07c160; font-size: 18px; font-weight: 600; }
QFrame[role="divider"] { background: #ebebeb; border: none; }
QFrame[role="group"] { background: #ffffff; border: none; }
QFrame[role="navigationBar"] { background: #ededed; border: none; }
QPushButton { border: none; border-radius: 8px; font-size: 16px; font-weight: 600;
              min-height: 44px; padding: 0px 20px; }
QPushButton[role="primary"] { background: #07c160; color: #ffffff; }
QPushButton[role="primary"]:pressed { background: #06ad56; }
QPushButton[role="secondary"] { background: #f2f2f2; color: #07c160; }
QPushButton[role="secondary"]:pressed { background: #e0e0e0; }
QPushButton[role="link"] { background: transparent; color: #576b95; font-weight: 400; }
QPushButton[role="link"]:pressed { color: #3d4f78; }
QPushButton[role="smallPrimary"] { background: #07c160; color: #ffffff; font-size: 15px;
              min-height: 32px; border-radius: 6px; padding: 0px 14px; }
QPushButton[role="smallLink"] { background: transparent; color: #191919; font-size: 15px;
              font-weight: 400; min-height: 32px; padding: 0px 6px; }
QCheckBox { color: #7f7f7f; font-size: 13px; spacing: 8px; }
#failButton { padding: 0px 16px; }
QComboBox { font-size: 14px; }
QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; border: none; }
QLabel[role="modalTitle"] { font-size: 17px; font-weight: 600; }
QLabel[role="modalContent"] { color: #7f7f7f; font-size: 16px; }
QLabel[role="sheetAlert"] { color: #7f7f7f; font-size: 13px; padding: 16px 24px; }
QLineEdit[role="modalInput"] { background: #f7f7f7; border: none; border-radius: 6px;
              color: #191919; font-size: 16px; min-height: 40px; padding: 0px 10px; }
QPushButton[role="modalButton"] { background: transparent; border-radius: 0px;
              font-size: 17px; min-height: 56px; }
QPushButton[role="modalButton"]:pressed { background: #ececec; }
QPushButton[role="sheetItem"] { background: #ffffff; border-radius: 0px; font-size: 17px;
              font-weight: 400; min-height: 56px; }
QPushButton[role="sheetItem"]:pressed { background: #ececec; }
QFrame[role="sheetGap"] { background: #f7f7f7; border: none; }
)"_s;
    return sheet;
}

} // namespace

PromptOverlay::PromptOverlay(PromptKind kind, Placement placement, const QString &miniProgramName,
                             QWidget *screen)
    : QWidget(screen)
    , m_kind(kind)
    , m_placement(placement)
    , m_miniProgramName(miniProgramName)
    , m_card(new QFrame(this))
    , m_cardLayout(new QVBoxLayout(m_card))
{
    // Created hidden on purpose: a queued popup must not appear when the
    // screen is shown; OverlayHostPrompts shows one at a time.
    hide();
    setFocusPolicy(Qt::StrongFocus);
    // Taps on the backdrop must not reach the page below.
    setAttribute(Qt::WA_NoMousePropagation);
    setStyleSheet(promptStyleSheet());

    m_card->setObjectName(u"promptCard"_s);
    switch (placement) {
    case Placement::BottomSheet:
        m_card->setProperty("placement", u"sheet"_s);
        break;
    case Placement::CentredCard:
        m_card->setProperty("placement", u"card"_s);
        break;
    case Placement::FullPage:
        m_card->setProperty("placement", u"page"_s);
        break;
    }
    if (placement == Placement::FullPage)
        m_cardLayout->setContentsMargins(0, 0, 0, 0);
    else
        m_cardLayout->setContentsMargins(SheetPadding, SheetPadding, SheetPadding, SheetPadding);
    m_cardLayout->setSpacing(0);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(0);
    switch (placement) {
    case Placement::BottomSheet:
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addStretch(1);
        layout->addWidget(m_card);
        break;
    case Placement::CentredCard:
        layout->setContentsMargins(CardSideMargin, SheetPadding, CardSideMargin, SheetPadding);
        layout->addStretch(1);
        layout->addWidget(m_card);
        layout->addStretch(1);
        break;
    case Placement::FullPage:
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_card);
        break;
    }

    if (screen) {
        screen->installEventFilter(this);
        followScreen();
    }
}

PromptOverlay::~PromptOverlay() = default;

PromptKind PromptOverlay::kind() const
{
    return m_kind;
}

bool PromptOverlay::isAnswered() const
{
    return m_answered;
}

bool PromptOverlay::answerPrimary()
{
    if (m_answered)
        return false;
    deliverPrimary();
    return true;
}

bool PromptOverlay::answerSecondary()
{
    if (m_answered || !hasSecondaryAnswer())
        return false;
    deliverSecondary();
    return true;
}

QFrame *PromptOverlay::card() const
{
    return m_card;
}

QString PromptOverlay::miniProgramName() const
{
    return m_miniProgramName;
}

QVBoxLayout *PromptOverlay::cardLayout() const
{
    return m_cardLayout;
}

QWidget *PromptOverlay::createHeader()
{
    auto *header = new QWidget(m_card);
    header->setObjectName(u"header"_s);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    auto *icon = new LetterBadge(header);
    icon->setObjectName(u"miniProgramIcon"_s);
    icon->setSide(24);
    icon->setName(m_miniProgramName);
    layout->addWidget(icon);
    QLabel *name = createLabel(m_miniProgramName, u"appName"_s);
    name->setObjectName(u"miniProgramNameLabel"_s);
    name->setWordWrap(false);
    layout->addWidget(name, 1);
    return header;
}

QLabel *PromptOverlay::createLabel(const QString &text, const QString &role)
{
    auto *label = new QLabel(text, m_card);
    label->setProperty("role", role);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QPushButton *PromptOverlay::createButton(const QString &text, const QString &role)
{
    auto *button = new QPushButton(text, m_card);
    button->setProperty("role", role);
    button->setCursor(Qt::PointingHandCursor);
    // The overlay keeps the focus, so Return and Escape always mean the
    // primary and the secondary answer.
    button->setFocusPolicy(Qt::NoFocus);
    button->setAutoDefault(false);
    return button;
}

QFrame *PromptOverlay::createDivider()
{
    auto *divider = new QFrame(m_card);
    divider->setProperty("role", u"divider"_s);
    divider->setFixedHeight(1);
    return divider;
}

QWidget *PromptOverlay::createAnswerButtons(const QString &secondaryText,
                                            const QString &primaryText)
{
    auto *row = new QWidget(m_card);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    QPushButton *secondary = createButton(secondaryText, u"secondary"_s);
    secondary->setObjectName(u"secondaryButton"_s);
    QPushButton *primary = createButton(primaryText, u"primary"_s);
    primary->setObjectName(u"primaryButton"_s);
    connect(secondary, &QPushButton::clicked, this, [this] { answerSecondary(); });
    connect(primary, &QPushButton::clicked, this, [this] { answerPrimary(); });
    layout->addStretch(1);
    layout->addWidget(secondary, 2);
    layout->addWidget(primary, 2);
    layout->addStretch(1);
    return row;
}

bool PromptOverlay::event(QEvent *event)
{
    // Claim Return and Escape before window shortcuts see them.
    if (event->type() == QEvent::ShortcutOverride) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Escape) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

bool PromptOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        followScreen();
    return QWidget::eventFilter(watched, event);
}

void PromptOverlay::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        answerPrimary();
        break;
    case Qt::Key_Escape:
        answerSecondary();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PromptOverlay::mousePressEvent(QMouseEvent *event)
{
    // The backdrop swallows taps; it never answers the popup.
    event->accept();
}

void PromptOverlay::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    if (m_placement == Placement::FullPage)
        return;
    QPainter painter(this);
    painter.fillRect(rect(), QColor::fromRgba(BackdropColor));
}

void PromptOverlay::showEvent(QShowEvent *event)
{
    followScreen();
    raise();
    setFocus(Qt::PopupFocusReason);
    QWidget::showEvent(event);
}

void PromptOverlay::followScreen()
{
    if (QWidget *screen = parentWidget())
        setGeometry(screen->rect());
}

} // namespace mpsim::app
