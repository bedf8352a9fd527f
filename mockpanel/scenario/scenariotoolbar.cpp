#include "scenario/scenariotoolbar.h"

#include "mock/scenariopresets.h"
#include "scenario/scenariomanager.h"
#include "scenario/workingscenario.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

namespace {

constexpr int ReferenceRole = Qt::UserRole;
const QString UntitledReference = u"untitled:"_s;

} // namespace

ScenarioToolBar::ScenarioToolBar(ScenarioManager &manager, QWidget *parent)
    : QToolBar(tr("Scenario"), parent)
    , m_manager(manager)
    , m_combo(new QComboBox(this))
{
    setObjectName(u"scenarioToolBar"_s);
    auto *label = new QLabel(tr("Scenario:"), this);
    label->setContentsMargins(4, 0, 4, 0);
    addWidget(label);
    m_combo->setObjectName(u"scenarioCombo"_s);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setMinimumContentsLength(18);
    m_combo->setToolTip(tr("The working scenario: host profile, mock rules, initial state "
                           "and clock offset"));
    addWidget(m_combo);
    addAction(manager.newAction());
    addAction(manager.openAction());
    addAction(manager.saveAction());
    addAction(manager.saveAsAction());
    addSeparator();
    addAction(manager.undoAction());
    addAction(manager.redoAction());

    connect(m_combo, &QComboBox::activated, this, &ScenarioToolBar::activate);
    connect(manager.model(), &WorkingScenario::documentChanged, this, &ScenarioToolBar::rebuild);
    connect(&manager, &ScenarioManager::recentFilesChanged, this, &ScenarioToolBar::rebuild);
    rebuild();
}

void ScenarioToolBar::rebuild()
{
    const WorkingScenario &model = *m_manager.model();
    const QString current = model.origin() == WorkingScenario::Origin::Untitled
                                ? UntitledReference
                                : m_manager.reference();
    const QString mark = model.isModified() ? u" *"_s : QString();

    m_rebuilding = true;
    m_combo->clear();
    for (const auto &preset : core::scenarioPresets()) {
        const QString reference = QLatin1String(ScenarioManager::PresetPrefix)
                                  + QString::fromStdString(preset.id);
        QString text = QString::fromStdString(preset.scenario.name);
        if (reference == current)
            text += mark;
        m_combo->addItem(text, reference);
        m_combo->setItemData(m_combo->count() - 1, QString::fromStdString(preset.scenario.description),
                             Qt::ToolTipRole);
    }
    QStringList files = m_manager.recentFiles();
    if (model.origin() == WorkingScenario::Origin::File && !files.contains(current))
        files.prepend(current);
    if (!files.isEmpty() || model.origin() == WorkingScenario::Origin::Untitled)
        m_combo->insertSeparator(m_combo->count());
    if (model.origin() == WorkingScenario::Origin::Untitled)
        m_combo->addItem(model.displayName() + mark, UntitledReference);
    for (const QString &file : files) {
        m_combo->addItem(QFileInfo(file).fileName() + (file == current ? mark : QString()), file);
        m_combo->setItemData(m_combo->count() - 1, QDir::toNativeSeparators(file), Qt::ToolTipRole);
    }
    m_combo->setCurrentIndex(m_combo->findData(current));
    m_rebuilding = false;
}

void ScenarioToolBar::activate(int index)
{
    if (m_rebuilding)
        return;
    const QString reference = m_combo->itemData(index).toString();
    if (reference != UntitledReference && reference != m_manager.reference()) {
        const QString presetPrefix = QLatin1String(ScenarioManager::PresetPrefix);
        if (reference.startsWith(presetPrefix))
            m_manager.switchToPreset(reference.mid(presetPrefix.size()));
        else
            m_manager.openFile(reference);
    }
    // Cancelled or failed: show the working scenario again.
    rebuild();
}

} // namespace mpsim::mockpanel
