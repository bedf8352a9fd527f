#include "widgets/formfields.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QSpinBox>

namespace mpsim::mockpanel {

QComboBox *choiceCombo(QWidget *parent, std::initializer_list<std::pair<QString, QString>> items)
{
    auto *combo = new QComboBox(parent);
    for (const auto &[label, value] : items)
        combo->addItem(label, value);
    return combo;
}

QString comboValue(const QComboBox *combo)
{
    return combo->currentData().toString();
}

void showComboValue(QComboBox *combo, const QString &value)
{
    const int index = combo->findData(value);
    if (index != combo->currentIndex()) {
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(index);
    }
}

void showText(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text) {
        const QSignalBlocker blocker(edit);
        edit->setText(text);
    }
}

void showText(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() != text) {
        const QSignalBlocker blocker(edit);
        edit->setPlainText(text);
    }
}

void showChecked(QAbstractButton *button, bool checked)
{
    if (button->isChecked() != checked) {
        const QSignalBlocker blocker(button);
        button->setChecked(checked);
    }
}

void showValue(QSpinBox *spin, int value)
{
    if (spin->value() != value) {
        const QSignalBlocker blocker(spin);
        spin->setValue(value);
    }
}

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace mpsim::mockpanel
