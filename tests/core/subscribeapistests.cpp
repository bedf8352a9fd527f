// BEHAVIOURS.md, "Subscription messages": wx.requestSubscribeMessage and its
// fail codes [seed].

#include "testhost.h"

using namespace mpsim::core;
using namespace mpsim::core::test;

namespace {

const char *templatesProfile = R"({"subscriptions": {"templates": [
    {"id": "T1", "title": "Order shipped"},
    {"id": "T2", "title": "Order delivered"},
    {"id": "T3", "title": "Order shipped"},
    {"id": "T4", "title": "Refund"},
    {"id": "P1", "title": "Daily report", "type": "permanent"},
    {"id": "B1", "title": "Banned", "banned": true},
    {"id": "D1", "title": "Device", "deviceMessage": true}]}})";

} // namespace

TEST_CASE("requestSubscribeMessage: the sheet lists the templates and answers each")
{
    TestHost host;
    host.setProfile(templatesProfile);
    auto pending = host.tap("requestSubscribeMessage", {{"tmplIds", {"T1", "T2"}}});
    REQUIRE(host.prompts.subscribeAsked.size() == 1);
    REQUIRE(host.prompts.subscribeAsked[0].templates.size() == 2);
    CHECK(host.prompts.subscribeAsked[0].templates[0].title == "Order shipped");
    host.prompts.answerSubscribe({{{"T1", true}, {"T2", false}}, false});
    CHECK(pending.result()
          == nlohmann::json{{"errMsg", "requestSubscribeMessage:ok"},
                            {"T1", "accept"},
                            {"T2", "reject"}});
}

TEST_CASE("requestSubscribeMessage: tmplIds is required")
{
    TestHost host;
    CHECK(host.now("requestSubscribeMessage", nlohmann::json::object(), true).result.at("errMsg")
          == "requestSubscribeMessage:fail parameter error: parameter.tmplIds should be Array "
             "instead of Undefined;");
}

TEST_CASE("requestSubscribeMessage: 10001 when tmplIds is empty")
{
    TestHost host;
    const ApiReply reply = host.now("requestSubscribeMessage",
                                    {{"tmplIds", nlohmann::json::array()}}, true);
    CHECK(reply.result
          == nlohmann::json{{"errMsg", "requestSubscribeMessage:fail TmplIds can't be empty."},
                            {"errno", 10001},
                            {"errCode", 10001}});
}

TEST_CASE("requestSubscribeMessage: 20003 with more than 3 templates")
{
    TestHost host;
    host.setProfile(templatesProfile);
    const ApiReply reply = host.now("requestSubscribeMessage",
                                    {{"tmplIds", {"T1", "T2", "T3", "T4"}}}, true);
    CHECK(reply.result.at("errCode") == 20003);
    CHECK(reply.result.at("errMsg")
          == "requestSubscribeMessage:fail There are too many template messages.");
}

TEST_CASE("requestSubscribeMessage: 20002 when one-time and permanent templates are mixed")
{
    TestHost host;
    host.setProfile(templatesProfile);
    const ApiReply reply = host.now("requestSubscribeMessage", {{"tmplIds", {"T1", "P1"}}}, true);
    CHECK(reply.result.at("errCode") == 20002);
    CHECK(reply.result.at("errMsg")
          == "requestSubscribeMessage:fail Templates type must be the same.");
}

TEST_CASE("requestSubscribeMessage: ids with the same title keep one, the others answer filter")
{
    TestHost host;
    host.setProfile(templatesProfile);
    auto pending = host.tap("requestSubscribeMessage", {{"tmplIds", {"T1", "T3"}}});
    REQUIRE(host.prompts.subscribeAsked.size() == 1);
    CHECK(host.prompts.subscribeAsked[0].templates.size() == 1);
    host.prompts.answerSubscribe({{{"T1", true}}, false});
    CHECK(pending.result().at("T1") == "accept");
    CHECK(pending.result().at("T3") == "filter");
}

TEST_CASE("requestSubscribeMessage: a banned template answers ban without asking")
{
    TestHost host;
    host.setProfile(templatesProfile);
    const ApiReply reply = host.now("requestSubscribeMessage", {{"tmplIds", {"B1"}}}, true);
    CHECK(reply.result.at("B1") == "ban");
    CHECK(host.prompts.popupCount() == 0);
}

TEST_CASE("requestSubscribeMessage: the seed's fail codes")
{
    struct Case
    {
        const char *profile;
        nlohmann::json ids;
        int errCode;
        const char *text;
    };
    const std::vector<Case> cases{
        {R"({"subscriptions": {"networkFailure": 10002, "templates": [{"id": "T1"}]}})", {"T1"},
         10002, "Failed to request the message list."},
        {R"({"subscriptions": {"networkFailure": 10003, "sheet": "acceptAll",
             "templates": [{"id": "T1"}]}})",
         {"T1"}, 10003, "Failed to send the subscription request."},
        {R"({"subscriptions": {"templates": [{"id": "T1"}]}})", {"nope"}, 20001,
         "No template data return, verify if the template ID exists."},
        {R"({"subscriptions": {"mainSwitch": false, "templates": [{"id": "T1"}]}})", {"T1"}, 20004,
         "The main switch is switched off."},
        {R"({"subscriptions": {"miniProgramBanned": true, "templates": [{"id": "T1"}]}})", {"T1"},
         20005, "This mini program is banned from subscribing messages."},
        {R"({"subscriptions": {"templates": [{"id": "D1", "deviceMessage": true}]}})", {"D1"}, 20013,
         "Reject DeviceMsg Template"},
    };
    for (const auto &c : cases) {
        TestHost host;
        host.setProfile(c.profile);
        INFO(c.profile);
        const ApiReply reply = host.now("requestSubscribeMessage", {{"tmplIds", c.ids}}, true);
        CHECK_FALSE(reply.ok);
        CHECK(reply.result.at("errCode") == c.errCode);
        CHECK(reply.result.at("errno") == c.errCode);
        CHECK(reply.result.at("errMsg") == std::string("requestSubscribeMessage:fail ") + c.text);
    }
}

TEST_CASE("requestSubscribeMessage: always keep this choice shows in getSetting and skips the sheet")
{
    TestHost host;
    host.setProfile(templatesProfile);
    auto first = host.tap("requestSubscribeMessage", {{"tmplIds", {"T1", "T2"}}});
    host.prompts.answerSubscribe({{{"T1", true}}, true});
    REQUIRE(first.ok());
    CHECK(host.now("getSetting", {{"withSubscriptions", true}})
              .result.at("subscriptionsSetting")
              .at("itemSettings")
          == nlohmann::json{{"T1", "accept"}, {"T2", "reject"}});
    const ApiReply again = host.now("requestSubscribeMessage", {{"tmplIds", {"T1", "T2"}}}, true);
    CHECK(again.result.at("T1") == "accept");
    CHECK(again.result.at("T2") == "reject");
    CHECK(host.prompts.subscribeAsked.size() == 1);
}

TEST_CASE("requestSubscribeMessage: sheet policies answer without a sheet")
{
    TestHost host;
    host.setProfile(R"({"subscriptions": {"sheet": "rejectAll", "templates": [{"id": "T1"}]}})");
    CHECK(host.now("requestSubscribeMessage", {{"tmplIds", {"T1"}}}, true).result.at("T1")
          == "reject");
    host.setProfile(R"({"subscriptions": {"sheet": "acceptAll", "templates": [{"id": "T1"}]}})");
    CHECK(host.now("requestSubscribeMessage", {{"tmplIds", {"T1"}}}, true).result.at("T1")
          == "accept");
    CHECK(host.prompts.popupCount() == 0);
}
