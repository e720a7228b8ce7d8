#include "storage/HistoryStore.h"

#include "storage/HistorySchema.h"
#include "storage/HistorySql.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <set>

using namespace Qt::StringLiterals;

// The session history in a team's PostgreSQL database: opening, migrating and locking. The reads and
// the batch write are the file's (HistoryStoreReads.cpp, HistoryStoreWrite.cpp) in PostgreSQL's
// dialect (historysql::forDialect()).
//
// Many programs write the same sessions at once. Every write and the migration take advisory locks
// that end with their transaction: the schema's lock, shared by writers and held alone by a migration
// or a prune; and one lock per account identity in the batch, taken in one order by every writer (no
// deadlock), so that two writers of one account take turns and each reads what the other committed,
// as two writers of the SQLite file do under its write lock. Writers of different accounts do not wait
// for each other.
namespace arr {

namespace {

// The first key of the history's advisory locks ("ARRH", "ARRA"); the second is 0 for the schema's
// lock and a hash of the identity for an account's.
constexpr qint32 SchemaLockKey = 0x41525248;
constexpr qint32 AccountLockKey = 0x41525241;

QString tr(const char *text)
{
    return QCoreApplication::translate("arr::HistoryStore", text);
}

// A hash of an identity that every program computes alike (qHash is seeded per process).
qint32 accountLockId(const QString &identity)
{
    const QByteArray digest = QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha1);
    return qint32((quint32(quint8(digest[0])) << 24) | (quint32(quint8(digest[1])) << 16)
        | (quint32(quint8(digest[2])) << 8) | quint32(quint8(digest[3])));
}

template<typename Record> QString identityOf(const Record &record)
{
    return record.accountKey.isEmpty() ? record.account : record.accountKey;
}

std::set<qint32> accountLockIds(const HistoryBatch &batch)
{
    std::set<qint32> ids;
    for (const HistoryObservation &o : batch.observations)
        ids.insert(accountLockId(identityOf(o)));
    for (const HistoryCommand &c : batch.commands)
        ids.insert(accountLockId(identityOf(c)));
    for (const HistoryDisappearance &d : batch.disappearances)
        ids.insert(accountLockId(identityOf(d)));
    for (const HistoryAlert &a : batch.alerts)
        ids.insert(accountLockId(identityOf(a)));
    return ids;
}

bool exec(QSqlQuery &q, const QString &sql, QSqlError *error)
{
    if (q.exec(sql))
        return true;
    *error = q.lastError();
    return false;
}

// The schema version the database holds, 0 for none; -1 with `error` set when it cannot be read, or
// with `foreign` set when tables of the history's names are there without a version.
int teamSchemaVersion(QSqlQuery &q, bool *foreign, QSqlError *error)
{
    if (!exec(q,
            u"SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            " AND table_name IN ('sessions', 'events', 'schema_version')"_s,
            error))
        return -1;
    QStringList tables;
    while (q.next())
        tables << q.value(0).toString();
    if (!tables.contains(QLatin1String(historysql::PostgresVersionTable))) {
        *foreign = !tables.isEmpty();
        return *foreign ? -1 : 0;
    }
    if (!exec(q, u"SELECT MAX(version) FROM schema_version"_s, error) || !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace

HistoryStore::OpenResult HistoryStore::openTeam()
{
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
        if (!db.isValid()) {
            error = tr("Qt's PostgreSQL driver (QPSQL) is not installed");
        } else {
            db.setHostName(m_location.host());
            db.setPort(m_location.port());
            db.setDatabaseName(m_location.database());
            db.setUserName(m_location.user());
            if (!m_location.password().isEmpty())
                db.setPassword(m_location.password());
            QString options = m_location.connectOptions();
            // An unreachable server is an answer within seconds, not a program that hangs.
            if (!options.contains(u"connect_timeout="_s))
                options = QString(options + u" connect_timeout=10"_s).trimmed();
            db.setConnectOptions(options);
            if (!db.open())
                error = db.lastError().text();
        }
    }
    if (!error.isEmpty()) {
        fail(tr("the team database %1 cannot be reached").arg(m_filePath), error.trimmed());
        close();
        return OpenResult::Unavailable;
    }
    m_open = true;
    setTeamLockTimeout();
    if (!migrateTeam()) {
        close();
        return OpenResult::Unavailable;
    }
    return m_readOnly ? OpenResult::OpenedReadOnly : OpenResult::Opened;
}

void HistoryStore::setTeamLockTimeout()
{
    // As long as the file's busy timeout; PostgreSQL reads 0 as "wait for ever".
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.exec(u"SET lock_timeout = %1"_s.arg(std::max(m_busyTimeoutMs, 1)));
}

bool HistoryStore::migrateTeam()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    QSqlError error;
    bool foreign = false;
    // Several programs may open an empty or older database at once: one migrates, the others wait for
    // it and then find the schema up to date.
    bool ok = exec(q, u"BEGIN"_s, &error);
    for (int retry = 0; ok && !q.exec(u"SELECT pg_advisory_xact_lock(%1, 0)"_s.arg(SchemaLockKey)); ++retry) {
        error = q.lastError();
        q.exec(u"ROLLBACK"_s);
        ok = historysql::isBusy(error) && retry < m_busyRetries && exec(q, u"BEGIN"_s, &error);
    }
    const int version = ok ? teamSchemaVersion(q, &foreign, &error) : -1;
    q.finish();
    if (version > SchemaVersion) {
        q.exec(u"ROLLBACK"_s);
        m_readOnly = true;
        m_problem = tr("The team history %1 was written by a newer version of this program (schema %2; this one "
                       "knows %3): it is shown, but nothing is written to it until this program is updated.")
                        .arg(m_filePath)
                        .arg(version)
                        .arg(SchemaVersion);
        return true;
    }
    if (version == SchemaVersion) {
        if (exec(q, u"COMMIT"_s, &error))
            return true;
        fail(tr("%1 cannot be opened").arg(m_filePath), error.text());
        return false;
    }
    if (version < 0) {
        q.exec(u"ROLLBACK"_s);
        fail(tr("%1 is not a session history").arg(m_filePath),
            foreign ? tr("it holds tables named sessions or events without a schema version") : error.text());
        return false;
    }
    ok = (version > 0 || exec(q, u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s, &error))
        && historysql::upgrade(db, m_dialect, version, {m_identityByName, m_identityByAccountId}, &error)
        && exec(q, u"DELETE FROM schema_version"_s, &error)
        && exec(q, u"INSERT INTO schema_version (version) VALUES (%1)"_s.arg(SchemaVersion), &error)
        && exec(q, u"COMMIT"_s, &error);
    if (!ok) {
        q.exec(u"ROLLBACK"_s);
        fail(tr("%1 cannot be upgraded").arg(m_filePath), error.text());
    }
    return ok;
}

bool HistoryStore::beginTeamWrite(const HistoryBatch &batch, QSqlError *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    QStringList locks{u"pg_advisory_xact_lock_shared(%1, 0)"_s.arg(SchemaLockKey)};
    // In ascending order, in one statement: every writer takes them in the same order.
    for (const qint32 id : accountLockIds(batch))
        locks << u"pg_advisory_xact_lock(%1, %2)"_s.arg(AccountLockKey).arg(id);
    const QString lock = u"SELECT "_s + locks.join(u", "_s);
    for (int attempt = 0;; ++attempt) {
        if (exec(q, u"BEGIN"_s, error) && exec(q, lock, error))
            return true;
        q.exec(u"ROLLBACK"_s);
        if (attempt >= m_busyRetries || !historysql::isBusy(*error))
            return false;
    }
}

bool HistoryStore::beginTeamPrune()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (q.exec(u"BEGIN"_s) && q.exec(u"SELECT pg_advisory_xact_lock(%1, 0)"_s.arg(SchemaLockKey)))
        return true;
    q.exec(u"ROLLBACK"_s);
    return false;
}

void HistoryStore::refuseWrite()
{
    // Said when it was opened (migrateTeam()); said again should something have cleared it.
    if (!m_problem.isEmpty())
        return;
    m_problem = tr("The team history %1 was written by a newer version of this program: it is shown, but "
                   "nothing is written to it until this program is updated.")
                    .arg(m_filePath);
}

bool HistoryStore::noteDelivery(const QString &key, bool *fresh, QString *error)
{
    // Longer than a computer stays off with a batch delivered but not yet forgotten.
    constexpr qint64 KeptMs = 30LL * 24 * 3600 * 1000;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(
        u"INSERT INTO deliveries (delivery_key, delivered_at) VALUES (?, ?) ON CONFLICT (delivery_key) DO NOTHING"_s);
    q.addBindValue(key);
    q.addBindValue(now);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    *fresh = q.numRowsAffected() > 0;
    // Once an hour, the keys that have done their work go.
    if (m_deliveriesPruned.isValid() && !m_deliveriesPruned.hasExpired(3600 * 1000))
        return true;
    q.prepare(u"DELETE FROM deliveries WHERE delivered_at < ?"_s);
    q.addBindValue(now - KeptMs);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    m_deliveriesPruned.start();
    return true;
}

} // namespace arr
