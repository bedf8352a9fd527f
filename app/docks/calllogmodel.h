#pragma once

#include "api/apicore.h"

#include <QAbstractTableModel>
#include <QString>

#include <deque>
#include <string>

namespace mpsim::app {

// The wx calls of the run, oldest first, in a bounded ring buffer: once
// `capacity()` rows are held, each append drops the oldest row (announced with
// beginRemoveRows/endRemoveRows, so views and proxies stay consistent).
class CallLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallLogModel)

public:
    enum Column { TimeColumn, PageColumn, ApiColumn, ArgsColumn, OutcomeColumn, DurationColumn,
                  ColumnCount };

    enum Role {
        // bool: the call succeeded. Views colour failed rows with it.
        OkRole = Qt::UserRole + 1,
        // QString: the column's full, unelided text (what the filter searches).
        FullTextRole,
    };

    static constexpr int defaultCapacity = 10'000;
    // Args longer than this are elided in DisplayRole (ToolTipRole has them all).
    static constexpr qsizetype argsDisplayLength = 200;

    explicit CallLogModel(QObject *parent = nullptr);
    ~CallLogModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Adds a settled call as the last row, dropping the oldest row when full.
    void append(const core::CallRecord &record);
    void clear();

    int capacity() const { return m_capacity; }
    // Values below 1 are taken as 1. Shrinking drops the oldest rows at once.
    void setCapacity(int capacity);

    // The record of `row` (0 = oldest). `row` must be valid.
    const core::CallRecord &record(int row) const;
    // The whole record of `row` as compact JSON: {"api", "args", "context":
    // {"appid", "page", "userGesture"}, "reply": {"ok", "result"}, "startedAtMs",
    // "settledAtMs"}. Empty when `row` is out of range.
    std::string rowJson(int row) const;
    // Every row, oldest first, as an indented JSON array of rowJson objects.
    std::string exportJson() const;

    // The JSON object rowJson and exportJson write for one record.
    static nlohmann::json recordToJson(const core::CallRecord &record);

private:
    struct Row
    {
        core::CallRecord record;
        QString time;
        QString page;
        QString api;
        QString args; // compact JSON, unelided
        QString outcome;
        qint64 durationMs = 0;
    };

    static Row makeRow(const core::CallRecord &record);
    void dropOldest(int count);

    std::deque<Row> m_rows;
    int m_capacity = defaultCapacity;
};

} // namespace mpsim::app
