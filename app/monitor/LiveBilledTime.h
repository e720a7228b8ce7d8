#pragma once

#include "core/BilledTimeSource.h"

namespace arr {

class LiveSessions;

// Billed time since a moment, from the sessions the monitor holds now: it counts only the sessions
// this app has watched (those still listed), not sessions that ended before it started or that the
// service no longer lists. For each, the ready time that falls after `since`: its billed time, cut
// to the time between `since` and now (ready) or its last answer (any other state), since the
// service says how long a session was ready but not when.
class LiveBilledTime final : public BilledTimeSource
{
public:
    explicit LiveBilledTime(const LiveSessions *sessions);
    QList<BilledUsage> billedSince(const QDateTime &since) const override;

private:
    const LiveSessions *m_sessions;
};

} // namespace arr
