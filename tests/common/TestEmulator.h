#pragma once

#include "core/Account.h"
#include "emulator/EmulatorServer.h"

#include <memory>

// An emulator of the test's own, in this process on loopback, with one account, its time on the
// test's clock; null (with a warning that says why) when it does not listen.
inline std::unique_ptr<arr::emulator::EmulatorServer> startEmulator(const arr::Clock *clock, const QString &accountId,
    const QString &key, const arr::emulator::EmulatorOptions &options = {})
{
    auto emulator = std::make_unique<arr::emulator::EmulatorServer>(options, clock);
    if (!emulator->listen()) {
        qWarning("The test's emulator does not listen: %s", qPrintable(emulator->errorString()));
        return nullptr;
    }
    emulator->addAccount(accountId, key);
    return emulator;
}

// The account `name` as a client sees it on that emulator: its session API and token service both
// at the emulator's address.
inline arr::Account accountOn(
    const QString &name, const QString &accountId, const arr::emulator::EmulatorServer &emulator)
{
    arr::Account account;
    account.name = name;
    account.accountId = accountId;
    account.endpoint = emulator.baseUrl();
    account.tokenEndpoint = emulator.baseUrl();
    return account;
}
