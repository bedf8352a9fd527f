// The working scenario: undoable edits (merged while typing), the unsaved
// mark, files that are refused without changing anything, the project's
// mockConfig rules saved byte for byte, and the binding to a running core.

#include "catchqt.h"
#include "mockpaneltestsupport.h"
#include "testapplication.h"

#include "mock/scenariopresets.h"
#include "scenario/corebinding.h"
#include "scenario/workingscenario.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace mpsim;
using namespace mpsim::mockpanel;
using namespace mpsim::test;

namespace {

const QString mockData = QStringLiteral(MPSIM_TEST_DATA_DIR "/mock");

void setNick(WorkingScenario &model, const QString &nick)
{
    model.editProfile(QStringLiteral("nickName"), QStringLiteral("user/nickName"),
                      [&](core::HostProfile &p) { p.user.nickName = nick.toStdString(); });
}

} // namespace

TEST_CASE("working scenario: starts as the New user preset, unmodified")
{
    testApplication();
    WorkingScenario model;
    CHECK(model.origin() == WorkingScenario::Origin::Preset);
    CHECK(model.presetId() == QStringLiteral("new-user"));
    CHECK(model.displayName() == QStringLiteral("New user"));
    CHECK_FALSE(model.isModified());
}

TEST_CASE("working scenario: an edit is a command, typing in one field is one step")
{
    testApplication();
    WorkingScenario model;
    QSignalSpy changed(&model, &WorkingScenario::changed);
    setNick(model, QStringLiteral("A"));
    setNick(model, QStringLiteral("Al"));
    setNick(model, QStringLiteral("Ali"));
    CHECK(model.undoStack()->count() == 1);
    CHECK(changed.count() == 3);
    CHECK(changed.last().at(0).value<WorkingScenario::Parts>() == WorkingScenario::Part::Profile);
    CHECK(model.isModified());

    // An equal value is no edit at all.
    CHECK_FALSE(model.editProfile(QStringLiteral("same"), {}, [](core::HostProfile &p) {
        p.user.nickName = "Ali";
    }));

    model.editProfile(QStringLiteral("gender"), QStringLiteral("user/gender"),
                      [](core::HostProfile &p) { p.user.gender = 2; });
    CHECK(model.undoStack()->count() == 2);

    model.undoStack()->undo();
    CHECK(model.hostProfile().user.gender == 0);
    CHECK(model.hostProfile().user.nickName == "Ali");
    model.undoStack()->undo();
    CHECK(model.hostProfile().user.nickName == "mpsim user");
    CHECK_FALSE(model.isModified());
    model.undoStack()->redo();
    CHECK(model.hostProfile().user.nickName == "Ali");
    CHECK(model.isModified());
}

TEST_CASE("working scenario: typing a value back to where it was leaves nothing to undo")
{
    testApplication();
    WorkingScenario model;
    model.edit(QStringLiteral("other"), {}, [](core::Scenario &s) { s.description = "x"; });
    setNick(model, QStringLiteral("mpsim userX"));
    setNick(model, QStringLiteral("mpsim user"));
    CHECK(model.undoStack()->count() == 1);
}

TEST_CASE("working scenario: save as, then the mark clears, the file reads back")
{
    testApplication();
    QTemporaryDir dir;
    WorkingScenario model;
    setNick(model, QStringLiteral("Saved"));
    QString error;
    const QString path = dir.filePath(QStringLiteral("qa/saved.mpsim.json"));
    REQUIRE(model.saveAs(path, &error));
    CHECK(error.isEmpty());
    CHECK_FALSE(model.isModified());
    CHECK(model.origin() == WorkingScenario::Origin::File);
    CHECK(model.filePath() == path);
    CHECK(model.displayName() == QStringLiteral("saved.mpsim.json"));
    auto read = core::Scenario::load(path.toStdString());
    REQUIRE(read.ok());
    CHECK(read->hostProfile.user.nickName == "Saved");
    // No temporary file is left next to it (atomic writes rename theirs).
    CHECK(QDir(dir.filePath(QStringLiteral("qa"))).entryList(QDir::Files)
          == QStringList{QStringLiteral("saved.mpsim.json")});
}

TEST_CASE("working scenario: an invalid or newer file changes nothing and says why")
{
    testApplication();
    QTemporaryDir dir;
    WorkingScenario model;
    setNick(model, QStringLiteral("Kept"));
    QSignalSpy replaced(&model, &WorkingScenario::documentReplaced);

    const QString broken = dir.filePath(QStringLiteral("broken.mpsim.json"));
    writeAll(broken, "{\n  \"version\": 1,\n  \"name\": \"x\",\n  \"hostProfile\": {\"user\": {\"gender\": 9}}\n}\n");
    QString error;
    CHECK_FALSE(model.loadFile(broken, &error));
    CHECK(error == broken + QStringLiteral(":/hostProfile/user/gender: must be between 0 and 2"));

    const QString newer = dir.filePath(QStringLiteral("newer.mpsim.json"));
    writeAll(newer, "{\"version\": 7, \"name\": \"from the future\"}");
    CHECK_FALSE(model.loadFile(newer, &error));
    CHECK(error.contains(QStringLiteral("written by a newer mpsim (version 7)")));

    const QString syntax = dir.filePath(QStringLiteral("syntax.mpsim.json"));
    writeAll(syntax, "{\n  \"version\": 1,,\n}");
    CHECK_FALSE(model.loadFile(syntax, &error));
    CHECK(error.startsWith(syntax + QStringLiteral(":2:")));

    CHECK_FALSE(model.loadFile(dir.filePath(QStringLiteral("missing.mpsim.json")), &error));
    CHECK(error.endsWith(QStringLiteral("no such file")));

    CHECK(replaced.isEmpty());
    CHECK(model.hostProfile().user.nickName == "Kept");
    CHECK(model.isModified());
    CHECK(model.undoStack()->count() == 1);
}

TEST_CASE("working scenario: opening a file or a preset replaces the history")
{
    testApplication();
    WorkingScenario model;
    QSignalSpy replaced(&model, &WorkingScenario::documentReplaced);
    setNick(model, QStringLiteral("Gone"));
    REQUIRE(model.loadFile(mockData + QStringLiteral("/checkout.mpsim.json"), nullptr));
    CHECK(model.undoStack()->count() == 0);
    CHECK_FALSE(model.isModified());
    REQUIRE(model.loadPreset(QStringLiteral("denies-everything")));
    CHECK(model.hostProfile().authorize.defaultPolicy == core::PopupPolicy::Deny);
    CHECK_FALSE(model.loadPreset(QStringLiteral("no-such-preset")));
    REQUIRE(replaced.count() == 2);
    CHECK(replaced.at(0).at(0).toBool()); // opened: the initial state applies
}

TEST_CASE("working scenario: a restored autosave keeps its unsaved mark and the host state")
{
    testApplication();
    WorkingScenario model;
    setNick(model, QStringLiteral("Unsaved"));
    const core::ScenarioAutosave autosave = model.autosave();
    CHECK(autosave.modified);

    WorkingScenario restored;
    QSignalSpy replaced(&restored, &WorkingScenario::documentReplaced);
    restored.restore(autosave);
    CHECK(restored.hostProfile().user.nickName == "Unsaved");
    CHECK(restored.isModified());
    CHECK(restored.presetId() == QStringLiteral("new-user"));
    REQUIRE(replaced.count() == 1);
    CHECK_FALSE(replaced.at(0).at(0).toBool());
}

TEST_CASE("working scenario: the project's rules save back byte for byte apart from the edit")
{
    testApplication();
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("project.config.json"));
    REQUIRE(QFile::copy(mockData + QStringLiteral("/project.config.json"), config));
    QFile::setPermissions(config, QFile::ReadOwner | QFile::WriteOwner);

    WorkingScenario model;
    REQUIRE(model.setProject(config, nullptr));
    REQUIRE(model.projectRules().rules.rules.size() == 2);
    CHECK_FALSE(model.isProjectModified());
    model.editRules(RuleSet::Project, QStringLiteral("enable"), {},
                    [](core::MockRules &rules) { rules.rules[1].enable = true; });
    CHECK(model.isProjectModified());
    CHECK_FALSE(model.isModified()); // the scenario is another document
    CHECK(model.undoStackFor(RuleSet::Project)->count() == 1);
    CHECK(model.undoStack()->count() == 0);

    QString error;
    REQUIRE(model.saveProjectRules(&error));
    CHECK_FALSE(model.isProjectModified());
    CHECK(readAll(config) == readAll(mockData + QStringLiteral("/project.config.edited.json")));
}

TEST_CASE("working scenario: the scenario's rules come before the project's")
{
    testApplication();
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("project.config.json"));
    REQUIRE(QFile::copy(mockData + QStringLiteral("/project.config.json"), config));
    WorkingScenario model;
    REQUIRE(model.setProject(config, nullptr));
    model.editRules(RuleSet::Scenario, QStringLiteral("add"), {}, [](core::MockRules &rules) {
        rules.rules.push_back(core::MockRule::create("invokeNativePlugin"));
    });
    const core::MockRules inForce = model.rulesInForce();
    REQUIRE(inForce.rules.size() == 3);
    CHECK(inForce.rules[0].ruleId == model.rules(RuleSet::Scenario).rules[0].ruleId);
    model.editProjectRules(QStringLiteral("off"), {},
                           [](core::MockConfig &c) { c.rules.globalOpen = false; });
    CHECK(model.rulesInForce().rules.size() == 1);
    // No project: no project rules.
    REQUIRE(model.setProject(QString(), nullptr));
    CHECK_FALSE(model.hasProject());
    CHECK(model.rules(RuleSet::Project).rules.empty());
}

TEST_CASE("core binding: every edit reaches the core's next call at once")
{
    testApplication();
    CoreFixture fixture;
    WorkingScenario model;
    CoreBinding binding(model, fixture.core, fixture.clock);

    model.editProfile(QStringLiteral("user"), {}, [](core::HostProfile &p) {
        p.user.nickName = "Live";
        p.user.popup = core::PopupPolicy::Allow;
    });
    auto reply = fixture.call("getUserProfile", {{"desc", "show your name"}});
    REQUIRE(reply.ok);
    CHECK(reply.result.at("userInfo").at("nickName") == "Live");

    model.editRules(RuleSet::Scenario, QStringLiteral("rule"), {}, [](core::MockRules &rules) {
        core::MockRule rule = core::MockRule::create("login");
        rule.resStr = R"({"code": "from the rule"})";
        rules.rules.push_back(rule);
    });
    CHECK(fixture.call("login").result.at("code") == "from the rule");
    model.undoStack()->undo();
    CHECK(fixture.call("login").result.at("code") != "from the rule");

    model.edit(QStringLiteral("clock"), {}, [](core::Scenario &s) { s.clockOffsetMs = 300'000; });
    CHECK(fixture.clock.offset() == std::chrono::milliseconds(300'000));
}

TEST_CASE("core binding: an opened scenario's initial state reaches each mini-program once")
{
    testApplication();
    CoreFixture fixture;
    WorkingScenario model;
    CoreBinding binding(model, fixture.core, fixture.clock);
    binding.setAppid(QStringLiteral("wxfirst"));
    fixture.store.state("wxfirst").setScope("scope.camera", core::ScopeState::Granted);

    REQUIRE(model.loadPreset(QStringLiteral("returning-user")));
    CHECK(fixture.store.state("wxfirst").scope("scope.userLocation") == core::ScopeState::Granted);
    binding.setAppid(QStringLiteral("wxsecond"));
    CHECK(fixture.store.state("wxsecond").sessionValid(fixture.clock.nowMs()));

    // Shown again under the same scenario: the state it built up is kept.
    fixture.store.state("wxfirst").setScope("scope.camera", core::ScopeState::Denied);
    binding.setAppid(QStringLiteral("wxfirst"));
    CHECK(fixture.store.state("wxfirst").scope("scope.camera") == core::ScopeState::Denied);

    // A restored scenario (start-up) leaves host state alone.
    model.restore(model.autosave());
    binding.setAppid(QStringLiteral("wxthird"));
    CHECK_FALSE(fixture.store.state("wxthird").session().has_value());
}
