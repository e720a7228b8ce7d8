#pragma once

#include "core/Account.h"
#include "core/BilledTimeSource.h"
#include "storage/HistoryLocation.h"
#include "storage/HistoryRecords.h"
#include "storage/HistorySql.h"

#include <QElapsedTimer>
#include <QHash>

#include <QSqlError>

class QSqlDatabase;
class QSqlQuery;
#include <QString>

namespace arr {

// The session history: one SQLite file shared by the desktop app and arrsm (WAL mode and a busy
// timeout, so both may write at once), or a team's PostgreSQL database shared by everyone's programs
// (HistoryLocation). The schema carries a version and is migrated when opened, the same migrations for
// both. A corrupt file is moved aside and a new one started; a history that cannot be written turns
// history off with a reason. Synchronous: use one object per thread (each has its own connection).
class HistoryStore
{
public:
    // The schema this build writes; older files are migrated when opened.
    static constexpr int SchemaVersion = 6;

    enum class OpenResult {
        Opened,
        // The file was not a database: kept beside it (problem() says where), a new one started.
        RecoveredFromCorruption,
        // History is off: problem() says why.
        Unavailable,
        // A team database of a newer schema than this build's: read, never written (problem() says so).
        OpenedReadOnly,
    };

    explicit HistoryStore(const QString &filePath);
    explicit HistoryStore(const HistoryLocation &location);
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    // "history.sqlite" in the application's data location (the same for the app and arrsm).
    static QString defaultFilePath();

    // The saved accounts, for what the history shows and how an older file is migrated: reads show a
    // session under the current name of the saved account with its identity, and a history from before
    // identities (keyed by names, and by arrsm's bare account ids) is re-keyed through them when it is
    // opened. Set before open(); may change later (an account renamed).
    void setAccounts(const QList<Account> &accounts);

    OpenResult open();
    bool isOpen() const { return m_open; }
    // Reads work, record() and prune() are refused: the team database's schema is newer than this build.
    bool isReadOnly() const { return m_readOnly; }
    // The file's path, or the team database's URL (without a password).
    QString filePath() const { return m_filePath; }
    HistoryLocation location() const { return m_location; }
    // Why history is off, or what happened to a corrupt file; empty when all is well.
    QString problem() const { return m_problem; }

    // How long a write waits for another writer (the app, another arrsm) to let go of the file, and
    // how many more such waits it tries: 5 s and 3 unless set. A command that must not be held back
    // sets less.
    void setBusyWait(int timeoutMs, int retries);
    // Writes the batch in one transaction. False (and history off, with problem() set) when the
    // disk refuses it, or another writer held it past the busy wait.
    bool record(const HistoryBatch &batch);
    // Deletes sessions (and their events) last seen before `before`; the number deleted, or -1.
    int prune(const QDateTime &before);

    // The read API. A read that fails, even part way (a damaged page), gives nothing and sets
    // readError(); a successful read clears it.
    QString readError() const { return m_readError; }
    QList<HistorySession> sessions(const HistoryQuery &query = {}) const;
    // By account identity (HistorySession::accountKey) and session id.
    std::optional<HistorySession> session(const QString &accountKey, const QString &sessionId) const;
    // Oldest first.
    QList<HistoryEvent> events(const QString &accountKey, const QString &sessionId) const;
    // Who did what to these sessions of one account (by identity): the commands our programs sent that
    // the history holds with who sent them (created, extended, stopped), by session id, oldest first.
    // A session without any (created elsewhere, or recorded before the history kept who) is missing.
    // A session's creator is the actor of its "created" event (creatorOf()).
    QHash<QString, QList<HistoryEvent>> actions(const QString &accountKey, const QStringList &sessionIds) const;
    // The alerts programs gave (HistoryAlert), oldest first, each under its account's name as sessions()
    // shows it.
    QList<HistoryAlert> alerts(const HistoryAlertQuery &query) const;
    // The sessions that ended at or after `since`, each with its billed time after `since`: its
    // billed time, cut to the time from `since` to its end (the file knows how long a session was
    // ready, not exactly when).
    QList<BilledUsage> billedEndedSince(const QDateTime &since) const;

    // What copyTo() did: the sessions copied (merged where there already), and the events added.
    struct CopyResult
    {
        bool ok = false;
        int sessions = 0;
        int events = 0;
        QString error;
    };
    // Copies every session and event of this history into `target` (this computer's file into a team's
    // database). Safe to run twice: sessions already there are merged, events already there not added.
    CopyResult copyTo(HistoryStore &target);

private:
    bool openConnection();
    // Begins a transaction that a copy writes in (HistoryStoreCopy.cpp).
    bool beginCopy();
    bool inspectFile(const QSqlDatabase &db, QSqlError *error);
    bool migrate();
    // The team database (HistoryStoreTeam.cpp).
    OpenResult openTeam();
    bool migrateTeam();
    bool beginWrite(const HistoryBatch &batch, QSqlError *error);
    bool beginTeamWrite(const HistoryBatch &batch, QSqlError *error);
    bool beginTeamPrune();
    void setTeamLockTimeout();
    void refuseWrite();
    // Notes, in the write's transaction, that the batch with `key` is delivered (HistoryBatch::deliveryKey);
    // `fresh` false when an earlier delivery of it is in the history already.
    bool noteDelivery(const QString &key, bool *fresh, QString *error);
    template<typename List> List readFailed(const QSqlQuery &query, List &partial) const;
    HistorySession sessionFrom(const QSqlQuery &q) const;
    QString whereClause(const HistoryQuery &query, QVariantList &values) const;
    void fail(const QString &what, const QString &error);
    void close();

    HistoryLocation m_location;
    historysql::Dialect m_dialect = historysql::Dialect::Sqlite;
    QString m_filePath;
    QString m_connectionName;
    QString m_problem;
    QString m_movedAside;
    bool m_open = false;
    bool m_readOnly = false;
    int m_busyTimeoutMs = 5000;
    int m_busyRetries = 3;
    // When this store last removed the old keys of delivered batches (see HistoryBatch::deliveryKey).
    QElapsedTimer m_deliveriesPruned;
    QSqlError m_lastError;
    mutable QString m_readError;
    // The saved accounts' names by identity (the first account of an identity), and the other way.
    QHash<QString, QString> m_nameByIdentity;
    QHash<QString, QString> m_identityByName;
    QHash<QString, QString> m_identityByAccountId;
};

} // namespace arr
