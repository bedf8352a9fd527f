#include "prompts/authorizeoverlay.h"

#include "host/scopes.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mpsim::app {

AuthorizeOverlay::AuthorizeOverlay(const core::AuthorizePrompt &prompt,
                                   const QString &miniProgramName,
                                   std::function<void(core::PromptAnswer)> answer, QWidget *screen)
    : PromptOverlay(PromptKind::Authorize, Placement::BottomSheet, miniProgramName, screen)
    , m_answer(std::move(answer))
{
    setObjectName(u"authorizeOverlay"_s);
    QVBoxLayout *layout = cardLayout();
    layout->addWidget(createHeader());
    layout->addSpacing(20);
    QLabel *title
        = createLabel(tr("%1 wants to %2").arg(miniProgramName, scopeWording(prompt)), u"title"_s);
    title->setObjectName(u"titleLabel"_s);
    layout->addWidget(title);
    layout->addSpacing(8);
    QLabel *detail = createLabel(tr("You can change this later in Settings."), u"detail"_s);
    detail->setObjectName(u"detailLabel"_s);
    layout->addWidget(detail);
    layout->addSpacing(16);
    layout->addWidget(createDivider());
    layout->addSpacing(10);
    QLabel *scope = createLabel(QString::fromStdString(prompt.scope), u"caption"_s);
    scope->setObjectName(u"scopeLabel"_s);
    layout->addWidget(scope);
    layout->addSpacing(28);
    layout->addWidget(createAnswerButtons(tr("Deny"), tr("Allow")));
    layout->addSpacing(8);
}

AuthorizeOverlay::~AuthorizeOverlay()
{
    settle(m_answer, core::PromptAnswer::Deny);
}

QString AuthorizeOverlay::scopeWording(const core::AuthorizePrompt &prompt)
{
    if (!prompt.description.empty())
        return QString::fromStdString(prompt.description);
    if (const core::ScopeInfo *info = core::findScope(prompt.scope))
        return QString::fromUtf8(info->description.data(), qsizetype(info->description.size()));
    return tr("use %1").arg(QString::fromStdString(prompt.scope));
}

bool AuthorizeOverlay::answer(core::PromptAnswer answer)
{
    return deliver(m_answer, answer);
}

void AuthorizeOverlay::deliverPrimary()
{
    answer(core::PromptAnswer::Allow);
}

void AuthorizeOverlay::deliverSecondary()
{
    answer(core::PromptAnswer::Deny);
}

} // namespace mpsim::app
