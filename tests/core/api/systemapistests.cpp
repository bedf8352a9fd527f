// The system-information APIs, from the device set with ApiCore::setDeviceInfo.

#include "everydayhost.h"

using namespace mpsim::core;
using namespace mpsim::core::test;
using json = nlohmann::json;

namespace {

DeviceInfo iphone12()
{
    DeviceInfo device;
    device.model = "iPhone 12/13/14";
    device.system = "iOS 14.0.1";
    device.pixelRatio = 3;
    device.screenWidth = 390;
    device.screenHeight = 844;
    device.statusBarHeight = 47;
    device.safeAreaBottomInset = 34;
    return device;
}

} // namespace

TEST_CASE("system info: the default device is the platform IDE's iPhone 6/7/8")
{
    EverydayHost host;
    const ApiReply reply = host.sync("getSystemInfoSync");
    REQUIRE(reply.ok);
    const json &info = reply.result;
    CHECK(info.at("brand") == "devtools");
    CHECK(info.at("model") == "iPhone 6/7/8");
    CHECK(info.at("platform") == "devtools");
    CHECK(info.at("system") == "iOS 10.0.1");
    CHECK(info.at("pixelRatio") == 2.0);
    CHECK(info.at("screenWidth") == 375);
    CHECK(info.at("screenHeight") == 667);
    CHECK(info.at("windowWidth") == 375);
    CHECK(info.at("windowHeight") == 667 - 20 - 44);
    CHECK(info.at("statusBarHeight") == 20);
    CHECK(info.at("SDKVersion") == "3.0.0");
    CHECK(info.at("language") == "en");
    CHECK(info.at("theme") == "light");
    CHECK(info.at("fontSizeSetting") == 16);
    CHECK(info.at("benchmarkLevel") == 1);
    CHECK(info.at("albumAuthorized") == true);
    CHECK(info.at("cameraAuthorized") == true);
    CHECK(info.at("locationEnabled") == true);
    CHECK(info.at("safeArea")
          == json{{"left", 0}, {"right", 375}, {"top", 20}, {"bottom", 667}, {"width", 375},
                  {"height", 647}});
    CHECK_FALSE(info.contains("errMsg"));
}

TEST_CASE("system info: setDeviceInfo and setSdkVersion change every answer")
{
    EverydayHost host;
    host.core.setDeviceInfo(iphone12());
    host.core.setSdkVersion("2.32.3");
    const json info = host.sync("getSystemInfoSync").result;
    CHECK(info.at("model") == "iPhone 12/13/14");
    CHECK(info.at("system") == "iOS 14.0.1");
    CHECK(info.at("pixelRatio") == 3.0);
    CHECK(info.at("windowHeight") == 844 - 47 - 44);
    CHECK(info.at("SDKVersion") == "2.32.3");
    CHECK(info.at("safeArea")
          == json{{"left", 0}, {"right", 390}, {"top", 47}, {"bottom", 810}, {"width", 390},
                  {"height", 763}});
    // A custom navigation style gives the page the whole screen.
    DeviceInfo custom = iphone12();
    custom.navigationBarShown = false;
    host.core.setDeviceInfo(custom);
    CHECK(host.sync("getWindowInfo").result.at("windowHeight") == 844);
    CHECK(host.sync("getWindowInfo").result.at("screenTop") == 0);
    host.core.setSdkVersion("");
    CHECK(host.core.sdkVersion() == "3.0.0");
}

TEST_CASE("system info: getSystemInfo and getSystemInfoAsync answer the same object")
{
    EverydayHost host;
    json expected = host.sync("getSystemInfoSync").result;
    for (const std::string api : {"getSystemInfo", "getSystemInfoAsync"}) {
        expected["errMsg"] = api + ":ok";
        CHECK(host.now(api).result == expected);
    }
}

TEST_CASE("system info: the newer split APIs")
{
    EverydayHost host;
    host.core.setDeviceInfo(iphone12());
    CHECK(host.sync("getWindowInfo").result
          == json{{"pixelRatio", 3.0},
                  {"screenWidth", 390},
                  {"screenHeight", 844},
                  {"windowWidth", 390},
                  {"windowHeight", 753},
                  {"statusBarHeight", 47},
                  {"safeArea",
                   {{"left", 0}, {"right", 390}, {"top", 47}, {"bottom", 810}, {"width", 390},
                    {"height", 763}}},
                  {"screenTop", 91}});
    CHECK(host.sync("getDeviceInfo").result
          == json{{"abi", ""},
                  {"deviceAbi", ""},
                  {"benchmarkLevel", 1},
                  {"brand", "devtools"},
                  {"model", "iPhone 12/13/14"},
                  {"system", "iOS 14.0.1"},
                  {"platform", "devtools"}});
    CHECK(host.sync("getAppBaseInfo").result
          == json{{"SDKVersion", "3.0.0"}, {"enableDebug", false}, {"language", "en"},
                  {"version", "8.0.5"},    {"theme", "light"},     {"fontSizeSetting", 16}});
    CHECK(host.sync("getSystemSetting").result
          == json{{"bluetoothEnabled", true},
                  {"locationEnabled", true},
                  {"wifiEnabled", true},
                  {"deviceOrientation", "portrait"}});
    const json authorize = host.sync("getAppAuthorizeSetting").result;
    CHECK(authorize.at("albumAuthorized") == "authorized");
    CHECK(authorize.at("notificationAuthorized") == "authorized");
    CHECK(authorize.at("locationReducedAccuracy") == false);
}

TEST_CASE("system info: the menu button sits 7 px from the right edge, 4 px under the status bar")
{
    EverydayHost host;
    CHECK(host.sync("getMenuButtonBoundingClientRect").result
          == json{{"width", 87}, {"height", 32}, {"top", 24}, {"right", 368}, {"bottom", 56},
                  {"left", 281}});
    host.core.setDeviceInfo(iphone12());
    CHECK(host.sync("getMenuButtonBoundingClientRect").result
          == json{{"width", 87}, {"height", 32}, {"top", 51}, {"right", 383}, {"bottom", 83},
                  {"left", 296}});
}

TEST_CASE("system info: the synchronous ones travel in the snapshot's syncValues")
{
    EverydayHost host;
    host.core.setDeviceInfo(iphone12());
    const json snapshot = host.snapshot();
    const json &values = snapshot.at("syncValues");
    for (const std::string api :
         {"getSystemInfoSync", "getWindowInfo", "getDeviceInfo", "getAppBaseInfo",
          "getSystemSetting", "getAppAuthorizeSetting", "getMenuButtonBoundingClientRect"}) {
        INFO(api);
        REQUIRE(values.contains(api));
        CHECK(values.at(api) == host.sync(api).result);
    }
    CHECK(values.size() == 7);
    // The older snapshot members are still there.
    CHECK(snapshot.at("accountInfo").at("miniProgram").at("appId") == TestHost::appid);
    CHECK(snapshot.contains("hostUser"));
    CHECK(snapshot.contains("storage"));
}

TEST_CASE("system info: canIUse knows the APIs and their fields")
{
    EverydayHost host;
    CHECK(host.core.canIUse("getSystemInfoSync"));
    CHECK(host.core.canIUse("getSystemInfoSync.return.safeArea"));
    CHECK(host.core.canIUse("getWindowInfo.return.screenTop"));
    CHECK(host.core.canIUse("getSystemInfo.success.SDKVersion"));
    CHECK(host.core.canIUse("getMenuButtonBoundingClientRect.return.left"));
    CHECK(host.core.canIUse("showModal.object.editable"));
    CHECK(host.core.canIUse("request.object.responseType.arraybuffer"));
    CHECK(host.core.canIUse("getStorageInfoSync.return.limitSize"));
    CHECK_FALSE(host.core.canIUse("getSystemInfoSync.return.nothing"));
    CHECK(host.core.isSyncApi("getWindowInfo"));
    CHECK(host.core.isSyncApi("getStorageSync"));
    CHECK_FALSE(host.core.isSyncApi("getSystemInfo"));
}
