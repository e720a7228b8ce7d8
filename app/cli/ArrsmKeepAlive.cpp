#include "cli/CommandRunner.h"

#include "cli/Metrics.h"
#include "cli/Output.h"
#include "core/Clock.h"
#include "core/JsonCodec.h"
#include "core/RequestValidator.h"
#include "service/SessionApi.h"
#include "service/TokenProvider.h"
#include "storage/AccountStore.h"
#include "storage/HistoryExport.h"
#include "storage/HistoryStore.h"
#include "storage/SecretStore.h"
#include "workspace/KeepAlivePolicy.h"
#include "workspace/KeyLookup.h"
#include "workspace/SessionWatch.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

// arrsm keep-alive: looks at its session every interval and extends it by the shared policy.
namespace arr::cli {

void CommandRunner::keepAlive()
{
    KeepAliveSpec spec = m_command.keepAlive;
    if (m_command.keepAliveUntil)
        spec.until = KeepAliveSpec::nextOccurrence(*m_command.keepAliveUntil, m_clock->now());
    m_keepAlive = std::make_unique<KeepAlivePolicy>(spec, m_clock);
    m_keepAliveTimer.setSingleShot(true);
    connect(&m_keepAliveTimer, &QTimer::timeout, this, &CommandRunner::keepAliveLook);
    // Ctrl+C only stops looking: the session keeps the lease it has (main quits the event loop).
    keepAliveLook();
}

void CommandRunner::keepAliveLook()
{
    if (m_finished)
        return;
    ApiJob *job = m_api->sessionProperties(m_command.sessionId);
    follow(job, [this](const ApiResult &result) { onKeepAliveRead(result); });
}

void CommandRunner::onKeepAliveRead(const ApiResult &result)
{
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
        m_keepAliveTimer.start(m_command.pollInterval);
        return;
    }
    m_keepAliveFailedReads = 0;
    const Session session = *result.session;
    const KeepAlivePolicy::Decision decision
        = m_keepAlive->evaluate(session, m_clock->monotonicMs(), m_keepAliveProgress);
    // The extend the last read was waiting for showed: only now is it said to have happened.
    if (m_extendedFrom && !m_keepAliveProgress.awaitedLease && m_keepAliveProgress.extendsNotTaken == 0) {
        const Session from = *std::exchange(m_extendedFrom, std::nullopt);
        printKeepAliveEvent(u"extended"_s, from,
            tr("Extended session %1 from %2 to %3.")
                .arg(m_command.sessionId, from.maxLease ? from.maxLease->toString() : tr("unknown"),
                    session.maxLease->toString()),
            session.maxLease);
        recordCommand(CommandOutcome::Kind::Extend, true, m_command.sessionId, m_extendMsCv,
            tr("extended to %1 by arrsm (keep-alive)").arg(session.maxLease->toString()), *session.maxLease);
    }
    switch (decision.action) {
    case KeepAlivePolicy::Decision::Action::Wait:
        if (m_command.verbose)
            printErr(tr("arrsm: session %1 is %2, %3 left")
                         .arg(m_command.sessionId, statusText(session),
                             decision.remaining ? decision.remaining->toString() : tr("unknown")));
        m_keepAliveTimer.start(m_command.pollInterval);
        return;
    case KeepAlivePolicy::Decision::Action::ExtendNotTaken:
        m_extendedFrom.reset();
        printErr(tr("arrsm: warning: %1 Asking again in %2 s.")
                     .arg(decision.problem)
                     .arg(std::chrono::duration_cast<std::chrono::seconds>(m_command.pollInterval).count()));
        m_keepAliveTimer.start(m_command.pollInterval);
        return;
    case KeepAlivePolicy::Decision::Action::Failed:
        printErr(u"arrsm: "_s + decision.problem);
        finish(ExitFailure);
        return;
    case KeepAlivePolicy::Decision::Action::Extend:
        keepAliveExtend(session, decision.newLease);
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

void CommandRunner::keepAliveExtend(const Session &session, TimeSpan newLease)
{
    ApiJob *job = m_api->extendSession(m_command.sessionId, newLease);
    follow(job, [this, session, newLease](const ApiResult &result) {
        if (!result.ok()) {
            fail(result);
            return;
        }
        m_keepAlive->extendAccepted(session, newLease, m_keepAliveProgress);
        m_extendedFrom = session;
        m_extendMsCv = result.msCv;
        // Look again at once: the answer shows whether the extend took, and at the bound the policy
        // ends now, not an interval later.
        keepAliveLook();
    });
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
