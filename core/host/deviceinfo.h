#pragma once

#include <string>

namespace mpsim::core {

// The phone the simulator pretends to be, as the system-information APIs
// report it (wx.getSystemInfoSync, getWindowInfo, getDeviceInfo ...). The app
// fills it from the device preset it shows and sets it again whenever the
// preset changes (ApiCore::setDeviceInfo). Sizes are logical pixels.
struct DeviceInfo
{
    std::string brand = "devtools"; // what the platform's IDE reports
    std::string model = "iPhone 6/7/8";
    std::string system = "iOS 10.0.1";
    std::string platform = "devtools";
    double pixelRatio = 2.0;
    int screenWidth = 375;
    int screenHeight = 667;
    int statusBarHeight = 20;
    int safeAreaBottomInset = 0; // the home indicator's strip on notched phones
    // Whether pages show the native navigation bar (44 px under the status
    // bar). windowHeight = screenHeight - statusBarHeight - 44 when it is
    // shown, screenHeight otherwise (navigationStyle "custom"). A tab bar is
    // not subtracted.
    bool navigationBarShown = true;
    std::string language = "en";   // the host app's language
    std::string version = "8.0.5"; // the host app's version
    std::string theme = "light";
    int fontSizeSetting = 16;
    int benchmarkLevel = 1;

    static constexpr int navigationBarHeight = 44;

    int windowWidth() const { return screenWidth; }
    int windowHeight() const
    {
        return navigationBarShown ? screenHeight - statusBarHeight - navigationBarHeight
                                  : screenHeight;
    }
};

} // namespace mpsim::core
