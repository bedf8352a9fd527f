// BEHAVIOURS.md, "SOTER biometric authentication".

#include "testhost.h"

#include "crypto/base64.h"
#include "crypto/sha1.h"

using namespace mpsim::core;
using namespace mpsim::core::test;

TEST_CASE("checkIsSupportSoterAuthentication: supported answers the device's modes")
{
    TestHost host;
    host.setProfile(R"({"soter": {"supportModes": ["fingerPrint", "facial"]}})");
    const ApiReply reply = host.now("checkIsSupportSoterAuthentication");
    CHECK(reply.result == nlohmann::json{{"supportMode", {"fingerPrint", "facial"}},
                                         {"errMsg", "checkIsSupportSoterAuthentication:ok"}});
}

TEST_CASE("checkIsSupportSoterAuthentication: a device without SOTER fails")
{
    TestHost host;
    host.setProfile(R"({"soter": {"supportModes": []}})");
    const ApiReply reply = host.now("checkIsSupportSoterAuthentication");
    CHECK_FALSE(reply.ok);
    CHECK(reply.result.at("errMsg").get<std::string>().rfind(
              "checkIsSupportSoterAuthentication:fail", 0)
          == 0);
}

TEST_CASE("checkIsSoterEnrolledInDevice: answers isEnrolled for the mode asked")
{
    TestHost host;
    host.setProfile(R"({"soter": {"supportModes": ["fingerPrint", "facial"],
                                  "enrolled": {"fingerPrint": true, "facial": false}}})");
    CHECK(host.now("checkIsSoterEnrolledInDevice", {{"checkAuthMode", "fingerPrint"}}).result
          == nlohmann::json{{"isEnrolled", true}, {"errMsg", "checkIsSoterEnrolledInDevice:ok"}});
    CHECK(host.now("checkIsSoterEnrolledInDevice", {{"checkAuthMode", "facial"}})
              .result.at("isEnrolled")
          == false);
    // A mode the device lacks is not enrolled.
    CHECK(host.now("checkIsSoterEnrolledInDevice", {{"checkAuthMode", "speech"}})
              .result.at("isEnrolled")
          == false);
}

TEST_CASE("checkIsSoterEnrolledInDevice: checkAuthMode is required and must be a mode")
{
    TestHost host;
    CHECK_FALSE(host.now("checkIsSoterEnrolledInDevice").ok);
    const ApiReply reply = host.now("checkIsSoterEnrolledInDevice", {{"checkAuthMode", "iris"}});
    CHECK(reply.result.at("errMsg").get<std::string>().find("checkAuthMode") != std::string::npos);
}

TEST_CASE("startSoterAuthentication: shows the prompt with authContent and succeeds")
{
    TestHost host;
    auto pending = host.call("startSoterAuthentication",
                             {{"requestAuthModes", {"fingerPrint"}},
                              {"challenge", "123456"},
                              {"authContent", "Unlock biometric authentication"}});
    REQUIRE(host.prompts.soterAsked.size() == 1);
    CHECK(host.prompts.soterAsked[0].authContent == "Unlock biometric authentication");
    CHECK(host.prompts.soterAsked[0].authMode == "fingerPrint");
    host.prompts.answerSoter({SoterAnswer::Outcome::Succeed, 0});
    REQUIRE(pending.ok());
    const auto &result = pending.result();
    CHECK(result.at("authMode") == "fingerPrint");
    CHECK(result.at("errCode") == 0);
    CHECK(result.at("errMsg") == "startSoterAuthentication:ok");
    const std::string resultJSON = result.at("resultJSON");
    const auto parsed = nlohmann::json::parse(resultJSON);
    CHECK(parsed.at("raw") == "123456");
    for (const char *field : {"fid", "counter", "tee_n", "tee_v", "fp_n", "fp_v", "cpu_id", "uid"})
        CHECK(parsed.contains(field));
    const auto digest = crypto::sha1(resultJSON);
    CHECK(result.at("resultJSONSignature")
          == crypto::base64Encode(std::string(digest.begin(), digest.end())));
}

TEST_CASE("startSoterAuthentication: the seed's example without modes or challenge works")
{
    TestHost host;
    host.setProfile(R"({"soter": {"policy": "succeed"}})");
    const ApiReply reply = host.now("startSoterAuthentication",
                                    {{"authContent", "Unlock biometric authentication"}});
    CHECK(reply.ok);
    CHECK(nlohmann::json::parse(reply.result.at("resultJSON").get<std::string>()).at("raw") == "");
}

TEST_CASE("startSoterAuthentication: the counter grows with each authentication")
{
    TestHost host;
    host.setProfile(R"({"soter": {"policy": "succeed"}})");
    auto counter = [&] {
        return nlohmann::json::parse(
                   host.now("startSoterAuthentication").result.at("resultJSON").get<std::string>())
            .at("counter")
            .get<int>();
    };
    const int first = counter();
    CHECK(counter() == first + 1);
}

TEST_CASE("startSoterAuthentication: failures carry their errCode")
{
    struct Case
    {
        const char *profile;
        nlohmann::json args;
        int errCode;
    };
    const std::vector<Case> cases{
        {R"({"soter": {"supportModes": []}})", nlohmann::json::object(), 90001},
        {R"({})", {{"requestAuthModes", {"facial"}}}, 90003},
        {R"({})", {{"challenge", std::string(513, 'c')}}, 90004},
        {R"({})", {{"challenge", ""}}, 90004},
        {R"({})", {{"authContent", std::string(43, 'a')}}, 90005},
        {R"({"soter": {"policy": "error"}})", nlohmann::json::object(), 90007},
        {R"({"soter": {"policy": "cancel"}})", nlohmann::json::object(), 90008},
        {R"({"soter": {"policy": "fail"}})", nlohmann::json::object(), 90009},
        {R"({"soter": {"policy": "frozen"}})", nlohmann::json::object(), 90010},
        {R"({"soter": {"enrolled": {"fingerPrint": false}}})", nlohmann::json::object(), 90011},
    };
    for (const auto &c : cases) {
        TestHost host;
        host.setProfile(c.profile);
        INFO(c.profile << " " << c.args.dump());
        const ApiReply reply = host.now("startSoterAuthentication", c.args);
        CHECK_FALSE(reply.ok);
        CHECK(reply.result.at("errCode") == c.errCode);
        CHECK(reply.result.at("errMsg").get<std::string>().rfind("startSoterAuthentication:fail ", 0)
              == 0);
    }
}

TEST_CASE("startSoterAuthentication: the prompt's cancel and failure answers")
{
    TestHost host;
    auto cancelled = host.call("startSoterAuthentication");
    host.prompts.answerSoter({SoterAnswer::Outcome::Cancel, 0});
    CHECK(cancelled.result().at("errCode") == 90008);
    auto failed = host.call("startSoterAuthentication");
    host.prompts.answerSoter({SoterAnswer::Outcome::Fail, 90010});
    CHECK(failed.result().at("errCode") == 90010);
}

TEST_CASE("startSoterAuthentication: limits count characters, and a 512-character challenge passes")
{
    TestHost host;
    host.setProfile(R"({"soter": {"policy": "succeed"}})");
    std::string content;
    for (int i = 0; i < 42; ++i)
        content += "\xE8\xAF\x81"; // 证
    CHECK(host.now("startSoterAuthentication",
                   {{"authContent", content}, {"challenge", std::string(512, 'c')}})
              .ok);
}

TEST_CASE("startSoterAuthentication: requestAuthModes picks the first mode the device has")
{
    TestHost host;
    host.setProfile(R"({"soter": {"policy": "succeed", "supportModes": ["fingerPrint", "facial"],
                        "enrolled": {"fingerPrint": true, "facial": true}}})");
    CHECK(host.now("startSoterAuthentication", {{"requestAuthModes", {"speech", "facial"}}})
              .result.at("authMode")
          == "facial");
    CHECK_FALSE(host.now("startSoterAuthentication", {{"requestAuthModes", {"iris"}}}).ok);
}
