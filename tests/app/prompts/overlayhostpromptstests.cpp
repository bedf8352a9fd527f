// The host popups as native overlays on the phone screen (OverlayHostPrompts).

#include "prompttestsupport.h"

#include "host/scopes.h"
#include "prompts/overlayhostprompts.h"
#include "prompts/promptoverlay.h"
#include "prompts/toggleswitch.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTest>
#include <QVBoxLayout>

#include <catch2/catch.hpp>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace mpsim;
using app::OverlayHostPrompts;
using app::PromptKind;
using namespace mpsim::test;

namespace {

core::AuthorizePrompt authorizePrompt(const std::string &scope = "scope.userLocation")
{
    return core::AuthorizePrompt{"wxdemo", scope, {}};
}

core::UserProfilePrompt userProfilePrompt(core::UserProfilePrompt::Kind kind
                                          = core::UserProfilePrompt::Kind::GetUserProfile)
{
    core::UserProfilePrompt prompt;
    prompt.appid = "wxdemo";
    prompt.kind = kind;
    if (kind == core::UserProfilePrompt::Kind::GetUserProfile)
        prompt.desc = "Shown on your member card";
    prompt.nickName = "Lin Xiaomei";
    prompt.avatarUrl = "https://example.com/avatar/132";
    return prompt;
}

core::SoterPrompt soterPrompt(const std::string &mode = "fingerPrint")
{
    return core::SoterPrompt{"wxdemo", "Confirm the payment of 25.00", mode};
}

core::SubscribePrompt subscribePrompt()
{
    return core::SubscribePrompt{"wxdemo",
                                 {{"tmplShipped", "Order shipped", false},
                                  {"tmplRefund", "Refund processed", false},
                                  {"tmplCoupon", "Coupon about to expire", false}}};
}

core::SettingsPrompt settingsPrompt()
{
    return core::SettingsPrompt{"wxdemo",
                                {{"scope.userLocation", true},
                                 {"scope.camera", false},
                                 {"scope.writePhotosAlbum", true},
                                 {"scope.userInfo", true}}};
}

} // namespace

TEST_CASE("prompts: the authorize sheet says what each known scope allows", "[prompts]")
{
    auto screen = createScreen();
    OverlayHostPrompts prompts(screen.get());
    prompts.setMiniProgramName(u"Demo Mall"_s);
    CHECK_FALSE(prompts.hasOpenPrompt());
    CHECK(prompts.openPromptKind() == PromptKind::None);

    for (const core::ScopeInfo &scope : core::knownScopes()) {
        Answers<core::PromptAnswer> answers;
        prompts.askAuthorize(authorizePrompt(std::string(scope.name)), answers.callback());
        REQUIRE(prompts.openPromptKind() == PromptKind::Authorize);
        QWidget *overlay = prompts.openOverlay();
        REQUIRE(overlay);
        CHECK(overlay->parentWidget() == screen.get());
        CHECK(overlay->isVisible());
        const QString description
            = QString::fromUtf8(scope.description.data(), qsizetype(scope.description.size()));
        CHECK(labelText(overlay, u"titleLabel"_s) == u"Demo Mall wants to "_s + description);
        CHECK(labelText(overlay, u"miniProgramNameLabel"_s) == u"Demo Mall"_s);
        CHECK(labelText(overlay, u"scopeLabel"_s)
              == QString::fromUtf8(scope.name.data(), qsizetype(scope.name.size())));
        CHECK(button(overlay, u"secondaryButton"_s)->text() == u"Deny"_s);
        CHECK(button(overlay, u"primaryButton"_s)->text() == u"Allow"_s);
        REQUIRE(prompts.answerDeny());
        CHECK(answers.received == std::vector{core::PromptAnswer::Deny});
    }
    CHECK_FALSE(prompts.hasOpenPrompt());
}

TEST_CASE("prompts: the core's description wins, unknown scopes and names fall back", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::PromptAnswer> answers;
    OverlayHostPrompts prompts(screen.get());

    // No name set: the appid stands in.
    prompts.askAuthorize(core::AuthorizePrompt{"wxdemo", "scope.camera", "film you"},
                         answers.callback());
    CHECK(labelText(prompts.openOverlay(), u"titleLabel"_s) == u"wxdemo wants to film you"_s);
    prompts.answerDeny();
    prompts.askAuthorize(core::AuthorizePrompt{"wxdemo", "scope.teleport", {}}, answers.callback());
    CHECK(labelText(prompts.openOverlay(), u"titleLabel"_s)
          == u"wxdemo wants to use scope.teleport"_s);
    prompts.answerDeny();
    CHECK(answers.received.size() == 2);
}

TEST_CASE("prompts: buttons answer the popup", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::PromptAnswer> answers;
    OverlayHostPrompts prompts(screen.get());
    prompts.askAuthorize(authorizePrompt(), answers.callback());
    QTest::mouseClick(button(prompts.openOverlay(), u"primaryButton"_s), Qt::LeftButton);
    prompts.askAuthorize(authorizePrompt(), answers.callback());
    QTest::mouseClick(button(prompts.openOverlay(), u"secondaryButton"_s), Qt::LeftButton);
    CHECK(answers.received == std::vector{core::PromptAnswer::Allow, core::PromptAnswer::Deny});
}

TEST_CASE("prompts: the getUserProfile popup shows desc, avatar and nickname", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::PromptAnswer> answers;
    OverlayHostPrompts prompts(screen.get());
    prompts.setMiniProgramName(u"Demo Mall"_s);
    prompts.askUserProfile(userProfilePrompt(), answers.callback());
    REQUIRE(prompts.openPromptKind() == PromptKind::UserProfile);
    QWidget *overlay = prompts.openOverlay();
    CHECK(labelText(overlay, u"titleLabel"_s)
          == u"Demo Mall wants your public profile (nickname, avatar)"_s);
    CHECK(labelText(overlay, u"descLabel"_s) == u"Shown on your member card"_s);
    CHECK(labelText(overlay, u"nickNameLabel"_s) == u"Lin Xiaomei"_s);
    CHECK(overlay->findChild<QWidget *>(u"avatar"_s));
    REQUIRE(prompts.answerAllow());
    CHECK(answers.received == std::vector{core::PromptAnswer::Allow});
}

TEST_CASE("prompts: the getUserInfo button popup asks for the public profile", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::PromptAnswer> answers;
    OverlayHostPrompts prompts(screen.get());
    prompts.setMiniProgramName(u"Demo Mall"_s);
    prompts.askUserProfile(userProfilePrompt(core::UserProfilePrompt::Kind::GetUserInfoButton),
                           answers.callback());
    REQUIRE(prompts.openPromptKind() == PromptKind::UserInfoButton);
    QWidget *overlay = prompts.openOverlay();
    CHECK(labelText(overlay, u"titleLabel"_s)
          == u"Demo Mall wants your public profile (nickname, avatar)"_s);
    CHECK(labelText(overlay, u"nickNameLabel"_s) == u"Lin Xiaomei"_s);
    REQUIRE(prompts.answerDeny());
    CHECK(answers.received == std::vector{core::PromptAnswer::Deny});
}

TEST_CASE("prompts: the SOTER prompt shows authContent and simulates the sensor", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::SoterAnswer> answers;
    OverlayHostPrompts prompts(screen.get());
    prompts.setMiniProgramName(u"Demo Mall"_s);
    using Outcome = core::SoterAnswer::Outcome;

    SECTION("each mode has its own title")
    {
        const std::vector<std::pair<std::string, QString>> modes{
            {"fingerPrint", u"Verify with fingerprint"_s},
            {"facial", u"Verify with face"_s},
            {"speech", u"Verify with voice"_s}};
        for (const auto &[mode, title] : modes) {
            prompts.askSoter(soterPrompt(mode), answers.callback());
            REQUIRE(prompts.openPromptKind() == PromptKind::Soter);
            CHECK(labelText(prompts.openOverlay(), u"titleLabel"_s) == title);
            CHECK(labelText(prompts.openOverlay(), u"authContentLabel"_s)
                  == u"Confirm the payment of 25.00"_s);
            CHECK(button(prompts.openOverlay(), u"secondaryButton"_s)->text() == u"Cancel"_s);
            prompts.answerAllow();
        }
        REQUIRE(answers.received.size() == 3);
        for (const auto &answer : answers.received)
            CHECK(answer.outcome == Outcome::Succeed);
    }
    SECTION("Fail answers the errCode picked in the combo")
    {
        prompts.askSoter(soterPrompt(), answers.callback());
        auto *combo = prompts.openOverlay()->findChild<QComboBox *>(u"errCodeCombo"_s);
        REQUIRE(combo);
        REQUIRE(combo->count() == 3);
        CHECK(combo->currentData().toInt() == 90009);
        combo->setCurrentIndex(1);
        QTest::mouseClick(button(prompts.openOverlay(), u"failButton"_s), Qt::LeftButton);
        REQUIRE(answers.received.size() == 1);
        CHECK(answers.received[0].outcome == Outcome::Fail);
        CHECK(answers.received[0].errCode == 90010);
    }
    SECTION("Cancel, and programmatic answers")
    {
        prompts.askSoter(soterPrompt(), answers.callback());
        QTest::mouseClick(button(prompts.openOverlay(), u"secondaryButton"_s), Qt::LeftButton);
        prompts.askSoter(soterPrompt(), answers.callback());
        CHECK_FALSE(prompts.answerSubscribe({}));
        CHECK_FALSE(prompts.answerSettings({}));
        REQUIRE(prompts.answerSoter(core::SoterAnswer{Outcome::Fail, 90007}));
        CHECK_FALSE(prompts.answerSoter(core::SoterAnswer{}));
        REQUIRE(answers.received.size() == 2);
        CHECK(answers.received[0].outcome == Outcome::Cancel);
        CHECK(answers.received[1].outcome == Outcome::Fail);
        CHECK(answers.received[1].errCode == 90007);
    }
}

TEST_CASE("prompts: the subscription sheet answers its switches and keep-choice box", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::SubscribeAnswer> answers;
    OverlayHostPrompts prompts(screen.get());
    prompts.setMiniProgramName(u"Demo Mall"_s);
    prompts.askSubscribe(subscribePrompt(), answers.callback());
    REQUIRE(prompts.openPromptKind() == PromptKind::Subscribe);
    QWidget *overlay = prompts.openOverlay();

    const auto switches = overlay->findChildren<app::ToggleSwitch *>(u"templateSwitch"_s);
    REQUIRE(switches.size() == 3);
    QStringList titles;
    for (const QLabel *label : overlay->findChildren<QLabel *>(u"templateTitleLabel"_s))
        titles.append(label->text());
    CHECK(titles
          == QStringList{u"Order shipped"_s, u"Refund processed"_s, u"Coupon about to expire"_s});
    for (const auto *toggle : switches)
        CHECK(toggle->isChecked());
    auto *keep = overlay->findChild<QCheckBox *>(u"keepChoiceCheckBox"_s);
    REQUIRE(keep);
    CHECK_FALSE(keep->isChecked());

    SECTION("OK answers each switch")
    {
        QTest::mouseClick(switches[1], Qt::LeftButton);
        CHECK_FALSE(switches[1]->isChecked());
        keep->click();
        QTest::mouseClick(button(overlay, u"primaryButton"_s), Qt::LeftButton);
        REQUIRE(answers.received.size() == 1);
        const std::map<std::string, bool> expected{
            {"tmplShipped", true}, {"tmplRefund", false}, {"tmplCoupon", true}};
        CHECK(answers.received[0].accepted == expected);
        CHECK(answers.received[0].keepChoice);
    }
    SECTION("Cancel rejects all and keeps nothing")
    {
        keep->click();
        QTest::mouseClick(button(overlay, u"secondaryButton"_s), Qt::LeftButton);
        REQUIRE(answers.received.size() == 1);
        const std::map<std::string, bool> expected{
            {"tmplShipped", false}, {"tmplRefund", false}, {"tmplCoupon", false}};
        CHECK(answers.received[0].accepted == expected);
        CHECK_FALSE(answers.received[0].keepChoice);
    }
    SECTION("answerSubscribe answers what it is given")
    {
        core::SubscribeAnswer given;
        given.accepted = {{"tmplCoupon", true}};
        given.keepChoice = true;
        CHECK_FALSE(prompts.answerSoter({}));
        REQUIRE(prompts.answerSubscribe(given));
        REQUIRE(answers.received.size() == 1);
        CHECK(answers.received[0].accepted == given.accepted);
        CHECK(answers.received[0].keepChoice);
    }
}

TEST_CASE("prompts: the settings page answers the switches when it closes", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::SettingsAnswer> answers;
    OverlayHostPrompts prompts(screen.get());
    prompts.setMiniProgramName(u"Demo Mall"_s);
    prompts.showSettings(settingsPrompt(), answers.callback());
    REQUIRE(prompts.openPromptKind() == PromptKind::Settings);
    QWidget *overlay = prompts.openOverlay();
    CHECK(labelText(overlay, u"titleLabel"_s) == u"Settings"_s);
    CHECK(overlay->geometry() == screen->rect());

    const auto switches = overlay->findChildren<app::ToggleSwitch *>(u"scopeSwitch"_s);
    REQUIRE(switches.size() == 4);
    app::ToggleSwitch *camera = nullptr;
    app::ToggleSwitch *location = nullptr;
    for (auto *toggle : switches) {
        if (toggle->property("scope").toString() == u"scope.camera"_s)
            camera = toggle;
        if (toggle->property("scope").toString() == u"scope.userLocation"_s)
            location = toggle;
    }
    REQUIRE(camera);
    REQUIRE(location);
    CHECK_FALSE(camera->isChecked());
    CHECK(location->isChecked());
    QStringList titles;
    for (const QLabel *label : overlay->findChildren<QLabel *>(u"scopeTitleLabel"_s))
        titles.append(label->text());
    CHECK(titles.contains(u"Use your camera"_s));
    CHECK(titles.contains(u"Use your location"_s));

    QTest::mouseClick(camera, Qt::LeftButton);
    QTest::mouseClick(location, Qt::LeftButton);
    std::map<std::string, bool> expected = settingsPrompt().authSetting;

    SECTION("Done keeps the changes")
    {
        expected["scope.camera"] = true;
        expected["scope.userLocation"] = false;
        QTest::mouseClick(button(overlay, u"primaryButton"_s), Qt::LeftButton);
        REQUIRE(answers.received.size() == 1);
        CHECK(answers.received[0].authSetting == expected);
    }
    SECTION("answerDeny discards them")
    {
        REQUIRE(prompts.answerDeny());
        REQUIRE(answers.received.size() == 1);
        CHECK(answers.received[0].authSetting == expected);
    }
    SECTION("answerSettings answers what it is given")
    {
        const core::SettingsAnswer given{{{"scope.userLocation", false}}};
        REQUIRE(prompts.answerSettings(given));
        REQUIRE(answers.received.size() == 1);
        CHECK(answers.received[0].authSetting == given.authSetting);
    }
    CHECK_FALSE(prompts.hasOpenPrompt());
}

TEST_CASE("prompts: a settings page with no scopes asked says so", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::SettingsAnswer> answers;
    OverlayHostPrompts prompts(screen.get());
    prompts.setMiniProgramName(u"Demo Mall"_s);
    prompts.showSettings(core::SettingsPrompt{"wxdemo", {}}, answers.callback());
    CHECK(labelText(prompts.openOverlay(), u"sectionLabel"_s)
          == u"Demo Mall has not asked for any permission yet."_s);
    REQUIRE(prompts.answerAllow());
    REQUIRE(answers.received.size() == 1);
    CHECK(answers.received[0].authSetting.empty());
}

TEST_CASE("prompts: Return gives the primary answer and Escape the secondary, on every kind",
          "[prompts]")
{
    auto screen = createScreen();
    Answers<core::PromptAnswer> permission;
    Answers<core::SoterAnswer> soter;
    Answers<core::SubscribeAnswer> subscribe;
    Answers<core::SettingsAnswer> settings;
    OverlayHostPrompts prompts(screen.get());

    const auto askEach = [&] {
        prompts.askAuthorize(authorizePrompt(), permission.callback());
        prompts.askUserProfile(userProfilePrompt(), permission.callback());
        prompts.askUserProfile(userProfilePrompt(core::UserProfilePrompt::Kind::GetUserInfoButton),
                               permission.callback());
        prompts.askSoter(soterPrompt(), soter.callback());
        prompts.askSubscribe(subscribePrompt(), subscribe.callback());
        prompts.showSettings(settingsPrompt(), settings.callback());
    };
    const auto pressOnEach = [&](Qt::Key key) {
        for (int i = 0; i < 6; ++i) {
            QWidget *overlay = prompts.openOverlay();
            REQUIRE(overlay);
            // The popup takes the focus when shown.
            CHECK(screen->focusWidget() == overlay);
            QTest::keyClick(overlay, key);
        }
        CHECK_FALSE(prompts.hasOpenPrompt());
    };

    SECTION("Return")
    {
        askEach();
        pressOnEach(Qt::Key_Return);
        CHECK(permission.received == std::vector(3, core::PromptAnswer::Allow));
        REQUIRE(soter.received.size() == 1);
        CHECK(soter.received[0].outcome == core::SoterAnswer::Outcome::Succeed);
        REQUIRE(subscribe.received.size() == 1);
        CHECK(subscribe.received[0].accepted.size() == 3);
        for (const auto &[tmplId, accepted] : subscribe.received[0].accepted)
            CHECK(accepted);
        REQUIRE(settings.received.size() == 1);
        CHECK(settings.received[0].authSetting == settingsPrompt().authSetting);
    }
    SECTION("Enter (keypad) works like Return")
    {
        prompts.askAuthorize(authorizePrompt(), permission.callback());
        QTest::keyClick(prompts.openOverlay(), Qt::Key_Enter, Qt::KeypadModifier);
        CHECK(permission.received == std::vector{core::PromptAnswer::Allow});
    }
    SECTION("Escape")
    {
        askEach();
        pressOnEach(Qt::Key_Escape);
        CHECK(permission.received == std::vector(3, core::PromptAnswer::Deny));
        REQUIRE(soter.received.size() == 1);
        CHECK(soter.received[0].outcome == core::SoterAnswer::Outcome::Cancel);
        REQUIRE(subscribe.received.size() == 1);
        for (const auto &[tmplId, accepted] : subscribe.received[0].accepted)
            CHECK_FALSE(accepted);
        REQUIRE(settings.received.size() == 1);
        CHECK(settings.received[0].authSetting == settingsPrompt().authSetting);
    }
}

TEST_CASE("prompts: answerAllow and answerDeny answer whichever popup is open", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::PromptAnswer> permission;
    Answers<core::SoterAnswer> soter;
    Answers<core::SubscribeAnswer> subscribe;
    Answers<core::SettingsAnswer> settings;
    OverlayHostPrompts prompts(screen.get());
    CHECK_FALSE(prompts.answerAllow());
    CHECK_FALSE(prompts.answerDeny());
    CHECK_FALSE(prompts.answerSoter({}));
    CHECK_FALSE(prompts.answerSubscribe({}));
    CHECK_FALSE(prompts.answerSettings({}));

    for (const bool allow : {true, false}) {
        prompts.askAuthorize(authorizePrompt(), permission.callback());
        prompts.askUserProfile(userProfilePrompt(), permission.callback());
        prompts.askUserProfile(userProfilePrompt(core::UserProfilePrompt::Kind::GetUserInfoButton),
                               permission.callback());
        prompts.askSoter(soterPrompt(), soter.callback());
        prompts.askSubscribe(subscribePrompt(), subscribe.callback());
        prompts.showSettings(settingsPrompt(), settings.callback());
        for (int i = 0; i < 6; ++i)
            REQUIRE((allow ? prompts.answerAllow() : prompts.answerDeny()));
        CHECK_FALSE(prompts.answerAllow());
    }
    CHECK(permission.received
          == std::vector{core::PromptAnswer::Allow, core::PromptAnswer::Allow,
                         core::PromptAnswer::Allow, core::PromptAnswer::Deny,
                         core::PromptAnswer::Deny, core::PromptAnswer::Deny});
    REQUIRE(soter.received.size() == 2);
    CHECK(soter.received[0].outcome == core::SoterAnswer::Outcome::Succeed);
    CHECK(soter.received[1].outcome == core::SoterAnswer::Outcome::Cancel);
    REQUIRE(subscribe.received.size() == 2);
    CHECK(subscribe.received[0].accepted.at("tmplRefund"));
    CHECK_FALSE(subscribe.received[1].accepted.at("tmplRefund"));
    REQUIRE(settings.received.size() == 2);
}

TEST_CASE("prompts: requests queue and show one at a time, in order", "[prompts]")
{
    auto screen = createScreen();
    std::vector<PromptKind> shown;
    std::vector<PromptKind> answered;
    std::vector<std::string> order;
    OverlayHostPrompts prompts(screen.get());
    QObject context;
    QObject::connect(&prompts, &OverlayHostPrompts::promptShown, &context,
                     [&](PromptKind kind) { shown.push_back(kind); });
    QObject::connect(&prompts, &OverlayHostPrompts::promptAnswered, &context,
                     [&](PromptKind kind) { answered.push_back(kind); });

    prompts.askAuthorize(authorizePrompt(),
                         [&](core::PromptAnswer) { order.push_back("authorize"); });
    prompts.askSoter(soterPrompt(), [&](core::SoterAnswer) { order.push_back("soter"); });
    prompts.askSubscribe(subscribePrompt(),
                         [&](core::SubscribeAnswer) { order.push_back("subscribe"); });

    CHECK(shown == std::vector{PromptKind::Authorize});
    CHECK(prompts.queuedCount() == 2);
    // Only the open popup is on the screen.
    const auto overlays = screen->findChildren<app::PromptOverlay *>();
    CHECK(overlays.size() == 3);
    CHECK(std::count_if(overlays.begin(), overlays.end(),
                        [](const QWidget *overlay) { return overlay->isVisible(); })
          == 1);

    QWidget *first = prompts.openOverlay();
    // The Soter prompt is queued: its answer is refused while authorize is open.
    CHECK_FALSE(prompts.answerSoter({}));
    REQUIRE(prompts.answerAllow());
    CHECK_FALSE(first->isVisible());
    CHECK(prompts.openPromptKind() == PromptKind::Soter);
    CHECK(prompts.openOverlay()->isVisible());
    CHECK(prompts.queuedCount() == 1);

    // A request made from inside a callback waits its turn too.
    REQUIRE(prompts.answerSoter(core::SoterAnswer{}) == true);
    CHECK(prompts.openPromptKind() == PromptKind::Subscribe);
    prompts.answerDeny();
    CHECK_FALSE(prompts.hasOpenPrompt());
    CHECK(prompts.queuedCount() == 0);
    CHECK(order == std::vector<std::string>{"authorize", "soter", "subscribe"});
    CHECK(shown == std::vector{PromptKind::Authorize, PromptKind::Soter, PromptKind::Subscribe});
    CHECK(answered == shown);
}

TEST_CASE("prompts: a request made from inside an answer's callback shows next", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::PromptAnswer> later;
    std::vector<std::string> order;
    OverlayHostPrompts prompts(screen.get());
    prompts.askAuthorize(authorizePrompt(), [&](core::PromptAnswer) {
        order.push_back("first");
        prompts.askAuthorize(authorizePrompt("scope.camera"), later.callback());
    });
    prompts.askSoter(soterPrompt(), [&](core::SoterAnswer) { order.push_back("soter"); });
    REQUIRE(prompts.answerAllow());
    // The queued SOTER prompt came first; the new request waits behind it.
    CHECK(prompts.openPromptKind() == PromptKind::Soter);
    CHECK(prompts.queuedCount() == 1);
    REQUIRE(prompts.answerAllow());
    CHECK(prompts.openPromptKind() == PromptKind::Authorize);
    CHECK(labelText(prompts.openOverlay(), u"scopeLabel"_s) == u"scope.camera"_s);
    REQUIRE(prompts.answerDeny());
    CHECK(order == std::vector<std::string>{"first", "soter"});
    CHECK(later.received == std::vector{core::PromptAnswer::Deny});
}

TEST_CASE("prompts: destroying the host answers open and queued popups exactly once", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::PromptAnswer> permission;
    Answers<core::SoterAnswer> soter;
    Answers<core::SubscribeAnswer> subscribe;
    Answers<core::SettingsAnswer> settings;
    std::vector<std::string> order;
    {
        OverlayHostPrompts prompts(screen.get());
        prompts.askAuthorize(authorizePrompt(), [&](core::PromptAnswer answer) {
            order.push_back("authorize");
            permission.received.push_back(answer);
            // Asking while the host goes away is answered at once.
            prompts.askUserProfile(userProfilePrompt(), permission.callback());
        });
        prompts.askSoter(soterPrompt(), [&](core::SoterAnswer answer) {
            order.push_back("soter");
            soter.received.push_back(answer);
        });
        prompts.askSubscribe(subscribePrompt(), subscribe.callback());
        prompts.showSettings(settingsPrompt(), settings.callback());
        CHECK(prompts.queuedCount() == 3);
    }
    CHECK(order == std::vector<std::string>{"authorize", "soter"});
    CHECK(permission.received == std::vector{core::PromptAnswer::Deny, core::PromptAnswer::Deny});
    REQUIRE(soter.received.size() == 1);
    CHECK(soter.received[0].outcome == core::SoterAnswer::Outcome::Cancel);
    REQUIRE(subscribe.received.size() == 1);
    for (const auto &[tmplId, accepted] : subscribe.received[0].accepted)
        CHECK_FALSE(accepted);
    REQUIRE(settings.received.size() == 1);
    CHECK(settings.received[0].authSetting == settingsPrompt().authSetting);
    // No overlay is left behind on the screen.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    CHECK(screen->findChildren<app::PromptOverlay *>().isEmpty());
}

TEST_CASE("prompts: when the screen goes first, popups are answered once and later asks at once",
          "[prompts]")
{
    auto screen = createScreen();
    Answers<core::PromptAnswer> permission;
    OverlayHostPrompts prompts(screen.get());
    prompts.askAuthorize(authorizePrompt(), permission.callback());
    prompts.askAuthorize(authorizePrompt(), permission.callback());
    screen.reset();
    CHECK(permission.received == std::vector(2, core::PromptAnswer::Deny));
    QCoreApplication::processEvents();
    CHECK_FALSE(prompts.hasOpenPrompt());
    CHECK(prompts.queuedCount() == 0);
    CHECK_FALSE(prompts.answerAllow());

    prompts.askAuthorize(authorizePrompt(), permission.callback());
    CHECK(permission.received == std::vector(3, core::PromptAnswer::Deny));
}

TEST_CASE("prompts: the overlay keeps covering the screen when it is resized", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::PromptAnswer> permission;
    OverlayHostPrompts prompts(screen.get());
    prompts.askAuthorize(authorizePrompt(), permission.callback());
    prompts.askAuthorize(authorizePrompt(), permission.callback());
    QWidget *overlay = prompts.openOverlay();
    CHECK(overlay->geometry() == QRect(0, 0, 375, 667));
    screen->resize(414, 896);
    CHECK(overlay->geometry() == QRect(0, 0, 414, 896));
    auto *card = overlay->findChild<QWidget *>(u"promptCard"_s);
    REQUIRE(card);
    QCoreApplication::sendPostedEvents();
    // The bottom sheet spans the width and sits on the bottom edge.
    CHECK(card->geometry().width() == 414);
    CHECK(card->geometry().bottom() == 895);

    // A popup shown later takes the screen's current size too.
    prompts.answerAllow();
    CHECK(prompts.openOverlay()->geometry() == QRect(0, 0, 414, 896));
}

TEST_CASE("prompts: screenshots of each popup", "[prompts][screenshots]")
{
    auto screen = createScreen();
    Answers<core::PromptAnswer> permission;
    Answers<core::SoterAnswer> soter;
    Answers<core::SubscribeAnswer> subscribe;
    Answers<core::SettingsAnswer> settings;
    OverlayHostPrompts prompts(screen.get());
    prompts.setMiniProgramName(u"Demo Mall"_s);

    const auto capture = [&](const QString &fileName) {
        REQUIRE(prompts.hasOpenPrompt());
        QCoreApplication::sendPostedEvents();
        const QImage image = saveScreenshot(*screen, fileName);
        INFO(fileName.toStdString());
        CHECK(distinctColours(image) > 32);
        prompts.answerDeny();
    };
    prompts.askAuthorize(authorizePrompt(), permission.callback());
    capture(u"authorize.png"_s);
    prompts.askUserProfile(userProfilePrompt(), permission.callback());
    capture(u"user-profile.png"_s);
    prompts.askUserProfile(userProfilePrompt(core::UserProfilePrompt::Kind::GetUserInfoButton),
                           permission.callback());
    capture(u"user-info-button.png"_s);
    prompts.askSoter(soterPrompt(), soter.callback());
    capture(u"soter.png"_s);
    prompts.askSubscribe(subscribePrompt(), subscribe.callback());
    capture(u"subscribe.png"_s);
    prompts.showSettings(settingsPrompt(), settings.callback());
    capture(u"settings.png"_s);
}
