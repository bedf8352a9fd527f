#include "scenario/workingscenario.h"

#include "mock/projectconfigfile.h"
#include "mock/scenariopresets.h"
#include "scenario/editcommands.h"

#include <QFile>
#include <QFileInfo>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

namespace {

const core::ScenarioPreset *presetWithId(const QString &id)
{
    for (const auto &preset : core::scenarioPresets()) {
        if (QString::fromStdString(preset.id) == id)
            return &preset;
    }
    return nullptr;
}

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

WorkingScenario::Parts differingParts(const core::Scenario &a, const core::Scenario &b)
{
    WorkingScenario::Parts parts;
    if (a.name != b.name || a.description != b.description)
        parts |= WorkingScenario::Part::Info;
    if (a.hostProfile.toJson() != b.hostProfile.toJson())
        parts |= WorkingScenario::Part::Profile;
    if (a.rules.globalOpen != b.rules.globalOpen || a.rules.toJson() != b.rules.toJson())
        parts |= WorkingScenario::Part::Rules;
    if (a.initialState.toJson() != b.initialState.toJson())
        parts |= WorkingScenario::Part::InitialState;
    if (a.clockOffsetMs != b.clockOffsetMs)
        parts |= WorkingScenario::Part::Clock;
    return parts;
}

WorkingScenario::WorkingScenario(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
    , m_projectUndoStack(new QUndoStack(this))
{
    m_undoStack->setUndoLimit(UndoLimit);
    m_projectUndoStack->setUndoLimit(UndoLimit);
    const core::ScenarioPreset &first = core::scenarioPresets().front();
    m_scenario = first.scenario;
    m_presetId = fromStd(first.id);
    connect(m_undoStack, &QUndoStack::cleanChanged, this, &WorkingScenario::documentChanged);
    connect(m_projectUndoStack, &QUndoStack::cleanChanged, this, &WorkingScenario::documentChanged);
}

WorkingScenario::~WorkingScenario()
{
    // The commands refer to this object: delete them while it is still whole.
    m_undoStack->blockSignals(true);
    m_projectUndoStack->blockSignals(true);
    m_undoStack->clear();
    m_projectUndoStack->clear();
}

QString WorkingScenario::displayName() const
{
    switch (m_origin) {
    case Origin::File:
        return QFileInfo(m_filePath).fileName();
    case Origin::Preset:
        if (const auto *preset = presetWithId(m_presetId))
            return fromStd(preset->scenario.name);
        return fromStd(m_scenario.name);
    case Origin::Untitled:
        break;
    }
    return tr("Untitled");
}

bool WorkingScenario::isModified() const
{
    return m_modifiedWithoutHistory || !m_undoStack->isClean();
}

void WorkingScenario::newScenario()
{
    core::Scenario scenario;
    scenario.name = tr("Untitled").toStdString();
    replaceDocument(std::move(scenario), Origin::Untitled, {}, {}, false, true);
}

bool WorkingScenario::loadPreset(const QString &presetId)
{
    const auto *preset = presetWithId(presetId);
    if (!preset)
        return false;
    replaceDocument(preset->scenario, Origin::Preset, {}, presetId, false, true);
    return true;
}

bool WorkingScenario::loadFile(const QString &path, QString *error)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo::exists(absolute)) {
        if (error)
            *error = tr("%1: no such file").arg(absolute);
        return false;
    }
    auto scenario = core::Scenario::load(absolute.toStdString());
    if (!scenario) {
        if (error)
            *error = fromStd(scenario.error().toString());
        return false;
    }
    replaceDocument(std::move(scenario).value(), Origin::File, absolute, {}, false, true);
    return true;
}

void WorkingScenario::restore(const core::ScenarioAutosave &autosave)
{
    replaceDocument(autosave.scenario, autosave.origin, fromStd(autosave.file),
                    fromStd(autosave.presetId), autosave.modified, false);
}

core::ScenarioAutosave WorkingScenario::autosave() const
{
    core::ScenarioAutosave autosave;
    autosave.origin = m_origin;
    autosave.file = m_filePath.toStdString();
    autosave.presetId = m_presetId.toStdString();
    autosave.modified = isModified();
    autosave.scenario = m_scenario;
    return autosave;
}

void WorkingScenario::replaceDocument(core::Scenario scenario, Origin origin,
                                      const QString &filePath, const QString &presetId,
                                      bool modified, bool applyInitialState)
{
    m_scenario = std::move(scenario);
    m_origin = origin;
    m_filePath = origin == Origin::File ? filePath : QString();
    m_presetId = origin == Origin::Preset ? presetId : QString();
    m_modifiedWithoutHistory = modified;
    m_undoStack->clear();
    emit changed(AllParts);
    emit documentChanged();
    emit documentReplaced(applyInitialState);
}

bool WorkingScenario::save(QString *error)
{
    if (m_origin != Origin::File) {
        if (error)
            *error = tr("%1 has no file yet: use Save As").arg(displayName());
        return false;
    }
    return saveAs(m_filePath, error);
}

bool WorkingScenario::saveAs(const QString &path, QString *error)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const auto saved = m_scenario.save(absolute.toStdString());
    if (!saved) {
        if (error)
            *error = fromStd(saved.error().toString());
        return false;
    }
    m_origin = Origin::File;
    m_filePath = absolute;
    m_presetId.clear();
    m_modifiedWithoutHistory = false;
    m_undoStack->setClean();
    emit documentChanged();
    return true;
}

bool WorkingScenario::edit(const QString &text, const QString &mergeKey,
                           const std::function<void(core::Scenario &)> &change)
{
    core::Scenario after = m_scenario;
    change(after);
    if (!differingParts(m_scenario, after))
        return false;
    m_undoStack->push(new ScenarioEditCommand(*this, m_scenario, std::move(after), text, mergeKey));
    return true;
}

bool WorkingScenario::editProfile(const QString &text, const QString &mergeKey,
                                  const std::function<void(core::HostProfile &)> &change)
{
    return edit(text, mergeKey, [&](core::Scenario &scenario) { change(scenario.hostProfile); });
}

void WorkingScenario::replaceScenario(const core::Scenario &scenario)
{
    const Parts parts = differingParts(m_scenario, scenario);
    m_scenario = scenario;
    if (parts)
        emit changed(parts);
    if (parts & Part::Info)
        emit documentChanged();
}

bool WorkingScenario::isProjectModified() const
{
    return !m_projectUndoStack->isClean();
}

bool WorkingScenario::setProject(const QString &configPath, QString *error)
{
    m_projectConfigPath = configPath.isEmpty() ? QString() : QFileInfo(configPath).absoluteFilePath();
    m_projectRules = {};
    bool ok = true;
    if (!m_projectConfigPath.isEmpty() && QFile::exists(m_projectConfigPath)) {
        auto file = core::ProjectConfigFile::load(m_projectConfigPath.toStdString());
        if (file) {
            m_projectRules = file->mockConfig();
        } else {
            ok = false;
            if (error)
                *error = fromStd(file.error().toString());
        }
    }
    m_projectUndoStack->clear();
    emit projectRulesChanged();
    emit documentChanged();
    return ok;
}

bool WorkingScenario::saveProjectRules(QString *error)
{
    if (m_projectConfigPath.isEmpty()) {
        if (error)
            *error = tr("No project is open");
        return false;
    }
    const auto saved = core::ProjectConfigFile::saveRules(m_projectConfigPath.toStdString(),
                                                          m_projectRules);
    if (!saved) {
        if (error)
            *error = fromStd(saved.error().toString());
        return false;
    }
    m_projectUndoStack->setClean();
    emit documentChanged();
    return true;
}

bool WorkingScenario::editProjectRules(const QString &text, const QString &mergeKey,
                                       const std::function<void(core::MockConfig &)> &change)
{
    if (m_projectConfigPath.isEmpty())
        return false;
    core::MockConfig after = m_projectRules;
    change(after);
    if (sameRules(m_projectRules, after))
        return false;
    m_projectUndoStack->push(
        new ProjectRulesEditCommand(*this, m_projectRules, std::move(after), text, mergeKey));
    return true;
}

void WorkingScenario::replaceProjectRules(const core::MockConfig &config)
{
    m_projectRules = config;
    emit projectRulesChanged();
}

const core::MockRules &WorkingScenario::rules(RuleSet set) const
{
    return set == RuleSet::Project ? m_projectRules.rules : m_scenario.rules;
}

bool WorkingScenario::editRules(RuleSet set, const QString &text, const QString &mergeKey,
                                const std::function<void(core::MockRules &)> &change)
{
    if (set == RuleSet::Project)
        return editProjectRules(text, mergeKey,
                                [&](core::MockConfig &config) { change(config.rules); });
    return edit(text, mergeKey, [&](core::Scenario &scenario) {
        change(scenario.rules);
        scenario.rules.globalOpen = true; // a scenario's rules have no main switch
    });
}

QUndoStack *WorkingScenario::undoStackFor(RuleSet set) const
{
    return set == RuleSet::Project ? m_projectUndoStack : m_undoStack;
}

core::MockRules WorkingScenario::rulesInForce() const
{
    return core::MockRules::chained(m_scenario.rules, m_projectRules.rules);
}

} // namespace mpsim::mockpanel
