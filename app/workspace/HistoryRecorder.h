#pragma once

#include "storage/HistoryRecords.h"

#include <QHash>
#include <QObject>
#include <QThread>

#include <functional>
#include <optional>

namespace arr {

class Clock;
class HistoryWriter;
class LiveSessions;
class SessionMonitor;
struct CommandOutcome;

// Records what the monitor sees and what the user's commands did into the session history. After
// each poll it compares the account's sessions with what it last recorded and hands only the
// changes, as one batch, to a writer thread; the GUI thread only compares and copies.
class HistoryRecorder : public QObject
{
    Q_OBJECT

public:
    // The price per hour of a size on an account, when known.
    using PriceLookup = std::function<std::optional<double>(const QString &account, const QString &size)>;

    HistoryRecorder(const LiveSessions *sessions, const Clock *clock, QObject *parent = nullptr);
    ~HistoryRecorder() override;

    // Opens (creating, migrating, pruning sessions older than the retention) in the writer thread.
    void open(const QString &filePath, int retentionDays);
    // Records the monitor's polls and commands from now on.
    void attach(SessionMonitor *monitor);
    void setPriceLookup(PriceLookup lookup) { m_priceLookup = std::move(lookup); }

    bool isEnabled() const { return m_enabled; }
    // What went wrong with the history (off, or a damaged file replaced); empty when all is well.
    QString problem() const { return m_problem; }

    // After a poll of `account` was applied to the sessions: records what changed.
    void recordPoll(const QString &account);
    void recordCommand(const arr::CommandOutcome &outcome);

    // Waits until every batch handed over so far is on disk.
    void flush();

Q_SIGNALS:
    void problemChanged(const QString &problem);
    // A batch was written: a history view may refresh.
    void historyChanged();

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
        // The poll that last listed the session.
        quint64 generation = 0;
    };

    void send(HistoryBatch batch);
    void setProblem(const QString &problem);

    const LiveSessions *m_sessions;
    const Clock *m_clock;
    QThread m_thread;
    HistoryWriter *m_writer = nullptr;
    PriceLookup m_priceLookup;
    QHash<QString, QHash<QString, Recorded>> m_recorded;
    quint64 m_generation = 0;
    bool m_enabled = false;
    QString m_problem;
};

} // namespace arr
