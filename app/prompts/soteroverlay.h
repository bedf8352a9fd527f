#pragma once

#include "prompts/promptoverlay.h"

#include "host/hostprompts.h"

class QComboBox;

namespace mpsim::app {

// The SOTER biometric prompt, a centred card: the mode's glyph, the
// mini-program's authContent, and since the simulator has no sensor,
// "Succeed" and "Fail" buttons with a choice of the failure's errCode, plus
// Cancel.
class SoterOverlay final : public PromptOverlay
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SoterOverlay)

public:
    SoterOverlay(const core::SoterPrompt &prompt, const QString &miniProgramName,
                 std::function<void(core::SoterAnswer)> answer, QWidget *screen);
    // Answers Cancel when destroyed unanswered.
    ~SoterOverlay() override;

    // The errCodes the failure combo offers, in its order (90009 first).
    static QList<int> failureCodes();

    // False when already answered.
    bool answer(const core::SoterAnswer &answer);

protected:
    void deliverPrimary() override;
    void deliverSecondary() override;

private:
    QWidget *createFailRow();

    std::function<void(core::SoterAnswer)> m_answer;
    QComboBox *m_errCodeCombo = nullptr;
};

} // namespace mpsim::app
