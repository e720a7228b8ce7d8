#pragma once

#include "core/Account.h"
#include "core/Cost.h"

#include <QSettings>
#include <QStringList>
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
        LogErrorsOnly,
        LogHeaderState,
        LastCreateAccount,
        LastCreateSize,
        LastCreateLeaseMinutes,
        // Unset until the user turns the built-in emulator on or off.
        LocalEmulatorEnabled,
        // The keep-alive policies, as a JSON array of {account, sessionId, spec...}.
        KeepAlivePolicies,
        // Days the session history keeps a session after it was last seen; older ones are pruned at start-up.
        HistoryRetentionDays,
        // Cost: ISO 4217 code, the default prices per hour ("standard=3;premium=12") and, per
        // account name, a map of "currency" and "prices" (the negotiated prices in the same form).
        PriceCurrency,
        HourlyPrices,
        AccountHourlyPrices,
        // The budget and long-running alerts already given today: {"day": "yyyy-MM-dd", "alerts": [...]},
        // so that a restart does not repeat them.
        AlertsGiven,
        // How many columns the sessions table had when TableHeaderState was saved: columns added
        // since then are shown or hidden as in a new user's table (14 for a state saved before the
        // count was kept).
        TableColumnCount,
        // Where the History window was and how large, when it was last closed.
        HistoryWindowGeometry,
        // The language of the window: "" to follow the system's, else a code of languages() ("en", "de").
        Language,
        // The team's history database as a URL (postgresql://user@host:5432/db?sslmode=require; see
        // HistoryLocation): empty for this computer's history file. Read by arrsm so far.
        HistoryTeamUrl,
    };

    // Uses the application's default QSettings location.
    Settings();
    // For tests: a settings file of the caller's choosing.
    explicit Settings(const QString &iniFile);

    // Where the values are kept (an ini file, or the platform's place); saved accounts live there too.
    QString fileName() const;
    QSettings::Format format() const;
    bool contains(Key key) const;
    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    void reset(Key key);
    static QVariant defaultValue(Key key);

    int pollIntervalSeconds() const;
    // 1 to 36500 days, 400 by default.
    int historyRetentionDays() const;
    int fastPollIntervalSeconds() const;
    int warningThresholdMinutes() const;
    int criticalThresholdMinutes() const;
    int expiryNotificationMinutes() const;

    // The prices the user entered; unreadable entries (a hand-edited file) are left out, never
    // guessed. Never the demo's example prices: those are not settings. An account's own prices are
    // kept by its identity (Account::identity()) and handed out under the name each of `accounts` has
    // now, so that a renamed account keeps them; prices for a name no account has stay under that name.
    Pricing pricing(const QList<Account> &accounts) const;
    void setPricing(const Pricing &pricing, const QList<Account> &accounts);

    // The language chosen in the preferences: "" for the system's, else one of languages(); an
    // unknown code (a hand-edited file, a language since removed) reads as "".
    QString language() const;
    void setLanguage(const QString &code);
    // The codes of the languages the window can be shown in, besides the system's.
    static QStringList languages();

    // Writes pending changes to disk now (they are written on destruction anyway).
    void sync();

    // The service asked clients to keep at least this long between calls.
    static constexpr int MinimumPollIntervalSeconds = 5;

private:
    int boundedInt(Key key, int minimum, int maximum) const;
    std::unique_ptr<QSettings> m_settings;
};

} // namespace arr
