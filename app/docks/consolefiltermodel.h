#pragma once

#include "docks/consolemodel.h"

#include <QSortFilterProxyModel>
#include <QString>

#include <optional>

namespace mpsim::app {

// What the console shows of a ConsoleModel: one level or all, and rows whose
// message or source contains the filter text (case-insensitive).
class ConsoleFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleFilterModel)

public:
    explicit ConsoleFilterModel(QObject *parent = nullptr);
    ~ConsoleFilterModel() override;

    // nullopt: every level.
    std::optional<ConsoleModel::Level> level() const { return m_level; }
    void setLevel(std::optional<ConsoleModel::Level> level);
    QString filterText() const { return m_text; }
    void setFilterText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<ConsoleModel::Level> m_level;
    QString m_text;
};

} // namespace mpsim::app
