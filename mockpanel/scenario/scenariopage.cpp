#include "scenario/scenariopage.h"

#include "scenario/workingscenario.h"
#include "widgets/formfields.h"
#include "widgets/jsoneditor.h"

#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

QString formatOffset(qint64 ms)
{
    if (ms == 0)
        return QObject::tr("none");
    const QString sign = ms < 0 ? u"-"_s : u"+"_s;
    qint64 rest = ms < 0 ? -ms : ms;
    const qint64 days = rest / 86'400'000;
    rest %= 86'400'000;
    const qint64 hours = rest / 3'600'000;
    rest %= 3'600'000;
    const qint64 minutes = rest / 60'000;
    rest %= 60'000;
    const qint64 seconds = rest / 1000;
    const qint64 millis = rest % 1000;
    QStringList parts;
    if (days)
        parts << QObject::tr("%1 d").arg(days);
    if (hours)
        parts << QObject::tr("%1 h").arg(hours);
    if (minutes)
        parts << QObject::tr("%1 min").arg(minutes);
    if (seconds)
        parts << QObject::tr("%1 s").arg(seconds);
    if (millis)
        parts << QObject::tr("%1 ms").arg(millis);
    return sign + parts.join(u' ');
}

ScenarioPage::ScenarioPage(WorkingScenario &model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_name(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_origin(new QLabel(this))
    , m_clock(new QLabel(this))
    , m_initialState(new JsonEditor(this))
{
    setObjectName(u"scenarioPage"_s);
    m_name->setObjectName(u"scenarioName"_s);
    m_description->setObjectName(u"scenarioDescription"_s);
    m_description->setUndoRedoEnabled(false);
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(m_description->fontMetrics().height() * 5);
    m_origin->setObjectName(u"scenarioOrigin"_s);
    m_origin->setWordWrap(true);
    m_origin->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clock->setObjectName(u"scenarioClock"_s);
    m_initialState->setObjectName(u"initialStateJson"_s);
    m_initialState->setSubject(tr("initial state"));
    m_initialState->setValidator([](const nlohmann::json &value) -> std::optional<core::Error> {
        auto state = core::HostState::fromJson(value);
        if (state)
            return std::nullopt;
        return state.error();
    });

    auto *heading = new QLabel(u"<b>%1</b>"_s.arg(tr("Scenario")), this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Description:"), m_description);
    form->addRow(tr("Saved in:"), m_origin);
    form->addRow(tr("Clock offset:"), m_clock);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(heading);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Initial host state (applied when the scenario is opened; "
                                    "login session, scopes, subscription decisions):"),
                                 this));
    layout->addWidget(m_initialState, 1);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (text.trimmed().isEmpty())
            return; // a scenario needs a name; the field shows the last one on leaving
        m_model.edit(tr("Rename scenario"), u"name"_s,
                     [&](core::Scenario &s) { s.name = text.trimmed().toStdString(); });
    });
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        showText(m_name, QString::fromStdString(m_model.scenario().name));
    });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        m_model.edit(tr("Edit description"), u"description"_s, [this](core::Scenario &s) {
            s.description = m_description->toPlainText().toStdString();
        });
    });
    connect(m_initialState, &JsonEditor::edited, this, [this](const QString &, const nlohmann::json &value) {
        auto state = core::HostState::fromJson(value);
        if (!state)
            return;
        m_editingState = true;
        m_model.edit(tr("Edit initial state"), u"initialState"_s,
                     [&](core::Scenario &s) { s.initialState = state.value(); });
        m_editingState = false;
    });
    connect(&m_model, &WorkingScenario::changed, this, &ScenarioPage::refresh);
    connect(&m_model, &WorkingScenario::documentChanged, this, &ScenarioPage::refresh);
    refresh();
}

void ScenarioPage::refresh()
{
    const core::Scenario &scenario = m_model.scenario();
    if (!m_name->hasFocus() || !m_name->text().trimmed().isEmpty())
        showText(m_name, QString::fromStdString(scenario.name));
    showText(m_description, QString::fromStdString(scenario.description));
    switch (m_model.origin()) {
    case WorkingScenario::Origin::File:
        m_origin->setText(QDir::toNativeSeparators(m_model.filePath()));
        break;
    case WorkingScenario::Origin::Preset:
        m_origin->setText(tr("preset shipped with mpsim (Save As to keep your changes)"));
        break;
    case WorkingScenario::Origin::Untitled:
        m_origin->setText(tr("not saved yet"));
        break;
    }
    m_clock->setText(formatOffset(scenario.clockOffsetMs)
                     + tr("  (changed in Host state)"));
    if (!m_editingState)
        m_initialState->setValue(scenario.initialState.toJson());
}

} // namespace mpsim::mockpanel
