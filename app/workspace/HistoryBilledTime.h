#pragma once

#include "core/BilledTimeSource.h"
#include "monitor/LiveBilledTime.h"

namespace arr {

class HistoryRecorder;
class LiveSessions;

// "Spent today" from the session history: the sessions listed now (as LiveBilledTime counts them)
// plus the sessions that ended since and are no longer listed, which only the history remembers
// (those arrsm stopped, those that expired overnight, those of an earlier run of the app). The
// ended sessions are read by the history's writer thread after each write and kept by the recorder:
// asking, once a second, never touches the disk. Until the writer has answered for a new `since`
// (the first ask, a new day), only the listed sessions are counted.
class HistoryBilledTime final : public BilledTimeSource
{
public:
    HistoryBilledTime(const LiveSessions *sessions, HistoryRecorder *history);
    QList<BilledUsage> billedSince(const QDateTime &since) const override;
    bool includesEndedSessions() const override { return true; }

private:
    const LiveSessions *m_sessions;
    HistoryRecorder *m_history;
    LiveBilledTime m_live;
};

} // namespace arr
