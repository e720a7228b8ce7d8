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
    // In milliseconds since the epoch, once: a QDateTime in local time asks the system's time zone on
    // every comparison, which for ten thousand sessions once a second was most of the app's idle cost.
    const qint64 nowMs = clock->now().toMSecsSinceEpoch();
    const qint64 sinceMs = since.toMSecsSinceEpoch();
    for (int i = 0; i < m_sessions->count(); ++i) {
        const TrackedSession &entry = m_sessions->at(i);
        const qint64 sincePoll = std::max<qint64>(0, nowMono - entry.observedAtMono);
        const auto billed = billedTime(entry.session, sincePoll);
        if (!billed || billed->isZero())
            continue;
        // A ready session is billed up to now; any other was billed at most up to its last answer.
        const qint64 endMs = entry.session.status == SessionStatus::Ready ? nowMs : nowMs - sincePoll;
        const qint64 windowMs = std::max<qint64>(0, endMs - sinceMs);
        const TimeSpan today = std::min(*billed, TimeSpan::fromMilliseconds(windowMs));
        if (today.isZero())
            continue;
        usage.append({entry.account, entry.session.id, entry.session.size, today});
    }
    return usage;
}

} // namespace arr
