#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace arr {

class AccountsDialog;
class CreateSessionDialog;
class ExtendSessionDialog;
class KeepAliveDialog;
class PreferencesDialog;
class Prompter;
class SessionsPage;
class Workspace;
struct CommandOutcome;
struct SessionRef;

// What the user can do from the window (new session, extend, stop, refresh, copy, open the ARR
// Inspector, accounts, preferences, about) as actions for the toolbar, the menus, the table's context menu and the
// keyboard: enabled for what is selected, confirmed before anything is stopped, and the outcome of
// each command said in the status bar or an error dialog. Dialogs open window-modal over `window`
// and delete themselves when closed.
class SessionCommands : public QObject
{
    Q_OBJECT

public:
    SessionCommands(Workspace *workspace, Prompter *prompter, SessionsPage *page, QWidget *window);
    ~SessionCommands() override;

    QAction *newSessionAction() const { return m_newSession; }
    QAction *extendAction() const { return m_extend; }
    QAction *stopAction() const { return m_stop; }
    QAction *keepAliveAction() const { return m_keepAlive; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *accountsAction() const { return m_accounts; }
    QAction *emulatorAction() const { return m_emulator; }
    QAction *preferencesAction() const { return m_preferences; }
    QAction *copyIdAction() const { return m_copyId; }
    QAction *copyHostnameAction() const { return m_copyHostname; }
    QAction *openInspectorAction() const { return m_openInspector; }
    QAction *aboutAction() const { return m_about; }
    QAction *aboutQtAction() const { return m_aboutQt; }

    // The commands; the dialogs are returned open.
    CreateSessionDialog *newSession();
    ExtendSessionDialog *extendSelected();
    // For the one selected starting or ready session.
    KeepAliveDialog *keepAliveSelected();
    // Asks through the prompter, naming each session, then stops those agreed to.
    void stopSelected();
    void refresh();
    // The one accounts dialog (raised when already open).
    AccountsDialog *showAccounts();
    PreferencesDialog *showPreferences();
    void showAbout();

Q_SIGNALS:
    // For the status bar.
    void statusMessage(const QString &text, int timeoutMs);
    void preferencesChanged();

private:
    void createActions();
    void updateActions();
    void copyFromSelection(bool hostname);
    // Opens the one selected session's ARR Inspector in the default browser, when it has one.
    void openInspector();
    QString describeForConfirmation(const SessionRef &ref) const;
    void onCommandFinished(const CommandOutcome &outcome);

    Workspace *m_workspace;
    Prompter *m_prompter;
    SessionsPage *m_page;
    QWidget *m_window;

    QAction *m_newSession = nullptr;
    QAction *m_extend = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_keepAlive = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_accounts = nullptr;
    QAction *m_emulator = nullptr;
    QAction *m_preferences = nullptr;
    QAction *m_copyId = nullptr;
    QAction *m_copyHostname = nullptr;
    QAction *m_openInspector = nullptr;
    QAction *m_about = nullptr;
    QAction *m_aboutQt = nullptr;
    // The tooltips of the actions a read-only account disables, to put back when it is not.
    QString m_newSessionTip;
    QString m_extendTip;
    QString m_stopTip;
    QString m_keepAliveTip;

    QPointer<AccountsDialog> m_accountsDialog;
};

} // namespace arr
