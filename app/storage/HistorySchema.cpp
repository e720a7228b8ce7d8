#include "storage/HistorySchema.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QStringList>

#include <iterator>

using namespace Qt::StringLiterals;

namespace arr::historysql {

namespace {

// Each migration takes the schema from version (index) to version (index + 1).
const char *const Migrations[] = {
    // 0 -> 1: the first schema.
    "CREATE TABLE sessions (account TEXT NOT NULL, session_id TEXT NOT NULL, size TEXT NOT NULL DEFAULT '',"
    " first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, status TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (account, session_id));"
    "CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, session_id TEXT NOT NULL,"
    " at INTEGER NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '')",
    // 1 -> 2: billing, commands, MS-CVs, closing of vanished sessions.
    "ALTER TABLE sessions ADD COLUMN ready_at INTEGER;"
    "ALTER TABLE sessions ADD COLUMN ended_at INTEGER;"
    "ALTER TABLE sessions ADD COLUMN final_status TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE sessions ADD COLUMN lease_seconds INTEGER;"
    "ALTER TABLE sessions ADD COLUMN billed_seconds INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE sessions ADD COLUMN price_per_hour REAL;"
    "ALTER TABLE sessions ADD COLUMN cost REAL;"
    "ALTER TABLE sessions ADD COLUMN extend_count INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE sessions ADD COLUMN created_here INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE sessions ADD COLUMN stopped_here INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE sessions ADD COLUMN closed_unseen INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE sessions ADD COLUMN last_message TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE events ADD COLUMN ms_cv TEXT NOT NULL DEFAULT '';"
    "CREATE INDEX sessions_by_time ON sessions (first_seen);"
    "CREATE INDEX sessions_by_last_seen ON sessions (last_seen);"
    "CREATE INDEX events_by_session ON events (account, session_id, at)",
    // 2 -> 3: a session already ready when first seen was given that moment as its ready time, which
    // can be hours late. Those times (and their ready events) go: unknown rather than wrong. From now
    // on such a time is derived from the service's elapsed time, and marked so.
    "ALTER TABLE sessions ADD COLUMN ready_at_derived INTEGER NOT NULL DEFAULT 0;"
    "DELETE FROM events WHERE kind = 'ready' AND EXISTS (SELECT 1 FROM sessions s WHERE s.account = events.account"
    " AND s.session_id = events.session_id AND s.ready_at = s.first_seen AND events.at = s.first_seen);"
    "UPDATE sessions SET ready_at = NULL WHERE ready_at = first_seen",
    // 3 -> 4: `account` holds the account's identity (service host and account id) instead of its
    // name, which becomes the label; the rows are re-keyed by rekeyAccounts() below.
    "ALTER TABLE sessions ADD COLUMN account_label TEXT NOT NULL DEFAULT '';"
    "UPDATE sessions SET account_label = account",
    // 4 -> 5: who sent each command (user, computer, program and version). Earlier events keep it
    // empty: unknown, never guessed. A session's creator is who sent its "created" event.
    "ALTER TABLE events ADD COLUMN actor_user TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE events ADD COLUMN actor_host TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE events ADD COLUMN actor_program TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE events ADD COLUMN actor_version TEXT NOT NULL DEFAULT ''",
    // 5 -> 6: the batches a team's outbox delivered, so that one delivered again (its program killed
    // before it could forget it) is passed over: a command is one event. Kept a month.
    "CREATE TABLE deliveries (delivery_key TEXT PRIMARY KEY, delivered_at INTEGER NOT NULL);"
    "CREATE INDEX deliveries_by_time ON deliveries (delivered_at)",
};
static_assert(std::size(Migrations) == SchemaVersion);

// Moves one recorded account's rows to its identity. The same session recorded under two names of one
// account (the window's name and arrsm's account id) becomes one row (mergeSessionRows()).
const auto MoveRows
    = "INSERT INTO sessions (account, session_id, account_label, size, status, first_seen, ready_at,"
      " ready_at_derived, last_seen, ended_at, final_status, lease_seconds, billed_seconds, price_per_hour, cost,"
      " extend_count, created_here, stopped_here, closed_unseen, last_message)"
      " SELECT ?, session_id, account_label, size, status, first_seen, ready_at, ready_at_derived, last_seen,"
      " ended_at, final_status, lease_seconds, billed_seconds, price_per_hour, cost, extend_count, created_here,"
      " stopped_here, closed_unseen, last_message FROM sessions WHERE account = ? AND true"_L1;

bool rekeyAccounts(QSqlDatabase &db, Dialect dialect, const LegacyAccounts &legacy, QSqlError *error)
{
    QSqlQuery q(db);
    if (!q.exec(u"SELECT account FROM sessions UNION SELECT account FROM events"_s)) {
        *error = q.lastError();
        return false;
    }
    // Names first: where a session was recorded under both, its row keeps the name as its label.
    QList<QPair<QString, QString>> names;
    QList<QPair<QString, QString>> others;
    while (q.next()) {
        const QString recordedAs = q.value(0).toString();
        if (const QString identity = legacy.byName.value(recordedAs); !identity.isEmpty()) {
            if (identity != recordedAs)
                names.append({recordedAs, identity});
        } else if (const QString byId = legacy.byAccountId.value(recordedAs.toLower());
                   !byId.isEmpty() && byId != recordedAs) {
            others.append({recordedAs, byId});
        }
    }
    q.finish();
    for (const auto &[recordedAs, identity] : names + others) {
        if (!run(q, forDialect(dialect, MoveRows + mergeSessionRows(ExtendCounts::Add)), {identity, recordedAs})
            || !run(q, u"DELETE FROM sessions WHERE account = ?"_s, {recordedAs})
            || !run(q, u"UPDATE events SET account = ? WHERE account = ?"_s, {identity, recordedAs})) {
            *error = q.lastError();
            return false;
        }
    }
    return true;
}

} // namespace

QString mergeSessionRows(ExtendCounts extends)
{
    // The widest life, the most billed time, the newest state.
    return u" ON CONFLICT (account, session_id) DO UPDATE SET"
           " size = CASE WHEN sessions.size = '' THEN excluded.size ELSE sessions.size END,"
           " status = CASE WHEN excluded.last_seen > sessions.last_seen THEN excluded.status ELSE sessions.status END,"
           " first_seen = MIN(sessions.first_seen, excluded.first_seen),"
           " ready_at = COALESCE(MIN(sessions.ready_at, excluded.ready_at), sessions.ready_at, excluded.ready_at),"
           " ready_at_derived = CASE WHEN excluded.ready_at IS NOT NULL AND (sessions.ready_at IS NULL OR"
           " excluded.ready_at < sessions.ready_at) THEN excluded.ready_at_derived ELSE sessions.ready_at_derived END,"
           " last_seen = MAX(sessions.last_seen, excluded.last_seen),"
           " ended_at = COALESCE(MIN(sessions.ended_at, excluded.ended_at), sessions.ended_at, excluded.ended_at),"
           " final_status = CASE WHEN sessions.final_status = '' THEN excluded.final_status ELSE sessions.final_status"
           " END,"
           " lease_seconds = CASE WHEN excluded.last_seen > sessions.last_seen THEN COALESCE(excluded.lease_seconds,"
           " sessions.lease_seconds) ELSE COALESCE(sessions.lease_seconds, excluded.lease_seconds) END,"
           " billed_seconds = MAX(sessions.billed_seconds, excluded.billed_seconds),"
           " price_per_hour = COALESCE(sessions.price_per_hour, excluded.price_per_hour),"
           " cost = CASE WHEN COALESCE(sessions.price_per_hour, excluded.price_per_hour) IS NULL THEN NULL"
           " ELSE MAX(sessions.billed_seconds, excluded.billed_seconds) / 3600.0 * COALESCE(sessions.price_per_hour,"
           " excluded.price_per_hour) END,"_s
        + (extends == ExtendCounts::Add ? u" extend_count = sessions.extend_count + excluded.extend_count,"_s
                                        : u" extend_count = MAX(sessions.extend_count, excluded.extend_count),"_s)
        + u" created_here = MAX(sessions.created_here, excluded.created_here),"
          " stopped_here = MAX(sessions.stopped_here, excluded.stopped_here),"
          " closed_unseen = MIN(sessions.closed_unseen, excluded.closed_unseen),"
          " last_message = CASE WHEN excluded.last_seen > sessions.last_seen THEN excluded.last_message"
          " ELSE sessions.last_message END"_s;
}

QString forDialect(Dialect dialect, const QString &sql)
{
    if (dialect == Dialect::Sqlite)
        return sql;
    static const QRegularExpression integer(u"\\bINTEGER\\b"_s);
    static const QRegularExpression real(u"\\bREAL\\b"_s);
    static const QRegularExpression min(u"\\bMIN\\("_s);
    static const QRegularExpression max(u"\\bMAX\\("_s);
    QString result = sql;
    result.replace(u"INTEGER PRIMARY KEY AUTOINCREMENT"_s, u"BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"_s);
    result.replace(integer, u"BIGINT"_s);
    result.replace(real, u"DOUBLE PRECISION"_s);
    result.replace(min, u"LEAST("_s);
    result.replace(max, u"GREATEST("_s);
    return result;
}

bool upgrade(QSqlDatabase &db, Dialect dialect, int from, const LegacyAccounts &legacy, QSqlError *error)
{
    QSqlQuery q(db);
    for (int v = from; v < SchemaVersion; ++v) {
        const QStringList statements = QString::fromLatin1(Migrations[v]).split(u';', Qt::SkipEmptyParts);
        for (const QString &statement : statements) {
            if (!q.exec(forDialect(dialect, statement))) {
                *error = q.lastError();
                return false;
            }
        }
        if (v == 3 && !rekeyAccounts(db, dialect, legacy, error))
            return false;
    }
    return true;
}

} // namespace arr::historysql
