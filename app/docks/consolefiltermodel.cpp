#include "docks/consolefiltermodel.h"

namespace mpsim::app {

ConsoleFilterModel::ConsoleFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

ConsoleFilterModel::~ConsoleFilterModel() = default;

void ConsoleFilterModel::setLevel(std::optional<ConsoleModel::Level> level)
{
    if (level == m_level)
        return;
    m_level = level;
    invalidateFilter();
}

void ConsoleFilterModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool ConsoleFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex first = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_level && first.data(ConsoleModel::LevelRole).toInt() != int(*m_level))
        return false;
    if (m_text.isEmpty())
        return true;
    const QString message = sourceModel()
                                ->index(sourceRow, ConsoleModel::MessageColumn, sourceParent)
                                .data()
                                .toString();
    const QString source = sourceModel()
                               ->index(sourceRow, ConsoleModel::SourceColumn, sourceParent)
                               .data(ConsoleModel::SourceUrlRole)
                               .toString();
    return message.contains(m_text, Qt::CaseInsensitive)
           || source.contains(m_text, Qt::CaseInsensitive);
}

} // namespace mpsim::app
