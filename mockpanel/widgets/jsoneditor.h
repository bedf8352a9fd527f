#pragma once

#include "util/result.h"

#include <nlohmann/json.hpp>

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QTimer;

namespace mpsim::mockpanel {

// A JSON text view that re-validates on every change (after a short pause in
// typing, never blocking it). A valid text emits edited(); an invalid one
// shows the problem with its line, marks that line, and emits nothing, so
// the last valid value stays in force (kate's jsonsettings editor).
//
// Syntax is checked here; what the value means is checked by the validator,
// which returns an Error located at a JSON pointer into the text's value.
class JsonEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonEditor)

public:
    static constexpr int ValidationDelayMs = 250;

    using Validator = std::function<std::optional<core::Error>(const nlohmann::json &value)>;

    explicit JsonEditor(QWidget *parent = nullptr);

    void setValidator(Validator validator);
    // What the text is, for the status line ("host profile", "response").
    void setSubject(const QString &subject);

    // Shows `value` (2-space indented) unless the text already holds an equal
    // value, so a user's own layout survives. Emits nothing.
    void setValue(const nlohmann::json &value);
    // Shows `text` unless the editor already holds exactly it. Emits nothing.
    void setAcceptedText(const QString &text);

    QString text() const;
    // Replaces the text as typing would (validated after the pause).
    void setText(const QString &text);
    // The current text's problem ("line 4, column 3: invalid JSON: ..." or
    // "/gender: must be between 0 and 2"), or empty when it is valid.
    QString problem() const { return m_problem; }
    // The marked line (1-based), or 0.
    int problemLine() const { return m_problemLine; }
    // Validates now instead of after the pause.
    void validateNow();

    QPlainTextEdit *textEdit() const { return m_edit; }

signals:
    // The user's text is valid: `value` is what it holds.
    void edited(const QString &text, const nlohmann::json &value);
    void problemChanged(const QString &problem);

private:
    void validate();
    void showProblem(const QString &problem, int line);
    void replaceText(const QString &text);

    QPlainTextEdit *m_edit;
    QLabel *m_status;
    QTimer *m_debounce;
    Validator m_validator;
    QString m_subject;
    QString m_problem;
    int m_problemLine = 0;
    bool m_settingText = false;
};

} // namespace mpsim::mockpanel
