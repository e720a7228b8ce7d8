#pragma once

#include "core/Account.h"
#include "core/Session.h"
#include "storage/HistoryRecords.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace arr::cli {

// What arrsm prints: sessions and accounts as an aligned table for people, or as JSON for scripts.
// Pure functions of their input.

// The lease a session has left, as shown: nullopt when unknown, and for a session that has ended
// (its frozen elapsed time would otherwise show a lease that can no longer be used).
std::optional<TimeSpan> displayedRemaining(const Session &session);

// Who created each session, by session id: those the history knows one of our programs created.
using Creators = QHash<QString, HistoryActor>;

// The v1 properties object (the service's field names, null where it gave nothing) plus
// "remaining", and "createdBy" (actorJson(), as `arrsm history` writes it) for a session in `creators`; no "createdBy"
// at all for one created elsewhere, or before the history kept who.
QJsonObject sessionJson(const Session &session, const Creators &creators = {});
QJsonArray sessionsJson(const QList<Session> &sessions, const Creators &creators = {});
// Accounts without their keys (which arrsm never reads for this).
QJsonArray accountsJson(const QList<Account> &accounts);
// An indented JSON document and a final newline.
QByteArray jsonText(const QJsonObject &object);
QByteArray jsonText(const QJsonArray &array);

// Columns padded to their widest cell, separated by two spaces, no trailing blanks; every line ends
// with a newline.
QString formatTable(const QStringList &headers, const QList<QStringList> &rows);
// SESSION ID, STATUS, SIZE, REMAINING, LEASE, HOSTNAME, and MESSAGE when any session has one;
// "No sessions." when there are none.
QString sessionTable(const QList<Session> &sessions);
// ACCOUNT, SESSION, SIZE, STATUS, FIRST SEEN, ENDED (UTC), BILLED, COST, EXTENDS; text from the file is
// escaped like every other cell.
QString historyTable(const QList<HistorySession> &sessions);
// NAME, ACCOUNT ID, ENDPOINT, TOKEN ENDPOINT, ENABLED; "No saved accounts." when there are none.
QString accountTable(const QList<Account> &accounts);

// The status as the JSON shows it: the v1 wire name, or an unknown status's own text, lower case.
QString statusText(const Session &session);

} // namespace arr::cli
