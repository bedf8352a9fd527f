#pragma once

#include "scenario/workingscenario.h"

#include <QAbstractListModel>

namespace mpsim::mockpanel {

// One rule list of the working scenario (the scenario's or the project's) as
// a list model: a row per rule in the order they are tried, checkable to
// enable it, marked when a problem keeps it from matching, and reordered by
// drag and drop (each move is an undoable command).
class RuleListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleListModel)

public:
    static constexpr char MimeType[] = "application/x-mpsim-mock-rule-row";

    RuleListModel(WorkingScenario &model, QObject *parent = nullptr);

    RuleSet ruleSet() const { return m_set; }
    void setRuleSet(RuleSet set);

    // Moves the rule at `from` so that it ends up at index `to`.
    bool moveRule(int from, int to);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    // What QListView's internal move calls: `destinationChild` is the row the
    // rule goes before, counted before the move.
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

private:
    void rulesChanged();
    const core::MockRules &rules() const { return m_model.rules(m_set); }

    WorkingScenario &m_model;
    RuleSet m_set = RuleSet::Scenario;
    int m_rows = 0;
};

} // namespace mpsim::mockpanel
