#pragma once

#include "core/Account.h"

#include <QObject>
#include <QProcess>
#include <QTimer>
#include <QUrl>

namespace arr {

// The built-in "Local emulator" account: the arr-emulator executable installed beside the app, run
// as a child process on a free loopback port with demo sessions in every state, so that a new user
// sees a working app with nothing set up, and `--demo` has something to show. Its account and key
// are made up by the emulator for the run and never stored. The emulator exits when the app ends
// (it watches its standard input, which the app holds), however the app ends.
class LocalEmulator : public QObject
{
    Q_OBJECT

public:
    enum class State { NotStarted, Starting, Running, Failed };

    // `program`: the arr-emulator executable; empty for the one beside the app. `extraSessions`: ready
    // sessions to add to the demo's, to try the app at scale.
    explicit LocalEmulator(const QString &program = {}, int extraSessions = 0, QObject *parent = nullptr);
    ~LocalEmulator() override;

    // The name the account is shown and monitored under; no saved account may take it.
    static QString accountName();
    // Where the app looks for arr-emulator: beside its own executable.
    static QString defaultProgram();

    // Starts the emulator unless it is starting or running; started() or failed() follows, never
    // before the event loop runs again. Nothing waits for the child on the caller's thread.
    void start();
    // Stops the emulator (when the user switches it off); its account is gone until started again.
    void stop();
    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    // Why the emulator is not running, after failed().
    QString errorString() const { return m_error; }

    // The account once started; after a failure, the same account (now unreachable) until started again.
    Account account() const;
    // Whether account() names a running or crashed emulator (a failed start has none).
    bool hasAccount() const { return !m_accountId.isEmpty(); }
    QString key() const { return m_key; }

Q_SIGNALS:
    void started();
    // It did not start (missing, no answer in time), or it ended while running.
    void failed(const QString &why);

private:
    void readGreeting();
    void fail(const QString &why);
    void stopProcess();

    QString m_program;
    int m_extraSessions;
    QProcess *m_process = nullptr;
    QTimer m_startTimeout;
    State m_state = State::NotStarted;
    QString m_error;
    QUrl m_baseUrl;
    QString m_accountId;
    QString m_key;
};

} // namespace arr
