// wx.request through a fake HttpClient.

#include "everydayhost.h"

#include "crypto/base64.h"

using namespace mpsim::core;
using namespace mpsim::core::test;
using json = nlohmann::json;

namespace {

HttpResponse okResponse(std::string body, int status = 200,
                        std::vector<std::pair<std::string, std::string>> headers = {})
{
    HttpResponse response;
    response.statusCode = status;
    response.body = std::move(body);
    response.headers = std::move(headers);
    return response;
}

} // namespace

TEST_CASE("request: a GET succeeds with data, statusCode, header and cookies")
{
    EverydayHost host;
    auto pending = host.call("request", {{"url", "https://api.example.com/items"}});
    REQUIRE_FALSE(pending.settled());
    REQUIRE(host.http.sent.size() == 1);
    const HttpRequest &sent = host.http.sent[0];
    CHECK(sent.url == "https://api.example.com/items");
    CHECK(sent.method == "GET");
    CHECK(sent.body.empty());
    CHECK(sent.timeoutMs == 60000);
    CHECK(host.http.lastHeader("content-type") == "application/json");
    CHECK(host.http.lastHeader("Referer")
          == "https://servicewechat.com/" + std::string(TestHost::appid)
                 + "/devtools/page-frame.html");

    host.http.respond(okResponse(R"({"items": [1, 2]})", 200,
                                 {{"Content-Type", "application/json"},
                                  {"Set-Cookie", "a=1; Path=/"},
                                  {"Set-Cookie", "b=2"}}));
    REQUIRE(pending.settled());
    CHECK(pending.result()
          == json{{"data", {{"items", {1, 2}}}},
                  {"statusCode", 200},
                  {"header",
                   {{"Content-Type", "application/json"}, {"Set-Cookie", "a=1; Path=/, b=2"}}},
                  {"cookies", {"a=1; Path=/", "b=2"}},
                  {"errMsg", "request:ok"}});
    CHECK(*pending.count == 1);
}

TEST_CASE("request: any status code is a success, the page reads statusCode")
{
    EverydayHost host;
    auto pending = host.call("request", {{"url", "http://127.0.0.1:8080/missing"}});
    host.http.respond(okResponse("Not Found", 404));
    CHECK(pending.ok());
    CHECK(pending.result().at("statusCode") == 404);
    CHECK(pending.result().at("data") == "Not Found");
}

TEST_CASE("request: dataType json parses the body, falling back to text, other types keep text")
{
    EverydayHost host;
    const std::vector<std::tuple<json, std::string, json>> cases{
        {json::object(), R"({"a":1})", json{{"a", 1}}},
        {json::object(), "\xEF\xBB\xBF[1]", json::array({1})}, // a BOM is skipped
        {json::object(), "not json", "not json"},
        {json::object(), "", ""},
        {json::object(), "42", 42},
        {json{{"dataType", "text"}}, R"({"a":1})", R"({"a":1})"},
        {json{{"dataType", "other"}}, "[1]", "[1]"},
    };
    for (const auto &[options, body, expected] : cases) {
        INFO(body);
        json args = options;
        args["url"] = "https://example.com/";
        auto pending = host.call("request", args);
        host.http.respond(okResponse(body));
        CHECK(pending.result().at("data") == expected);
    }
}

TEST_CASE("request: responseType arraybuffer sends the body as base64 for the facade")
{
    EverydayHost host;
    auto pending = host.call("request", {{"url", "https://example.com/bytes"},
                                         {"responseType", "arraybuffer"}});
    const std::string bytes("\x00\x01\xFF{}", 5);
    host.http.respond(okResponse(bytes));
    CHECK(pending.result().at("data") == crypto::base64Encode(bytes));
}

TEST_CASE("request: GET data becomes the query string")
{
    EverydayHost host;
    host.call("request", {{"url", "https://example.com/search?lang=en#top"},
                          {"data", {{"q", "a b&c"}, {"page", 2}, {"tags", {"x"}}}}});
    CHECK(host.http.sent.back().url
          == "https://example.com/search?lang=en&page=2&q=a%20b%26c&tags=%5B%22x%22%5D#top");
    CHECK(host.http.sent.back().body.empty());
    host.call("request", {{"url", "https://example.com/s"}, {"data", "raw=1"}});
    CHECK(host.http.sent.back().url == "https://example.com/s?raw=1");
    host.call("request", {{"url", "https://example.com/s?"}, {"data", {{"k", "v"}}}});
    CHECK(host.http.sent.back().url == "https://example.com/s?k=v");
}

TEST_CASE("request: other methods send data as JSON, or form-encoded when the content-type says so")
{
    EverydayHost host;
    host.call("request", {{"url", "https://example.com/"}, {"method", "post"},
                          {"data", {{"name", "Lin"}, {"age", 30}}}});
    CHECK(host.http.sent.back().method == "POST");
    CHECK(json::parse(host.http.sent.back().body) == json{{"name", "Lin"}, {"age", 30}});
    CHECK(host.http.sent.back().url == "https://example.com/");

    host.call("request", {{"url", "https://example.com/"}, {"method", "PUT"},
                          {"header", {{"Content-Type", "application/x-www-form-urlencoded"}}},
                          {"data", {{"name", "Lin Mei"}, {"ok", true}}}});
    CHECK(host.http.sent.back().body == "name=Lin%20Mei&ok=true");
    CHECK(host.http.lastHeader("content-type") == "application/x-www-form-urlencoded");

    host.call("request", {{"url", "https://example.com/"}, {"method", "DELETE"},
                          {"data", "plain text"}});
    CHECK(host.http.sent.back().body == "plain text");
    host.call("request", {{"url", "https://example.com/"}, {"method", "POST"},
                          {"data", json::array({1, 2})}});
    CHECK(host.http.sent.back().body == "[1,2]");
}

TEST_CASE("request: headers are sent as strings, the page cannot set Referer")
{
    EverydayHost host;
    host.call("request", {{"url", "https://example.com/"},
                          {"header", {{"X-Count", 3}, {"X-Flag", true}, {"Referer", "evil"},
                                      {"Authorization", "Bearer t"}}}});
    CHECK(host.http.lastHeader("X-Count") == "3");
    CHECK(host.http.lastHeader("X-Flag") == "true");
    CHECK(host.http.lastHeader("Authorization") == "Bearer t");
    CHECK(host.http.lastHeader("Referer")->starts_with("https://servicewechat.com/"));
}

TEST_CASE("request: timeout, method and every platform method")
{
    EverydayHost host;
    host.call("request", {{"url", "https://example.com/"}, {"timeout", 1500}});
    CHECK(host.http.sent.back().timeoutMs == 1500);
    host.call("request", {{"url", "https://example.com/"}, {"timeout", -1}});
    CHECK(host.http.sent.back().timeoutMs == 60000);
    for (const std::string method :
         {"OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "CONNECT"}) {
        host.call("request", {{"url", "https://example.com/"}, {"method", method}});
        CHECK(host.http.sent.back().method == method);
    }
    const ApiReply patch = host.now("request", {{"url", "https://example.com/"},
                                                {"method", "PATCH"}});
    CHECK(patch.result.at("errMsg")
          == "request:fail parameter error: parameter.method should be one of OPTIONS, GET, HEAD, "
             "POST, PUT, DELETE, TRACE, CONNECT;");
}

TEST_CASE("request: url is required and must be an absolute http(s) URL")
{
    EverydayHost host;
    CHECK(host.now("request").result.at("errMsg")
          == "request:fail parameter error: parameter.url should be String instead of Undefined;");
    for (const std::string url : {"/api/items", "ftp://example.com/", "https://", "http:///x",
                                  "https://exa mple.com/", "example.com", "https://host:port/",
                                  "javascript:alert(1)", ""}) {
        INFO(url);
        const ApiReply reply = host.now("request", {{"url", url}});
        CHECK_FALSE(reply.ok);
        CHECK(reply.result.at("errMsg") == "request:fail invalid url \"" + url + "\"");
        CHECK(reply.result.at("errno") == 600009);
    }
    CHECK(host.http.sent.empty());
    for (const std::string url : {"HTTPS://EXAMPLE.COM", "http://127.0.0.1:8080/a?b#c",
                                  "https://user:pw@example.com/", "http://[::1]:80/"}) {
        INFO(url);
        host.call("request", {{"url", url}});
    }
    CHECK(host.http.sent.size() == 4);
}

TEST_CASE("request: a timeout and a network error fail in the platform's words")
{
    EverydayHost host;
    auto timedOut = host.call("request", {{"url", "https://example.com/"}, {"timeout", 10}});
    HttpResponse timeout;
    timeout.outcome = HttpResponse::Outcome::Timeout;
    host.http.respond(timeout);
    CHECK(timedOut.result() == json{{"errMsg", "request:fail timeout"}, {"errno", 5}});

    auto refused = host.call("request", {{"url", "http://127.0.0.1:1/"}});
    HttpResponse error;
    error.outcome = HttpResponse::Outcome::NetworkError;
    error.errorText = "Connection refused";
    host.http.respond(error);
    CHECK(refused.errMsg() == "request:fail Connection refused");
    CHECK(refused.result().at("errno") == 600001);
}

TEST_CASE("request: without a network the call fails at once")
{
    TestHost host;
    CHECK(host.now("request", {{"url", "https://example.com/"}}).result.at("errMsg")
          == "request:fail internal error: the host has no network access");
}

TEST_CASE("request: a response after the core is gone is ignored, the call still ends once")
{
    int replies = 0;
    FakeHttpClient http;
    {
        EverydayHost host;
        host.core.setHttpClient(&http);
        host.core.invoke("request", {{"url", "https://example.com/"}},
                         CallContext{TestHost::appid, {}, false}, [&](ApiReply) { ++replies; });
    }
    REQUIRE(http.pending.size() == 1);
    http.respond(okResponse("late"));
    CHECK(replies == 1); // the dropped answer ended it with an internal error
}
