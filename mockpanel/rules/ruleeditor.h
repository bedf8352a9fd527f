#pragma once

#include "scenario/workingscenario.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;
class QTableWidgetItem;

namespace mpsim::mockpanel {

class JsonEditor;

// The form of one mock rule: its name, the API it answers (completed from
// the APIs mpsim knows, any other name accepted), enabled, success or fail,
// a delay, the filters (dotted path + case-insensitive regular expression,
// all must match), and the answer: a response JSON object (validated as it
// is typed; an invalid text keeps the last valid response in force) or a
// JavaScript function of the call's options (stored in the rule's
// `functionSource`; run by the logic layer).
class RuleEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleEditor)

public:
    explicit RuleEditor(WorkingScenario &model, QWidget *parent = nullptr);

    // Edits the rule at `index` of `set`; -1 shows nothing.
    void setRule(RuleSet set, int index);
    int ruleIndex() const { return m_index; }
    void setKnownApis(const QStringList &apis);

    JsonEditor *responseEditor() const { return m_response; }
    QTableWidget *filtersTable() const { return m_filters; }
    void addFilter();
    void removeSelectedFilters();

private:
    void refresh();
    const core::MockRule *rule() const;
    void editRule(const QString &what, const QString &field,
                  const std::function<void(core::MockRule &)> &change);
    void filterEdited(QTableWidgetItem *item);

    WorkingScenario &m_model;
    RuleSet m_set = RuleSet::Scenario;
    int m_index = -1;
    bool m_showing = false;
    bool m_editingResponse = false;

    QLabel *m_problems;
    QLineEdit *m_name;
    QComboBox *m_api;
    QCheckBox *m_enable;
    QRadioButton *m_success;
    QRadioButton *m_fail;
    QSpinBox *m_delay;
    QRadioButton *m_responseKind;
    QRadioButton *m_functionKind;
    QStackedWidget *m_answer;
    JsonEditor *m_response;
    QPlainTextEdit *m_function;
    QTableWidget *m_filters;
    QPushButton *m_removeFilter;
};

} // namespace mpsim::mockpanel
