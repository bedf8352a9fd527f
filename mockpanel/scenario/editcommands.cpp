#include "scenario/editcommands.h"

#include "scenario/workingscenario.h"

namespace mpsim::mockpanel {

ScenarioEditCommand::ScenarioEditCommand(WorkingScenario &model, core::Scenario before,
                                         core::Scenario after, const QString &text,
                                         const QString &mergeKey)
    : QUndoCommand(text)
    , m_model(model)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeKey(mergeKey)
{}

void ScenarioEditCommand::undo()
{
    m_model.replaceScenario(m_before);
}

void ScenarioEditCommand::redo()
{
    m_model.replaceScenario(m_after);
}

bool ScenarioEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ScenarioEditCommand *>(other);
    if (next->m_mergeKey != m_mergeKey)
        return false;
    m_after = next->m_after;
    // Typing a character and deleting it again leaves nothing to undo.
    setObsolete(!differingParts(m_before, m_after));
    return true;
}

ProjectRulesEditCommand::ProjectRulesEditCommand(WorkingScenario &model, core::MockConfig before,
                                                 core::MockConfig after, const QString &text,
                                                 const QString &mergeKey)
    : QUndoCommand(text)
    , m_model(model)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeKey(mergeKey)
{}

void ProjectRulesEditCommand::undo()
{
    m_model.replaceProjectRules(m_before);
}

void ProjectRulesEditCommand::redo()
{
    m_model.replaceProjectRules(m_after);
}

bool ProjectRulesEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ProjectRulesEditCommand *>(other);
    if (next->m_mergeKey != m_mergeKey)
        return false;
    m_after = next->m_after;
    setObsolete(sameRules(m_before, m_after));
    return true;
}

bool sameRules(const core::MockConfig &a, const core::MockConfig &b)
{
    return a.rules.globalOpen == b.rules.globalOpen && a.rules.toJson() == b.rules.toJson();
}

} // namespace mpsim::mockpanel
