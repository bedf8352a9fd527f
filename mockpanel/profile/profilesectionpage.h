#pragma once

#include "host/hostprofile.h"

#include <QString>
#include <QWidget>

#include <functional>

class QFormLayout;

namespace mpsim::mockpanel {

class JsonEditor;
class ResponsiveSplitter;
class WorkingScenario;

// A page of the host profile: one API group's section ("login", "user", ...)
// as a typed form with its JSON beside it (below it when the page is narrow).
// Both are views of the working scenario: an edit in either is a command on
// the scenario's undo stack and shows in the other at once. The JSON view
// re-validates on every change; an invalid text marks its line and changes
// nothing, the last valid profile stays in force.
class ProfileSectionPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileSectionPage)

public:
    // The form and the JSON view sit side by side from this width on.
    static constexpr int SideBySideWidth = 740;

    // `section` is the profile JSON's key for this page ("user").
    ProfileSectionPage(WorkingScenario &model, const QString &section, const QString &title,
                       const QString &summary, QWidget *parent = nullptr);

    QString section() const { return m_section; }
    JsonEditor *jsonEditor() const { return m_json; }

protected:
    // Shows the profile in the form; called on every change of the profile.
    virtual void showProfile(const core::HostProfile &profile) = 0;

    QFormLayout *form() const { return m_form; }
    WorkingScenario &model() const { return m_model; }
    // An undoable edit of the profile (see WorkingScenario::edit); `field`
    // names what changed ("nickName") and merges a burst of typing into one command.
    void editProfile(const QString &what, const QString &field,
                     const std::function<void(core::HostProfile &)> &change);
    // Shows the model's profile in the form and the JSON view; subclasses call
    // it at the end of their constructor.
    void refresh();

private:
    std::optional<core::Error> validate(const nlohmann::json &value) const;

    WorkingScenario &m_model;
    QString m_section;
    ResponsiveSplitter *m_splitter;
    QWidget *m_formWidget;
    QFormLayout *m_form;
    JsonEditor *m_json;
    bool m_editingFromJson = false;
};

} // namespace mpsim::mockpanel
