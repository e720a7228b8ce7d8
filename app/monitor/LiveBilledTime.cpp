#include "monitor/LiveBilledTime.h"

#include "core/Clock.h"
#include "core/Cost.h"
#include "monitor/LiveSessions.h"

#include <algorithm>

namespace arr {

LiveBilledTime::LiveBilledTime(const LiveSessions *sessions)
    : m_sessions(sessions)
{
}

QList<BilledUsage> LiveBilledTime::billedSince(const QDateTime &since) const
{
    QList<BilledUsage> usage;
    const Clock *clock = m_sessions->clock();
    const qint64 nowMono = clock->monotonicMs();
    const QDateTime now = clock->now();
    for (int i = 0; i < m_sessions->count(); ++i) {
        const TrackedSession &entry = m_sessions->at(i);
        const qint64 sincePoll = std::max<qint64>(0, nowMono - entry.observedAtMono);
        const auto billed = billedTime(entry.session, sincePoll);
        if (!billed || billed->isZero())
            continue;
        // A ready session is billed up to now; any other was billed at most up to its last answer.
        const QDateTime end = entry.session.status == SessionStatus::Ready ? now : now.addMSecs(-sincePoll);
        const qint64 windowMs = std::max<qint64>(0, since.msecsTo(end));
        const TimeSpan today = std::min(*billed, TimeSpan::fromMilliseconds(windowMs));
        if (today.isZero())
            continue;
        usage.append({entry.account, entry.session.id, entry.session.size, today});
    }
    return usage;
}

} // namespace arr
