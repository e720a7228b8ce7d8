#include "monitor/SessionMonitor.h"

#include "core/Clock.h"
#include "monitor/CommandFollowThrough.h"
#include "monitor/LiveSessions.h"
#include "service/RequestLog.h"
#include "service/SessionApi.h"
#include "service/TokenProvider.h"

#include <QLoggingCategory>
#include <QSet>

#include <algorithm>

using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcMonitor, "arrsm.monitor", QtWarningMsg)

namespace arr {

namespace {

// The longest pause between polls after repeated failures.
constexpr std::chrono::milliseconds MaximumBackoff = 5min;

} // namespace

QString accountHealthLabel(AccountHealth::State state)
{
    switch (state) {
    case AccountHealth::State::Connecting:
        return SessionMonitor::tr("connecting");
    case AccountHealth::State::Healthy:
        return SessionMonitor::tr("healthy");
    case AccountHealth::State::BackingOff:
        return SessionMonitor::tr("backing off");
    case AccountHealth::State::AuthenticationFailing:
        return SessionMonitor::tr("failing to authenticate");
    case AccountHealth::State::Offline:
        return SessionMonitor::tr("offline");
    case AccountHealth::State::Misconfigured:
        return SessionMonitor::tr("misconfigured");
    }
    return {};
}

struct SessionMonitor::AccountState
{
    Account account;
    // Empty: the account's list.
    QString onlySession;
    // Added for one command (addAccountForCommand()): polled only once onlySession is known.
    bool forCommand = false;
    // Added for one read (addAccountForOneRead()): polled once, never rescheduled.
    bool forOneRead = false;
    bool oneReadSent = false;
    std::unique_ptr<TokenProvider> tokens;
    std::unique_ptr<SessionApi> api;
    QTimer timer;
    std::unique_ptr<CommandFollowThrough> commands;
    QPointer<ApiJob> pollJob;
    bool pollAgain = false;
    AccountHealth health;
    // Sessions already warned about their lease running out (cleared when the lease is extended).
    QSet<QString> warnedExpiring;
    bool polledOnce = false;
};

SessionMonitor::SessionMonitor(QNetworkAccessManager *network, RequestLog *log, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_log(log)
    , m_clock(clock ? clock : SystemClock::instance())
    , m_sessions(m_clock)
{
}

SessionMonitor::~SessionMonitor()
{
    for (const auto &account : m_accounts)
        account->timer.stop();
}

SessionMonitor::AccountState *SessionMonitor::state(const QString &account) const
{
    for (const auto &candidate : m_accounts) {
        if (candidate->account.name == account)
            return candidate.get();
    }
    return nullptr;
}

void SessionMonitor::addAccount(const Account &account, const QString &key, const QString &onlySession)
{
    AccountState *state = insertAccount(account, key, onlySession);
    // Let the caller connect to the signals before the first poll reports.
    state->timer.start(0);
}

void SessionMonitor::addAccountForCommand(const Account &account, const QString &key)
{
    AccountState *state = insertAccount(account, key, {});
    state->forCommand = true;
    state->commands->setMaximumSends(1);
}

void SessionMonitor::addAccountForOneRead(const Account &account, const QString &key, const QString &onlySession)
{
    AccountState *state = insertAccount(account, key, onlySession);
    state->forOneRead = true;
    state->timer.start(0);
}

SessionMonitor::AccountState *SessionMonitor::insertAccount(
    const Account &account, const QString &key, const QString &onlySession)
{
    removeAccount(account.name);
    auto state = std::make_unique<AccountState>();
    state->account = account;
    state->onlySession = onlySession;
    state->tokens
        = std::make_unique<TokenProvider>(m_network, account.tokenEndpoint, account.accountId, key, m_log, m_clock);
    state->tokens->accountLabel = account.name;
    state->tokens->accountIdentity = account.identity();
    state->api = std::make_unique<SessionApi>(m_network, state->tokens.get(), account, m_log, m_clock);
    state->commands = std::make_unique<CommandFollowThrough>(account.name, state->api.get(), &m_sessions, m_clock);
    applyRequestSettings(state.get());
    state->timer.setSingleShot(true);
    AccountState *raw = state.get();
    connect(&raw->timer, &QTimer::timeout, this, [this, raw] { poll(raw); });
    connect(raw->commands.get(), &CommandFollowThrough::finished, this, [this, raw](const CommandOutcome &outcome) {
        // An account for a command polls its session once the service has accepted the command, at
        // the pace of any account (its answer may have confirmed the command without a poll).
        if (outcome.accepted) {
            followCommandedSession(raw, outcome.sessionId);
            if (raw->forCommand && !raw->timer.isActive() && !raw->pollJob)
                schedule(raw);
        }
        Q_EMIT commandFinished(outcome);
    });
    connect(raw->commands.get(), &CommandFollowThrough::pollWanted, this, [this, raw](const QString &sessionId) {
        followCommandedSession(raw, sessionId);
        poll(raw);
    });
    connect(raw->commands.get(), &CommandFollowThrough::sendFailed, this, [this, raw] { schedule(raw); });
    m_accounts.push_back(std::move(state));
    return raw;
}

void SessionMonitor::followCommandedSession(AccountState *account, const QString &sessionId)
{
    if (account->forCommand && account->onlySession.isEmpty())
        account->onlySession = sessionId;
}

void SessionMonitor::removeAccount(const QString &name)
{
    const auto it = std::find_if(
        m_accounts.begin(), m_accounts.end(), [&name](const auto &state) { return state->account.name == name; });
    if (it == m_accounts.end())
        return;
    std::unique_ptr<AccountState> state = std::move(*it);
    m_accounts.erase(it);
    state->timer.stop();
    // The extends and stops still followed end as cancelled, once the account's calls have stopped (a
    // create in flight ends there, as failed).
    const QList<CommandOutcome> cancelled = state->commands->cancelAll();
    state->api->abortAll();
    m_sessions.removeAccount(name);
    for (const CommandOutcome &outcome : cancelled)
        Q_EMIT commandFinished(outcome);
}

QStringList SessionMonitor::accountNames() const
{
    QStringList names;
    for (const auto &account : m_accounts)
        names.append(account->account.name);
    return names;
}

AccountHealth SessionMonitor::health(const QString &account) const
{
    const AccountState *found = state(account);
    return found ? found->health : AccountHealth();
}

SessionApi *SessionMonitor::api(const QString &account) const
{
    const AccountState *found = state(account);
    return found ? found->api.get() : nullptr;
}

void SessionMonitor::setPollInterval(std::chrono::milliseconds interval)
{
    m_pollInterval = std::max<std::chrono::milliseconds>(interval, 1ms);
}

void SessionMonitor::setFastPollInterval(std::chrono::milliseconds interval)
{
    m_fastPollInterval = std::max<std::chrono::milliseconds>(interval, 1ms);
}

void SessionMonitor::setTransferTimeout(std::chrono::milliseconds timeout)
{
    m_transferTimeout = timeout;
    for (const auto &state : m_accounts)
        applyRequestSettings(state.get());
}

void SessionMonitor::setRetryPolicy(const RetryPolicy &policy)
{
    m_retryPolicy = policy;
    for (const auto &state : m_accounts)
        applyRequestSettings(state.get());
}

void SessionMonitor::applyRequestSettings(AccountState *account) const
{
    account->api->retryPolicy = m_retryPolicy;
    account->tokens->retryPolicy = m_retryPolicy;
    account->api->requestFactory.transferTimeout = m_transferTimeout;
    account->tokens->requestFactory.transferTimeout = m_transferTimeout;
}

void SessionMonitor::setExpiryWarning(std::chrono::milliseconds before)
{
    m_expiryWarning = before;
}

void SessionMonitor::refresh(const QString &account)
{
    for (const auto &state : m_accounts) {
        if (account.isEmpty() || state->account.name == account)
            poll(state.get());
    }
}

void SessionMonitor::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    qCInfo(lcMonitor) << "network" << (online ? "online" : "offline");
    for (const auto &state : m_accounts) {
        if (online) {
            poll(state.get());
        } else {
            state->timer.stop();
            setHealth(state.get(), AccountHealth::State::Offline, state->health.lastError);
        }
    }
}

void SessionMonitor::setHealth(AccountState *account, AccountHealth::State newState, const ApiResult &error)
{
    account->health.state = newState;
    account->health.lastError = newState == AccountHealth::State::Healthy ? ApiResult() : error;
    account->health.nextPollInMs = account->timer.isActive() ? account->timer.remainingTime() : 0;
    Q_EMIT accountHealthChanged(account->account.name, account->health);
}

void SessionMonitor::schedule(AccountState *account)
{
    if (!m_online || account->pollJob || account->forOneRead)
        return;
    std::chrono::milliseconds delay = m_pollInterval;
    if (account->health.failures > 0) {
        const int exponent = std::min(account->health.failures - 1, 10);
        delay = std::min<std::chrono::milliseconds>(m_pollInterval * (1 << exponent), MaximumBackoff);
        if (account->health.lastError.retryAfter)
            delay = std::max<std::chrono::milliseconds>(delay, *account->health.lastError.retryAfter);
    } else {
        const bool changing
            = account->commands->isFollowing() || m_sessions.hasTransitionalSession(account->account.name);
        if (changing)
            delay = m_fastPollInterval;
    }
    account->timer.start(delay);
    account->health.nextPollInMs = delay.count();
}

void SessionMonitor::poll(AccountState *account)
{
    if (account->pollJob) {
        // Never two polls of one account at once: this one follows the poll in flight.
        account->pollAgain = true;
        return;
    }
    // An account for a command has nothing to read before the service answered the command; an
    // account for one read has had it once it was sent.
    if (!m_online || (account->forCommand && account->onlySession.isEmpty()) || account->oneReadSent)
        return;
    account->oneReadSent = account->forOneRead;
    account->timer.stop();
    account->commands->pollStarted();
    account->pollJob = account->onlySession.isEmpty() ? account->api->listSessions()
                                                      : account->api->sessionProperties(account->onlySession);
    connect(account->pollJob, &ApiJob::finished, this,
        [this, account](const ApiResult &result) { onPollFinished(account, result); });
}

void SessionMonitor::onPollFinished(AccountState *account, const ApiResult &result)
{
    account->pollJob = nullptr;
    if (result.ok()) {
        const QHash<QString, SessionStatus> before = m_sessions.statusesOf(account->account.name);
        QList<Session> polled = result.sessions;
        if (!account->onlySession.isEmpty() && result.session)
            polled = {*result.session};
        m_sessions.applyPoll(account->account.name, polled, m_clock->monotonicMs(), result.msCv);
        detectTransitions(account, before, polled);
        account->polledOnce = true;
        account->health.failures = 0;
        account->health.lastGoodPoll = m_clock->now();
        account->commands->followPoll();
        setHealth(account, AccountHealth::State::Healthy);
    } else if (result.kind != ErrorKind::Cancelled) {
        ++account->health.failures;
        AccountHealth::State next = AccountHealth::State::BackingOff;
        if (result.kind == ErrorKind::Authentication)
            next = AccountHealth::State::AuthenticationFailing;
        else if (result.kind == ErrorKind::Configuration)
            next = AccountHealth::State::Misconfigured;
        else if (!m_online)
            next = AccountHealth::State::Offline;
        qCInfo(lcMonitor) << account->account.name << "poll failed:" << result.summary();
        account->health.lastError = result;
        schedule(account);
        setHealth(account, next, result);
    }
    Q_EMIT pollFinished(account->account.name, result);
    if (account->pollAgain) {
        account->pollAgain = false;
        poll(account);
        return;
    }
    if (result.ok())
        schedule(account);
}

void SessionMonitor::detectTransitions(
    AccountState *account, const QHash<QString, SessionStatus> &previous, const QList<Session> &after)
{
    const QString &name = account->account.name;
    for (const Session &session : after) {
        const auto it = previous.constFind(session.id);
        const bool known = it != previous.constEnd();
        const auto tell = [&](SessionNotification::Kind kind, const QString &text) {
            SessionNotification notification;
            notification.kind = kind;
            notification.account = name;
            notification.sessionId = session.id;
            notification.text = text;
            Q_EMIT notify(notification);
        };
        if (known && *it != session.status) {
            if (session.status == SessionStatus::Ready) {
                tell(SessionNotification::Kind::BecameReady,
                    tr("Session %1 (%2) is ready: %3").arg(session.id, name, session.hostname));
            } else if (session.status == SessionStatus::Error) {
                tell(SessionNotification::Kind::EndedInError,
                    tr("Session %1 (%2) ended in error: %3").arg(session.id, name, session.message));
            } else if (session.status == SessionStatus::Expired) {
                tell(SessionNotification::Kind::Expired, tr("Session %1 (%2) expired.").arg(session.id, name));
            }
        }
        const auto remaining = session.remaining();
        if (session.status == SessionStatus::Ready && remaining && remaining->toChrono() <= m_expiryWarning) {
            if (!account->warnedExpiring.contains(session.id)) {
                account->warnedExpiring.insert(session.id);
                tell(SessionNotification::Kind::LeaseEndingSoon,
                    tr("The lease of session %1 (%2) ends in %3.").arg(session.id, name, remaining->toDisplayString()));
            }
        } else {
            account->warnedExpiring.remove(session.id);
        }
    }
}

void SessionMonitor::createSession(const QString &accountName, const CreateSessionRequest &request)
{
    if (AccountState *account = state(accountName)) {
        account->commands->create(request);
        return;
    }
    CommandOutcome outcome;
    outcome.kind = CommandOutcome::Kind::Create;
    outcome.account = accountName;
    reportNoAccount(outcome);
}

void SessionMonitor::extendSession(
    const QString &accountName, const QString &sessionId, TimeSpan newMaxLease, bool automatic)
{
    if (AccountState *account = state(accountName)) {
        account->commands->extend(sessionId, newMaxLease, automatic);
        return;
    }
    CommandOutcome outcome;
    outcome.kind = CommandOutcome::Kind::Extend;
    outcome.account = accountName;
    outcome.sessionId = sessionId;
    outcome.requestedLease = newMaxLease;
    outcome.automatic = automatic;
    reportNoAccount(outcome);
}

void SessionMonitor::stopSession(const QString &accountName, const QString &sessionId)
{
    if (AccountState *account = state(accountName)) {
        account->commands->stop(sessionId);
        return;
    }
    CommandOutcome outcome;
    outcome.kind = CommandOutcome::Kind::Stop;
    outcome.account = accountName;
    outcome.sessionId = sessionId;
    reportNoAccount(outcome);
}

void SessionMonitor::reportNoAccount(CommandOutcome outcome)
{
    outcome.result.kind = ErrorKind::Configuration;
    outcome.result.message = tr("There is no account named \"%1\".").arg(outcome.account);
    outcome.description = outcome.result.message;
    QMetaObject::invokeMethod(
        this, [this, outcome] { Q_EMIT commandFinished(outcome); }, Qt::QueuedConnection);
}

} // namespace arr
