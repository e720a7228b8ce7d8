#pragma once

#include "storage/HistoryRecords.h"

#include <QByteArray>
#include <QJsonArray>

namespace arr {

// The session history as files for other programs; the window's export and `arrsm history` share them.

// RFC 4180: one header row, CRLF line ends, fields quoted when they hold a comma, quote or line end.
// UTF-8, times in ISO 8601 UTC ("2024-05-01T10:00:00Z"), empty fields for unknown values. A text cell a
// spreadsheet would evaluate as a formula starts with an apostrophe; numbers are written as they are.
QByteArray historyCsv(const QList<HistorySession> &sessions);
// An array of objects with the CSV's columns as camelCase keys; unknown values are null.
QJsonArray historyJson(const QList<HistorySession> &sessions);
QByteArray historyJsonText(const QList<HistorySession> &sessions);

} // namespace arr
