// The Rules page: adding and editing rules, reordering them (drag and drop,
// Up/Down, undo), the response JSON editor, filters, function rules, and the
// project's project.config.json rules saved byte for byte.

#include "catchqt.h"
#include "mockpaneltestsupport.h"
#include "testapplication.h"

#include "mockpanel.h"
#include "rules/ruleeditor.h"
#include "rules/rulelistmodel.h"
#include "rules/rulespage.h"
#include "scenario/corebinding.h"
#include "scenario/scenariomanager.h"
#include "scenario/workingscenario.h"
#include "widgets/jsoneditor.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace mpsim;
using namespace mpsim::mockpanel;
using namespace mpsim::test;

namespace {

const QString mockData = QStringLiteral(MPSIM_TEST_DATA_DIR "/mock");

template<typename T>
T *child(QWidget &parent, const QString &name)
{
    T *found = parent.findChild<T *>(name);
    REQUIRE(found);
    return found;
}

std::vector<std::string> namesOf(const core::MockRules &rules)
{
    std::vector<std::string> names;
    for (const auto &rule : rules.rules)
        names.push_back(rule.ruleName);
    return names;
}

void addNamedRule(RulesPage &page, const QString &name)
{
    page.addRule();
    auto *edit = child<QLineEdit>(*page.editor(), QStringLiteral("ruleName"));
    edit->selectAll();
    QTest::keyClicks(edit, name);
}

} // namespace

TEST_CASE("rules page: a new rule answers the next call, its form edits it")
{
    testApplication();
    ScenarioManager manager;
    CoreFixture fixture;
    CoreBinding binding(*manager.model(), fixture.core, fixture.clock);
    MockPanel panel(manager);
    RulesPage *page = panel.rulesPage();
    page->setKnownApis({QStringLiteral("getLocation"), QStringLiteral("login")});

    page->addRule();
    REQUIRE(manager.model()->scenario().rules.rules.size() == 1);
    CHECK(page->currentRule() == 0);
    CHECK(fixture.call("login").result.at("code") == "mock-code");

    auto *api = child<QComboBox>(*page->editor(), QStringLiteral("ruleApi"));
    api->setEditText(QStringLiteral("getLocation"));
    auto *response = page->editor()->responseEditor();
    response->setText(QStringLiteral("{\n  \"latitude\": 22.5\n}"));
    response->validateNow();
    auto reply = fixture.call("getLocation");
    CHECK(reply.ok);
    CHECK(reply.result.at("latitude") == 22.5);
    CHECK(manager.model()->scenario().rules.rules[0].resStr == "{\n  \"latitude\": 22.5\n}");

    child<QRadioButton>(*page->editor(), QStringLiteral("ruleFail"))->click();
    reply = fixture.call("getLocation");
    CHECK_FALSE(reply.ok);
    CHECK(reply.result.at("errMsg") == "getLocation:fail");

    child<QCheckBox>(*page->editor(), QStringLiteral("ruleEnable"))->click();
    CHECK(fixture.call("getLocation").result.at("errMsg") != "getLocation:fail");
}

TEST_CASE("rules page: an invalid response is marked and the last valid one answers")
{
    testApplication();
    ScenarioManager manager;
    CoreFixture fixture;
    CoreBinding binding(*manager.model(), fixture.core, fixture.clock);
    MockPanel panel(manager);
    RulesPage *page = panel.rulesPage();
    page->addRule();
    auto *response = page->editor()->responseEditor();
    response->setText(QStringLiteral("{\n  \"code\": \"half\n}"));
    response->validateNow();
    CHECK(response->problemLine() == 2);
    CHECK(fixture.call("login").result.at("code") == "mock-code");
    response->setText(QStringLiteral("[1, 2]"));
    response->validateNow();
    CHECK(response->problem() == QStringLiteral("the response must be a JSON object"));
    CHECK(fixture.call("login").result.at("code") == "mock-code");
}

TEST_CASE("rules page: a rule with a filter answers only matching calls")
{
    testApplication();
    ScenarioManager manager;
    CoreFixture fixture;
    CoreBinding binding(*manager.model(), fixture.core, fixture.clock);
    MockPanel panel(manager);
    RulesPage *page = panel.rulesPage();
    page->addRule();
    QTableWidget *filters = page->editor()->filtersTable();
    REQUIRE(filters->rowCount() == 1); // the IDE's catch-all filter
    filters->item(0, 0)->setText(QStringLiteral("timeout"));
    filters->item(0, 1)->setText(QStringLiteral("^4\\d$"));
    CHECK(manager.model()->scenario().rules.rules[0].filterList[0].propRegString == "^4\\d$");
    CHECK(fixture.call("login", {{"timeout", 42}}).result.at("code") == "mock-code");
    CHECK(fixture.call("login", {{"timeout", 7}}).result.at("code") != "mock-code");

    // A broken expression is shown and never matches.
    filters->item(0, 1)->setText(QStringLiteral("(unclosed"));
    CHECK_FALSE(filters->item(0, 1)->icon().isNull());
    CHECK(fixture.call("login", {{"timeout", 42}}).result.at("code") != "mock-code");
}

TEST_CASE("rules page: drag and drop, Up and Down reorder rules, undo puts them back")
{
    testApplication();
    ScenarioManager manager;
    MockPanel panel(manager);
    RulesPage *page = panel.rulesPage();
    addNamedRule(*page, QStringLiteral("A"));
    addNamedRule(*page, QStringLiteral("B"));
    addNamedRule(*page, QStringLiteral("C"));
    const auto &rules = manager.model()->scenario().rules;
    REQUIRE(namesOf(rules) == std::vector<std::string>{"A", "B", "C"});
    QUndoStack *undo = manager.model()->undoStack();
    const int before = undo->count();

    // What QListView's internal move does with a drop: A below C.
    RuleListModel *list = page->listModel();
    page->setCurrentRule(0);
    REQUIRE(list->moveRow(QModelIndex(), 0, QModelIndex(), 3));
    CHECK(namesOf(manager.model()->scenario().rules) == std::vector<std::string>{"B", "C", "A"});
    CHECK(page->currentRule() == 2); // the moved rule stays selected
    // A drop from another view arrives as mime data: C to the top.
    std::unique_ptr<QMimeData> mime(list->mimeData({list->index(1)}));
    list->dropMimeData(mime.get(), Qt::MoveAction, 0, 0, QModelIndex());
    CHECK(namesOf(manager.model()->scenario().rules) == std::vector<std::string>{"C", "B", "A"});

    page->setCurrentRule(2);
    child<QToolButton>(*page, QStringLiteral("ruleUpButton"))->click();
    CHECK(namesOf(manager.model()->scenario().rules) == std::vector<std::string>{"C", "A", "B"});
    CHECK(page->currentRule() == 1);
    child<QToolButton>(*page, QStringLiteral("ruleDownButton"))->click();
    CHECK(namesOf(manager.model()->scenario().rules) == std::vector<std::string>{"C", "B", "A"});
    CHECK(undo->count() == before + 4);

    undo->undo();
    undo->undo();
    undo->undo();
    undo->undo();
    CHECK(namesOf(manager.model()->scenario().rules) == std::vector<std::string>{"A", "B", "C"});
    undo->redo();
    CHECK(namesOf(manager.model()->scenario().rules) == std::vector<std::string>{"B", "C", "A"});

    // The first enabled match wins: the order is what answers.
    CHECK(list->data(list->index(0), Qt::DisplayRole).toString().startsWith(QStringLiteral("B")));
}

TEST_CASE("rules page: a function rule is stored as functionSource, without a logic layer it says so")
{
    testApplication();
    ScenarioManager manager;
    CoreFixture fixture;
    CoreBinding binding(*manager.model(), fixture.core, fixture.clock);
    MockPanel panel(manager);
    RulesPage *page = panel.rulesPage();
    page->addRule();
    child<QRadioButton>(*page->editor(), QStringLiteral("ruleFunctionKind"))->click();
    const core::MockRule &rule = manager.model()->scenario().rules.rules[0];
    REQUIRE(rule.functionSource.has_value());
    CHECK(rule.functionSource->find("function (options)") == 0);
    auto *source = child<QPlainTextEdit>(*page->editor(), QStringLiteral("ruleFunction"));
    source->setPlainText(QStringLiteral("function (o) { return {code: o.timeout}; }"));
    CHECK(*manager.model()->scenario().rules.rules[0].functionSource
          == "function (o) { return {code: o.timeout}; }");
    CHECK(manager.model()->scenario().rules.toJson()[0]["functionSource"]
          == "function (o) { return {code: o.timeout}; }");
    const auto reply = fixture.call("login");
    CHECK_FALSE(reply.ok);
    CHECK(reply.result.at("errMsg").get<std::string>().find("no logic layer") != std::string::npos);

    child<QRadioButton>(*page->editor(), QStringLiteral("ruleResponseKind"))->click();
    CHECK_FALSE(manager.model()->scenario().rules.rules[0].functionSource.has_value());
    CHECK(fixture.call("login").result.at("code") == "mock-code");
}

TEST_CASE("rules page: project.config.json round-trips byte for byte apart from the edited rule")
{
    testApplication();
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("project.config.json"));
    writeAll(config, readAll(mockData + QStringLiteral("/project.config.json")));
    ScenarioManager manager;
    REQUIRE(manager.model()->setProject(config, nullptr));
    MockPanel panel(manager);
    panel.setCurrentPage(MockPanel::RulesPageIndex);
    RulesPage *page = panel.rulesPage();
    child<QToolButton>(*page, QStringLiteral("projectRulesButton"))->click();
    REQUIRE(page->ruleSet() == RuleSet::Project);
    REQUIRE(page->listModel()->rowCount() == 2);

    // Ctrl+Z now acts on the project's rules, the document being edited.
    page->setCurrentRule(1);
    auto *enable = child<QCheckBox>(*page->editor(), QStringLiteral("ruleEnable"));
    CHECK_FALSE(enable->isChecked());
    enable->click();
    CHECK(manager.model()->isProjectModified());
    manager.undoAction()->trigger();
    CHECK_FALSE(manager.model()->isProjectModified());
    manager.redoAction()->trigger();
    CHECK(manager.model()->isProjectModified());

    auto *save = child<QPushButton>(*page, QStringLiteral("saveProjectRulesButton"));
    CHECK(save->isEnabled());
    save->click();
    CHECK_FALSE(manager.model()->isProjectModified());
    CHECK(readAll(config) == readAll(mockData + QStringLiteral("/project.config.edited.json")));
}
