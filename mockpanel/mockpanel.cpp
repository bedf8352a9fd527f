#include "mockpanel.h"

#include "profile/accountpage.h"
#include "profile/authorizepage.h"
#include "profile/loginpage.h"
#include "profile/profilejsoneditor.h"
#include "profile/soterpage.h"
#include "profile/subscriptionspage.h"
#include "profile/userpage.h"
#include "rules/rulespage.h"
#include "scenario/scenariomanager.h"
#include "scenario/scenariopage.h"
#include "scenario/workingscenario.h"

#include <QDataStream>
#include <QIODevice>
#include <QLabel>
#include <QHBoxLayout>
#include <QListWidget>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

namespace {

constexpr quint32 StateMagic = 0x6d706d70; // "mpmp"
constexpr quint16 StateVersion = 2;

} // namespace

MockPanel::MockPanel(ScenarioManager &manager, QWidget *parent)
    : QWidget(parent)
    , m_manager(manager)
    , m_nav(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(u"mockPanel"_s);
    WorkingScenario &model = *manager.model();
    m_nav->setObjectName(u"mockPanelPages"_s);
    m_stack->setObjectName(u"mockPanelStack"_s);

    m_scenario = new ScenarioPage(model, this);
    m_login = new LoginPage(model, this);
    m_rules = new RulesPage(model, this);
    m_profileJson = new ProfileJsonEditor(this);
    m_profileJson->setObjectName(u"hostProfileEditor"_s);
    auto *jsonPage = new QWidget(this);
    jsonPage->setObjectName(u"profileJsonPage"_s);
    auto *jsonLayout = new QVBoxLayout(jsonPage);
    jsonLayout->setContentsMargins(6, 6, 6, 6);
    jsonLayout->addWidget(new QLabel(u"<b>%1</b>"_s.arg(tr("Host profile (JSON)")), jsonPage));
    auto *jsonNote = new QLabel(tr("The whole host profile, as scenarios save it. Keys left "
                                   "out take their defaults."),
                                jsonPage);
    jsonNote->setWordWrap(true);
    jsonNote->setForegroundRole(QPalette::PlaceholderText);
    jsonLayout->addWidget(jsonNote);
    jsonLayout->addWidget(m_profileJson, 1);

    addPage(m_scenario, tr("Scenario"));
    addPage(m_login, tr("Login"));
    addPage(new UserPage(model, this), tr("User"));
    addPage(new SoterPage(model, this), tr("SOTER"));
    addPage(new AuthorizePage(model, this), tr("Authorization"));
    addPage(new SubscriptionsPage(model, this), tr("Subscriptions"));
    addPage(new AccountPage(model, this), tr("Account"));
    addPage(m_rules, tr("Rules"));
    addPage(jsonPage, tr("Profile JSON"));

    // The list is as wide as its longest title, the page takes the rest.
    m_nav->setFixedWidth(m_nav->sizeHintForColumn(0) + 2 * m_nav->frameWidth() + 12);
    m_nav->setSpacing(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_nav);
    layout->addWidget(m_stack, 1);

    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_nav, &QListWidget::currentRowChanged, this, &MockPanel::updateActiveStack);
    connect(m_rules, &RulesPage::ruleSetChanged, this, &MockPanel::updateActiveStack);
    connect(m_rules, &RulesPage::saveProjectRulesRequested, &m_manager,
            [this] { m_manager.saveProjectRules(); });

    m_profileJson->setProfile(model.hostProfile());
    connect(m_profileJson, &ProfileJsonEditor::profileEdited, this,
            [&model](const core::HostProfile &profile) {
                model.editProfile(tr("Edit profile JSON"), u"profile/json"_s,
                                  [&](core::HostProfile &current) { current = profile; });
            });
    connect(&model, &WorkingScenario::changed, this, [this, &model](WorkingScenario::Parts parts) {
        if (parts & WorkingScenario::Part::Profile)
            m_profileJson->setProfile(model.hostProfile());
    });

    m_nav->setCurrentRow(0);
    manager.addShortcutsTo(this);
}

void MockPanel::addPage(QWidget *page, const QString &title)
{
    m_stack->addWidget(page);
    m_nav->addItem(title);
}

void MockPanel::setCurrentPage(Page page)
{
    m_nav->setCurrentRow(int(page));
}

MockPanel::Page MockPanel::currentPage() const
{
    return Page(m_stack->currentIndex());
}

QWidget *MockPanel::page(Page page) const
{
    return m_stack->widget(int(page));
}

void MockPanel::setKnownApis(const QStringList &apis)
{
    m_rules->setKnownApis(apis);
}

void MockPanel::updateActiveStack()
{
    m_manager.setProjectRulesActive(currentPage() == RulesPageIndex
                                    && m_rules->ruleSet() == RuleSet::Project);
}

QByteArray MockPanel::saveState() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << StateMagic << StateVersion << qint32(currentPage());
    return state;
}

void MockPanel::restoreState(const QByteArray &state)
{
    QDataStream in(state);
    quint32 magic = 0;
    quint16 version = 0;
    qint32 page = 0;
    in >> magic >> version >> page;
    if (in.status() != QDataStream::Ok || magic != StateMagic || version != StateVersion)
        return;
    if (page >= 0 && page < PageCount)
        setCurrentPage(Page(page));
}

} // namespace mpsim::mockpanel
