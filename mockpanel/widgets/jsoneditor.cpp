#include "widgets/jsoneditor.h"

#include "util/jsonreader.h"
#include "widgets/jsonlocator.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

namespace {

const QColor ErrorLineColor(255, 220, 220);

std::optional<nlohmann::json> parsed(const QString &text)
{
    auto value = core::parseJsonText(text.toStdString());
    if (!value)
        return std::nullopt;
    return std::move(value).value();
}

} // namespace

JsonEditor::JsonEditor(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_debounce(new QTimer(this))
    , m_subject(tr("value"))
{
    m_edit->setObjectName(u"jsonText"_s);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setTabChangesFocus(true);
    // The panel's undo stack undoes edits; the text's own history would
    // compete with it for Ctrl+Z.
    m_edit->setUndoRedoEnabled(false);
    m_status->setObjectName(u"jsonStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_status);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(ValidationDelayMs);
    connect(m_debounce, &QTimer::timeout, this, &JsonEditor::validate);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingText)
            m_debounce->start();
    });
    showProblem({}, 0);
}

void JsonEditor::setValidator(Validator validator)
{
    m_validator = std::move(validator);
}

void JsonEditor::setSubject(const QString &subject)
{
    m_subject = subject;
    showProblem(m_problem, m_problemLine);
}

void JsonEditor::setValue(const nlohmann::json &value)
{
    const auto current = parsed(m_edit->toPlainText());
    if (current && *current == value && m_problem.isEmpty())
        return;
    replaceText(QString::fromStdString(value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)));
}

void JsonEditor::setAcceptedText(const QString &text)
{
    if (m_edit->toPlainText() == text && m_problem.isEmpty())
        return;
    replaceText(text);
}

void JsonEditor::replaceText(const QString &text)
{
    m_debounce->stop();
    m_settingText = true;
    // Keep the reader's place when the text is replaced under them (an undo).
    const int position = m_edit->textCursor().position();
    m_edit->setPlainText(text);
    QTextCursor cursor = m_edit->textCursor();
    cursor.setPosition(qMin(position, int(text.size())));
    m_edit->setTextCursor(cursor);
    m_settingText = false;
    if (!m_problem.isEmpty())
        emit problemChanged(QString());
    showProblem({}, 0);
}

QString JsonEditor::text() const
{
    return m_edit->toPlainText();
}

void JsonEditor::setText(const QString &text)
{
    m_edit->setPlainText(text);
}

void JsonEditor::validateNow()
{
    m_debounce->stop();
    validate();
}

void JsonEditor::validate()
{
    const QString text = m_edit->toPlainText();
    auto value = core::parseJsonText(text.toStdString());
    QString problem;
    int line = 0;
    if (!value) {
        problem = QString::fromStdString(value.error().toString());
        static const QRegularExpression lineColumn(u"^line (\\d+), column \\d+$"_s);
        const auto match = lineColumn.match(QString::fromStdString(value.error().location));
        line = match.hasMatch() ? match.captured(1).toInt() : 0;
    } else if (m_validator) {
        if (const auto error = m_validator(value.value())) {
            const QString pointer = QString::fromStdString(error->location);
            problem = QString::fromStdString(error->toString());
            line = lineOfJsonPointer(text, pointer);
        }
    }
    const bool changed = problem != m_problem;
    showProblem(problem, line);
    if (changed)
        emit problemChanged(m_problem);
    if (problem.isEmpty())
        emit edited(text, value.value());
}

void JsonEditor::showProblem(const QString &problem, int line)
{
    m_problem = problem;
    m_problemLine = line;
    if (problem.isEmpty()) {
        m_status->setText(tr("Valid %1").arg(m_subject));
        m_status->setStyleSheet(QString());
    } else {
        m_status->setText(tr("Not applied, the previous %1 stays in force: %2").arg(m_subject, problem));
        m_status->setStyleSheet(u"color: #b00020"_s);
    }
    QList<QTextEdit::ExtraSelection> selections;
    if (line > 0) {
        QTextEdit::ExtraSelection selection;
        selection.format.setBackground(ErrorLineColor);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selection.cursor = QTextCursor(m_edit->document()->findBlockByNumber(line - 1));
        selections.append(selection);
    }
    m_edit->setExtraSelections(selections);
}

} // namespace mpsim::mockpanel
