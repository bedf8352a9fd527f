#pragma once

#include "host/hostprofile.h"

#include <QWidget>

namespace mpsim::mockpanel {

class JsonEditor;

// The whole host profile as JSON text. Every change is re-validated (after a
// short pause in typing); a valid text emits profileEdited, an invalid one
// shows the problem with its location and marks the line, while the last
// valid profile stays in force. Typing is never blocked.
class ProfileJsonEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileJsonEditor)

public:
    explicit ProfileJsonEditor(QWidget *parent = nullptr);

    // Shows `profile` without emitting profileEdited. The text is kept when
    // it already holds that profile or is the edit being applied right now.
    void setProfile(const core::HostProfile &profile);
    QString text() const;
    void setText(const QString &text);
    // The problem of the current text ("/user/gender: must be ..."), or empty.
    QString problem() const;
    // Validates now instead of after the typing pause.
    void validateNow();

signals:
    void profileEdited(const mpsim::core::HostProfile &profile);
    void problemChanged(const QString &problem);

private:
    JsonEditor *m_editor;
    bool m_emitting = false;
};

} // namespace mpsim::mockpanel
