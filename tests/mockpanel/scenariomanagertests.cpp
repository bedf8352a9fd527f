// Scenarios as files: --scenario, switching with the unsaved-changes prompt,
// save and save as, the autosave, and the Scenario toolbar's combo.

#include "catchqt.h"
#include "mockpaneltestsupport.h"
#include "testapplication.h"

#include "mock/scenarioautosave.h"
#include "scenario/scenariomanager.h"
#include "scenario/scenariotoolbar.h"
#include "scenario/workingscenario.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QTemporaryDir>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace mpsim;
using namespace mpsim::mockpanel;
using namespace mpsim::test;

namespace {

const QString mockData = QStringLiteral(MPSIM_TEST_DATA_DIR "/mock");

// A manager whose dialogs answer from the test.
struct ScriptedManager
{
    ScenarioManager manager;
    QStringList asked;
    ScenarioManager::UnsavedChoice answer = ScenarioManager::UnsavedChoice::Cancel;
    QString fileToChoose;
    QStringList errors;

    ScriptedManager()
    {
        manager.askUnsaved = [this](const QString &question) {
            asked << question;
            return answer;
        };
        manager.chooseFile = [this](const QString &, const QString &, bool) { return fileToChoose; };
        manager.showError = [this](const QString &, const QString &message) { errors << message; };
    }
    WorkingScenario &model() { return *manager.model(); }
    void edit(const QString &nick)
    {
        model().editProfile(QStringLiteral("nick"), QStringLiteral("nick"),
                            [&](core::HostProfile &p) { p.user.nickName = nick.toStdString(); });
    }
};

} // namespace

TEST_CASE("scenario manager: --scenario loads a file or a preset, and refuses a bad one")
{
    testApplication();
    ScriptedManager s;
    QString error;
    REQUIRE(s.manager.loadScenarioFile(mockData + QStringLiteral("/checkout.mpsim.json"), &error));
    CHECK(s.model().origin() == WorkingScenario::Origin::File);
    CHECK(s.manager.recentFiles().value(0).endsWith(QStringLiteral("checkout.mpsim.json")));
    REQUIRE(s.manager.loadScenarioFile(QStringLiteral("preset:no-biometrics"), &error));
    CHECK(s.model().hostProfile().soter.supportModes.empty());
    CHECK(s.manager.reference() == QStringLiteral("preset:no-biometrics"));

    CHECK_FALSE(s.manager.loadScenarioFile(QStringLiteral("preset:nope"), &error));
    CHECK(error.startsWith(QStringLiteral("nope: no such preset (presets: new-user, ")));
    CHECK_FALSE(s.manager.loadScenarioFile(QStringLiteral("/no/such/file.mpsim.json"), &error));
    CHECK(error == QStringLiteral("/no/such/file.mpsim.json: no such file"));
    CHECK(s.manager.reference() == QStringLiteral("preset:no-biometrics"));
    CHECK(s.asked.isEmpty()); // the command line never asks
}

TEST_CASE("scenario manager: switching asks about unsaved edits, Cancel keeps them")
{
    testApplication();
    ScriptedManager s;
    s.edit(QStringLiteral("Mine"));
    s.answer = ScenarioManager::UnsavedChoice::Cancel;
    CHECK_FALSE(s.manager.switchToPreset(QStringLiteral("denies-everything")));
    REQUIRE(s.asked.size() == 1);
    CHECK(s.asked[0].contains(QStringLiteral("\u201cNew user\u201d has unsaved changes")));
    CHECK(s.model().hostProfile().user.nickName == "Mine");

    s.answer = ScenarioManager::UnsavedChoice::Discard;
    CHECK(s.manager.switchToPreset(QStringLiteral("denies-everything")));
    CHECK(s.model().presetId() == QStringLiteral("denies-everything"));
    CHECK_FALSE(s.model().isModified());

    // Nothing unsaved: no question.
    CHECK(s.manager.switchToPreset(QStringLiteral("new-user")));
    CHECK(s.asked.size() == 2);
}

TEST_CASE("scenario manager: Save on a preset asks where, then saves to that file")
{
    testApplication();
    QTemporaryDir dir;
    ScriptedManager s;
    s.edit(QStringLiteral("To keep"));
    s.fileToChoose = dir.filePath(QStringLiteral("kept"));
    REQUIRE(s.manager.save());
    CHECK(s.model().filePath() == dir.filePath(QStringLiteral("kept.mpsim.json")));
    CHECK_FALSE(s.model().isModified());
    // Later saves go to the file without asking.
    s.fileToChoose.clear();
    s.edit(QStringLiteral("Again"));
    REQUIRE(s.manager.save());
    CHECK(core::Scenario::load(dir.filePath(QStringLiteral("kept.mpsim.json")).toStdString())
              ->hostProfile.user.nickName
          == "Again");
    // Save with "Save" in the prompt, before switching.
    s.edit(QStringLiteral("Saved by the prompt"));
    s.answer = ScenarioManager::UnsavedChoice::Save;
    REQUIRE(s.manager.switchToPreset(QStringLiteral("no-biometrics")));
    CHECK(core::Scenario::load(dir.filePath(QStringLiteral("kept.mpsim.json")).toStdString())
              ->hostProfile.user.nickName
          == "Saved by the prompt");
}

TEST_CASE("scenario manager: a file that cannot be opened is reported, nothing changes")
{
    testApplication();
    QTemporaryDir dir;
    ScriptedManager s;
    s.edit(QStringLiteral("Still here"));
    s.answer = ScenarioManager::UnsavedChoice::Discard;
    const QString newer = dir.filePath(QStringLiteral("newer.mpsim.json"));
    writeAll(newer, "{\"version\": 2, \"name\": \"n\"}");
    CHECK_FALSE(s.manager.openFile(newer));
    REQUIRE(s.errors.size() == 1);
    CHECK(s.errors[0].contains(QStringLiteral("written by a newer mpsim (version 2)")));
    CHECK(s.errors[0].contains(QStringLiteral("The working scenario is unchanged.")));
    CHECK(s.model().hostProfile().user.nickName == "Still here");
}

TEST_CASE("scenario manager: the autosave brings back unsaved edits after a restart")
{
    testApplication();
    QTemporaryDir dir;
    const QString autosave = dir.filePath(QStringLiteral("state/.scenario-autosave.json"));
    const QString file = dir.filePath(QStringLiteral("work.mpsim.json"));
    {
        ScriptedManager s;
        s.manager.setAutosavePath(autosave);
        REQUIRE(s.model().saveAs(file, nullptr));
        s.edit(QStringLiteral("Not saved yet"));
        // Written a moment after the edit (and at exit), not on every keystroke.
        waitFor([&] { return QFile::exists(autosave); }, ScenarioManager::AutosaveDelayMs * 3);
        REQUIRE(QFile::exists(autosave));
    } // "killed" here: nothing saved the file
    CHECK(core::Scenario::load(file.toStdString())->hostProfile.user.nickName == "mpsim user");

    ScriptedManager next;
    next.manager.setAutosavePath(autosave);
    REQUIRE(next.manager.restore(QString()));
    CHECK(next.model().hostProfile().user.nickName == "Not saved yet");
    CHECK(next.model().isModified());
    CHECK(next.model().filePath() == file);
}

TEST_CASE("scenario manager: without an autosave, the last scenario comes back, a broken one is kept aside")
{
    testApplication();
    QTemporaryDir dir;
    const QString autosave = dir.filePath(QStringLiteral("autosave.json"));
    writeAll(autosave, "{ not json");
    ScriptedManager s;
    s.manager.setAutosavePath(autosave);
    REQUIRE(s.manager.restore(QStringLiteral("preset:session-expired")));
    CHECK(s.model().presetId() == QStringLiteral("session-expired"));
    CHECK_FALSE(s.model().isModified());
    CHECK(QFile::exists(autosave + QStringLiteral(".corrupt")));
    CHECK_FALSE(s.manager.restore(QStringLiteral("/gone.mpsim.json")));
}

TEST_CASE("scenario toolbar: the combo lists the presets and switches, marking unsaved edits")
{
    testApplication();
    ScriptedManager s;
    ScenarioToolBar bar(s.manager);
    QComboBox *combo = bar.combo();
    REQUIRE(combo->count() == 6);
    CHECK(combo->currentText() == QStringLiteral("New user"));
    CHECK(combo->itemText(5) == QStringLiteral("Subscriptions banned"));

    s.edit(QStringLiteral("x"));
    CHECK(combo->currentText() == QStringLiteral("New user *"));

    s.answer = ScenarioManager::UnsavedChoice::Cancel;
    const int denies = combo->findData(QStringLiteral("preset:denies-everything"));
    combo->setCurrentIndex(denies);
    emit combo->activated(denies);
    CHECK(combo->currentText() == QStringLiteral("New user *")); // cancelled: back

    s.answer = ScenarioManager::UnsavedChoice::Discard;
    emit combo->activated(denies);
    CHECK(combo->currentText() == QStringLiteral("Denies everything"));
    CHECK(s.model().presetId() == QStringLiteral("denies-everything"));

    REQUIRE(s.manager.loadScenarioFile(mockData + QStringLiteral("/checkout.mpsim.json"), nullptr));
    CHECK(combo->currentText() == QStringLiteral("checkout.mpsim.json"));
    CHECK(combo->count() == 8); // presets, a separator, the file
}
