// The mock panel in the main window, end to end: edits in the panel reach the
// page's next wx call through the real simulator (Qt WebEngine, offscreen),
// scenarios switch from the toolbar and load as --scenario does, and each
// page is grabbed for the README (docs/screenshots/mockpanel-*.png).

#include "catchqt.h"
#include "testapplication.h"
#include "../webtestsupport.h"

#include "host/hostservices.h"
#include "mainwindow/mainwindow.h"
#include "mockpanel.h"
#include "profile/avatarpreview.h"
#include "prompts/overlayhostprompts.h"
#include "rules/ruleeditor.h"
#include "rules/rulespage.h"
#include "scenario/scenariomanager.h"
#include "scenario/workingscenario.h"
#include "simulator/simulatorsession.h"
#include "simulator/simulatorview.h"
#include "state/stateinspector.h"
#include "widgets/jsoneditor.h"

#include <QComboBox>
#include <QDockWidget>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QJsonObject>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <catch2/catch.hpp>

using namespace mpsim;
using namespace mpsim::test;
using namespace Qt::StringLiterals;

namespace {

// The settings these tests change, put back afterwards: a scenario left
// behind would change what the next test's window starts with.
class SettingsGuard
{
public:
    SettingsGuard()
    {
        for (const QString &key : keys)
            m_values.append(QSettings().value(key));
    }
    ~SettingsGuard()
    {
        QSettings settings;
        for (int i = 0; i < keys.size(); ++i) {
            if (m_values[i].isValid())
                settings.setValue(keys[i], m_values[i]);
            else
                settings.remove(keys[i]);
        }
    }

private:
    const QStringList keys{u"mockPanel/lastScenario"_s, u"mockPanel/recentScenarios"_s,
                           u"mockPanel/state"_s};
    QVariantList m_values;
};

bool openPlayground(app::MainWindow &window)
{
    QEventLoop loop;
    bool ok = false;
    QObject::connect(window.simulatorView(), &app::SimulatorView::loadFinished, &loop,
                     [&](bool result) {
                         ok = result;
                         loop.quit();
                     });
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    window.session()->openPlayground();
    loop.exec();
    return ok;
}

bool openProject(app::MainWindow &window, const QString &folder)
{
    QEventLoop loop;
    bool ok = false;
    QObject::connect(window.simulatorView(), &app::SimulatorView::loadFinished, &loop,
                     [&](bool result) {
                         ok = result;
                         loop.quit();
                     });
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    if (!window.openProject(folder, true))
        return false;
    loop.exec();
    return ok;
}

void settle(int ms = 300)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

template<typename T>
T *child(QWidget &parent, const QString &name)
{
    T *found = parent.findChild<T *>(name);
    REQUIRE(found);
    return found;
}

QString errMsgOf(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    return object.contains(u"rejected"_s) ? object.value(u"rejected"_s).toObject().value(u"errMsg"_s).toString()
                                          : object.value(u"errMsg"_s).toString();
}

void choose(QComboBox *combo, const QString &value)
{
    const int index = combo->findData(value);
    REQUIRE(index >= 0);
    combo->setCurrentIndex(index);
    emit combo->activated(index);
}

} // namespace

TEST_CASE("mock panel window: the nickname typed in the panel is what the page's getUserProfile returns",
          "[window][mockpanel]")
{
    testApplication();
    SettingsGuard guard;
    QTemporaryDir state;
    app::HostServices host(state.path());
    app::MainWindow window(&host);
    REQUIRE(window.findChild<QDockWidget *>(u"hostProfileDock"_s)->widget() == window.mockPanel());
    REQUIRE(openPlayground(window));

    mockpanel::MockPanel *panel = window.mockPanel();
    panel->setCurrentPage(mockpanel::MockPanel::UserPageIndex);
    auto *nick = child<QLineEdit>(*panel, u"nickNameEdit"_s);
    nick->selectAll();
    QTest::keyClicks(nick, u"Panel Person"_s);
    choose(child<QComboBox>(*panel, u"userPopupCombo"_s), u"allow"_s);

    const QJsonValue profile = evaluate(
        *window.simulatorView(),
        u"return await __mpsimRunAsTap(() => wx.getUserProfile({desc: 'show your name'}))"_s);
    CHECK(errMsgOf(profile) == u"getUserProfile:ok"_s);
    CHECK(profile.toObject().value(u"userInfo"_s).toObject().value(u"nickName"_s).toString()
          == u"Panel Person"_s);
    // No reload happened: the page that asked is the page that was loaded.
    CHECK(evaluate(*window.simulatorView(), u"return typeof window.__mpsimRunAsTap"_s).toString()
          == u"function"_s);
}

TEST_CASE("mock panel window: switched to Denies everything, authorize fails without a popup",
          "[window][mockpanel]")
{
    testApplication();
    SettingsGuard guard;
    QTemporaryDir state;
    app::HostServices host(state.path());
    app::MainWindow window(&host);
    REQUIRE(openPlayground(window));
    // Granted before: the scenario's initial state forgets it.
    host.core().store().state("mpsimplayground").setScope("scope.userLocation",
                                                          core::ScopeState::Granted);
    QSignalSpy shown(window.prompts(), &app::OverlayHostPrompts::promptShown);

    auto *combo = window.findChild<QComboBox *>(u"scenarioCombo"_s);
    REQUIRE(combo);
    choose(combo, u"preset:denies-everything"_s);
    CHECK(window.scenarioManager()->model()->displayName() == u"Denies everything"_s);
    CHECK(combo->currentText() == u"Denies everything"_s);

    const QJsonValue reply = evaluate(*window.simulatorView(),
                                      u"return await wx.authorize({scope: 'scope.userLocation'})"_s);
    CHECK(errMsgOf(reply) == u"authorize:fail auth deny"_s);
    settle(200);
    CHECK(shown.isEmpty());
    CHECK(window.prompts()->openPromptKind() == app::PromptKind::None);
    CHECK(host.core().store().state("mpsimplayground").scope("scope.userLocation")
          == core::ScopeState::Denied);

    // Back to New user: the popup asks again.
    choose(combo, u"preset:new-user"_s);
    window.simulatorView()->page()->runJavaScript(u"wx.authorize({scope: 'scope.camera'})"_s);
    QEventLoop loop;
    QObject::connect(window.prompts(), &app::OverlayHostPrompts::promptShown, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    CHECK(window.prompts()->openPromptKind() == app::PromptKind::Authorize);
    window.prompts()->answerDeny();
}

TEST_CASE("mock panel window: a rule with a filter answers only the page's matching calls",
          "[window][mockpanel]")
{
    testApplication();
    SettingsGuard guard;
    QTemporaryDir state;
    app::HostServices host(state.path());
    app::MainWindow window(&host);
    REQUIRE(openPlayground(window));

    mockpanel::MockPanel *panel = window.mockPanel();
    panel->setCurrentPage(mockpanel::MockPanel::RulesPageIndex);
    mockpanel::RulesPage *rules = panel->rulesPage();
    rules->addRule();
    mockpanel::RuleEditor *editor = rules->editor();
    child<QComboBox>(*editor, u"ruleApi"_s)->setEditText(u"login"_s);
    editor->responseEditor()->setText(u"{\"code\": \"filtered-code\"}"_s);
    editor->responseEditor()->validateNow();
    QTableWidget *filters = editor->filtersTable();
    filters->item(0, 0)->setText(u"timeout"_s);
    filters->item(0, 1)->setText(u"^42$"_s);

    const QJsonValue matching = evaluate(*window.simulatorView(), u"return await wx.login({timeout: 42})"_s);
    CHECK(matching.toObject().value(u"code"_s).toString() == u"filtered-code"_s);
    const QJsonValue other = evaluate(*window.simulatorView(), u"return await wx.login({timeout: 4200})"_s);
    CHECK(errMsgOf(other) == u"login:ok"_s);
    CHECK(other.toObject().value(u"code"_s).toString() != u"filtered-code"_s);
    const QJsonValue none = evaluate(*window.simulatorView(), u"return await wx.login()"_s);
    CHECK(none.toObject().value(u"code"_s).toString() != u"filtered-code"_s);
}

TEST_CASE("mock panel window: --scenario applies a file, its initial state reaching the project opened next",
          "[window][mockpanel]")
{
    testApplication();
    SettingsGuard guard;
    QTemporaryDir state;
    app::HostServices host(state.path());
    app::MainWindow window(&host);
    QString error;
    CHECK_FALSE(window.loadScenarioFile(u"/no/such.mpsim.json"_s, &error));
    CHECK(error.contains(u"no such file"_s));
    REQUIRE(window.loadScenarioFile(QStringLiteral(MPSIM_TEST_DATA_DIR "/mock/checkout.mpsim.json"), &error));
    CHECK(host.core().hostProfile().user.nickName == "QA Tester");
    CHECK(host.clock().offset().count() == 300'000);

    REQUIRE(openProject(window, webDataDir() + u"/project"_s));
    CHECK(host.core().store().state("wxwebtestproject").scope("scope.userLocation")
          == core::ScopeState::Denied);
    // The scenario's rules first, then the project's mockConfig rules.
    const auto &inForce = host.core().mockRules().rules;
    REQUIRE(inForce.size() == 3);
    CHECK(inForce[0].ruleName == "payment fails");
    CHECK(inForce[2].ruleName == "location");
    const QJsonValue location = evaluate(*window.simulatorView(), u"return await wx.getLocation()"_s);
    CHECK(location.toObject().value(u"latitude"_s).toDouble() == Approx(22.54));
    const QJsonValue payment = evaluate(
        *window.simulatorView(),
        u"return await wx.requestPayment({timeStamp: '1', nonceStr: 'n', package: 'prepay_id=FAIL1', signType: 'MD5', paySign: 's'})"_s,
        15000);
    CHECK(errMsgOf(payment) == u"requestPayment:fail cancel"_s);
}

TEST_CASE("mock panel window: screenshots of every page", "[screenshots][mockpanel]")
{
    testApplication();
    SettingsGuard guard;
    QTemporaryDir state;
    app::HostServices host(state.path());
    app::MainWindow window(&host);
    window.resize(1500, 1000);
    window.show();
    REQUIRE(window.loadScenarioFile(QStringLiteral(MPSIM_TEST_DATA_DIR "/mock/checkout.mpsim.json"), nullptr));
    REQUIRE(openProject(window, webDataDir() + u"/project"_s));
    auto *dock = window.findChild<QDockWidget *>(u"hostProfileDock"_s);
    REQUIRE(dock);
    dock->setFloating(true);
    dock->resize(900, 760);
    dock->show();
    mockpanel::MockPanel *panel = window.mockPanel();
    // Some content worth looking at, an avatar that loads among it.
    const std::string avatarUrl = "qrc:/icons/mpsim.svg";
    window.scenarioManager()->model()->editProfile(u"screenshot"_s, {}, [&](core::HostProfile &p) {
        p.user.avatarUrl = avatarUrl;
        p.subscriptions.templates = {{"TMPL_ORDER_SHIPPED", "Order shipped", false, false, false},
                                     {"TMPL_WEEKLY", "Weekly digest", true, false, false},
                                     {"TMPL_PROMO", "Promotions", false, true, false}};
        p.login.fixedCode = "qa-code-001";
    });

    const std::pair<mockpanel::MockPanel::Page, QString> pages[] = {
        {mockpanel::MockPanel::ScenarioPageIndex, u"scenario"_s},
        {mockpanel::MockPanel::LoginPageIndex, u"login"_s},
        {mockpanel::MockPanel::UserPageIndex, u"user"_s},
        {mockpanel::MockPanel::SoterPageIndex, u"soter"_s},
        {mockpanel::MockPanel::AuthorizePageIndex, u"authorize"_s},
        {mockpanel::MockPanel::SubscriptionsPageIndex, u"subscriptions"_s},
        {mockpanel::MockPanel::AccountPageIndex, u"account"_s},
        {mockpanel::MockPanel::RulesPageIndex, u"rules"_s},
    };
    for (const auto &[page, name] : pages) {
        panel->setCurrentPage(page);
        if (page == mockpanel::MockPanel::RulesPageIndex)
            panel->rulesPage()->setCurrentRule(0);
        if (page == mockpanel::MockPanel::UserPageIndex) {
            auto *preview = child<mockpanel::AvatarPreview>(*panel, u"avatarPreview"_s);
            QEventLoop wait;
            QTimer poll;
            QObject::connect(&poll, &QTimer::timeout, &wait, [&] {
                if (preview->hasImage())
                    wait.quit();
            });
            poll.start(20);
            QTimer::singleShot(5000, &wait, &QEventLoop::quit);
            wait.exec();
            CHECK(preview->hasImage());
            // Invalid JSON, to show how an error is marked.
            auto *json = child<mockpanel::JsonEditor>(*panel, u"userJson"_s);
            json->setText(json->text().replace(u"\"QA Tester\","_s, u"\"QA Tester\""_s));
            json->validateNow();
        }
        settle(150);
        const QImage image = dock->grab().toImage();
        CHECK(image.width() > 600);
        image.save(screenshotDir() + u"/mockpanel-%1.png"_s.arg(name));
    }

    auto *stateDock = window.findChild<QDockWidget *>(u"hostStateDock"_s);
    REQUIRE(stateDock);
    evaluate(*window.simulatorView(), u"return await wx.login()"_s);
    host.core().store().state("wxwebtestproject").storage().set("cart", nlohmann::json{{"items", 2}});
    host.core().store().state("wxwebtestproject").keepSubscriptionDecision("TMPL_ORDER_SHIPPED", "accept");
    stateDock->setFloating(true);
    stateDock->resize(560, 640);
    stateDock->show();
    window.stateInspector()->refresh();
    for (const auto &[tab, name] : {std::pair{0, u"state-authorization"_s}, std::pair{1, u"state-login"_s},
                                    std::pair{3, u"state-storage"_s}, std::pair{4, u"state-clock"_s}}) {
        window.stateInspector()->tabs()->setCurrentIndex(tab);
        if (tab == 3)
            window.stateInspector()->selectStorageKey(u"cart"_s);
        settle(150);
        stateDock->grab().toImage().save(screenshotDir() + u"/mockpanel-%1.png"_s.arg(name));
    }

    dock->setFloating(false);
    stateDock->setFloating(false);
    dock->raise();
    panel->setCurrentPage(mockpanel::MockPanel::RulesPageIndex);
    settle(300);
    window.grab().toImage().save(screenshotDir() + u"/mockpanel-window.png"_s);
}
