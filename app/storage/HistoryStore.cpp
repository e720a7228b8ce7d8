#include "storage/HistoryStore.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// SQLite's codes for a file another connection holds.
bool isBusy(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == u"5"_s || code == u"6"_s;
}

// SQLite's result codes for a file that is not a database, or a damaged one.
bool isCorruption(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == "26"_L1 || code == "11"_L1;
}

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

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
};
static_assert(std::size(Migrations) == HistoryStore::SchemaVersion);

const auto SessionColumns
    = "account, session_id, size, status, first_seen, ready_at, last_seen, ended_at, final_status, lease_seconds,"
      " billed_seconds, price_per_hour, cost, extend_count, created_here, stopped_here, closed_unseen, last_message,"
      " ready_at_derived"_L1;

HistorySession sessionFrom(const QSqlQuery &q)
{
    HistorySession s;
    s.account = q.value(0).toString();
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
    return s;
}

QString finalEventKind(SessionStatus status)
{
    switch (status) {
    case SessionStatus::Stopped:
        return u"stopped"_s;
    case SessionStatus::Expired:
        return u"expired"_s;
    default:
        return u"failed"_s;
    }
}

// A WHERE clause for `query` and its bound values.
QString whereClause(const HistoryQuery &query, QVariantList &values)
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
    const auto anyOf = [&](const QString &column, const QStringList &list) {
        if (list.isEmpty())
            return;
        QStringList marks;
        for (const QString &item : list) {
            marks << u"?"_s;
            values << item;
        }
        conditions << column + u" IN ("_s + marks.join(u',') + u')';
    };
    anyOf(u"account"_s, query.accounts);
    anyOf(u"size"_s, query.sizes);
    anyOf(u"status"_s, query.statuses);
    return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s);
}

QAtomicInt connectionCounter;

// Inserts rows into one table, up to RowsPerStatement of them in one multi-row INSERT.
class RowInserter
{
public:
    using Run = std::function<void(QSqlQuery &, const QVariantList &)>;

    RowInserter(const QSqlDatabase &db, QString head, int columns, Run run)
        : m_db(db)
        , m_head(std::move(head))
        , m_columns(columns)
        , m_run(std::move(run))
        , m_full(db)
    {
    }

    void add(const QVariantList &row)
    {
        m_values.append(row);
        if (++m_rows == RowsPerStatement)
            flush();
    }

    void flush()
    {
        if (m_rows == 0)
            return;
        if (m_rows == RowsPerStatement) {
            if (!m_fullPrepared)
                m_full.prepare(statement(m_rows));
            m_fullPrepared = true;
            m_run(m_full, m_values);
        } else {
            QSqlQuery partial(m_db);
            partial.prepare(statement(m_rows));
            m_run(partial, m_values);
        }
        m_values.clear();
        m_rows = 0;
    }

private:
    static constexpr int RowsPerStatement = 50;

    QString statement(int rows) const
    {
        QString one = u"(?"_s;
        for (int i = 1; i < m_columns; ++i)
            one.append(u",?"_s);
        one.append(u')');
        QString sql = m_head;
        for (int i = 0; i < rows; ++i) {
            if (i > 0)
                sql.append(u',');
            sql.append(one);
        }
        return sql;
    }

    QSqlDatabase m_db;
    QString m_head;
    int m_columns;
    Run m_run;
    QSqlQuery m_full;
    bool m_fullPrepared = false;
    QVariantList m_values;
    int m_rows = 0;
};

// A session's row as the file holds it, where a write depends on it.
struct KnownRow
{
    bool known = false;
    // The status last observed; empty for a row only a command has made.
    QString status;
    QVariant readyAt;
    bool readyAtDerived = false;
    QVariant endedAt;
    qint64 billedSeconds = 0;
    QVariant price;
};

struct ReadyTime
{
    // Invalid when the session did not become ready with this observation, or when when is unknown.
    QDateTime at;
    // Not seen happening: worked out from the service's elapsed time.
    bool derived = false;
};

// When a session observed at `at` became ready, the first time it is seen ready (`readyAt` still
// null): as long ago as the service says it has been ready (v1 and 2021-01-01 elapsed time count the
// time in the ready state), which holds also when the app was closed while it started. Derived when
// it was not seen starting before. Without an elapsed time: this observation's time if it was seen
// starting before, otherwise unknown, never the time it was first seen.
ReadyTime readyTime(const Session &s, const QDateTime &at, const QString &lastStatus, const QVariant &readyAt)
{
    if (s.status != SessionStatus::Ready || !readyAt.isNull())
        return {};
    const bool seenStarting = lastStatus == sessionStatusWireName(SessionStatus::Starting);
    if (s.elapsed)
        return {at.addMSecs(-s.elapsed->totalMilliseconds()), !seenStarting};
    if (seenStarting)
        return {at, false};
    return {};
}

// Reads the rows of `idsByAccount` that exist, by account and id, a few hundred ids per statement.
bool readKnownRows(const QSqlDatabase &db, const QHash<QString, QStringList> &idsByAccount,
    QHash<QString, QHash<QString, KnownRow>> *rows, QString *error)
{
    constexpr qsizetype Chunk = 500;
    const auto statement = [](qsizetype count) {
        QString sql(u"SELECT session_id, ready_at, ended_at, billed_seconds, price_per_hour, status, ready_at_derived"
                    " FROM sessions"
                    " WHERE account = ? AND session_id IN (?"_s);
        sql.reserve(sql.size() + count * 2 + 1);
        for (qsizetype i = 1; i < count; ++i)
            sql.append(u",?"_s);
        sql.append(u')');
        return sql;
    };
    QSqlQuery full(db);
    full.setForwardOnly(true);
    bool fullPrepared = false;
    QSqlQuery partial(db);
    partial.setForwardOnly(true);
    for (auto it = idsByAccount.constBegin(); it != idsByAccount.constEnd(); ++it) {
        QHash<QString, KnownRow> &known = (*rows)[it.key()];
        const QStringList &ids = it.value();
        for (qsizetype begin = 0; begin < ids.size(); begin += Chunk) {
            const qsizetype count = std::min(Chunk, ids.size() - begin);
            QSqlQuery *q = &partial;
            if (count == Chunk) {
                if (!fullPrepared && !full.prepare(statement(Chunk))) {
                    *error = full.lastError().text();
                    return false;
                }
                fullPrepared = true;
                q = &full;
            } else if (!partial.prepare(statement(count))) {
                *error = partial.lastError().text();
                return false;
            }
            q->bindValue(0, it.key());
            for (qsizetype i = 0; i < count; ++i)
                q->bindValue(int(i + 1), ids[begin + i]);
            if (!q->exec()) {
                *error = q->lastError().text();
                return false;
            }
            while (q->next())
                known.insert(q->value(0).toString(),
                    {true, q->value(5).toString(), q->value(1), q->value(6).toBool(), q->value(2),
                        q->value(3).toLongLong(), q->value(4)});
            q->finish();
        }
    }
    return true;
}

} // namespace

HistoryStore::HistoryStore(const QString &filePath)
    : m_filePath(filePath)
    , m_connectionName(u"arrsm-history-%1"_s.arg(connectionCounter.fetchAndAddRelaxed(1)))
{
}

HistoryStore::~HistoryStore()
{
    close();
}

QString HistoryStore::defaultFilePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"history.sqlite"_s);
}

void HistoryStore::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_open = false;
}

void HistoryStore::fail(const QString &what, const QString &error)
{
    m_problem = QCoreApplication::translate("HistoryStore", "Session history is off: %1 (%2).").arg(what, error);
    // The connection goes with the object (or the next open()): its queries may still be alive here.
    m_open = false;
}

HistoryStore::OpenResult HistoryStore::open()
{
    close();
    m_problem.clear();
    m_movedAside.clear();
    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath())) {
        fail(QCoreApplication::translate("HistoryStore", "the folder %1 cannot be created").arg(info.absolutePath()),
            QCoreApplication::translate("HistoryStore", "permission denied or disk full"));
        return OpenResult::Unavailable;
    }
    if (openConnection())
        return OpenResult::Opened;
    if (m_movedAside.isEmpty())
        return OpenResult::Unavailable;
    // The damaged file is kept for whoever wants to look at it; history goes on in a new one.
    const QString kept = m_movedAside;
    if (!openConnection())
        return OpenResult::Unavailable;
    m_movedAside = kept;
    m_problem = QCoreApplication::translate(
        "HistoryStore", "The session history file was damaged; it was kept as %1 and a new history was started.")
                    .arg(kept);
    return OpenResult::RecoveredFromCorruption;
}

bool HistoryStore::openConnection()
{
    QSqlError error;
    bool opened = false;
    bool refused = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        db.setDatabaseName(m_filePath);
        // The other process may hold the write lock for a moment: wait rather than fail.
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_busyTimeoutMs));
        if (!db.open()) {
            error = db.lastError();
        } else {
            QSqlQuery q(db);
            // The first statements only read the file: a file that is not a database shows here, and a
            // history of a newer version or another program's database is refused before anything in
            // it changes (switching to WAL is a change).
            if (!inspectFile(db, &error)) {
                refused = !m_problem.isEmpty();
            } else if (!q.exec(u"PRAGMA journal_mode=WAL"_s) || !q.next()) {
                error = q.lastError();
            } else {
                q.finish();
                // A committed transaction survives a crash of the process; NORMAL is enough in WAL mode.
                q.exec(u"PRAGMA synchronous=NORMAL"_s);
                q.finish();
                // A first poll of thousands of sessions touches four b-trees per row: room for them
                // in memory until the commit (16 MiB) rather than spilling pages mid-transaction.
                q.exec(u"PRAGMA cache_size=-16384"_s);
                q.finish();
                opened = true;
            }
        }
    }
    if (refused) {
        close();
        return false;
    }
    if (opened) {
        m_open = true;
        if (migrate())
            return true;
        error = m_lastError;
        if (!m_problem.isEmpty()) {
            close();
            return false;
        }
    }
    close();
    if (isCorruption(error) && m_movedAside.isEmpty()) {
        const QString aside
            = m_filePath + u".corrupt-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
        if (QFile::rename(m_filePath, aside)) {
            QFile::remove(m_filePath + u"-wal"_s);
            QFile::remove(m_filePath + u"-shm"_s);
            m_movedAside = aside;
            return false;
        }
    }
    fail(QCoreApplication::translate("HistoryStore", "%1 cannot be used").arg(m_filePath), error.text());
    m_movedAside.clear();
    return false;
}

bool HistoryStore::inspectFile(const QSqlDatabase &db, QSqlError *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next()) {
        *error = q.lastError();
        return false;
    }
    const int version = q.value(0).toInt();
    q.finish();
    if (version > SchemaVersion) {
        fail(QCoreApplication::translate("HistoryStore", "%1 was written by a newer version").arg(m_filePath),
            QCoreApplication::translate("HistoryStore", "schema %1").arg(version));
        return false;
    }
    if (!q.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"_s)) {
        *error = q.lastError();
        return false;
    }
    QStringList tables;
    while (q.next())
        tables << q.value(0).toString();
    if (q.lastError().isValid()) {
        *error = q.lastError();
        return false;
    }
    // A new file has no tables; one of ours has at least the first schema's two.
    const bool empty = tables.isEmpty() && version == 0;
    const bool ours = version > 0 && tables.contains(u"sessions"_s) && tables.contains(u"events"_s);
    if (!empty && !ours) {
        fail(QCoreApplication::translate("HistoryStore", "%1 is not a session history").arg(m_filePath),
            QCoreApplication::translate("HistoryStore", "it holds other tables"));
        return false;
    }
    return true;
}

bool HistoryStore::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next()) {
        m_lastError = q.lastError();
        return false;
    }
    const int version = q.value(0).toInt();
    if (version > SchemaVersion) {
        fail(QCoreApplication::translate("HistoryStore", "%1 was written by a newer version").arg(m_filePath),
            QCoreApplication::translate("HistoryStore", "schema %1").arg(version));
        return false;
    }
    if (version == SchemaVersion)
        return true;
    q.finish();
    if (!db.transaction()) {
        m_lastError = db.lastError();
        return false;
    }
    for (int v = version; v < SchemaVersion; ++v) {
        const QStringList statements = QString::fromLatin1(Migrations[v]).split(u';', Qt::SkipEmptyParts);
        for (const QString &statement : statements) {
            if (!q.exec(statement)) {
                const QSqlError error = q.lastError();
                m_lastError = error;
                db.rollback();
                if (!isCorruption(error))
                    fail(QCoreApplication::translate("HistoryStore", "%1 cannot be upgraded").arg(m_filePath),
                        error.text());
                return false;
            }
        }
    }
    if (!q.exec(u"PRAGMA user_version = %1"_s.arg(SchemaVersion)) || !db.commit()) {
        db.rollback();
        fail(
            QCoreApplication::translate("HistoryStore", "%1 cannot be upgraded").arg(m_filePath), q.lastError().text());
        return false;
    }
    return true;
}

void HistoryStore::setBusyWait(int timeoutMs, int retries)
{
    m_busyTimeoutMs = std::max(timeoutMs, 0);
    m_busyRetries = std::max(retries, 0);
    if (!m_open)
        return;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.exec(u"PRAGMA busy_timeout = %1"_s.arg(m_busyTimeoutMs));
}

bool HistoryStore::record(const HistoryBatch &batch)
{
    if (!m_open)
        return false;
    if (batch.isEmpty())
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    // Take the write lock at once: what is read below stays true until the commit, even with arrsm
    // writing the same sessions.
    // Another writer (arrsm, or the app beside arrsm) holding the file past the busy timeout is a
    // passing state, not a broken disk: wait for it a few more times before history goes off.
    bool begun = q.exec(u"BEGIN IMMEDIATE"_s);
    for (int retry = 0; !begun && retry < m_busyRetries && isBusy(q.lastError()); ++retry)
        begun = q.exec(u"BEGIN IMMEDIATE"_s);
    if (!begun) {
        fail(QCoreApplication::translate("HistoryStore", "%1 cannot be written").arg(m_filePath), q.lastError().text());
        return false;
    }
    QSqlQuery update(db);
    update.prepare(u"UPDATE sessions SET size = ?, status = ?, ready_at = ?, ready_at_derived = ?, last_seen = ?,"
                   " ended_at = ?,"
                   " final_status = ?, lease_seconds = COALESCE(?, lease_seconds), billed_seconds = ?,"
                   " price_per_hour = ?, cost = ?, last_message = ?, closed_unseen = 0"
                   " WHERE account = ? AND session_id = ?"_s);
    QSqlQuery hasEvent(db);
    hasEvent.prepare(u"SELECT id FROM events WHERE account = ? AND session_id = ? AND kind = ? LIMIT 1"_s);

    bool ok = true;
    QString firstError;
    const auto run = [&ok, &firstError](QSqlQuery &query, const QVariantList &values) {
        for (int i = 0; i < values.size(); ++i) {
            // A null QString binds as NULL; the text columns want ''.
            const QVariant &v = values[i];
            query.bindValue(
                i, !v.isNull() && v.typeId() == QMetaType::QString && v.toString().isNull() ? QVariant(u""_s) : v);
        }
        if (!query.exec() && ok) {
            ok = false;
            firstError = query.lastError().text();
        }
    };
    // New rows go in many at a time: a first poll of thousands of sessions is thousands of rows and
    // events, and one statement per row costs more than the rows. Pending rows are written before
    // anything reads or updates what they hold.
    RowInserter inserts(db,
        u"INSERT INTO sessions (account, session_id, size, status, first_seen, ready_at, last_seen, ended_at,"
        " final_status, lease_seconds, billed_seconds, price_per_hour, cost, last_message, ready_at_derived) VALUES "_s,
        15, run);
    RowInserter events(db, u"INSERT INTO events (account, session_id, at, kind, detail, ms_cv) VALUES "_s, 6, run);
    const auto flushRows = [&] {
        inserts.flush();
        events.flush();
    };
    const auto addEvent = [&](const QString &account, const QString &id, const QDateTime &at, const QString &kind,
                              const QString &detail, const QString &msCv) {
        events.add({account, id, at.toMSecsSinceEpoch(), kind, detail, msCv});
    };
    const auto eventId = [&](const QString &account, const QString &id, const QString &kind) -> QVariant {
        flushRows();
        run(hasEvent, {account, id, kind});
        return hasEvent.next() ? hasEvent.value(0) : QVariant();
    };
    const QVariant nullInt(QMetaType(QMetaType::LongLong));
    const QVariant nullReal(QMetaType(QMetaType::Double));

    // What the file holds of the observed sessions, read in a few statements rather than one per
    // session: a first poll of thousands of sessions is thousands of new rows.
    QHash<QString, QHash<QString, KnownRow>> rows;
    if (!batch.observations.isEmpty()) {
        QHash<QString, QStringList> idsByAccount;
        for (const HistoryObservation &o : batch.observations)
            idsByAccount[o.account].append(o.session.id);
        ok = readKnownRows(db, idsByAccount, &rows, &firstError);
    }

    for (const HistoryObservation &o : batch.observations) {
        if (!ok)
            break;
        const Session &s = o.session;
        const QString status = s.status == SessionStatus::Unknown ? s.statusText : sessionStatusWireName(s.status);
        const bool final = isFinalStatus(s.status);
        KnownRow &row = rows[o.account][s.id];
        const bool known = row.known;
        const bool wasEnded = known && !row.endedAt.isNull();
        QVariant readyAt = known ? row.readyAt : nullInt;
        QVariant endedAt = known ? row.endedAt : nullInt;
        qint64 billed = known ? row.billedSeconds : 0;
        QVariant price = o.pricePerHour ? QVariant(*o.pricePerHour) : (known ? row.price : nullReal);
        // v1's elapsed time counts the time in the ready state: the billed time. Before ready it is 0.
        if (s.status != SessionStatus::Starting && s.elapsed)
            billed = std::max(billed, s.elapsed->totalMilliseconds() / 1000);
        const QVariant cost = price.isNull() ? nullReal : QVariant(double(billed) / 3600.0 * price.toDouble());
        const QVariant lease = s.maxLease ? QVariant(s.maxLease->totalMilliseconds() / 1000) : nullInt;
        const ReadyTime ready = readyTime(s, o.at, known ? row.status : QString(), readyAt);
        const bool becameReady = ready.at.isValid();
        bool readyAtDerived = known && row.readyAtDerived;
        if (becameReady) {
            readyAt = ready.at.toMSecsSinceEpoch();
            readyAtDerived = ready.derived;
        }
        const bool ended = final && !wasEnded;
        if (ended)
            endedAt = o.at.toMSecsSinceEpoch();
        const QString finalStatus = final ? status : QString();
        if (!known) {
            inserts.add({o.account, s.id, s.size, status, o.at.toMSecsSinceEpoch(), readyAt, o.at.toMSecsSinceEpoch(),
                endedAt, finalStatus, lease, billed, price, cost, s.message, int(readyAtDerived)});
        } else {
            flushRows();
            run(update,
                {s.size, status, readyAt, int(readyAtDerived), o.at.toMSecsSinceEpoch(), final ? endedAt : nullInt,
                    finalStatus, lease, billed, price, cost, s.message, o.account, s.id});
        }
        row = {true, status, readyAt, readyAtDerived, final ? endedAt : nullInt, billed, price};
        // Each of these happens once in a session's life, whoever saw it first. A session new to the
        // file has no events yet (a command's event comes with a row).
        if (becameReady && (!known || eventId(o.account, s.id, u"ready"_s).isNull())) {
            const QString detail = ready.derived
                ? QCoreApplication::translate(
                    "HistoryStore", "Already ready when first seen: the time follows from the service's elapsed time")
                : QString();
            addEvent(o.account, s.id, ready.at, u"ready"_s, detail, o.msCv);
        }
        if (final) {
            const QString kind = finalEventKind(s.status);
            if (!known || eventId(o.account, s.id, kind).isNull())
                addEvent(o.account, s.id, o.at, kind, s.message, o.msCv);
        }
    }

    flushRows();
    QSqlQuery touch(db);
    for (const HistoryCommand &c : batch.commands) {
        if (!ok || c.sessionId.isEmpty())
            continue;
        // A command may come before any poll saw the session.
        touch.prepare(u"INSERT OR IGNORE INTO sessions (account, session_id, size, first_seen, last_seen)"
                      " VALUES (?, ?, ?, ?, ?)"_s);
        run(touch, {c.account, c.sessionId, c.size, c.at.toMSecsSinceEpoch(), c.at.toMSecsSinceEpoch()});
        switch (c.kind) {
        case HistoryCommand::Kind::Created:
            touch.prepare(u"UPDATE sessions SET created_here = 1 WHERE account = ? AND session_id = ?"_s);
            run(touch, {c.account, c.sessionId});
            if (eventId(c.account, c.sessionId, u"created"_s).isNull())
                addEvent(c.account, c.sessionId, c.at, u"created"_s, c.detail, c.msCv);
            break;
        case HistoryCommand::Kind::Extended:
            touch.prepare(u"UPDATE sessions SET extend_count = extend_count + 1,"
                          " lease_seconds = COALESCE(?, lease_seconds) WHERE account = ? AND session_id = ?"_s);
            run(touch, {c.leaseSeconds ? QVariant(*c.leaseSeconds) : nullInt, c.account, c.sessionId});
            addEvent(c.account, c.sessionId, c.at, u"extended"_s, c.detail, c.msCv);
            break;
        case HistoryCommand::Kind::Stopped: {
            touch.prepare(u"UPDATE sessions SET stopped_here = 1 WHERE account = ? AND session_id = ?"_s);
            run(touch, {c.account, c.sessionId});
            // A poll may have seen it stopped before the command's outcome came: that event is this one.
            const QVariant existing = eventId(c.account, c.sessionId, u"stopped"_s);
            if (existing.isNull()) {
                addEvent(c.account, c.sessionId, c.at, u"stopped"_s, c.detail, c.msCv);
            } else {
                touch.prepare(u"UPDATE events SET detail = ?, ms_cv = ? WHERE id = ?"_s);
                run(touch, {c.detail, c.msCv, existing});
            }
            break;
        }
        case HistoryCommand::Kind::Failed:
            addEvent(c.account, c.sessionId, c.at, u"command-failed"_s, c.detail, c.msCv);
            break;
        }
    }

    QSqlQuery vanish(db);
    vanish.prepare(u"UPDATE sessions SET ended_at = ?, final_status = status, closed_unseen = 1,"
                   " billed_seconds = MAX(billed_seconds, COALESCE(?, 0)),"
                   " cost = CASE WHEN price_per_hour IS NULL THEN cost"
                   " ELSE MAX(billed_seconds, COALESCE(?, 0)) / 3600.0 * price_per_hour END"
                   " WHERE account = ? AND session_id = ? AND ended_at IS NULL"_s);
    for (const HistoryDisappearance &d : batch.disappearances) {
        if (!ok)
            break;
        const QVariant billed = d.billedSeconds ? QVariant(*d.billedSeconds) : QVariant(QMetaType(QMetaType::LongLong));
        run(vanish, {d.at.toMSecsSinceEpoch(), billed, billed, d.account, d.sessionId});
        if (ok && vanish.numRowsAffected() > 0)
            addEvent(d.account, d.sessionId, d.at, u"disappeared"_s,
                QCoreApplication::translate("HistoryStore", "gone from the list without a final status"), {});
    }

    flushRows();
    if (!ok || !q.exec(u"COMMIT"_s)) {
        const QString error = !ok ? firstError : q.lastError().text();
        q.exec(u"ROLLBACK"_s);
        fail(QCoreApplication::translate("HistoryStore", "%1 cannot be written").arg(m_filePath),
            error.isEmpty() ? QCoreApplication::translate("HistoryStore", "a statement failed") : error);
        return false;
    }
    return true;
}

int HistoryStore::prune(const QDateTime &before)
{
    if (!m_open)
        return -1;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    const qint64 limit = before.toMSecsSinceEpoch();
    if (!q.exec(u"BEGIN IMMEDIATE"_s))
        return -1;
    q.prepare(u"DELETE FROM events WHERE (account, session_id) IN"
              " (SELECT account, session_id FROM sessions WHERE last_seen < ?)"_s);
    q.addBindValue(limit);
    bool ok = q.exec();
    q.prepare(u"DELETE FROM sessions WHERE last_seen < ?"_s);
    q.addBindValue(limit);
    ok = ok && q.exec();
    const int removed = ok ? q.numRowsAffected() : -1;
    QSqlQuery end(db);
    if (!ok || !end.exec(u"COMMIT"_s)) {
        end.exec(u"ROLLBACK"_s);
        return -1;
    }
    return removed;
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
    QString sql = u"SELECT "_s + SessionColumns + u" FROM sessions"_s + whereClause(query, values)
        + u" ORDER BY first_seen DESC, account, session_id"_s;
    if (query.limit > 0)
        sql += u" LIMIT %1"_s.arg(query.limit);
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return readFailed(q, result);
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (!q.exec())
        return readFailed(q, result);
    while (q.next())
        result.append(sessionFrom(q));
    // A damaged page ends the rows early with an error; a part is not the history.
    if (q.lastError().isValid())
        return readFailed(q, result);
    return result;
}

std::optional<HistorySession> HistoryStore::session(const QString &account, const QString &sessionId) const
{
    if (!m_open)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(u"SELECT "_s + SessionColumns + u" FROM sessions WHERE account = ? AND session_id = ?"_s);
    q.addBindValue(account);
    q.addBindValue(sessionId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return sessionFrom(q);
}

QList<HistoryEvent> HistoryStore::events(const QString &account, const QString &sessionId) const
{
    QList<HistoryEvent> result;
    m_readError.clear();
    if (!m_open)
        return result;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (!q.prepare(
            u"SELECT at, kind, detail, ms_cv FROM events WHERE account = ? AND session_id = ? ORDER BY at, id"_s))
        return readFailed(q, result);
    q.addBindValue(account);
    q.addBindValue(sessionId);
    if (!q.exec())
        return readFailed(q, result);
    while (q.next())
        result.append({account, sessionId, timeFrom(q.value(0)), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString()});
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
    q.prepare(u"SELECT account, session_id, size, billed_seconds, ended_at FROM sessions"
              " WHERE ended_at >= ? AND billed_seconds > 0"_s);
    q.addBindValue(since.toMSecsSinceEpoch());
    if (!q.exec())
        return result;
    while (q.next()) {
        const qint64 billedMs = q.value(3).toLongLong() * 1000;
        const qint64 windowMs = std::max<qint64>(0, q.value(4).toLongLong() - since.toMSecsSinceEpoch());
        const qint64 todayMs = std::min(billedMs, windowMs);
        if (todayMs > 0)
            result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                TimeSpan::fromMilliseconds(todayMs)});
    }
    return result;
}

} // namespace arr
