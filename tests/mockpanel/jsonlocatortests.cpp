// Where a JSON pointer's value is written: the line an error is marked on.

#include "catchqt.h"

#include "widgets/jsonlocator.h"

#include <catch2/catch.hpp>

using mpsim::mockpanel::lineOfJsonPointer;

namespace {

const QString text = QStringLiteral(
    "{\n"                                    // 1
    "  \"user\": {\n"                        // 2
    "    \"nickName\": \"a\",\n"             // 3
    "    \"gender\": 7\n"                    // 4
    "  },\n"                                 // 5
    "  \"templates\": [\n"                   // 6
    "    {\"id\": \"x\"},\n"                 // 7
    "    {\n"                                // 8
    "      \"title\": \"no id\"\n"           // 9
    "    }\n"                                // 10
    "  ],\n"                                 // 11
    "  \"a/b\": [1,\n"                       // 12
    "    2]\n"                               // 13
    "}\n");

} // namespace

TEST_CASE("json locator: a member's line is its key's line")
{
    CHECK(lineOfJsonPointer(text, QStringLiteral("/user")) == 2);
    CHECK(lineOfJsonPointer(text, QStringLiteral("/user/gender")) == 4);
    CHECK(lineOfJsonPointer(text, QStringLiteral("/templates/0/id")) == 7);
    CHECK(lineOfJsonPointer(text, QStringLiteral("/templates/1/title")) == 9);
}

TEST_CASE("json locator: array elements, escaped tokens, the whole document")
{
    CHECK(lineOfJsonPointer(text, QStringLiteral("/templates/1")) == 8);
    CHECK(lineOfJsonPointer(text, QStringLiteral("/a~1b/1")) == 13);
    CHECK(lineOfJsonPointer(text, QString()) == 1);
}

TEST_CASE("json locator: a missing member falls back to its deepest parent")
{
    CHECK(lineOfJsonPointer(text, QStringLiteral("/user/language")) == 2);
    CHECK(lineOfJsonPointer(text, QStringLiteral("/templates/1/id")) == 8);
    CHECK(lineOfJsonPointer(text, QStringLiteral("/nothing")) == 0);
}

TEST_CASE("json locator: a key inside a string value is not a key")
{
    const QString tricky = QStringLiteral("{\n  \"a\": \"\\\"gender\\\": 1\",\n  \"gender\": 2\n}");
    CHECK(lineOfJsonPointer(tricky, QStringLiteral("/gender")) == 3);
}
