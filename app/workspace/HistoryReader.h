#pragma once

#include "core/Account.h"
#include "storage/HistoryLocation.h"
#include "storage/HistoryRecords.h"

#include <QList>
#include <QObject>
#include <QString>

class QThread;

namespace arr {

// Reads the session history for a window on a thread of its own. A team's database that is away
// costs libpq's connect timeout and a range of 10,000 sessions some hundred milliseconds of SQLite:
// neither may freeze the window. The store is opened in that thread, and opened again before a read
// while it could not be (a server that was away may be back). Each read answers with the ticket it
// returned; a caller that asked again keeps only the newest ticket's answer.
class HistoryReader : public QObject
{
    Q_OBJECT

public:
    explicit HistoryReader(const HistoryLocation &location, QObject *parent = nullptr);
    // Does not wait out a read that hangs on an unreachable server: the thread is left to end by
    // itself and clears up after itself.
    ~HistoryReader() override;

    // The saved accounts: reads show each session under the current name of its account.
    void setAccounts(const QList<arr::Account> &accounts);
    // Sessions as HistoryStore::sessions() reads them, and the alerts given in the same time range.
    int readSessions(const arr::HistoryQuery &query);
    // One session's events, oldest first.
    int readEvents(const QString &accountKey, const QString &sessionId);

Q_SIGNALS:
    // After each attempt to open the store that changed what is known: whether it is open, and what it
    // said (a newer schema, a damaged file replaced, an unreachable server).
    void opened(bool isOpen, const QString &problem);
    // `readError`: why the read failed (nothing read then); empty when it did not.
    void sessionsRead(int ticket, const QList<arr::HistorySession> &sessions, const QList<arr::HistoryAlert> &alerts,
        const QString &readError);
    void eventsRead(int ticket, const QList<arr::HistoryEvent> &events, const QString &readError);

private:
    class Worker;

    QThread *m_thread;
    Worker *m_worker;
    int m_lastTicket = 0;
};

} // namespace arr
