#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

namespace mpsim::app {

// A typed handle on one persistent setting (tiled's Preference<T>,
// qBittorrent's SettingValue<T>), declared next to the code that uses it.
template<typename T>
class Setting
{
public:
    Setting(QString key, T defaultValue)
        : m_key(std::move(key))
        , m_default(std::move(defaultValue))
    {}

    T value() const
    {
        const QVariant stored = QSettings().value(m_key);
        return stored.isValid() && stored.canConvert<T>() ? stored.value<T>() : m_default;
    }
    void setValue(const T &value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }
    const QString &key() const { return m_key; }

private:
    QString m_key;
    T m_default;
};

// Brings stored settings to the current layout; the one place that knows
// older ones. Call once at start-up, after the application's name is set.
void migrateSettings();

} // namespace mpsim::app
