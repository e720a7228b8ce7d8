#pragma once

#include <QString>

class QWidget;

namespace arr {

struct ApiResult;

// The one way the desktop app asks or tells the user something in a message box, so that tests can
// answer instead of a person (a subclass that records the question and returns a scripted answer).
// Windows and dialogs are handed the app's prompter; none opens a QMessageBox itself.
class Prompter
{
public:
    virtual ~Prompter();

    // Asks before something that cannot be undone; true when the person agreed. `acceptLabel` names
    // the action on the button ("Stop 2 sessions"), so that a hasty click still says what it does.
    virtual bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &acceptLabel);
    virtual void inform(QWidget *parent, const QString &title, const QString &text);
    virtual void warn(QWidget *parent, const QString &title, const QString &text);
    // A failed call: what was being done, the HTTP status, the service's message and the MS-CV, with
    // a copy button for a support ticket. Not modal: the window stays usable.
    virtual void showError(QWidget *parent, const QString &title, const QString &context, const ApiResult &result);
};

} // namespace arr
