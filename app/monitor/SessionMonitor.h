#pragma once

#include "core/Account.h"
#include "core/JsonCodec.h"
#include "monitor/CommandOutcome.h"
#include "monitor/LiveSessions.h"
#include "service/ApiResult.h"
#include "service/RetryPolicy.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;

namespace arr {

class Clock;
class RequestLog;
class SessionApi;
class TokenProvider;

// How an account's polling is going, for the status bar.
struct AccountHealth
{
    enum class State {
        // Not polled yet.
        Connecting,
        Healthy,
        // The last poll failed; the next one waits longer.
        BackingOff,
        // The token service refused the key, or the service the token.
        AuthenticationFailing,
        // The network is down; polling resumes when it returns.
        Offline,
        // A problem a retry cannot fix (no key, a refused endpoint).
        Misconfigured,
    };
    State state = State::Connecting;
    QDateTime lastGoodPoll;
    // The last failure, while not healthy.
    ApiResult lastError;
    // Consecutive failed polls.
    int failures = 0;
    // Milliseconds until the next poll (at the moment of the last change).
    qint64 nextPollInMs = 0;
};

QString accountHealthLabel(AccountHealth::State state);

// A moment worth telling the user about.
struct SessionNotification
{
    enum class Kind {
        BecameReady,
        LeaseEndingSoon,
        EndedInError,
        Expired,
        KeptAlive,
        // An account's spend today reached 80 % of its daily budget; then all of it.
        BudgetWarning,
        BudgetReached,
        // A session has been ready for longer than its account's alert allows.
        LongRunning,
        // A keep-alive policy reached its bound (or its session ended): when the session stops.
        KeepAliveEnded,
        // A keep-alive policy gave up: the service did not take its extends, or the lease is beyond
        // its bound.
        KeepAliveFailed,
    };
    Kind kind = Kind::BecameReady;
    QString account;
    QString sessionId;
    QString text;
};

// Polls every enabled account's session list (one request per account per interval, never two at
// once), applies each poll to the LiveSessions it owns the state of, carries user commands through
// until the service's answer or a poll confirms them (CommandFollowThrough, one per account: the
// window's commands and arrsm's alike), and tells its users what happened. Knows nothing of widgets or
// item models.
class SessionMonitor : public QObject
{
    Q_OBJECT

public:
    SessionMonitor(QNetworkAccessManager *network, RequestLog *log, const Clock *clock, QObject *parent = nullptr);
    ~SessionMonitor() override;

    // Every session of every account as last polled, with the commands in progress on them.
    const LiveSessions &sessions() const { return m_sessions; }

    // Starts polling the account with this key. An account of the same name is replaced. With
    // `onlySession`, each poll reads just that session (one request, its properties) instead of the
    // account's list: for a front end that follows one session (arrsm keep-alive); a session the
    // service does not know then fails the poll.
    void addAccount(const Account &account, const QString &key, const QString &onlySession = {});
    // Adds an account for a front end that sends one command and follows its session (arrsm create,
    // extend, stop): not polled until the service has answered a command sent on it, then polled for
    // that command's session alone (the created one, for a create), as with `onlySession`. A send that
    // fails is not sent again: the front end's caller (a script) decides whether to try again.
    void addAccountForCommand(const Account &account, const QString &key);
    // Adds an account for a front end that reads it once (arrsm list, show, metrics): polled once, as
    // addAccount() polls (its list, or with `onlySession` just that session), and never again, whatever
    // the answer; its one pollFinished() is the read. To read it again, add it again.
    void addAccountForOneRead(const Account &account, const QString &key, const QString &onlySession = {});
    void removeAccount(const QString &name);
    QStringList accountNames() const;
    AccountHealth health(const QString &account) const;

    // The pause between polls (10 s by default), and while a session is starting or stopping or a
    // command is followed (2 s). The settings keep a person's choice within bounds.
    void setPollInterval(std::chrono::milliseconds interval);
    void setFastPollInterval(std::chrono::milliseconds interval);
    // How long one request may take before it counts as timed out (30 s by default).
    void setTransferTimeout(std::chrono::milliseconds timeout);
    // When a failed request is sent again, for the session API and the token service of every account.
    void setRetryPolicy(const RetryPolicy &policy);
    // Lease left at which LeaseEndingSoon is notified.
    void setExpiryWarning(std::chrono::milliseconds before);

    // Polls now (all accounts, or one); if a poll is in flight, another follows it at once.
    void refresh(const QString &account = {});
    // While offline no poll is sent; on return every account polls at once.
    void setOnline(bool online);

    // Commands. Each ends in exactly one commandFinished().
    void createSession(const QString &account, const CreateSessionRequest &request);
    // `automatic`: asked for by a keep-alive policy; the outcome says so.
    void extendSession(const QString &account, const QString &sessionId, TimeSpan newMaxLease, bool automatic = false);
    void stopSession(const QString &account, const QString &sessionId);

    // The session API of an account, for callers that need a call the monitor does not make.
    SessionApi *api(const QString &account) const;

Q_SIGNALS:
    void accountHealthChanged(const QString &account, const arr::AccountHealth &health);
    void pollFinished(const QString &account, const arr::ApiResult &result);
    void commandFinished(const arr::CommandOutcome &outcome);
    void notify(const arr::SessionNotification &notification);

private:
    struct AccountState;

    AccountState *state(const QString &account) const;
    // Replaces any account of the same name by a new one, not yet scheduled.
    AccountState *insertAccount(const Account &account, const QString &key, const QString &onlySession);
    // An account for a command reads the session the service answered a command about, from then on.
    void followCommandedSession(AccountState *account, const QString &sessionId);
    void schedule(AccountState *account);
    void poll(AccountState *account);
    void onPollFinished(AccountState *account, const ApiResult &result);
    void setHealth(AccountState *account, AccountHealth::State state, const ApiResult &error = {});
    void detectTransitions(
        AccountState *account, const QHash<QString, SessionStatus> &previous, const QList<Session> &after);
    // A command for an account the monitor does not have ends in a failed outcome that says so, after
    // the caller has returned.
    void reportNoAccount(CommandOutcome outcome);
    void applyRequestSettings(AccountState *account) const;

    QNetworkAccessManager *m_network;
    QPointer<RequestLog> m_log;
    const Clock *m_clock;
    LiveSessions m_sessions;
    std::vector<std::unique_ptr<AccountState>> m_accounts;
    std::chrono::milliseconds m_pollInterval{10'000};
    std::chrono::milliseconds m_fastPollInterval{2'000};
    std::chrono::milliseconds m_expiryWarning{10 * 60'000};
    std::chrono::milliseconds m_transferTimeout{30'000};
    RetryPolicy m_retryPolicy;
    bool m_online = true;
};

} // namespace arr

Q_DECLARE_METATYPE(arr::AccountHealth)
Q_DECLARE_METATYPE(arr::SessionNotification)
