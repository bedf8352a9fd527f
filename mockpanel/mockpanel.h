#pragma once

#include <QByteArray>
#include <QWidget>

class QListWidget;
class QStackedWidget;

namespace mpsim::mockpanel {

class LoginPage;
class ProfileJsonEditor;
class ProfileSectionPage;
class RulesPage;
class ScenarioManager;
class ScenarioPage;

// The mock panel: the pages that edit the working scenario, listed on the
// left: the scenario itself, one page per API group of the host profile
// (Login, User, SOTER, Authorization, Subscriptions, Account), the mock
// Rules, and the whole profile as JSON. Ctrl+Z / Ctrl+Shift+Z undo and redo
// and Ctrl+S saves while the panel has focus.
class MockPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockPanel)

public:
    enum Page {
        ScenarioPageIndex,
        LoginPageIndex,
        UserPageIndex,
        SoterPageIndex,
        AuthorizePageIndex,
        SubscriptionsPageIndex,
        AccountPageIndex,
        RulesPageIndex,
        ProfileJsonPageIndex,
        PageCount
    };

    // `manager` must outlive the panel.
    explicit MockPanel(ScenarioManager &manager, QWidget *parent = nullptr);

    void setCurrentPage(Page page);
    Page currentPage() const;
    QWidget *page(Page page) const;
    LoginPage *loginPage() const { return m_login; }
    RulesPage *rulesPage() const { return m_rules; }
    ScenarioPage *scenarioPage() const { return m_scenario; }
    ProfileJsonEditor *profileJsonEditor() const { return m_profileJson; }

    // The API names the rule editor completes.
    void setKnownApis(const QStringList &apis);

    // The page shown, for the app's settings.
    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

private:
    void addPage(QWidget *page, const QString &title);
    void updateActiveStack();

    ScenarioManager &m_manager;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    ScenarioPage *m_scenario;
    LoginPage *m_login;
    RulesPage *m_rules;
    ProfileJsonEditor *m_profileJson;
};

} // namespace mpsim::mockpanel
