#include "prompts/actionsheetoverlay.h"

#include <QColor>
#include <QFrame>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mpsim::app {

ActionSheetOverlay::ActionSheetOverlay(const core::ActionSheetPrompt &prompt,
                                       const QString &miniProgramName,
                                       std::function<void(core::ActionSheetAnswer)> answer,
                                       QWidget *screen)
    : PromptOverlay(PromptKind::ActionSheet, Placement::BottomSheet, miniProgramName, screen)
    , m_answer(std::move(answer))
    , m_itemCount(int(prompt.itemList.size()))
{
    setObjectName(u"actionSheetOverlay"_s);
    QVBoxLayout *layout = cardLayout();
    layout->setContentsMargins(0, 0, 0, 0);

    const QString alert = QString::fromStdString(prompt.alertText);
    if (!alert.isEmpty()) {
        QLabel *alertLabel = createLabel(alert, u"sheetAlert"_s);
        alertLabel->setObjectName(u"alertLabel"_s);
        alertLabel->setAlignment(Qt::AlignCenter);
        layout->addWidget(alertLabel);
        layout->addWidget(createDivider());
    }
    const QString itemColour = QString::fromStdString(prompt.itemColor);
    const QString colour = QColor::isValidColorName(itemColour)
                               ? QColor::fromString(itemColour).name()
                               : u"#000000"_s;
    for (int i = 0; i < m_itemCount; ++i) {
        if (i > 0)
            layout->addWidget(createDivider());
        QPushButton *item
            = createButton(QString::fromStdString(prompt.itemList[std::size_t(i)]), u"sheetItem"_s);
        item->setObjectName(u"itemButton"_s);
        item->setProperty("tapIndex", i);
        item->setStyleSheet(u"color: %1;"_s.arg(colour));
        connect(item, &QPushButton::clicked, this, [this, i] { choose(i); });
        layout->addWidget(item);
    }
    auto *gap = new QFrame(card());
    gap->setProperty("role", u"sheetGap"_s);
    gap->setFixedHeight(8);
    layout->addWidget(gap);
    QPushButton *cancelButton = createButton(tr("Cancel"), u"sheetItem"_s);
    cancelButton->setObjectName(u"secondaryButton"_s);
    connect(cancelButton, &QPushButton::clicked, this, [this] { answerSecondary(); });
    layout->addWidget(cancelButton);
}

ActionSheetOverlay::~ActionSheetOverlay()
{
    settle(m_answer, core::ActionSheetAnswer{});
}

int ActionSheetOverlay::itemCount() const
{
    return m_itemCount;
}

bool ActionSheetOverlay::choose(int index)
{
    if (index < 0 || index >= m_itemCount)
        return false;
    return deliver(m_answer, core::ActionSheetAnswer{index});
}

bool ActionSheetOverlay::cancel()
{
    return deliver(m_answer, core::ActionSheetAnswer{});
}

void ActionSheetOverlay::deliverPrimary()
{
    choose(0);
}

void ActionSheetOverlay::deliverSecondary()
{
    cancel();
}

void ActionSheetOverlay::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    if (key >= Qt::Key_1 && key <= Qt::Key_6
        && (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
        choose(key - Qt::Key_1);
        event->accept();
        return;
    }
    PromptOverlay::keyPressEvent(event);
}

} // namespace mpsim::app
