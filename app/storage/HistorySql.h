#pragma once

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QVariantList>

// Small helpers the session history's files share; not part of the storage API.
namespace arr::historysql {

// The two databases a history can be kept in: this computer's file, or a team's server.
enum class Dialect {
    Sqlite,
    Postgres,
};

// Another connection holds what a write needs: SQLite's codes for a locked file, PostgreSQL's
// lock_not_available (lock_timeout ran out) and deadlock_detected.
inline bool isBusy(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("5") || code == QLatin1String("6") || code == QLatin1String("55P03")
        || code == QLatin1String("40P01");
}

// SQLite's result codes for a file that is not a database, or a damaged one.
inline bool isCorruption(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("26") || code == QLatin1String("11");
}

// Prepares `sql`, binds `values` in order and runs it; false when either step fails (the query's
// lastError() says why).
inline bool run(QSqlQuery &q, const QString &sql, const QVariantList &values)
{
    if (!q.prepare(sql))
        return false;
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    return q.exec();
}

inline QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

} // namespace arr::historysql
