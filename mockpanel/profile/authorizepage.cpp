#include "profile/authorizepage.h"

#include "host/scopes.h"
#include "profile/popuppolicy.h"
#include "widgets/formfields.h"

#include <QLabel>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QTableWidget>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

namespace {

const QString UseDefault = u"default"_s;

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace

AuthorizePage::AuthorizePage(WorkingScenario &model, QWidget *parent)
    : ProfileSectionPage(model, u"authorize"_s, tr("Authorization"),
                         tr("What the authorization popup answers when a scope was never asked. "
                            "A scope granted or denied before answers at once (see Host state)."),
                         parent)
    , m_default(popupPolicyCombo(this))
    , m_settings(choiceCombo(this, {{tr("Ask (show the settings page)"), u"ask"_s},
                                    {tr("Close at once, nothing changed"), u"keep"_s}}))
    , m_scopes(new QTableWidget(this))
{
    m_default->setObjectName(u"authorizeDefaultCombo"_s);
    m_settings->setObjectName(u"settingsPageCombo"_s);
    m_scopes->setObjectName(u"scopePolicyTable"_s);
    const auto &scopes = core::knownScopes();
    m_scopes->setColumnCount(2);
    m_scopes->setRowCount(int(scopes.size()));
    m_scopes->setHorizontalHeaderLabels({tr("Scope"), tr("Popup")});
    m_scopes->verticalHeader()->hide();
    m_scopes->setSelectionMode(QAbstractItemView::NoSelection);
    m_scopes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_scopes->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_scopes->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_scopes->verticalHeader()->setDefaultSectionSize(m_scopes->fontMetrics().height() + 12);
    for (int row = 0; row < int(scopes.size()); ++row) {
        const QString scope = fromView(scopes[size_t(row)].name);
        auto *item = new QTableWidgetItem(scope);
        item->setToolTip(tr("Asks to %1").arg(fromView(scopes[size_t(row)].description)));
        m_scopes->setItem(row, 0, item);
        auto *combo = choiceCombo(m_scopes, {{tr("Default"), UseDefault},
                                             {tr("Ask"), u"ask"_s},
                                             {tr("Always allow"), u"allow"_s},
                                             {tr("Always deny"), u"deny"_s}});
        combo->setObjectName(scope);
        m_scopes->setCellWidget(row, 1, combo);
        m_scopeCombos << combo;
        connect(combo, &QComboBox::activated, this, [this, combo, scope] {
            const QString value = comboValue(combo);
            editProfile(scope, u"scopes/"_s + scope, [&](core::HostProfile &p) {
                if (value == UseDefault)
                    p.authorize.scopes.erase(scope.toStdString());
                else
                    p.authorize.scopes[scope.toStdString()] = popupPolicyOf(value);
            });
        });
    }
    m_scopes->setMinimumHeight(m_scopes->verticalHeader()->defaultSectionSize() * 10);

    form()->addRow(tr("Popup, by default:"), m_default);
    form()->addRow(tr("Per scope:"), m_scopes);
    form()->addRow(tr("Settings page:"), m_settings);
    form()->addRow(QString(), hintLabel(tr("What the page of wx.openSetting does."), this));

    connect(m_default, &QComboBox::activated, this, [this] {
        const core::PopupPolicy policy = popupPolicyOf(comboValue(m_default));
        editProfile(tr("default popup"), u"default"_s,
                    [&](core::HostProfile &p) { p.authorize.defaultPolicy = policy; });
    });
    connect(m_settings, &QComboBox::activated, this, [this] {
        const bool keep = comboValue(m_settings) == u"keep"_s;
        editProfile(tr("settings page"), u"settingsPage"_s, [&](core::HostProfile &p) {
            p.authorize.settingsPage = keep ? core::SettingsPolicy::Keep : core::SettingsPolicy::Ask;
        });
    });
    refresh();
}

void AuthorizePage::showProfile(const core::HostProfile &profile)
{
    const core::AuthorizeProfile &authorize = profile.authorize;
    showComboValue(m_default, popupPolicyName(authorize.defaultPolicy));
    showComboValue(m_settings,
                   authorize.settingsPage == core::SettingsPolicy::Keep ? u"keep"_s : u"ask"_s);
    const auto &scopes = core::knownScopes();
    for (int row = 0; row < int(scopes.size()); ++row) {
        const auto it = authorize.scopes.find(std::string(scopes[size_t(row)].name));
        QComboBox *combo = m_scopeCombos[row];
        combo->setItemText(0, tr("Default (%1)").arg(combo->itemText(combo->findData(
                                                         popupPolicyName(authorize.defaultPolicy)))));
        showComboValue(combo, it == authorize.scopes.end() ? UseDefault : popupPolicyName(it->second));
    }
}

} // namespace mpsim::mockpanel
