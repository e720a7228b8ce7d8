#pragma once

#include <QDateTime>
#include <QSqlError>
#include <QVariant>

// Small helpers the session history's files share; not part of the storage API.
namespace arr::historysql {

// SQLite's codes for a file another connection holds.
inline bool isBusy(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("5") || code == QLatin1String("6");
}

// SQLite's result codes for a file that is not a database, or a damaged one.
inline bool isCorruption(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("26") || code == QLatin1String("11");
}

inline QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

} // namespace arr::historysql
