#include "prompts/modaloverlay.h"

#include <QColor>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mpsim::app {

namespace {

// The page's colour when Qt can read it ("#576B95", "red"), else `fallback`.
QString colourOr(const std::string &colour, const QString &fallback)
{
    const QString name = QString::fromStdString(colour);
    return QColor::isValidColorName(name) ? QColor::fromString(name).name() : fallback;
}

} // namespace

ModalOverlay::ModalOverlay(const core::ModalPrompt &prompt, const QString &miniProgramName,
                           std::function<void(core::ModalAnswer)> answer, QWidget *screen)
    : PromptOverlay(PromptKind::Modal, Placement::CentredCard, miniProgramName, screen)
    , m_answer(std::move(answer))
    , m_editable(prompt.editable)
    , m_showCancel(prompt.showCancel)
{
    setObjectName(u"modalOverlay"_s);
    QVBoxLayout *layout = cardLayout();
    layout->setContentsMargins(0, 0, 0, 0);

    auto *body = new QWidget(card());
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(24, 32, 24, 32);
    bodyLayout->setSpacing(8);
    const QString title = QString::fromStdString(prompt.title);
    const QString content = QString::fromStdString(prompt.content);
    QLabel *titleLabel = createLabel(title, u"modalTitle"_s);
    titleLabel->setObjectName(u"titleLabel"_s);
    titleLabel->setAlignment(Qt::AlignHCenter);
    titleLabel->setVisible(!title.isEmpty());
    bodyLayout->addWidget(titleLabel);
    if (m_editable) {
        // An editable dialog starts with the content in its text field.
        m_input = new QLineEdit(content, body);
        m_input->setObjectName(u"contentInput"_s);
        m_input->setProperty("role", u"modalInput"_s);
        m_input->setPlaceholderText(QString::fromStdString(prompt.placeholderText));
        connect(m_input, &QLineEdit::returnPressed, this, [this] { answerPrimary(); });
        bodyLayout->addSpacing(8);
        bodyLayout->addWidget(m_input);
    } else {
        QLabel *contentLabel = createLabel(content, u"modalContent"_s);
        contentLabel->setObjectName(u"contentLabel"_s);
        contentLabel->setAlignment(Qt::AlignHCenter);
        contentLabel->setVisible(!content.isEmpty());
        bodyLayout->addWidget(contentLabel);
    }
    layout->addWidget(body);
    layout->addWidget(createDivider());

    auto *buttons = new QWidget(card());
    auto *buttonLayout = new QHBoxLayout(buttons);
    buttonLayout->setContentsMargins(0, 0, 0, 0);
    buttonLayout->setSpacing(0);
    if (m_showCancel) {
        QPushButton *cancelButton
            = createButton(QString::fromStdString(prompt.cancelText), u"modalButton"_s);
        cancelButton->setObjectName(u"secondaryButton"_s);
        cancelButton->setStyleSheet(
            u"color: %1;"_s.arg(colourOr(prompt.cancelColor, u"#000000"_s)));
        connect(cancelButton, &QPushButton::clicked, this, [this] { answerSecondary(); });
        buttonLayout->addWidget(cancelButton, 1);
        auto *separator = new QFrame(buttons);
        separator->setProperty("role", u"divider"_s);
        separator->setFixedWidth(1);
        buttonLayout->addWidget(separator);
    }
    QPushButton *confirmButton
        = createButton(QString::fromStdString(prompt.confirmText), u"modalButton"_s);
    confirmButton->setObjectName(u"primaryButton"_s);
    confirmButton->setStyleSheet(u"color: %1;"_s.arg(colourOr(prompt.confirmColor, u"#576b95"_s)));
    connect(confirmButton, &QPushButton::clicked, this, [this] { answerPrimary(); });
    buttonLayout->addWidget(confirmButton, 1);
    layout->addWidget(buttons);
}

ModalOverlay::~ModalOverlay()
{
    settle(m_answer, core::ModalAnswer{false, std::nullopt});
}

bool ModalOverlay::isEditable() const
{
    return m_editable;
}

bool ModalOverlay::hasCancel() const
{
    return m_showCancel;
}

QString ModalOverlay::inputText() const
{
    return m_input ? m_input->text() : QString();
}

bool ModalOverlay::confirm(std::optional<QString> content)
{
    core::ModalAnswer answer{true, std::nullopt};
    if (m_editable)
        answer.content = content.value_or(inputText()).toStdString();
    return deliver(m_answer, answer);
}

bool ModalOverlay::cancel()
{
    if (!m_showCancel)
        return false;
    core::ModalAnswer answer{false, std::nullopt};
    if (m_editable)
        answer.content = inputText().toStdString();
    return deliver(m_answer, answer);
}

bool ModalOverlay::hasSecondaryAnswer() const
{
    return m_showCancel;
}

void ModalOverlay::deliverPrimary()
{
    confirm();
}

void ModalOverlay::deliverSecondary()
{
    cancel();
}

void ModalOverlay::showEvent(QShowEvent *event)
{
    PromptOverlay::showEvent(event);
    // Typing goes to the text field at once; Return and Escape still answer.
    if (m_input)
        m_input->setFocus(Qt::PopupFocusReason);
}

} // namespace mpsim::app
