#include "rules/rulelistmodel.h"

#include <QApplication>
#include <QMimeData>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

RuleListModel::RuleListModel(WorkingScenario &model, QObject *parent)
    : QAbstractListModel(parent)
    , m_model(model)
    , m_rows(int(rules().rules.size()))
{
    connect(&m_model, &WorkingScenario::changed, this, [this](WorkingScenario::Parts parts) {
        if (m_set == RuleSet::Scenario && (parts & WorkingScenario::Part::Rules))
            rulesChanged();
    });
    connect(&m_model, &WorkingScenario::projectRulesChanged, this, [this] {
        if (m_set == RuleSet::Project)
            rulesChanged();
    });
}

void RuleListModel::setRuleSet(RuleSet set)
{
    if (set == m_set)
        return;
    beginResetModel();
    m_set = set;
    m_rows = int(rules().rules.size());
    endResetModel();
}

void RuleListModel::rulesChanged()
{
    const int rows = int(rules().rules.size());
    if (rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else if (rows > 0) {
        emit dataChanged(index(0), index(rows - 1));
    }
}

bool RuleListModel::moveRule(int from, int to)
{
    const int count = int(rules().rules.size());
    if (from < 0 || from >= count || to < 0 || to >= count || from == to)
        return false;
    return m_model.editRules(m_set, tr("Move rule"), QString(), [&](core::MockRules &list) {
        core::MockRule rule = std::move(list.rules[size_t(from)]);
        list.rules.erase(list.rules.begin() + from);
        list.rules.insert(list.rules.begin() + to, std::move(rule));
    });
}

int RuleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

QVariant RuleListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(rules().rules.size()))
        return {};
    const core::MockRule &rule = rules().rules[size_t(index.row())];
    const QString api = QString::fromStdString(rule.apiName);
    const QString name = QString::fromStdString(rule.ruleName);
    switch (role) {
    case Qt::DisplayRole: {
        const QString answer = rule.needsLogicLayer() ? tr("function")
                               : rule.returnType == core::MockReturnType::Fail ? tr("fail")
                                                                               : tr("success");
        const QString title = name.isEmpty() || name == api ? api : u"%1 \u2014 %2"_s.arg(name, api);
        return u"%1  [%2%3]"_s.arg(title.isEmpty() ? tr("(no api)") : title, answer,
                                   rule.filterList.empty()
                                           || (rule.filterList.size() == 1
                                               && rule.filterList.front().propName.empty())
                                       ? QString()
                                       : tr(", filtered"));
    }
    case Qt::CheckStateRole:
        return rule.enable ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole: {
        QStringList lines;
        for (const auto &problem : rule.problems(size_t(index.row())))
            lines << QString::fromStdString(problem.field + ": " + problem.message);
        return lines.isEmpty() ? tr("Tried in this order; the first enabled rule that fits a call answers it.")
                               : lines.join(u'\n');
    }
    case Qt::DecorationRole:
        if (!rule.problems(size_t(index.row())).empty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::ForegroundRole:
        if (!rule.enable)
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    default:
        return {};
    }
}

bool RuleListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::CheckStateRole)
        return false;
    const bool enable = value.toInt() == Qt::Checked;
    const int row = index.row();
    return m_model.editRules(m_set, enable ? tr("Enable rule") : tr("Disable rule"), QString(),
                             [&](core::MockRules &list) { list.rules[size_t(row)].enable = enable; });
}

Qt::ItemFlags RuleListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable
           | Qt::ItemIsDragEnabled;
}

Qt::DropActions RuleListModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList RuleListModel::mimeTypes() const
{
    return {QString::fromLatin1(MimeType)};
}

QMimeData *RuleListModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(MimeType), QByteArray::number(indexes.first().row()));
    return data;
}

bool RuleListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int,
                                 const QModelIndex &parent)
{
    if (!data || action != Qt::MoveAction || !data->hasFormat(QString::fromLatin1(MimeType)))
        return false;
    bool ok = false;
    const int from = data->data(QString::fromLatin1(MimeType)).toInt(&ok);
    if (!ok)
        return false;
    // Dropped between rows (`row`), on a row (`parent`), or below the last one.
    int before = row >= 0 ? row : parent.isValid() ? parent.row() : m_rows;
    const int to = before > from ? before - 1 : before;
    moveRule(from, qBound(0, to, m_rows - 1));
    // The move is done (as a command); returning false keeps the view from
    // also removing the dragged row as a MoveAction drop would.
    return false;
}

bool RuleListModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                             const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count != 1)
        return false;
    const int to = destinationChild > sourceRow ? destinationChild - 1 : destinationChild;
    return moveRule(sourceRow, qBound(0, to, m_rows - 1));
}

} // namespace mpsim::mockpanel
