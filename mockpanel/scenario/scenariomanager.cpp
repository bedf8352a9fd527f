#include "scenario/scenariomanager.h"

#include "mock/scenariopresets.h"
#include "scenario/workingscenario.h"
#include "widgets/panelshortcuts.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QTimer>
#include <QUndoGroup>
#include <QUndoStack>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

namespace {

const QString FileFilter = u"mpsim scenarios (*.mpsim.json);;JSON files (*.json);;All files (*)"_s;
constexpr char ScenarioSuffix[] = ".mpsim.json";

QString presetIdOf(const QString &reference)
{
    return reference.startsWith(QLatin1String(ScenarioManager::PresetPrefix))
               ? reference.mid(qsizetype(qstrlen(ScenarioManager::PresetPrefix)))
               : QString();
}

const core::ScenarioPreset *presetWithId(const QString &id)
{
    for (const auto &preset : core::scenarioPresets()) {
        if (QString::fromStdString(preset.id) == id)
            return &preset;
    }
    return nullptr;
}

QString presetIds()
{
    QStringList ids;
    for (const auto &preset : core::scenarioPresets())
        ids << QString::fromStdString(preset.id);
    return ids.join(u", "_s);
}

// A file name from a scenario's name: "Denies everything" -> "denies-everything".
QString fileNameFor(const QString &name)
{
    QString base;
    for (const QChar c : name.toLower()) {
        if (c.isLetterOrNumber())
            base += c;
        else if (!base.endsWith(QLatin1Char('-')))
            base += QLatin1Char('-');
    }
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    return (base.isEmpty() ? u"scenario"_s : base) + QLatin1String(ScenarioSuffix);
}

} // namespace

ScenarioManager::ScenarioManager(QObject *parent)
    : QObject(parent)
    , m_model(new WorkingScenario(this))
    , m_undoGroup(new QUndoGroup(this))
    , m_autosaveTimer(new QTimer(this))
{
    m_undoGroup->addStack(m_model->undoStack());
    m_undoGroup->addStack(m_model->projectUndoStack());
    m_undoGroup->setActiveStack(m_model->undoStack());
    createActions();

    m_autosaveTimer->setSingleShot(true);
    m_autosaveTimer->setInterval(AutosaveDelayMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &ScenarioManager::autosaveNow);
    connect(m_model, &WorkingScenario::changed, this, &ScenarioManager::scheduleAutosave);
    connect(m_model, &WorkingScenario::documentChanged, this, &ScenarioManager::scheduleAutosave);
    connect(m_model, &WorkingScenario::documentChanged, this, &ScenarioManager::updateActions);

    askUnsaved = [this](const QString &question) {
        const auto answer = QMessageBox::question(
            m_dialogParent, tr("Unsaved changes"), question,
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        return answer == QMessageBox::Save      ? UnsavedChoice::Save
               : answer == QMessageBox::Discard ? UnsavedChoice::Discard
                                                : UnsavedChoice::Cancel;
    };
    chooseFile = [this](const QString &caption, const QString &folder, bool forSave) {
        return forSave ? QFileDialog::getSaveFileName(m_dialogParent, caption, folder, FileFilter)
                       : QFileDialog::getOpenFileName(m_dialogParent, caption, folder, FileFilter);
    };
    showError = [this](const QString &title, const QString &message) {
        QMessageBox::warning(m_dialogParent, title, message);
    };
}

ScenarioManager::~ScenarioManager()
{
    if (m_autosaveTimer->isActive())
        autosaveNow();
}

void ScenarioManager::createActions()
{
    // Short names: the toolbar and the File > Scenario menu say what they act on.
    m_newAction = new QAction(tr("New"), this);
    m_newAction->setObjectName(u"newScenarioAction"_s);
    m_newAction->setToolTip(tr("Start an untitled scenario from the defaults"));
    connect(m_newAction, &QAction::triggered, this, [this] { newScenario(); });

    m_openAction = new QAction(tr("Open..."), this);
    m_openAction->setToolTip(tr("Open a scenario file (*.mpsim.json)"));
    m_openAction->setObjectName(u"openScenarioAction"_s);
    connect(m_openAction, &QAction::triggered, this, [this] { openScenario(); });

    // Ctrl+S only: Ctrl+O opens a project and Ctrl+Shift+S toggles the Host
    // state dock in the main window.
    m_saveAction = new QAction(tr("Save"), this);
    m_saveAction->setObjectName(u"saveScenarioAction"_s);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_saveAction, &QAction::triggered, this, [this] { save(); });

    m_saveAsAction = new QAction(tr("Save As..."), this);
    m_saveAsAction->setObjectName(u"saveScenarioAsAction"_s);
    connect(m_saveAsAction, &QAction::triggered, this, [this] { saveAs(); });

    // Fixed texts (the toolbar keeps its width); what they would undo is the tooltip.
    m_undoAction = new QAction(tr("Undo"), this);
    m_undoAction->setObjectName(u"undoScenarioAction"_s);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_undoAction, &QAction::triggered, m_undoGroup, &QUndoGroup::undo);
    connect(m_undoGroup, &QUndoGroup::canUndoChanged, m_undoAction, &QAction::setEnabled);
    connect(m_undoGroup, &QUndoGroup::undoTextChanged, m_undoAction, [this](const QString &text) {
        m_undoAction->setToolTip(text.isEmpty() ? tr("Undo (Ctrl+Z)") : tr("Undo %1 (Ctrl+Z)").arg(text));
    });

    m_redoAction = new QAction(tr("Redo"), this);
    m_redoAction->setObjectName(u"redoScenarioAction"_s);
    QList<QKeySequence> redoKeys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)};
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Redo)) {
        if (!redoKeys.contains(key))
            redoKeys << key;
    }
    m_redoAction->setShortcuts(redoKeys);
    m_redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_redoAction, &QAction::triggered, m_undoGroup, &QUndoGroup::redo);
    connect(m_undoGroup, &QUndoGroup::canRedoChanged, m_redoAction, &QAction::setEnabled);
    connect(m_undoGroup, &QUndoGroup::redoTextChanged, m_redoAction, [this](const QString &text) {
        m_redoAction->setToolTip(text.isEmpty() ? tr("Redo (Ctrl+Shift+Z)")
                                                : tr("Redo %1 (Ctrl+Shift+Z)").arg(text));
    });
    m_undoAction->setEnabled(m_undoGroup->canUndo());
    m_redoAction->setEnabled(m_undoGroup->canRedo());
    updateActions();
}

void ScenarioManager::addShortcutsTo(QWidget *widget)
{
    widget->addActions({m_undoAction, m_redoAction, m_saveAction});
    PanelShortcuts::install(widget);
}

void ScenarioManager::setProjectRulesActive(bool active)
{
    m_undoGroup->setActiveStack(active ? m_model->projectUndoStack() : m_model->undoStack());
}

void ScenarioManager::updateActions()
{
    m_saveAction->setToolTip(m_model->isModified() || m_model->isProjectModified()
                                 ? tr("Save the unsaved changes (Ctrl+S in the panel)")
                                 : tr("Save the scenario (Ctrl+S in the panel)"));
}

bool ScenarioManager::loadScenarioFile(const QString &path, QString *error)
{
    const QString presetId = presetIdOf(path);
    if (!presetId.isEmpty() && !QFileInfo::exists(path)) {
        if (!m_model->loadPreset(presetId)) {
            if (error)
                *error = tr("%1: no such preset (presets: %2)").arg(presetId, presetIds());
            return false;
        }
    } else if (!m_model->loadFile(path, error)) {
        return false;
    } else {
        rememberFile(m_model->filePath());
    }
    autosaveNow();
    return true;
}

bool ScenarioManager::newScenario()
{
    if (!maybeSave())
        return false;
    m_model->newScenario();
    return true;
}

bool ScenarioManager::openScenario()
{
    const QString path = chooseFile(tr("Open Scenario"), m_defaultFolder, false);
    return !path.isEmpty() && openFile(path);
}

bool ScenarioManager::openFile(const QString &path)
{
    if (!maybeSave())
        return false;
    QString error;
    if (!m_model->loadFile(path, &error)) {
        reportError(tr("Cannot open the scenario"),
                    tr("%1\n\nThe working scenario is unchanged.").arg(error));
        return false;
    }
    rememberFile(m_model->filePath());
    emit statusMessage(tr("Scenario %1 opened").arg(m_model->displayName()));
    return true;
}

bool ScenarioManager::switchToPreset(const QString &presetId)
{
    if (!presetWithId(presetId) || !maybeSave())
        return false;
    m_model->loadPreset(presetId);
    emit statusMessage(tr("Scenario %1").arg(m_model->displayName()));
    return true;
}

bool ScenarioManager::save()
{
    const bool projectModified = m_model->isProjectModified();
    bool ok = true;
    if (projectModified)
        ok = saveProjectRules();
    if (m_model->isModified() || (!projectModified && m_model->origin() != WorkingScenario::Origin::File))
        ok = saveScenario() && ok;
    return ok;
}

bool ScenarioManager::saveScenario()
{
    if (m_model->origin() != WorkingScenario::Origin::File)
        return saveAs();
    QString error;
    if (!m_model->save(&error)) {
        reportError(tr("Cannot save the scenario"), error);
        return false;
    }
    rememberFile(m_model->filePath());
    emit statusMessage(tr("Saved %1").arg(m_model->displayName()));
    return true;
}

bool ScenarioManager::saveAs()
{
    const QString folder = m_model->origin() == WorkingScenario::Origin::File
                               ? QFileInfo(m_model->filePath()).absolutePath()
                               : m_defaultFolder;
    const QString suggestion = QDir(folder.isEmpty() ? QDir::homePath() : folder)
                                   .filePath(fileNameFor(m_model->displayName()));
    QString path = chooseFile(tr("Save Scenario As"), suggestion, true);
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".json")))
        path += QLatin1String(ScenarioSuffix);
    QString error;
    if (!m_model->saveAs(path, &error)) {
        reportError(tr("Cannot save the scenario"), error);
        return false;
    }
    rememberFile(m_model->filePath());
    emit statusMessage(tr("Saved %1").arg(m_model->displayName()));
    return true;
}

bool ScenarioManager::saveProjectRules()
{
    QString error;
    if (!m_model->saveProjectRules(&error)) {
        reportError(tr("Cannot save the mock rules"), error);
        return false;
    }
    emit statusMessage(tr("Mock rules saved to %1").arg(m_model->projectConfigPath()));
    return true;
}

bool ScenarioManager::maybeSave()
{
    return confirm(false);
}

bool ScenarioManager::maybeSaveProjectRules()
{
    return confirm(true);
}

bool ScenarioManager::confirm(bool projectRules)
{
    if (projectRules ? !m_model->isProjectModified() : !m_model->isModified())
        return true;
    const QString question =
        projectRules ? tr("The mock rules of %1 have unsaved changes. Save them?")
                           .arg(QDir::toNativeSeparators(m_model->projectConfigPath()))
                     : tr("The scenario \u201c%1\u201d has unsaved changes. Save them?")
                           .arg(m_model->displayName());
    switch (askUnsaved(question)) {
    case UnsavedChoice::Save:
        return projectRules ? saveProjectRules() : saveScenario();
    case UnsavedChoice::Discard:
        return true;
    case UnsavedChoice::Cancel:
        break;
    }
    return false;
}

void ScenarioManager::setRecentFiles(const QStringList &files)
{
    m_recentFiles = files.mid(0, MaxRecentFiles);
    emit recentFilesChanged();
}

void ScenarioManager::rememberFile(const QString &path)
{
    if (path.isEmpty())
        return;
    m_recentFiles.removeAll(path);
    m_recentFiles.prepend(path);
    m_recentFiles = m_recentFiles.mid(0, MaxRecentFiles);
    emit recentFilesChanged();
}

void ScenarioManager::setAutosavePath(const QString &path)
{
    m_autosavePath = path;
}

void ScenarioManager::scheduleAutosave()
{
    if (!m_autosavePath.isEmpty())
        m_autosaveTimer->start();
}

void ScenarioManager::autosaveNow()
{
    m_autosaveTimer->stop();
    if (m_autosavePath.isEmpty())
        return;
    const auto saved = m_model->autosave().save(m_autosavePath.toStdString());
    const QString problem = saved ? QString() : QString::fromStdString(saved.error().toString());
    if (!problem.isEmpty() && problem != m_lastAutosaveProblem)
        emit statusMessage(tr("Autosave failed: %1").arg(problem));
    m_lastAutosaveProblem = problem;
}

bool ScenarioManager::restore(const QString &lastReference)
{
    if (!m_autosavePath.isEmpty() && QFile::exists(m_autosavePath)) {
        auto autosave = core::ScenarioAutosave::load(m_autosavePath.toStdString());
        if (autosave) {
            // Unmodified: take the file or preset as it is now (a pull may
            // have changed the file, a new mpsim its presets).
            if (!autosave->modified && autosave->origin == WorkingScenario::Origin::File) {
                if (auto current = core::Scenario::load(autosave->file))
                    autosave->scenario = std::move(current).value();
            } else if (!autosave->modified && autosave->origin == WorkingScenario::Origin::Preset) {
                if (const auto *preset = presetWithId(QString::fromStdString(autosave->presetId)))
                    autosave->scenario = preset->scenario;
            }
            m_model->restore(autosave.value());
            if (autosave->origin == WorkingScenario::Origin::File)
                rememberFile(m_model->filePath());
            return true;
        }
        // Keep the unreadable autosave for a human; the next autosave replaces it.
        const QString kept = m_autosavePath + u".corrupt"_s;
        QFile::remove(kept);
        QFile::rename(m_autosavePath, kept);
        emit statusMessage(tr("The scenario autosave could not be read (kept as %1): %2")
                               .arg(kept, QString::fromStdString(autosave.error().toString())));
    }
    core::ScenarioAutosave last;
    if (const QString presetId = presetIdOf(lastReference); !presetId.isEmpty()) {
        const auto *preset = presetWithId(presetId);
        if (!preset)
            return false;
        last.origin = WorkingScenario::Origin::Preset;
        last.presetId = presetId.toStdString();
        last.scenario = preset->scenario;
    } else if (!lastReference.isEmpty() && QFileInfo::exists(lastReference)) {
        auto scenario = core::Scenario::load(lastReference.toStdString());
        if (!scenario)
            return false;
        last.origin = WorkingScenario::Origin::File;
        last.file = QFileInfo(lastReference).absoluteFilePath().toStdString();
        last.scenario = std::move(scenario).value();
    } else {
        return false;
    }
    m_model->restore(last);
    return true;
}

QString ScenarioManager::reference() const
{
    switch (m_model->origin()) {
    case WorkingScenario::Origin::File:
        return m_model->filePath();
    case WorkingScenario::Origin::Preset:
        return QLatin1String(PresetPrefix) + m_model->presetId();
    case WorkingScenario::Origin::Untitled:
        break;
    }
    return {};
}

void ScenarioManager::reportError(const QString &title, const QString &message)
{
    emit statusMessage(message);
    if (showError)
        showError(title, message);
}

} // namespace mpsim::mockpanel
