#include "rules/rulespage.h"

#include "rules/ruleeditor.h"
#include "rules/rulelistmodel.h"
#include "widgets/responsivesplitter.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

RulesPage::RulesPage(WorkingScenario &model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_list(new RuleListModel(model, this))
    , m_scenarioButton(new QToolButton(this))
    , m_projectButton(new QToolButton(this))
    , m_globalOpen(new QCheckBox(tr("Rules on"), this))
    , m_saveProject(new QPushButton(tr("Save to project.config.json"), this))
    , m_note(new QLabel(this))
    , m_view(new QListView(this))
    , m_duplicate(new QToolButton(this))
    , m_remove(new QToolButton(this))
    , m_up(new QToolButton(this))
    , m_down(new QToolButton(this))
    , m_editor(new RuleEditor(model, this))
{
    setObjectName(u"rulesPage"_s);
    m_scenarioButton->setObjectName(u"scenarioRulesButton"_s);
    m_projectButton->setObjectName(u"projectRulesButton"_s);
    m_globalOpen->setObjectName(u"globalOpen"_s);
    m_saveProject->setObjectName(u"saveProjectRulesButton"_s);
    m_note->setObjectName(u"rulesNote"_s);
    m_view->setObjectName(u"ruleList"_s);
    for (QToolButton *button : {m_scenarioButton, m_projectButton}) {
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    auto *source = new QButtonGroup(this);
    source->addButton(m_scenarioButton);
    source->addButton(m_projectButton);
    m_scenarioButton->setChecked(true);
    m_globalOpen->setToolTip(tr("mockConfig's globalOpen: off, none of the project's rules answers"));
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);

    m_view->setModel(m_list);
    m_view->setDragDropMode(QAbstractItemView::InternalMove);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDragEnabled(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setMinimumHeight(m_view->fontMetrics().height() * 5);

    // Tool buttons: the list's column stays narrow when it sits beside the form.
    auto *add = new QToolButton(this);
    add->setText(tr("Add"));
    m_duplicate->setText(tr("Duplicate"));
    m_remove->setText(tr("Remove"));
    m_up->setText(tr("Up"));
    m_down->setText(tr("Down"));
    add->setObjectName(u"addRuleButton"_s);
    m_duplicate->setObjectName(u"duplicateRuleButton"_s);
    m_remove->setObjectName(u"removeRuleButton"_s);
    m_up->setObjectName(u"ruleUpButton"_s);
    m_down->setObjectName(u"ruleDownButton"_s);
    m_up->setToolTip(tr("Try this rule earlier (or drag it)"));
    m_down->setToolTip(tr("Try this rule later (or drag it)"));

    auto *header = new QHBoxLayout;
    header->addWidget(new QLabel(u"<b>%1</b>"_s.arg(tr("Rules")), this));
    header->addWidget(m_scenarioButton);
    header->addWidget(m_projectButton);
    header->addStretch(1);
    header->addWidget(m_globalOpen);
    header->addWidget(m_saveProject);

    auto *buttons = new QHBoxLayout;
    for (QToolButton *button : {add, m_duplicate, m_remove, m_up, m_down})
        buttons->addWidget(button);
    buttons->addStretch(1);

    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_view, 1);
    listLayout->addLayout(buttons);

    auto *editorScroll = new QScrollArea(this);
    editorScroll->setWidgetResizable(true);
    editorScroll->setFrameShape(QFrame::NoFrame);
    editorScroll->setWidget(m_editor);

    // The list a third of the width beside the rule's form, or a few rows above it.
    m_splitter = new ResponsiveSplitter(SideBySideWidth, [](Qt::Orientation orientation, int total) {
        return orientation == Qt::Horizontal ? total * 7 / 20 : qBound(120, total / 4, 200);
    }, this);
    m_splitter->setObjectName(u"rulesSplitter"_s);
    m_splitter->addWidget(listPane);
    m_splitter->addWidget(editorScroll);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(header);
    layout->addWidget(m_note);
    layout->addWidget(m_splitter, 1);

    connect(m_scenarioButton, &QToolButton::clicked, this, [this] { setRuleSet(RuleSet::Scenario); });
    connect(m_projectButton, &QToolButton::clicked, this, [this] { setRuleSet(RuleSet::Project); });
    connect(m_globalOpen, &QCheckBox::clicked, this, [this](bool on) {
        m_model.editProjectRules(on ? tr("Turn project rules on") : tr("Turn project rules off"),
                                 QString(), [&](core::MockConfig &config) { config.rules.globalOpen = on; });
    });
    connect(m_saveProject, &QPushButton::clicked, this, &RulesPage::saveProjectRulesRequested);
    connect(add, &QToolButton::clicked, this, &RulesPage::addRule);
    connect(m_duplicate, &QToolButton::clicked, this, &RulesPage::duplicateRule);
    connect(m_remove, &QToolButton::clicked, this, &RulesPage::removeRule);
    connect(m_up, &QToolButton::clicked, this, [this] { moveRule(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveRule(1); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const auto &rules = m_model.rules(ruleSet()).rules;
                m_selectedId = current.isValid() && current.row() < int(rules.size())
                                   ? rules[size_t(current.row())].ruleId
                                   : std::string();
                m_editor->setRule(ruleSet(), current.isValid() ? current.row() : -1);
                updateHeader();
            });
    connect(m_list, &QAbstractItemModel::modelReset, this, &RulesPage::listChanged);
    connect(m_list, &QAbstractItemModel::dataChanged, this, &RulesPage::listChanged);
    connect(&m_model, &WorkingScenario::documentChanged, this, &RulesPage::updateHeader);
    connect(&m_model, &WorkingScenario::projectRulesChanged, this, &RulesPage::updateHeader);
    connect(&m_model, &WorkingScenario::changed, this, &RulesPage::updateHeader);
    listChanged();
}

RuleSet RulesPage::ruleSet() const
{
    return m_list->ruleSet();
}

void RulesPage::setRuleSet(RuleSet set)
{
    m_scenarioButton->setChecked(set == RuleSet::Scenario);
    m_projectButton->setChecked(set == RuleSet::Project);
    if (set == ruleSet())
        return;
    m_selectedId.clear();
    m_list->setRuleSet(set);
    emit ruleSetChanged(set);
}

void RulesPage::setKnownApis(const QStringList &apis)
{
    m_editor->setKnownApis(apis);
}

int RulesPage::currentRule() const
{
    return m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
}

void RulesPage::setCurrentRule(int index)
{
    m_view->setCurrentIndex(m_list->index(index));
}

void RulesPage::listChanged()
{
    // Keep the selected rule selected through moves, undo and redo.
    const auto &rules = m_model.rules(ruleSet()).rules;
    int row = -1;
    if (!m_selectedId.empty()) {
        for (int i = 0; i < int(rules.size()); ++i) {
            if (rules[size_t(i)].ruleId == m_selectedId) {
                row = i;
                break;
            }
        }
    }
    if (row < 0 && !rules.empty())
        row = qBound(0, currentRule(), int(rules.size()) - 1);
    if (row != currentRule() || m_editor->ruleIndex() != row) {
        const std::string keep = row >= 0 ? rules[size_t(row)].ruleId : std::string();
        m_view->setCurrentIndex(m_list->index(row));
        m_selectedId = keep;
        m_editor->setRule(ruleSet(), row);
    }
    updateHeader();
}

void RulesPage::addRule()
{
    const int at = currentRule() + 1;
    const int index = at > 0 ? at : int(m_model.rules(ruleSet()).rules.size());
    core::MockRule rule = core::MockRule::create("login", tr("New rule").toStdString());
    rule.resStr = "{\n  \"code\": \"mock-code\"\n}";
    m_selectedId = rule.ruleId;
    m_model.editRules(ruleSet(), tr("Add rule"), QString(), [&](core::MockRules &rules) {
        rules.rules.insert(rules.rules.begin() + index, rule);
    });
    listChanged();
}

void RulesPage::duplicateRule()
{
    const int row = currentRule();
    const auto &rules = m_model.rules(ruleSet()).rules;
    if (row < 0 || row >= int(rules.size()))
        return;
    core::MockRule copy = rules[size_t(row)];
    const core::MockRule fresh = core::MockRule::create(copy.apiName);
    copy.ruleId = fresh.ruleId;
    copy.ruleName += tr(" (copy)").toStdString();
    m_selectedId = copy.ruleId;
    m_model.editRules(ruleSet(), tr("Duplicate rule"), QString(), [&](core::MockRules &list) {
        list.rules.insert(list.rules.begin() + row + 1, copy);
    });
    listChanged();
}

void RulesPage::removeRule()
{
    const int row = currentRule();
    if (row < 0)
        return;
    m_selectedId.clear();
    m_model.editRules(ruleSet(), tr("Remove rule"), QString(), [&](core::MockRules &rules) {
        if (row < int(rules.rules.size()))
            rules.rules.erase(rules.rules.begin() + row);
    });
}

void RulesPage::moveRule(int by)
{
    const int row = currentRule();
    m_list->moveRule(row, row + by);
}

void RulesPage::updateHeader()
{
    const int scenarioRules = int(m_model.rules(RuleSet::Scenario).rules.size());
    const int projectRules = int(m_model.rules(RuleSet::Project).rules.size());
    m_scenarioButton->setText(tr("Scenario (%1)%2").arg(scenarioRules).arg(m_model.isModified() ? u" *"_s : QString()));
    m_projectButton->setText(tr("project.config.json (%1)%2")
                                 .arg(projectRules)
                                 .arg(m_model.isProjectModified() ? u" *"_s : QString()));
    m_projectButton->setEnabled(m_model.hasProject());
    if (!m_model.hasProject() && ruleSet() == RuleSet::Project)
        setRuleSet(RuleSet::Scenario);
    const bool project = ruleSet() == RuleSet::Project;
    m_globalOpen->setVisible(project);
    m_globalOpen->setChecked(m_model.projectRules().rules.globalOpen);
    m_saveProject->setVisible(project);
    m_saveProject->setEnabled(m_model.isProjectModified());
    m_note->setText(project ? tr("The project's mockConfig rules, tried after the scenario's. "
                                 "Saved to %1; keys mpsim does not know are kept.")
                                  .arg(QDir::toNativeSeparators(m_model.projectConfigPath()))
                            : m_model.hasProject()
                                ? tr("The scenario's rules, tried before the project's.")
                                : tr("The scenario's rules. Open a project to edit its "
                                     "project.config.json rules too."));
    const int row = currentRule();
    const int count = m_list->rowCount();
    m_duplicate->setEnabled(row >= 0);
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row < count - 1);
}

} // namespace mpsim::mockpanel
