#include "workspace/KeepAlivePolicy.h"

#include "core/Clock.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// The service's times are whole seconds; a lease computed from a time of day is rounded down to one.
TimeSpan wholeSeconds(TimeSpan span)
{
    return TimeSpan::fromSeconds(span.totalSeconds());
}

} // namespace

QString KeepAliveSpec::validationError() const
{
    if (bound == Bound::UntilTime && !until.isValid())
        return QCoreApplication::translate(
            "arr::KeepAlivePolicy", "The time to keep the session alive until is not a valid time.");
    if (bound == Bound::MaxLease && maxLease <= TimeSpan())
        return QCoreApplication::translate("arr::KeepAlivePolicy", "The longest lease must be longer than zero.");
    if (bound == Bound::MaxLease && maxLease > ServiceMaximumLease)
        return QCoreApplication::translate(
            "arr::KeepAlivePolicy", "The longest lease can be at most 24 hours, the service's limit.");
    if (step < TimeSpan::fromMinutes(1))
        return QCoreApplication::translate(
            "arr::KeepAlivePolicy", "The step to extend by must be at least one minute.");
    if (step > ServiceMaximumLease)
        return QCoreApplication::translate("arr::KeepAlivePolicy", "The step to extend by can be at most 24 hours.");
    if (before < TimeSpan::fromMinutes(1))
        return QCoreApplication::translate(
            "arr::KeepAlivePolicy", "The lease left before extending must be at least one minute.");
    if (before > ServiceMaximumLease)
        return QCoreApplication::translate(
            "arr::KeepAlivePolicy", "The lease left before extending can be at most 24 hours.");
    return {};
}

QDateTime KeepAliveSpec::nextOccurrence(const QTime &timeOfDay, const QDateTime &now)
{
    if (!timeOfDay.isValid() || !now.isValid())
        return {};
    const QDateTime local = now.toLocalTime();
    const QTime minute(timeOfDay.hour(), timeOfDay.minute());
    QDateTime candidate(local.date(), minute, Qt::LocalTime);
    if (candidate <= local)
        candidate = QDateTime(local.date().addDays(1), minute, Qt::LocalTime);
    return candidate.toUTC();
}

QString KeepAliveSpec::describe() const
{
    if (bound == Bound::UntilTime)
        return QCoreApplication::translate("arr::KeepAlivePolicy", "until %1")
            .arg(QLocale().toString(until.toLocalTime().time(), QLocale::ShortFormat));
    return QCoreApplication::translate("arr::KeepAlivePolicy", "up to a lease of %1").arg(maxLease.toString());
}

QJsonObject KeepAliveSpec::toJson() const
{
    QJsonObject object;
    if (bound == Bound::UntilTime)
        object.insert(u"until"_s, until.toUTC().toString(Qt::ISODate));
    else
        object.insert(u"maxLease"_s, maxLease.toString());
    object.insert(u"step"_s, step.toString());
    object.insert(u"before"_s, before.toString());
    return object;
}

std::optional<KeepAliveSpec> KeepAliveSpec::fromJson(const QJsonObject &object)
{
    KeepAliveSpec spec;
    if (object.contains(u"until"_s)) {
        spec.bound = Bound::UntilTime;
        spec.until = QDateTime::fromString(object.value(u"until"_s).toString(), Qt::ISODate);
    } else {
        const auto lease = TimeSpan::parse(object.value(u"maxLease"_s).toString());
        if (!lease)
            return std::nullopt;
        spec.maxLease = *lease;
    }
    const auto step = TimeSpan::parse(object.value(u"step"_s).toString());
    const auto before = TimeSpan::parse(object.value(u"before"_s).toString());
    if (!step || !before)
        return std::nullopt;
    spec.step = *step;
    spec.before = *before;
    if (!spec.validationError().isEmpty())
        return std::nullopt;
    return spec;
}

bool KeepAliveSpec::operator==(const KeepAliveSpec &other) const
{
    // Only the bound in use counts: the other one is not kept.
    const bool sameBound = bound == Bound::UntilTime ? until == other.until : maxLease == other.maxLease;
    return bound == other.bound && sameBound && step == other.step && before == other.before;
}

KeepAlivePolicy::KeepAlivePolicy(const KeepAliveSpec &spec, const Clock *clock)
    : m_spec(spec)
    , m_clock(clock ? clock : SystemClock::instance())
{
}

TimeSpan KeepAlivePolicy::cap(TimeSpan elapsed) const
{
    TimeSpan bound = m_spec.maxLease;
    if (m_spec.bound == KeepAliveSpec::Bound::UntilTime) {
        const qint64 toGoMs = m_clock->now().msecsTo(m_spec.until);
        bound = wholeSeconds(elapsed + TimeSpan::fromMilliseconds(std::max<qint64>(toGoMs, 0)));
    }
    return std::min(bound, ServiceMaximumLease);
}

void KeepAlivePolicy::extendAccepted(const Session &session, TimeSpan requested, KeepAliveProgress &progress) const
{
    progress.awaitedLease = requested;
    progress.leaseBefore = session.maxLease;
    progress.acceptedAtMono = m_clock->monotonicMs();
}

// Whether the answer shows the extend the service accepted: a lease within a minute of what was
// asked (2021-01-01 keeps whole minutes). A lease that stayed, shrank or grew by a little is a 200
// that did nothing, and asking again would loop.
static bool extendShows(const Session &session, TimeSpan asked)
{
    return session.maxLease && *session.maxLease + TimeSpan::fromMinutes(1) > asked;
}

KeepAlivePolicy::Decision KeepAlivePolicy::evaluate(
    const Session &session, qint64 observedAtMono, KeepAliveProgress &progress) const
{
    Decision decision;
    if (isFinalStatus(session.status)) {
        decision.action = Decision::Action::SessionEnded;
        return decision;
    }
    if (progress.awaitedLease && observedAtMono >= progress.acceptedAtMono) {
        const TimeSpan asked = *std::exchange(progress.awaitedLease, std::nullopt);
        if (extendShows(session, asked)) {
            progress.extendsNotTaken = 0;
        } else {
            ++progress.extendsNotTaken;
            const QString lease = session.maxLease ? session.maxLease->toString()
                                                   : QCoreApplication::translate("arr::KeepAlivePolicy", "unknown");
            const QString before = progress.leaseBefore
                ? progress.leaseBefore->toString()
                : QCoreApplication::translate("arr::KeepAlivePolicy", "unknown");
            decision.action = progress.extendsNotTaken >= MaximumExtendsNotTaken ? Decision::Action::Failed
                                                                                 : Decision::Action::ExtendNotTaken;
            decision.problem = decision.action == Decision::Action::Failed
                ? QCoreApplication::translate("arr::KeepAlivePolicy",
                    "The service accepted %n extends of session %1 in a row, but its lease did not grow to what "
                    "was asked (asked %2, the lease is %3); keep-alive stopped.",
                    nullptr, progress.extendsNotTaken)
                      .arg(session.id, asked.toString(), lease)
                : QCoreApplication::translate("arr::KeepAlivePolicy",
                    "The service accepted the extend of session %1 from %2 to %3, but the lease is %4.")
                      .arg(session.id, before, asked.toString(), lease);
            return decision;
        }
    }
    // An extend the service accepted is settled by an answer that came after it, never by asking again.
    if (progress.awaitedLease)
        return decision;
    // Only a ready session has a lease running; the service's elapsed time is all we count from.
    if (session.status != SessionStatus::Ready || !session.elapsed || !session.maxLease)
        return decision;

    const qint64 sinceAnswer = std::max<qint64>(m_clock->monotonicMs() - observedAtMono, 0);
    const TimeSpan elapsed = *session.elapsed + TimeSpan::fromMilliseconds(sinceAnswer);
    const TimeSpan lease = *session.maxLease;
    const TimeSpan remaining = std::max(lease - elapsed, TimeSpan());
    decision.remaining = remaining;

    const TimeSpan limit = cap(elapsed);
    // A time of day moves the cap by the jitter of each answer: less than a minute of headroom is
    // not worth an extension and would otherwise be asked for again and again.
    const TimeSpan slack
        = m_spec.bound == KeepAliveSpec::Bound::UntilTime ? TimeSpan::fromMinutes(1) : TimeSpan::fromTicks(1);
    if (lease + slack > limit) {
        decision.action = Decision::Action::CapReached;
        decision.endsAt = m_clock->now().addMSecs(remaining.totalMilliseconds());
        // A step past the bound is more than any extend of this policy sets.
        decision.beyondBound = lease > limit + std::max(slack, TimeSpan::fromMinutes(1));
        if (decision.beyondBound)
            decision.problem = QCoreApplication::translate("arr::KeepAlivePolicy",
                "Session %1 has a lease of %2, beyond the bound of keep-alive (%3): it was set "
                "by someone or something else.")
                                   .arg(session.id, lease.toString(), m_spec.describe());
        return decision;
    }
    if (remaining >= m_spec.before)
        return decision;
    decision.action = Decision::Action::Extend;
    decision.newLease = std::min(lease + m_spec.step, limit);
    return decision;
}

} // namespace arr
