#include "monitor/SessionMonitor.h"

#include "core/Clock.h"
#include "monitor/LiveSessions.h"
#include "service/RequestLog.h"
#include "service/SessionApi.h"
#include "service/TokenProvider.h"

#include <QLoggingCategory>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcMonitor, "arrsm.monitor", QtWarningMsg)

namespace arr {

namespace {

// The longest pause between polls after repeated failures.
constexpr std::chrono::milliseconds MaximumBackoff = 5min;
// How many times a command is sent before the monitor gives up on it (each send has its own retries).
constexpr int MaximumCommandSends = 3;
// How many polls a command is followed before it is reported as failed.
constexpr int FollowThroughPolls = 6;

bool isPermanentFailure(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Rejected:
    case ErrorKind::NotFound:
    case ErrorKind::Forbidden:
    case ErrorKind::Authentication:
    case ErrorKind::Configuration:
    case ErrorKind::Cancelled:
    case ErrorKind::Tls:
        return true;
    default:
        return false;
    }
}

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

struct SessionMonitor::PendingCommand
{
    CommandOutcome::Kind kind = CommandOutcome::Kind::Extend;
    QString sessionId;
    TimeSpan lease;
    QPointer<ApiJob> job;
    // The service has accepted at least one send.
    bool accepted = false;
    int sends = 0;
    int pollsWaited = 0;
    ApiResult lastResult;
    // Asked for by a keep-alive policy rather than by the user.
    bool automatic = false;
};

struct SessionMonitor::AccountState
{
    Account account;
    std::unique_ptr<TokenProvider> tokens;
    std::unique_ptr<SessionApi> api;
    QTimer timer;
    QPointer<ApiJob> pollJob;
    bool pollAgain = false;
    AccountHealth health;
    QList<std::shared_ptr<PendingCommand>> commands;
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

void SessionMonitor::addAccount(const Account &account, const QString &key)
{
    removeAccount(account.name);
    auto state = std::make_unique<AccountState>();
    state->account = account;
    state->tokens
        = std::make_unique<TokenProvider>(m_network, account.tokenEndpoint, account.accountId, key, m_log, m_clock);
    state->tokens->accountLabel = account.name;
    state->api = std::make_unique<SessionApi>(m_network, state->tokens.get(), account, m_log, m_clock);
    applyRequestSettings(state.get());
    state->timer.setSingleShot(true);
    AccountState *raw = state.get();
    connect(&raw->timer, &QTimer::timeout, this, [this, raw] { poll(raw); });
    m_accounts.push_back(std::move(state));
    // Let the caller connect to the signals before the first poll reports.
    raw->timer.start(0);
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
    const auto commands = std::exchange(state->commands, {});
    state->api->abortAll();
    m_sessions.removeAccount(name);
    for (const auto &command : commands) {
        CommandOutcome outcome;
        outcome.kind = command->kind;
        outcome.account = name;
        outcome.sessionId = command->sessionId;
        outcome.result.kind = ErrorKind::Cancelled;
        outcome.result.message = tr("The account was removed before the command was confirmed.");
        outcome.description = tr("Session %1: %2").arg(command->sessionId, outcome.result.message);
        Q_EMIT commandFinished(outcome);
    }
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
    if (!m_online || account->pollJob)
        return;
    std::chrono::milliseconds delay = m_pollInterval;
    if (account->health.failures > 0) {
        const int exponent = std::min(account->health.failures - 1, 10);
        delay = std::min<std::chrono::milliseconds>(m_pollInterval * (1 << exponent), MaximumBackoff);
        if (account->health.lastError.retryAfter)
            delay = std::max<std::chrono::milliseconds>(delay, *account->health.lastError.retryAfter);
    } else {
        const bool changing = !account->commands.isEmpty() || m_sessions.hasTransitionalSession(account->account.name);
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
    if (!m_online)
        return;
    account->timer.stop();
    account->pollJob = account->api->listSessions();
    connect(account->pollJob, &ApiJob::finished, this,
        [this, account](const ApiResult &result) { onPollFinished(account, result); });
}

void SessionMonitor::onPollFinished(AccountState *account, const ApiResult &result)
{
    account->pollJob = nullptr;
    if (result.ok()) {
        const QHash<QString, SessionStatus> before = m_sessions.statusesOf(account->account.name);
        m_sessions.applyPoll(account->account.name, result.sessions, m_clock->monotonicMs(), result.msCv);
        detectTransitions(account, before, result.sessions);
        account->polledOnce = true;
        account->health.failures = 0;
        account->health.lastGoodPoll = m_clock->now();
        followCommands(account);
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
    AccountState *account = state(accountName);
    if (!account) {
        CommandOutcome outcome;
        outcome.account = accountName;
        outcome.result.kind = ErrorKind::Configuration;
        outcome.result.message = tr("There is no account named \"%1\".").arg(accountName);
        outcome.description = outcome.result.message;
        QMetaObject::invokeMethod(
            this, [this, outcome] { Q_EMIT commandFinished(outcome); }, Qt::QueuedConnection);
        return;
    }
    ApiJob *job = account->api->createSession(request);
    connect(job, &ApiJob::finished, this, [this, accountName, request](const ApiResult &result) {
        CommandOutcome outcome;
        outcome.kind = CommandOutcome::Kind::Create;
        outcome.account = accountName;
        outcome.result = result;
        outcome.sessionId = result.sessionId;
        outcome.succeeded = result.ok();
        if (result.ok()) {
            // Shown at once as starting; the next poll fills in the rest.
            Session placeholder;
            placeholder.id = result.sessionId;
            placeholder.status = SessionStatus::Starting;
            placeholder.statusText = u"starting"_s;
            placeholder.size = request.size;
            placeholder.maxLease = request.maxLease;
            placeholder.elapsed = TimeSpan();
            if (state(accountName))
                m_sessions.upsert(accountName, placeholder, m_clock->monotonicMs(), result.msCv);
            outcome.description = tr("Created session %1 on %2.").arg(result.sessionId, accountName);
            refresh(accountName);
        } else {
            outcome.description = tr("Could not create a session on %1: %2").arg(accountName, result.summary());
        }
        Q_EMIT commandFinished(outcome);
    });
}

void SessionMonitor::extendSession(
    const QString &accountName, const QString &sessionId, TimeSpan newMaxLease, bool automatic)
{
    AccountState *account = state(accountName);
    auto command = std::make_shared<PendingCommand>();
    command->kind = CommandOutcome::Kind::Extend;
    command->sessionId = sessionId;
    command->lease = newMaxLease;
    command->automatic = automatic;
    if (!account) {
        ApiResult missing;
        missing.kind = ErrorKind::Configuration;
        missing.message = tr("There is no account named \"%1\".").arg(accountName);
        CommandOutcome outcome;
        outcome.kind = CommandOutcome::Kind::Extend;
        outcome.account = accountName;
        outcome.sessionId = sessionId;
        outcome.requestedLease = newMaxLease;
        outcome.result = missing;
        outcome.description = missing.message;
        outcome.automatic = automatic;
        QMetaObject::invokeMethod(
            this, [this, outcome] { Q_EMIT commandFinished(outcome); }, Qt::QueuedConnection);
        return;
    }
    account->commands.append(command);
    m_sessions.setPendingCommand(accountName, sessionId, tr("extending to %1").arg(newMaxLease.toDisplayString()));
    issueCommand(account, command);
}

void SessionMonitor::stopSession(const QString &accountName, const QString &sessionId)
{
    AccountState *account = state(accountName);
    auto command = std::make_shared<PendingCommand>();
    command->kind = CommandOutcome::Kind::Stop;
    command->sessionId = sessionId;
    if (!account) {
        ApiResult missing;
        missing.kind = ErrorKind::Configuration;
        missing.message = tr("There is no account named \"%1\".").arg(accountName);
        CommandOutcome outcome;
        outcome.kind = CommandOutcome::Kind::Stop;
        outcome.account = accountName;
        outcome.sessionId = sessionId;
        outcome.result = missing;
        outcome.description = missing.message;
        QMetaObject::invokeMethod(
            this, [this, outcome] { Q_EMIT commandFinished(outcome); }, Qt::QueuedConnection);
        return;
    }
    account->commands.append(command);
    m_sessions.setPendingCommand(accountName, sessionId, tr("stop requested"));
    issueCommand(account, command);
}

void SessionMonitor::issueCommand(AccountState *account, const std::shared_ptr<PendingCommand> &command)
{
    ++command->sends;
    command->job = command->kind == CommandOutcome::Kind::Extend ? account->api->extendSession(
                       command->sessionId, command->lease, command->automatic ? tr("keep-alive") : QString())
                                                                 : account->api->stopSession(command->sessionId);
    const QString accountName = account->account.name;
    connect(command->job, &ApiJob::finished, this, [this, accountName, command](const ApiResult &result) {
        AccountState *current = state(accountName);
        if (!current || !current->commands.contains(command))
            return;
        command->job = nullptr;
        command->lastResult = result;
        m_sessions.setLastMsCv(accountName, command->sessionId, result.msCv);
        // A stop of a session the service no longer knows has nothing left to stop.
        const bool alreadyGone = command->kind == CommandOutcome::Kind::Stop && result.kind == ErrorKind::NotFound;
        if (result.ok() || alreadyGone) {
            command->accepted = true;
            refresh(accountName);
            return;
        }
        if (isPermanentFailure(result.kind) || command->sends >= MaximumCommandSends) {
            finishCommand(current, command, false, result);
            return;
        }
        // A transient failure: the next poll decides whether to send it again.
        schedule(current);
    });
}

void SessionMonitor::followCommands(AccountState *account)
{
    const auto commands = account->commands;
    for (const auto &command : commands) {
        const TrackedSession *tracked = m_sessions.find(account->account.name, command->sessionId);
        const Session *session = tracked ? &tracked->session : nullptr;
        if (command->kind == CommandOutcome::Kind::Extend) {
            if (session && session->maxLease && *session->maxLease >= command->lease && command->accepted) {
                finishCommand(account, command, true, command->lastResult);
                continue;
            }
            if (!session || isFinalStatus(session->status)) {
                ApiResult ended = command->lastResult;
                ended.kind = ErrorKind::NotFound;
                ended.message = tr("The session ended before the new lease was confirmed.");
                finishCommand(account, command, false, ended);
                continue;
            }
        } else {
            const bool stopping
                = !session || session->status == SessionStatus::Stopping || isFinalStatus(session->status);
            if (stopping && command->accepted) {
                // A lease that ran out, or a failure, may have ended the session before the stop
                // reached it: the service answers such a stop with success all the same. Ended
                // either way; the user is told which.
                finishCommand(
                    account, command, true, command->lastResult, session ? session->status : SessionStatus::Unknown);
                continue;
            }
        }
        if (command->job)
            continue;
        ++command->pollsWaited;
        if (command->pollsWaited > FollowThroughPolls
            || (command->sends >= MaximumCommandSends && !command->accepted)) {
            ApiResult unconfirmed = command->lastResult;
            if (unconfirmed.ok()) {
                unconfirmed.kind = ErrorKind::BadResponse;
                unconfirmed.message = tr("The service accepted the command, but the session did not change.");
            }
            finishCommand(account, command, false, unconfirmed);
            continue;
        }
        // Not confirmed yet: send again when the last send failed, or when an accepted one has still
        // not shown after a few polls. Both are safe to repeat.
        if (!command->accepted || command->pollsWaited % 3 == 0)
            issueCommand(account, command);
    }
}

void SessionMonitor::finishCommand(AccountState *account, const std::shared_ptr<PendingCommand> &command,
    bool succeeded, const ApiResult &result, SessionStatus seen)
{
    account->commands.removeAll(command);
    if (command->job)
        command->job->abort();
    m_sessions.setPendingCommand(account->account.name, command->sessionId, {});
    CommandOutcome outcome;
    outcome.kind = command->kind;
    outcome.account = account->account.name;
    outcome.sessionId = command->sessionId;
    outcome.succeeded = succeeded;
    outcome.accepted = command->accepted;
    outcome.result = result;
    outcome.automatic = command->automatic;
    if (command->kind == CommandOutcome::Kind::Extend)
        outcome.requestedLease = command->lease;
    if (command->kind == CommandOutcome::Kind::Extend) {
        outcome.description = succeeded
            ? tr("Extended the lease of session %1 to %2.").arg(command->sessionId, command->lease.toDisplayString())
            : tr("Could not extend session %1: %2").arg(command->sessionId, result.summary());
    } else {
        if (!succeeded)
            outcome.description = tr("Could not stop session %1: %2").arg(command->sessionId, result.summary());
        else if (seen == SessionStatus::Expired)
            outcome.description = tr("Session %1 had already ended: its lease ran out.").arg(command->sessionId);
        else if (seen == SessionStatus::Error)
            outcome.description = tr("Session %1 had already ended with an error.").arg(command->sessionId);
        else
            outcome.description = tr("Stopped session %1.").arg(command->sessionId);
    }
    Q_EMIT commandFinished(outcome);
}

} // namespace arr
