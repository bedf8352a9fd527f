#include "simulator/devicepreset.h"

using namespace Qt::StringLiterals;

namespace mpsim::app {

const QList<DevicePreset> &DevicePreset::all()
{
    static const QList<DevicePreset> presets{
        {u"iPhone 6/7/8"_s, QSize(375, 667), 2.0, 20, u"iOS 10.0.1"_s, 0},
        {u"iPhone 12/13/14"_s, QSize(390, 844), 3.0, 47, u"iOS 14.0.1"_s, 34},
        {u"Android 360x800"_s, QSize(360, 800), 3.0, 24, u"Android 10"_s, 0},
        {u"iPhone 6/7/8 Plus"_s, QSize(414, 736), 3.0, 20, u"iOS 10.0.1"_s, 0},
    };
    return presets;
}

const DevicePreset *DevicePreset::find(const QString &name)
{
    for (const DevicePreset &preset : all()) {
        if (preset.name.compare(name, Qt::CaseInsensitive) == 0)
            return &preset;
    }
    return nullptr;
}

} // namespace mpsim::app
