#pragma once

#include "prompts/promptoverlay.h"

#include "host/hostprompts.h"

namespace mpsim::app {

// wx.authorize's bottom sheet: "<name> wants to <what the scope allows>",
// Deny / Allow.
class AuthorizeOverlay final : public PromptOverlay
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorizeOverlay)

public:
    AuthorizeOverlay(const core::AuthorizePrompt &prompt, const QString &miniProgramName,
                     std::function<void(core::PromptAnswer)> answer, QWidget *screen);
    // Answers Deny when destroyed unanswered.
    ~AuthorizeOverlay() override;

    // What the sheet says the mini-program wants ("use your location"): the
    // prompt's description, else the scope table's, else the scope's name.
    static QString scopeWording(const core::AuthorizePrompt &prompt);

    // False when already answered.
    bool answer(core::PromptAnswer answer);

protected:
    void deliverPrimary() override;
    void deliverSecondary() override;

private:
    std::function<void(core::PromptAnswer)> m_answer;
};

} // namespace mpsim::app
