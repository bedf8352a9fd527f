#include "profile/subscriptionspage.h"

#include "scenario/workingscenario.h"
#include "widgets/formfields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

SubscriptionsPage::SubscriptionsPage(WorkingScenario &model, QWidget *parent)
    : ProfileSectionPage(model, u"subscriptions"_s, tr("Subscriptions"),
                         tr("The subscription message templates and what the host's "
                            "subscription sheet answers."),
                         parent)
    , m_mainSwitch(new QCheckBox(tr("Main switch on (\"Receive subscription messages\")"), this))
    , m_banned(new QCheckBox(tr("Mini program banned from subscribing (20005)"), this))
    , m_networkFailure(choiceCombo(this, {{tr("None"), u"0"_s},
                                          {tr("10002 failed to request the message list"), u"10002"_s},
                                          {tr("10003 failed to send the request"), u"10003"_s}}))
    , m_sheet(choiceCombo(this, {{tr("Ask (show the sheet)"), u"ask"_s},
                                 {tr("Accept every template"), u"acceptAll"_s},
                                 {tr("Reject every template"), u"rejectAll"_s}}))
    , m_templates(new QTableWidget(0, ColumnCount, this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_tableProblem(new QLabel(this))
{
    m_mainSwitch->setObjectName(u"mainSwitch"_s);
    m_banned->setObjectName(u"miniProgramBanned"_s);
    m_networkFailure->setObjectName(u"networkFailureCombo"_s);
    m_sheet->setObjectName(u"sheetCombo"_s);
    m_templates->setObjectName(u"templatesTable"_s);
    m_templates->setHorizontalHeaderLabels(
        {tr("Template id"), tr("Title"), tr("Type"), tr("Banned"), tr("Device")});
    m_templates->verticalHeader()->hide();
    m_templates->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_templates->horizontalHeader()->setSectionResizeMode(IdColumn, QHeaderView::ResizeToContents);
    m_templates->horizontalHeader()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    for (int column : {TypeColumn, BannedColumn, DeviceColumn})
        m_templates->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_templates->verticalHeader()->setDefaultSectionSize(m_templates->fontMetrics().height() + 12);
    m_templates->setMinimumHeight(m_templates->verticalHeader()->defaultSectionSize() * 5);
    m_templates->setMinimumWidth(m_templates->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 60);
    m_templates->horizontalHeaderItem(DeviceColumn)->setToolTip(tr("A device message template (20013)"));
    m_tableProblem->setObjectName(u"templatesProblem"_s);
    m_tableProblem->setStyleSheet(u"color: #b00020"_s);
    m_tableProblem->setWordWrap(true);
    m_tableProblem->hide();

    auto *add = new QPushButton(tr("Add"), this);
    add->setObjectName(u"addTemplateButton"_s);
    m_remove->setObjectName(u"removeTemplateButton"_s);
    auto *table = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(table);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_templates);
    tableLayout->addWidget(m_tableProblem);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    tableLayout->addLayout(buttons);

    form()->addRow(QString(), m_mainSwitch);
    form()->addRow(QString(), m_banned);
    form()->addRow(tr("Network failure:"), m_networkFailure);
    form()->addRow(tr("Sheet:"), m_sheet);
    // The table spans the form's width: ids and titles need the room.
    form()->addRow(new QLabel(tr("Templates:"), this));
    form()->addRow(table);
    form()->addRow(hintLabel(tr("An id not listed here answers 20001 (no template data). "
                                "One-time and permanent ids cannot be mixed in one call."),
                             this));

    connect(m_mainSwitch, &QCheckBox::clicked, this, [this](bool on) {
        editProfile(tr("main switch"), u"mainSwitch"_s,
                    [&](core::HostProfile &p) { p.subscriptions.mainSwitch = on; });
    });
    connect(m_banned, &QCheckBox::clicked, this, [this](bool on) {
        editProfile(tr("banned"), u"miniProgramBanned"_s,
                    [&](core::HostProfile &p) { p.subscriptions.miniProgramBanned = on; });
    });
    connect(m_networkFailure, &QComboBox::activated, this, [this] {
        const int failure = comboValue(m_networkFailure).toInt();
        editProfile(tr("network failure"), u"networkFailure"_s,
                    [&](core::HostProfile &p) { p.subscriptions.networkFailure = failure; });
    });
    connect(m_sheet, &QComboBox::activated, this, [this] {
        const QString value = comboValue(m_sheet);
        editProfile(tr("sheet"), u"sheet"_s, [&](core::HostProfile &p) {
            p.subscriptions.sheet = value == u"acceptAll"_s   ? core::SheetPolicy::AcceptAll
                                    : value == u"rejectAll"_s ? core::SheetPolicy::RejectAll
                                                              : core::SheetPolicy::Ask;
        });
    });
    connect(m_templates, &QTableWidget::itemChanged, this, &SubscriptionsPage::cellEdited);
    connect(m_templates, &QTableWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_templates->selectedItems().isEmpty()); });
    connect(add, &QPushButton::clicked, this, &SubscriptionsPage::addTemplate);
    connect(m_remove, &QPushButton::clicked, this, &SubscriptionsPage::removeSelectedTemplates);
    m_remove->setEnabled(false);
    refresh();
}

void SubscriptionsPage::addTemplate()
{
    const auto &templates = model().hostProfile().subscriptions.templates;
    std::set<std::string> ids;
    for (const auto &tmpl : templates)
        ids.insert(tmpl.id);
    int n = int(templates.size()) + 1;
    while (ids.count("tmpl-" + std::to_string(n)))
        ++n;
    editProfile(tr("add template"), QString(), [&](core::HostProfile &p) {
        core::SubscriptionTemplate tmpl;
        tmpl.id = "tmpl-" + std::to_string(n);
        tmpl.title = tr("Template %1").arg(n).toStdString();
        p.subscriptions.templates.push_back(tmpl);
    });
    m_templates->setCurrentCell(m_templates->rowCount() - 1, IdColumn);
}

void SubscriptionsPage::removeSelectedTemplates()
{
    std::set<int> rows;
    for (const QTableWidgetItem *item : m_templates->selectedItems())
        rows.insert(item->row());
    if (rows.empty())
        return;
    editProfile(tr("remove templates"), QString(), [&](core::HostProfile &p) {
        auto &templates = p.subscriptions.templates;
        for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
            if (*it < int(templates.size()))
                templates.erase(templates.begin() + *it);
        }
    });
}

void SubscriptionsPage::cellEdited(QTableWidgetItem *item)
{
    if (m_showing)
        return;
    const int row = item->row();
    const auto &templates = model().hostProfile().subscriptions.templates;
    if (row < 0 || row >= int(templates.size()))
        return;
    const std::string text = item->text().trimmed().toStdString();
    QString problem;
    if (item->column() == IdColumn) {
        if (text.empty())
            problem = tr("A template needs an id.");
        for (int i = 0; i < int(templates.size()) && problem.isEmpty(); ++i) {
            if (i != row && templates[size_t(i)].id == text)
                problem = tr("Template id \"%1\" is listed twice.").arg(item->text().trimmed());
        }
    }
    m_tableProblem->setText(problem);
    m_tableProblem->setVisible(!problem.isEmpty());
    if (!problem.isEmpty()) {
        refresh(); // back to the last valid templates
        return;
    }
    const int column = item->column();
    const bool checked = item->checkState() == Qt::Checked;
    editProfile(tr("template"), u"templates/%1/%2"_s.arg(row).arg(column), [&](core::HostProfile &p) {
        core::SubscriptionTemplate &tmpl = p.subscriptions.templates[size_t(row)];
        switch (column) {
        case IdColumn: tmpl.id = text; break;
        case TitleColumn: tmpl.title = item->text().toStdString(); break;
        case BannedColumn: tmpl.banned = checked; break;
        case DeviceColumn: tmpl.deviceMessage = checked; break;
        default: break;
        }
    });
}

void SubscriptionsPage::showProfile(const core::HostProfile &profile)
{
    const core::SubscriptionProfile &subscriptions = profile.subscriptions;
    showChecked(m_mainSwitch, subscriptions.mainSwitch);
    showChecked(m_banned, subscriptions.miniProgramBanned);
    showComboValue(m_networkFailure, QString::number(subscriptions.networkFailure));
    showComboValue(m_sheet, subscriptions.sheet == core::SheetPolicy::AcceptAll   ? u"acceptAll"_s
                            : subscriptions.sheet == core::SheetPolicy::RejectAll ? u"rejectAll"_s
                                                                                  : u"ask"_s);
    m_showing = true;
    const auto &templates = subscriptions.templates;
    m_templates->setRowCount(int(templates.size()));
    for (int row = 0; row < int(templates.size()); ++row) {
        const core::SubscriptionTemplate &tmpl = templates[size_t(row)];
        auto setText = [&](int column, const std::string &text) {
            QTableWidgetItem *item = m_templates->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_templates->setItem(row, column, item);
            }
            if (item->text() != QString::fromStdString(text))
                item->setText(QString::fromStdString(text));
        };
        auto setCheck = [&](int column, bool on) {
            QTableWidgetItem *item = m_templates->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
                m_templates->setItem(row, column, item);
            }
            item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        };
        setText(IdColumn, tmpl.id);
        setText(TitleColumn, tmpl.title);
        setCheck(BannedColumn, tmpl.banned);
        setCheck(DeviceColumn, tmpl.deviceMessage);
        auto *type = qobject_cast<QComboBox *>(m_templates->cellWidget(row, TypeColumn));
        if (!type) {
            type = choiceCombo(m_templates, {{tr("one-time"), u"one-time"_s},
                                             {tr("permanent"), u"permanent"_s}});
            m_templates->setCellWidget(row, TypeColumn, type);
            connect(type, &QComboBox::activated, this, [this, type] {
                // The row the combo is in now (rows move when others are removed).
                for (int r = 0; r < m_templates->rowCount(); ++r) {
                    if (m_templates->cellWidget(r, TypeColumn) != type)
                        continue;
                    const bool permanent = comboValue(type) == u"permanent"_s;
                    editProfile(tr("template type"), u"templates/%1/type"_s.arg(r),
                                [&](core::HostProfile &p) {
                                    p.subscriptions.templates[size_t(r)].permanent = permanent;
                                });
                }
            });
        }
        showComboValue(type, tmpl.permanent ? u"permanent"_s : u"one-time"_s);
    }
    m_showing = false;
}

} // namespace mpsim::mockpanel
