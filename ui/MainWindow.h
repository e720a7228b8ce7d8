#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QAction;
class QCheckBox;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolBar;

namespace arr {

class AccountManager;
class AccountStatusBar;
class AccountsDialog;
class Clock;
class CreateSessionDialog;
class DetailsPane;
class ExtendSessionDialog;
class MessageBar;
class Notifier;
class PreferencesDialog;
class Prompter;
class RequestLog;
class RequestLogPanel;
class SessionFilterProxy;
class SessionItemDelegate;
class SessionMonitor;
class SessionTableModel;
class Settings;
class Workspace;
struct CommandOutcome;

// A session as the user picked it: which account, which id.
struct SessionRef
{
    QString account;
    QString sessionId;
    bool operator==(const SessionRef &other) const { return account == other.account && sessionId == other.sessionId; }
};

// The app's one window: every session of every watched account in one table (sortable, filtered by
// text, status and "hide stopped/expired"), the selected session's details, the request log in a
// dock, each account's health in the status bar, and the commands (new, extend, stop, refresh,
// accounts) in the toolbar, the menus, the table's context menu and on the keyboard.
//
// Owns no service: it shows and drives the Workspace it is handed, so tests can build it on a manual
// clock, an in-memory secret store and a throwaway settings file.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Dependencies
    {
        Workspace *workspace = nullptr;
        Prompter *prompter = nullptr;
        // Notifications through the system tray (when the platform has one), else in the window.
        bool useSystemTray = false;
    };

    explicit MainWindow(const Dependencies &dependencies, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Commands, as the toolbar, menus and shortcuts run them. Dialogs are opened window-modal and
    // returned (they delete themselves when closed) so that tests can fill them in.
    CreateSessionDialog *newSession();
    ExtendSessionDialog *extendSelected();
    // Asks through the prompter, naming each session, then stops those agreed to.
    void stopSelected();
    void refresh();
    AccountsDialog *showAccounts();
    PreferencesDialog *showPreferences();
    void showAbout();

    // The sessions selected in the table, top to bottom.
    QList<SessionRef> selectedSessions() const;
    bool selectSession(const QString &account, const QString &sessionId);
    // Writes window layout, columns, sort and filters to the settings (also done on close).
    void saveSettings();

    // For tests: the parts a user sees and clicks.
    QTableView *sessionView() const { return m_view; }
    SessionFilterProxy *proxy() const { return m_proxy; }
    SessionItemDelegate *delegate() const { return m_delegate; }
    DetailsPane *detailsPane() const { return m_details; }
    RequestLogPanel *requestLogPanel() const { return m_logPanel; }
    QDockWidget *requestLogDock() const { return m_logDock; }
    AccountStatusBar *accountStatusBar() const { return m_accountStatus; }
    MessageBar *keyStorageBar() const { return m_keyStorageBar; }
    MessageBar *demoBar() const { return m_demoBar; }
    MessageBar *problemsBar() const { return m_problemsBar; }
    MessageBar *notificationBar() const { return m_notificationBar; }
    Notifier *notifier() const { return m_notifier; }
    QWidget *emptyState() const { return m_emptyPage; }
    bool isShowingEmptyState() const;
    // Until the accounts are loaded: says so, instead of "no accounts" or "no sessions".
    bool isShowingOpeningState() const;
    QLabel *emptyStateHeadline() const { return m_emptyHeadline; }
    QPushButton *emptyStateAddAccountButton() const { return m_emptyAddAccount; }
    QPushButton *emptyStateEmulatorButton() const { return m_emptyEmulator; }
    QPushButton *emptyStateNewSessionButton() const { return m_emptyNewSession; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QComboBox *statusFilterCombo() const { return m_statusCombo; }
    QCheckBox *hideFinishedBox() const { return m_hideFinished; }
    QToolBar *mainToolBar() const { return m_toolBar; }
    QAction *newSessionAction() const { return m_newSession; }
    QAction *extendAction() const { return m_extend; }
    QAction *stopAction() const { return m_stop; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *accountsAction() const { return m_accountsAction; }
    QAction *copyIdAction() const { return m_copyId; }
    QAction *copyHostnameAction() const { return m_copyHostname; }
    QMenu *sessionContextMenu() const { return m_contextMenu; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    QWidget *createOpeningPage();
    QWidget *createSessionsPage();
    QWidget *createEmptyPage();
    void restoreSettings();
    void applyPreferences();
    void applyDefaultColumns();
    void updateActions();
    void updateDetails();
    void updateEmptyState();
    void updateBanners();
    void onCommandFinished(const CommandOutcome &outcome);
    void showHeaderMenu(const QPoint &position);
    void showContextMenu(const QPoint &position);
    void copyFromSelection(bool hostname);
    QList<SessionRef> selectedWhere(bool (*accept)(int status)) const;
    QString describeForConfirmation(const SessionRef &ref) const;

    Workspace *m_workspace;
    Settings *m_settings;
    AccountManager *m_accounts;
    SessionMonitor *m_monitor;
    SessionTableModel *m_model;
    RequestLog *m_log;
    const Clock *m_clock;
    Prompter *m_prompter;
    bool m_demoMode;

    SessionFilterProxy *m_proxy;
    SessionItemDelegate *m_delegate;
    QTableView *m_view = nullptr;
    DetailsPane *m_details = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_openingPage = nullptr;
    QWidget *m_sessionsPage = nullptr;
    QWidget *m_emptyPage = nullptr;
    QLabel *m_emptyHeadline = nullptr;
    QLabel *m_emptyText = nullptr;
    QPushButton *m_emptyAddAccount = nullptr;
    QPushButton *m_emptyEmulator = nullptr;
    QPushButton *m_emptyNewSession = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QComboBox *m_statusCombo = nullptr;
    QCheckBox *m_hideFinished = nullptr;
    QLabel *m_countLabel = nullptr;
    QToolBar *m_toolBar = nullptr;
    QDockWidget *m_logDock = nullptr;
    RequestLogPanel *m_logPanel = nullptr;
    AccountStatusBar *m_accountStatus = nullptr;
    MessageBar *m_demoBar = nullptr;
    MessageBar *m_keyStorageBar = nullptr;
    MessageBar *m_problemsBar = nullptr;
    MessageBar *m_notificationBar = nullptr;
    Notifier *m_notifier = nullptr;
    QMenu *m_contextMenu = nullptr;
    QMenu *m_trayMenu = nullptr;
    QTimer m_tick;

    QAction *m_newSession = nullptr;
    QAction *m_extend = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_accountsAction = nullptr;
    QAction *m_emulatorAction = nullptr;
    QAction *m_preferences = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_copyId = nullptr;
    QAction *m_copyHostname = nullptr;
    QAction *m_focusFilter = nullptr;
    QAction *m_hideFinishedAction = nullptr;
    QAction *m_about = nullptr;
    QAction *m_aboutQt = nullptr;

    QPointer<AccountsDialog> m_accountsDialog;
    // Problems the user dismissed; the bar comes back only when the list changes.
    QStringList m_dismissedProblems;
};

} // namespace arr
