// The host state inspector: scopes, the login session and codes,
// subscription decisions, storage, and the clock (an undoable scenario edit).

#include "catchqt.h"
#include "mockpaneltestsupport.h"
#include "testapplication.h"

#include "scenario/corebinding.h"
#include "scenario/workingscenario.h"
#include "state/stateinspector.h"
#include "widgets/jsoneditor.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace mpsim;
using namespace mpsim::mockpanel;
using namespace mpsim::test;

namespace {

struct Inspected
{
    CoreFixture fixture;
    WorkingScenario model;
    CoreBinding binding{model, fixture.core, fixture.clock};
    StateInspector inspector{model, fixture.core, fixture.clock};

    Inspected() { inspector.setAppid(QStringLiteral("wxpaneltest")); }
    core::HostState &state() { return fixture.store.state("wxpaneltest"); }
    QString label(const char *name)
    {
        auto *found = inspector.findChild<QLabel *>(QString::fromLatin1(name));
        REQUIRE(found);
        return found->text();
    }
};

} // namespace

TEST_CASE("state inspector: scopes can be set, reset one by one and cleared")
{
    testApplication();
    Inspected s;
    QSignalSpy edited(&s.inspector, &StateInspector::hostStateEdited);
    s.state().setScope("scope.userLocation", core::ScopeState::Granted);
    s.inspector.refresh();
    auto *location = s.inspector.scopesTable()->findChild<QComboBox *>(QStringLiteral("scope.userLocation"));
    REQUIRE(location);
    CHECK(location->currentData().toString() == QStringLiteral("1"));

    location->setCurrentIndex(location->findData(QStringLiteral("2")));
    emit location->activated(location->currentIndex());
    CHECK(s.state().scope("scope.userLocation") == core::ScopeState::Denied);
    CHECK_FALSE(s.fixture.call("authorize", {{"scope", "scope.userLocation"}}).ok);

    s.inspector.setScopeState(QStringLiteral("scope.userLocation"), 0);
    CHECK(s.state().scope("scope.userLocation") == core::ScopeState::NeverAsked);
    s.inspector.setScopeState(QStringLiteral("scope.camera"), 1);
    s.inspector.setScopeState(QStringLiteral("scope.record"), 2);
    s.state().keepSubscriptionDecision("T1", "accept");
    s.inspector.clearScopes();
    CHECK(s.state().authSetting().empty());
    CHECK(s.state().subscriptionDecisions().size() == 1); // decisions are another tab
    CHECK(edited.count() == 5);
}

TEST_CASE("state inspector: codes with age and use, the session, expire now")
{
    testApplication();
    Inspected s;
    CHECK(s.label("stateSession") == QStringLiteral("no session"));
    const std::string code = s.fixture.call("login").result.at("code");
    s.fixture.call("login");
    s.state().exchangeCode(code, s.fixture.clock.nowMs());
    s.inspector.refresh();
    CHECK(s.label("stateSession").startsWith(QStringLiteral("valid until ")));
    QTableWidget *codes = s.inspector.codesTable();
    REQUIRE(codes->rowCount() == 2);
    CHECK(codes->item(0, 2)->text() == QStringLiteral("unused")); // newest first
    CHECK(codes->item(1, 0)->text() == QString::fromStdString(code));
    CHECK(codes->item(1, 2)->text() == QStringLiteral("used"));
    CHECK(codes->item(1, 1)->text() == QStringLiteral("0 s"));

    s.inspector.expireSession();
    CHECK(s.label("stateSession") == QStringLiteral("no session"));
    CHECK_FALSE(s.fixture.call("checkSession").ok);
}

TEST_CASE("state inspector: the clock moves by scenario edits, which undo")
{
    testApplication();
    Inspected s;
    s.fixture.call("login");
    s.inspector.advanceClock(5 * 60'000);
    CHECK(s.model.scenario().clockOffsetMs == 300'000);
    CHECK(s.fixture.clock.offset().count() == 300'000);
    CHECK(s.label("stateClock").startsWith(QStringLiteral("+5 min")));
    s.inspector.advanceClock(60'000);
    s.inspector.refresh();
    CHECK(s.inspector.codesTable()->item(0, 2)->text() == QStringLiteral("expired"));
    s.inspector.advanceClock(86'400'000);
    CHECK_FALSE(s.fixture.call("checkSession").ok); // the day-long session is over

    s.model.undoStack()->undo();
    CHECK(s.fixture.clock.offset().count() == 360'000);
    s.inspector.resetClock();
    CHECK(s.fixture.clock.offset().count() == 0);
    CHECK(s.label("stateClock") == QStringLiteral("none (system time)"));
}

TEST_CASE("state inspector: decisions can be forgotten, the state copies into the scenario")
{
    testApplication();
    Inspected s;
    s.state().keepSubscriptionDecision("T1", "accept");
    s.state().keepSubscriptionDecision("T2", "reject");
    s.inspector.refresh();
    REQUIRE(s.inspector.decisionsTable()->rowCount() == 2);
    s.inspector.forgetDecision(QStringLiteral("T1"));
    CHECK(s.state().subscriptionDecisions().size() == 1);
    CHECK(s.inspector.decisionsTable()->rowCount() == 1);

    s.state().setScope("scope.camera", core::ScopeState::Granted);
    s.inspector.captureIntoScenario();
    CHECK(s.model.scenario().initialState.scope("scope.camera") == core::ScopeState::Granted);
    CHECK(s.model.isModified());
    s.model.undoStack()->undo();
    CHECK(s.model.scenario().initialState.scope("scope.camera") == core::ScopeState::NeverAsked);
}

TEST_CASE("state inspector: storage keys can be viewed, edited as JSON, added and deleted")
{
    testApplication();
    Inspected s;
    s.state().storage().set("token", "abc");
    s.state().storage().set("cart", nlohmann::json{{"items", 2}});
    s.inspector.refresh();
    QTableWidget *table = s.inspector.storageTable();
    REQUIRE(table->rowCount() == 2);
    CHECK(table->item(0, 0)->text() == QStringLiteral("cart"));
    CHECK(table->item(0, 1)->text() == QStringLiteral("{\"items\":2}"));

    s.inspector.selectStorageKey(QStringLiteral("cart"));
    JsonEditor *value = s.inspector.storageValueEditor();
    CHECK(nlohmann::json::parse(value->text().toStdString()) == nlohmann::json{{"items", 2}});
    value->setText(QStringLiteral("{\"items\": 3, \"coupon\": null}"));
    value->validateNow();
    CHECK(*s.state().storage().find("cart") == nlohmann::json{{"items", 3}, {"coupon", nullptr}});
    // Invalid JSON is not stored; the refresh every second leaves the text alone.
    value->setText(QStringLiteral("{\"items\": "));
    value->validateNow();
    s.inspector.refresh();
    CHECK(value->text() == QStringLiteral("{\"items\": "));
    CHECK(*s.state().storage().find("cart") == nlohmann::json{{"items", 3}, {"coupon", nullptr}});

    CHECK(s.inspector.setStorageValue(QStringLiteral("new"), 42));
    CHECK(s.fixture.call("getStorage", {{"key", "new"}}).result.at("data") == 42);
    s.inspector.removeStorageKey(QStringLiteral("token"));
    CHECK(s.state().storage().find("token") == nullptr);
    s.inspector.clearStorage();
    CHECK(s.state().storage().empty());
    CHECK(table->rowCount() == 0);
}
