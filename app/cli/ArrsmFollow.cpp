#include "cli/CommandRunner.h"

#include "cli/Output.h"
#include "core/JsonCodec.h"
#include "monitor/LiveSessions.h"
#include "monitor/SessionMonitor.h"
#include "workspace/Workspace.h"

using namespace Qt::StringLiterals;

// create, extend, stop and wait on the application layer: each command sent through the workspace as
// the window sends it, and followed by the workspace's monitor (SessionMonitor and its
// CommandFollowThrough) on an account added for this run that reads just the one session; what the
// outcome and the reads show is printed here, with the deadline.
namespace arr::cli {

namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', ms % 1000 == 0 ? 0 : 1);
}

// Failures that another read may not repeat: worth waiting through while following a session.
bool isTransient(ErrorKind kind)
{
    return kind == ErrorKind::Network || kind == ErrorKind::Timeout || kind == ErrorKind::Server
        || kind == ErrorKind::Throttled || kind == ErrorKind::BadResponse;
}

// Reads in a row that may fail before a wait gives up: the service layer has already retried each.
constexpr int MaximumFailedReads = 3;

} // namespace

void CommandRunner::sendCommand(Account account)
{
    account.name = historyAccount();
    Workspace &workspace = *m_context.workspace;
    SessionMonitor &monitor = workspace.monitor();
    // The account's only polls are reads of the command's session, at the pace asked for.
    monitor.setPollInterval(m_command.pollInterval);
    monitor.setFastPollInterval(m_command.pollInterval);
    connect(&monitor, &SessionMonitor::pollFinished, this, &CommandRunner::onSessionRead);
    const QString &key = m_command.connection.accountKey;
    if (m_command.kind == CommandKind::Wait) {
        m_waitingFor = m_command.sessionId;
        monitor.addAccount(account, key, m_command.sessionId);
        return;
    }
    connect(&monitor, &SessionMonitor::commandFinished, this, &CommandRunner::onCommandFinished);
    // Nothing is read before the command is sent.
    monitor.addAccountForCommand(account, key);
    switch (m_command.kind) {
    case CommandKind::Create: {
        CreateSessionRequest request;
        request.maxLease = m_command.lease;
        request.size = m_command.size;
        request.models = m_command.models;
        request.sessionId = m_command.newSessionId;
        workspace.createSession(account.name, request);
        break;
    }
    case CommandKind::Extend:
        m_readBackDone = tr("extended");
        workspace.extendSession(account.name, m_command.sessionId, m_command.lease);
        break;
    case CommandKind::Stop:
        if (!m_command.wait)
            m_readBackDone = tr("asked to stop");
        workspace.stopSession(account.name, m_command.sessionId);
        break;
    default:
        Q_UNREACHABLE();
        break;
    }
}

void CommandRunner::onCommandFinished(const CommandOutcome &outcome)
{
    if (m_finished || outcome.account != historyAccount())
        return;
    if (outcome.refused) {
        printErr(u"arrsm: "_s + outcome.description);
        finish(ExitUsage);
        return;
    }
    if (outcome.kind == CommandOutcome::Kind::Create) {
        onCreated(outcome);
        return;
    }
    // A stop of a session the service does not know leaves nothing to stop for the window; a script is
    // told the service's answer.
    const bool unknownToStop = outcome.kind == CommandOutcome::Kind::Stop && outcome.result.kind == ErrorKind::NotFound;
    if (!outcome.accepted || unknownToStop) {
        recordCommand(outcome.kind, false, m_command.sessionId, outcome.result.msCv, outcome.result.summary());
        fail(outcome.result);
        return;
    }
    recordAccepted(outcome.result.msCv);
    if (m_command.wait) {
        // stop --wait: the reads go on until the session is stopped.
        m_waitingFor = m_command.sessionId;
        return;
    }
    // Confirmed by the service's answer or by the read that followed it: the session as it showed.
    const TrackedSession *tracked
        = m_context.workspace->monitor().sessions().find(historyAccount(), m_command.sessionId);
    if (!tracked) {
        Session known;
        known.id = m_command.sessionId;
        printSession(known);
    } else {
        recordSeen({tracked->session}, tracked->lastMsCv);
        printSession(tracked->session);
    }
    finish(ExitSuccess);
}

void CommandRunner::onCreated(const CommandOutcome &outcome)
{
    if (!outcome.succeeded) {
        fail(outcome.result);
        return;
    }
    m_createdId = outcome.sessionId;
    recordCommand(CommandOutcome::Kind::Create, true, m_createdId, outcome.result.msCv, tr("created by arrsm"));
    if (m_command.verbose)
        printErr(tr("arrsm: created session %1").arg(m_createdId));
    // The monitor reads the new session from now on.
    if (m_command.wait)
        m_waitingFor = m_createdId;
    else
        m_readBackDone = tr("created");
}

void CommandRunner::recordAccepted(const QByteArray &msCv)
{
    const bool extend = m_command.kind == CommandKind::Extend;
    if (m_acceptedRecorded || (!extend && m_command.kind != CommandKind::Stop))
        return;
    m_acceptedRecorded = true;
    recordCommand(extend ? CommandOutcome::Kind::Extend : CommandOutcome::Kind::Stop, true, m_command.sessionId, msCv,
        extend ? tr("extended by arrsm to %1").arg(m_command.lease.toString()) : tr("stopped by arrsm"));
}

void CommandRunner::onSessionRead(const QString &account, const ApiResult &result)
{
    if (m_finished || account != historyAccount() || result.kind == ErrorKind::Cancelled)
        return;
    // An account added for a command reads its session only once the service has accepted the command.
    recordAccepted(result.msCv);
    if (!m_readBackDone.isEmpty())
        showReadBack(result);
    else
        onWaitRead(result);
}

void CommandRunner::showReadBack(const ApiResult &result)
{
    const QString sessionId = m_command.kind == CommandKind::Create ? m_createdId : m_command.sessionId;
    if (result.ok() && result.session) {
        recordSeen({*result.session}, result.msCv);
        printSession(*result.session);
    } else {
        printErr(tr("arrsm: warning: session %1 was %2, but its properties could not be read: %3")
                     .arg(sessionId, m_readBackDone, result.summary()));
        Session known;
        known.id = sessionId;
        printSession(known);
    }
    finish(ExitSuccess);
}

void CommandRunner::onWaitRead(const ApiResult &result)
{
    if (m_waitingFor.isEmpty())
        m_waitingFor = m_command.sessionId;
    if (!result.ok() || !result.session) {
        if (isTransient(result.kind) && ++m_failedReads < MaximumFailedReads) {
            printErr(tr("arrsm: warning: session %1 could not be read (%2); trying again.")
                         .arg(m_waitingFor, result.summary()));
            return;
        }
        fail(result);
        return;
    }
    m_failedReads = 0;
    const Session session = *result.session;
    m_lastSeen = session;
    recordSeen({session}, {});
    if (m_command.verbose)
        printErr(tr("arrsm: session %1 is %2").arg(m_waitingFor, statusText(session)));
    if (session.status == m_command.until) {
        printSession(session);
        finish(ExitSuccess);
    } else if (isFinalStatus(session.status)) {
        onWaitEnded(session);
    }
}

void CommandRunner::onWaitEnded(const Session &session)
{
    printSession(session);
    const QString &id = m_waitingFor;
    const QString message = session.message.trimmed();
    QString why;
    switch (session.status) {
    case SessionStatus::Error:
        why = tr("arrsm: session %1 failed: %2")
                  .arg(id, message.isEmpty() ? tr("the service gave no reason.") : message);
        break;
    case SessionStatus::Expired:
        why = tr("arrsm: session %1 expired: %2").arg(id, message.isEmpty() ? tr("its lease ran out.") : message);
        break;
    default:
        why = tr("arrsm: session %1 stopped before it became ready.").arg(id);
        if (!message.isEmpty())
            why += u' ' + message;
        break;
    }
    printErr(why);
    finish(ExitSessionEnded);
}

void CommandRunner::onDeadline()
{
    if (m_finished)
        return;
    if (m_waitingFor.isEmpty()) {
        QString line = tr("arrsm: timed out after %1 s without a complete answer from the service.")
                           .arg(seconds(m_command.timeout.count()));
        if (m_command.kind == CommandKind::Create)
            line += u' ' + tr("The session may have been created anyway; list the sessions before creating another.");
        printErr(line);
        finish(ExitTimedOut);
        return;
    }
    const QString target = sessionStatusWireName(m_command.until);
    QString line = tr("arrsm: timed out after %1 s waiting for session %2 to be %3")
                       .arg(seconds(m_commandTime.elapsed()), m_waitingFor, target);
    if (m_lastSeen) {
        printSession(*m_lastSeen);
        line += tr("; it is %1.").arg(statusText(*m_lastSeen));
    } else {
        line += u'.';
    }
    printErr(line);
    finish(ExitTimedOut);
}

} // namespace arr::cli
