#pragma once

#include <QSettings>
#include <QVariant>

#include <memory>

namespace arr {

// Typed access to the app's preferences, with one table of keys and defaults (Settings.cpp).
// Values read back are checked and clamped, so a hand-edited or corrupted settings file can never
// produce a nonsensical poll interval or threshold.
class Settings
{
public:
    enum class Key {
        PollIntervalSeconds,
        FastPollIntervalSeconds,
        WarningThresholdMinutes,
        CriticalThresholdMinutes,
        ExpiryNotificationMinutes,
        NotificationsEnabled,
        HideFinishedSessions,
        StatusFilter,
        TextFilter,
        SortColumn,
        SortOrder,
        MainWindowGeometry,
        MainWindowState,
        SplitterState,
        TableHeaderState,
        LogDockVisible,
    };

    // Uses the application's default QSettings location.
    Settings();
    // For tests: a settings file of the caller's choosing.
    explicit Settings(const QString &iniFile);

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    void reset(Key key);
    static QVariant defaultValue(Key key);

    int pollIntervalSeconds() const;
    int fastPollIntervalSeconds() const;
    int warningThresholdMinutes() const;
    int criticalThresholdMinutes() const;
    int expiryNotificationMinutes() const;

    QSettings &raw() { return *m_settings; }

    // The service asked clients to keep at least this long between calls.
    static constexpr int MinimumPollIntervalSeconds = 5;

private:
    int boundedInt(Key key, int minimum, int maximum) const;
    std::unique_ptr<QSettings> m_settings;
};

} // namespace arr
