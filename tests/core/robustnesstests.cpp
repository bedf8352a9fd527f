// Bad input to any core entry: a fail reply with a clear errMsg, never a
// crash, a hang or an exception escaping the core.

#include "testhost.h"

#include <random>

using namespace mpsim::core;
using namespace mpsim::core::test;

namespace {

std::vector<nlohmann::json> garbageArguments()
{
    const std::string huge(10 * 1024 * 1024, 'x');
    nlohmann::json deep = nlohmann::json::array();
    for (int i = 0; i < 500; ++i)
        deep = nlohmann::json::array({deep});
    std::vector<nlohmann::json> values{nullptr, 0, -1.5, true, "text", huge,
                                       nlohmann::json::array(), deep, nlohmann::json::object()};
    std::vector<nlohmann::json> args = values;
    // Every option name an API reads, with every wrong value.
    for (const char *key : {"desc", "lang", "scope", "withSubscriptions", "checkAuthMode",
                            "requestAuthModes", "challenge", "authContent", "tmplIds", "timeout"}) {
        for (const auto &value : values)
            args.push_back({{key, value}});
    }
    args.push_back({{"tmplIds", {1, nullptr, "T1"}}});
    args.push_back({{"tmplIds", {huge}}});
    args.push_back({{"requestAuthModes", {42}}});
    args.push_back({{"requestAuthModes", {nullptr}}});
    args.push_back({{"desc", "ok"}, {"lang", 5}});
    return args;
}

} // namespace

TEST_CASE("robustness: every API answers garbage arguments with exactly one reply")
{
    TestHost host;
    host.setProfile(R"({"subscriptions": {"templates": [{"id": "T1", "title": "t"}]}})");
    const auto args = garbageArguments();
    std::vector<PendingReply> replies;
    for (const auto &api : host.core.apiNames()) {
        if (host.core.isSyncApi(api))
            continue; // their values carry no errMsg; see the sync entry's test
        for (std::size_t i = 0; i < args.size(); ++i) {
            for (const bool gesture : {false, true}) {
                INFO(api << " with garbage argument #" << i);
                REQUIRE_NOTHROW(replies.push_back(host.call(api, args[i], gesture)));
            }
        }
    }
    // Whatever is still waiting for a popup is answered by the host going away.
    host.prompts = FakePrompts();
    for (const auto &reply : replies) {
        REQUIRE(reply.settled());
        CHECK(*reply.count == 1);
        CHECK(reply.result().at("errMsg").is_string());
        // A handler that trips over an argument is a bug, even though it is caught.
        CHECK(reply.errMsg().find("json.exception") == std::string::npos);
        if (!reply.ok())
            CHECK(reply.result().at("errno").is_number());
    }
}

TEST_CASE("robustness: sync entry answers garbage with a fail reply")
{
    TestHost host;
    for (const auto &arg : garbageArguments()) {
        for (const auto &api : {"getAccountInfoSync", "canIUse", "login", "nope"}) {
            INFO(api);
            ApiReply reply;
            REQUIRE_NOTHROW(reply = host.sync(api, arg));
            if (!reply.ok)
                CHECK(reply.result.at("errMsg").is_string());
        }
    }
    CHECK(host.sync("login").result.at("errMsg") == "login:fail internal error: wx.login is asynchronous");
}

TEST_CASE("robustness: hostile API names are answered and kept printable")
{
    TestHost host;
    std::string binary;
    for (int c = 0; c < 256; ++c)
        binary += static_cast<char>(c);
    for (const std::string &name :
         {std::string(), binary, std::string(1 << 20, 'a'), std::string("__proto__"),
          std::string("constructor"), std::string("login\n")}) {
        const ApiReply reply = host.now(name);
        CHECK_FALSE(reply.ok);
        const std::string errMsg = reply.result.at("errMsg");
        CHECK(errMsg.size() < 400);
        for (const char c : errMsg)
            CHECK((c >= 0x20 && c < 0x7f));
    }
}

TEST_CASE("robustness: random JSON documents never break the host profile parser")
{
    std::mt19937 random(12345);
    const std::string alphabet = "{}[]\":,0123456789.eE-+truefalsn \\/abc\n";
    for (int i = 0; i < 2000; ++i) {
        std::string text;
        const int length = static_cast<int>(random() % 80);
        for (int j = 0; j < length; ++j)
            text += alphabet[random() % alphabet.size()];
        REQUIRE_NOTHROW((void)HostProfile::parse(text));
    }
    // Valid JSON of every shape in every position.
    for (const char *key : {"login", "user", "soter", "authorize", "subscriptions", "account"}) {
        for (const char *value : {"null", "1", "\"s\"", "[]", "[{}]", "{\"x\": 1}", "true"}) {
            const std::string text = std::string("{\"") + key + "\": " + value + "}";
            INFO(text);
            auto profile = HostProfile::parse(text);
            CHECK_FALSE(profile.ok());
            CHECK(profile.error().location.rfind(std::string("/") + key, 0) == 0);
        }
    }
}
