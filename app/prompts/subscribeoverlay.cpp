#include "prompts/subscribeoverlay.h"

#include "prompts/toggleswitch.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mpsim::app {

SubscribeOverlay::SubscribeOverlay(const core::SubscribePrompt &prompt,
                                   const QString &miniProgramName,
                                   std::function<void(core::SubscribeAnswer)> answer,
                                   QWidget *screen)
    : PromptOverlay(PromptKind::Subscribe, Placement::BottomSheet, miniProgramName, screen)
    , m_answer(std::move(answer))
{
    setObjectName(u"subscribeOverlay"_s);
    QVBoxLayout *layout = cardLayout();
    layout->addWidget(createHeader());
    layout->addSpacing(20);
    QLabel *title
        = createLabel(tr("%1 wants to send you these messages").arg(miniProgramName), u"title"_s);
    title->setObjectName(u"titleLabel"_s);
    layout->addWidget(title);
    layout->addSpacing(12);
    layout->addWidget(createDivider());
    for (const auto &choice : prompt.templates) {
        layout->addWidget(createTemplateRow(choice));
        layout->addWidget(createDivider());
    }
    layout->addSpacing(14);
    m_keepChoice = new QCheckBox(tr("Always keep this choice, don't ask again"), card());
    m_keepChoice->setObjectName(u"keepChoiceCheckBox"_s);
    m_keepChoice->setFocusPolicy(Qt::TabFocus);
    layout->addWidget(m_keepChoice);
    layout->addSpacing(24);
    layout->addWidget(createAnswerButtons(tr("Cancel"), tr("OK")));
    layout->addSpacing(8);
}

SubscribeOverlay::~SubscribeOverlay()
{
    settle(m_answer, rejectAll());
}

core::SubscribeAnswer SubscribeOverlay::currentChoice() const
{
    core::SubscribeAnswer choice;
    for (const auto &[tmplId, toggle] : m_switches)
        choice.accepted[tmplId] = toggle->isChecked();
    choice.keepChoice = m_keepChoice->isChecked();
    return choice;
}

core::SubscribeAnswer SubscribeOverlay::rejectAll() const
{
    core::SubscribeAnswer choice;
    for (const auto &entry : m_switches)
        choice.accepted[entry.first] = false;
    return choice;
}

bool SubscribeOverlay::answer(const core::SubscribeAnswer &answer)
{
    return deliver(m_answer, answer);
}

void SubscribeOverlay::deliverPrimary()
{
    answer(currentChoice());
}

void SubscribeOverlay::deliverSecondary()
{
    answer(rejectAll());
}

QWidget *SubscribeOverlay::createTemplateRow(const core::SubscribeTemplateChoice &choice)
{
    auto *row = new QWidget(card());
    row->setObjectName(u"templateRow"_s);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 12, 0, 12);
    layout->setSpacing(12);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    QLabel *title = createLabel(QString::fromStdString(choice.title), u""_s);
    title->setObjectName(u"templateTitleLabel"_s);
    texts->addWidget(title);
    texts->addWidget(createLabel(
        choice.permanent ? tr("Long-term subscription") : tr("One-time notice"), u"caption"_s));
    layout->addLayout(texts, 1);

    auto *toggle = new ToggleSwitch(row);
    toggle->setObjectName(u"templateSwitch"_s);
    toggle->setProperty("tmplId", QString::fromStdString(choice.tmplId));
    toggle->setAccessibleName(QString::fromStdString(choice.title));
    toggle->setChecked(true);
    layout->addWidget(toggle, 0, Qt::AlignVCenter);
    m_switches.emplace_back(choice.tmplId, toggle);
    return row;
}

} // namespace mpsim::app
