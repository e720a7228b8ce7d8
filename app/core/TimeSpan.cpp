#include "core/TimeSpan.h"

#include <QCoreApplication>

#include <limits>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// Declares the context this file's strings are translated in, in a form lupdate reads too.
class TimeSpanText
{
    Q_DECLARE_TR_FUNCTIONS(arr::TimeSpan)
};

// A cursor over the text with the small lexical steps the grammar needs.
class Scanner
{
public:
    explicit Scanner(QStringView text)
        : m_text(text)
    {
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(m_pos); }
    bool take(QChar c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    // Reads 1..maxDigits decimal digits; nullopt when there are none or too many.
    std::optional<qint64> number(int maxDigits, int *digitCount = nullptr)
    {
        qint64 value = 0;
        int digits = 0;
        while (!atEnd() && peek().isDigit() && peek().unicode() < 128) {
            if (++digits > maxDigits)
                return std::nullopt;
            value = value * 10 + (peek().unicode() - '0');
            ++m_pos;
        }
        if (digitCount)
            *digitCount = digits;
        if (digits == 0)
            return std::nullopt;
        return value;
    }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
};

// One day below the tick range, so that adding hours, minutes and seconds cannot overflow.
constexpr qint64 MaximumDays = std::numeric_limits<qint64>::max() / TimeSpan::TicksPerDay - 1;

std::optional<TimeSpan> fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return std::nullopt;
}

// Grammar (as .NET's invariant TimeSpan.Parse): [-]( d | [d.]h:m[:s[.f]] ). With `unboundedHours`
// and no day part, hours may exceed 23, as in a typed lease "24:00".
std::optional<TimeSpan> parseImpl(QStringView input, QString *error, bool unboundedHours)
{
    const QStringView text = input.trimmed();
    if (text.isEmpty())
        return fail(error, TimeSpanText::tr("No time was given."));

    Scanner scan(text);
    const bool negative = scan.take(u'-');

    qint64 days = 0;
    qint64 hours = 0;
    qint64 minutes = 0;
    qint64 seconds = 0;
    qint64 fractionTicks = 0;
    bool hasDays = false;

    const auto first = scan.number(9);
    if (!first)
        return fail(error,
            TimeSpanText::tr("\"%1\" is not a time: expected hours:minutes[:seconds], such as 4:00:00.").arg(text));

    if (scan.atEnd()) {
        days = *first;
        hasDays = true;
    } else {
        if (scan.take(u'.')) {
            days = *first;
            hasDays = true;
            const auto h = scan.number(9);
            if (!h)
                return fail(error, TimeSpanText::tr("\"%1\" has no hours after the days.").arg(text));
            hours = *h;
        } else {
            hours = *first;
        }
        if (!scan.take(u':'))
            return fail(error,
                TimeSpanText::tr("\"%1\" is not a time: expected hours:minutes[:seconds], such as 4:00:00.").arg(text));
        const auto m = scan.number(2);
        if (!m)
            return fail(error, TimeSpanText::tr("\"%1\" has no valid minutes.").arg(text));
        minutes = *m;
        if (scan.take(u':')) {
            const auto s = scan.number(2);
            if (!s)
                return fail(error, TimeSpanText::tr("\"%1\" has no valid seconds.").arg(text));
            seconds = *s;
            if (scan.take(u'.')) {
                int digits = 0;
                const auto f = scan.number(7, &digits);
                if (!f)
                    return fail(error,
                        TimeSpanText::tr("\"%1\" has a fraction of a second with no digits or more than seven.")
                            .arg(text));
                fractionTicks = *f;
                for (int i = digits; i < 7; ++i)
                    fractionTicks *= 10;
            }
        }
        if (!scan.atEnd())
            return fail(error, TimeSpanText::tr("\"%1\" has unexpected text after the time.").arg(text));
    }

    const bool hoursMayOverflow = unboundedHours && !hasDays;
    if (hours > 23 && !hoursMayOverflow)
        return fail(
            error, TimeSpanText::tr("Hours must be between 0 and 23 in \"%1\"; write a day as 1.00:00:00.").arg(text));
    if (minutes > 59)
        return fail(error, TimeSpanText::tr("Minutes must be between 0 and 59 in \"%1\".").arg(text));
    if (seconds > 59)
        return fail(error, TimeSpanText::tr("Seconds must be between 0 and 59 in \"%1\".").arg(text));
    if (days > MaximumDays || hours > MaximumDays * 24)
        return fail(error, TimeSpanText::tr("\"%1\" is longer than any time span can be.").arg(text));

    const qint64 ticks = days * TimeSpan::TicksPerDay + hours * TimeSpan::TicksPerHour
        + minutes * TimeSpan::TicksPerMinute + seconds * TimeSpan::TicksPerSecond + fractionTicks;
    return TimeSpan::fromTicks(negative ? -ticks : ticks);
}

QString twoDigits(qint64 value)
{
    return QString::number(value).rightJustified(2, u'0');
}

} // namespace

std::optional<TimeSpan> TimeSpan::parse(QStringView text, QString *error)
{
    return parseImpl(text, error, false);
}

std::optional<TimeSpan> TimeSpan::parseDuration(QStringView text, QString *error)
{
    return parseImpl(text, error, true);
}

QString TimeSpan::toString() const
{
    // Work on the magnitude as unsigned so that the most negative value formats too.
    const bool negative = m_ticks < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(m_ticks) : quint64(m_ticks);
    const quint64 days = magnitude / quint64(TicksPerDay);
    quint64 rest = magnitude % quint64(TicksPerDay);
    const quint64 hours = rest / quint64(TicksPerHour);
    rest %= quint64(TicksPerHour);
    const quint64 minutes = rest / quint64(TicksPerMinute);
    rest %= quint64(TicksPerMinute);
    const quint64 seconds = rest / quint64(TicksPerSecond);
    const quint64 fraction = rest % quint64(TicksPerSecond);

    QString out;
    if (negative)
        out += u'-';
    if (days > 0)
        out += QString::number(days) + u'.';
    out += twoDigits(qint64(hours)) + u':' + twoDigits(qint64(minutes)) + u':' + twoDigits(qint64(seconds));
    if (fraction > 0)
        out += u'.' + QString::number(fraction).rightJustified(7, u'0');
    return out;
}

QString TimeSpan::toDisplayString() const
{
    const bool negative = m_ticks < 0;
    const qint64 total = negative ? -(m_ticks / TicksPerSecond) : m_ticks / TicksPerSecond;
    const qint64 days = total / 86400;
    const qint64 hours = (total % 86400) / 3600;
    const qint64 minutes = (total % 3600) / 60;
    const qint64 seconds = total % 60;
    QString out = negative ? u"-"_s : QString();
    if (days > 0)
        out += QCoreApplication::translate("arr::TimeSpan", "%n d ", nullptr, int(days));
    out += twoDigits(hours) + u':' + twoDigits(minutes) + u':' + twoDigits(seconds);
    return out;
}

TimeSpan remainingLease(TimeSpan maxLease, TimeSpan elapsed)
{
    const TimeSpan left = maxLease - elapsed;
    return left.isNegative() ? TimeSpan() : left;
}

} // namespace arr
