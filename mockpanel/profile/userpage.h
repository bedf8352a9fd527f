#pragma once

#include "profile/profilesectionpage.h"

class QComboBox;
class QLineEdit;

namespace mpsim::mockpanel {

class AvatarPreview;

// The user (wx.getUserProfile, wx.getUserInfo, the getUserInfo button,
// open-data): nickname, avatar with a preview, gender, region, and what the
// user-profile popup does.
class UserPage final : public ProfileSectionPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserPage)

public:
    explicit UserPage(WorkingScenario &model, QWidget *parent = nullptr);

    AvatarPreview *avatarPreview() const { return m_preview; }

protected:
    void showProfile(const core::HostProfile &profile) override;

private:
    QLineEdit *textField(const QString &name, const QString &field, std::string core::UserProfile::*member);

    QLineEdit *m_nickName;
    QLineEdit *m_avatarUrl;
    AvatarPreview *m_preview;
    QComboBox *m_gender;
    QLineEdit *m_country;
    QLineEdit *m_province;
    QLineEdit *m_city;
    QComboBox *m_popup;
};

} // namespace mpsim::mockpanel
