#pragma once

#include <QString>
#include <QStringView>

#include <chrono>
#include <optional>

namespace arr {

// A signed duration with .NET TimeSpan semantics (100 ns ticks), the unit the session API speaks in
// for leases and elapsed time. Parses every form the service answers or a person types, and formats
// in the constant form the service itself uses.
class TimeSpan
{
public:
    static constexpr qint64 TicksPerMillisecond = 10'000;
    static constexpr qint64 TicksPerSecond = 1000 * TicksPerMillisecond;
    static constexpr qint64 TicksPerMinute = 60 * TicksPerSecond;
    static constexpr qint64 TicksPerHour = 60 * TicksPerMinute;
    static constexpr qint64 TicksPerDay = 24 * TicksPerHour;

    constexpr TimeSpan() = default;

    static constexpr TimeSpan fromTicks(qint64 ticks) { return TimeSpan(ticks); }
    static constexpr TimeSpan fromMilliseconds(qint64 ms) { return TimeSpan(ms * TicksPerMillisecond); }
    static constexpr TimeSpan fromSeconds(qint64 s) { return TimeSpan(s * TicksPerSecond); }
    static constexpr TimeSpan fromMinutes(qint64 m) { return TimeSpan(m * TicksPerMinute); }
    static constexpr TimeSpan fromHours(qint64 h) { return TimeSpan(h * TicksPerHour); }
    static constexpr TimeSpan fromDays(qint64 d) { return TimeSpan(d * TicksPerDay); }

    // Accepts the constant form "[-][d.]hh:mm:ss[.fffffff]" and the short forms a person types:
    // "h:m", "h:m:s", "d.h:m:s", "d" (whole days) with optional fraction of seconds. Leading and
    // trailing white space is ignored. On failure returns nullopt and, when given, sets *error to a
    // sentence saying what is wrong.
    static std::optional<TimeSpan> parse(QStringView text, QString *error = nullptr);
    // What a person types for a lease: everything parse() accepts, and also "H:MM[:SS]" with hours
    // past 23 ("24:00" is a day), as people write durations.
    static std::optional<TimeSpan> parseDuration(QStringView text, QString *error = nullptr);

    // The constant ("c") format: "[-][d.]hh:mm:ss[.fffffff]", fraction only when non-zero.
    QString toString() const;
    // A compact form for people: "1 d 02:03:04", "02:03:04", "-00:00:05".
    QString toDisplayString() const;

    constexpr qint64 ticks() const { return m_ticks; }
    constexpr qint64 totalMilliseconds() const { return m_ticks / TicksPerMillisecond; }
    constexpr qint64 totalSeconds() const { return m_ticks / TicksPerSecond; }
    constexpr qint64 totalMinutes() const { return m_ticks / TicksPerMinute; }
    constexpr bool isNegative() const { return m_ticks < 0; }
    constexpr bool isZero() const { return m_ticks == 0; }
    std::chrono::milliseconds toChrono() const { return std::chrono::milliseconds(totalMilliseconds()); }

    constexpr TimeSpan operator+(TimeSpan o) const { return TimeSpan(m_ticks + o.m_ticks); }
    constexpr TimeSpan operator-(TimeSpan o) const { return TimeSpan(m_ticks - o.m_ticks); }
    constexpr TimeSpan operator-() const { return TimeSpan(-m_ticks); }
    constexpr bool operator==(TimeSpan o) const { return m_ticks == o.m_ticks; }
    constexpr bool operator!=(TimeSpan o) const { return m_ticks != o.m_ticks; }
    constexpr bool operator<(TimeSpan o) const { return m_ticks < o.m_ticks; }
    constexpr bool operator<=(TimeSpan o) const { return m_ticks <= o.m_ticks; }
    constexpr bool operator>(TimeSpan o) const { return m_ticks > o.m_ticks; }
    constexpr bool operator>=(TimeSpan o) const { return m_ticks >= o.m_ticks; }

private:
    constexpr explicit TimeSpan(qint64 ticks)
        : m_ticks(ticks)
    {
    }

    qint64 m_ticks = 0;
};

// The largest lease the service grants.
inline constexpr TimeSpan MaximumLease = TimeSpan::fromHours(24);
// The smallest lease the app offers.
inline constexpr TimeSpan MinimumLease = TimeSpan::fromMinutes(1);

// Lease left at `elapsed` into a lease of `maxLease`; never negative.
TimeSpan remainingLease(TimeSpan maxLease, TimeSpan elapsed);

} // namespace arr
