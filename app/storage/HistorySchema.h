#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

// The session history's schema and its migrations; not part of the storage API.
namespace arr::historysql {

// The schema this build writes.
inline constexpr int SchemaVersion = 4;

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
bool upgrade(QSqlDatabase &db, int from, const LegacyAccounts &legacy, QSqlError *error);

} // namespace arr::historysql
