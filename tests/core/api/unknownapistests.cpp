// An API mpsim does not implement fails naming it and lands in the call log
// (BEHAVIOURS.md, "Conventions": unknown API).

#include "everydayhost.h"

using namespace mpsim::core;
using namespace mpsim::core::test;
using json = nlohmann::json;

TEST_CASE("unknown API: the call fails naming the API and the call log records it")
{
    EverydayHost host;
    std::vector<CallRecord> log;
    host.core.setCallObserver([&](const CallRecord &record) { log.push_back(record); });

    const ApiReply reply = host.now("scanCode", {{"onlyFromCamera", true}});
    CHECK_FALSE(reply.ok);
    CHECK(reply.result.at("errMsg")
          == "scanCode:fail not supported: wx.scanCode is not implemented in mpsim");
    CHECK(reply.result.at("errno") == 100);

    REQUIRE(log.size() == 1);
    CHECK(log[0].api == "scanCode");
    CHECK(log[0].args == json{{"onlyFromCamera", true}});
    CHECK(log[0].context.appid == TestHost::appid);
    CHECK_FALSE(log[0].reply.ok);
    CHECK(log[0].reply.result == reply.result);

    // An unknown Sync name reaches the log the same way (the facade sends it
    // through the async entry before throwing in the page).
    host.now("getBatteryInfoSync");
    REQUIRE(log.size() == 2);
    CHECK(log[1].api == "getBatteryInfoSync");
    CHECK(log[1].reply.result.at("errMsg")
          == "getBatteryInfoSync:fail not supported: wx.getBatteryInfoSync is not implemented in "
             "mpsim");
    CHECK(host.sync("getBatteryInfoSync").result.at("errMsg")
          == "getBatteryInfoSync:fail not supported: wx.getBatteryInfoSync is not implemented in "
             "mpsim");
}

TEST_CASE("unknown API: the everyday APIs are known")
{
    EverydayHost host;
    const auto names = host.core.apiNames();
    for (const std::string api :
         {"showToast", "hideToast", "showLoading", "hideLoading", "showModal", "showActionSheet",
          "setStorage", "getStorage", "removeStorage", "clearStorage", "getStorageInfo",
          "setStorageSync", "getStorageSync", "removeStorageSync", "clearStorageSync",
          "getStorageInfoSync", "getSystemInfo", "getSystemInfoSync", "getSystemInfoAsync",
          "getWindowInfo", "getDeviceInfo", "getAppBaseInfo", "getSystemSetting",
          "getAppAuthorizeSetting", "getMenuButtonBoundingClientRect", "request"}) {
        INFO(api);
        CHECK(std::find(names.begin(), names.end(), api) != names.end());
        CHECK(host.core.canIUse(api));
    }
}
