#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QAction;
class QTimer;
class QUndoGroup;
class QWidget;

namespace mpsim::mockpanel {

class WorkingScenario;

// What the user does with scenarios as files: new, open, save, save as,
// switch (presets and recent files), with an unsaved-changes prompt before
// anything would drop edits, and an autosave of the working scenario so
// that a crash or a kill loses nothing. Owns the working scenario and the
// actions the panel, the state inspector and the scenario toolbar share
// (their shortcuts work while one of those has focus).
class ScenarioManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenarioManager)

public:
    enum class UnsavedChoice { Save, Discard, Cancel };
    static constexpr int AutosaveDelayMs = 1000;
    static constexpr int MaxRecentFiles = 8;
    static constexpr char PresetPrefix[] = "preset:";

    explicit ScenarioManager(QObject *parent = nullptr);
    ~ScenarioManager() override;

    WorkingScenario *model() const { return m_model; }

    // The panel's actions. Undo and Redo act on the active document's stack:
    // the project rules' while the Rules page shows them, else the scenario's.
    QAction *newAction() const { return m_newAction; }
    QAction *openAction() const { return m_openAction; }
    QAction *saveAction() const { return m_saveAction; }
    QAction *saveAsAction() const { return m_saveAsAction; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    // Adds the actions to `widget` so their shortcuts work while it (or a
    // child) has focus, and routes its editing widgets' keys to them.
    void addShortcutsTo(QWidget *widget);
    // Which stack Undo and Redo act on.
    void setProjectRulesActive(bool active);

    // Loads a scenario for the command line (`--scenario FILE`) or automation:
    // a *.mpsim.json path, or "preset:<id>" ("preset:denies-everything") when
    // no such file exists. No prompt; unsaved edits of the working scenario
    // stay in the autosave only if it is written first. On failure nothing
    // changes and `error` names the file, the place and the problem.
    bool loadScenarioFile(const QString &path, QString *error);

    // The same with the user's consent: each asks before dropping unsaved
    // edits and returns false when the user cancels or a file fails to load.
    bool newScenario();
    bool openScenario(); // asks for a file
    bool openFile(const QString &path);
    bool switchToPreset(const QString &presetId);
    // Saves what is modified (the scenario, the project's rules); a scenario
    // without a file asks where (Save As).
    bool save();
    bool saveAs();
    bool saveProjectRules();
    // Before closing or switching: asks about unsaved scenario edits. True
    // when it is fine to go on.
    bool maybeSave();
    // Before another project opens: asks about unsaved project rule edits.
    bool maybeSaveProjectRules();

    // Recent scenario files, newest first (the app persists them).
    QStringList recentFiles() const { return m_recentFiles; }
    void setRecentFiles(const QStringList &files);
    // Where Open and Save As start (the project's .mpsim folder).
    void setDefaultFolder(const QString &folder) { m_defaultFolder = folder; }

    // The autosave file; empty turns autosave off.
    void setAutosavePath(const QString &path);
    QString autosavePath() const { return m_autosavePath; }
    void autosaveNow();
    // At start-up: brings back the working scenario from the autosave, else
    // from `lastReference` (a file path or "preset:<id>", as reference()
    // gives). The host state is kept (no initial state applied). True when
    // something was restored.
    bool restore(const QString &lastReference);
    // The working scenario as restore() takes it back.
    QString reference() const;

    // Where dialogs are centred.
    void setDialogParent(QWidget *parent) { m_dialogParent = parent; }
    // The dialogs, replaceable by tests (the defaults show Qt's).
    std::function<UnsavedChoice(const QString &question)> askUnsaved;
    std::function<QString(const QString &caption, const QString &folder, bool forSave)> chooseFile;
    std::function<void(const QString &title, const QString &message)> showError;

signals:
    void recentFilesChanged();
    // A short note for the status bar ("Saved checkout.mpsim.json").
    void statusMessage(const QString &message);

private:
    void createActions();
    void rememberFile(const QString &path);
    void scheduleAutosave();
    void updateActions();
    bool confirm(bool projectRules);
    bool saveScenario(); // to its file, or Save As
    void reportError(const QString &title, const QString &message);

    WorkingScenario *m_model;
    QUndoGroup *m_undoGroup;
    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QStringList m_recentFiles;
    QString m_defaultFolder;
    QString m_autosavePath;
    QString m_lastAutosaveProblem;
    QTimer *m_autosaveTimer;
    QWidget *m_dialogParent = nullptr;
};

} // namespace mpsim::mockpanel
