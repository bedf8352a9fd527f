#pragma once

#include "profile/profilesectionpage.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace mpsim::mockpanel {

// Subscription messages (wx.requestSubscribeMessage, getSetting's
// subscriptionsSetting): the templates the backend knows (id, title,
// one-time or permanent, banned), the main switch, and what the sheet answers.
class SubscriptionsPage final : public ProfileSectionPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscriptionsPage)

public:
    enum Column { IdColumn, TitleColumn, TypeColumn, BannedColumn, DeviceColumn, ColumnCount };

    explicit SubscriptionsPage(WorkingScenario &model, QWidget *parent = nullptr);

    QTableWidget *templatesTable() const { return m_templates; }
    void addTemplate();
    void removeSelectedTemplates();

protected:
    void showProfile(const core::HostProfile &profile) override;

private:
    void cellEdited(QTableWidgetItem *item);

    QCheckBox *m_mainSwitch;
    QCheckBox *m_banned;
    QComboBox *m_networkFailure;
    QComboBox *m_sheet;
    QTableWidget *m_templates;
    QPushButton *m_remove;
    QLabel *m_tableProblem;
    bool m_showing = false;
};

} // namespace mpsim::mockpanel
