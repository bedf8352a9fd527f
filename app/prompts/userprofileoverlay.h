#pragma once

#include "prompts/promptoverlay.h"

#include "host/hostprompts.h"

namespace mpsim::app {

// The user-info bottom sheet, for wx.getUserProfile (kind UserProfile: shows
// the mini-program's `desc`) and for <button open-type="getUserInfo"> (kind
// UserInfoButton). Both show the user's avatar placeholder and nickname;
// Deny / Allow.
class UserProfileOverlay final : public PromptOverlay
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserProfileOverlay)

public:
    UserProfileOverlay(const core::UserProfilePrompt &prompt, const QString &miniProgramName,
                       std::function<void(core::PromptAnswer)> answer, QWidget *screen);
    // Answers Deny when destroyed unanswered.
    ~UserProfileOverlay() override;

    // False when already answered.
    bool answer(core::PromptAnswer answer);

protected:
    void deliverPrimary() override;
    void deliverSecondary() override;

private:
    QWidget *createProfileRow(const core::UserProfilePrompt &prompt);

    std::function<void(core::PromptAnswer)> m_answer;
};

} // namespace mpsim::app
