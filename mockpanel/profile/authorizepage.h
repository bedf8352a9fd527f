#pragma once

#include "profile/profilesectionpage.h"

#include <QList>

class QComboBox;
class QTableWidget;

namespace mpsim::mockpanel {

// Authorization (wx.authorize, wx.getUserInfo, wx.openSetting): what the
// authorization popup does, for every scope and per scope, and what the
// settings page of wx.openSetting does.
class AuthorizePage final : public ProfileSectionPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorizePage)

public:
    explicit AuthorizePage(WorkingScenario &model, QWidget *parent = nullptr);

    QTableWidget *scopesTable() const { return m_scopes; }

protected:
    void showProfile(const core::HostProfile &profile) override;

private:
    QComboBox *m_default;
    QComboBox *m_settings;
    QTableWidget *m_scopes;
    QList<QComboBox *> m_scopeCombos; // in knownScopes() order
};

} // namespace mpsim::mockpanel
