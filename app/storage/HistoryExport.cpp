#include "storage/HistoryExport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

// A number written by us (a count, seconds, a price) is read as a number and nothing more.
bool isPlainNumber(const QString &value)
{
    static const QRegularExpression number(u"^-?[0-9]+(\\.[0-9]+)?$"_s);
    return number.match(value).hasMatch();
}

// A spreadsheet evaluates a cell that starts with = + - @ (also after leading blanks), and treats a
// leading tab or CR as the start of one. Session ids, sizes, messages and account names come from a
// server or a person, so such a cell gets a leading apostrophe, as OWASP's CSV injection advice says:
// the spreadsheet shows the text instead of running it.
bool mightBeEvaluated(const QString &value)
{
    if (value.isEmpty() || isPlainNumber(value))
        return false;
    if (value.front() == u'\t' || value.front() == u'\r')
        return true;
    for (const QChar c : value) {
        if (c == u' ' || c == u'\t' || c == u'\r' || c == u'\n')
            continue;
        return c == u'=' || c == u'+' || c == u'-' || c == u'@';
    }
    return false;
}

QString csvField(const QString &text)
{
    const QString value = mightBeEvaluated(text) ? u'\'' + text : text;
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString number(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'f', 4) : QString();
}

QString flag(bool value)
{
    return value ? u"true"_s : u"false"_s;
}

const QStringList Columns = {u"account"_s, u"sessionId"_s, u"size"_s, u"status"_s, u"finalStatus"_s, u"firstSeen"_s,
    u"readyAt"_s, u"lastSeen"_s, u"endedAt"_s, u"leaseSeconds"_s, u"billedSeconds"_s, u"pricePerHour"_s, u"cost"_s,
    u"extendCount"_s, u"createdHere"_s, u"stoppedHere"_s, u"closedUnseen"_s, u"lastMessage"_s,
    // readyAt worked out from the service's elapsed time (the session was ready when first seen);
    // last, so that readers of the earlier columns by position are not thrown.
    u"readyAtDerived"_s,
    // Who created the session (HistorySession::createdBy), after the columns of earlier versions.
    u"createdBy"_s};

} // namespace

QJsonObject actorJson(const HistoryActor &actor)
{
    return {
        {u"user"_s, actor.user}, {u"host"_s, actor.host}, {u"program"_s, actor.program}, {u"version"_s, actor.version}};
}

QByteArray historyCsv(const QList<HistorySession> &sessions)
{
    QString text = Columns.join(u',') + u"\r\n"_s;
    for (const HistorySession &s : sessions) {
        const QStringList fields
            = {s.account, s.sessionId, s.size, s.status, s.finalStatus, isoTime(s.firstSeen), isoTime(s.readyAt),
                isoTime(s.lastSeen), isoTime(s.endedAt), s.leaseSeconds ? QString::number(*s.leaseSeconds) : QString(),
                QString::number(s.billedSeconds), number(s.pricePerHour), number(s.cost),
                QString::number(s.extendCount), flag(s.createdHere), flag(s.stoppedHere), flag(s.closedUnseen),
                s.lastMessage, flag(s.readyAtDerived), s.createdBy.text(HistoryActor::Wording::English)};
        QStringList quoted;
        quoted.reserve(fields.size());
        for (const QString &field : fields)
            quoted << csvField(field);
        text += quoted.join(u',') + u"\r\n"_s;
    }
    return text.toUtf8();
}

QJsonArray historyJson(const QList<HistorySession> &sessions)
{
    const auto time = [](const QDateTime &t) { return t.isValid() ? QJsonValue(isoTime(t)) : QJsonValue(); };
    const auto real = [](const std::optional<double> &v) { return v ? QJsonValue(*v) : QJsonValue(); };
    QJsonArray array;
    for (const HistorySession &s : sessions) {
        QJsonObject o;
        o.insert(Columns[0], s.account);
        o.insert(Columns[1], s.sessionId);
        o.insert(Columns[2], s.size);
        o.insert(Columns[3], s.status);
        o.insert(Columns[4], s.finalStatus.isEmpty() ? QJsonValue() : QJsonValue(s.finalStatus));
        o.insert(Columns[5], time(s.firstSeen));
        o.insert(Columns[6], time(s.readyAt));
        o.insert(Columns[7], time(s.lastSeen));
        o.insert(Columns[8], time(s.endedAt));
        o.insert(Columns[9], s.leaseSeconds ? QJsonValue(double(*s.leaseSeconds)) : QJsonValue());
        o.insert(Columns[10], double(s.billedSeconds));
        o.insert(Columns[11], real(s.pricePerHour));
        o.insert(Columns[12], real(s.cost));
        o.insert(Columns[13], s.extendCount);
        o.insert(Columns[14], s.createdHere);
        o.insert(Columns[15], s.stoppedHere);
        o.insert(Columns[16], s.closedUnseen);
        o.insert(Columns[17], s.lastMessage);
        o.insert(Columns[18], s.readyAtDerived);
        if (s.createdBy.isKnown())
            o.insert(Columns[19], actorJson(s.createdBy));
        array.append(o);
    }
    return array;
}

QByteArray historyJsonText(const QList<HistorySession> &sessions)
{
    return QJsonDocument(historyJson(sessions)).toJson(QJsonDocument::Indented);
}

} // namespace arr
