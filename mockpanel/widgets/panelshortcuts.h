#pragma once

#include <QObject>

class QWidget;

namespace mpsim::mockpanel {

// Lets the panel's Undo, Redo and Save shortcuts win over the editing
// widgets inside it. A QLineEdit or QPlainTextEdit claims Ctrl+Z for its own
// text history; in the panel every edit is a command on the scenario's undo
// stack instead, so these keys must reach the panel's actions.
class PanelShortcuts final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PanelShortcuts)

public:
    // Routes the keys of every text-editing widget under `root` (now and
    // whenever one is added later) to the panel's actions.
    static void install(QWidget *root);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit PanelShortcuts(QObject *parent);
    void watch(QWidget *widget);
};

} // namespace mpsim::mockpanel
