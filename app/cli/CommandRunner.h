#pragma once

#include "cli/ArrsmCommandLine.h"
#include "cli/Output.h"
#include "monitor/CommandOutcome.h"
#include "service/ApiResult.h"
#include "storage/HistoryRecords.h"
#include "workspace/KeepAlivePolicy.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

class QIODevice;

namespace arr {
class HistoryOutbox;
class HistoryStore;
class Clock;
class Workspace;
struct KeyLookup;
} // namespace arr

namespace arr::cli {

// Carries out one validated arrsm command over the event loop, as a front end of the application
// layer (Workspace): the saved accounts, their keys, the read-only rule, the prices and how history
// records are made are the workspace's, as in the window. Sends create, extend and stop through the
// workspace and follows them, and waits on a session, with the workspace's monitor, as the window
// does, and reads lists and sessions with that monitor too (it builds no service objects of its own);
// prints the outcome and says which exit status it deserves. Emits finished() exactly once. Never prints
// the account key, whatever the service answers.
class CommandRunner : public QObject
{
    Q_OBJECT

public:
    // What the runner works with; passed in so that tests can give buffers and fakes.
    struct Context
    {
        QIODevice *out = nullptr;
        QIODevice *err = nullptr;
        // The application layer (not started: arrsm polls only the account and session its command
        // is about).
        Workspace *workspace = nullptr;
        // nullptr for the system clock.
        const Clock *clock = nullptr;
        // The session history: read by `history`, and every other command records what it saw and
        // did into it. Null (or not open) for none.
        HistoryStore *history = nullptr;
        // With a team's history database: where what this command did waits until the database has it
        // (HistoryOutbox), so that a database that is away loses nothing. Null for the history file.
        HistoryOutbox *outbox = nullptr;
    };

    CommandRunner(Command command, Context context, QObject *parent = nullptr);

    // How long the keychain may take to hand over a key.
    std::chrono::milliseconds keychainTimeout{30'000};

    // Starts the command; finished() follows, never from within this call.
    void start();
    bool isFinished() const { return m_finished; }
    int exitCode() const { return m_exitCode; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void run();
    void listAccounts();
    void printHistory();
    // The name sessions are recorded and priced under (see Workspace::nameForRun()).
    QString historyAccount() const;
    void recordSeen(const QList<Session> &sessions, const QByteArray &msCv);
    // Who created these sessions, as the history knows it, and the session this run created.
    Creators creatorsOf(const QList<Session> &sessions);
    // The history, opened: a team's database is reached when first needed, and again a minute later
    // while it cannot be; null while it is not open.
    HistoryStore *reachHistory();
    // What a command did, as the window records it: `succeeded` false for a failure.
    void recordCommand(CommandOutcome::Kind kind, bool succeeded, const QString &sessionId, const QByteArray &msCv,
        const QString &detail, std::optional<TimeSpan> lease = std::nullopt);
    // Records wait here until the command's output is out (or, for keep-alive, are written at once).
    void queueHistory(const HistoryBatch &batch);
    void writeHistory(std::chrono::milliseconds wait);
    // history --copy-to-team.
    void copyHistoryToTeam();
    // Whether what this command sees and does goes into a history (a file or a team's outbox).
    bool recordsHistory() const;
    void resolveSavedAccount();
    // Ends a command that would change a session of a read-only account (the window's sentence);
    // whether it did.
    bool refusedAsReadOnly(const QString &account);
    void onKeyRead(const arr::KeyLookup &lookup);
    // Runs the command on its account (saved, or the environment's for this run) once it is known.
    void runOnAccount();

    // list, show and metrics: one read by the workspace's monitor of an account added for it (the
    // account's list, or for show the one session), printed with what the history knows.
    void readOnce(arr::Account account);
    void onReadOnce(const QString &account, const arr::ApiResult &result);
    QByteArray metricsText(const QList<arr::Session> &sessions) const;

    // create, extend and stop through the workspace on an account added for the command, and wait on
    // an account reading the one session (ArrsmFollow.cpp).
    void sendCommand(arr::Account account);
    void onCommandFinished(const arr::CommandOutcome &outcome);
    void onCreated(const arr::CommandOutcome &outcome);
    // The extend or stop was accepted (its outcome says so, or its session is being read, which
    // happens only then): recorded once.
    void recordAccepted(const QByteArray &msCv);
    void onSessionRead(const QString &account, const arr::ApiResult &result);
    // The one read after a command without --wait: printed; a failed read is only a warning, since
    // the command itself succeeded.
    void showReadBack(const arr::ApiResult &result);
    void onWaitRead(const arr::ApiResult &result);

    void keepAlive(arr::Account account);
    void onKeepAliveRead(const QString &account, const arr::ApiResult &result);
    void onKeepAliveDecided(const arr::KeepAlivePolicy::Decision &decision);
    void onKeepAliveExtended(const arr::CommandOutcome &outcome);
    void printKeepAliveEvent(const QString &event, const arr::Session &session, const QString &line,
        std::optional<arr::TimeSpan> newLease = std::nullopt, const QDateTime &endsAt = {});

    void onWaitEnded(const arr::Session &session);
    void onDeadline();

    void printSession(const Session &session);
    void printOut(const QByteArray &bytes);
    void printErr(const QString &line);
    void fail(const arr::ApiResult &result);
    void finish(int exitCode);

    Command m_command;
    Context m_context;
    const Clock *m_clock;

    QTimer m_keychainTimer;
    QString m_keychainProblem;

    // The session waited on (wait, or create and stop --wait once the service took the command), and
    // as it was last read.
    QString m_waitingFor;
    std::optional<Session> m_lastSeen;
    int m_failedReads = 0;
    // While the one read after a command without --wait is awaited: what the command did ("created").
    QString m_readBackDone;
    bool m_acceptedRecorded = false;
    QTimer m_deadlineTimer;
    QElapsedTimer m_commandTime;

    // The session as the last poll before the current one showed it: what an extend was made from.
    std::optional<Session> m_keepAliveSeen;
    HistoryBatch m_historyQueue;
    QElapsedTimer m_sinceHistoryReached;
    // The longest a finished command waits for another writer to let go of the history file.
    static constexpr int MaximumHistoryWait = 2000;
    int m_keepAliveFailedReads = 0;

    // The session this run created: its creator is known before the history holds it.
    QString m_createdId;
    // The name the environment's account has in this run (see Workspace::useAccountForRun()).
    QString m_runAccountName;
    bool m_started = false;
    bool m_finished = false;
    int m_exitCode = ExitFailure;
};

} // namespace arr::cli
