#pragma once

#include <QMainWindow>
#include <QTimer>

class QAction;
class QDockWidget;
class QMenu;
class QStackedWidget;
class QToolBar;

namespace arr {

class AccountManager;
class AccountStatusBar;
class AccountsDialog;
class CostStatusLabel;
class EmptyStatePage;
class HistoryLauncher;
class NotificationsPanel;
class Notifier;
class Prompter;
class RequestLogPanel;
class SessionCommands;
class SessionMonitor;
class SessionTableModel;
class SessionsPage;
class Settings;
class WindowBanners;
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
    // Shows the window (from the tray, or minimised) and brings it to the front.
    void showWindow();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool event(QEvent *event) override;

private:
    // The parts of the window, made in this order by the constructor.
    void createPages();
    void connectPages();
    void createDocks();
    void createStatusBar();
    void createWindowActions();
    void createMenus();
    void createToolBar();
    void createNotifier(bool useSystemTray);
    void followAccounts();
    QWidget *createOpeningPage();
    void restoreSettings();
    void applyPreferences();
    void updateEmptyState();
    void showStatusMessage(const QString &text, int timeoutMs);
    AccountsDialog *showAccounts();

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
    NotificationsPanel *m_notificationsDock = nullptr;
    AccountStatusBar *m_accountStatus = nullptr;
    // "Spent today" from the watched sessions, until a history of past sessions replaces it.
    CostStatusLabel *m_costStatus = nullptr;
    WindowBanners *m_banners = nullptr;
    Notifier *m_notifier = nullptr;
    QMenu *m_contextMenu = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_focusFilter = nullptr;
    // The countdown: the model's remaining column, once a second.
    // Runs only while the window can be seen (see updateTicking()).
    QTimer m_tick;
    // Starts the tick when the window is shown and not minimised, stops it otherwise: a window nobody
    // sees moves no countdown and paints nothing, while polls, history and alerts go on. Catches up at
    // once when it is seen again.
    void updateTicking();
};

} // namespace arr
