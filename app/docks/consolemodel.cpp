#include "docks/consolemodel.h"

#include <QColor>
#include <QUrl>

#include <algorithm>

namespace mpsim::app {

using namespace Qt::StringLiterals;

ConsoleModel::ConsoleModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

ConsoleModel::~ConsoleModel() = default;

int ConsoleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ConsoleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConsoleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries[std::size_t(index.row())];

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return entry.time.toString(u"hh:mm:ss.zzz"_s);
        case LevelColumn: return levelName(entry.level);
        case MessageColumn: return entry.message;
        case SourceColumn: return sourceLabel(entry.sourceUrl, entry.line);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == SourceColumn)
            return entry.line > 0 ? entry.sourceUrl + u':' + QString::number(entry.line)
                                  : entry.sourceUrl;
        if (index.column() == MessageColumn)
            return entry.message;
        return {};
    // The colours of a browser's dev tools: warnings amber, errors red.
    case Qt::ForegroundRole:
        switch (entry.level) {
        case Level::Warning: return QColor(0x7a, 0x5c, 0x00);
        case Level::Error: return QColor(0xc6, 0x28, 0x28);
        case Level::Info: return {};
        }
        return {};
    case Qt::BackgroundRole:
        switch (entry.level) {
        case Level::Warning: return QColor(0xff, 0xf8, 0xd6);
        case Level::Error: return QColor(0xfd, 0xe8, 0xe8);
        case Level::Info: return {};
        }
        return {};
    case LevelRole: return int(entry.level);
    case SourceUrlRole: return entry.sourceUrl;
    case LineRole: return entry.line;
    default: return {};
    }
}

QVariant ConsoleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case LevelColumn: return tr("Level");
    case MessageColumn: return tr("Message");
    case SourceColumn: return tr("Source");
    default: return {};
    }
}

void ConsoleModel::append(Level level, const QString &message, const QString &sourceUrl, int line,
                          const QDateTime &time)
{
    if (int(m_entries.size()) >= m_capacity)
        dropOldest(int(m_entries.size()) - m_capacity + 1);
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.push_back(
        {level, message, sourceUrl, line, time.isValid() ? time : QDateTime::currentDateTime()});
    endInsertRows();
}

void ConsoleModel::clear()
{
    if (m_entries.empty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

void ConsoleModel::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
    if (int(m_entries.size()) > m_capacity)
        dropOldest(int(m_entries.size()) - m_capacity);
}

const ConsoleModel::Entry &ConsoleModel::entry(int row) const
{
    return m_entries.at(std::size_t(row));
}

QString ConsoleModel::sourceLabel(const QString &sourceUrl, int line)
{
    // Only a hierarchical path has a file name: "about:blank" stays whole.
    const QUrl url(sourceUrl);
    QString name = url.path().contains(u'/') ? url.fileName() : QString();
    if (name.isEmpty())
        name = sourceUrl;
    if (name.isEmpty())
        return {};
    return line > 0 ? name + u':' + QString::number(line) : name;
}

QString ConsoleModel::levelName(Level level)
{
    switch (level) {
    case Level::Info: return tr("info");
    case Level::Warning: return tr("warning");
    case Level::Error: return tr("error");
    }
    return {};
}

void ConsoleModel::dropOldest(int count)
{
    count = std::min(count, int(m_entries.size()));
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, count - 1);
    m_entries.erase(m_entries.begin(), m_entries.begin() + count);
    endRemoveRows();
}

} // namespace mpsim::app
