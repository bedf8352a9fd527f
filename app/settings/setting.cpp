#include "settings/setting.h"

namespace mpsim::app {

namespace {

constexpr int CurrentSettingsVersion = 1;

} // namespace

void migrateSettings()
{
    QSettings settings;
    const int version = settings.value(QStringLiteral("settingsVersion"), 0).toInt();
    if (version == CurrentSettingsVersion)
        return;
    // Version 0 -> 1: nothing to convert (version 1 is the first layout).
    settings.setValue(QStringLiteral("settingsVersion"), CurrentSettingsVersion);
}

} // namespace mpsim::app
