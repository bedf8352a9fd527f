// The host profile's JSON view: validation on every change, the error with
// its location, and the last valid profile kept in force.

#include "catchqt.h"
#include "testapplication.h"

#include "profile/profilejsoneditor.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>

#include <catch2/catch.hpp>

using namespace mpsim;
using namespace mpsim::test;

namespace {

// The marked (error) lines of the editor, 1-based.
QList<int> markedLines(mockpanel::ProfileJsonEditor &editor)
{
    QList<int> lines;
    auto *edit = editor.findChild<QPlainTextEdit *>();
    for (const auto &selection : edit->extraSelections())
        lines.append(selection.cursor.blockNumber() + 1);
    return lines;
}

} // namespace

TEST_CASE("profile JSON view: a valid edit emits the new profile")
{
    testApplication();
    mockpanel::ProfileJsonEditor editor;
    QSignalSpy edited(&editor, &mockpanel::ProfileJsonEditor::profileEdited);
    editor.setText(QStringLiteral(R"({"user": {"nickName": "Edited"}})"));
    editor.validateNow();
    REQUIRE(edited.count() == 1);
    CHECK(edited.at(0).at(0).value<core::HostProfile>().user.nickName == "Edited");
    CHECK(editor.problem().isEmpty());
    CHECK(markedLines(editor).isEmpty());
}

TEST_CASE("profile JSON view: broken JSON shows its line and keeps the old profile")
{
    testApplication();
    mockpanel::ProfileJsonEditor editor;
    QSignalSpy edited(&editor, &mockpanel::ProfileJsonEditor::profileEdited);
    editor.setText(QStringLiteral("{\n  \"user\": {\n    \"nickName\": \"x\",\n  }\n}"));
    editor.validateNow();
    CHECK(edited.isEmpty());
    CHECK(editor.problem().startsWith(QStringLiteral("line 4, column 3: invalid JSON")));
    CHECK(markedLines(editor) == QList<int>{4});
    auto *status = editor.findChild<QLabel *>();
    CHECK(status->text().contains(QStringLiteral("previous profile stays in force")));
}

TEST_CASE("profile JSON view: an invalid value is marked on its key's line")
{
    testApplication();
    mockpanel::ProfileJsonEditor editor;
    editor.setText(QStringLiteral("{\n  \"user\": {\n    \"gender\": 7\n  }\n}"));
    editor.validateNow();
    CHECK(editor.problem().startsWith(QStringLiteral("/user/gender: must be between 0 and 2")));
    CHECK(markedLines(editor) == QList<int>{3});
}

TEST_CASE("profile JSON view: fixing the text clears the problem")
{
    testApplication();
    mockpanel::ProfileJsonEditor editor;
    QSignalSpy problems(&editor, &mockpanel::ProfileJsonEditor::problemChanged);
    editor.setText(QStringLiteral("{"));
    editor.validateNow();
    editor.setText(QStringLiteral("{}"));
    editor.validateNow();
    REQUIRE(problems.count() == 2);
    CHECK_FALSE(problems.at(0).at(0).toString().isEmpty());
    CHECK(problems.at(1).at(0).toString().isEmpty());
}
