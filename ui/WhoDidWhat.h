#pragma once

#include "storage/HistoryRecords.h"

#include <QList>
#include <QString>

// How the window says who did what (HistoryActor, the commands a session was sent): one wording for the
// sessions table, the details pane and the History window.
namespace arr::who {

// "alice on ops-laptop (arrsm 0.1.0)"; "unknown" for a sender the history does not know.
QString actorText(const HistoryActor &actor);

// Who created the session and when ("alice on ops-laptop (arrsm 0.1.0), 12:04"), from its actions
// (created, extended, stopped; oldest first); "unknown" when none of our programs created it.
QString creatorText(const QList<HistoryEvent> &actions);

// One line per extend and stop: "Extended 12:30 by bob on ops-desk (ARR Session Manager 0.1.0)".
// Empty without any.
QString changesText(const QList<HistoryEvent> &actions);

} // namespace arr::who
