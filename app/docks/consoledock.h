#pragma once

#include <QDockWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTableView;

namespace mpsim::app {

class ConsoleFilterModel;
class ConsoleModel;

// The Console dock (objectName "consoleDock"): the page's console messages,
// coloured by level, with a level filter (All / Info / Warnings / Errors, each
// showing that level only), a text filter and "Clear".
//
// Whoever receives the page's console messages appends them to model().
class ConsoleDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleDock)

public:
    explicit ConsoleDock(QWidget *parent = nullptr);
    ~ConsoleDock() override;

    ConsoleModel *model() const { return m_model; }
    ConsoleFilterModel *filterModel() const { return m_filter; }
    QTableView *view() const { return m_view; }

private:
    ConsoleModel *m_model;
    ConsoleFilterModel *m_filter;
    QComboBox *m_levelBox;
    QLineEdit *m_filterEdit;
    QPushButton *m_clearButton;
    QTableView *m_view;
    bool m_followTail = true;
};

} // namespace mpsim::app
