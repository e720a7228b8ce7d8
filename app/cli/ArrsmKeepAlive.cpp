#include "cli/CommandRunner.h"

#include "cli/Metrics.h"
#include "cli/Output.h"
#include "core/Clock.h"
#include "core/JsonCodec.h"
#include "core/RequestValidator.h"
#include "monitor/LiveSessions.h"
#include "monitor/SessionMonitor.h"
#include "storage/AccountStore.h"
#include "storage/HistoryExport.h"
#include "storage/HistoryStore.h"
#include "storage/SecretStore.h"
#include "workspace/KeepAliveManager.h"
#include "workspace/KeepAlivePolicy.h"
#include "workspace/KeyLookup.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

// arrsm keep-alive: the window's keep-alive (KeepAliveManager over a monitor) for one session and one
// run, each step told on the terminal.
namespace arr::cli {

void CommandRunner::keepAlive(Account account)
{
    account.name = historyAccount();
    // The workspace's monitor reads the one session; its keep-alive runs no saved policy in arrsm
    // (Workspace::Options::runsPoliciesAndAlerts), only this run's.
    SessionMonitor &monitor = m_context.workspace->monitor();
    KeepAliveManager &keepAlive = m_context.workspace->keepAlive();
    monitor.setPollInterval(m_command.pollInterval);
    monitor.setFastPollInterval(m_command.pollInterval);
    connect(&monitor, &SessionMonitor::pollFinished, this, &CommandRunner::onKeepAliveRead);
    connect(&keepAlive, &KeepAliveManager::decided, this,
        [this](const QString &, const QString &, const KeepAlivePolicy::Decision &decision) {
            onKeepAliveDecided(decision);
        });
    connect(&keepAlive, &KeepAliveManager::automaticExtendFinished, this, &CommandRunner::onKeepAliveExtended);
    // Ctrl+C only stops looking: the session keeps the lease it has (main quits the event loop).
    monitor.addAccount(account, m_command.connection.accountKey, m_command.sessionId);
}

void CommandRunner::onKeepAliveRead(const QString &, const ApiResult &result)
{
    if (m_finished || result.kind == ErrorKind::Cancelled)
        return;
    // Each read has the service layer's retries already; a few failed reads in a row more are what a
    // long run rides out, then it gives up rather than let the lease run out unseen.
    constexpr int MaximumFailedReads = 3;
    if (!result.ok() || !result.session) {
        if (result.httpStatus == 404 || ++m_keepAliveFailedReads >= MaximumFailedReads) {
            fail(result);
            return;
        }
        printErr(tr("arrsm: warning: session %1 could not be read (%2); trying again.")
                     .arg(m_command.sessionId, result.summary()));
        return;
    }
    m_keepAliveFailedReads = 0;
    const bool firstRead = !m_keepAliveSeen;
    m_keepAliveSeen = *result.session;
    if (!firstRead)
        return;
    // The policy starts once its session is known (the manager drops a policy of a session not seen).
    KeepAliveSpec spec = m_command.keepAlive;
    if (m_command.keepAliveUntil)
        spec.until = KeepAliveSpec::nextOccurrence(*m_command.keepAliveUntil, m_clock->now());
    if (const QString problem = m_context.workspace->keepAlive().start(historyAccount(), m_command.sessionId, spec);
        !problem.isEmpty()) {
        printErr(u"arrsm: "_s + problem);
        finish(ExitUsage);
    }
}

void CommandRunner::onKeepAliveDecided(const KeepAlivePolicy::Decision &decision)
{
    const TrackedSession *tracked
        = m_context.workspace->monitor().sessions().find(historyAccount(), m_command.sessionId);
    if (m_finished || !tracked)
        return;
    const Session &session = tracked->session;
    switch (decision.action) {
    case KeepAlivePolicy::Decision::Action::Wait:
        if (m_command.verbose)
            printErr(tr("arrsm: session %1 is %2, %3 left")
                         .arg(m_command.sessionId, statusText(session),
                             decision.remaining ? decision.remaining->toString() : tr("unknown")));
        return;
    case KeepAlivePolicy::Decision::Action::ExtendNotTaken:
        printErr(tr("arrsm: warning: %1 Asking again in %2 s.")
                     .arg(decision.problem)
                     .arg(std::chrono::duration_cast<std::chrono::seconds>(m_command.pollInterval).count()));
        return;
    case KeepAlivePolicy::Decision::Action::Failed:
        printErr(u"arrsm: "_s + decision.problem);
        finish(ExitFailure);
        return;
    case KeepAlivePolicy::Decision::Action::Extend:
        return;
    case KeepAlivePolicy::Decision::Action::CapReached: {
        const QString when = decision.endsAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
        // A lease beyond the bound was not this policy's doing: a warning, and said so.
        if (decision.beyondBound)
            printErr(tr("arrsm: warning: %1 It will stop at %2.").arg(decision.problem, when));
        printKeepAliveEvent(decision.beyondBound ? u"beyondBound"_s : u"capReached"_s, session,
            (decision.beyondBound
                    ? tr("Session %1 has a lease of %2, beyond the bound; keep-alive did nothing. It will stop at %3.")
                    : tr("Session %1 is kept alive as far as asked (lease %2); it will stop at %3."))
                .arg(m_command.sessionId, session.maxLease->toString(), when),
            std::nullopt, decision.endsAt);
        finish(ExitSuccess);
        return;
    }
    case KeepAlivePolicy::Decision::Action::SessionEnded:
        printKeepAliveEvent(u"ended"_s, session,
            tr("Session %1 ended (%2); nothing more to keep alive.").arg(m_command.sessionId, statusText(session)));
        finish(ExitSessionEnded);
        return;
    }
}

void CommandRunner::onKeepAliveExtended(const CommandOutcome &outcome)
{
    if (m_finished)
        return;
    // A send the service refused ends the run; one it accepted that did not take is the policy's to
    // judge on this poll (ExtendNotTaken, then Failed).
    if (!outcome.accepted) {
        fail(outcome.result);
        return;
    }
    const TrackedSession *tracked
        = m_context.workspace->monitor().sessions().find(historyAccount(), m_command.sessionId);
    if (!outcome.succeeded || !tracked || !tracked->session.maxLease || !m_keepAliveSeen)
        return;
    // Shown by the poll that confirmed it: only now is it said to have happened.
    const Session &from = *m_keepAliveSeen;
    const TimeSpan lease = *tracked->session.maxLease;
    printKeepAliveEvent(u"extended"_s, from,
        tr("Extended session %1 from %2 to %3.")
            .arg(m_command.sessionId, from.maxLease ? from.maxLease->toString() : tr("unknown"), lease.toString()),
        lease);
    recordCommand(CommandOutcome::Kind::Extend, true, m_command.sessionId, outcome.result.msCv,
        tr("extended to %1 by arrsm (keep-alive)").arg(lease.toString()), lease);
}

void CommandRunner::printKeepAliveEvent(const QString &event, const Session &session, const QString &line,
    std::optional<TimeSpan> newLease, const QDateTime &endsAt)
{
    if (!m_command.json) {
        printOut(line.toUtf8() + '\n');
        return;
    }
    QJsonObject object;
    object.insert(u"event"_s, event);
    object.insert(u"sessionId"_s, m_command.sessionId);
    object.insert(u"sessionStatus"_s, statusText(session));
    object.insert(u"sessionElapsedTime"_s, session.elapsed ? QJsonValue(session.elapsed->toString()) : QJsonValue());
    object.insert(u"sessionMaxLeaseTime"_s, session.maxLease ? QJsonValue(session.maxLease->toString()) : QJsonValue());
    if (newLease)
        object.insert(u"newMaxLeaseTime"_s, newLease->toString());
    if (endsAt.isValid())
        object.insert(u"endsAt"_s, endsAt.toUTC().toString(Qt::ISODate));
    printOut(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
}

} // namespace arr::cli
