#include "prompts/userprofileoverlay.h"

#include "prompts/letterbadge.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mpsim::app {

namespace {

PromptKind kindOf(const core::UserProfilePrompt &prompt)
{
    return prompt.kind == core::UserProfilePrompt::Kind::GetUserInfoButton
               ? PromptKind::UserInfoButton
               : PromptKind::UserProfile;
}

} // namespace

UserProfileOverlay::UserProfileOverlay(const core::UserProfilePrompt &prompt,
                                       const QString &miniProgramName,
                                       std::function<void(core::PromptAnswer)> answer,
                                       QWidget *screen)
    : PromptOverlay(kindOf(prompt), Placement::BottomSheet, miniProgramName, screen)
    , m_answer(std::move(answer))
{
    const bool button = kind() == PromptKind::UserInfoButton;
    setObjectName(button ? u"userInfoButtonOverlay"_s : u"userProfileOverlay"_s);
    QVBoxLayout *layout = cardLayout();
    layout->addWidget(createHeader());
    layout->addSpacing(20);
    QLabel *title = createLabel(
        tr("%1 wants your public profile (nickname, avatar)").arg(miniProgramName), u"title"_s);
    title->setObjectName(u"titleLabel"_s);
    layout->addWidget(title);
    layout->addSpacing(8);
    // getUserProfile says why it asks; the button grants scope.userInfo for good.
    QLabel *detail = button ? createLabel(tr("Allowing also lets it read your profile later, "
                                             "without asking again."),
                                          u"detail"_s)
                            : createLabel(QString::fromStdString(prompt.desc), u"detail"_s);
    detail->setObjectName(button ? u"detailLabel"_s : u"descLabel"_s);
    layout->addWidget(detail);
    layout->addSpacing(16);
    layout->addWidget(createDivider());
    layout->addWidget(createProfileRow(prompt));
    layout->addWidget(createDivider());
    layout->addSpacing(28);
    layout->addWidget(createAnswerButtons(tr("Deny"), tr("Allow")));
    layout->addSpacing(8);
}

UserProfileOverlay::~UserProfileOverlay()
{
    settle(m_answer, core::PromptAnswer::Deny);
}

bool UserProfileOverlay::answer(core::PromptAnswer answer)
{
    return deliver(m_answer, answer);
}

void UserProfileOverlay::deliverPrimary()
{
    answer(core::PromptAnswer::Allow);
}

void UserProfileOverlay::deliverSecondary()
{
    answer(core::PromptAnswer::Deny);
}

QWidget *UserProfileOverlay::createProfileRow(const core::UserProfilePrompt &prompt)
{
    const QString nickName = QString::fromStdString(prompt.nickName);
    auto *row = new QWidget(card());
    row->setObjectName(u"profileRow"_s);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 12, 0, 12);
    layout->setSpacing(12);

    // The avatar is a placeholder: mpsim does not download avatarUrl.
    auto *avatar = new LetterBadge(row);
    avatar->setObjectName(u"avatar"_s);
    avatar->setShape(LetterBadge::Shape::RoundedSquare);
    avatar->setColors(QColor(0xff, 0xb1, 0x4a), Qt::white);
    avatar->setSide(44);
    avatar->setName(nickName);
    layout->addWidget(avatar);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    QLabel *nick = createLabel(nickName.isEmpty() ? tr("(no nickname)") : nickName, u""_s);
    nick->setObjectName(u"nickNameLabel"_s);
    nick->setWordWrap(false);
    texts->addWidget(nick);
    QLabel *caption = createLabel(tr("Your nickname and avatar"), u"caption"_s);
    caption->setWordWrap(false);
    texts->addWidget(caption);
    layout->addLayout(texts, 1);

    QLabel *check = createLabel(u"\u2713"_s, u"check"_s);
    check->setWordWrap(false);
    layout->addWidget(check);
    return row;
}

} // namespace mpsim::app
