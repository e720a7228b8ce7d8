#pragma once

#include "core/Session.h"
#include "core/TimeSpan.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QTime>

#include <optional>

namespace arr {

class Clock;

// What a person asked for when they said "keep this session alive": a bound (a time of day, or a
// total lease) and how to get there (extend by `step` when less than `before` is left).
struct KeepAliveSpec
{
    enum class Bound { UntilTime, MaxLease };
    Bound bound = Bound::MaxLease;
    // UntilTime: the moment (UTC) the session may run to, fixed when the policy starts.
    QDateTime until;
    // MaxLease: the largest lease the policy may set.
    TimeSpan maxLease = TimeSpan::fromHours(4);
    TimeSpan step = TimeSpan::fromMinutes(30);
    TimeSpan before = TimeSpan::fromMinutes(10);

    // Empty when usable, otherwise a sentence naming the first problem.
    QString validationError() const;
    // The next time the local clock shows `timeOfDay`, after `now` (UTC).
    static QDateTime nextOccurrence(const QTime &timeOfDay, const QDateTime &now);
    // "until 18:30", "up to a lease of 02:00:00".
    QString describe() const;

    QJsonObject toJson() const;
    // nullopt for an object that is not a usable spec (a hand-edited settings file).
    static std::optional<KeepAliveSpec> fromJson(const QJsonObject &object);

    bool operator==(const KeepAliveSpec &other) const;
};

// The service's largest lease.
inline constexpr TimeSpan ServiceMaximumLease = TimeSpan::fromDays(1);

// Decides, for one session, what keeping it alive needs now. Pure: it sends nothing, so the desktop
// app (through KeepAliveManager) and arrsm share it. The lease left is always computed from the
// service's own elapsed time (extrapolated by the monotonic time since that answer arrived), never
// from when this computer first saw the session. It never asks for a lease beyond the bound, beyond
// the service's 24 h, or for a session that is not ready.
class KeepAlivePolicy
{
public:
    struct Decision
    {
        enum class Action {
            // Nothing to do yet (enough lease left, or the session is not ready).
            Wait,
            // Ask for `newLease`.
            Extend,
            // The lease is at the bound: the policy is over; the session ends at `endsAt`.
            CapReached,
            // The session ended (stopped, expired, failed): the policy is over.
            SessionEnded,
        };
        Action action = Action::Wait;
        TimeSpan newLease;
        // CapReached: when the session will stop (UTC).
        QDateTime endsAt;
        // The lease left as computed for this decision, when known.
        std::optional<TimeSpan> remaining;
    };

    KeepAlivePolicy(const KeepAliveSpec &spec, const Clock *clock);

    const KeepAliveSpec &spec() const { return m_spec; }
    // The largest lease the policy may set for `session` given its elapsed time `elapsed` now.
    TimeSpan cap(TimeSpan elapsed) const;
    // `observedAtMono`: the clock's monotonic time when the answer that reported `session` arrived.
    Decision evaluate(const Session &session, qint64 observedAtMono) const;

private:
    KeepAliveSpec m_spec;
    const Clock *m_clock;
};

} // namespace arr
