#pragma once

#include "core/Account.h"
#include "core/BilledTimeSource.h"
#include "storage/HistoryLocation.h"
#include "storage/HistoryRecords.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

class QTimer;

#include <memory>

namespace arr {

class HistoryOutbox;
class HistoryStore;

// The history's disk side, in a thread of its own with its own connection: opens (migrates,
// prunes) the file and writes batches, so that the GUI thread never waits on the disk. A team's
// database gets every batch through the outbox on this computer's disk first (HistoryOutbox), so
// that a database that is away loses nothing; it is never pruned from here (its retention is the
// team's, not one person's preference).
class HistoryWriter : public QObject
{
    Q_OBJECT

public:
    explicit HistoryWriter(QObject *parent = nullptr);
    ~HistoryWriter() override;

    // Each runs in the writer's thread when invoked through a queued call. Batches written before
    // open() wait for it. `outboxFile`: where a team database's records wait (HistoryOutbox). Opened
    // again, it leaves the history it wrote for the new one.
    void open(const arr::HistoryLocation &location, int retentionDays, const QString &outboxFile);
    // The saved accounts: see HistoryStore::setAccounts(). Before open() for a migration to use them.
    void setAccounts(const QList<arr::Account> &accounts);
    void write(const arr::HistoryBatch &batch);
    void close();
    // From now on, after opening and after every write: the sessions that ended since `since`, with
    // their billed time after it (endedUsage()).
    void watchEndedSince(const QDateTime &since);
    // From now on, after opening and after every write: the own alerts (HistoryAlertQuery::accountsOnly)
    // of these accounts (identities) given since `since`, whichever program gave them (alertsRead()).
    void watchAlerts(const QDateTime &since, const QStringList &accountKeys);

Q_SIGNALS:
    // Empty `problem` when the history opened cleanly.
    void opened(bool enabled, const QString &problem);
    void written(qint64 microseconds);
    // The history refused a write, or could not be reached, since `since`: what was not written waits,
    // `waiting` records of it (on disk for a team's database), and is tried again later.
    void failed(const QString &problem, qint64 waiting, const QDateTime &since, bool team);
    // The waiting records were written after all.
    void recovered();
    void endedUsage(const QDateTime &since, const QList<arr::BilledUsage> &usage);
    void alertsRead(const QDateTime &since, const QList<arr::HistoryAlert> &alerts);
    // Who did what to sessions of `account` (its name as the batch had it) a write named, as the
    // history holds it (HistoryStore::actions()): `read` lists every session asked about.
    void actionsRead(
        const QString &account, const QHash<QString, QList<arr::HistoryEvent>> &actions, const QStringList &read);

private:
    enum class State {
        // open() has not run yet: batches wait for it.
        NotOpened,
        Open,
        // History is off from the start (a file of a newer version): nothing to keep.
        Off,
    };

    // Opens the store when it is not; false (with a retry planned) when it cannot be.
    bool openStore();
    // What is read again after every write: the ended sessions' usage and the accounts' alerts.
    void reportReads();
    void reportEndedUsage();
    void reportAlerts();
    // Reads who did what to the sessions of a written batch: those new to this writer, those whose
    // status or lease changed (a stop or an extend shows there, whoever sent it) and those a command
    // named. A session seen again unchanged is not read again.
    void reportActions(const HistoryBatch &batch);
    // Writes what waits, oldest first, reopening the history when a write failed before.
    void drain();
    void drainFile();
    void drainTeam();
    void retryLater(const QString &problem, int delayMs);
    qint64 waitingRecords() const;

    State m_state = State::NotOpened;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<HistoryOutbox> m_outbox;
    HistoryLocation m_location;
    QList<Account> m_accounts;
    QDateTime m_usageSince;
    QDateTime m_alertsSince;
    QStringList m_alertAccountKeys;
    // By account identity and session id: the status and lease a session had when its actions were
    // last read.
    QHash<QString, QHash<QString, QString>> m_actionsReadAt;
    // What waits in memory: the file's batches, or a team's when its outbox cannot be written either.
    QList<HistoryBatch> m_waiting;
    qsizetype m_waitingRecords = 0;
    QTimer *m_retryTimer = nullptr;
    // A team's "spent today" counts what other programs wrote: read again every minute.
    QTimer *m_usageReread = nullptr;
    bool m_failing = false;
    QDateTime m_failingSince;
    QString m_lastProblem;
};

} // namespace arr
