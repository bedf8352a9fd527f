#pragma once

#include "profile/profilesectionpage.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace mpsim::mockpanel {

// Login (wx.login, wx.checkSession): under apiVersion v1 the host answers:
// success with an automatic or a fixed code, or fail with errno and errMsg;
// the session's lifetime and what checkSession says; the v2 code exchange's
// app secret; and the apiVersion switch itself.
class LoginPage final : public ProfileSectionPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginPage)

public:
    explicit LoginPage(WorkingScenario &model, QWidget *parent = nullptr);

    // Shows the apiVersion in force: `choice` is "" (the project's setting),
    // "v1" or "v2"; `effective` is "v1" or "v2".
    void showApiVersion(const QString &choice, const QString &effective);

signals:
    // The user picked an apiVersion ("", "v1" or "v2") in the page.
    void apiVersionChosen(const QString &choice);

protected:
    void showProfile(const core::HostProfile &profile) override;

private:
    QComboBox *m_apiVersion;
    QLabel *m_apiVersionNote;
    QRadioButton *m_succeed;
    QRadioButton *m_fail;
    QRadioButton *m_autoCode;
    QRadioButton *m_fixedCode;
    QLineEdit *m_code;
    QSpinBox *m_errno;
    QLineEdit *m_errMsg;
    QSpinBox *m_lifetime;
    QComboBox *m_checkSession;
    QLineEdit *m_appSecret;
};

} // namespace mpsim::mockpanel
