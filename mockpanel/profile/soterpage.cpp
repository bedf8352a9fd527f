#include "profile/soterpage.h"

#include "widgets/formfields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

namespace {

struct Mode
{
    const char *name;
    const char *label;
};

const Mode modes[] = {{"fingerPrint", QT_TRANSLATE_NOOP("SoterPage", "Fingerprint")},
                      {"facial", QT_TRANSLATE_NOOP("SoterPage", "Face")},
                      {"speech", QT_TRANSLATE_NOOP("SoterPage", "Voice")}};

} // namespace

SoterPage::SoterPage(WorkingScenario &model, QWidget *parent)
    : ProfileSectionPage(model, u"soter"_s, tr("SOTER"),
                         tr("The phone's biometrics, as wx.checkIsSupportSoterAuthentication, "
                            "wx.checkIsSoterEnrolledInDevice and wx.startSoterAuthentication see "
                            "them."),
                         parent)
    , m_policy(choiceCombo(this, {{tr("Ask (show the prompt)"), u"ask"_s},
                                  {tr("Succeed"), u"succeed"_s},
                                  {tr("Cancel (90008 user cancelled)"), u"cancel"_s},
                                  {tr("Fail (90009 not recognised)"), u"fail"_s},
                                  {tr("Frozen (90010 too many failures)"), u"frozen"_s},
                                  {tr("Error (90007 internal error)"), u"error"_s}}))
{
    m_policy->setObjectName(u"soterPolicyCombo"_s);
    auto *grid = new QWidget(this);
    auto *layout = new QGridLayout(grid);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Supported"), grid), 0, 1);
    layout->addWidget(new QLabel(tr("Enrolled"), grid), 0, 2);
    int row = 1;
    for (const Mode &mode : modes) {
        const QString name = QString::fromLatin1(mode.name);
        auto *supported = new QCheckBox(grid);
        auto *enrolled = new QCheckBox(grid);
        supported->setObjectName(name + u"Supported"_s);
        enrolled->setObjectName(name + u"Enrolled"_s);
        layout->addWidget(new QLabel(u"%1 (%2)"_s.arg(tr(mode.label), name), grid), row, 0);
        layout->addWidget(supported, row, 1, Qt::AlignHCenter);
        layout->addWidget(enrolled, row, 2, Qt::AlignHCenter);
        m_supported << supported;
        m_enrolled << enrolled;
        connect(supported, &QCheckBox::clicked, this, [this, name](bool on) {
            editProfile(tr("supported modes"), u"supportModes"_s, [&](core::HostProfile &p) {
                auto &list = p.soter.supportModes;
                const std::string mode = name.toStdString();
                list.erase(std::remove(list.begin(), list.end(), mode), list.end());
                if (on) {
                    // Listed in the platform's order, whatever the click order.
                    std::vector<std::string> ordered;
                    for (const Mode &m : modes) {
                        if (m.name == mode
                            || std::find(list.begin(), list.end(), m.name) != list.end())
                            ordered.emplace_back(m.name);
                    }
                    list = ordered;
                }
            });
        });
        connect(enrolled, &QCheckBox::clicked, this, [this, name](bool on) {
            editProfile(tr("enrolled"), u"enrolled"_s,
                        [&](core::HostProfile &p) { p.soter.enrolled[name.toStdString()] = on; });
        });
        ++row;
    }
    layout->setColumnStretch(3, 1);

    form()->addRow(tr("Modes:"), grid);
    form()->addRow(QString(), hintLabel(tr("No supported mode: the phone has no SOTER, "
                                           "checkIsSupportSoterAuthentication fails."),
                                        this));
    form()->addRow(tr("Authentication:"), m_policy);
    form()->addRow(QString(), hintLabel(tr("What the biometric prompt of "
                                           "wx.startSoterAuthentication does."),
                                        this));
    connect(m_policy, &QComboBox::activated, this, [this] {
        const QString value = comboValue(m_policy);
        editProfile(tr("authentication"), u"policy"_s, [&](core::HostProfile &p) {
            p.soter.policy = value == u"succeed"_s  ? core::SoterPolicy::Succeed
                             : value == u"cancel"_s ? core::SoterPolicy::Cancel
                             : value == u"fail"_s   ? core::SoterPolicy::Fail
                             : value == u"frozen"_s ? core::SoterPolicy::Frozen
                             : value == u"error"_s  ? core::SoterPolicy::Error
                                                    : core::SoterPolicy::Ask;
        });
    });
    refresh();
}

void SoterPage::showProfile(const core::HostProfile &profile)
{
    const core::SoterProfile &soter = profile.soter;
    for (int i = 0; i < int(std::size(modes)); ++i) {
        const std::string mode = modes[i].name;
        const auto &list = soter.supportModes;
        showChecked(m_supported[i], std::find(list.begin(), list.end(), mode) != list.end());
        const auto enrolled = soter.enrolled.find(mode);
        showChecked(m_enrolled[i], enrolled != soter.enrolled.end() && enrolled->second);
    }
    const nlohmann::json json = profile.toJson();
    showComboValue(m_policy, QString::fromStdString(json.at("soter").at("policy").get<std::string>()));
}

} // namespace mpsim::mockpanel
