// BEHAVIOURS.md, "Account and user information": getUserProfile, getUserInfo,
// the getUserInfo button, open-data and UserInfo.

#include "testhost.h"

#include "crypto/aes128cbc.h"
#include "crypto/base64.h"
#include "crypto/sha1.h"

using namespace mpsim::core;
using namespace mpsim::core::test;

TEST_CASE("getUserProfile: shows a popup with desc on every call")
{
    TestHost host;
    auto first = host.tap("getUserProfile", {{"desc", "show your name on the board"}});
    host.prompts.answerUserProfile(PromptAnswer::Allow);
    auto second = host.tap("getUserProfile", {{"desc", "again"}});
    REQUIRE(host.prompts.userProfileAsked.size() == 2);
    CHECK(host.prompts.userProfileAsked[0].desc == "show your name on the board");
    CHECK(host.prompts.userProfileAsked[0].kind == UserProfilePrompt::Kind::GetUserProfile);
    CHECK(host.prompts.userProfileAsked[1].desc == "again");
    CHECK(first.ok());
    CHECK_FALSE(second.settled());
}

TEST_CASE("getUserProfile: Allow answers userInfo, rawData, signature, encryptedData, iv")
{
    TestHost host;
    host.setProfile(R"({"user": {"nickName": "Lin", "avatarUrl": "https://a.example/x/46"}})");
    auto pending = host.tap("getUserProfile", {{"desc", "profile"}});
    host.prompts.answerUserProfile(PromptAnswer::Allow);
    REQUIRE(pending.ok());
    const auto &result = pending.result();
    CHECK(result.at("errMsg") == "getUserProfile:ok");
    CHECK(result.at("userInfo").at("nickName") == "Lin");
    CHECK(result.at("userInfo").at("avatarUrl") == "https://a.example/x/46");
    for (const char *field : {"rawData", "signature", "encryptedData", "iv"}) {
        INFO(field);
        CHECK(result.at(field).is_string());
        CHECK_FALSE(result.at(field).get<std::string>().empty());
    }
    CHECK(nlohmann::json::parse(result.at("rawData").get<std::string>()) == result.at("userInfo"));
}

TEST_CASE("getUserProfile: Deny fails with auth deny")
{
    TestHost host;
    auto pending = host.tap("getUserProfile", {{"desc", "profile"}});
    host.prompts.answerUserProfile(PromptAnswer::Deny);
    CHECK_FALSE(pending.ok());
    CHECK(pending.errMsg() == "getUserProfile:fail auth deny");
    CHECK(pending.result().at("errno") == 103);
}

TEST_CASE("getUserProfile: never grants scope.userInfo")
{
    TestHost host;
    auto pending = host.tap("getUserProfile", {{"desc", "profile"}});
    host.prompts.answerUserProfile(PromptAnswer::Allow);
    CHECK(host.state().scope("scope.userInfo") == ScopeState::NeverAsked);
}

TEST_CASE("getUserProfile: desc allows 30 characters and no more")
{
    TestHost host;
    host.setProfile(R"({"user": {"popup": "allow"}})");
    CHECK(host.now("getUserProfile", {{"desc", std::string(30, 'x')}}, true).ok);
    // Thirty Chinese characters are thirty characters, not ninety bytes.
    std::string chinese;
    for (int i = 0; i < 30; ++i)
        chinese += "\xE7\x94\xA8"; // 用
    CHECK(host.now("getUserProfile", {{"desc", chinese}}, true).ok);
    const ApiReply tooLong = host.now("getUserProfile", {{"desc", std::string(31, 'x')}}, true);
    CHECK_FALSE(tooLong.ok);
    CHECK(tooLong.result.at("errMsg")
          == "getUserProfile:fail desc length does not meet the requirements");
    CHECK_FALSE(host.now("getUserProfile", {{"desc", ""}}, true).ok);
}

TEST_CASE("getUserProfile: lang sets userInfo.language, en by default")
{
    TestHost host;
    host.setProfile(R"({"user": {"popup": "allow"}})");
    CHECK(host.now("getUserProfile", {{"desc", "d"}}, true).result.at("userInfo").at("language")
          == "en");
    CHECK(host.now("getUserProfile", {{"desc", "d"}, {"lang", "zh_CN"}}, true)
              .result.at("userInfo")
              .at("language")
          == "zh_CN");
    CHECK(host.now("getUserProfile", {{"desc", "d"}, {"lang", "zh_TW"}}, true)
              .result.at("userInfo")
              .at("language")
          == "zh_TW");
    CHECK_FALSE(host.now("getUserProfile", {{"desc", "d"}, {"lang", "fr"}}, true).ok);
}

TEST_CASE("getUserProfile: signature is sha1(rawData + session_key) of the current session")
{
    TestHost host;
    host.setProfile(R"({"user": {"popup": "allow"}})");
    REQUIRE(host.now("login").ok);
    const std::string sessionKey = host.state().currentSessionKey(host.clock.nowMs());
    const ApiReply reply = host.now("getUserProfile", {{"desc", "d"}}, true);
    const std::string rawData = reply.result.at("rawData");
    CHECK(reply.result.at("signature") == crypto::sha1Hex(rawData + sessionKey));
}

TEST_CASE("getUserProfile: encryptedData decrypts with the session key and carries a watermark")
{
    TestHost host;
    host.setProfile(R"({"user": {"popup": "allow", "nickName": "Band"}})");
    const std::string code = host.now("login").result.at("code");
    const auto exchanged = host.core.exchangeCode(TestHost::appid, "", code);
    const ApiReply reply = host.now("getUserProfile", {{"desc", "d"}}, true);

    const auto key = crypto::base64Decode(exchanged.sessionKey);
    const auto iv = crypto::base64Decode(reply.result.at("iv").get<std::string>());
    const auto data = crypto::base64Decode(reply.result.at("encryptedData").get<std::string>());
    REQUIRE(key);
    REQUIRE(iv);
    REQUIRE(data);
    const auto plain = crypto::aes128CbcDecrypt(*key, *iv, *data);
    REQUIRE(plain);
    const auto decrypted = nlohmann::json::parse(*plain);
    CHECK(decrypted.at("nickName") == "Band");
    CHECK(decrypted.at("openId") == exchanged.openid);
    CHECK(decrypted.at("unionId") == exchanged.unionid);
    CHECK(decrypted.at("watermark").at("appid") == TestHost::appid);
    CHECK(decrypted.at("watermark").at("timestamp") == host.clock.nowMs() / 1000);
}

TEST_CASE("getUserInfo: without scope.userInfo it fails with auth deny and shows no popup")
{
    TestHost host;
    const ApiReply reply = host.now("getUserInfo");
    CHECK_FALSE(reply.ok);
    CHECK(reply.result.at("errMsg") == "getUserInfo:fail auth deny");
    CHECK(host.prompts.popupCount() == 0);
}

TEST_CASE("getUserInfo: with scope.userInfo granted it answers the same fields as getUserProfile")
{
    TestHost host;
    host.state().setScope("scope.userInfo", ScopeState::Granted);
    const ApiReply reply = host.now("getUserInfo", {{"lang", "zh_CN"}});
    REQUIRE(reply.ok);
    CHECK(reply.result.at("errMsg") == "getUserInfo:ok");
    for (const char *field : {"userInfo", "rawData", "signature", "encryptedData", "iv"})
        CHECK(reply.result.contains(field));
    CHECK(reply.result.at("userInfo").at("language") == "zh_CN");
    CHECK(host.prompts.popupCount() == 0);
}

TEST_CASE("getUserInfo button: a tap asks once and Allow grants scope.userInfo")
{
    TestHost host;
    auto pending = host.tap("openType.getUserInfo");
    REQUIRE(host.prompts.userProfileAsked.size() == 1);
    CHECK(host.prompts.userProfileAsked[0].kind == UserProfilePrompt::Kind::GetUserInfoButton);
    host.prompts.answerUserProfile(PromptAnswer::Allow);
    REQUIRE(pending.ok());
    CHECK(pending.errMsg() == "getUserInfo:ok");
    CHECK(pending.result().at("userInfo").at("nickName") == "mpsim user");
    CHECK(host.state().scope("scope.userInfo") == ScopeState::Granted);
    CHECK(host.now("getSetting").result.at("authSetting").at("scope.userInfo") == true);
    // Granted: the next tap answers at once, no popup.
    CHECK(host.now("openType.getUserInfo", nlohmann::json::object(), true).ok);
    CHECK(host.prompts.userProfileAsked.size() == 1);
}

TEST_CASE("getUserInfo button: Deny fires the event with getUserInfo:fail auth deny")
{
    TestHost host;
    auto pending = host.tap("openType.getUserInfo");
    host.prompts.answerUserProfile(PromptAnswer::Deny);
    CHECK_FALSE(pending.ok());
    CHECK(pending.errMsg() == "getUserInfo:fail auth deny");
    CHECK(host.state().scope("scope.userInfo") == ScopeState::Denied);
    // The button asks again on the next tap.
    host.tap("openType.getUserInfo");
    CHECK(host.prompts.pendingUserProfile.size() == 1);
}

TEST_CASE("getUserInfo button: canIUse('button.open-type.getUserInfo') is true")
{
    TestHost host;
    CHECK(host.sync("canIUse", "button.open-type.getUserInfo").result == true);
}

TEST_CASE("open-data: the host user's avatar and nickname need no authorization")
{
    TestHost host;
    host.setProfile(R"({"user": {"nickName": "Ada", "avatarUrl": "https://a.example/p/132"}})");
    const auto snapshot = host.core.syncSnapshot(CallContext{TestHost::appid, {}, false});
    CHECK(snapshot.at("hostUser").at("nickName") == "Ada");
    CHECK(snapshot.at("hostUser").at("avatarUrl") == "https://a.example/p/132");
    CHECK(host.state().scope("scope.userInfo") == ScopeState::NeverAsked);
    CHECK(host.sync("canIUse", "open-data.type.userAvatarUrl").result == true);
}

TEST_CASE("UserInfo: the default avatar has the default size 132, gender and places are empty")
{
    TestHost host;
    host.setProfile(R"({"user": {"popup": "allow"}})");
    const auto userInfo = host.now("getUserProfile", {{"desc", "d"}}, true).result.at("userInfo");
    const std::string avatar = userInfo.at("avatarUrl");
    CHECK(avatar.substr(avatar.size() - 4) == "/132");
    CHECK(userInfo.at("gender") == 0);
    CHECK(userInfo.at("country") == "");
    CHECK(userInfo.at("province") == "");
    CHECK(userInfo.at("city") == "");
}

TEST_CASE("UserInfo: the host profile can set gender and places, and no photo means empty")
{
    TestHost host;
    host.setProfile(R"({"user": {"popup": "allow", "gender": 2, "country": "China",
                        "province": "Guangdong", "city": "Shenzhen", "avatarUrl": ""}})");
    const auto userInfo = host.now("getUserProfile", {{"desc", "d"}}, true).result.at("userInfo");
    CHECK(userInfo.at("gender") == 2);
    CHECK(userInfo.at("country") == "China");
    CHECK(userInfo.at("province") == "Guangdong");
    CHECK(userInfo.at("city") == "Shenzhen");
    CHECK(userInfo.at("avatarUrl") == "");
}
