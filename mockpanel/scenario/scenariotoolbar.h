#pragma once

#include <QToolBar>

class QComboBox;

namespace mpsim::mockpanel {

class ScenarioManager;

// The Scenario toolbar (objectName "scenarioToolBar"): a combo to switch the
// working scenario (the presets, then recent files; the current one marked
// "*" while it has unsaved changes), with New, Open, Save, Save As, Undo
// and Redo.
class ScenarioToolBar final : public QToolBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenarioToolBar)

public:
    // `manager` must outlive the toolbar.
    explicit ScenarioToolBar(ScenarioManager &manager, QWidget *parent = nullptr);

    QComboBox *combo() const { return m_combo; }

private:
    void rebuild();
    void activate(int index);

    ScenarioManager &m_manager;
    QComboBox *m_combo;
    bool m_rebuilding = false;
};

} // namespace mpsim::mockpanel
