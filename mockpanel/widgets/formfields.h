#pragma once

#include <QString>

#include <initializer_list>
#include <utility>

class QAbstractButton;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QWidget;

namespace mpsim::mockpanel {

// Small helpers for the panel's forms: widgets are updated from the model
// without emitting their change signals (the model is already up to date),
// and only when the value differs, so a field being typed in keeps its cursor.

// A combo whose items carry a value (Qt::UserRole): {label, value} pairs.
QComboBox *choiceCombo(QWidget *parent, std::initializer_list<std::pair<QString, QString>> items);
QString comboValue(const QComboBox *combo);
void showComboValue(QComboBox *combo, const QString &value);

void showText(QLineEdit *edit, const QString &text);
void showText(QPlainTextEdit *edit, const QString &text);
void showChecked(QAbstractButton *button, bool checked);
void showValue(QSpinBox *spin, int value);

// A grey explanation under a form row.
QLabel *hintLabel(const QString &text, QWidget *parent);

} // namespace mpsim::mockpanel
