#include "workspace/HistoryWriter.h"

#include "storage/HistoryOutbox.h"
#include "storage/HistoryStore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimer>

namespace arr {

namespace {

// A file write that failed is tried again with the next one, and at the latest after this long.
constexpr int FileRetryMs = 60'000;
// A team database that is away is tried this often; each try may wait out libpq's connect timeout.
constexpr int TeamRetryMs = 15'000;
// What the rest of a team ended today is read again this often: their writes do not wake this writer.
constexpr int TeamUsageRereadMs = 60'000;
// Another program on this computer delivers the outbox: looked at again this soon.
constexpr int OtherDelivererRetryMs = 5'000;
// What waits in memory for a history that cannot be written is bounded: beyond this many records
// (hours of a busy account) the oldest go, so that a history that stays unwritable cannot fill the memory.
constexpr qsizetype MaximumWaitingRecords = 200'000;

qsizetype recordCount(const HistoryBatch &batch)
{
    return batch.observations.size() + batch.commands.size() + batch.disappearances.size() + batch.alerts.size();
}

} // namespace

HistoryWriter::HistoryWriter(QObject *parent)
    : QObject(parent)
{
}

HistoryWriter::~HistoryWriter() = default;

void HistoryWriter::open(const HistoryLocation &location, int retentionDays, const QString &outboxFile)
{
    // Opened again, on the history the user chose instead: what waits goes where it was meant to, as
    // far as it can (close()), and what cannot follows to the new one.
    if (m_state != State::NotOpened) {
        close();
        m_state = State::NotOpened;
        m_failing = false;
        m_lastProblem.clear();
        m_actionsReadAt.clear();
    }
    m_location = location;
    if (location.isTeam()) {
        m_outbox = std::make_unique<HistoryOutbox>(outboxFile);
        m_state = State::Open;
        // Unreachable is not off: records wait in the outbox, and the window says since when.
        if (!m_outbox->open())
            m_lastProblem = m_outbox->problem();
        if (!m_usageReread) {
            // Made here, in the writer's thread, so that it fires there.
            m_usageReread = new QTimer(this);
            connect(m_usageReread, &QTimer::timeout, this, &HistoryWriter::reportReads);
        }
        m_usageReread->start(TeamUsageRereadMs);
        Q_EMIT opened(true, m_lastProblem);
        drain();
        return;
    }
    if (m_usageReread)
        m_usageReread->stop();
    m_store = std::make_unique<HistoryStore>(location);
    m_store->setAccounts(m_accounts);
    if (m_store->open() == HistoryStore::OpenResult::Unavailable) {
        const QString problem = m_store->problem();
        m_store.reset();
        m_state = State::Off;
        m_waiting.clear();
        m_waitingRecords = 0;
        Q_EMIT opened(false, problem);
        return;
    }
    m_state = State::Open;
    m_store->prune(QDateTime::currentDateTimeUtc().addDays(-qint64(retentionDays)));
    Q_EMIT opened(true, m_store->problem());
    drain();
}

void HistoryWriter::setAccounts(const QList<Account> &accounts)
{
    m_accounts = accounts;
    if (m_store)
        m_store->setAccounts(accounts);
    // "Spent today" names each session by its account's current name: one that was renamed is asked anew.
    reportReads();
}

void HistoryWriter::write(const HistoryBatch &batch)
{
    if (m_state == State::Off)
        return;
    // A team's batch goes to the disk at once; only when the outbox itself cannot be written does it
    // wait in memory.
    if (!(m_outbox && m_waiting.isEmpty() && m_outbox->append(batch))) {
        m_waiting.append(batch);
        m_waitingRecords += recordCount(batch);
    }
    if (m_state == State::NotOpened)
        return;
    // A file that refused a write is tried again with every write; a team database that is away only
    // when its retry is due (each try may wait for a connection), the window told how much waits.
    if (m_failing && m_location.isTeam()) {
        Q_EMIT failed(m_lastProblem, waitingRecords(), m_failingSince, true);
    } else {
        drain();
        // A file's batches say who did what as they are written (drainFile()); a team's once delivered.
        if (m_location.isTeam() && !m_failing && m_store)
            reportActions(batch);
    }
}

bool HistoryWriter::openStore()
{
    if (m_store)
        return true;
    m_store = std::make_unique<HistoryStore>(m_location);
    m_store->setAccounts(m_accounts);
    if (m_store->open() == HistoryStore::OpenResult::Unavailable) {
        const QString problem = m_store->problem();
        m_store.reset();
        retryLater(problem, m_location.isTeam() ? TeamRetryMs : FileRetryMs);
        return false;
    }
    return true;
}

void HistoryWriter::drain()
{
    if (m_state != State::Open)
        return;
    if (m_location.isTeam())
        drainTeam();
    else
        drainFile();
}

void HistoryWriter::drainFile()
{
    if (!openStore())
        return;
    // Each write waits once for another writer; what it cannot write waits here instead.
    m_store->setBusyWait(5000, 0);
    while (!m_waiting.isEmpty()) {
        QElapsedTimer timer;
        timer.start();
        if (!m_store->record(m_waiting.constFirst())) {
            const QString problem = m_store->problem();
            m_store.reset();
            retryLater(problem, FileRetryMs);
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
    reportReads();
}

void HistoryWriter::drainTeam()
{
    // What waited in memory because the outbox could not be written goes there first, in order.
    while (!m_waiting.isEmpty() && m_outbox->append(m_waiting.constFirst())) {
        m_waitingRecords -= recordCount(m_waiting.constFirst());
        m_waiting.removeFirst();
    }
    if (!openStore())
        return;
    QElapsedTimer timer;
    timer.start();
    int delivered = 0;
    switch (m_outbox->deliver(*m_store, &delivered)) {
    case HistoryOutbox::Delivery::Failed:
        // A store that refused a write is off until opened again.
        if (!m_store->isOpen())
            m_store.reset();
        retryLater(m_outbox->problem(), TeamRetryMs);
        return;
    case HistoryOutbox::Delivery::OtherDelivers:
        if (!m_retryTimer || !m_retryTimer->isActive())
            retryLater({}, OtherDelivererRetryMs);
        return;
    case HistoryOutbox::Delivery::Delivered:
        break;
    }
    if (delivered > 0)
        Q_EMIT written(timer.nsecsElapsed() / 1000);
    if (m_failing && m_waiting.isEmpty()) {
        m_failing = false;
        m_lastProblem.clear();
        m_retryTimer->stop();
        Q_EMIT recovered();
    }
    reportReads();
}

qint64 HistoryWriter::waitingRecords() const
{
    const qint64 onDisk = m_outbox ? std::max<qint64>(m_outbox->waitingRecords(), 0) : 0;
    return onDisk + m_waitingRecords;
}

void HistoryWriter::retryLater(const QString &problem, int delayMs)
{
    while (m_waitingRecords > MaximumWaitingRecords && m_waiting.size() > 1) {
        m_waitingRecords -= recordCount(m_waiting.constFirst());
        m_waiting.removeFirst();
    }
    if (!m_retryTimer) {
        // Made here, in the writer's thread, so that it fires there.
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        connect(m_retryTimer, &QTimer::timeout, this, &HistoryWriter::drain);
    }
    m_retryTimer->start(delayMs);
    // Another program delivering is no failure of ours.
    if (problem.isEmpty())
        return;
    if (!m_failing)
        m_failingSince = QDateTime::currentDateTimeUtc();
    m_failing = true;
    m_lastProblem = problem;
    Q_EMIT failed(problem, waitingRecords(), m_failingSince, m_location.isTeam());
}

void HistoryWriter::watchEndedSince(const QDateTime &since)
{
    m_usageSince = since;
    reportEndedUsage();
}

void HistoryWriter::watchAlerts(const QDateTime &since, const QStringList &accountKeys)
{
    m_alertsSince = since;
    m_alertAccountKeys = accountKeys;
    reportAlerts();
}

void HistoryWriter::reportReads()
{
    reportEndedUsage();
    reportAlerts();
}

void HistoryWriter::reportAlerts()
{
    // The accounts' own alerts (budgets), whoever gave them: a few rows through the events' index.
    if (!m_store || !m_store->isOpen() || !m_alertsSince.isValid() || m_alertAccountKeys.isEmpty())
        return;
    HistoryAlertQuery query;
    query.since = m_alertsSince;
    query.accountKeys = m_alertAccountKeys;
    query.accountsOnly = true;
    const QList<HistoryAlert> alerts = m_store->alerts(query);
    if (m_store->readError().isEmpty())
        Q_EMIT alertsRead(m_alertsSince, alerts);
}

void HistoryWriter::reportEndedUsage()
{
    // Read here, in the writer's thread, so that the window's once-a-second "spent today" never
    // waits on the disk: it uses what was last reported.
    if (m_store && m_store->isOpen() && m_usageSince.isValid())
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
    if (m_location.isTeam()) {
        // A team database is not waited for at exit: what waits in memory goes to the outbox, and the
        // outbox is delivered by the next program that starts.
        while (m_outbox && !m_waiting.isEmpty() && m_outbox->append(m_waiting.constFirst()))
            m_waiting.removeFirst();
    } else if (!m_waiting.isEmpty()) {
        // The last chance for what still waits.
        drain();
    }
    if (m_retryTimer)
        m_retryTimer->stop();
    m_store.reset();
    m_outbox.reset();
}

} // namespace arr
