#pragma once

#include "core/Account.h"

#include <QObject>

#include <memory>

namespace arr {

class Clock;

namespace emulator {
class EmulatorServer;
}

// The built-in "Local emulator" account: an in-process arr-emulator on loopback with demo sessions in
// every state, so that a new user sees a working app with nothing set up, and `--demo` has
// something to show. Started on first use; its key is made up for the run and never stored.
class LocalEmulator : public QObject
{
    Q_OBJECT

public:
    explicit LocalEmulator(const Clock *clock, QObject *parent = nullptr);
    ~LocalEmulator() override;

    // The name the account is shown and monitored under; no saved account may take it.
    static QString accountName();
    static QString accountId();

    // Listens on a free loopback port and puts the demo sessions in place. Does nothing when already
    // running. False with errorString() when the port cannot be opened.
    bool start();
    bool isRunning() const;
    QString errorString() const { return m_error; }

    // Valid once started.
    Account account() const;
    QString key() const { return m_key; }
    emulator::EmulatorServer *server() const { return m_server.get(); }

private:
    const Clock *m_clock;
    std::unique_ptr<emulator::EmulatorServer> m_server;
    QString m_key;
    QString m_error;
};

} // namespace arr
