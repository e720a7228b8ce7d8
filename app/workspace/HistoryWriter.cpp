#include "workspace/HistoryWriter.h"

#include "storage/HistoryStore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <climits>

namespace arr {

HistoryWriter::HistoryWriter(QObject *parent)
    : QObject(parent)
{
}

HistoryWriter::~HistoryWriter() = default;

void HistoryWriter::open(const QString &filePath, int retentionDays)
{
    m_filePath = filePath;
    m_store = std::make_unique<HistoryStore>(filePath);
    m_store->setAccounts(m_accounts);
    const HistoryStore::OpenResult result = m_store->open();
    if (result == HistoryStore::OpenResult::Unavailable) {
        const QString problem = m_store->problem();
        m_store.reset();
        Q_EMIT opened(false, problem);
        return;
    }
    m_store->prune(QDateTime::currentDateTimeUtc().addDays(-qint64(retentionDays)));
    Q_EMIT opened(true, m_store->problem());
    reportEndedUsage();
}

void HistoryWriter::setAccounts(const QList<Account> &accounts)
{
    m_accounts = accounts;
    if (m_store)
        m_store->setAccounts(accounts);
    // "Spent today" names each session by its account's current name: one that was renamed is asked anew.
    reportEndedUsage();
}

namespace {

// A write that failed is tried again with the next one, and at the latest after this long.
constexpr int RetryMs = 60'000;
// What waits for a file that cannot be written is held in memory: beyond this many records (hours
// of a busy account) the oldest go, so that a history that stays unwritable cannot fill the memory.
constexpr qsizetype MaximumWaitingRecords = 200'000;

qsizetype recordCount(const HistoryBatch &batch)
{
    return batch.observations.size() + batch.commands.size() + batch.disappearances.size();
}

} // namespace

void HistoryWriter::write(const HistoryBatch &batch)
{
    // Off from the start (a file of a newer version, another program's database): nothing to keep.
    if (!m_store && !m_failing)
        return;
    m_waiting.append(batch);
    m_waitingRecords += recordCount(batch);
    drain();
}

void HistoryWriter::drain()
{
    if (!m_store) {
        m_store = std::make_unique<HistoryStore>(m_filePath);
        m_store->setAccounts(m_accounts);
        if (m_store->open() == HistoryStore::OpenResult::Unavailable) {
            const QString problem = m_store->problem();
            m_store.reset();
            retryLater(problem);
            return;
        }
    }
    // Each write waits once for another writer; what it cannot write waits here instead.
    m_store->setBusyWait(5000, 0);
    while (!m_waiting.isEmpty()) {
        QElapsedTimer timer;
        timer.start();
        if (!m_store->record(m_waiting.constFirst())) {
            const QString problem = m_store->problem();
            m_store.reset();
            retryLater(problem);
            return;
        }
        m_waitingRecords -= recordCount(m_waiting.constFirst());
        m_waiting.removeFirst();
        Q_EMIT written(timer.nsecsElapsed() / 1000);
    }
    if (m_failing) {
        m_failing = false;
        m_retryTimer->stop();
        Q_EMIT recovered();
    }
    reportEndedUsage();
}

void HistoryWriter::retryLater(const QString &problem)
{
    while (m_waitingRecords > MaximumWaitingRecords && m_waiting.size() > 1) {
        m_waitingRecords -= recordCount(m_waiting.constFirst());
        m_waiting.removeFirst();
    }
    m_failing = true;
    if (!m_retryTimer) {
        // Made here, in the writer's thread, so that it fires there.
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        connect(m_retryTimer, &QTimer::timeout, this, &HistoryWriter::drain);
    }
    m_retryTimer->start(RetryMs);
    Q_EMIT failed(problem, int(std::min<qsizetype>(m_waitingRecords, INT_MAX)));
}

void HistoryWriter::watchEndedSince(const QDateTime &since)
{
    m_usageSince = since;
    reportEndedUsage();
}

void HistoryWriter::reportEndedUsage()
{
    // Read here, in the writer's thread, so that the window's once-a-second "spent today" never
    // waits on the disk: it uses what was last reported.
    if (m_store && m_usageSince.isValid())
        Q_EMIT endedUsage(m_usageSince, m_store->billedEndedSince(m_usageSince));
}

void HistoryWriter::close()
{
    // The last chance for what still waits.
    if (!m_waiting.isEmpty())
        drain();
    if (m_retryTimer)
        m_retryTimer->stop();
    m_store.reset();
}

} // namespace arr
