// The main window's Host profile dock: edits reach the core's next call.

#include "catchqt.h"
#include "testapplication.h"

#include "host/hostservices.h"
#include "mainwindow/mainwindow.h"
#include "profile/profilejsoneditor.h"

#include <QDockWidget>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace mpsim;
using namespace mpsim::test;

TEST_CASE("host profile dock: a valid edit applies to the next wx call")
{
    testApplication();
    QTemporaryDir stateDir;
    REQUIRE(stateDir.isValid());
    app::HostServices host(stateDir.path());
    app::MainWindow window(&host);
    REQUIRE(window.findChild<QDockWidget *>(QStringLiteral("hostProfileDock")));
    auto *editor = window.findChild<mockpanel::ProfileJsonEditor *>(
        QStringLiteral("hostProfileEditor"));
    REQUIRE(editor);

    editor->setText(QStringLiteral(R"({"user": {"nickName": "From the dock", "popup": "allow"}})"));
    editor->validateNow();
    core::ApiReply reply;
    host.core().invoke("getUserProfile", {{"desc", "d"}}, {"wxdock", "pages/index/index", true},
                       [&](core::ApiReply r) { reply = std::move(r); });
    REQUIRE(reply.ok);
    CHECK(reply.result.at("userInfo").at("nickName") == "From the dock");

    // An invalid edit leaves the applied profile in force.
    editor->setText(QStringLiteral(R"({"user": {"nickName": 1}})"));
    editor->validateNow();
    CHECK(host.core().hostProfile().user.nickName == "From the dock");

    window.resize(900, 800);
    window.show();
    window.grab().save(QStringLiteral("/tmp/mainwindow-dock.png"));
}

TEST_CASE("host services: host state is saved under the state folder")
{
    testApplication();
    QTemporaryDir stateDir;
    {
        app::HostServices host(stateDir.path());
        host.core().invoke("login", nullptr, {"wxsaved", {}, false}, [](core::ApiReply) {});
    } // flushed on destruction
    CHECK(QFile::exists(stateDir.filePath(QStringLiteral("wxsaved.json"))));
}
