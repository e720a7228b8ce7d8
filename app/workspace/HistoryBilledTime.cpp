#include "workspace/HistoryBilledTime.h"

#include "monitor/LiveSessions.h"
#include "workspace/HistoryRecorder.h"

namespace arr {

HistoryBilledTime::HistoryBilledTime(const LiveSessions *sessions, HistoryRecorder *history)
    : m_sessions(sessions)
    , m_history(history)
    , m_live(sessions)
{
}

QList<BilledUsage> HistoryBilledTime::billedSince(const QDateTime &since) const
{
    QList<BilledUsage> usage = m_live.billedSince(since);
    // What the history leaves out (made-up sessions) is not spent either.
    usage.removeIf([this](const BilledUsage &session) { return !m_history->recordsAccount(session.account); });
    // A request, not a read: the writer answers in its own thread (once per new moment).
    m_history->watchEndedSince(since);
    QList<BilledUsage> ended;
    if (!m_history->endedSince(since, &ended))
        return usage;
    for (const BilledUsage &session : ended) {
        // Still listed (a stopped session stays listed a while): counted above already.
        if (!m_sessions->find(session.account, session.sessionId))
            usage.append(session);
    }
    return usage;
}

} // namespace arr
