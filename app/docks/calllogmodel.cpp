#include "docks/calllogmodel.h"

#include <QColor>
#include <QDateTime>

namespace mpsim::app {

using namespace Qt::StringLiterals;

namespace {

// Args come from mini-program code and may hold invalid UTF-8: a log must
// show them rather than throw.
std::string dumpJson(const nlohmann::json &value, int indent = -1)
{
    return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

QString fromStd(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString outcomeText(const core::ApiReply &reply)
{
    if (reply.ok)
        return u"ok"_s;
    const auto errMsg = reply.result.is_object() ? reply.result.find("errMsg") : reply.result.end();
    if (errMsg != reply.result.end() && errMsg->is_string())
        return fromStd(errMsg->get<std::string>());
    return u"fail"_s;
}

QString elided(const QString &text, qsizetype length)
{
    if (text.size() <= length)
        return text;
    return text.left(length - 1) + QChar(0x2026);
}

} // namespace

CallLogModel::CallLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

CallLogModel::~CallLogModel() = default;

int CallLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CallLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CallLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];

    auto fullText = [&]() -> QString {
        switch (index.column()) {
        case TimeColumn: return row.time;
        case PageColumn: return row.page;
        case ApiColumn: return row.api;
        case ArgsColumn: return row.args;
        case OutcomeColumn: return row.outcome;
        case DurationColumn: return QString::number(row.durationMs);
        default: return {};
        }
    };

    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == ArgsColumn)
            return elided(row.args, argsDisplayLength);
        if (index.column() == DurationColumn)
            return row.durationMs;
        return fullText();
    case Qt::ToolTipRole:
    case FullTextRole:
        return fullText();
    case OkRole:
        return row.record.reply.ok;
    case Qt::ForegroundRole:
        if (!row.record.reply.ok)
            return QColor(0xc6, 0x28, 0x28);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    default:
        return {};
    }
}

QVariant CallLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case PageColumn: return tr("Page");
    case ApiColumn: return tr("API");
    case ArgsColumn: return tr("Args");
    case OutcomeColumn: return tr("Outcome");
    case DurationColumn: return tr("Duration (ms)");
    default: return {};
    }
}

void CallLogModel::append(const core::CallRecord &record)
{
    if (int(m_rows.size()) >= m_capacity)
        dropOldest(int(m_rows.size()) - m_capacity + 1);
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(makeRow(record));
    endInsertRows();
}

void CallLogModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void CallLogModel::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
    if (int(m_rows.size()) > m_capacity)
        dropOldest(int(m_rows.size()) - m_capacity);
}

const core::CallRecord &CallLogModel::record(int row) const
{
    return m_rows.at(std::size_t(row)).record;
}

std::string CallLogModel::rowJson(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    return dumpJson(recordToJson(record(row)));
}

std::string CallLogModel::exportJson() const
{
    nlohmann::json rows = nlohmann::json::array();
    for (const Row &row : m_rows)
        rows.push_back(recordToJson(row.record));
    return dumpJson(rows, 2);
}

nlohmann::json CallLogModel::recordToJson(const core::CallRecord &record)
{
    return {{"api", record.api},
            {"args", record.args},
            {"context",
             {{"appid", record.context.appid},
              {"page", record.context.page},
              {"userGesture", record.context.userGesture}}},
            {"reply", {{"ok", record.reply.ok}, {"result", record.reply.result}}},
            {"startedAtMs", record.startedAtMs},
            {"settledAtMs", record.settledAtMs}};
}

CallLogModel::Row CallLogModel::makeRow(const core::CallRecord &record)
{
    Row row;
    row.record = record;
    row.time = QDateTime::fromMSecsSinceEpoch(record.startedAtMs)
                   .toLocalTime()
                   .toString(u"hh:mm:ss.zzz"_s);
    row.page = fromStd(record.context.page);
    row.api = fromStd(record.api);
    row.args = record.args.is_null() ? QString() : fromStd(dumpJson(record.args));
    row.outcome = outcomeText(record.reply);
    row.durationMs = std::max<qint64>(0, record.settledAtMs - record.startedAtMs);
    return row;
}

void CallLogModel::dropOldest(int count)
{
    count = std::min(count, int(m_rows.size()));
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, count - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + count);
    endRemoveRows();
}

} // namespace mpsim::app
