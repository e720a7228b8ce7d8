#include "storage/HistoryStore.h"

#include "storage/HistoryInserter.h"
#include "storage/HistorySchema.h"
#include "storage/HistorySql.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

// The session history's one write: a batch of what polls saw and commands did, in one transaction.
namespace arr {

namespace {

using historysql::RowInserter;
using historysql::StatementRunner;

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

template<typename Record> QString identityOf(const Record &record)
{
    return record.accountKey.isEmpty() ? record.account : record.accountKey;
}

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
    // When it was last seen (ms since the epoch).
    qint64 lastSeen = 0;
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

using KnownRows = QHash<QString, QHash<QString, KnownRow>>;

QString knownRowsStatement(qsizetype count)
{
    QString sql(u"SELECT session_id, ready_at, ended_at, billed_seconds, price_per_hour, status, ready_at_derived,"
                " last_seen FROM sessions WHERE account = ? AND session_id IN (?"_s);
    sql.reserve(sql.size() + count * 2 + 1);
    for (qsizetype i = 1; i < count; ++i)
        sql.append(u",?"_s);
    sql.append(u')');
    return sql;
}

// Reads the rows of `idsByAccount` that exist, by account identity and id, a few hundred ids per
// statement.
bool readKnownRows(
    const QSqlDatabase &db, const QHash<QString, QStringList> &idsByAccount, KnownRows *rows, QString *error)
{
    constexpr qsizetype Chunk = 500;
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
                if (!fullPrepared && !full.prepare(knownRowsStatement(Chunk))) {
                    *error = full.lastError().text();
                    return false;
                }
                fullPrepared = true;
                q = &full;
            } else if (!partial.prepare(knownRowsStatement(count))) {
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
                        q->value(3).toLongLong(), q->value(4), q->value(7).toLongLong()});
            q->finish();
        }
    }
    return true;
}

// Writes one batch inside a transaction the caller opened. New rows go in many at a time: a first poll
// of thousands of sessions is thousands of rows and events, and one statement per row costs more than
// the rows. Pending rows are written before anything reads or updates what they hold.
class BatchWriter
{
public:
    BatchWriter(const QSqlDatabase &db, historysql::Dialect dialect)
        : m_db(db)
        , m_dialect(dialect)
        , m_inserts(db,
              u"INSERT INTO sessions (account, session_id, size, status, first_seen, ready_at, last_seen, ended_at,"
              " final_status, lease_seconds, billed_seconds, price_per_hour, cost, last_message, ready_at_derived,"
              " account_label) VALUES "_s,
              16, &m_run)
        , m_events(db,
              u"INSERT INTO events (account, session_id, at, kind, detail, ms_cv, actor_user, actor_host,"
              " actor_program, actor_version) VALUES "_s,
              10, &m_run)
        , m_update(db)
        , m_hasEvent(db)
    {
        m_update.prepare(u"UPDATE sessions SET size = ?, status = ?, ready_at = ?, ready_at_derived = ?,"
                         " last_seen = ?, ended_at = ?, final_status = ?, lease_seconds = COALESCE(?, lease_seconds),"
                         " billed_seconds = ?, price_per_hour = ?, cost = ?, last_message = ?, closed_unseen = 0,"
                         " account_label = ? WHERE account = ? AND session_id = ?"_s);
        m_hasEvent.prepare(u"SELECT id FROM events WHERE account = ? AND session_id = ? AND kind = ? LIMIT 1"_s);
    }

    bool write(const HistoryBatch &batch)
    {
        writeObservations(batch.observations);
        flushRows();
        for (const HistoryCommand &c : batch.commands) {
            if (m_run.ok && !c.sessionId.isEmpty())
                writeCommand(c);
        }
        writeDisappearances(batch.disappearances);
        for (const HistoryAlert &a : batch.alerts) {
            if (m_run.ok)
                writeAlert(a);
        }
        flushRows();
        return m_run.ok;
    }

    QString error() const { return m_run.firstError; }

private:
    void flushRows()
    {
        m_inserts.flush();
        m_events.flush();
    }

    void addEvent(const QString &account, const QString &id, const QDateTime &at, const QString &kind,
        const QString &detail, const QString &msCv, const HistoryActor &actor = {})
    {
        m_events.add({account, id, at.toMSecsSinceEpoch(), kind, detail, msCv, actor.user, actor.host, actor.program,
            actor.version});
    }

    QVariant eventId(const QString &account, const QString &id, const QString &kind)
    {
        flushRows();
        m_run(m_hasEvent, {account, id, kind});
        return m_hasEvent.next() ? m_hasEvent.value(0) : QVariant();
    }

    void writeObservations(const QList<HistoryObservation> &observations)
    {
        if (observations.isEmpty())
            return;
        // What the file holds of the observed sessions, read in a few statements rather than one per
        // session.
        QHash<QString, QStringList> idsByAccount;
        for (const HistoryObservation &o : observations)
            idsByAccount[identityOf(o)].append(o.session.id);
        m_run.ok = readKnownRows(m_db, idsByAccount, &m_rows, &m_run.firstError);
        for (const HistoryObservation &o : observations) {
            if (!m_run.ok)
                return;
            writeObservation(o);
        }
    }

    void writeObservation(const HistoryObservation &o);
    void writeCommand(const HistoryCommand &c);
    void writeDisappearances(const QList<HistoryDisappearance> &disappearances);
    void writeAlert(const HistoryAlert &a);

    QSqlDatabase m_db;
    historysql::Dialect m_dialect;
    StatementRunner m_run;
    RowInserter m_inserts;
    RowInserter m_events;
    QSqlQuery m_update;
    QSqlQuery m_hasEvent;
    KnownRows m_rows;
    const QVariant m_nullInt{QMetaType(QMetaType::LongLong)};
    const QVariant m_nullReal{QMetaType(QMetaType::Double)};
};

void BatchWriter::writeObservation(const HistoryObservation &o)
{
    const QString account = identityOf(o);
    const Session &s = o.session;
    const QString status = s.status == SessionStatus::Unknown ? s.statusText : sessionStatusWireName(s.status);
    const bool final = isFinalStatus(s.status);
    KnownRow &row = m_rows[account][s.id];
    const bool known = row.known;
    const qint64 at = o.at.toMSecsSinceEpoch();
    // Another writer recorded a later look at it already (or this one comes late, from an outbox): an
    // older look holds nothing newer, and must not take the row back to what it was then.
    if (known && !row.status.isEmpty() && at < row.lastSeen)
        return;
    const bool wasEnded = known && !row.endedAt.isNull();
    QVariant readyAt = known ? row.readyAt : m_nullInt;
    QVariant endedAt = known ? row.endedAt : m_nullInt;
    qint64 billed = known ? row.billedSeconds : 0;
    const QVariant price = o.pricePerHour ? QVariant(*o.pricePerHour) : (known ? row.price : m_nullReal);
    // v1's elapsed time counts the time in the ready state: the billed time. Before ready it is 0.
    if (s.status != SessionStatus::Starting && s.elapsed)
        billed = std::max(billed, s.elapsed->totalMilliseconds() / 1000);
    const QVariant cost = price.isNull() ? m_nullReal : QVariant(double(billed) / 3600.0 * price.toDouble());
    const QVariant lease = s.maxLease ? QVariant(s.maxLease->totalMilliseconds() / 1000) : m_nullInt;
    const ReadyTime ready = readyTime(s, o.at, known ? row.status : QString(), readyAt);
    const bool becameReady = ready.at.isValid();
    bool readyAtDerived = known && row.readyAtDerived;
    if (becameReady) {
        readyAt = ready.at.toMSecsSinceEpoch();
        readyAtDerived = ready.derived;
    }
    if (final && !wasEnded)
        endedAt = o.at.toMSecsSinceEpoch();
    const QString finalStatus = final ? status : QString();
    if (!known) {
        m_inserts.add({account, s.id, s.size, status, at, readyAt, at, endedAt, finalStatus, lease, billed, price, cost,
            s.message, int(readyAtDerived), o.account});
    } else {
        flushRows();
        m_run(m_update,
            {s.size, status, readyAt, int(readyAtDerived), at, final ? endedAt : m_nullInt, finalStatus, lease, billed,
                price, cost, s.message, o.account, account, s.id});
    }
    row = {true, status, readyAt, readyAtDerived, final ? endedAt : m_nullInt, billed, price, at};
    // Each of these happens once in a session's life, whoever saw it first. A session new to the file
    // has no events yet (a command's event comes with a row).
    if (becameReady && (!known || eventId(account, s.id, u"ready"_s).isNull())) {
        const QString detail = ready.derived ? QCoreApplication::translate("HistoryStore",
                                   "Already ready when first seen: the time follows from the service's elapsed time")
                                             : QString();
        addEvent(account, s.id, ready.at, u"ready"_s, detail, o.msCv);
    }
    if (final) {
        const QString kind = finalEventKind(s.status);
        if (!known || eventId(account, s.id, kind).isNull())
            addEvent(account, s.id, o.at, kind, s.message, o.msCv);
    }
}

void BatchWriter::writeCommand(const HistoryCommand &c)
{
    const QString account = identityOf(c);
    QSqlQuery touch(m_db);
    // A command may come before any poll saw the session.
    touch.prepare(u"INSERT INTO sessions (account, session_id, size, first_seen, last_seen, account_label)"
                  " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account, session_id) DO NOTHING"_s);
    m_run(touch, {account, c.sessionId, c.size, c.at.toMSecsSinceEpoch(), c.at.toMSecsSinceEpoch(), c.account});
    switch (c.kind) {
    case HistoryCommand::Kind::Created:
        touch.prepare(u"UPDATE sessions SET created_here = 1 WHERE account = ? AND session_id = ?"_s);
        m_run(touch, {account, c.sessionId});
        if (eventId(account, c.sessionId, u"created"_s).isNull())
            addEvent(account, c.sessionId, c.at, u"created"_s, c.detail, c.msCv, c.actor);
        break;
    case HistoryCommand::Kind::Extended:
        touch.prepare(u"UPDATE sessions SET extend_count = extend_count + 1,"
                      " lease_seconds = COALESCE(?, lease_seconds) WHERE account = ? AND session_id = ?"_s);
        m_run(touch, {c.leaseSeconds ? QVariant(*c.leaseSeconds) : m_nullInt, account, c.sessionId});
        addEvent(account, c.sessionId, c.at, u"extended"_s, c.detail, c.msCv, c.actor);
        break;
    case HistoryCommand::Kind::Stopped: {
        touch.prepare(u"UPDATE sessions SET stopped_here = 1 WHERE account = ? AND session_id = ?"_s);
        m_run(touch, {account, c.sessionId});
        // A poll may have seen it stopped before the command's outcome came: that event is this one.
        const QVariant existing = eventId(account, c.sessionId, u"stopped"_s);
        if (existing.isNull()) {
            addEvent(account, c.sessionId, c.at, u"stopped"_s, c.detail, c.msCv, c.actor);
        } else {
            touch.prepare(u"UPDATE events SET detail = ?, ms_cv = ?, actor_user = ?, actor_host = ?, actor_program = ?,"
                          " actor_version = ? WHERE id = ?"_s);
            const HistoryActor &a = c.actor;
            m_run(touch, {c.detail, c.msCv, a.user, a.host, a.program, a.version, existing});
        }
        break;
    }
    case HistoryCommand::Kind::Failed:
        addEvent(account, c.sessionId, c.at, u"command-failed"_s, c.detail, c.msCv, c.actor);
        break;
    }
}

void BatchWriter::writeDisappearances(const QList<HistoryDisappearance> &disappearances)
{
    QSqlQuery vanish(m_db);
    vanish.prepare(historysql::forDialect(m_dialect,
        u"UPDATE sessions SET ended_at = ?, final_status = status, closed_unseen = 1,"
        " billed_seconds = MAX(billed_seconds, COALESCE(?, 0)),"
        " cost = CASE WHEN price_per_hour IS NULL THEN cost"
        " ELSE MAX(billed_seconds, COALESCE(?, 0)) / 3600.0 * price_per_hour END"
        " WHERE account = ? AND session_id = ? AND ended_at IS NULL AND last_seen <= ?"_s));
    for (const HistoryDisappearance &d : disappearances) {
        if (!m_run.ok)
            return;
        const QString account = identityOf(d);
        const QVariant billed = d.billedSeconds ? QVariant(*d.billedSeconds) : m_nullInt;
        // Not when another writer has seen it since: it is back in the list (or the look is late).
        m_run(vanish, {d.at.toMSecsSinceEpoch(), billed, billed, account, d.sessionId, d.at.toMSecsSinceEpoch()});
        if (m_run.ok && vanish.numRowsAffected() > 0)
            addEvent(account, d.sessionId, d.at, u"disappeared"_s,
                QCoreApplication::translate("HistoryStore", "gone from the list without a final status"), {});
    }
}

void BatchWriter::writeAlert(const HistoryAlert &a)
{
    // Once a day: every window and watcher of the account gives the same alert.
    const QDateTime dayStart(a.at.toUTC().date(), QTime(0, 0), Qt::UTC);
    QSqlQuery given(m_db);
    given.prepare(u"SELECT id FROM events WHERE account = ? AND session_id = ? AND kind = ? AND at >= ? AND at < ?"
                  " LIMIT 1"_s);
    flushRows();
    const QString account = identityOf(a);
    // An account's alert has an empty session id, never NULL (the column holds none).
    const QString session = a.sessionId.isNull() ? u""_s : a.sessionId;
    m_run(given, {account, session, a.kind, dayStart.toMSecsSinceEpoch(), dayStart.addDays(1).toMSecsSinceEpoch()});
    if (m_run.ok && !given.next())
        addEvent(account, session, a.at, a.kind, a.text, {}, a.actor);
}

} // namespace

bool HistoryStore::beginWrite(const HistoryBatch &batch, QSqlError *error)
{
    if (m_location.isTeam())
        return beginTeamWrite(batch, error);
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    // Take the write lock at once: what is read below stays true until the commit, even with arrsm
    // writing the same sessions. Another writer (arrsm, or the app beside arrsm) holding the file past
    // the busy timeout is a passing state, not a broken disk: wait for it a few more times before
    // history goes off.
    bool begun = q.exec(u"BEGIN IMMEDIATE"_s);
    for (int retry = 0; !begun && retry < m_busyRetries && historysql::isBusy(q.lastError()); ++retry)
        begun = q.exec(u"BEGIN IMMEDIATE"_s);
    if (!begun)
        *error = q.lastError();
    return begun;
}

bool HistoryStore::record(const HistoryBatch &batch)
{
    if (!m_open)
        return false;
    if (m_readOnly) {
        refuseWrite();
        return false;
    }
    if (batch.isEmpty())
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    if (QSqlError beginError; !beginWrite(batch, &beginError)) {
        fail(QCoreApplication::translate("HistoryStore", "%1 cannot be written").arg(m_filePath), beginError.text());
        return false;
    }
    bool ok = true;
    QString error;
    if (!batch.deliveryKey.isEmpty()) {
        bool fresh = true;
        ok = noteDelivery(batch.deliveryKey, &fresh, &error);
        if (ok && !fresh) {
            q.exec(u"ROLLBACK"_s);
            return true;
        }
    }
    if (ok) {
        BatchWriter writer(db, m_dialect);
        ok = writer.write(batch);
        error = writer.error();
    }
    if (!ok || !q.exec(u"COMMIT"_s)) {
        if (ok)
            error = q.lastError().text();
        q.exec(u"ROLLBACK"_s);
        fail(QCoreApplication::translate("HistoryStore", "%1 cannot be written").arg(m_filePath),
            error.isEmpty() ? QCoreApplication::translate("HistoryStore", "a statement failed") : error);
        return false;
    }
    return true;
}

} // namespace arr
