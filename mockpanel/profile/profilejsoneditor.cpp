#include "profile/profilejsoneditor.h"

#include "util/jsonreader.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace mpsim::mockpanel {

namespace {

// Finds the line of a JSON pointer's last key in `text`, so a validation
// error can be marked where the user sees it. Returns 0 when not found.
int lineOfPointer(const QString &text, const QString &pointer)
{
    const QString key = pointer.section(QLatin1Char('/'), -1)
                            .replace(QStringLiteral("~1"), QStringLiteral("/"))
                            .replace(QStringLiteral("~0"), QStringLiteral("~"));
    if (key.isEmpty())
        return 0;
    const qsizetype at = text.indexOf(QLatin1Char('"') + key + QLatin1Char('"'));
    return at < 0 ? 0 : int(text.left(at).count(QLatin1Char('\n'))) + 1;
}

} // namespace

ProfileJsonEditor::ProfileJsonEditor(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_status);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &ProfileJsonEditor::validate);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingText)
            m_debounce->start();
    });
    setProfile(core::HostProfile{});
}

void ProfileJsonEditor::setProfile(const core::HostProfile &profile)
{
    m_settingText = true;
    m_edit->setPlainText(QString::fromStdString(profile.toJson().dump(2)));
    m_settingText = false;
    m_problem.clear();
    m_status->setText(tr("Valid host profile"));
    markLine(0);
}

QString ProfileJsonEditor::text() const
{
    return m_edit->toPlainText();
}

void ProfileJsonEditor::setText(const QString &text)
{
    m_edit->setPlainText(text);
}

QString ProfileJsonEditor::problem() const
{
    return m_problem;
}

void ProfileJsonEditor::validateNow()
{
    m_debounce->stop();
    validate();
}

void ProfileJsonEditor::validate()
{
    const QString text = m_edit->toPlainText();
    auto profile = core::HostProfile::parse(text.toStdString());
    const QString problem = profile.ok() ? QString()
                                         : QString::fromStdString(profile.error().toString());
    if (profile.ok()) {
        m_status->setText(tr("Valid host profile"));
        markLine(0);
    } else {
        const QString location = QString::fromStdString(profile.error().location);
        static const QRegularExpression lineColumn(QStringLiteral("^line (\\d+), column \\d+$"));
        const auto match = lineColumn.match(location);
        const int line = match.hasMatch() ? match.captured(1).toInt()
                                          : lineOfPointer(text, location);
        m_status->setText(tr("Not applied, the previous profile stays in force: %1").arg(problem));
        markLine(line);
    }
    if (problem != m_problem) {
        m_problem = problem;
        emit problemChanged(m_problem);
    }
    if (profile.ok())
        emit profileEdited(profile.value());
}

void ProfileJsonEditor::markLine(int line)
{
    QList<QTextEdit::ExtraSelection> selections;
    if (line > 0) {
        QTextEdit::ExtraSelection selection;
        selection.format.setBackground(QColor(255, 220, 220));
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selection.cursor = QTextCursor(m_edit->document()->findBlockByNumber(line - 1));
        selections.append(selection);
    }
    m_edit->setExtraSelections(selections);
}

} // namespace mpsim::mockpanel
