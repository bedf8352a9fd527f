// The Call log dock: its ring-buffer model, the filter, copy and export.

#include "catchqt.h"
#include "testapplication.h"

#include "docks/calllogdock.h"
#include "docks/calllogfiltermodel.h"
#include "docks/calllogmodel.h"
#include "host/hostservices.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QClipboard>
#include <QColor>
#include <QDateTime>
#include <QFile>
#include <QGuiApplication>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace mpsim;
using namespace mpsim::test;
using namespace Qt::StringLiterals;
using nlohmann::json;

namespace {

core::CallRecord makeRecord(const std::string &api, bool ok = true, json args = json::object(),
                            std::string page = "pages/index/index")
{
    core::CallRecord record;
    record.api = api;
    record.args = std::move(args);
    record.context = {"wxdocks", std::move(page), true};
    record.reply.ok = ok;
    record.reply.result = {{"errMsg", api + (ok ? ":ok" : ":fail auth deny")}};
    record.startedAtMs = 1'700'000'000'000;
    record.settledAtMs = 1'700'000'000'042;
    return record;
}

// What a row's JSON must hold, written out independently of the model.
json expectedJson(const core::CallRecord &record)
{
    return {{"api", record.api},
            {"args", record.args},
            {"context",
             {{"appid", record.context.appid},
              {"page", record.context.page},
              {"userGesture", record.context.userGesture}}},
            {"reply", {{"ok", record.reply.ok}, {"result", record.reply.result}}},
            {"startedAtMs", record.startedAtMs},
            {"settledAtMs", record.settledAtMs}};
}

QStringList apis(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, app::CallLogModel::ApiColumn).data().toString());
    return result;
}

} // namespace

TEST_CASE("call log: the ring buffer keeps the newest rows in order", "[docks]")
{
    testApplication();
    app::CallLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model.capacity() == app::CallLogModel::defaultCapacity);
    model.setCapacity(3);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    for (int i = 0; i < 5; ++i)
        model.append(makeRecord("api" + std::to_string(i)));

    CHECK(model.rowCount() == 3);
    CHECK(apis(model) == QStringList{u"api2"_s, u"api3"_s, u"api4"_s});
    // Each overflow removed exactly the oldest row, announced to views.
    REQUIRE(removed.size() == 2);
    for (const auto &arguments : removed) {
        CHECK(arguments.at(1).toInt() == 0);
        CHECK(arguments.at(2).toInt() == 0);
    }

    // Shrinking drops the oldest rows at once.
    model.setCapacity(2);
    CHECK(apis(model) == QStringList{u"api3"_s, u"api4"_s});

    model.clear();
    CHECK(model.rowCount() == 0);
}

TEST_CASE("call log: columns show time, page, api, elided args, outcome and duration", "[docks]")
{
    testApplication();
    app::CallLogModel model;
    const std::string longValue(500, 'x');
    core::CallRecord failed = makeRecord("authorize", false, {{"scope", "scope.userLocation"},
                                                              {"blob", longValue}});
    model.append(makeRecord("getSetting"));
    model.append(failed);

    using M = app::CallLogModel;
    CHECK(model.index(0, M::TimeColumn).data().toString()
          == QDateTime::fromMSecsSinceEpoch(1'700'000'000'000).toString(u"hh:mm:ss.zzz"_s));
    CHECK(model.index(0, M::PageColumn).data().toString() == u"pages/index/index"_s);
    CHECK(model.index(0, M::OutcomeColumn).data().toString() == u"ok"_s);
    CHECK(model.index(0, M::DurationColumn).data().toInt() == 42);
    CHECK(model.index(0, 0).data(M::OkRole).toBool());

    const QString shown = model.index(1, M::ArgsColumn).data().toString();
    const QString full = model.index(1, M::ArgsColumn).data(Qt::ToolTipRole).toString();
    CHECK(shown.size() == M::argsDisplayLength);
    CHECK(shown.endsWith(QChar(0x2026)));
    CHECK(json::parse(full.toStdString()) == failed.args);
    CHECK(model.index(1, M::OutcomeColumn).data().toString() == u"authorize:fail auth deny"_s);
    CHECK_FALSE(model.index(1, 0).data(M::OkRole).toBool());
    CHECK(model.index(1, 0).data(Qt::ForegroundRole).value<QColor>().red() > 150);
    CHECK_FALSE(model.index(0, 0).data(Qt::ForegroundRole).isValid());
}

TEST_CASE("call log: the filter matches api, page, full args and outcome, any case", "[docks]")
{
    testApplication();
    app::CallLogModel model;
    app::CallLogFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);

    model.append(makeRecord("login"));
    // The searched text sits past the 200 characters the Args column shows.
    model.append(makeRecord("authorize", false,
                            {{"pad", std::string(300, '-')}, {"scope", "scope.userLocation"}}));
    model.append(makeRecord("getSetting", true, json::object(), "pages/profile/profile"));

    filter.setFilterText(u"LOGIN"_s);
    CHECK(apis(filter) == QStringList{u"login"_s});
    filter.setFilterText(u"userlocation"_s);
    CHECK(apis(filter) == QStringList{u"authorize"_s});
    filter.setFilterText(u"profile"_s);
    CHECK(apis(filter) == QStringList{u"getSetting"_s});
    filter.setFilterText(u"auth deny"_s);
    CHECK(apis(filter) == QStringList{u"authorize"_s});
    filter.setFilterText(u"no such call"_s);
    CHECK(filter.rowCount() == 0);

    filter.setFilterText({});
    filter.setFailuresOnly(true);
    CHECK(apis(filter) == QStringList{u"authorize"_s});
    // New rows go through the filter too.
    model.append(makeRecord("requestSubscribeMessage", false));
    CHECK(apis(filter) == QStringList{u"authorize"_s, u"requestSubscribeMessage"_s});
}

TEST_CASE("call log dock: the filter edit and the failures toggle drive the view", "[docks]")
{
    testApplication();
    app::CallLogDock dock(nullptr);
    CHECK(dock.objectName() == u"callLogDock"_s);
    dock.model()->append(makeRecord("login"));
    dock.model()->append(makeRecord("authorize", false));
    dock.model()->append(makeRecord("getSetting"));

    auto *edit = dock.findChild<QLineEdit *>(u"callLogFilter"_s);
    auto *failuresOnly = dock.findChild<QCheckBox *>(u"callLogFailuresOnly"_s);
    REQUIRE(edit);
    REQUIRE(failuresOnly);
    edit->setText(u"SETTING"_s);
    CHECK(dock.view()->model()->rowCount() == 1);
    edit->clear();
    failuresOnly->setChecked(true);
    CHECK(apis(*dock.view()->model()) == QStringList{u"authorize"_s});
    failuresOnly->setChecked(false);

    auto *clear = dock.findChild<QPushButton *>(u"callLogClear"_s);
    REQUIRE(clear);
    clear->click();
    CHECK(dock.model()->rowCount() == 0);
}

TEST_CASE("call log dock: Ctrl+C copies the selected row as the record's JSON", "[docks]")
{
    testApplication();
    app::CallLogDock dock(nullptr);
    const core::CallRecord wanted =
        makeRecord("authorize", false, {{"scope", "scope.userLocation"}, {"n", 3}});
    dock.model()->append(makeRecord("login"));
    dock.model()->append(wanted);
    dock.model()->append(makeRecord("getSetting"));
    QGuiApplication::clipboard()->clear();

    // Through the filter, so the proxy row is mapped back to the source row.
    dock.filterModel()->setFailuresOnly(true);
    dock.view()->selectRow(0);
    QTest::keyClick(dock.view(), Qt::Key_C, Qt::ControlModifier);

    const QString copied = QGuiApplication::clipboard()->text();
    REQUIRE_FALSE(copied.isEmpty());
    CHECK(json::parse(copied.toStdString()) == expectedJson(wanted));
    CHECK(dock.model()->rowJson(1) == copied.toStdString());

    // Several rows: an array in log order.
    dock.filterModel()->setFailuresOnly(false);
    dock.view()->selectAll();
    dock.copySelectedRows();
    const json all = json::parse(QGuiApplication::clipboard()->text().toStdString());
    REQUIRE(all.size() == 3);
    CHECK(all.at(1) == expectedJson(wanted));
}

TEST_CASE("call log dock: export writes every row as a JSON array", "[docks]")
{
    testApplication();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    app::CallLogDock dock(nullptr);
    const core::CallRecord first = makeRecord("login");
    const core::CallRecord second = makeRecord("authorize", false, {{"scope", "scope.record"}});
    dock.model()->append(first);
    dock.model()->append(second);
    dock.filterModel()->setFailuresOnly(true); // export ignores the filter

    const QString path = dir.filePath(u"calls.json"_s);
    REQUIRE(dock.exportToFile(path));
    CHECK(dock.lastExportError().isEmpty());
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const json written = json::parse(file.readAll().toStdString());
    CHECK(written == json::array({expectedJson(first), expectedJson(second)}));
    CHECK(written.dump(2) == dock.model()->exportJson());
}

TEST_CASE("call log dock: a failed export names the file and the reason", "[docks]")
{
    testApplication();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    app::CallLogDock dock(nullptr);
    dock.model()->append(makeRecord("login"));
    QSignalSpy failed(&dock, &app::CallLogDock::exportFailed);

    // A folder that does not exist, and a "folder" that is a file (root can
    // write anywhere, so permissions alone would not fail in CI containers).
    QFile plain(dir.filePath(u"plain"_s));
    REQUIRE(plain.open(QIODevice::WriteOnly));
    plain.close();
    for (const QString &path : {dir.filePath(u"missing/folder/calls.json"_s),
                                dir.filePath(u"plain/calls.json"_s)}) {
        CAPTURE(path);
        CHECK_FALSE(dock.exportToFile(path));
        const QString error = dock.lastExportError();
        CHECK(error.contains(path));
        CHECK(error.size() > path.size() + 30); // the reason follows the path
        CHECK_FALSE(QFile::exists(path));

        auto *box = dock.findChild<QMessageBox *>(u"callLogExportError"_s);
        REQUIRE(box);
        CHECK(box->text() == error);
        CHECK(box->isVisible());
        box->close();
        delete box; // WA_DeleteOnClose would only delete it on the next event loop turn
    }
    CHECK(failed.size() == 2);
}

TEST_CASE("call log dock: fed by HostServices::callSettled", "[docks]")
{
    testApplication();
    QTemporaryDir stateDir;
    REQUIRE(stateDir.isValid());
    app::HostServices host(stateDir.path());
    app::CallLogDock dock(&host);

    host.core().invoke("login", nullptr, {"wxdocks", "pages/index/index", false},
                       [](core::ApiReply) {});
    host.core().invoke("noSuchApi", nullptr, {"wxdocks", "pages/index/index", false},
                       [](core::ApiReply) {});
    REQUIRE(dock.model()->rowCount() == 2);
    CHECK(dock.model()->record(0).api == "login");
    CHECK(dock.model()->index(0, app::CallLogModel::OutcomeColumn).data().toString() == u"ok"_s);
    CHECK_FALSE(dock.model()->record(1).reply.ok);

    for (int i = 0; i < 8; ++i) {
        dock.model()->append(makeRecord(i % 3 ? "getSetting" : "authorize", i % 3 != 0,
                                        {{"scope", "scope.userLocation"}, {"i", i}},
                                        i % 2 ? "pages/index/index" : "pages/profile/profile"));
    }
    dock.resize(1000, 340);
    dock.show();
    dock.grab().save(u"/tmp/docks-calllog.png"_s);
}
