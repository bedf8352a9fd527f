#pragma once

#include <QList>
#include <QSize>
#include <QString>

namespace mpsim::app {

// A phone the simulator can pretend to be.
struct DevicePreset
{
    QString name;              // "iPhone 6/7/8"
    QSize screenSize;          // logical pixels (CSS px)
    qreal pixelRatio = 2.0;    // device pixels per logical pixel
    int statusBarHeight = 20;  // logical pixels
    // What wx.getSystemInfoSync reports as `system` ("iOS 10.0.1", "Android 10").
    QString system = QStringLiteral("iOS 10.0.1");
    // The strip at the bottom the safe area leaves out (the home indicator).
    int safeAreaBottomInset = 0;

    // The presets mpsim ships; the first is the default.
    static const QList<DevicePreset> &all();
    // The preset called `name` (case-insensitive), or nullptr.
    static const DevicePreset *find(const QString &name);
};

} // namespace mpsim::app
