#pragma once

#include "profile/profilesectionpage.h"

class QComboBox;
class QLineEdit;

namespace mpsim::mockpanel {

// The account (wx.getAccountInfoSync): the mini-program's envVersion and the
// version a release reports.
class AccountPage final : public ProfileSectionPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountPage)

public:
    explicit AccountPage(WorkingScenario &model, QWidget *parent = nullptr);

protected:
    void showProfile(const core::HostProfile &profile) override;

private:
    QComboBox *m_envVersion;
    QLineEdit *m_version;
};

} // namespace mpsim::mockpanel
