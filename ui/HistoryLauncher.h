#pragma once

#include "storage/HistoryLocation.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace arr {

class HistoryWindow;
class Workspace;

// The main window's way into the session history: the History action (menu and toolbar) and the one
// History window it opens and shows again, on the database the workspace's recorder writes. In demo
// mode, which keeps no history, the action is disabled and says why.
class HistoryLauncher : public QObject
{
    Q_OBJECT

public:
    HistoryLauncher(Workspace *workspace, QWidget *mainWindow);

    QAction *action() const { return m_action; }
    // Opens the window (or brings it to the front), with the prices in force, read afresh; the first
    // time where it was when last closed.
    void show();
    // Keeps the window's place and size for the next run (done also whenever it is closed).
    void saveSettings();
    // After the preferences changed: a window open on a history the workspace no longer uses is made
    // anew on the one it uses (and shown again if it was showing).
    void followLocation();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Copies this computer's history into the team's database, in a thread, and says what it did.
    void copyToTeam();

    Workspace *m_workspace;
    QWidget *m_mainWindow;
    QAction *m_action;
    QPointer<HistoryWindow> m_window;
    // Where the window reads.
    HistoryLocation m_windowLocation;
    bool m_copying = false;
};

} // namespace arr
