#pragma once

#include "mock/mockconfig.h"
#include "mock/scenario.h"
#include "mock/scenarioautosave.h"

#include <QFlags>
#include <QObject>
#include <QString>

#include <functional>

class QUndoStack;

namespace mpsim::mockpanel {

// Which rule list an edit is about: the working scenario's own rules, or the
// open project's project.config.json mockConfig rules.
enum class RuleSet { Scenario, Project };

// The working scenario: the scenario being edited in the mock panel (host
// profile, rules, initial state, clock offset), where it came from, and the
// open project's mockConfig rules. The model behind every mock panel page;
// it has no widgets.
//
// Every edit is a command on an undo stack, one per document: the scenario's
// stack and the project rules' stack (they are saved to different files).
// Consecutive edits with the same merge key (typing in one field) are one
// command. Each change is announced by changed() / projectRulesChanged().
class WorkingScenario final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkingScenario)

public:
    enum class Part {
        Info = 0x1,         // name, description
        Profile = 0x2,      // hostProfile
        Rules = 0x4,        // rules
        InitialState = 0x8, // initialState
        Clock = 0x10        // clockOffsetMs
    };
    Q_DECLARE_FLAGS(Parts, Part)
    static constexpr Parts AllParts = Parts(0x1f);

    using Origin = core::ScenarioAutosave::Origin;
    static constexpr int UndoLimit = 500;

    // Starts as the "New user" preset.
    explicit WorkingScenario(QObject *parent = nullptr);
    ~WorkingScenario() override;

    const core::Scenario &scenario() const { return m_scenario; }
    const core::HostProfile &hostProfile() const { return m_scenario.hostProfile; }

    Origin origin() const { return m_origin; }
    // The scenario file (Origin::File), else empty.
    QString filePath() const { return m_filePath; }
    // The preset it started from (Origin::Preset), else empty.
    QString presetId() const { return m_presetId; }
    // What the scenario combo and titles call it: the file's name, the
    // preset's name, or "Untitled".
    QString displayName() const;
    // True when the scenario differs from its file or preset (or an untitled
    // scenario was edited).
    bool isModified() const;
    QUndoStack *undoStack() const { return m_undoStack; }

    // Replace the working scenario (not undoable: the history is cleared).
    // Each emits documentReplaced(true): the new scenario's initial state
    // applies to the mini-program on screen.
    void newScenario();
    bool loadPreset(const QString &presetId);
    // Opens a *.mpsim.json file. A file that is invalid or from a newer mpsim
    // changes nothing; `error` then names the file, the place and the problem.
    bool loadFile(const QString &path, QString *error);
    // Restores an autosave (documentReplaced(false): the host state is kept).
    void restore(const core::ScenarioAutosave &autosave);
    core::ScenarioAutosave autosave() const;

    // Writes the scenario atomically to its file (Origin::File only).
    bool save(QString *error);
    // Writes it to `path` atomically; the working scenario then belongs to that file.
    bool saveAs(const QString &path, QString *error);

    // An undoable edit: `change` is applied to a copy of the scenario; nothing
    // happens when the copy is equal. `text` names the command in the undo
    // history; a non-empty `mergeKey` merges it with the previous command when
    // that has the same key. Returns whether anything changed.
    bool edit(const QString &text, const QString &mergeKey,
              const std::function<void(core::Scenario &)> &change);
    bool editProfile(const QString &text, const QString &mergeKey,
                     const std::function<void(core::HostProfile &)> &change);

    // The open project's mockConfig (project.config.json).
    bool hasProject() const { return !m_projectConfigPath.isEmpty(); }
    QString projectConfigPath() const { return m_projectConfigPath; }
    const core::MockConfig &projectRules() const { return m_projectRules; }
    QUndoStack *projectUndoStack() const { return m_projectUndoStack; }
    bool isProjectModified() const;
    // Reads `configPath`'s mockConfig (an absent file or block: no rules);
    // empty `configPath`: no project. Clears the project rules' history.
    // Fails, with no project rules then, when the file cannot be read.
    bool setProject(const QString &configPath, QString *error);
    // Writes the project rules into project.config.json: only the mockConfig
    // block changes, every other byte stays.
    bool saveProjectRules(QString *error);
    bool editProjectRules(const QString &text, const QString &mergeKey,
                          const std::function<void(core::MockConfig &)> &change);

    // One rule list, whichever document holds it.
    const core::MockRules &rules(RuleSet set) const;
    bool editRules(RuleSet set, const QString &text, const QString &mergeKey,
                   const std::function<void(core::MockRules &)> &change);
    QUndoStack *undoStackFor(RuleSet set) const;
    // What answers calls: the scenario's rules, then the project's (while
    // its globalOpen is on).
    core::MockRules rulesInForce() const;

    // Used by the undo commands: replace without recording.
    void replaceScenario(const core::Scenario &scenario);
    void replaceProjectRules(const core::MockConfig &config);

signals:
    void changed(mpsim::mockpanel::WorkingScenario::Parts parts);
    void projectRulesChanged();
    // The origin, file, name or modified mark changed.
    void documentChanged();
    // Another scenario replaced the working one. `applyInitialState` is
    // false for a restored autosave.
    void documentReplaced(bool applyInitialState);

private:
    void replaceDocument(core::Scenario scenario, Origin origin, const QString &filePath,
                         const QString &presetId, bool modified, bool applyInitialState);

    core::Scenario m_scenario;
    Origin m_origin = Origin::Preset;
    QString m_filePath;
    QString m_presetId;
    bool m_modifiedWithoutHistory = false; // a restored autosave's edits
    QUndoStack *m_undoStack;

    QString m_projectConfigPath;
    core::MockConfig m_projectRules;
    QUndoStack *m_projectUndoStack;
};

// Which parts of two scenarios differ.
WorkingScenario::Parts differingParts(const core::Scenario &a, const core::Scenario &b);

} // namespace mpsim::mockpanel

Q_DECLARE_OPERATORS_FOR_FLAGS(mpsim::mockpanel::WorkingScenario::Parts)
