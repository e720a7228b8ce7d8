#pragma once

#include <functional>

class QAbstractSpinBox;
class QBoxLayout;
class QLabel;
class QMenu;
class QObject;
class QSize;
class QString;
class QTableView;
class QWidget;

namespace arr {

// Calls `callback` on every edit of the spin box's text, including text that is not a number yet
// (an emptied field), which QSpinBox::textChanged does not report; validation must see those too.
void whenSpinBoxEdited(QAbstractSpinBox *spin, QObject *context, std::function<void()> callback);

// Shows `label` as the sentence saying what is wrong with a form: in red (readable on light and dark
// palettes), selectable, wrapped.
void styleAsProblem(QLabel *label);

// The main window's size at first start on a screen with `available` room: most of it (the table's
// default columns need about 1,400 pixels), never more than the room there is.
QSize firstStartWindowSize(const QSize &available);

// Adds to `menu` a check per column of `view` that shows and hides it (the last visible one cannot be
// hidden).
void addColumnToggles(QMenu *menu, QTableView *view);
// The table header's context menu shows and hides columns (addColumnToggles()).
void offerColumnMenu(QTableView *view);

// Adds to `row` a label reading `text` (its mnemonic focusing `widget`), then `widget`.
void addLabelled(QBoxLayout *row, const QString &text, QWidget *widget);

} // namespace arr
