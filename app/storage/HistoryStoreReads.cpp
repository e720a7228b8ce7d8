#include "storage/HistoryStore.h"

#include "storage/HistorySql.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

// The session history's reads: what the History window, arrsm history and "spent today" ask of it.
namespace arr {

namespace {

// Qualified where the events table of the creator's join has a column of the same name.
const auto SessionColumns
    = "sessions.account, sessions.session_id, size, status, first_seen, ready_at, last_seen, ended_at,"
      " final_status, lease_seconds, billed_seconds, price_per_hour, cost, extend_count, created_here, stopped_here,"
      " closed_unseen, last_message, ready_at_derived, account_label,"
      " creator.actor_user, creator.actor_host, creator.actor_program, creator.actor_version"_L1;

// The sessions with their creator (creatorOf(): the first "created" event) in the same read: one look
// into the events' index per session, no query per session.
const auto SessionsWithCreator
    = " FROM sessions LEFT JOIN events creator ON creator.id = (SELECT e.id FROM events e"
      " WHERE e.account = sessions.account AND e.session_id = sessions.session_id AND e.kind = 'created'"
      " ORDER BY e.at, e.id LIMIT 1)"_L1;

const auto ActorColumns = "actor_user, actor_host, actor_program, actor_version"_L1;

// The four ActorColumns from `first` on.
HistoryActor actorFrom(const QSqlQuery &q, int first)
{
    return {q.value(first).toString(), q.value(first + 1).toString(), q.value(first + 2).toString(),
        q.value(first + 3).toString()};
}

} // namespace

QString HistoryActor::text(Wording wording) const
{
    // The window's words are translated under arr::who (ui/WhoDidWhat), files keep them in English.
    const auto words = [wording](const char *english) {
        return wording == Wording::Translated ? QCoreApplication::translate("arr::who", english)
                                              : QString::fromUtf8(english);
    };
    if (!isKnown())
        return words(QT_TRANSLATE_NOOP("arr::who", "unknown"));
    const QString who = user.isEmpty() ? words(QT_TRANSLATE_NOOP("arr::who", "an unknown user")) : user;
    const QString what = QString(program + u' ' + version).trimmed();
    if (host.isEmpty())
        return words(QT_TRANSLATE_NOOP("arr::who", "%1 (%2)")).arg(who, what);
    return words(QT_TRANSLATE_NOOP("arr::who", "%1 on %2 (%3)")).arg(who, host, what);
}

const QStringList &historyAlertKinds()
{
    static const QStringList kinds{
        u"budget-warning"_s, u"budget-reached"_s, u"long-running"_s, u"keep-alive-ended"_s, u"keep-alive-failed"_s};
    return kinds;
}

HistoryActor creatorOf(const QList<HistoryEvent> &events)
{
    for (const HistoryEvent &event : events) {
        if (event.kind == "created"_L1)
            return event.actor;
    }
    return {};
}

HistorySession HistoryStore::sessionFrom(const QSqlQuery &q) const
{
    using historysql::timeFrom;
    HistorySession s;
    s.accountKey = q.value(0).toString();
    // The saved account's name as it is now; else the name it was recorded under (a history from before
    // identities has no label: its key is that name).
    const QString label = q.value(19).toString();
    s.account = m_nameByIdentity.value(s.accountKey, label.isEmpty() ? s.accountKey : label);
    s.sessionId = q.value(1).toString();
    s.size = q.value(2).toString();
    s.status = q.value(3).toString();
    s.firstSeen = timeFrom(q.value(4));
    s.readyAt = timeFrom(q.value(5));
    s.lastSeen = timeFrom(q.value(6));
    s.endedAt = timeFrom(q.value(7));
    s.finalStatus = q.value(8).toString();
    if (!q.value(9).isNull())
        s.leaseSeconds = q.value(9).toLongLong();
    s.billedSeconds = q.value(10).toLongLong();
    if (!q.value(11).isNull())
        s.pricePerHour = q.value(11).toDouble();
    if (!q.value(12).isNull())
        s.cost = q.value(12).toDouble();
    s.extendCount = q.value(13).toInt();
    s.createdHere = q.value(14).toBool();
    s.stoppedHere = q.value(15).toBool();
    s.closedUnseen = q.value(16).toBool();
    s.lastMessage = q.value(17).toString();
    s.readyAtDerived = s.readyAt.isValid() && q.value(18).toBool();
    // A session without a "created" event reads NULLs here: unknown.
    s.createdBy = actorFrom(q, 20);
    return s;
}

QString HistoryStore::whereClause(const HistoryQuery &query, QVariantList &values) const
{
    QStringList conditions;
    if (query.since.isValid()) {
        conditions << u"COALESCE(ended_at, last_seen) >= ?"_s;
        values << query.since.toMSecsSinceEpoch();
    }
    if (query.until.isValid()) {
        conditions << u"first_seen < ?"_s;
        values << query.until.toMSecsSinceEpoch();
    }
    const auto marks = [&values](const QStringList &list) -> QString {
        QStringList marks;
        for (const QString &item : list) {
            marks << u"?"_s;
            values << item;
        }
        return u'(' + marks.join(u',') + u')';
    };
    const auto anyOf = [&](const QString &column, const QStringList &list) {
        if (!list.isEmpty())
            conditions << column + u" IN "_s + marks(list);
    };
    if (!query.accounts.isEmpty()) {
        // A saved account's name stands for its identity (all its sessions, whatever they were recorded
        // under); any other name for the sessions shown under it.
        QStringList identities;
        QStringList labels;
        for (const QString &name : query.accounts) {
            if (const QString identity = m_identityByName.value(name); !identity.isEmpty())
                identities << identity;
            else
                labels << name;
        }
        QStringList either;
        if (!identities.isEmpty())
            either << u"sessions.account IN "_s + marks(identities);
        if (!labels.isEmpty()) {
            const QString byLabel = u"account_label IN "_s + marks(labels);
            // A row from before labels is known by the name it was keyed by.
            either << byLabel + u" OR (account_label = '' AND sessions.account IN "_s + marks(labels) + u')';
        }
        conditions << u'(' + either.join(u" OR "_s) + u')';
    }
    anyOf(u"size"_s, query.sizes);
    anyOf(u"status"_s, query.statuses);
    return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s);
}

template<typename List> List HistoryStore::readFailed(const QSqlQuery &query, List &partial) const
{
    m_readError = QCoreApplication::translate("HistoryStore", "The session history %1 cannot be read (%2).")
                      .arg(m_filePath, query.lastError().text());
    partial.clear();
    return partial;
}

QList<HistorySession> HistoryStore::sessions(const HistoryQuery &query) const
{
    QList<HistorySession> result;
    m_readError.clear();
    if (!m_open)
        return result;
    QVariantList values;
    QString sql = u"SELECT "_s + SessionColumns + SessionsWithCreator + whereClause(query, values)
        + u" ORDER BY first_seen DESC, sessions.account, sessions.session_id"_s;
    if (query.limit > 0)
        sql += u" LIMIT %1"_s.arg(query.limit);
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (!historysql::run(q, sql, values))
        return readFailed(q, result);
    while (q.next())
        result.append(sessionFrom(q));
    // A damaged page ends the rows early with an error; a part is not the history.
    if (q.lastError().isValid())
        return readFailed(q, result);
    return result;
}

std::optional<HistorySession> HistoryStore::session(const QString &accountKey, const QString &sessionId) const
{
    if (!m_open)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(u"SELECT "_s + SessionColumns + SessionsWithCreator
        + u" WHERE sessions.account = ? AND sessions.session_id = ?"_s);
    q.addBindValue(accountKey);
    q.addBindValue(sessionId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return sessionFrom(q);
}

QList<HistoryEvent> HistoryStore::events(const QString &accountKey, const QString &sessionId) const
{
    QList<HistoryEvent> result;
    m_readError.clear();
    if (!m_open)
        return result;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (!q.prepare(u"SELECT at, kind, detail, ms_cv, "_s + ActorColumns
            + u" FROM events WHERE account = ? AND session_id = ? ORDER BY at, id"_s))
        return readFailed(q, result);
    q.addBindValue(accountKey);
    // An account's own events (its alerts) are under an empty session id.
    q.addBindValue(sessionId.isNull() ? u""_s : sessionId);
    if (!q.exec())
        return readFailed(q, result);
    const QString name = m_nameByIdentity.value(accountKey, accountKey);
    while (q.next())
        result.append({name, accountKey, sessionId, historysql::timeFrom(q.value(0)), q.value(1).toString(),
            q.value(2).toString(), q.value(3).toString(), actorFrom(q, 4)});
    if (q.lastError().isValid())
        return readFailed(q, result);
    return result;
}

QHash<QString, QList<HistoryEvent>> HistoryStore::actions(
    const QString &accountKey, const QStringList &sessionIds) const
{
    QHash<QString, QList<HistoryEvent>> result;
    m_readError.clear();
    if (!m_open || sessionIds.isEmpty())
        return result;
    const QString name = m_nameByIdentity.value(accountKey, accountKey);
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    // A few hundred ids per statement (SQLite's limit of bound values is in the thousands).
    constexpr qsizetype Chunk = 500;
    for (qsizetype begin = 0; begin < sessionIds.size(); begin += Chunk) {
        const QStringList ids = sessionIds.mid(begin, Chunk);
        QString sql = u"SELECT session_id, at, kind, detail, ms_cv, "_s + ActorColumns
            + u" FROM events WHERE account = ? AND kind IN ('created', 'extended', 'stopped')"
              " AND actor_program <> '' AND session_id IN (?"_s;
        sql += u",?"_s.repeated(ids.size() - 1) + u") ORDER BY at, id"_s;
        if (!q.prepare(sql))
            return readFailed(q, result);
        q.addBindValue(accountKey);
        for (const QString &id : ids)
            q.addBindValue(id);
        if (!q.exec())
            return readFailed(q, result);
        while (q.next()) {
            const QString id = q.value(0).toString();
            result[id].append({name, accountKey, id, historysql::timeFrom(q.value(1)), q.value(2).toString(),
                q.value(3).toString(), q.value(4).toString(), actorFrom(q, 5)});
        }
        if (q.lastError().isValid())
            return readFailed(q, result);
    }
    return result;
}

QList<HistoryAlert> HistoryStore::alerts(const HistoryAlertQuery &query) const
{
    QList<HistoryAlert> result;
    m_readError.clear();
    if (!m_open)
        return result;
    QVariantList values;
    const auto marks = [&values](const QStringList &list) -> QString {
        for (const QString &item : list)
            values << item;
        return u"(?"_s + u",?"_s.repeated(list.size() - 1) + u')';
    };
    // By account and session first, so that a read of some accounts' own alerts goes through the
    // events' index (account, session_id, at).
    QStringList conditions;
    if (!query.accountKeys.isEmpty())
        conditions << u"account IN "_s + marks(query.accountKeys);
    if (query.accountsOnly)
        conditions << u"session_id = ''"_s;
    conditions << u"kind IN "_s + marks(query.kinds.isEmpty() ? historyAlertKinds() : query.kinds);
    if (query.since.isValid()) {
        conditions << u"at >= ?"_s;
        values << query.since.toMSecsSinceEpoch();
    }
    if (query.until.isValid()) {
        conditions << u"at < ?"_s;
        values << query.until.toMSecsSinceEpoch();
    }
    // An account no saved account has is named as its sessions were recorded (a few alerts, a few looks).
    const QString sql = u"SELECT account, session_id, at, kind, detail, "_s + ActorColumns
        + u", (SELECT MAX(s.account_label) FROM sessions s WHERE s.account = events.account) FROM events WHERE "_s
        + conditions.join(u" AND "_s) + u" ORDER BY at, id"_s;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (!historysql::run(q, sql, values))
        return readFailed(q, result);
    while (q.next()) {
        const QString identity = q.value(0).toString();
        const QString label = q.value(9).toString();
        result.append({m_nameByIdentity.value(identity, label.isEmpty() ? identity : label), q.value(1).toString(),
            historysql::timeFrom(q.value(2)), q.value(3).toString(), q.value(4).toString(), actorFrom(q, 5), identity});
    }
    if (q.lastError().isValid())
        return readFailed(q, result);
    return result;
}

QList<BilledUsage> HistoryStore::billedEndedSince(const QDateTime &since) const
{
    QList<BilledUsage> result;
    if (!m_open)
        return result;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    q.prepare(u"SELECT account, session_id, size, billed_seconds, ended_at, account_label FROM sessions"
              " WHERE ended_at >= ? AND billed_seconds > 0"_s);
    q.addBindValue(since.toMSecsSinceEpoch());
    if (!q.exec())
        return result;
    while (q.next()) {
        const qint64 billedMs = q.value(3).toLongLong() * 1000;
        const qint64 windowMs = std::max<qint64>(0, q.value(4).toLongLong() - since.toMSecsSinceEpoch());
        const qint64 todayMs = std::min(billedMs, windowMs);
        // Under the name the live sessions have (the saved account's), so that both count as one account.
        const QString identity = q.value(0).toString();
        const QString label = q.value(5).toString();
        if (todayMs > 0)
            result.append({m_nameByIdentity.value(identity, label.isEmpty() ? identity : label), q.value(1).toString(),
                q.value(2).toString(), TimeSpan::fromMilliseconds(todayMs)});
    }
    return result;
}

} // namespace arr
