#pragma once

#include "storage/HistoryRecords.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

namespace arr {

// The session history as files for other programs; the window's export and `arrsm history` share them.

// Who sent a command, for scripts: {"user", "host", "program", "version"} ("createdBy" here and in
// `arrsm show --json`).
QJsonObject actorJson(const HistoryActor &actor);

// RFC 4180: one header row, CRLF line ends, fields quoted when they hold a comma, quote or line end.
// UTF-8, times in ISO 8601 UTC ("2024-05-01T10:00:00Z"), empty fields for unknown values. A text cell a
// spreadsheet would evaluate as a formula starts with an apostrophe; numbers are written as they are.
// The last column, createdBy, names who created the session as the window does, in English ("alice on
// ops-laptop (arrsm 0.1.0)"), and says "unknown" for one none of our programs created.
QByteArray historyCsv(const QList<HistorySession> &sessions);
// An array of objects with the CSV's columns as camelCase keys; unknown values are null, except
// createdBy: an object (actorJson()) where the history knows who created the session, and no key at all
// otherwise, as in `arrsm show --json`.
QJsonArray historyJson(const QList<HistorySession> &sessions);
QByteArray historyJsonText(const QList<HistorySession> &sessions);

} // namespace arr
