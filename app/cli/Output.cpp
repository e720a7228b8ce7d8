#include "cli/Output.h"

#include "core/JsonCodec.h"
#include "core/SafeText.h"
#include "storage/HistoryExport.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("arr::cli", text);
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? u"-"_s : text;
}

QString spanOrDash(const std::optional<TimeSpan> &span)
{
    return span ? span->toString() : u"-"_s;
}

// Keeps a multi-line message on its row.
QString oneLine(const QString &text)
{
    return text.simplified();
}

} // namespace

std::optional<TimeSpan> displayedRemaining(const Session &session)
{
    if (isFinalStatus(session.status))
        return std::nullopt;
    return session.remaining();
}

QString statusText(const Session &session)
{
    if (session.status == SessionStatus::Unknown)
        return session.statusText.trimmed().toLower();
    return sessionStatusWireName(session.status);
}

QJsonObject sessionJson(const Session &session, const Creators &creators)
{
    QJsonObject object = v1::encodeProperties(session);
    const auto remaining = displayedRemaining(session);
    object.insert(u"remaining"_s, remaining ? QJsonValue(remaining->toString()) : QJsonValue());
    // The same keys whichever API version answered, so that a script works against either: the later
    // fields are always present, null where the service gave nothing.
    for (const QString &key : {u"creationTime"_s, u"teraflops"_s, u"handshakePort"_s, u"arrInspectorPort"_s}) {
        if (!object.contains(key))
            object.insert(key, QJsonValue());
    }
    if (const auto creator = creators.constFind(session.id); creator != creators.constEnd() && creator->isKnown())
        object.insert(u"createdBy"_s, actorJson(*creator));
    return object;
}

QJsonArray sessionsJson(const QList<Session> &sessions, const Creators &creators)
{
    QJsonArray array;
    for (const Session &session : sessions)
        array.append(sessionJson(session, creators));
    return array;
}

QJsonArray accountsJson(const QList<Account> &accounts)
{
    QJsonArray array;
    for (const Account &account : accounts) {
        array.append(QJsonObject{
            {u"name"_s, account.name},
            {u"accountId"_s, account.accountId},
            {u"endpoint"_s, account.endpoint.toString()},
            {u"tokenEndpoint"_s, account.tokenEndpoint.toString()},
            {u"enabled"_s, account.enabled},
            {u"apiVersion"_s, apiVersionName(account.apiVersion)},
        });
    }
    return array;
}

QByteArray jsonText(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QByteArray jsonText(const QJsonArray &array)
{
    if (array.isEmpty())
        return "[]\n";
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QString formatTable(const QStringList &headers, const QList<QStringList> &unsafeRows)
{
    // Cells come from servers, settings and the history file: none of them may drive the terminal.
    QList<QStringList> rows;
    rows.reserve(unsafeRows.size());
    for (const QStringList &unsafeRow : unsafeRows) {
        QStringList row;
        row.reserve(unsafeRow.size());
        for (const QString &cell : unsafeRow)
            row.append(safeText(cell));
        rows.append(row);
    }
    QList<qsizetype> widths;
    for (const QString &header : headers)
        widths.append(header.size());
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column < row.size() && column < widths.size(); ++column)
            widths[column] = std::max(widths[column], row.at(column).size());
    }
    const auto line = [&widths](const QStringList &cells) -> QString {
        QString text;
        for (qsizetype column = 0; column < widths.size(); ++column) {
            const QString cell = cells.value(column);
            if (column + 1 < widths.size())
                text += cell.leftJustified(widths.at(column)) + u"  "_s;
            else
                text += cell;
        }
        while (text.endsWith(u' '))
            text.chop(1);
        return text + u'\n';
    };
    QString table = line(headers);
    for (const QStringList &row : rows)
        table += line(row);
    return table;
}

QString sessionTable(const QList<Session> &sessions)
{
    if (sessions.isEmpty())
        return tr("No sessions.") + u'\n';
    const bool anyMessage = std::any_of(sessions.cbegin(), sessions.cend(),
        [](const Session &session) { return !session.message.trimmed().isEmpty(); });
    QStringList headers{tr("SESSION ID"), tr("STATUS"), tr("SIZE"), tr("REMAINING"), tr("LEASE"), tr("HOSTNAME")};
    if (anyMessage)
        headers.append(tr("MESSAGE"));
    QList<QStringList> rows;
    for (const Session &session : sessions) {
        QStringList row{orDash(session.id), orDash(statusText(session)), orDash(session.size),
            spanOrDash(displayedRemaining(session)), spanOrDash(session.maxLease), orDash(session.hostname)};
        if (anyMessage)
            row.append(oneLine(session.message));
        rows.append(row);
    }
    return formatTable(headers, rows);
}

QString historyTable(const QList<HistorySession> &sessions)
{
    const auto time = [](const QDateTime &t) { return t.isValid() ? t.toString(u"yyyy-MM-dd HH:mm"_s) : QString(); };
    QList<QStringList> rows;
    for (const HistorySession &h : sessions) {
        rows << QStringList{h.account, h.sessionId, h.size, h.status + (h.closedUnseen ? tr(" (gone)") : QString()),
            time(h.firstSeen), time(h.endedAt), TimeSpan::fromSeconds(h.billedSeconds).toString(),
            h.cost ? QString::number(*h.cost, 'f', 2) : QString(), QString::number(h.extendCount)};
    }
    return formatTable({tr("ACCOUNT"), tr("SESSION"), tr("SIZE"), tr("STATUS"), tr("FIRST SEEN (UTC)"),
                           tr("ENDED (UTC)"), tr("BILLED"), tr("COST"), tr("EXTENDS")},
        rows);
}

QString accountTable(const QList<Account> &accounts)
{
    if (accounts.isEmpty())
        return tr("No saved accounts.") + u'\n';
    QList<QStringList> rows;
    for (const Account &account : accounts) {
        rows.append({account.name, account.accountId, account.endpoint.toString(), account.tokenEndpoint.toString(),
            account.enabled ? tr("yes") : tr("no")});
    }
    return formatTable({tr("NAME"), tr("ACCOUNT ID"), tr("ENDPOINT"), tr("TOKEN ENDPOINT"), tr("ENABLED")}, rows);
}

} // namespace arr::cli
