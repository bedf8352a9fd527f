// The mock panel's pages as a user drives them: a form edit shows in the JSON
// view beside it and the other way round, invalid JSON is marked on its line
// while the last valid value stays in force, and Ctrl+Z / Ctrl+Shift+Z /
// Ctrl+S work while the panel has focus.

#include "catchqt.h"
#include "mockpaneltestsupport.h"
#include "testapplication.h"

#include "mockpanel.h"
#include "profile/avatarpreview.h"
#include "profile/loginpage.h"
#include "profile/subscriptionspage.h"
#include "profile/userpage.h"
#include "scenario/corebinding.h"
#include "scenario/scenariomanager.h"
#include "scenario/workingscenario.h"
#include "widgets/jsoneditor.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace mpsim;
using namespace mpsim::mockpanel;
using namespace mpsim::test;

namespace {

template<typename T>
T *child(QWidget &parent, const QString &name)
{
    T *found = parent.findChild<T *>(name);
    REQUIRE(found);
    return found;
}

nlohmann::json jsonOf(JsonEditor *editor)
{
    return nlohmann::json::parse(editor->text().toStdString());
}

} // namespace

TEST_CASE("mock panel: typing a nickname shows in the User JSON view and applies to the core")
{
    testApplication();
    ScenarioManager manager;
    CoreFixture fixture;
    CoreBinding binding(*manager.model(), fixture.core, fixture.clock);
    MockPanel panel(manager);
    panel.setCurrentPage(MockPanel::UserPageIndex);
    auto *nick = child<QLineEdit>(panel, QStringLiteral("nickNameEdit"));
    auto *json = child<JsonEditor>(panel, QStringLiteral("userJson"));
    nick->clear();
    nick->setFocus();
    nick->selectAll();
    QTest::keyClicks(nick, QStringLiteral("Ada"));

    CHECK(manager.model()->hostProfile().user.nickName == "Ada");
    CHECK(jsonOf(json).at("nickName") == "Ada");
    CHECK(fixture.core.hostProfile().user.nickName == "Ada");
    CHECK(manager.model()->undoStack()->count() == 1); // one command for the burst

    // A combo too: gender.
    auto *gender = child<QComboBox>(panel, QStringLiteral("genderCombo"));
    gender->setCurrentIndex(gender->findData(QStringLiteral("2")));
    emit gender->activated(gender->currentIndex());
    CHECK(jsonOf(json).at("gender") == 2);
}

TEST_CASE("mock panel: a valid JSON edit updates the form, the text stays as typed")
{
    testApplication();
    ScenarioManager manager;
    MockPanel panel(manager);
    auto *json = child<JsonEditor>(panel, QStringLiteral("userJson"));
    const QString typed = QStringLiteral("{\"nickName\": \"From JSON\", \"city\": \"Shenzhen\"}");
    json->setText(typed);
    json->validateNow();
    CHECK(json->problem().isEmpty());
    CHECK(child<QLineEdit>(panel, QStringLiteral("nickNameEdit"))->text() == QStringLiteral("From JSON"));
    CHECK(child<QLineEdit>(panel, QStringLiteral("cityEdit"))->text() == QStringLiteral("Shenzhen"));
    CHECK(json->text() == typed); // keys left out are defaults, not rewritten under the cursor
    // The whole-profile JSON page follows.
    auto *whole = child<QWidget>(panel, QStringLiteral("hostProfileEditor"));
    CHECK(whole->findChild<QPlainTextEdit *>()->toPlainText().contains(QStringLiteral("From JSON")));
}

TEST_CASE("mock panel: invalid JSON marks its line, and the last valid value stays in force")
{
    testApplication();
    ScenarioManager manager;
    CoreFixture fixture;
    CoreBinding binding(*manager.model(), fixture.core, fixture.clock);
    MockPanel panel(manager);
    auto *json = child<JsonEditor>(panel, QStringLiteral("userJson"));
    auto *status = json->findChild<QLabel *>(QStringLiteral("jsonStatus"));
    REQUIRE(status);
    QSignalSpy problems(json, &JsonEditor::problemChanged);

    json->setText(QStringLiteral("{\n  \"nickName\": \"Broken\",\n  \"city\": \n}"));
    json->validateNow();
    CHECK(json->problem().startsWith(QStringLiteral("line 4, column 1: invalid JSON")));
    CHECK(json->problemLine() == 4);
    REQUIRE(json->textEdit()->extraSelections().size() == 1);
    CHECK(json->textEdit()->extraSelections().at(0).cursor.blockNumber() == 3);
    CHECK(status->text().contains(QStringLiteral("stays in force")));
    CHECK(manager.model()->hostProfile().user.nickName == "mpsim user");
    CHECK(fixture.core.hostProfile().user.nickName == "mpsim user");
    CHECK(problems.count() == 1);

    // Valid JSON, invalid value: marked on its key's line.
    json->setText(QStringLiteral("{\n  \"nickName\": \"Broken\",\n  \"gender\": 7\n}"));
    json->validateNow();
    CHECK(json->problem() == QStringLiteral("/gender: must be between 0 and 2"));
    CHECK(json->problemLine() == 3);
    CHECK(manager.model()->hostProfile().user.nickName == "mpsim user");

    // Typing is not blocked: validation waits for a pause.
    json->setText(QStringLiteral("{\"nickName\": \"Fixed\"}"));
    CHECK(manager.model()->hostProfile().user.nickName == "mpsim user");
    waitFor([&] { return manager.model()->hostProfile().user.nickName == "Fixed"; },
            JsonEditor::ValidationDelayMs * 8);
    CHECK(manager.model()->hostProfile().user.nickName == "Fixed");
    CHECK(json->problem().isEmpty());
    CHECK(json->textEdit()->extraSelections().isEmpty());
}

TEST_CASE("mock panel: Ctrl+Z and Ctrl+Shift+Z undo and redo while the panel has focus")
{
    testApplication();
    ScenarioManager manager;
    MockPanel panel(manager);
    panel.resize(900, 700);
    panel.setCurrentPage(MockPanel::UserPageIndex);
    auto *nick = child<QLineEdit>(panel, QStringLiteral("nickNameEdit"));
    auto *json = child<JsonEditor>(panel, QStringLiteral("userJson"));
    activate(panel, nick);
    REQUIRE(QApplication::focusWidget() == nick);

    nick->selectAll();
    QTest::keyClicks(nick, QStringLiteral("Undone"));
    REQUIRE(manager.model()->hostProfile().user.nickName == "Undone");

    QTest::keyClick(nick, Qt::Key_Z, Qt::ControlModifier);
    CHECK(manager.model()->hostProfile().user.nickName == "mpsim user");
    CHECK(nick->text() == QStringLiteral("mpsim user"));
    CHECK(jsonOf(json).at("nickName") == "mpsim user");
    CHECK_FALSE(manager.model()->isModified());

    QTest::keyClick(nick, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(manager.model()->hostProfile().user.nickName == "Undone");
    CHECK(nick->text() == QStringLiteral("Undone"));
    CHECK(manager.model()->isModified());

    // Undo also reverts an edit made in the JSON view.
    json->setText(QStringLiteral("{\"nickName\": \"Via JSON\"}"));
    json->validateNow();
    json->textEdit()->setFocus();
    waitFor([&] { return QApplication::focusWidget() == json->textEdit(); }, 2000);
    QTest::keyClick(json->textEdit(), Qt::Key_Z, Qt::ControlModifier);
    CHECK(manager.model()->hostProfile().user.nickName == "Undone");
    CHECK(jsonOf(json).at("nickName") == "Undone");
}

TEST_CASE("mock panel: Ctrl+S saves the scenario while the panel has focus")
{
    testApplication();
    QTemporaryDir dir;
    ScenarioManager manager;
    const QString path = dir.filePath(QStringLiteral("ctrl-s.mpsim.json"));
    manager.chooseFile = [&](const QString &, const QString &, bool forSave) {
        return forSave ? path : QString();
    };
    MockPanel panel(manager);
    panel.setCurrentPage(MockPanel::AccountPageIndex);
    auto *version = child<QLineEdit>(panel, QStringLiteral("versionEdit"));
    activate(panel, version);
    QTest::keyClicks(version, QStringLiteral("1.2.3"));
    REQUIRE(manager.model()->isModified());
    QTest::keyClick(version, Qt::Key_S, Qt::ControlModifier);
    CHECK_FALSE(manager.model()->isModified());
    CHECK(core::Scenario::load(path.toStdString())->hostProfile.account.version == "1.2.3");
}

TEST_CASE("mock panel: the login page's choices and fields")
{
    testApplication();
    ScenarioManager manager;
    MockPanel panel(manager);
    LoginPage *login = panel.loginPage();
    QSignalSpy chosen(login, &LoginPage::apiVersionChosen);

    child<QRadioButton>(*login, QStringLiteral("loginFixedCode"))->click();
    auto *code = child<QLineEdit>(*login, QStringLiteral("loginCode"));
    CHECK(code->isEnabled());
    QTest::keyClicks(code, QStringLiteral("fixed-1"));
    CHECK(manager.model()->hostProfile().login.fixedCode == "fixed-1");
    CHECK(jsonOf(login->jsonEditor()).at("code") == "fixed-1");

    child<QRadioButton>(*login, QStringLiteral("loginFail"))->click();
    CHECK_FALSE(manager.model()->hostProfile().login.succeed);
    CHECK(child<QSpinBox>(*login, QStringLiteral("loginErrno"))->isEnabled());
    CHECK_FALSE(code->isEnabled());
    child<QSpinBox>(*login, QStringLiteral("loginErrno"))->setValue(1234);
    CHECK(manager.model()->hostProfile().login.failErrno == 1234);

    auto *api = child<QComboBox>(*login, QStringLiteral("apiVersionCombo"));
    api->setCurrentIndex(api->findData(QStringLiteral("v1")));
    emit api->activated(api->currentIndex());
    REQUIRE(chosen.count() == 1);
    CHECK(chosen.at(0).at(0).toString() == QStringLiteral("v1"));
}

TEST_CASE("mock panel: SOTER modes and authentication, authorization per scope")
{
    testApplication();
    ScenarioManager manager;
    MockPanel panel(manager);
    child<QCheckBox>(panel, QStringLiteral("facialSupported"))->click();
    CHECK(manager.model()->hostProfile().soter.supportModes
          == std::vector<std::string>{"fingerPrint", "facial"});
    child<QCheckBox>(panel, QStringLiteral("fingerPrintSupported"))->click();
    CHECK(manager.model()->hostProfile().soter.supportModes == std::vector<std::string>{"facial"});
    auto *policy = child<QComboBox>(panel, QStringLiteral("soterPolicyCombo"));
    policy->setCurrentIndex(policy->findData(QStringLiteral("frozen")));
    emit policy->activated(policy->currentIndex());
    CHECK(manager.model()->hostProfile().soter.policy == core::SoterPolicy::Frozen);

    auto *camera = child<QComboBox>(panel, QStringLiteral("scope.camera"));
    camera->setCurrentIndex(camera->findData(QStringLiteral("deny")));
    emit camera->activated(camera->currentIndex());
    CHECK(manager.model()->hostProfile().authorize.policyFor("scope.camera") == core::PopupPolicy::Deny);
    CHECK(manager.model()->hostProfile().authorize.policyFor("scope.record") == core::PopupPolicy::Ask);
}

TEST_CASE("mock panel: subscription templates are edited in a table, a duplicate id is refused")
{
    testApplication();
    ScenarioManager manager;
    MockPanel panel(manager);
    auto *page = qobject_cast<SubscriptionsPage *>(panel.page(MockPanel::SubscriptionsPageIndex));
    REQUIRE(page);
    // The presets come with the demo's sample templates: start from none.
    manager.model()->editProfile(QStringLiteral("clear"), {},
                                 [](core::HostProfile &p) { p.subscriptions.templates.clear(); });
    page->addTemplate();
    page->addTemplate();
    REQUIRE(manager.model()->hostProfile().subscriptions.templates.size() == 2);
    QTableWidget *table = page->templatesTable();
    table->item(0, SubscriptionsPage::IdColumn)->setText(QStringLiteral("TMPL_ORDER"));
    CHECK(manager.model()->hostProfile().subscriptions.templates[0].id == "TMPL_ORDER");
    table->item(1, SubscriptionsPage::BannedColumn)->setCheckState(Qt::Checked);
    CHECK(manager.model()->hostProfile().subscriptions.templates[1].banned);

    table->item(1, SubscriptionsPage::IdColumn)->setText(QStringLiteral("TMPL_ORDER"));
    CHECK(manager.model()->hostProfile().subscriptions.templates[1].id == "tmpl-2");
    CHECK(table->item(1, SubscriptionsPage::IdColumn)->text() == QStringLiteral("tmpl-2"));
    CHECK(child<QLabel>(*page, QStringLiteral("templatesProblem"))->text().contains(QStringLiteral("twice")));
    CHECK(jsonOf(page->jsonEditor()).at("templates").size() == 2);
}

TEST_CASE("mock panel: the avatar preview shows an image once it loads, a note otherwise")
{
    testApplication();
    ScenarioManager manager;
    MockPanel panel(manager);
    auto *user = qobject_cast<UserPage *>(panel.page(MockPanel::UserPageIndex));
    REQUIRE(user);
    AvatarPreview *preview = user->avatarPreview();
    QSignalSpy finished(preview, &AvatarPreview::previewFinished);

    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    const QString dataUrl = QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
    auto *url = child<QLineEdit>(*user, QStringLiteral("avatarUrlEdit"));
    url->setText(dataUrl);
    emit url->textEdited(dataUrl);
    waitFor([&] { return preview->hasImage(); }, 5000);
    CHECK(preview->hasImage());

    emit url->textEdited(QStringLiteral("not a url at all"));
    waitFor([&] { return !preview->hasImage(); }, 5000);
    CHECK_FALSE(preview->hasImage());
    CHECK(preview->text().contains(QStringLiteral("no preview")));
}

TEST_CASE("mock panel: its page and splitter survive saveState/restoreState")
{
    testApplication();
    ScenarioManager manager;
    MockPanel panel(manager);
    panel.setCurrentPage(MockPanel::RulesPageIndex);
    const QByteArray state = panel.saveState();
    MockPanel other(manager);
    CHECK(other.currentPage() == MockPanel::ScenarioPageIndex);
    other.restoreState(state);
    CHECK(other.currentPage() == MockPanel::RulesPageIndex);
    other.restoreState("garbage");
    CHECK(other.currentPage() == MockPanel::RulesPageIndex);
}
