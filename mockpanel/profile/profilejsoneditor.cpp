#include "profile/profilejsoneditor.h"

#include "widgets/jsoneditor.h"

#include <QVBoxLayout>

namespace mpsim::mockpanel {

ProfileJsonEditor::ProfileJsonEditor(QWidget *parent)
    : QWidget(parent)
    , m_editor(new JsonEditor(this))
{
    m_editor->setSubject(tr("profile"));
    m_editor->setValidator([](const nlohmann::json &value) -> std::optional<core::Error> {
        auto profile = core::HostProfile::fromJson(value);
        if (profile)
            return std::nullopt;
        return profile.error();
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor);
    connect(m_editor, &JsonEditor::problemChanged, this, &ProfileJsonEditor::problemChanged);
    connect(m_editor, &JsonEditor::edited, this, [this](const QString &, const nlohmann::json &value) {
        auto profile = core::HostProfile::fromJson(value);
        if (!profile)
            return;
        // The profile comes back through setProfile(); the user's text,
        // which may leave keys to their defaults, stays as typed.
        m_emitting = true;
        emit profileEdited(profile.value());
        m_emitting = false;
    });
    setProfile(core::HostProfile{});
}

void ProfileJsonEditor::setProfile(const core::HostProfile &profile)
{
    if (!m_emitting)
        m_editor->setValue(profile.toJson());
}

QString ProfileJsonEditor::text() const
{
    return m_editor->text();
}

void ProfileJsonEditor::setText(const QString &text)
{
    m_editor->setText(text);
}

QString ProfileJsonEditor::problem() const
{
    return m_editor->problem();
}

void ProfileJsonEditor::validateNow()
{
    m_editor->validateNow();
}

} // namespace mpsim::mockpanel
