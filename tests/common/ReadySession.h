#pragma once

#include "core/Session.h"

#include <QString>

// A session that has been ready (and billed) for `minutes`, as a poll would list it, for tests of
// what billed time adds up to: budgets, spend, alerts.
inline arr::Session readyFor(const QString &id, qint64 minutes, const QString &size = QStringLiteral("standard"))
{
    arr::Session s;
    s.id = id;
    s.status = arr::SessionStatus::Ready;
    s.statusText = arr::sessionStatusWireName(s.status);
    s.size = size;
    s.elapsed = arr::TimeSpan::fromMinutes(minutes);
    s.maxLease = arr::TimeSpan::fromHours(8);
    return s;
}
