#pragma once

#include "storage/HistoryRecords.h"

#include <QDateTime>

#include <optional>

// The records the history tests write, the same for the file and for a team's database.
namespace historytest {

inline const QDateTime T0(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);

// A standard session with an hour's lease, `elapsedSeconds` of it gone.
inline arr::Session session(const QString &id, arr::SessionStatus status, qint64 elapsedSeconds = 0)
{
    arr::Session s;
    s.id = id;
    s.status = status;
    s.statusText = arr::sessionStatusWireName(status);
    s.size = QStringLiteral("standard");
    s.elapsed = arr::TimeSpan::fromSeconds(elapsedSeconds);
    s.maxLease = arr::TimeSpan::fromHours(1);
    return s;
}

// A poll of `account` that saw `s` at `at`.
inline arr::HistoryBatch seen(
    const QString &account, const arr::Session &s, const QDateTime &at, std::optional<double> price = {})
{
    arr::HistoryBatch batch;
    batch.observations.append({account, s, at, QStringLiteral("cv.1"), price, {}});
    return batch;
}

} // namespace historytest
