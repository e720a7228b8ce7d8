#pragma once

#include "core/TimeSpan.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace arr {

// Billed (ready) time of one session within a period, with what its price depends on.
struct BilledUsage
{
    QString account;
    QString sessionId;
    QString size;
    TimeSpan billed;
};

// Where "spent today" comes from: the billed time of every session since a moment. The window's
// first source counts the sessions it has watched (LiveBilledTime); a history of past sessions can
// replace it without the status bar changing. Prices are applied by the caller (Pricing), so a
// source only knows times.
class BilledTimeSource
{
public:
    virtual ~BilledTimeSource() = default;
    // The time each session was billed between `since` and now; sessions with none are left out.
    virtual QList<BilledUsage> billedSince(const QDateTime &since) const = 0;
    // Whether sessions that ended and are no longer listed are counted too (a history), or only the
    // sessions listed now: what a tooltip says "today" covers.
    virtual bool includesEndedSessions() const { return false; }
};

} // namespace arr
