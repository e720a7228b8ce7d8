#include "workspace/HistoryReader.h"

#include "storage/HistoryStore.h"

#include <QThread>

#include <memory>

namespace arr {

// Lives in the reader's thread and owns the store there: Qt SQL's connections belong to the thread
// that opened them.
// Its answers are signals connected to the reader across threads, so that a reader deleted first
// takes the connections and the answers still queued with it.
class HistoryReader::Worker : public QObject
{
    Q_OBJECT

public:
    explicit Worker(const HistoryLocation &location)
        : m_location(location)
    {
    }

    void setAccounts(const QList<Account> &accounts)
    {
        m_accounts = accounts;
        if (m_store)
            m_store->setAccounts(accounts);
    }

    void readSessions(int ticket, const HistoryQuery &query)
    {
        if (!ensureOpen()) {
            Q_EMIT sessionsRead(ticket, {}, {}, {});
            return;
        }
        QList<HistorySession> sessions = m_store->sessions(query);
        QList<HistoryAlert> alerts;
        QString error = m_store->readError();
        if (error.isEmpty()) {
            HistoryAlertQuery range;
            range.since = query.since;
            range.until = query.until;
            alerts = m_store->alerts(range);
            error = m_store->readError();
        }
        if (!error.isEmpty()) {
            sessions.clear();
            alerts.clear();
        }
        Q_EMIT sessionsRead(ticket, sessions, alerts, error);
    }

    void readEvents(int ticket, const QString &accountKey, const QString &sessionId)
    {
        if (!ensureOpen()) {
            Q_EMIT eventsRead(ticket, {}, {});
            return;
        }
        QList<HistoryEvent> events = m_store->events(accountKey, sessionId);
        const QString error = m_store->readError();
        if (!error.isEmpty())
            events.clear();
        Q_EMIT eventsRead(ticket, events, error);
    }

private:
    // Opens the store the first time, and a team's database again while it was unreachable.
    bool ensureOpen()
    {
        if (m_store && (m_store->isOpen() || !m_location.isTeam()))
            return m_store->isOpen();
        if (!m_store) {
            m_store = std::make_unique<HistoryStore>(m_location);
            m_store->setAccounts(m_accounts);
        }
        m_store->open();
        const bool open = m_store->isOpen();
        const QString problem = m_store->problem();
        if (!m_reported || open != m_reportedOpen || problem != m_reportedProblem) {
            m_reported = true;
            m_reportedOpen = open;
            m_reportedProblem = problem;
            Q_EMIT opened(open, problem);
        }
        return open;
    }

Q_SIGNALS:
    void opened(bool isOpen, const QString &problem);
    void sessionsRead(int ticket, const QList<arr::HistorySession> &sessions, const QList<arr::HistoryAlert> &alerts,
        const QString &readError);
    void eventsRead(int ticket, const QList<arr::HistoryEvent> &events, const QString &readError);

private:
    const HistoryLocation m_location;
    QList<Account> m_accounts;
    std::unique_ptr<HistoryStore> m_store;
    bool m_reported = false;
    bool m_reportedOpen = false;
    QString m_reportedProblem;
};

HistoryReader::HistoryReader(const HistoryLocation &location, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_worker(new Worker(location))
{
    m_thread->setObjectName(QStringLiteral("HistoryReader"));
    m_worker->moveToThread(m_thread);
    connect(m_worker, &Worker::opened, this, &HistoryReader::opened);
    connect(m_worker, &Worker::sessionsRead, this, &HistoryReader::sessionsRead);
    connect(m_worker, &Worker::eventsRead, this, &HistoryReader::eventsRead);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
}

HistoryReader::~HistoryReader()
{
    // The reads still queued are dropped; the one under way (a connect that waits for its timeout)
    // ends in its thread, which then deletes the store, the worker and itself.
    m_thread->quit();
}

void HistoryReader::setAccounts(const QList<Account> &accounts)
{
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, accounts] { worker->setAccounts(accounts); }, Qt::QueuedConnection);
}

int HistoryReader::readSessions(const HistoryQuery &query)
{
    const int ticket = ++m_lastTicket;
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, ticket, query] { worker->readSessions(ticket, query); }, Qt::QueuedConnection);
    return ticket;
}

int HistoryReader::readEvents(const QString &accountKey, const QString &sessionId)
{
    const int ticket = ++m_lastTicket;
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, ticket, accountKey, sessionId] { worker->readEvents(ticket, accountKey, sessionId); },
        Qt::QueuedConnection);
    return ticket;
}

} // namespace arr

#include "HistoryReader.moc"
