#include "monitor/LiveSessions.h"

#include "core/Clock.h"

#include <algorithm>

namespace arr {

namespace {

// Replaces an entry's session with a newer report of it, keeping the id string that the index
// shares with the entry.
void takeNewerReport(Session *kept, const Session &fresh)
{
    const QString id = kept->id;
    *kept = fresh;
    kept->id = id;
}

} // namespace

LiveSessions::LiveSessions(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock ? clock : SystemClock::instance())
{
}

int LiveSessions::indexOf(const QString &account, const QString &sessionId) const
{
    const auto sessions = m_indexByAccount.constFind(account);
    return sessions == m_indexByAccount.constEnd() ? -1 : sessions->value(sessionId, -1);
}

const TrackedSession *LiveSessions::find(const QString &account, const QString &sessionId) const
{
    const int index = indexOf(account, sessionId);
    return index < 0 ? nullptr : &m_entries[size_t(index)];
}

std::optional<TimeSpan> LiveSessions::remaining(int index) const
{
    if (index < 0 || size_t(index) >= m_entries.size())
        return std::nullopt;
    return remaining(m_entries[size_t(index)]);
}

std::optional<TimeSpan> LiveSessions::remaining(const TrackedSession &entry) const
{
    const Session &session = entry.session;
    if (!session.maxLease || !session.elapsed)
        return std::nullopt;
    if (isFinalStatus(session.status))
        return TimeSpan();
    TimeSpan elapsed = *session.elapsed;
    // The lease runs while the session is up; between polls, count on from the last known value.
    if (session.status == SessionStatus::Ready)
        elapsed
            = elapsed + TimeSpan::fromMilliseconds(std::max<qint64>(0, m_clock->monotonicMs() - entry.observedAtMono));
    const TimeSpan left = remainingLease(*session.maxLease, elapsed);
    // Elapsed in whole minutes rounded down may be up to a minute short: whole minutes left is all
    // that is known, and never more than the service's own figure.
    if (session.elapsedInWholeMinutes)
        return TimeSpan::fromMinutes(left.totalMinutes());
    return left;
}

QHash<QString, SessionStatus> LiveSessions::statusesOf(const QString &account) const
{
    QHash<QString, SessionStatus> statuses;
    for (const TrackedSession &entry : m_entries) {
        if (entry.account == account)
            statuses.insert(entry.session.id, entry.session.status);
    }
    return statuses;
}

bool LiveSessions::hasTransitionalSession(const QString &account) const
{
    return std::any_of(m_entries.begin(), m_entries.end(), [&account](const TrackedSession &entry) {
        return entry.account == account && isTransitionalStatus(entry.session.status);
    });
}

void LiveSessions::renumberFrom(size_t first)
{
    // Entries of one account mostly follow each other: look its index up once per run of them.
    QHash<QString, int> *sessions = nullptr;
    const QString *sessionsAccount = nullptr;
    for (size_t index = first; index < m_entries.size(); ++index) {
        const TrackedSession &entry = m_entries[index];
        if (!sessionsAccount || entry.account != *sessionsAccount) {
            sessions = &m_indexByAccount[entry.account];
            sessionsAccount = &entry.account;
        }
        (*sessions)[entry.session.id] = int(index);
    }
}

void LiveSessions::removeEntries(std::vector<int> indexes)
{
    if (indexes.empty())
        return;
    std::sort(indexes.begin(), indexes.end());
    for (int index : indexes) {
        const TrackedSession &entry = m_entries[size_t(index)];
        const auto sessions = m_indexByAccount.find(entry.account);
        if (sessions == m_indexByAccount.end())
            continue;
        sessions->remove(entry.session.id);
        if (sessions->isEmpty())
            m_indexByAccount.erase(sessions);
    }
    // Remove contiguous runs from the back, so that earlier positions stay valid.
    size_t end = indexes.size();
    while (end > 0) {
        size_t begin = end - 1;
        while (begin > 0 && indexes[begin - 1] == indexes[begin] - 1)
            --begin;
        const int first = indexes[begin];
        const int last = indexes[end - 1];
        Q_EMIT aboutToRemove(first, last);
        m_entries.erase(m_entries.begin() + first, m_entries.begin() + last + 1);
        Q_EMIT removed();
        end = begin;
    }
    // The entries after the first removed one moved up.
    renumberFrom(size_t(indexes.front()));
}

void LiveSessions::announceChanged(const std::vector<int> &indexes)
{
    if (indexes.empty())
        return;
    // One range when most entries changed, else each contiguous run.
    if (indexes.size() * 2 > m_entries.size()) {
        Q_EMIT changed(indexes.front(), indexes.back());
        return;
    }
    size_t begin = 0;
    while (begin < indexes.size()) {
        size_t end = begin + 1;
        while (end < indexes.size() && indexes[end] == indexes[end - 1] + 1)
            ++end;
        Q_EMIT changed(indexes[begin], indexes[end - 1]);
        begin = end;
    }
}

void LiveSessions::applyPoll(
    const QString &account, const QList<Session> &sessions, qint64 observedAtMono, const QByteArray &msCv)
{
    // Which of the account's entries are still listed.
    QHash<QString, const Session *> incoming;
    incoming.reserve(sessions.size());
    for (const Session &session : sessions)
        incoming.insert(session.id, &session);

    std::vector<int> gone;
    std::vector<int> changedIndexes;
    for (size_t index = 0; index < m_entries.size(); ++index) {
        TrackedSession &entry = m_entries[index];
        if (entry.account != account)
            continue;
        const auto it = incoming.constFind(entry.session.id);
        if (it == incoming.constEnd()) {
            gone.push_back(int(index));
            continue;
        }
        const Session &fresh = **it;
        // Every entry's countdown is corrected by the poll; only a changed session is announced,
        // since observers refresh the countdown on their own tick anyway.
        entry.observedAtMono = observedAtMono;
        if (!msCv.isEmpty())
            entry.lastMsCv = msCv;
        if (entry.session != fresh) {
            takeNewerReport(&entry.session, fresh);
            changedIndexes.push_back(int(index));
        }
        incoming.erase(it);
    }
    announceChanged(changedIndexes);
    removeEntries(std::move(gone));

    if (incoming.isEmpty())
        return;
    // New sessions, appended in the order the service listed them.
    std::vector<const Session *> added;
    added.reserve(size_t(incoming.size()));
    for (const Session &session : sessions) {
        if (incoming.contains(session.id))
            added.push_back(&session);
    }
    const int first = int(m_entries.size());
    Q_EMIT aboutToInsert(first, first + int(added.size()) - 1);
    m_entries.reserve(m_entries.size() + added.size());
    QHash<QString, int> &positions = m_indexByAccount[account];
    for (const Session *session : added) {
        TrackedSession entry;
        entry.account = account;
        entry.session = *session;
        entry.observedAtMono = observedAtMono;
        entry.lastMsCv = msCv;
        positions.insert(entry.session.id, int(m_entries.size()));
        m_entries.push_back(std::move(entry));
    }
    Q_EMIT inserted();
}

void LiveSessions::upsert(const QString &account, const Session &session, qint64 observedAtMono, const QByteArray &msCv)
{
    const int index = indexOf(account, session.id);
    if (index >= 0) {
        TrackedSession &entry = m_entries[size_t(index)];
        entry.observedAtMono = observedAtMono;
        if (!msCv.isEmpty())
            entry.lastMsCv = msCv;
        if (entry.session != session) {
            takeNewerReport(&entry.session, session);
            Q_EMIT changed(index, index);
        }
        return;
    }
    const int first = int(m_entries.size());
    Q_EMIT aboutToInsert(first, first);
    TrackedSession entry;
    entry.account = account;
    entry.session = session;
    entry.observedAtMono = observedAtMono;
    entry.lastMsCv = msCv;
    m_indexByAccount[account].insert(entry.session.id, first);
    m_entries.push_back(std::move(entry));
    Q_EMIT inserted();
}

void LiveSessions::removeAccount(const QString &account)
{
    std::vector<int> indexes;
    for (size_t index = 0; index < m_entries.size(); ++index) {
        if (m_entries[index].account == account)
            indexes.push_back(int(index));
    }
    removeEntries(std::move(indexes));
}

void LiveSessions::setLastMsCv(const QString &account, const QString &sessionId, const QByteArray &msCv)
{
    const int index = indexOf(account, sessionId);
    if (index < 0 || msCv.isEmpty())
        return;
    m_entries[size_t(index)].lastMsCv = msCv;
    Q_EMIT annotated(index);
}

void LiveSessions::setPendingCommand(const QString &account, const QString &sessionId, const QString &description)
{
    const int index = indexOf(account, sessionId);
    if (index < 0 || m_entries[size_t(index)].pendingCommand == description)
        return;
    m_entries[size_t(index)].pendingCommand = description;
    Q_EMIT annotated(index);
}

} // namespace arr
