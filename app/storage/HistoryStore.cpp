#include "storage/HistoryStore.h"

#include "storage/HistorySchema.h"
#include "storage/HistorySql.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr {

static_assert(HistoryStore::SchemaVersion == historysql::SchemaVersion);

namespace {

QAtomicInt connectionCounter;

} // namespace

HistoryStore::HistoryStore(const QString &filePath)
    : HistoryStore(HistoryLocation::file(filePath))
{
}

HistoryStore::HistoryStore(const HistoryLocation &location)
    : m_location(location)
    , m_dialect(location.isTeam() ? historysql::Dialect::Postgres : historysql::Dialect::Sqlite)
    , m_filePath(location.displayName())
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
    m_readOnly = false;
}

void HistoryStore::fail(const QString &what, const QString &error)
{
    m_problem = QCoreApplication::translate("HistoryStore", "Session history is off: %1 (%2).").arg(what, error);
    // The connection goes with the object (or the next open()): its queries may still be alive here.
    m_open = false;
}

void HistoryStore::setAccounts(const QList<Account> &accounts)
{
    m_nameByIdentity.clear();
    m_identityByName.clear();
    m_identityByAccountId.clear();
    for (const Account &account : accounts) {
        const QString identity = account.identity();
        m_identityByName.insert(account.name, identity);
        if (!m_nameByIdentity.contains(identity))
            m_nameByIdentity.insert(identity, account.name);
        const QString id = account.accountId.trimmed().toLower();
        if (!m_identityByAccountId.contains(id))
            m_identityByAccountId.insert(id, identity);
    }
}

HistoryStore::OpenResult HistoryStore::open()
{
    close();
    m_problem.clear();
    m_movedAside.clear();
    if (m_location.kind() == HistoryLocation::Kind::Invalid) {
        m_problem = QCoreApplication::translate("HistoryStore", "Session history is off: %1").arg(m_location.error());
        return OpenResult::Unavailable;
    }
    if (m_location.isTeam())
        return openTeam();
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
    if (historysql::isCorruption(error) && m_movedAside.isEmpty()) {
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
    // A newer schema never gets here: inspectFile() refused it before anything changed.
    const int version = q.value(0).toInt();
    if (version == SchemaVersion)
        return true;
    q.finish();
    if (!db.transaction()) {
        m_lastError = db.lastError();
        return false;
    }
    QSqlError error;
    if (!historysql::upgrade(db, m_dialect, version, {m_identityByName, m_identityByAccountId}, &error)) {
        m_lastError = error;
        db.rollback();
        if (!historysql::isCorruption(error))
            fail(QCoreApplication::translate("HistoryStore", "%1 cannot be upgraded").arg(m_filePath), error.text());
        return false;
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
    if (m_location.isTeam()) {
        setTeamLockTimeout();
        return;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.exec(u"PRAGMA busy_timeout = %1"_s.arg(m_busyTimeoutMs));
}

int HistoryStore::prune(const QDateTime &before)
{
    if (!m_open)
        return -1;
    if (m_readOnly) {
        refuseWrite();
        return -1;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    const qint64 limit = before.toMSecsSinceEpoch();
    if (m_location.isTeam() ? !beginTeamPrune() : !q.exec(u"BEGIN IMMEDIATE"_s))
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

} // namespace arr
