#include "monitor/CommandFollowThrough.h"

#include "core/Clock.h"
#include "monitor/LiveSessions.h"
#include "monitor/SessionMonitor.h"
#include "service/SessionApi.h"

#include <QPointer>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace arr {

// The sentences are the monitor's (SessionMonitor::tr), where the translations have them.

namespace {

// How many times a command the service has not accepted is sent before it is given up (each send has
// its own retries). One it has accepted is never sent again behind the user's back.
constexpr int DefaultMaximumSends = 3;
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

// The result of a command that did not show: the service's own failure, or its yes that did not take.
ApiResult notTaken(ApiResult result)
{
    if (result.ok()) {
        result.kind = ErrorKind::BadResponse;
        result.message = SessionMonitor::tr("The service accepted the command, but the session did not change.");
    }
    return result;
}

} // namespace

struct CommandFollowThrough::Pending
{
    CommandOutcome::Kind kind = CommandOutcome::Kind::Extend;
    QString sessionId;
    TimeSpan lease;
    QPointer<ApiJob> job;
    // The service has accepted at least one send.
    bool accepted = false;
    // A poll began after the service accepted it: that poll's answer shows the change, or it did not
    // take.
    bool pollSinceAccepted = false;
    int sends = 0;
    int pollsWaited = 0;
    ApiResult lastResult;
    // Asked for by a keep-alive policy rather than by the user.
    bool automatic = false;
};

CommandFollowThrough::CommandFollowThrough(
    const QString &account, SessionApi *api, LiveSessions *sessions, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_api(api)
    , m_sessions(sessions)
    , m_clock(clock)
    , m_maximumSends(DefaultMaximumSends)
{
}

void CommandFollowThrough::setMaximumSends(int sends)
{
    m_maximumSends = std::max(sends, 1);
}

CommandFollowThrough::~CommandFollowThrough() = default;

void CommandFollowThrough::create(const CreateSessionRequest &request)
{
    ApiJob *job = m_api->createSession(request);
    connect(job, &ApiJob::finished, this, [this, request](const ApiResult &result) {
        CommandOutcome outcome;
        outcome.kind = CommandOutcome::Kind::Create;
        outcome.account = m_account;
        outcome.result = result;
        outcome.sessionId = result.sessionId;
        outcome.succeeded = result.ok();
        outcome.accepted = result.ok();
        if (result.ok()) {
            // Shown at once as starting; the next poll fills in the rest.
            Session placeholder;
            placeholder.id = result.sessionId;
            placeholder.status = SessionStatus::Starting;
            placeholder.statusText = u"starting"_s;
            placeholder.size = request.size;
            placeholder.maxLease = request.maxLease;
            placeholder.elapsed = TimeSpan();
            m_sessions->upsert(m_account, placeholder, m_clock->monotonicMs(), result.msCv);
            outcome.description = SessionMonitor::tr("Created session %1 on %2.").arg(result.sessionId, m_account);
            Q_EMIT pollWanted(result.sessionId);
        } else {
            outcome.description
                = SessionMonitor::tr("Could not create a session on %1: %2").arg(m_account, result.summary());
        }
        Q_EMIT finished(outcome);
    });
}

void CommandFollowThrough::extend(const QString &sessionId, TimeSpan newMaxLease, bool automatic)
{
    auto command = std::make_shared<Pending>();
    command->kind = CommandOutcome::Kind::Extend;
    command->sessionId = sessionId;
    command->lease = newMaxLease;
    command->automatic = automatic;
    follow(command, SessionMonitor::tr("extending to %1").arg(newMaxLease.toDisplayString()));
}

void CommandFollowThrough::stop(const QString &sessionId)
{
    auto command = std::make_shared<Pending>();
    command->kind = CommandOutcome::Kind::Stop;
    command->sessionId = sessionId;
    follow(command, SessionMonitor::tr("stop requested"));
}

void CommandFollowThrough::follow(const std::shared_ptr<Pending> &command, const QString &pendingText)
{
    m_commands.append(command);
    m_sessions->setPendingCommand(m_account, command->sessionId, pendingText);
    send(command);
}

void CommandFollowThrough::send(const std::shared_ptr<Pending> &command)
{
    ++command->sends;
    if (command->kind == CommandOutcome::Kind::Extend) {
        const QString origin = command->automatic ? SessionMonitor::tr("keep-alive") : QString();
        command->job = m_api->extendSession(command->sessionId, command->lease, origin);
    } else {
        command->job = m_api->stopSession(command->sessionId);
    }
    connect(
        command->job, &ApiJob::finished, this, [this, command](const ApiResult &result) { onSent(command, result); });
}

void CommandFollowThrough::onSent(const std::shared_ptr<Pending> &command, const ApiResult &result)
{
    if (!m_commands.contains(command))
        return;
    command->job = nullptr;
    command->lastResult = result;
    m_sessions->setLastMsCv(m_account, command->sessionId, result.msCv);
    // A stop of a session the service no longer knows has nothing left to stop.
    const bool alreadyGone = command->kind == CommandOutcome::Kind::Stop && result.kind == ErrorKind::NotFound;
    if (result.ok() || alreadyGone) {
        command->accepted = true;
        // An answer that shows the change needs no poll to confirm it.
        const Session *answered = result.session ? &*result.session : nullptr;
        if (alreadyGone || showsChange(*command, answered)) {
            if (answered)
                m_sessions->upsert(m_account, *answered, m_clock->monotonicMs(), result.msCv);
            finish(command, true, result, answered ? answered->status : SessionStatus::Unknown);
            return;
        }
        Q_EMIT pollWanted(command->sessionId);
        return;
    }
    if (isPermanentFailure(result.kind) || command->sends >= m_maximumSends) {
        finish(command, false, result);
        return;
    }
    Q_EMIT sendFailed();
}

void CommandFollowThrough::followPoll()
{
    const auto commands = m_commands;
    for (const auto &command : commands) {
        const TrackedSession *tracked = m_sessions->find(m_account, command->sessionId);
        if (settledByPoll(command, tracked ? &tracked->session : nullptr) || command->job)
            continue;
        ++command->pollsWaited;
        if (command->pollsWaited > FollowThroughPolls || (command->sends >= m_maximumSends && !command->accepted)) {
            finish(command, false, notTaken(command->lastResult));
            continue;
        }
        // Not confirmed yet: send again only when the last send failed. An accepted one is not repeated:
        // the service said yes, and asking the same again changes nothing it did not already take.
        if (!command->accepted)
            send(command);
    }
}

void CommandFollowThrough::pollStarted()
{
    for (const auto &command : std::as_const(m_commands))
        command->pollSinceAccepted = command->accepted;
}

bool CommandFollowThrough::showsChange(const Pending &command, const Session *session)
{
    if (!session)
        return false;
    if (command.kind == CommandOutcome::Kind::Extend)
        return session->maxLease && *session->maxLease >= command.lease;
    return session->status == SessionStatus::Stopping || isFinalStatus(session->status);
}

bool CommandFollowThrough::settledByPoll(const std::shared_ptr<Pending> &command, const Session *session)
{
    if (command->kind == CommandOutcome::Kind::Extend) {
        if (command->accepted && showsChange(*command, session)) {
            finish(command, true, command->lastResult);
            return true;
        }
        // The service sets a lease at once: a poll sent after it said yes that does not show the lease
        // shows that it did not take (the caller, or a keep-alive policy, decides whether to ask again).
        if (command->pollSinceAccepted && session && !isFinalStatus(session->status)) {
            finish(command, false, notTaken(command->lastResult));
            return true;
        }
        if (!session || isFinalStatus(session->status)) {
            ApiResult ended = command->lastResult;
            ended.kind = ErrorKind::NotFound;
            ended.message = SessionMonitor::tr("The session ended before the new lease was confirmed.");
            finish(command, false, ended);
            return true;
        }
        return false;
    }
    const bool stopping = !session || session->status == SessionStatus::Stopping || isFinalStatus(session->status);
    if (stopping && command->accepted) {
        // A lease that ran out, or a failure, may have ended the session before the stop reached it:
        // the service answers such a stop with success all the same. Ended either way; the user is
        // told which.
        finish(command, true, command->lastResult, session ? session->status : SessionStatus::Unknown);
        return true;
    }
    return false;
}

void CommandFollowThrough::finish(
    const std::shared_ptr<Pending> &command, bool succeeded, const ApiResult &result, SessionStatus seen)
{
    m_commands.removeAll(command);
    if (command->job)
        command->job->abort();
    m_sessions->setPendingCommand(m_account, command->sessionId, {});
    CommandOutcome outcome;
    outcome.kind = command->kind;
    outcome.account = m_account;
    outcome.sessionId = command->sessionId;
    outcome.succeeded = succeeded;
    outcome.accepted = command->accepted;
    outcome.result = result;
    outcome.automatic = command->automatic;
    const QString &id = command->sessionId;
    if (command->kind == CommandOutcome::Kind::Extend) {
        outcome.requestedLease = command->lease;
        outcome.description = succeeded
            ? SessionMonitor::tr("Extended the lease of session %1 to %2.").arg(id, command->lease.toDisplayString())
            : SessionMonitor::tr("Could not extend session %1: %2").arg(id, result.summary());
    } else if (!succeeded) {
        outcome.description = SessionMonitor::tr("Could not stop session %1: %2").arg(id, result.summary());
    } else if (seen == SessionStatus::Expired) {
        outcome.description = SessionMonitor::tr("Session %1 had already ended: its lease ran out.").arg(id);
    } else if (seen == SessionStatus::Error) {
        outcome.description = SessionMonitor::tr("Session %1 had already ended with an error.").arg(id);
    } else {
        outcome.description = SessionMonitor::tr("Stopped session %1.").arg(id);
    }
    Q_EMIT finished(outcome);
}

QList<CommandOutcome> CommandFollowThrough::cancelAll()
{
    const auto commands = std::exchange(m_commands, {});
    QList<CommandOutcome> outcomes;
    for (const auto &command : commands) {
        CommandOutcome outcome;
        outcome.kind = command->kind;
        outcome.account = m_account;
        outcome.sessionId = command->sessionId;
        outcome.result.kind = ErrorKind::Cancelled;
        outcome.result.message = SessionMonitor::tr("The account was removed before the command was confirmed.");
        outcome.description = SessionMonitor::tr("Session %1: %2").arg(command->sessionId, outcome.result.message);
        outcomes.append(outcome);
    }
    return outcomes;
}

} // namespace arr
