#pragma once

#include <functional>

class QAbstractSpinBox;
class QBoxLayout;
class QLabel;
class QObject;
class QString;
class QWidget;

namespace arr {

// Calls `callback` on every edit of the spin box's text, including text that is not a number yet
// (an emptied field), which QSpinBox::textChanged does not report; validation must see those too.
void whenSpinBoxEdited(QAbstractSpinBox *spin, QObject *context, std::function<void()> callback);

// Shows `label` as the sentence saying what is wrong with a form: in red (readable on light and dark
// palettes), selectable, wrapped.
void styleAsProblem(QLabel *label);

// Adds to `row` a label reading `text` (its mnemonic focusing `widget`), then `widget`.
void addLabelled(QBoxLayout *row, const QString &text, QWidget *widget);

} // namespace arr
