#pragma once

#include "mock/mockconfig.h"
#include "mock/scenario.h"

#include <QString>
#include <QUndoCommand>

namespace mpsim::mockpanel {

class WorkingScenario;

// An edit of the working scenario, kept as the scenario before and after:
// scenarios are small, and a whole-value command cannot get out of step with
// the model the way per-field commands can.
class ScenarioEditCommand final : public QUndoCommand
{
public:
    static constexpr int Id = 0x6d70; // commands with a merge key

    ScenarioEditCommand(WorkingScenario &model, core::Scenario before, core::Scenario after,
                        const QString &text, const QString &mergeKey);

    void undo() override;
    void redo() override;
    int id() const override { return m_mergeKey.isEmpty() ? -1 : Id; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    WorkingScenario &m_model;
    core::Scenario m_before;
    core::Scenario m_after;
    QString m_mergeKey;
};

// An edit of the open project's mockConfig rules.
class ProjectRulesEditCommand final : public QUndoCommand
{
public:
    static constexpr int Id = 0x6d71;

    ProjectRulesEditCommand(WorkingScenario &model, core::MockConfig before, core::MockConfig after,
                            const QString &text, const QString &mergeKey);

    void undo() override;
    void redo() override;
    int id() const override { return m_mergeKey.isEmpty() ? -1 : Id; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    WorkingScenario &m_model;
    core::MockConfig m_before;
    core::MockConfig m_after;
    QString m_mergeKey;
};

bool sameRules(const core::MockConfig &a, const core::MockConfig &b);

} // namespace mpsim::mockpanel
