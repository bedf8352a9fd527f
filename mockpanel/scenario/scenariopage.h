#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace mpsim::mockpanel {

class JsonEditor;
class WorkingScenario;

// The scenario itself: its name and description, where it is saved, its
// clock offset, and the host state it starts from (as validated JSON; the
// Host state inspector can also copy the live state into it).
class ScenarioPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenarioPage)

public:
    explicit ScenarioPage(WorkingScenario &model, QWidget *parent = nullptr);

    JsonEditor *initialStateEditor() const { return m_initialState; }

private:
    void refresh();

    WorkingScenario &m_model;
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QLabel *m_origin;
    QLabel *m_clock;
    JsonEditor *m_initialState;
    bool m_editingState = false;
};

// How a clock offset reads: "none", "+5 min", "-1 d 2 h", "+1 min 30 s".
QString formatOffset(qint64 ms);

} // namespace mpsim::mockpanel
