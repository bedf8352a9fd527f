#pragma once

#include "prompts/promptoverlay.h"

#include "host/hostprompts.h"

#include <optional>

class QLineEdit;

namespace mpsim::app {

// wx.showModal's dialog: a centred card with the title, the content (or a
// text field when editable) and Cancel / OK side by side in the page's
// colours. Return confirms, Escape cancels (only when there is a Cancel).
class ModalOverlay final : public PromptOverlay
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModalOverlay)

public:
    ModalOverlay(const core::ModalPrompt &prompt, const QString &miniProgramName,
                 std::function<void(core::ModalAnswer)> answer, QWidget *screen);
    // Answers Cancel when destroyed unanswered.
    ~ModalOverlay() override;

    bool isEditable() const;
    bool hasCancel() const;
    // The text field's text (editable dialogs), else empty.
    QString inputText() const;

    // OK. For an editable dialog the answer's content is `content` when
    // given, else the text field's. False when already answered.
    bool confirm(std::optional<QString> content = std::nullopt);
    // Cancel; false when already answered or there is no Cancel.
    bool cancel();

    bool hasSecondaryAnswer() const override;

protected:
    void deliverPrimary() override;
    void deliverSecondary() override;
    void showEvent(QShowEvent *event) override;

private:
    std::function<void(core::ModalAnswer)> m_answer;
    bool m_editable = false;
    bool m_showCancel = true;
    QLineEdit *m_input = nullptr;
};

} // namespace mpsim::app
