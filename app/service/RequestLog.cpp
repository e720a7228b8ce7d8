#include "service/RequestLog.h"

#include "core/SafeText.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace arr {

QString redactSecrets(const QString &text)
{
    static const QRegularExpression bearer(u"(Bearer\\s+)\\S+"_s, QRegularExpression::CaseInsensitiveOption);
    // A JWT's header and payload are base64url of JSON objects, so both begin "eyJ"; host names with
    // dots in them do not.
    static const QRegularExpression jwt(u"eyJ[A-Za-z0-9_-]*\\.eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*"_s);
    QString out = text;
    out.replace(bearer, u"\\1[redacted]"_s);
    out.replace(jwt, u"[redacted]"_s);
    return out;
}

QString RequestLogEntry::toLine() const
{
    const QString status = httpStatus > 0 ? QString::number(httpStatus) : u"-"_s;
    const QString methodText
        = origin.isEmpty() ? QString::fromLatin1(method) : QString::fromLatin1(method) + u" ("_s + origin + u')';
    return time.toUTC().toString(Qt::ISODateWithMs) + u'\t' + account + u'\t' + methodText + u'\t' + path + u'\t'
        + status + u'\t' + QString::number(durationMs) + u" ms\t"_s + QString::fromLatin1(msCv) + u'\t' + error;
}

RequestLog::RequestLog(int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(qMax(1, capacity))
{
    // Room for every entry from the start: a list that grows by copying to ever larger blocks leaves
    // the blocks behind in the heap, as much again as the log itself. Pages are only taken as entries
    // fill them.
    m_entries.reserve(m_capacity);
}

void RequestLog::record(RequestLogEntry entry)
{
    // Errors can quote a server; the log is shown in the window and on arrsm's stderr.
    entry.error = recentCopy(m_recentTexts, safeText(redactSecrets(entry.error)));
    entry.path = recentCopy(m_recentTexts, safeText(redactSecrets(entry.path)));
    entry.account = recentCopy(m_recentTexts, safeText(entry.account));
    entry.accountIdentity = recentCopy(m_recentIdentities, safeText(entry.accountIdentity));
    entry.origin = recentCopy(m_recentTexts, entry.origin);
    entry.method = recentCopy(m_recentMethods, entry.method);
    if (m_entries.size() < m_capacity) {
        m_entries.append(std::move(entry));
        Q_EMIT entryAdded(m_entries.constLast());
        return;
    }
    const qsizetype newest = m_oldest;
    m_entries[newest] = std::move(entry);
    m_oldest = (m_oldest + 1) % m_entries.size();
    Q_EMIT entriesDropped(1);
    Q_EMIT entryAdded(m_entries.at(newest));
}

const RequestLogEntry &RequestLog::at(qsizetype index) const
{
    return m_entries.at((m_oldest + index) % m_entries.size());
}

template<typename Text> Text RequestLog::recentCopy(QList<Text> &recent, const Text &text)
{
    // Enough for the poll paths of a few dozen accounts; a linear search of them costs less than the
    // allocation it saves.
    constexpr qsizetype MostRemembered = 64;
    if (text.isEmpty())
        return text;
    for (const Text &known : std::as_const(recent)) {
        if (known == text)
            return known;
    }
    if (recent.size() >= MostRemembered)
        recent.removeFirst();
    recent.append(text);
    return text;
}

void RequestLog::clear()
{
    m_entries.clear();
    m_oldest = 0;
    Q_EMIT cleared();
}

} // namespace arr
