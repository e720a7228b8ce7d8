#include "workspace/LocalEmulator.h"

#include "emulator/CommandLine.h"
#include "emulator/EmulatorServer.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace arr {

LocalEmulator::LocalEmulator(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
}

LocalEmulator::~LocalEmulator() = default;

QString LocalEmulator::accountName()
{
    return u"Local emulator"_s;
}

QString LocalEmulator::accountId()
{
    // Any GUID does; a recognisable one makes the emulator's traffic easy to spot in the log.
    return u"00000000-0000-4000-8000-00000000e001"_s;
}

bool LocalEmulator::isRunning() const
{
    return m_server && m_server->port() != 0;
}

bool LocalEmulator::start()
{
    if (isRunning())
        return true;
    auto server = std::make_unique<emulator::EmulatorServer>(emulator::EmulatorOptions{}, m_clock);
    if (!server->listen(QHostAddress::LocalHost, 0)) {
        m_error = tr("The local emulator could not start: %1").arg(server->errorString());
        return false;
    }
    m_key = emulator::randomAccountKey();
    server->addAccount(accountId(), m_key);
    server->addDemoSessions(accountId());
    m_server = std::move(server);
    m_error.clear();
    return true;
}

Account LocalEmulator::account() const
{
    Account account;
    account.name = accountName();
    account.accountId = accountId();
    if (m_server) {
        account.endpoint = m_server->baseUrl();
        account.tokenEndpoint = m_server->baseUrl();
    }
    return account;
}

} // namespace arr
