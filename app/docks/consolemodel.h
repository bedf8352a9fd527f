#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QString>

#include <deque>

namespace mpsim::app {

// The page's console messages, oldest first, in a bounded ring buffer like
// CallLogModel's. Free of Qt WebEngine: the page's
// javaScriptConsoleMessage(level, message, line, sourceId) passes its level
// through `static_cast<ConsoleModel::Level>(level)` (the values are
// QWebEnginePage::JavaScriptConsoleMessageLevel's: Info 0, Warning 1, Error 2).
class ConsoleModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleModel)

public:
    enum class Level { Info = 0, Warning = 1, Error = 2 };
    Q_ENUM(Level)

    enum Column { TimeColumn, LevelColumn, MessageColumn, SourceColumn, ColumnCount };

    enum Role {
        LevelRole = Qt::UserRole + 1, // ConsoleModel::Level as int
        SourceUrlRole,                // QString: the full source URL
        LineRole,                     // int
    };

    struct Entry
    {
        Level level = Level::Info;
        QString message;
        QString sourceUrl;
        int line = 0;
        QDateTime time;
    };

    static constexpr int defaultCapacity = 10'000;

    explicit ConsoleModel(QObject *parent = nullptr);
    ~ConsoleModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Adds a message as the last row (dropping the oldest when full).
    // `time` invalid: now.
    void append(Level level, const QString &message, const QString &sourceUrl, int line,
                const QDateTime &time = {});
    void clear();

    int capacity() const { return m_capacity; }
    // Values below 1 are taken as 1. Shrinking drops the oldest rows at once.
    void setCapacity(int capacity);

    // The entry of `row` (0 = oldest). `row` must be valid.
    const Entry &entry(int row) const;

    // "index.js:12": the file name part of `sourceUrl` and the line; the URL
    // alone when it has no file name, empty when both are missing.
    static QString sourceLabel(const QString &sourceUrl, int line);
    static QString levelName(Level level);

private:
    void dropOldest(int count);

    std::deque<Entry> m_entries;
    int m_capacity = defaultCapacity;
};

} // namespace mpsim::app
