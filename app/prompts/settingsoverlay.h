#pragma once

#include "prompts/promptoverlay.h"

#include "host/hostprompts.h"

#include <map>
#include <string>
#include <vector>

namespace mpsim::app {

class ToggleSwitch;

// wx.openSetting's full-screen "Settings" page: a switch per scope asked so
// far, with the scope's description. Done answers the switches as they are;
// Cancel (Escape) answers them as they were when the page opened.
class SettingsOverlay final : public PromptOverlay
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsOverlay)

public:
    SettingsOverlay(const core::SettingsPrompt &prompt, const QString &miniProgramName,
                    std::function<void(core::SettingsAnswer)> answer, QWidget *screen);
    // Answers the unchanged switches when destroyed unanswered.
    ~SettingsOverlay() override;

    // The switches as they are now / as they were when the page opened.
    core::SettingsAnswer currentSwitches() const;
    core::SettingsAnswer originalSwitches() const;

    // False when already answered.
    bool answer(const core::SettingsAnswer &answer);

protected:
    void deliverPrimary() override;
    void deliverSecondary() override;

private:
    QWidget *createNavigationBar();
    QWidget *createScopeRow(const std::string &scope, bool granted, QWidget *parent);

    std::function<void(core::SettingsAnswer)> m_answer;
    std::map<std::string, bool> m_original;
    std::vector<std::pair<std::string, ToggleSwitch *>> m_switches;
};

} // namespace mpsim::app
