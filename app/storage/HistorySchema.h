#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include "storage/HistorySql.h"

// The session history's schema and its migrations; not part of the storage API.
namespace arr::historysql {

// The schema this build writes.
inline constexpr int SchemaVersion = 6;

// What a history from before account identities recorded an account as, mapped to the identity it
// stands for: the saved accounts' names, and their account ids in lower case (arrsm recorded the
// environment's account under its id). What neither holds keeps its name as its identity.
struct LegacyAccounts
{
    QHash<QString, QString> byName;
    QHash<QString, QString> byAccountId;
};

// Takes the schema from `from` to SchemaVersion inside the caller's transaction. False with `error`
// set when a statement fails.
bool upgrade(QSqlDatabase &db, Dialect dialect, int from, const LegacyAccounts &legacy, QSqlError *error);

// Whether a session row merged into one that is there counts both rows' extends (two names of one
// account recorded different extends) or is the same row again (a copy run twice).
enum class ExtendCounts { Add, Same };
// The ON CONFLICT clause that merges an inserted session row into the row of the same identity and
// session: the widest life, the most billed time, the newest state.
QString mergeSessionRows(ExtendCounts extends);

// A statement written for SQLite, as `dialect` says it. The history's SQL is SQLite's (and unchanged
// for it) with these differences for PostgreSQL: the two-argument scalars MIN(a, b) and MAX(a, b) are
// LEAST and GREATEST (the history's SQL has no aggregate MIN or MAX); INTEGER columns are BIGINT
// (times are milliseconds), REAL ones DOUBLE PRECISION, and the events' INTEGER PRIMARY KEY
// AUTOINCREMENT an identity column.
QString forDialect(Dialect dialect, const QString &sql);

// PostgreSQL keeps the schema's version in a table of one row (SQLite in PRAGMA user_version).
inline constexpr auto PostgresVersionTable = "schema_version";

} // namespace arr::historysql
