#include "rules/ruleeditor.h"

#include "mock/mockpattern.h"
#include "widgets/formfields.h"
#include "widgets/jsoneditor.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

namespace {

enum FilterColumn { PathColumn, PatternColumn };

QWidget *row(QWidget *parent, std::initializer_list<QWidget *> widgets)
{
    auto *box = new QWidget(parent);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *widget : widgets)
        layout->addWidget(widget);
    layout->addStretch(1);
    return box;
}

QString functionTemplate(const std::string &api)
{
    return u"function (options) {\n  // options: what the page passed to wx.%1\n  return {};\n}"_s.arg(
        QString::fromStdString(api.empty() ? std::string("api") : api));
}

} // namespace

RuleEditor::RuleEditor(WorkingScenario &model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_problems(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_api(new QComboBox(this))
    , m_enable(new QCheckBox(tr("Enabled"), this))
    , m_success(new QRadioButton(tr("success"), this))
    , m_fail(new QRadioButton(tr("fail"), this))
    , m_delay(new QSpinBox(this))
    , m_responseKind(new QRadioButton(tr("Response JSON"), this))
    , m_functionKind(new QRadioButton(tr("JavaScript function"), this))
    , m_answer(new QStackedWidget(this))
    , m_response(new JsonEditor(this))
    , m_function(new QPlainTextEdit(this))
    , m_filters(new QTableWidget(0, 2, this))
    , m_removeFilter(new QPushButton(tr("Remove filter"), this))
{
    setObjectName(u"ruleEditor"_s);
    m_problems->setObjectName(u"ruleProblems"_s);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(u"color: #b00020"_s);
    m_name->setObjectName(u"ruleName"_s);
    m_api->setObjectName(u"ruleApi"_s);
    m_api->setEditable(true);
    m_api->setInsertPolicy(QComboBox::NoInsert);
    m_api->completer()->setFilterMode(Qt::MatchContains);
    m_api->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_api->lineEdit()->setPlaceholderText(tr("login, getLocation, or any other API name"));
    m_enable->setObjectName(u"ruleEnable"_s);
    m_success->setObjectName(u"ruleSuccess"_s);
    m_fail->setObjectName(u"ruleFail"_s);
    m_delay->setObjectName(u"ruleDelay"_s);
    m_delay->setRange(0, core::MockRule::maxDelayMs);
    m_delay->setSuffix(tr(" ms"));
    m_delay->setSingleStep(100);
    m_responseKind->setObjectName(u"ruleResponseKind"_s);
    m_functionKind->setObjectName(u"ruleFunctionKind"_s);
    m_response->setObjectName(u"ruleResponse"_s);
    m_response->setSubject(tr("response"));
    m_response->setValidator([](const nlohmann::json &value) -> std::optional<core::Error> {
        if (!value.is_object())
            return core::Error{tr("the response must be a JSON object").toStdString(), {}};
        return std::nullopt;
    });
    m_function->setObjectName(u"ruleFunction"_s);
    m_function->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_function->setUndoRedoEnabled(false);
    m_function->setTabChangesFocus(true);
    m_filters->setObjectName(u"ruleFilters"_s);
    m_filters->setHorizontalHeaderLabels({tr("Argument path"), tr("Regular expression")});
    m_filters->verticalHeader()->hide();
    m_filters->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_filters->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_filters->verticalHeader()->setDefaultSectionSize(m_filters->fontMetrics().height() + 10);
    m_filters->setMinimumHeight(m_filters->verticalHeader()->defaultSectionSize() * 3);
    m_filters->setMaximumHeight(m_filters->verticalHeader()->defaultSectionSize() * 5);
    m_removeFilter->setObjectName(u"removeFilterButton"_s);

    auto *returnGroup = new QButtonGroup(this);
    returnGroup->addButton(m_success);
    returnGroup->addButton(m_fail);
    auto *kindGroup = new QButtonGroup(this);
    kindGroup->addButton(m_responseKind);
    kindGroup->addButton(m_functionKind);

    auto *functionPage = new QWidget(this);
    auto *functionLayout = new QVBoxLayout(functionPage);
    functionLayout->setContentsMargins(0, 0, 0, 0);
    functionLayout->addWidget(m_function, 1);
    functionLayout->addWidget(hintLabel(
        tr("Called with the call's options in the mini-program's logic layer (getApp() works); "
           "what it returns, or resolves to, answers the call: an errMsg containing \":fail\" "
           "goes to fail. Saved as the rule's \"functionSource\"."),
        functionPage));
    m_answer->addWidget(m_response);
    m_answer->addWidget(functionPage);

    auto *addFilter = new QPushButton(tr("Add filter"), this);
    addFilter->setObjectName(u"addFilterButton"_s);
    auto *filters = new QWidget(this);
    auto *filtersLayout = new QVBoxLayout(filters);
    filtersLayout->setContentsMargins(0, 0, 0, 0);
    filtersLayout->addWidget(m_filters);
    filtersLayout->addWidget(row(filters, {addFilter, m_removeFilter}));
    filters->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("API:"), m_api);
    form->addRow(QString(), row(this, {m_enable}));
    form->addRow(tr("Answers:"), row(this, {m_success, m_fail}));
    form->addRow(tr("Delay:"), m_delay);
    form->addRow(tr("Filters:"), filters);
    form->addRow(QString(), hintLabel(tr("Every filter must match: the argument at the dotted "
                                         "path (\"header.token\", \"tmplIds.0\") against a "
                                         "case-insensitive regular expression. An empty path "
                                         "matches every call."),
                                      this));
    form->addRow(tr("Answer with:"), row(this, {m_responseKind, m_functionKind}));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_problems);
    layout->addLayout(form);
    layout->addWidget(m_answer, 1);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        editRule(tr("name"), u"name"_s, [&](core::MockRule &r) { r.ruleName = text.toStdString(); });
    });
    connect(m_api, &QComboBox::editTextChanged, this, [this](const QString &text) {
        if (m_showing)
            return;
        editRule(tr("API"), u"api"_s,
                 [&](core::MockRule &r) { r.apiName = text.trimmed().toStdString(); });
    });
    connect(m_enable, &QCheckBox::clicked, this, [this](bool on) {
        editRule(on ? tr("enable") : tr("disable"), QString(), [&](core::MockRule &r) { r.enable = on; });
    });
    connect(m_success, &QRadioButton::clicked, this, [this] {
        editRule(tr("success"), QString(),
                 [](core::MockRule &r) { r.returnType = core::MockReturnType::Success; });
    });
    connect(m_fail, &QRadioButton::clicked, this, [this] {
        editRule(tr("fail"), QString(),
                 [](core::MockRule &r) { r.returnType = core::MockReturnType::Fail; });
    });
    connect(m_delay, &QSpinBox::valueChanged, this, [this](int value) {
        editRule(tr("delay"), u"delay"_s, [&](core::MockRule &r) { r.delayMs = value; });
    });
    connect(m_responseKind, &QRadioButton::clicked, this, [this] {
        editRule(tr("response"), QString(), [](core::MockRule &r) { r.functionSource.reset(); });
    });
    connect(m_functionKind, &QRadioButton::clicked, this, [this] {
        editRule(tr("function"), QString(), [this](core::MockRule &r) {
            if (!r.functionSource)
                r.functionSource = m_function->toPlainText().trimmed().isEmpty()
                                       ? functionTemplate(std::string(r.api())).toStdString()
                                       : m_function->toPlainText().toStdString();
        });
    });
    connect(m_response, &JsonEditor::edited, this, [this](const QString &text, const nlohmann::json &) {
        m_editingResponse = true;
        editRule(tr("response"), u"resStr"_s, [&](core::MockRule &r) { r.resStr = text.toStdString(); });
        m_editingResponse = false;
    });
    connect(m_function, &QPlainTextEdit::textChanged, this, [this] {
        editRule(tr("function"), u"function"_s,
                 [this](core::MockRule &r) { r.functionSource = m_function->toPlainText().toStdString(); });
    });
    connect(m_filters, &QTableWidget::itemChanged, this, &RuleEditor::filterEdited);
    connect(m_filters, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removeFilter->setEnabled(!m_filters->selectedItems().isEmpty()); });
    connect(addFilter, &QPushButton::clicked, this, &RuleEditor::addFilter);
    connect(m_removeFilter, &QPushButton::clicked, this, &RuleEditor::removeSelectedFilters);

    connect(&m_model, &WorkingScenario::changed, this, [this](WorkingScenario::Parts parts) {
        if (m_set == RuleSet::Scenario && (parts & WorkingScenario::Part::Rules))
            refresh();
    });
    connect(&m_model, &WorkingScenario::projectRulesChanged, this, [this] {
        if (m_set == RuleSet::Project)
            refresh();
    });
    refresh();
}

void RuleEditor::setKnownApis(const QStringList &apis)
{
    m_showing = true;
    const QString text = m_api->currentText();
    m_api->clear();
    m_api->addItems(apis);
    m_api->setEditText(text);
    m_showing = false;
}

void RuleEditor::setRule(RuleSet set, int index)
{
    m_set = set;
    m_index = index;
    refresh();
}

const core::MockRule *RuleEditor::rule() const
{
    const auto &rules = m_model.rules(m_set).rules;
    return m_index >= 0 && m_index < int(rules.size()) ? &rules[size_t(m_index)] : nullptr;
}

void RuleEditor::editRule(const QString &what, const QString &field,
                          const std::function<void(core::MockRule &)> &change)
{
    if (m_showing || !rule())
        return;
    const int index = m_index;
    // Merged per rule and field: typing in one rule's response is one step.
    const QString key = field.isEmpty()
                            ? QString()
                            : u"rule/%1/%2/%3"_s.arg(QString::fromStdString(rule()->ruleId)).arg(index).arg(field);
    m_model.editRules(m_set, tr("Edit rule: %1").arg(what), key,
                      [&](core::MockRules &rules) { change(rules.rules[size_t(index)]); });
}

void RuleEditor::addFilter()
{
    editRule(tr("add filter"), QString(), [](core::MockRule &r) {
        core::MockFilter filter;
        r.filterList.push_back(filter);
    });
    if (m_filters->rowCount() > 0)
        m_filters->editItem(m_filters->item(m_filters->rowCount() - 1, PathColumn));
}

void RuleEditor::removeSelectedFilters()
{
    std::set<int> rows;
    for (const QTableWidgetItem *item : m_filters->selectedItems())
        rows.insert(item->row());
    editRule(tr("remove filter"), QString(), [&](core::MockRule &r) {
        for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
            if (*it < int(r.filterList.size()))
                r.filterList.erase(r.filterList.begin() + *it);
        }
    });
}

void RuleEditor::filterEdited(QTableWidgetItem *item)
{
    if (m_showing)
        return;
    const int filterRow = item->row();
    const bool path = item->column() == PathColumn;
    const std::string text = item->text().toStdString();
    editRule(path ? tr("filter path") : tr("filter expression"),
             u"filter/%1/%2"_s.arg(filterRow).arg(item->column()), [&](core::MockRule &r) {
                 if (filterRow >= int(r.filterList.size()))
                     return;
                 core::MockFilter &filter = r.filterList[size_t(filterRow)];
                 (path ? filter.propName : filter.propRegString) = text;
             });
}

void RuleEditor::refresh()
{
    const core::MockRule *current = rule();
    setEnabled(current != nullptr);
    m_showing = true;
    if (!current) {
        m_problems->clear();
        m_problems->hide();
        showText(m_name, QString());
        m_api->setEditText(QString());
        m_filters->setRowCount(0);
        m_response->setAcceptedText(QString());
        m_showing = false;
        return;
    }
    QStringList problems;
    for (const auto &problem : current->problems(size_t(m_index))) {
        if (problem.field != "resStr") // the response editor shows its own
            problems << QString::fromStdString(problem.field + ": " + problem.message);
    }
    m_problems->setText(problems.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());

    showText(m_name, QString::fromStdString(current->ruleName));
    if (m_api->currentText() != QString::fromStdString(current->apiName))
        m_api->setEditText(QString::fromStdString(current->apiName));
    showChecked(m_enable, current->enable);
    showChecked(m_success, current->returnType == core::MockReturnType::Success);
    showChecked(m_fail, current->returnType == core::MockReturnType::Fail);
    showValue(m_delay, current->delayMs);
    const bool function = current->functionSource.has_value();
    showChecked(m_responseKind, !function);
    showChecked(m_functionKind, function);
    m_answer->setCurrentIndex(function ? 1 : 0);
    if (function)
        showText(m_function, QString::fromStdString(*current->functionSource));
    if (!m_editingResponse)
        m_response->setAcceptedText(QString::fromStdString(current->resStr));

    const int filters = int(current->filterList.size());
    m_filters->setRowCount(filters);
    const QIcon warning = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int r = 0; r < filters; ++r) {
        const core::MockFilter &filter = current->filterList[size_t(r)];
        for (int column : {PathColumn, PatternColumn}) {
            QTableWidgetItem *item = m_filters->item(r, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_filters->setItem(r, column, item);
            }
            const QString text = QString::fromStdString(column == PathColumn ? filter.propName
                                                                              : filter.propRegString);
            if (item->text() != text)
                item->setText(text);
        }
        QTableWidgetItem *pattern = m_filters->item(r, PatternColumn);
        const auto compiled = core::MockPattern::compile(filter.propRegString);
        const bool bad = !filter.propName.empty() && !compiled.ok();
        pattern->setIcon(bad ? warning : QIcon());
        pattern->setToolTip(bad ? QString::fromStdString(compiled.error().message)
                          : filter.propName.empty() ? tr("An empty path matches every call")
                                                    : QString());
        m_filters->item(r, PathColumn)->setToolTip(filter.propName.empty() ? tr("every call") : QString());
    }
    m_showing = false;
}

} // namespace mpsim::mockpanel
