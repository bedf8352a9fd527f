#pragma once

#include "scenario/workingscenario.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QListView;
class QPushButton;
class QToolButton;

namespace mpsim::mockpanel {

class ResponsiveSplitter;
class RuleEditor;
class RuleListModel;

// Mock rules, like the mini-program IDEs' API Mock: an ordered list (drag to
// reorder; the first enabled rule that fits a call answers it) and the
// selected rule's form. Two lists answer calls, the scenario's first, then
// the open project's project.config.json mockConfig rules, which are saved
// back to that file keeping every byte outside the block.
class RulesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulesPage)

public:
    explicit RulesPage(WorkingScenario &model, QWidget *parent = nullptr);

    RuleSet ruleSet() const;
    void setRuleSet(RuleSet set);
    void setKnownApis(const QStringList &apis);

    int currentRule() const;
    void setCurrentRule(int index);
    void addRule();
    void duplicateRule();
    void removeRule();
    void moveRule(int by);

    RuleListModel *listModel() const { return m_list; }
    QListView *listView() const { return m_view; }
    RuleEditor *editor() const { return m_editor; }

    // The list sits left of the rule's form from this width on, above it below.
    static constexpr int SideBySideWidth = 760;

signals:
    // The list shown changed (its undo stack becomes the active one).
    void ruleSetChanged(mpsim::mockpanel::RuleSet set);
    // "Save to project.config.json" was pressed.
    void saveProjectRulesRequested();

private:
    void updateHeader();
    void listChanged();

    WorkingScenario &m_model;
    RuleListModel *m_list;
    QToolButton *m_scenarioButton;
    QToolButton *m_projectButton;
    QCheckBox *m_globalOpen;
    QPushButton *m_saveProject;
    QLabel *m_note;
    QListView *m_view;
    QToolButton *m_duplicate;
    QToolButton *m_remove;
    QToolButton *m_up;
    QToolButton *m_down;
    RuleEditor *m_editor;
    ResponsiveSplitter *m_splitter = nullptr;
    std::string m_selectedId; // follows the selected rule through moves
};

} // namespace mpsim::mockpanel
