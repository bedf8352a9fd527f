#include "profile/userpage.h"

#include "profile/avatarpreview.h"
#include "profile/popuppolicy.h"
#include "widgets/formfields.h"

#include <QLabel>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

UserPage::UserPage(WorkingScenario &model, QWidget *parent)
    : ProfileSectionPage(model, u"user"_s, tr("User"),
                         tr("The host app's user, as wx.getUserProfile, wx.getUserInfo and "
                            "open-data report them."),
                         parent)
    , m_preview(new AvatarPreview(this))
    , m_gender(choiceCombo(this, {{tr("0: unknown"), u"0"_s}, {tr("1: male"), u"1"_s}, {tr("2: female"), u"2"_s}}))
    , m_popup(popupPolicyCombo(this))
{
    m_nickName = textField(u"nickName"_s, tr("nickName"), &core::UserProfile::nickName);
    m_avatarUrl = textField(u"avatarUrl"_s, tr("avatarUrl"), &core::UserProfile::avatarUrl);
    m_country = textField(u"country"_s, tr("country"), &core::UserProfile::country);
    m_province = textField(u"province"_s, tr("province"), &core::UserProfile::province);
    m_city = textField(u"city"_s, tr("city"), &core::UserProfile::city);
    m_gender->setObjectName(u"genderCombo"_s);
    m_popup->setObjectName(u"userPopupCombo"_s);
    m_avatarUrl->setPlaceholderText(tr("empty: no photo"));

    auto *avatar = new QWidget(this);
    auto *avatarLayout = new QHBoxLayout(avatar);
    avatarLayout->setContentsMargins(0, 0, 0, 0);
    auto *urlColumn = new QVBoxLayout;
    urlColumn->addWidget(m_avatarUrl);
    urlColumn->addWidget(hintLabel(tr("The trailing /0, /46, /64, /96 or /132 is the size."), this));
    avatarLayout->addLayout(urlColumn, 1);
    avatarLayout->addWidget(m_preview, 0, Qt::AlignTop);

    form()->addRow(tr("nickName:"), m_nickName);
    form()->addRow(tr("avatarUrl:"), avatar);
    form()->addRow(tr("gender:"), m_gender);
    form()->addRow(tr("country:"), m_country);
    form()->addRow(tr("province:"), m_province);
    form()->addRow(tr("city:"), m_city);
    form()->addRow(QString(), hintLabel(tr("The platform no longer returns gender and region: "
                                           "leave them empty to answer 0 and \"\"."),
                                        this));
    form()->addRow(tr("Profile popup:"), m_popup);
    form()->addRow(QString(), hintLabel(tr("What the popup of wx.getUserProfile and of the "
                                           "getUserInfo button does."),
                                        this));

    connect(m_gender, &QComboBox::activated, this, [this] {
        const int gender = comboValue(m_gender).toInt();
        editProfile(tr("gender"), u"gender"_s, [&](core::HostProfile &p) { p.user.gender = gender; });
    });
    connect(m_popup, &QComboBox::activated, this, [this] {
        const core::PopupPolicy policy = popupPolicyOf(comboValue(m_popup));
        editProfile(tr("popup"), u"popup"_s, [&](core::HostProfile &p) { p.user.popup = policy; });
    });
    refresh();
}

QLineEdit *UserPage::textField(const QString &name, const QString &field,
                               std::string core::UserProfile::*member)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name + u"Edit"_s);
    connect(edit, &QLineEdit::textEdited, this, [this, name, field, member](const QString &text) {
        editProfile(field, name, [&](core::HostProfile &p) { p.user.*member = text.toStdString(); });
    });
    return edit;
}

void UserPage::showProfile(const core::HostProfile &profile)
{
    const core::UserProfile &user = profile.user;
    showText(m_nickName, QString::fromStdString(user.nickName));
    showText(m_avatarUrl, QString::fromStdString(user.avatarUrl));
    m_preview->setUrl(QString::fromStdString(user.avatarUrl));
    showComboValue(m_gender, QString::number(user.gender));
    showText(m_country, QString::fromStdString(user.country));
    showText(m_province, QString::fromStdString(user.province));
    showText(m_city, QString::fromStdString(user.city));
    showComboValue(m_popup, popupPolicyName(user.popup));
}

} // namespace mpsim::mockpanel
