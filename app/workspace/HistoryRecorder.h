#pragma once

#include "core/Account.h"
#include "core/BilledTimeSource.h"
#include "storage/HistoryLocation.h"
#include "storage/HistoryRecords.h"
#include "workspace/HistoryRecording.h"
#include "workspace/SessionActions.h"

#include <QHash>
#include <QObject>
#include <QThread>

#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

namespace arr {

class Clock;
class HistoryWriter;
class LiveSessions;
class SessionMonitor;
struct CommandOutcome;

// Records what the monitor sees and what the user's commands did into the session history. It
// follows LiveSessions' diff signals, so that after a poll it looks only at the sessions that poll
// inserted, changed or removed (never at every session of the account), compares them with what it
// last recorded and hands the changes, as one batch, to a writer thread: the GUI thread only
// compares and copies. A poll that changed more than the GUI thread should do at once (the first
// poll of thousands of sessions) is looked at in slices of a few milliseconds, one per turn of the
// event loop, and still written as one batch.
class HistoryRecorder : public QObject
{
    Q_OBJECT

public:
    // Whether an account's sessions are the user's, to be recorded and counted.
    using AccountFilter = std::function<bool(const QString &account)>;

    HistoryRecorder(const LiveSessions *sessions, const Clock *clock, QObject *parent = nullptr);
    ~HistoryRecorder() override;

    // Opens (creating, migrating, pruning sessions older than the retention) in the writer thread.
    void open(const QString &filePath, int retentionDays);
    // As above, for a file or a team's database; a team's records wait in `outboxFile` (HistoryOutbox)
    // until the database has them, and the team database is never pruned from here. Opened again (the
    // user chose another history), it records every listed session into the new one at the next poll.
    void open(const arr::HistoryLocation &location, int retentionDays, const QString &outboxFile);
    // Records the monitor's polls and commands from now on.
    void attach(SessionMonitor *monitor);
    // How records get their account's identity and price (by default: under the name, without one).
    // Not owned; outlives the recorder.
    void setRecording(const HistoryRecording *recording) { m_recording = recording ? recording : &m_plain; }
    // The saved accounts, for the file's migration and for the names its reads show (see
    // HistoryStore::setAccounts()). Call before open() and whenever they change.
    void setAccounts(const QList<arr::Account> &accounts);
    // Leaves out the polls and commands of every account the filter refuses (by default none is).
    void setAccountFilter(AccountFilter filter) { m_accountFilter = std::move(filter); }
    bool recordsAccount(const QString &account) const { return !m_accountFilter || m_accountFilter(account); }

    // Who created, extended and stopped the live sessions, as the history holds it and as this run did.
    const SessionActions &actions() const { return m_actions; }

    bool isEnabled() const { return m_enabled; }
    // What went wrong with the history (off, or a damaged file replaced); empty when all is well.
    QString problem() const { return m_problem; }

    // After a poll of `account` was applied to the sessions: records what changed.
    void recordPoll(const QString &account);
    void recordCommand(const arr::CommandOutcome &outcome);
    // An alert given (a budget, a session ready too long, a keep-alive policy ended): into the history,
    // once a day per account, session and kind, whichever program gave it first.
    void recordAlert(const arr::SessionNotification &notification);

    // Asks the writer to report, now and after every write, the sessions that ended since `since`
    // (endedSince()). Returns at once.
    void watchEndedSince(const QDateTime &since);
    // What the writer last reported for `since`: the ended sessions' billed time after it. False
    // (and nothing) when nothing was reported for that moment yet.
    bool endedSince(const QDateTime &since, QList<BilledUsage> *usage) const;

    // Asks the writer to report, now and after every write, the own alerts (a budget's) of these accounts
    // (identities) given since `since`, by whichever program (alertsRead()). Returns at once.
    void watchAlerts(const QDateTime &since, const QStringList &accountKeys);

    // Waits until every batch handed over so far is on disk (finishing a poll still being sliced).
    void flush();

Q_SIGNALS:
    void problemChanged(const QString &problem);
    // A batch was written: a history view may refresh.
    void historyChanged();
    // What watchAlerts() asked for, as the history holds it now (after every write; often the same).
    void alertsRead(const QDateTime &since, const QList<arr::HistoryAlert> &alerts);

private:
    // What was last recorded of a session: enough to tell whether a poll changed it.
    struct Recorded
    {
        SessionStatus status = SessionStatus::Unknown;
        QString size;
        std::optional<TimeSpan> elapsed;
        // The billed time of the last poll, written or not (elapsed is what was written).
        std::optional<TimeSpan> billedSeen;
        std::optional<TimeSpan> maxLease;
        QString message;
    };

    // A poll being recorded: the observations of its changed sessions so far, and its sessions gone.
    struct PendingPoll
    {
        HistoryBatch batch;
        QDateTime at;
        // Where the look for changed entries goes on from.
        int next = 0;
        bool requested = false;
    };

    void send(HistoryBatch batch);
    // "Team history unreachable since 12:04; 37 records waiting." and why.
    QString teamProblem(const QString &problem, qint64 waiting, const QDateTime &since) const;
    void setProblem(const QString &problem);
    void onInserted();
    void onAboutToRemove(int first, int last);
    void onChanged(int first, int last);
    // Looks at the account's changed entries for at most the time budget; true when it saw them all.
    bool recordSlice(const QString &account, PendingPoll &poll, bool unbounded);
    // Records the rest of every requested poll in slices, one per turn of the event loop.
    void continuePolls();
    void finishPoll(const QString &account, PendingPoll &poll);

    const LiveSessions *m_sessions;
    const Clock *m_clock;
    QThread m_thread;
    HistoryWriter *m_writer = nullptr;
    HistoryRecording m_plain;
    const HistoryRecording *m_recording = &m_plain;
    AccountFilter m_accountFilter;
    QHash<QString, QHash<QString, Recorded>> m_recorded;
    // One flag per LiveSessions entry, in the same order: changed or inserted since last recorded.
    std::vector<quint8> m_dirty;
    // Dirty entries per account.
    QHash<QString, int> m_dirtyCount;
    QHash<QString, PendingPoll> m_polls;
    // Sessions removed from the list since the account's last recorded poll.
    QHash<QString, QList<HistoryDisappearance>> m_gone;
    bool m_continuing = false;
    QDateTime m_watchedSince;
    QDateTime m_alertsSince;
    QStringList m_alertAccountKeys;
    QDateTime m_endedSince;
    QList<BilledUsage> m_endedUsage;
    bool m_enabled = false;
    bool m_opened = false;
    QString m_problem;
    SessionActions m_actions;
};

} // namespace arr
