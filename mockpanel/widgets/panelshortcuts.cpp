#include "widgets/panelshortcuts.h"

#include <QAbstractSpinBox>
#include <QChildEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace mpsim::mockpanel {

namespace {

bool isPanelKey(const QKeyEvent *key)
{
    return key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)
           || key->matches(QKeySequence::Save)
           || key->keyCombination() == QKeyCombination(Qt::CTRL | Qt::SHIFT, Qt::Key_Z);
}

bool edits(const QObject *object)
{
    return qobject_cast<const QLineEdit *>(object) || qobject_cast<const QPlainTextEdit *>(object)
           || qobject_cast<const QTextEdit *>(object) || qobject_cast<const QAbstractSpinBox *>(object);
}

} // namespace

PanelShortcuts::PanelShortcuts(QObject *parent)
    : QObject(parent)
{}

void PanelShortcuts::install(QWidget *root)
{
    auto *filter = new PanelShortcuts(root);
    filter->watch(root);
}

void PanelShortcuts::watch(QWidget *widget)
{
    // Every widget is watched for children added later (a rule editor's
    // filter rows); editing widgets are watched for their keys.
    widget->installEventFilter(this);
    for (QObject *child : widget->children()) {
        if (auto *childWidget = qobject_cast<QWidget *>(child))
            watch(childWidget);
    }
}

bool PanelShortcuts::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ChildAdded) {
        auto *added = static_cast<QChildEvent *>(event)->child();
        if (auto *widget = qobject_cast<QWidget *>(added); widget && added->parent() == watched) {
            widget->removeEventFilter(this);
            watch(widget);
        }
    } else if (event->type() == QEvent::ShortcutOverride && edits(watched)) {
        if (isPanelKey(static_cast<QKeyEvent *>(event))) {
            // Not accepted: the shortcut map goes on to the panel's actions.
            event->ignore();
            return true;
        }
    }
    return false;
}

} // namespace mpsim::mockpanel
