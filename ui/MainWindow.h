#pragma once

#include <QDateTime>
#include <QMainWindow>
#include <QMap>
#include <QTimer>

#include <memory>

class QAction;
class QDockWidget;
class QMenu;
class QStackedWidget;
class QToolBar;

namespace arr {

class AccountManager;
class AccountStatusBar;
class AccountsDialog;
class BilledTimeSource;
class CostStatusLabel;
class EmptyStatePage;
class HistoryLauncher;
class MessageBar;
class Notifier;
class Prompter;
class RequestLogPanel;
class SessionCommands;
class SessionMonitor;
class SessionTableModel;
class SessionsPage;
class Settings;
class Workspace;

// The app's one window: every session of every watched account in one table (sortable, filtered by
// text, status and "hide stopped/expired"), the selected session's details, the request log in a
// dock, each account's health in the status bar, and the commands (new, extend, stop, refresh,
// accounts) in the toolbar, the menus, the table's context menu and on the keyboard.
//
// Lays out and wires its parts: the sessions page (SessionsPage), the page shown instead of an
// empty table (EmptyStatePage), the commands (SessionCommands) and the message bars. Owns no
// service: it shows and drives the Workspace it is handed, so tests can build it on a manual
// clock, an in-memory secret store and a throwaway settings file; they find its parts by object
// name.
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

    // Writes window layout, columns, sort and filters to the settings (also done on close).
    void saveSettings();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createToolBar();
    QWidget *createOpeningPage();
    void restoreSettings();
    void applyPreferences();
    void updateEmptyState();
    void updateBanners();
    // Marks the rows of an account that stopped answering as stale, and clears the mark at its next
    // good poll; the unreachable bar names every such account.
    void onAccountHealthChanged(const QString &account);
    void updateUnreachableBar();
    void showStatusMessage(const QString &text, int timeoutMs);
    AccountsDialog *showAccounts();
    void showWindow();

    Workspace *m_workspace;
    Settings *m_settings;
    AccountManager *m_accounts;
    SessionMonitor *m_monitor;
    SessionTableModel *m_model;
    bool m_demoMode;

    SessionsPage *m_sessionsPage = nullptr;
    SessionCommands *m_commands = nullptr;
    HistoryLauncher *m_history = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_openingPage = nullptr;
    EmptyStatePage *m_emptyPage = nullptr;
    QToolBar *m_toolBar = nullptr;
    QDockWidget *m_logDock = nullptr;
    RequestLogPanel *m_logPanel = nullptr;
    AccountStatusBar *m_accountStatus = nullptr;
    // "Spent today" from the watched sessions, until a history of past sessions replaces it.
    std::unique_ptr<BilledTimeSource> m_billedToday;
    CostStatusLabel *m_costStatus = nullptr;
    MessageBar *m_demoBar = nullptr;
    MessageBar *m_keyStorageBar = nullptr;
    MessageBar *m_problemsBar = nullptr;
    MessageBar *m_notificationBar = nullptr;
    MessageBar *m_unreachableBar = nullptr;
    Notifier *m_notifier = nullptr;
    QMenu *m_contextMenu = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_focusFilter = nullptr;
    // The countdown: the model's remaining column, once a second.
    QTimer m_tick;

    // Problems the user dismissed; the bar comes back only when the list changes.
    QStringList m_dismissedProblems;
    // Accounts not answering, with when their next poll is due (the clock's time at the last change
    // plus the monitor's wait).
    QMap<QString, QDateTime> m_unreachable;
};

} // namespace arr
