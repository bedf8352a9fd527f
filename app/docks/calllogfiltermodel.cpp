#include "docks/calllogfiltermodel.h"

#include "docks/calllogmodel.h"

namespace mpsim::app {

CallLogFilterModel::CallLogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

CallLogFilterModel::~CallLogFilterModel() = default;

void CallLogFilterModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

void CallLogFilterModel::setFailuresOnly(bool failuresOnly)
{
    if (failuresOnly == m_failuresOnly)
        return;
    m_failuresOnly = failuresOnly;
    invalidateFilter();
}

bool CallLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (m_failuresOnly
        && model->index(sourceRow, 0, sourceParent).data(CallLogModel::OkRole).toBool())
        return false;
    if (m_text.isEmpty())
        return true;
    for (const int column : {CallLogModel::ApiColumn, CallLogModel::PageColumn,
                             CallLogModel::ArgsColumn, CallLogModel::OutcomeColumn}) {
        const QString text =
            model->index(sourceRow, column, sourceParent).data(CallLogModel::FullTextRole).toString();
        if (text.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace mpsim::app
