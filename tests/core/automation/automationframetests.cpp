// The automation protocol's frames: what a request must look like, and the
// error each malformed one gets (core/automation/automationframe.h).

#include "automation/automationframe.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>

using namespace mpsim::core::automation;
using json = nlohmann::json;

TEST_CASE("automation frame: a request with a string id, method and params is read")
{
    const RequestParse parse
        = parseRequest(R"({"id":"6f1c","method":"Page.getData","params":{"pageId":1}})");
    REQUIRE(parse.ok());
    CHECK(parse.request->id == "6f1c");
    CHECK(parse.request->method == "Page.getData");
    CHECK(parse.request->params == json{{"pageId", 1}});
}

TEST_CASE("automation frame: a numeric id is kept as a number")
{
    const RequestParse parse = parseRequest(R"({"id":42,"method":"Tool.getInfo"})");
    REQUIRE(parse.ok());
    CHECK(parse.request->id == 42);
    CHECK(parse.request->id.is_number());
    CHECK(replyFrame(parse.request->id, json::object()) == R"({"id":42,"result":{}})");
}

TEST_CASE("automation frame: absent or null params are an empty object")
{
    for (const char *text : {R"({"id":"a","method":"App.exit"})",
                             R"({"id":"a","method":"App.exit","params":null})"}) {
        const RequestParse parse = parseRequest(text);
        REQUIRE(parse.ok());
        CHECK(parse.request->params == json::object());
    }
}

TEST_CASE("automation frame: text that is not JSON is an error naming where it broke")
{
    const RequestParse parse = parseRequest("{\"id\": \"a\", \"method\": ");
    REQUIRE_FALSE(parse.ok());
    CHECK(parse.id.is_null());
    CHECK(parse.error.starts_with("the frame is not JSON: "));
    CHECK(parse.error.find("column") != std::string::npos);
}

TEST_CASE("automation frame: a frame that is not an object is refused with its type")
{
    CHECK(parseRequest("[1,2]").error == "a request must be a JSON object, not an array");
    CHECK(parseRequest("\"x\"").error == "a request must be a JSON object, not a string");
    CHECK(parseRequest("null").error == "a request must be a JSON object, not null");
}

TEST_CASE("automation frame: the id must be there and be a string or a number")
{
    CHECK(parseRequest(R"({"method":"App.exit"})").error == "the request has no id");
    CHECK(parseRequest(R"({"id":null,"method":"App.exit"})").error == "the request has no id");
    CHECK(parseRequest(R"({"id":{},"method":"App.exit"})").error
          == "the request's id must be a string or a number, not an object");
    CHECK(parseRequest(R"({"id":true,"method":"App.exit"})").error
          == "the request's id must be a string or a number, not a boolean");
    const std::string longId(maxIdBytes + 1, 'x');
    CHECK(parseRequest(R"({"id":")" + longId + R"(","method":"App.exit"})").error
          == "the request's id is longer than 1024 bytes");
}

TEST_CASE("automation frame: a bad method or params keeps the id for the error reply")
{
    RequestParse parse = parseRequest(R"({"id":"k","params":{}})");
    CHECK(parse.error == "the request has no method");
    CHECK(parse.id == "k");
    parse = parseRequest(R"({"id":7,"method":12})");
    CHECK(parse.error == "the request's method must be a string, not an integer");
    CHECK(parse.id == 7);
    CHECK(parseRequest(R"({"id":7,"method":""})").error == "the request's method is empty");
    parse = parseRequest(R"({"id":"p","method":"App.exit","params":[1]})");
    CHECK(parse.error == "the request's params must be an object, not an array");
    CHECK(parse.id == "p");
}

TEST_CASE("automation frame: JSON nested too deep is refused before parsing")
{
    const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
    const RequestParse parse = parseRequest(deep);
    REQUIRE_FALSE(parse.ok());
    CHECK(parse.error == "the frame nests JSON deeper than 256 levels");
    // Brackets inside strings do not count.
    CHECK(jsonNestingDepth(R"({"a":"[[[[[[\"[[[["})") == 1);
    CHECK(jsonNestingDepth(R"([[{"a":[1]}]])") == 4);
}

TEST_CASE("automation frame: a frame over the size limit is refused unread")
{
    const std::string huge(maxFrameBytes + 1, ' ');
    CHECK(parseRequest(huge).error == "the frame is larger than 16 MiB");
}

TEST_CASE("automation frame: invalid UTF-8 is an error, and frames out never throw on it")
{
    const RequestParse parse = parseRequest("{\"id\":\"a\",\"method\":\"\xff\xfe\"}");
    REQUIRE_FALSE(parse.ok());
    const std::string frame = errorFrame("a", "bad \xff byte");
    CHECK(json::parse(frame)["error"]["message"] == "bad \xEF\xBF\xBD byte");
    CHECK(eventFrame("App.logAdded", {{"args", {"\xc3"}}}).find("App.logAdded") != std::string::npos);
}

TEST_CASE("automation frame: reply, error and event frames have the protocol's shape")
{
    CHECK(json::parse(replyFrame("x", {{"a", 1}})) == json{{"id", "x"}, {"result", {{"a", 1}}}});
    CHECK(json::parse(errorFrame(3, "nope")) == json{{"id", 3}, {"error", {{"message", "nope"}}}});
    CHECK(json::parse(errorFrame(nullptr, "nope"))["id"].is_null());
    CHECK(json::parse(eventFrame("App.bindingCalled", {{"name", "f"}}))
          == json{{"method", "App.bindingCalled"}, {"params", {{"name", "f"}}}});
}

TEST_CASE("automation frame: printable keeps ASCII, replaces the rest and cuts long text")
{
    CHECK(printable("ab\ncd\xff") == "ab?cd?");
    CHECK(printable(std::string(100, 'a'), 10) == "aaaaaaaaaa...");
}
