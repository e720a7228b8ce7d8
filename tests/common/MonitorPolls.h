#pragma once

#include "monitor/SessionMonitor.h"
#include "service/RetryPolicy.h"

#include <QTest>

#include <chrono>

// The app's intervals made `factor` times shorter, for a monitor that polls an emulator whose clock
// the test moves (or that runs `factor` times faster): a poll every 10 s / factor, every 2 s / factor
// while a session changes, retries from 0.5 s / factor. A Retry-After is still honoured in full.
inline void shortenIntervals(arr::SessionMonitor &monitor, int factor)
{
    using namespace std::chrono_literals;
    monitor.setPollInterval(10'000ms / factor);
    monitor.setFastPollInterval(2'000ms / factor);
    arr::RetryPolicy retries;
    retries.baseDelay /= factor;
    retries.maxDelay /= factor;
    monitor.setRetryPolicy(retries);
}

// Asks the account for two polls and waits until both have answered. An idle account polls twice; one
// with a poll in flight folds both asks into the one poll that follows it. Either way the last poll
// left after this call, and none is left in flight (unless a timer or a command starts another).
// False when they did not answer within the bound.
[[nodiscard]] inline bool pollAndSettle(arr::SessionMonitor &monitor, const QString &account, int timeoutMs = 15'000)
{
    int answered = 0;
    const QMetaObject::Connection counting = QObject::connect(&monitor, &arr::SessionMonitor::pollFinished, &monitor,
        [&answered, &account](const QString &polled) { answered += polled == account ? 1 : 0; });
    monitor.refresh(account);
    monitor.refresh(account);
    const bool settled = QTest::qWaitFor([&answered] { return answered >= 2; }, timeoutMs);
    QObject::disconnect(counting);
    if (!settled)
        qWarning("The polls of %s did not answer", qPrintable(account));
    return settled;
}
