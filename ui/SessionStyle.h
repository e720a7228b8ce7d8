#pragma once

#include "core/Session.h"
#include "ui/SessionTableModel.h"

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

namespace arr::style {

// How the desktop app shows a session's state. The model supplies the facts; the colours and icons
// are chosen here, once, for the table, the details pane and the status bar. Every state also has a
// distinct icon shape and its text, so that nothing is told by colour alone.

// Text colour for a status, readable on the palette's base colour (light or dark).
QColor statusColor(SessionStatus status, const QPalette &palette);
QIcon statusIcon(SessionStatus status);

// Background and text of the remaining-lease cell; invalid colours when the level needs none.
QColor remainingBackground(SessionTableModel::RemainingLevel level);
QColor remainingForeground(SessionTableModel::RemainingLevel level);

// An icon of the app's own set, by the name of its SVG under resources/icons ("stop", "refresh"),
// drawn by Qt's SVG icon engine at whatever size and device pixel ratio it is shown.
QIcon icon(const QString &name);
QIcon appIcon();

bool isDark(const QPalette &palette);

// Whether a session is on its way out: Stopping, or a stop command of this app not yet confirmed
// (`pendingCommand` as the monitor describes it). Its lease is not counted down any more.
bool isBeingStopped(SessionStatus status, const QString &pendingCommand);
// What the remaining-lease cell shows instead of a countdown for such a session.
QString stoppingRemainingText();

// The colours of a message bar of a kind, chosen by the palette's lightness: light strips with dark
// text on a light palette, dark strips with light text on a dark one.
struct BarColors
{
    QColor background;
    QColor border;
    QColor text;
};
enum class BarKind { Information, Warning, Error };
BarColors barColors(BarKind kind, const QPalette &palette);

} // namespace arr::style
