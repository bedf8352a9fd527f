// The system-information APIs: wx.getSystemInfo (and its Sync / Async forms),
// getWindowInfo, getDeviceInfo, getAppBaseInfo, getSystemSetting,
// getAppAuthorizeSetting and getMenuButtonBoundingClientRect, from the device
// preset the simulator shows (ApiCore::setDeviceInfo). The synchronous ones
// also travel in the page's sync snapshot ("syncValues").

#include "api/apienvironment.h"
#include "api/apiregistry.h"
#include "api/handlers/handlers.h"

namespace mpsim::core {

namespace {

// The capsule (menu button) at the top right, as on the platform: 87 x 32,
// 7 px from the right edge, 4 px below the status bar.
constexpr int menuButtonWidth = 87;
constexpr int menuButtonHeight = 32;
constexpr int menuButtonRightMargin = 7;
constexpr int menuButtonTopMargin = 4;

nlohmann::json safeArea(const DeviceInfo &device)
{
    const int top = device.statusBarHeight;
    const int bottom = device.screenHeight - device.safeAreaBottomInset;
    return {{"left", 0},        {"right", device.screenWidth}, {"top", top},
            {"bottom", bottom}, {"width", device.screenWidth}, {"height", bottom - top}};
}

nlohmann::json windowInfo(const ApiEnvironment &env)
{
    const DeviceInfo &device = env.device;
    return {{"pixelRatio", device.pixelRatio},
            {"screenWidth", device.screenWidth},
            {"screenHeight", device.screenHeight},
            {"windowWidth", device.windowWidth()},
            {"windowHeight", device.windowHeight()},
            {"statusBarHeight", device.statusBarHeight},
            {"safeArea", safeArea(device)},
            {"screenTop", device.screenHeight - device.windowHeight()}};
}

nlohmann::json deviceInfo(const ApiEnvironment &env)
{
    const DeviceInfo &device = env.device;
    return {{"abi", ""},
            {"deviceAbi", ""},
            {"benchmarkLevel", device.benchmarkLevel},
            {"brand", device.brand},
            {"model", device.model},
            {"system", device.system},
            {"platform", device.platform}};
}

nlohmann::json appBaseInfo(const ApiEnvironment &env)
{
    const DeviceInfo &device = env.device;
    return {{"SDKVersion", env.sdkVersion}, {"enableDebug", false},
            {"language", device.language},  {"version", device.version},
            {"theme", device.theme},        {"fontSizeSetting", device.fontSizeSetting}};
}

// The simulated phone has every system switch on and has granted the host
// app every permission.
nlohmann::json systemSetting()
{
    return {{"bluetoothEnabled", true},
            {"locationEnabled", true},
            {"wifiEnabled", true},
            {"deviceOrientation", "portrait"}};
}

nlohmann::json appAuthorizeSetting()
{
    nlohmann::json setting{{"locationReducedAccuracy", false}};
    for (const char *name :
         {"albumAuthorized", "bluetoothAuthorized", "cameraAuthorized", "locationAuthorized",
          "microphoneAuthorized", "notificationAuthorized", "notificationAlertAuthorized",
          "notificationBadgeAuthorized", "notificationSoundAuthorized", "phoneCalendarAuthorized"})
        setting[name] = "authorized";
    return setting;
}

nlohmann::json menuButtonRect(const ApiEnvironment &env)
{
    const DeviceInfo &device = env.device;
    const int top = device.statusBarHeight + menuButtonTopMargin;
    const int right = device.screenWidth - menuButtonRightMargin;
    return {{"width", menuButtonWidth},
            {"height", menuButtonHeight},
            {"top", top},
            {"right", right},
            {"bottom", top + menuButtonHeight},
            {"left", right - menuButtonWidth}};
}

// getSystemInfo's object: the union of the newer APIs, with the
// authorizations as booleans, as the platform reports them.
nlohmann::json systemInfo(const ApiEnvironment &env)
{
    nlohmann::json info = windowInfo(env);
    info.erase("screenTop");
    info.update(deviceInfo(env));
    info.erase("abi");
    info.erase("deviceAbi");
    info.update(appBaseInfo(env));
    info.update(systemSetting());
    const nlohmann::json authorizations = appAuthorizeSetting();
    for (const auto &[name, value] : authorizations.items())
        info[name] = value.is_string() ? nlohmann::json(value == "authorized") : value;
    return info;
}

using Builder = nlohmann::json (*)(const ApiEnvironment &);

// "return.<field>" (or "success.<field>") for each top-level field `build`
// answers, so canIUse('getSystemInfoSync.return.safeArea') is true.
std::vector<std::string> fieldCapabilities(Builder build, const std::string &prefix)
{
    HostStateStore store;
    ManualClock clock;
    const ApiEnvironment env(store, clock);
    std::vector<std::string> capabilities;
    const nlohmann::json fields = build(env); // items() must not outlive it
    for (const auto &[field, value] : fields.items())
        capabilities.push_back(prefix + field);
    return capabilities;
}

} // namespace

void registerSystemApis(ApiRegistry &registry)
{
    const std::pair<const char *, Builder> syncApis[] = {
        {"getSystemInfoSync", systemInfo},
        {"getWindowInfo", windowInfo},
        {"getDeviceInfo", deviceInfo},
        {"getAppBaseInfo", appBaseInfo},
        {"getSystemSetting",
         [](const ApiEnvironment &) {
             return systemSetting();
         }},
        {"getAppAuthorizeSetting",
         [](const ApiEnvironment &) {
             return appAuthorizeSetting();
         }},
        {"getMenuButtonBoundingClientRect", menuButtonRect},
    };
    for (const auto &[name, build] : syncApis) {
        registry.add({.name = name,
                      .capabilities = fieldCapabilities(build, "return."),
                      .sync = [fn = build](const nlohmann::json &, const CallContext &,
                                           ApiEnvironment &env) -> ApiReply {
                          return {true, fn(env)};
                      },
                      .inSnapshot = true});
    }
    for (const char *name : {"getSystemInfo", "getSystemInfoAsync"}) {
        registry.add({.name = name,
                      .capabilities = fieldCapabilities(systemInfo, "success."),
                      .async = [](const nlohmann::json &, const CallContext &, ApiEnvironment &env,
                                  Reply reply) {
                          reply.succeed(systemInfo(env));
                      }});
    }
}

} // namespace mpsim::core
