#pragma once

#include "core/Cost.h"
#include "core/Session.h"
#include "core/TimeSpan.h"
#include "monitor/SessionMonitor.h"
#include "storage/HistoryLocation.h"
#include "storage/HistoryStore.h"
#include "workspace/HistoryRecording.h"

#include <QHash>
#include <QString>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QSettings;
class QTemporaryDir;

namespace arr {

class AccountManager;
class AlertsGivenElsewhere;
class BilledTimeSource;
class AccountStore;
class BilledTimeSource;
class BudgetWatch;
class KeepAliveManager;
class HistoryRecorder;
class HistoryStore;
class Clock;
class LocalEmulator;
class NetworkWatcher;
class RequestLog;
class SecretStore;
class SessionMonitor;
class Settings;
struct CreateSessionRequest;
struct KeepAliveSpec;

// The application layer the desktop app is built on: the settings, the accounts a person watches
// and their keys (through the secret store), one monitor polling them, the built-in local emulator,
// network reachability, the request log, and the commands with their follow-through. Knows no
// widgets: the window shows and drives it, tests build it with a settings file, a clock and a secret
// store of their own.
class Workspace
{
public:
    struct Options
    {
        // --demo: only the local emulator; saved accounts neither loaded nor changed (accounts live in
        // a throwaway file, keys in memory).
        bool demo = false;
        // An ini file for settings and accounts; empty for the platform's default location.
        QString settingsFile;
        // The keychain's service name; empty to keep keys in memory.
        QString keychainService = QStringLiteral("arr-session-manager");
        // A secret store of the caller's; null to use the keychain as above.
        SecretStore *secretStore = nullptr;
        // Null for the system clock.
        const Clock *clock = nullptr;
        // --read-only: every account is watch only; create, extend, stop and keep-alive are refused.
        bool readOnly = false;
        // Why this workspace only watches though not asked to (another window runs on the same
        // settings): as readOnly, and the saved accounts are not changed either.
        QString watchOnlyReason;
        // The arr-emulator executable of the local emulator; empty for the one installed beside the app.
        QString emulatorProgram;
        // --demo-sessions N: ready sessions the local emulator adds to the demo's, to try the app at scale.
        int extraDemoSessions = 0;
        // The session history's file: empty for the default (HistoryStore::defaultFilePath(), or beside
        // settingsFile when one is given); demo mode keeps none.
        QString historyFile;
        // The team's history database (HistoryLocation::fromUrl()), for the recorder and openHistory():
        // arrsm passes ARRSM_HISTORY_URL. Empty: the settings' HistoryTeamUrl, else the history file.
        QString historyUrl;
        // Whether a recorder follows the monitor into the history in a thread of its own (the window).
        // A front end that writes its own records when it is done (arrsm) opens the file itself
        // (openHistory()).
        bool recordMonitor = true;
        // The program its commands are recorded as sent by, for who did what: "ARR Session Manager" (the
        // window), "arrsm", "arrsm watch"; empty for the application's name.
        QString program;
        // Whether the saved keep-alive policies run and the budgets and long-running alerts are checked
        // after each poll (the window, arrsm watch). A front end that runs one command (arrsm) leaves
        // them to those: its reads of one session must not extend a session behind its back, drop the
        // saved policies of sessions it does not read, or use up the day's alerts.
        bool runsPoliciesAndAlerts = true;
        // Whether the built-in local emulator may run (when switched on in the settings); a front end
        // without a window (arrsm watch) has no use for made-up sessions.
        bool localEmulator = true;
    };

    explicit Workspace(const Options &options);
    ~Workspace();
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    // Loads the accounts' keys and starts polling, and follows the network's reachability.
    void start();
    // As start(), but polls only `account` (an account for this run, see useAccountForRun()) with
    // this key, not the saved accounts.
    void startWith(const Account &account, const QString &key);
    // Applies the preferences after they changed: the monitor's (poll intervals, lease warning), the
    // prices, and the history chosen (this computer's file or a team's database), which the recorder
    // moves to at once (historyLocation() says where it is now).
    void applySettings();

    bool isDemo() const { return m_options.demo; }
    const Clock *clock() const { return m_options.clock; }
    Settings &settings() const { return *m_settings; }
    AccountStore &accountStore() const { return *m_accountStore; }
    SecretStore &secrets() const { return *m_secrets; }
    SessionMonitor &monitor() const { return *m_monitor; }
    RequestLog &log() const { return *m_log; }
    LocalEmulator &emulator() const { return *m_emulator; }
    AccountManager &accounts() const { return *m_accounts; }
    KeepAliveManager &keepAlive() const { return *m_keepAlive; }
    // The daily budgets and long-running alerts of the accounts.
    BudgetWatch &budgets() const { return *m_budgets; }
    // The prices in force: the user's, or the demo's examples.
    Pricing pricing() const;
    // The prices the user saved, each account's under its current name (as read now, not as applied).
    Pricing savedPricing() const;
    // Records every poll and command; its problemChanged() and problem() say when history is off or
    // a damaged file was replaced. Null in demo mode.
    HistoryRecorder *history() const { return m_history.get(); }
    QString historyProblem() const;
    // The budget alerts other programs gave today for the watched accounts, from now on (for a front end
    // that shows alerts to a person; arrsm watch gives its own on stderr); null without a recorder.
    AlertsGivenElsewhere *followAlertsGivenElsewhere();
    // How what is seen and done becomes history records (identity, prices): for a front end that
    // writes records of its own (arrsm), the same rule the recorder follows.
    const HistoryRecording &historyRecording() const { return m_recording; }
    // The session history's file (what Options::historyFile resolved to); empty in demo mode.
    QString historyFile() const { return m_historyFile; }
    // The history opened in this thread (the team's database when Options::historyUrl or the settings
    // name one, else the file), showing sessions under the saved accounts' names (see
    // HistoryStore::setAccounts()); null in demo mode. Check isOpen() and problem().
    std::unique_ptr<HistoryStore> openHistory() const;
    // The same, not opened yet: for a team's database that a front end reaches only when it must.
    std::unique_ptr<HistoryStore> historyStore() const;
    // Where the history is kept: the team's database (with its password once loadHistoryPassword() has
    // run), else the history file; an Invalid location (error() says why) for a team URL that is not
    // one, and none in demo mode.
    HistoryLocation historyLocation() const;
    // Reads the team database's password from the keychain, then calls `done` (at once without a team
    // database). The recorder does this by itself; a front end that opens the history itself first.
    void loadHistoryPassword(QObject *context, std::function<void()> done);
    // Copies this computer's history file into the team database (HistoryStore::copyTo()): safe to run
    // twice. Synchronous (seconds for a large file): a window runs it in a thread of its own. Needs the
    // password loaded (loadHistoryPassword()) when the keychain holds it.
    HistoryStore::CopyResult copyHistoryToTeam() const;
    // The same for any thread: the history file, the team database and the saved accounts given.
    static HistoryStore::CopyResult copyHistory(
        const QString &historyFile, const HistoryLocation &team, const QList<Account> &accounts);
    // Keeps the password of a team database in the keychain (Preferences), and for this run in memory:
    // used from now on whenever that database is the one in use.
    void saveHistoryPassword(const HistoryLocation &location, const QString &password);
    // Where records for the team database wait until it has them (HistoryOutbox); empty without one.
    QString historyOutboxFile() const;
    // Where "spent today" comes from, for the status bar and the budgets: the history (the sessions
    // listed now and those that ended today), or in demo mode only the sessions listed now.
    const BilledTimeSource &billedToday() const { return *m_billedToday; }

    // Whether the account's sessions are made up (the built-in local emulator's demo sessions): they
    // are shown and can be commanded, but never enter the history, "spent today" or the budgets.
    // (--demo keeps no history and shows its made-up spend at example prices.)
    static bool isMadeUp(const QString &account);

    // An account given to a front end for this run only (arrsm's environment variables), never
    // saved: named after the saved account with the same identity, so that both are one account (in
    // the history, and priced alike), else after its account id. Returns it so named.
    Account useAccountForRun(Account account);

    // Whether the account is watch only (marked so, or the whole app started with --read-only).
    bool isReadOnly(const QString &account) const;
    // Why the whole workspace only watches (--read-only, or another window on the same settings);
    // empty when it does not.
    QString watchOnlyReason() const;
    // Why the account's sessions cannot be changed, for a tooltip; empty when they can.
    QString readOnlyReason(const QString &account) const;

    // The commands; each ends in one SessionMonitor::commandFinished (for a read-only account, a
    // refused outcome that says why, with nothing sent).
    void createSession(const QString &account, const CreateSessionRequest &request);
    void extendSession(const QString &account, const QString &sessionId, TimeSpan newMaxLease);
    void stopSession(const QString &account, const QString &sessionId);
    // Starts (or replaces) the session's keep-alive policy; a refused outcome (read-only, or a spec
    // that is not usable) ends in commandFinished, a started policy in KeepAliveManager::policiesChanged.
    void keepSessionAlive(const QString &account, const QString &sessionId, const KeepAliveSpec &spec);

private:
    // Where the history is (the file, or a team's database), and the recorder that follows the monitor
    // into it (the window's) or the billed time of the live sessions alone (arrsm, demo).
    void setUpHistory();
    // Opens the recorder on the history file, or on the team database once its password is read.
    void openRecorder();
    // Records the budgets' and keep-alive policies' alerts into the history.
    void recordAlerts();
    // The team database the settings name now (none: the history file); moves the recorder when it
    // changed. Not for a run given its database (Options::historyUrl).
    void followHistoryChoice();
    // Ends the command in a refused outcome when the account is read-only; returns whether it did.
    bool refuseIfReadOnly(CommandOutcome::Kind kind, const QString &account, const QString &sessionId);
    void refuse(CommandOutcome::Kind kind, const QString &account, const QString &sessionId, const QString &why);

    Options m_options;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<QTemporaryDir> m_demoDirectory;
    std::unique_ptr<QSettings> m_accountSettings;
    std::unique_ptr<AccountStore> m_accountStore;
    std::unique_ptr<SecretStore> m_ownSecrets;
    SecretStore *m_secrets = nullptr;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<RequestLog> m_log;
    std::unique_ptr<SessionMonitor> m_monitor;
    std::unique_ptr<LocalEmulator> m_emulator;
    std::unique_ptr<AccountManager> m_accounts;
    std::unique_ptr<NetworkWatcher> m_reachability;
    std::unique_ptr<KeepAliveManager> m_keepAlive;
    std::unique_ptr<BudgetWatch> m_budgets;
    // Before the recorder, which uses it.
    HistoryRecording m_recording;
    std::unique_ptr<HistoryRecorder> m_history;
    std::unique_ptr<AlertsGivenElsewhere> m_alertsElsewhere;
    QString m_historyFile;
    // Empty (Kind::Invalid with no error) unless a team database is named.
    HistoryLocation m_teamHistory;
    QString m_teamHistoryUrl;
    // Team databases' passwords given in this run (by keychain entry): the keychain may not have
    // finished writing one when the history moves to its database.
    QHash<QString, QString> m_givenHistoryPasswords;
    std::unique_ptr<BilledTimeSource> m_billedToday;
    // The prices of the settings, as last applied.
    Pricing m_pricing;
};

} // namespace arr
