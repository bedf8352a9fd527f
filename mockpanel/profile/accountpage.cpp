#include "profile/accountpage.h"

#include "widgets/formfields.h"

#include <QLabel>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

AccountPage::AccountPage(WorkingScenario &model, QWidget *parent)
    : ProfileSectionPage(model, u"account"_s, tr("Account"),
                         tr("What wx.getAccountInfoSync reports about the mini-program; the "
                            "appId comes from project.config.json."),
                         parent)
    , m_envVersion(choiceCombo(this, {{tr("develop (development version)"), u"develop"_s},
                                      {tr("trial (trial version)"), u"trial"_s},
                                      {tr("release (released version)"), u"release"_s}}))
    , m_version(new QLineEdit(this))
{
    m_envVersion->setObjectName(u"envVersionCombo"_s);
    m_version->setObjectName(u"versionEdit"_s);
    m_version->setPlaceholderText(tr("1.0.0"));
    form()->addRow(tr("envVersion:"), m_envVersion);
    form()->addRow(tr("version:"), m_version);
    form()->addRow(QString(), hintLabel(tr("The platform reports the version only for a "
                                           "release; develop and trial report \"\"."),
                                        this));
    connect(m_envVersion, &QComboBox::activated, this, [this] {
        const std::string env = comboValue(m_envVersion).toStdString();
        editProfile(tr("envVersion"), u"envVersion"_s,
                    [&](core::HostProfile &p) { p.account.envVersion = env; });
    });
    connect(m_version, &QLineEdit::textEdited, this, [this](const QString &text) {
        editProfile(tr("version"), u"version"_s,
                    [&](core::HostProfile &p) { p.account.version = text.toStdString(); });
    });
    refresh();
}

void AccountPage::showProfile(const core::HostProfile &profile)
{
    showComboValue(m_envVersion, QString::fromStdString(profile.account.envVersion));
    showText(m_version, QString::fromStdString(profile.account.version));
}

} // namespace mpsim::mockpanel
