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

// What a policy remembers between two looks at its session: whether the service's answers show the
// extends it accepted. Kept by whoever runs the policy (KeepAliveManager per session, arrsm's loop).
struct KeepAliveProgress
{
    // The lease the last accepted extend asked for, until an answer after it shows the lease.
    std::optional<TimeSpan> awaitedLease;
    // The lease before that extend, and when (monotonic) the service accepted it.
    std::optional<TimeSpan> leaseBefore;
    qint64 acceptedAtMono = 0;
    // Accepted extends in a row that the next answer did not show.
    int extendsNotTaken = 0;
};

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
            // An accepted extend did not show in the next answer; `problem` says so. Nothing is asked
            // until the next look, an interval later.
            ExtendNotTaken,
            // Two accepted extends in a row did not take: the service cannot be trusted with this
            // session; the policy is over with `problem`.
            Failed,
        };
        Action action = Action::Wait;
        TimeSpan newLease;
        // CapReached: when the session will stop (UTC).
        QDateTime endsAt;
        // The lease left as computed for this decision, when known.
        std::optional<TimeSpan> remaining;
        // CapReached with a lease well past the bound (set by someone or something else): a warning,
        // not the policy's doing.
        bool beyondBound = false;
        QString problem;
    };
    // How many accepted extends in a row may fail to show before the policy gives up.
    static constexpr int MaximumExtendsNotTaken = 2;

    KeepAlivePolicy(const KeepAliveSpec &spec, const Clock *clock);

    const KeepAliveSpec &spec() const { return m_spec; }
    // The largest lease the policy may set for `session` given its elapsed time `elapsed` now.
    TimeSpan cap(TimeSpan elapsed) const;
    // `observedAtMono`: the clock's monotonic time when the answer that reported `session` arrived.
    // An answer that arrived after an accepted extend first settles whether that extend took.
    Decision evaluate(const Session &session, qint64 observedAtMono, KeepAliveProgress &progress) const;
    // The service accepted an extend of `session` to `requested`, now.
    void extendAccepted(const Session &session, TimeSpan requested, KeepAliveProgress &progress) const;

private:
    KeepAliveSpec m_spec;
    const Clock *m_clock;
};

} // namespace arr
