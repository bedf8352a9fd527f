#pragma once

#include "prompts/promptoverlay.h"

#include "host/hostprompts.h"

#include <vector>

class QCheckBox;

namespace mpsim::app {

class ToggleSwitch;

// wx.requestSubscribeMessage's bottom sheet: one switch per template (on by
// default), "Always keep this choice", Cancel (reject all) / OK (the
// switches).
class SubscribeOverlay final : public PromptOverlay
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscribeOverlay)

public:
    SubscribeOverlay(const core::SubscribePrompt &prompt, const QString &miniProgramName,
                     std::function<void(core::SubscribeAnswer)> answer, QWidget *screen);
    // Answers "reject all" when destroyed unanswered.
    ~SubscribeOverlay() override;

    // What OK would answer now: every template with its switch, and the
    // "always keep this choice" box.
    core::SubscribeAnswer currentChoice() const;
    // Cancel's answer: every template rejected, nothing kept.
    core::SubscribeAnswer rejectAll() const;

    // False when already answered.
    bool answer(const core::SubscribeAnswer &answer);

protected:
    void deliverPrimary() override;
    void deliverSecondary() override;

private:
    QWidget *createTemplateRow(const core::SubscribeTemplateChoice &choice);

    std::function<void(core::SubscribeAnswer)> m_answer;
    std::vector<std::pair<std::string, ToggleSwitch *>> m_switches;
    QCheckBox *m_keepChoice = nullptr;
};

} // namespace mpsim::app
