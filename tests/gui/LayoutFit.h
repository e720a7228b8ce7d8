#pragma once

#include <QStringList>

class QWidget;

namespace gui {

// The texts of `top` (a window or dialog, shown and laid out) that a person cannot read whole: a
// label, button, check box, radio button or group box title narrower than its text, a word-wrapped
// label lower than its lines, a column title narrower than the header section
// it sits in, a tool bar whose buttons spill into its overflow menu. One line each, naming the
// widget, its text, and the room it has and needs. Hidden widgets are not looked at.
QStringList clippedTexts(QWidget *top);

// The cells of the item views of `top` (their first 50 rows) whose text is cut short ("…"): for
// dialogs, whose tables show a few values a person must read whole (a session id).
QStringList elidedCells(QWidget *top);

} // namespace gui
