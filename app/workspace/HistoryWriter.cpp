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
        const HistoryBatch batch = m_waiting.takeFirst();
        m_waitingRecords -= recordCount(batch);
        Q_EMIT written(timer.nsecsElapsed() / 1000);
        reportActions(batch);
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

void HistoryWriter::reportActions(const HistoryBatch &batch)
{
    struct Asked
    {
        QString identity;
        QStringList ids;
    };
    // By account name, as the batch names it.
    QHash<QString, Asked> asked;
    const auto ask = [&asked](const QString &account, const QString &identity, const QString &id) {
        Asked &a = asked[account];
        a.identity = identity;
        if (!a.ids.contains(id))
            a.ids.append(id);
    };
    for (const HistoryObservation &o : batch.observations) {
        const QString identity = o.accountKey.isEmpty() ? o.account : o.accountKey;
        const Session &s = o.session;
        const QString state = QString::number(int(s.status)) + s.statusText + u'|'
            + (s.maxLease ? QString::number(s.maxLease->totalSeconds()) : QString());
        QString &last = m_actionsReadAt[identity][s.id];
        if (last != state) {
            last = state;
            ask(o.account, identity, s.id);
        }
    }
    for (const HistoryCommand &c : batch.commands)
        ask(c.account, c.accountKey.isEmpty() ? c.account : c.accountKey, c.sessionId);
    for (const HistoryDisappearance &d : batch.disappearances)
        m_actionsReadAt[d.accountKey.isEmpty() ? d.account : d.accountKey].remove(d.sessionId);
    for (auto it = asked.constBegin(); it != asked.constEnd(); ++it) {
        const QHash<QString, QList<HistoryEvent>> actions = m_store->actions(it->identity, it->ids);
        // Not known rather than unknown: asked again with the session's next change.
        if (!m_store->readError().isEmpty()) {
            for (const QString &id : it->ids)
                m_actionsReadAt[it->identity].remove(id);
            continue;
        }
        Q_EMIT actionsRead(it.key(), actions, it->ids);
    }
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
