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
}

void RequestLog::record(RequestLogEntry entry)
{
    // Errors can quote a server; the log is shown in the window and on arrsm's stderr.
    entry.error = safeText(redactSecrets(entry.error));
    entry.path = safeText(redactSecrets(entry.path));
    entry.account = safeText(entry.account);
    m_entries.append(entry);
    const int excess = int(m_entries.size()) - m_capacity;
    if (excess > 0) {
        m_entries.remove(0, excess);
        Q_EMIT entriesDropped(excess);
    }
    Q_EMIT entryAdded(m_entries.constLast());
}

void RequestLog::clear()
{
    m_entries.clear();
    Q_EMIT cleared();
}

} // namespace arr
