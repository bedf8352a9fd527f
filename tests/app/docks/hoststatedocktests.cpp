// The Host state dock: what it shows of one appid and what its buttons do.

#include "catchqt.h"
#include "testapplication.h"

#include "docks/hoststatedock.h"
#include "host/hostservices.h"

#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <chrono>

using namespace mpsim;
using namespace mpsim::test;
using namespace Qt::StringLiterals;

namespace {

const QString appid = u"wxhoststate"_s;

std::string login(app::HostServices &host)
{
    std::string code;
    host.core().invoke("login", nullptr, {appid.toStdString(), "pages/index/index", false},
                       [&](core::ApiReply reply) {
                           REQUIRE(reply.ok);
                           code = reply.result.at("code").get<std::string>();
                       });
    return code;
}

QString cell(const QStandardItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

QString labelText(const app::HostStateDock &dock, const QString &name)
{
    const auto *label = dock.findChild<QLabel *>(name);
    REQUIRE(label);
    return label->text();
}

QPushButton *button(const app::HostStateDock &dock, const QString &name)
{
    auto *found = dock.findChild<QPushButton *>(name);
    REQUIRE(found);
    return found;
}

} // namespace

TEST_CASE("host state dock: shows scopes, session, codes and decisions of its appid", "[docks]")
{
    testApplication();
    QTemporaryDir stateDir;
    REQUIRE(stateDir.isValid());
    app::HostServices host(stateDir.path());
    app::HostStateDock dock(host);
    CHECK(dock.objectName() == u"hostStateDock"_s);
    CHECK_FALSE(button(dock, u"expireSessionButton"_s)->isEnabled());

    dock.setAppid(appid);
    CHECK(labelText(dock, u"hostStateSession"_s) == u"no session"_s);
    CHECK(labelText(dock, u"hostStateClockOffset"_s).startsWith(u"none"_s));

    // A call refreshes the dock through callSettled.
    const std::string code = login(host);
    REQUIRE(dock.codesModel()->rowCount() == 1);
    CHECK(cell(dock.codesModel(), 0, 0) == QString::fromStdString(code));
    CHECK(cell(dock.codesModel(), 0, 1) == u"0 s"_s);
    CHECK(cell(dock.codesModel(), 0, 2) == u"unused"_s);
    CHECK(labelText(dock, u"hostStateSession"_s).startsWith(u"valid until "_s));

    // The newest code comes first; a used code says so.
    const std::string second = login(host);
    REQUIRE(host.core().exchangeCode(appid.toStdString(), {}, second).errcode == 0);
    dock.refresh();
    REQUIRE(dock.codesModel()->rowCount() == 2);
    CHECK(cell(dock.codesModel(), 0, 0) == QString::fromStdString(second));
    CHECK(cell(dock.codesModel(), 0, 2) == u"used"_s);

    core::HostState &state = host.core().store().state(appid.toStdString());
    state.setScope("scope.userLocation", core::ScopeState::Granted);
    state.setScope("scope.record", core::ScopeState::Denied);
    state.keepSubscriptionDecision("tmpl-order-shipped", "accept");
    dock.refresh();
    REQUIRE(dock.scopesModel()->rowCount() == 2);
    CHECK(cell(dock.scopesModel(), 0, 0) == u"scope.record"_s);
    CHECK(cell(dock.scopesModel(), 0, 1) == u"Denied"_s);
    CHECK(cell(dock.scopesModel(), 1, 0) == u"scope.userLocation"_s);
    CHECK(cell(dock.scopesModel(), 1, 1) == u"Granted"_s);
    REQUIRE(dock.decisionsModel()->rowCount() == 1);
    CHECK(cell(dock.decisionsModel(), 0, 0) == u"tmpl-order-shipped"_s);
    CHECK(cell(dock.decisionsModel(), 0, 1) == u"accept"_s);

    dock.resize(520, 640);
    dock.show();
    dock.grab().save(u"/tmp/docks-hoststate.png"_s);

    // Another appid shows its own (empty) state.
    dock.setAppid(u"wxother"_s);
    CHECK(dock.scopesModel()->rowCount() == 0);
    CHECK(dock.codesModel()->rowCount() == 0);
}

TEST_CASE("host state dock: the buttons change the core's state and the tables", "[docks]")
{
    testApplication();
    QTemporaryDir stateDir;
    REQUIRE(stateDir.isValid());
    app::HostServices host(stateDir.path());
    app::HostStateDock dock(host);
    dock.setAppid(appid);
    const std::string id = appid.toStdString();
    const std::string code = login(host);
    core::HostState &state = host.core().store().state(id);
    state.setScope("scope.userLocation", core::ScopeState::Granted);
    state.keepSubscriptionDecision("tmpl-a", "reject");
    dock.refresh();
    REQUIRE(dock.scopesModel()->rowCount() == 1);

    button(dock, u"clearAuthorizationButton"_s)->click();
    CHECK(state.authSetting().empty());
    CHECK(state.subscriptionDecisions().empty());
    CHECK(dock.scopesModel()->rowCount() == 0);
    CHECK(dock.decisionsModel()->rowCount() == 0);

    REQUIRE(state.sessionValid(host.clock().nowMs()));
    button(dock, u"expireSessionButton"_s)->click();
    CHECK_FALSE(state.sessionValid(host.clock().nowMs()));
    CHECK(labelText(dock, u"hostStateSession"_s) == u"no session"_s);

    const auto before = host.clock().offset();
    button(dock, u"clockForwardButton"_s)->click();
    CHECK(host.clock().offset() - before == std::chrono::minutes(5));
    CHECK(labelText(dock, u"hostStateClockOffset"_s) == u"+5 min"_s);
    REQUIRE(dock.codesModel()->rowCount() == 1);
    CHECK(cell(dock.codesModel(), 0, 1) == u"5 min"_s);
    CHECK(cell(dock.codesModel(), 0, 2) == u"expired"_s);
    CHECK(host.core().exchangeCode(id, {}, code).errcode == 40029);
    dock.resize(520, 640);
    dock.show();
    dock.grab().save(u"/tmp/docks-hoststate-after-buttons.png"_s);

    // A session that ran out (rather than being ended) reads "expired".
    login(host);
    host.advanceClock(std::chrono::hours(24 * 365));
    CHECK(labelText(dock, u"hostStateSession"_s) == u"expired"_s);
}

TEST_CASE("host state dock: durations read naturally", "[docks]")
{
    using D = app::HostStateDock;
    CHECK(D::formatDuration(0) == u"0 s"_s);
    CHECK(D::formatDuration(59'999) == u"59 s"_s);
    CHECK(D::formatDuration(60'000) == u"1 min"_s);
    CHECK(D::formatDuration(243'000) == u"4 min 3 s"_s);
    CHECK(D::formatDuration(7'500'000) == u"2 h 5 min"_s);
    CHECK(D::formatDuration(90'000'000) == u"1 d 1 h"_s);
}
