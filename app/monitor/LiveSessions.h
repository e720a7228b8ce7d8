#pragma once

#include "core/Session.h"

#include <QByteArray>
#include <QHash>
#include <QObject>

#include <optional>
#include <vector>

namespace arr {

class Clock;

// One session as the monitor last saw it, with what the monitor knows about it beyond the service's
// answer: when that answer arrived, the MS-CV of the last call about it, and a command in progress.
struct TrackedSession
{
    QString account;
    Session session;
    // Monotonic time the answer that reported `session` arrived.
    qint64 observedAtMono = 0;
    QByteArray lastMsCv;
    // "extending to 05:00:00", "stop requested"; empty when no command is in progress.
    QString pendingCommand;
};

// Every session of every watched account, as the monitor last saw them: the state the monitor owns
// and compares each poll with. Entries keep their position until removed, so that an observer (the
// window's table model) can mirror them row for row: a poll is applied as a diff and announced as
// insertions, removals and changed ranges, never as "everything changed". Plain QtCore; arrsm and the
// monitor need no item model.
class LiveSessions : public QObject
{
    Q_OBJECT

public:
    explicit LiveSessions(const Clock *clock, QObject *parent = nullptr);

    int count() const { return int(m_entries.size()); }
    // The clock the countdown and the billed time are computed with.
    const Clock *clock() const { return m_clock; }
    const TrackedSession &at(int index) const { return m_entries[size_t(index)]; }
    // -1 when the account has no such session.
    int indexOf(const QString &account, const QString &sessionId) const;
    const TrackedSession *find(const QString &account, const QString &sessionId) const;

    // Lease left now: the last known elapsed time plus, while ready, the monotonic time since the
    // answer arrived. Zero for a finished session; empty when the service gave no lease.
    std::optional<TimeSpan> remaining(int index) const;
    std::optional<TimeSpan> remaining(const TrackedSession &entry) const;

    // The status of each of the account's sessions, by id: what a poll is compared with.
    QHash<QString, SessionStatus> statusesOf(const QString &account) const;
    // Whether one of the account's sessions is starting or stopping.
    bool hasTransitionalSession(const QString &account) const;

    // Replaces the account's sessions by `sessions`, as a diff.
    void applyPoll(
        const QString &account, const QList<Session> &sessions, qint64 observedAtMono, const QByteArray &msCv = {});
    // Adds or updates one session without touching the account's others (a create's answer).
    void upsert(const QString &account, const Session &session, qint64 observedAtMono, const QByteArray &msCv = {});
    void removeAccount(const QString &account);
    void setLastMsCv(const QString &account, const QString &sessionId, const QByteArray &msCv);
    void setPendingCommand(const QString &account, const QString &sessionId, const QString &description);

Q_SIGNALS:
    // Entries [first, last] are about to be appended / removed, then were.
    void aboutToInsert(int first, int last);
    void inserted();
    void aboutToRemove(int first, int last);
    void removed();
    // The sessions of entries [first, last] changed.
    void changed(int first, int last);
    // Only the MS-CV or the pending command of one entry changed.
    void annotated(int index);

private:
    void removeEntries(std::vector<int> indexes);
    void renumberFrom(size_t first);
    void announceChanged(const std::vector<int> &indexes);

    const Clock *m_clock;
    std::vector<TrackedSession> m_entries;
    // Position of each session, by account and then session id.
    QHash<QString, QHash<QString, int>> m_indexByAccount;
};

} // namespace arr
