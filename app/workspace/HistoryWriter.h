#pragma once

#include "core/Account.h"
#include "core/BilledTimeSource.h"
#include "storage/HistoryRecords.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>

class QTimer;

#include <memory>

namespace arr {

class HistoryStore;

// The history's disk side, in a thread of its own with its own connection: opens (migrates,
// prunes) the file and writes batches, so that the GUI thread never waits on the disk.
class HistoryWriter : public QObject
{
    Q_OBJECT

public:
    explicit HistoryWriter(QObject *parent = nullptr);
    ~HistoryWriter() override;

    // Each runs in the writer's thread when invoked through a queued call.
    void open(const QString &filePath, int retentionDays);
    // The saved accounts: see HistoryStore::setAccounts(). Before open() for a migration to use them.
    void setAccounts(const QList<arr::Account> &accounts);
    void write(const arr::HistoryBatch &batch);
    void close();
    // From now on, after opening and after every write: the sessions that ended since `since`, with
    // their billed time after it (endedUsage()).
    void watchEndedSince(const QDateTime &since);

Q_SIGNALS:
    // Empty `problem` when the history opened cleanly.
    void opened(bool enabled, const QString &problem);
    void written(qint64 microseconds);
    // The disk refused a write (or another writer held the file too long): what was not written
    // waits, `waiting` records of it, and is tried again with the next write, or a minute later.
    void failed(const QString &problem, int waiting);
    // The waiting records were written after all.
    void recovered();
    void endedUsage(const QDateTime &since, const QList<arr::BilledUsage> &usage);
    // Who did what to sessions of `account` (its name as the batch had it) a write named, as the
    // history holds it (HistoryStore::actions()): `read` lists every session asked about.
    void actionsRead(
        const QString &account, const QHash<QString, QList<arr::HistoryEvent>> &actions, const QStringList &read);

private:
    void reportEndedUsage();
    // Reads who did what to the sessions of a written batch: those new to this writer, those whose
    // status or lease changed (a stop or an extend shows there, whoever sent it) and those a command
    // named. A session seen again unchanged is not read again.
    void reportActions(const HistoryBatch &batch);
    // Writes what waits, oldest first, reopening the file when a write failed before.
    void drain();
    void retryLater(const QString &problem);

    std::unique_ptr<HistoryStore> m_store;
    QString m_filePath;
    QList<Account> m_accounts;
    QDateTime m_usageSince;
    // By account identity and session id: the status and lease a session had when its actions were
    // last read.
    QHash<QString, QHash<QString, QString>> m_actionsReadAt;
    QList<HistoryBatch> m_waiting;
    qsizetype m_waitingRecords = 0;
    QTimer *m_retryTimer = nullptr;
    bool m_failing = false;
};

} // namespace arr
