// BEHAVIOURS.md, "Login": wx.login, apiVersion v1/v2, wx.checkSession, and
// the code exchange behind the local jscode2session endpoint.

#include "testhost.h"

using namespace mpsim::core;
using namespace mpsim::core::test;
using namespace std::chrono_literals;

namespace {

std::string loginCode(TestHost &host)
{
    const ApiReply reply = host.now("login");
    REQUIRE(reply.ok);
    return reply.result.at("code").get<std::string>();
}

} // namespace

TEST_CASE("login: success carries a code and errMsg login:ok")
{
    TestHost host;
    const ApiReply reply = host.now("login");
    CHECK(reply.ok);
    CHECK(reply.result.at("errMsg") == "login:ok");
    CHECK(reply.result.at("code").get<std::string>().size() == 32);
}

TEST_CASE("login: v2 codes are new on every call")
{
    TestHost host;
    CHECK(loginCode(host) != loginCode(host));
}

TEST_CASE("login: a code exchanges once for openid, session_key and unionid")
{
    TestHost host;
    const std::string code = loginCode(host);
    const CodeExchangeResult first = host.core.exchangeCode(TestHost::appid, "secret", code);
    CHECK(first.errcode == 0);
    CHECK(first.openid.size() == 28);
    CHECK(first.openid[0] == 'o');
    CHECK_FALSE(first.unionid.empty());
    CHECK(first.sessionKey == host.state().session()->sessionKey);
}

TEST_CASE("login: a code cannot be exchanged twice (40163)")
{
    TestHost host;
    const std::string code = loginCode(host);
    REQUIRE(host.core.exchangeCode(TestHost::appid, "", code).errcode == 0);
    const CodeExchangeResult second = host.core.exchangeCode(TestHost::appid, "", code);
    CHECK(second.errcode == 40163);
    CHECK(second.errmsg == "code been used");
    CHECK(second.sessionKey.empty());
}

TEST_CASE("login: an unknown code is invalid (40029)")
{
    TestHost host;
    loginCode(host);
    const CodeExchangeResult result = host.core.exchangeCode(TestHost::appid, "", "nonsense");
    CHECK(result.errcode == 40029);
    CHECK(result.errmsg == "invalid code");
}

TEST_CASE("clock: a code older than 5 minutes fails to exchange")
{
    TestHost host;
    const std::string fresh = loginCode(host);
    const std::string stale = loginCode(host);
    host.clock.advance(5min - 1ms);
    CHECK(host.core.exchangeCode(TestHost::appid, "", fresh).errcode == 0);
    host.clock.advance(1ms);
    CHECK(host.core.exchangeCode(TestHost::appid, "", stale).errcode == 40029);
}

TEST_CASE("login: codes belong to the appid that asked for them")
{
    TestHost host;
    const std::string code = loginCode(host);
    CHECK(host.core.exchangeCode("wxotherapp", "", code).errcode == 40029);
    CHECK(host.core.exchangeCode(TestHost::appid, "", code).errcode == 0);
}

TEST_CASE("login: the exchange checks the app secret when the host profile sets one")
{
    TestHost host;
    host.setProfile(R"({"login": {"appSecret": "s3cret"}})");
    const std::string code = loginCode(host);
    CHECK(host.core.exchangeCode(TestHost::appid, "wrong", code).errcode == 40125);
    CHECK(host.core.exchangeCode(TestHost::appid, "s3cret", code).errcode == 0);
}

TEST_CASE("login: each login starts a new session and the previous session_key stops being valid")
{
    TestHost host;
    const std::string first = loginCode(host);
    const std::string firstKey = host.state().currentSessionKey(host.clock.nowMs());
    const std::string second = loginCode(host);
    const std::string secondKey = host.state().currentSessionKey(host.clock.nowMs());
    CHECK(firstKey != secondKey);
    CHECK(host.core.exchangeCode(TestHost::appid, "", second).sessionKey == secondKey);
    // The first code still exchanges once, but for a key that is no longer current.
    CHECK(host.core.exchangeCode(TestHost::appid, "", first).sessionKey == firstKey);
    CHECK(host.state().currentSessionKey(host.clock.nowMs()) == secondKey);
}

TEST_CASE("login: v1 answers with the host profile's fixed code")
{
    TestHost host;
    host.core.setApiVersion(ApiVersion::V1);
    host.setProfile(R"({"login": {"code": "host-code-123"}})");
    CHECK(host.now("login").result.at("code") == "host-code-123");
    CHECK(host.now("login").result.at("code") == "host-code-123");
}

TEST_CASE("login: v1 with an automatic code answers a new code each time")
{
    TestHost host;
    host.core.setApiVersion(ApiVersion::V1);
    CHECK(loginCode(host) != loginCode(host));
}

TEST_CASE("login: v1 failure comes from the host profile with errMsg and errno")
{
    TestHost host;
    host.core.setApiVersion(ApiVersion::V1);
    host.setProfile(R"({"login": {"result": "fail", "errno": 1004, "errMsg": "invalid openid"}})");
    const ApiReply reply = host.now("login");
    CHECK_FALSE(reply.ok);
    CHECK(reply.result.at("errMsg") == "login:fail invalid openid");
    CHECK(reply.result.at("errno") == 1004);
}

TEST_CASE("login: the v1 failure setting does not affect v2, where mpsim issues codes")
{
    TestHost host;
    host.setProfile(R"({"login": {"result": "fail"}})");
    CHECK(host.now("login").ok);
}

TEST_CASE("checkSession: fails when no login happened")
{
    TestHost host;
    const ApiReply reply = host.now("checkSession");
    CHECK_FALSE(reply.ok);
    CHECK(reply.result.at("errMsg").get<std::string>().rfind("checkSession:fail ", 0) == 0);
    CHECK(reply.result.at("errno").is_number());
}

TEST_CASE("checkSession: succeeds after login while the session lasts, fails after")
{
    TestHost host;
    host.setProfile(R"({"login": {"sessionLifetimeSeconds": 600}})");
    loginCode(host);
    CHECK(host.now("checkSession").ok);
    host.clock.advance(600s - 1ms);
    CHECK(host.now("checkSession").ok);
    host.clock.advance(1ms);
    CHECK_FALSE(host.now("checkSession").ok);
}

TEST_CASE("checkSession: expire session now makes it fail until the next login")
{
    TestHost host;
    loginCode(host);
    host.state().expireSession();
    CHECK_FALSE(host.now("checkSession").ok);
    loginCode(host);
    CHECK(host.now("checkSession").ok);
}

TEST_CASE("checkSession: v1 follows the host profile's answer")
{
    TestHost host;
    host.core.setApiVersion(ApiVersion::V1);
    host.setProfile(R"({"login": {"checkSession": "valid"}})");
    CHECK(host.now("checkSession").ok);
    loginCode(host);
    host.setProfile(R"({"login": {"checkSession": "expired"}})");
    CHECK_FALSE(host.now("checkSession").ok);
    host.setProfile(R"({"login": {"checkSession": "auto"}})");
    CHECK(host.now("checkSession").ok);
}

TEST_CASE("getAccountInfoSync: returns appId, envVersion and an empty version outside release")
{
    TestHost host;
    host.setProfile(R"({"account": {"envVersion": "trial", "version": "1.2.3"}})");
    const ApiReply reply = host.sync("getAccountInfoSync");
    CHECK(reply.ok);
    CHECK(reply.result == nlohmann::json{{"miniProgram",
                                          {{"appId", TestHost::appid},
                                           {"envVersion", "trial"},
                                           {"version", ""}}}});
}

TEST_CASE("getAccountInfoSync: the release version reports its version number")
{
    TestHost host;
    host.setProfile(R"({"account": {"envVersion": "release", "version": "1.2.3"}})");
    CHECK(host.sync("getAccountInfoSync").result.at("miniProgram").at("version") == "1.2.3");
}

TEST_CASE("getAccountInfoSync: defaults to develop and works before any page exists")
{
    TestHost host;
    // No page in the context: module top level.
    const ApiReply reply = host.core.invokeSync("getAccountInfoSync", nullptr,
                                                CallContext{TestHost::appid, {}, false});
    CHECK(reply.result.at("miniProgram").at("envVersion") == "develop");
    CHECK(host.core.syncSnapshot(CallContext{TestHost::appid, {}, false}).at("accountInfo")
          == reply.result);
}

TEST_CASE("getAccountInfoSync: through the async entry it still answers its value")
{
    TestHost host;
    CHECK(host.now("getAccountInfoSync").result.at("miniProgram").at("appId") == TestHost::appid);
}
