// The Console dock: its ring-buffer model, level and text filters, colours.

#include "catchqt.h"
#include "testapplication.h"

#include "docks/consoledock.h"
#include "docks/consolefiltermodel.h"
#include "docks/consolemodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>

#include <catch2/catch.hpp>

using namespace mpsim;
using namespace mpsim::test;
using namespace Qt::StringLiterals;
using Level = app::ConsoleModel::Level;

namespace {

QStringList messages(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, app::ConsoleModel::MessageColumn).data().toString());
    return result;
}

void fill(app::ConsoleModel &model)
{
    const QString page = u"mpsim://app/pages/index/index.js"_s;
    model.append(Level::Info, u"page loaded"_s, page, 3);
    model.append(Level::Warning, u"setData payload is large"_s, page, 27);
    model.append(Level::Error, u"TypeError: cannot read 'code'"_s, u"mpsim://app/app.js"_s, 12);
    model.append(Level::Info, u"login code received"_s, u"mpsim://app/app.js"_s, 8);
}

} // namespace

TEST_CASE("console: the ring buffer keeps the newest messages in order", "[docks]")
{
    testApplication();
    app::ConsoleModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model.capacity() == app::ConsoleModel::defaultCapacity);
    model.setCapacity(2);
    for (int i = 0; i < 5; ++i)
        model.append(Level::Info, QString::number(i), {}, 0);
    CHECK(messages(model) == QStringList{u"3"_s, u"4"_s});
    model.setCapacity(1);
    CHECK(messages(model) == QStringList{u"4"_s});
}

TEST_CASE("console: a row shows the source file name and line, coloured by level", "[docks]")
{
    testApplication();
    app::ConsoleModel model;
    fill(model);
    using M = app::ConsoleModel;
    CHECK(model.index(0, M::SourceColumn).data().toString() == u"index.js:3"_s);
    CHECK(model.index(0, M::SourceColumn).data(Qt::ToolTipRole).toString()
          == u"mpsim://app/pages/index/index.js:3"_s);
    CHECK(model.index(2, M::SourceColumn).data().toString() == u"app.js:12"_s);
    CHECK(model.index(2, M::LevelColumn).data().toString() == u"error"_s);
    CHECK(M::sourceLabel({}, 0).isEmpty());
    CHECK(M::sourceLabel(u"about:blank"_s, 0) == u"about:blank"_s);

    CHECK_FALSE(model.index(0, M::MessageColumn).data(Qt::ForegroundRole).isValid());
    const auto warning = model.index(1, M::MessageColumn).data(Qt::ForegroundRole).value<QColor>();
    const auto error = model.index(2, M::MessageColumn).data(Qt::ForegroundRole).value<QColor>();
    CHECK(warning.isValid());
    CHECK(error.red() > 150);
    CHECK(warning != error);
}

TEST_CASE("console dock: the level filter shows one level, the text filter narrows it", "[docks]")
{
    testApplication();
    app::ConsoleDock dock;
    CHECK(dock.objectName() == u"consoleDock"_s);
    QAbstractItemModelTester tester(dock.filterModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    fill(*dock.model());
    auto *levels = dock.findChild<QComboBox *>(u"consoleLevelFilter"_s);
    auto *text = dock.findChild<QLineEdit *>(u"consoleFilter"_s);
    REQUIRE(levels);
    REQUIRE(text);
    const QAbstractItemModel &shown = *dock.view()->model();
    REQUIRE(levels->count() == 4);

    CHECK(shown.rowCount() == 4);
    levels->setCurrentIndex(levels->findText(u"Errors"_s));
    CHECK(messages(shown) == QStringList{u"TypeError: cannot read 'code'"_s});
    levels->setCurrentIndex(levels->findText(u"Warnings"_s));
    CHECK(messages(shown) == QStringList{u"setData payload is large"_s});
    levels->setCurrentIndex(levels->findText(u"Info"_s));
    CHECK(messages(shown) == QStringList{u"page loaded"_s, u"login code received"_s});

    // Text filter: message or source, any case.
    text->setText(u"APP.JS"_s);
    CHECK(messages(shown) == QStringList{u"login code received"_s});
    levels->setCurrentIndex(levels->findText(u"All"_s));
    CHECK(shown.rowCount() == 2);

    // New messages pass through the filters.
    dock.model()->append(Level::Warning, u"late"_s, u"mpsim://app/app.js"_s, 40);
    CHECK(shown.rowCount() == 3);

    text->clear();
    auto *clear = dock.findChild<QPushButton *>(u"consoleClear"_s);
    REQUIRE(clear);
    clear->click();
    CHECK(dock.model()->rowCount() == 0);
    CHECK(shown.rowCount() == 0);
}

TEST_CASE("console dock: looks right", "[docks]")
{
    testApplication();
    app::ConsoleDock dock;
    fill(*dock.model());
    dock.model()->append(Level::Info, u"{\"code\":\"0a3f\"}"_s, u"mpsim://app/pages/login/login.js"_s,
                         55);
    dock.resize(800, 260);
    dock.show();
    dock.grab().save(u"/tmp/docks-console.png"_s);
    CHECK(dock.view()->model()->rowCount() == 5);
}
