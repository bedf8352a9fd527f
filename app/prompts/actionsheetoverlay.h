#pragma once

#include "prompts/promptoverlay.h"

#include "host/hostprompts.h"

namespace mpsim::app {

// wx.showActionSheet's sheet: the optional alert text, one row per item in
// the page's item colour, and Cancel below a gap. A tap on an item answers
// its index; Cancel (or Escape) answers cancel. The keys 1 to 6 pick an item;
// Return (the primary answer) picks the first one.
class ActionSheetOverlay final : public PromptOverlay
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionSheetOverlay)

public:
    ActionSheetOverlay(const core::ActionSheetPrompt &prompt, const QString &miniProgramName,
                       std::function<void(core::ActionSheetAnswer)> answer, QWidget *screen);
    // Answers Cancel when destroyed unanswered.
    ~ActionSheetOverlay() override;

    int itemCount() const;
    // False when `index` is not an item or the sheet was answered.
    bool choose(int index);
    // False when already answered.
    bool cancel();

protected:
    void deliverPrimary() override;
    void deliverSecondary() override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    std::function<void(core::ActionSheetAnswer)> m_answer;
    int m_itemCount = 0;
};

} // namespace mpsim::app
