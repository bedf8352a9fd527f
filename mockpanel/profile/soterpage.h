#pragma once

#include "profile/profilesectionpage.h"

#include <QList>

class QCheckBox;
class QComboBox;

namespace mpsim::mockpanel {

// SOTER biometric authentication: which modes the phone supports, which are
// enrolled, and what the authentication prompt does (ask, succeed, or fail
// with the platform's errCode).
class SoterPage final : public ProfileSectionPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SoterPage)

public:
    explicit SoterPage(WorkingScenario &model, QWidget *parent = nullptr);

protected:
    void showProfile(const core::HostProfile &profile) override;

private:
    QList<QCheckBox *> m_supported; // fingerPrint, facial, speech
    QList<QCheckBox *> m_enrolled;
    QComboBox *m_policy;
};

} // namespace mpsim::mockpanel
