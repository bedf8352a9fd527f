#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace mpsim::app {

// What the call log shows of a CallLogModel: rows whose API, page, args or
// outcome contain the filter text (case-insensitive; the args' full text, not
// the elided one), optionally failures only.
class CallLogFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallLogFilterModel)

public:
    explicit CallLogFilterModel(QObject *parent = nullptr);
    ~CallLogFilterModel() override;

    QString filterText() const { return m_text; }
    void setFilterText(const QString &text);
    bool failuresOnly() const { return m_failuresOnly; }
    void setFailuresOnly(bool failuresOnly);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    bool m_failuresOnly = false;
};

} // namespace mpsim::app
