#include "ui/MainWindow.h"

#include "monitor/SessionMonitor.h"
#include "service/RequestLog.h"
#include "storage/Settings.h"
#include "ui/AccountStatusBar.h"
#include "ui/AccountsDialog.h"
#include "ui/CostStatusLabel.h"
#include "ui/EmptyStatePage.h"
#include "ui/HistoryLauncher.h"
#include "ui/NotificationsPanel.h"
#include "ui/Notifier.h"
#include "ui/RequestLogPanel.h"
#include "ui/SessionColumns.h"
#include "ui/SessionCommands.h"
#include "ui/SessionStyle.h"
#include "ui/SessionTableModel.h"
#include "ui/SessionsPage.h"
#include "ui/ToolBarFit.h"
#include "ui/WidgetHelpers.h"
#include "ui/WindowBanners.h"
#include "workspace/AccountManager.h"
#include "workspace/AlertsGivenElsewhere.h"
#include "workspace/BudgetWatch.h"
#include "workspace/HistoryRecorder.h"
#include "workspace/KeepAliveManager.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

constexpr int TickIntervalMs = 1000;

} // namespace

MainWindow::MainWindow(const Dependencies &dependencies, QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(dependencies.workspace)
    , m_settings(&m_workspace->settings())
    , m_accounts(&m_workspace->accounts())
    , m_monitor(&m_workspace->monitor())
    , m_model(new SessionTableModel(&m_monitor->sessions(), this))
    , m_demoMode(m_workspace->isDemo())
{
    setObjectName(u"MainWindow"_s);
    setWindowTitle(m_demoMode ? tr("ARR Session Manager (demo)") : tr("ARR Session Manager"));
    setWindowIcon(style::appIcon());

    createPages();
    m_commands = new SessionCommands(m_workspace, dependencies.prompter, m_sessionsPage, this);
    connectPages();
    createDocks();
    m_model->setKeepAlive(&m_workspace->keepAlive());
    if (const HistoryRecorder *history = m_workspace->history())
        m_model->setActions(&history->actions());
    createStatusBar();
    createWindowActions();
    createToolBar();
    createMenus();
    connect(m_sessionsPage, &SessionsPage::contextMenuRequested, m_contextMenu,
        [this](const QPoint &position) { m_contextMenu->popup(position); });
    createNotifier(dependencies.useSystemTray);
    followAccounts();

    // The tick moves the countdown and cost cells and the status bar's cost; the sessions page
    // passes the selected one's countdown on to the details. Nothing else is recomputed.
    // A child, so that it can be found by its name.
    m_tick.setParent(this);
    m_tick.setObjectName(u"countdownTick"_s);
    m_tick.setInterval(TickIntervalMs);
    connect(&m_tick, &QTimer::timeout, m_model, &SessionTableModel::tick);
    connect(&m_tick, &QTimer::timeout, m_costStatus, &CostStatusLabel::tick);

    applyPreferences();
    restoreSettings();
    m_accountStatus->setAccounts(m_monitor->accountNames());
    updateEmptyState();
}

void MainWindow::createPages()
{
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(6, 6, 6, 0);
    centralLayout->setSpacing(4);
    m_stack = new QStackedWidget(central);
    m_openingPage = createOpeningPage();
    m_sessionsPage = new SessionsPage(m_model, m_workspace->clock(), m_stack);
    m_emptyPage = new EmptyStatePage(m_stack);
    for (QWidget *page : {m_openingPage, static_cast<QWidget *>(m_sessionsPage), static_cast<QWidget *>(m_emptyPage)})
        m_stack->addWidget(page);
    m_banners = new WindowBanners(
        m_workspace, m_model, [this] { showAccounts(); }, central);
    m_banners->addTo(centralLayout);
    centralLayout->addWidget(m_stack, 1);
    setCentralWidget(central);
}

void MainWindow::connectPages()
{
    connect(m_commands, &SessionCommands::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_commands, &SessionCommands::preferencesChanged, this, &MainWindow::applyPreferences);
    // An account's own prices are kept by its identity: a renamed account has them under its new name.
    connect(&m_workspace->accounts(), &AccountManager::savedAccountsChanged, this, &MainWindow::applyPreferences);
    connect(
        m_sessionsPage, &SessionsPage::copied, this, [this](const QString &what) { showStatusMessage(what, 8000); });
    connect(m_emptyPage, &EmptyStatePage::addAccountClicked, this, [this] {
        if (AccountsDialog *dialog = showAccounts())
            dialog->addAccount();
    });
    connect(m_emptyPage, &EmptyStatePage::emulatorClicked, this, [this] { m_accounts->setEmulatorEnabled(true); });
    connect(m_emptyPage, &EmptyStatePage::newSessionClicked, m_commands, [this] { m_commands->newSession(); });
    connect(m_emptyPage, &EmptyStatePage::editAccountClicked, this, [this](const QString &account) {
        if (AccountsDialog *dialog = showAccounts()) {
            dialog->selectAccount(account);
            dialog->editAccount(account);
        }
    });
}

void MainWindow::createDocks()
{
    m_logPanel = new RequestLogPanel(&m_workspace->log(), this);
    m_logDock = new QDockWidget(tr("Request log"), this);
    m_logDock->setObjectName(u"requestLogDock"_s);
    m_logDock->setWidget(m_logPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    // Beside the request log: both are what happened, newest first.
    m_notificationsDock = new NotificationsPanel(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_notificationsDock);
    tabifyDockWidget(m_logDock, m_notificationsDock);
    m_notificationsDock->hide();
}

void MainWindow::createStatusBar()
{
    m_accountStatus = new AccountStatusBar(m_monitor, this);
    m_accountStatus->setObjectName(u"accountStatusBar"_s);
    statusBar()->addPermanentWidget(m_accountStatus);
    m_costStatus = new CostStatusLabel(&m_monitor->sessions(), &m_workspace->billedToday(), this);
    m_costStatus->setObjectName(u"costStatus"_s);
    statusBar()->addPermanentWidget(m_costStatus);
}

void MainWindow::createWindowActions()
{
    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setObjectName(u"quitAction"_s);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    m_focusFilter = new QAction(tr("&Filter"), this);
    m_focusFilter->setObjectName(u"focusFilterAction"_s);
    m_focusFilter->setShortcut(QKeySequence::Find);
    connect(m_focusFilter, &QAction::triggered, m_sessionsPage, &SessionsPage::focusFilter);
    // Window-wide shortcuts work even while the menu bar is hidden or the focus is in the dock.
    addActions({m_commands->newSessionAction(), m_commands->extendAction(), m_commands->keepAliveAction(),
        m_commands->stopAction(), m_commands->refreshAction(), m_commands->accountsAction(),
        m_commands->preferencesAction(), m_quit, m_commands->copyIdAction(), m_commands->copyHostnameAction(),
        m_commands->openInspectorAction(), m_focusFilter, m_sessionsPage->hideFinishedAction()});
    m_history = new HistoryLauncher(m_workspace, this);
    addAction(m_history->action());
}

void MainWindow::createNotifier(bool useSystemTray)
{
    m_notifier = new Notifier(m_banners->notificationBar(), useSystemTray, m_workspace->clock(), this);
    m_notifier->setObjectName(u"notifier"_s);
    if (m_notifier->usesSystemTray()) {
        auto *trayMenu = new QMenu(this);
        trayMenu->addAction(tr("Show window"), this, &MainWindow::showWindow);
        trayMenu->addAction(m_quit);
        m_notifier->setTrayMenu(trayMenu);
        connect(m_notifier, &Notifier::activated, this, &MainWindow::showWindow);
    }

    connect(m_notifier, &Notifier::noted, m_notificationsDock, &NotificationsPanel::add);
    connect(m_monitor, &SessionMonitor::notify, m_notifier, &Notifier::notify);
    connect(&m_workspace->keepAlive(), &KeepAliveManager::notify, m_notifier, &Notifier::notify);
    connect(&m_workspace->keepAlive(), &KeepAliveManager::policyEnded, m_notifier,
        [this](const QString &account, const QString &sessionId, const QString &sentence) {
            m_notifier->notify({SessionNotification::Kind::KeepAliveEnded, account, sessionId, sentence});
        });
    connect(&m_workspace->keepAlive(), &KeepAliveManager::policyFailed, m_notifier,
        [this](const QString &account, const QString &sessionId, const QString &sentence) {
            m_notifier->notify({SessionNotification::Kind::KeepAliveFailed, account, sessionId, sentence});
        });
    connect(&m_workspace->budgets(), &BudgetWatch::notify, m_notifier, &Notifier::notify);
    if (AlertsGivenElsewhere *elsewhere = m_workspace->followAlertsGivenElsewhere())
        connect(elsewhere, &AlertsGivenElsewhere::given, m_notifier, &Notifier::notifyGivenElsewhere);
}

void MainWindow::followAccounts()
{
    connect(m_monitor, &SessionMonitor::accountHealthChanged, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyState);
    connect(m_accounts, &AccountManager::activeAccountsChanged, this, [this] {
        m_accountStatus->setAccounts(m_monitor->accountNames());
        updateEmptyState();
    });
    connect(m_accounts, &AccountManager::loadingFinished, this, &MainWindow::updateEmptyState);
    connect(m_accounts, &AccountManager::problemsChanged, this, &MainWindow::updateEmptyState);
}

MainWindow::~MainWindow() = default;

void MainWindow::showWindow()
{
    showNormal();
    raise();
    activateWindow();
}

void MainWindow::showStatusMessage(const QString &text, int timeoutMs)
{
    statusBar()->showMessage(text, timeoutMs);
}

AccountsDialog *MainWindow::showAccounts()
{
    return m_commands->showAccounts();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_commands->newSessionAction());
    file->addSeparator();
    file->addAction(m_commands->preferencesAction());
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *session = menuBar()->addMenu(tr("&Session"));
    session->addActions({m_commands->extendAction(), m_commands->keepAliveAction(), m_commands->stopAction()});
    session->addSeparator();
    session->addActions({m_commands->copyIdAction(), m_commands->copyHostnameAction()});
    session->addAction(m_commands->openInspectorAction());
    session->addSeparator();
    session->addAction(m_commands->refreshAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_focusFilter);
    view->addAction(m_sessionsPage->hideFinishedAction());
    view->addSeparator();
    view->addAction(m_history->action());
    QAction *logToggle = m_logDock->toggleViewAction();
    logToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    view->addAction(logToggle);
    view->addAction(m_notificationsDock->toggleViewAction());
    // Its title has no mnemonic to reach it by in the open menu.
    m_toolBar->toggleViewAction()->setText(tr("Main &toolbar"));
    view->addAction(m_toolBar->toggleViewAction());
    QMenu *columns = view->addMenu(tr("&Columns"));
    columns->setObjectName(u"columnsMenu"_s);
    connect(columns, &QMenu::aboutToShow, m_sessionsPage,
        [this, columns] { m_sessionsPage->columns()->fillMenu(columns); });

    QMenu *accounts = menuBar()->addMenu(tr("&Accounts"));
    accounts->addActions({m_commands->accountsAction(), m_commands->emulatorAction()});

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addActions({m_commands->aboutAction(), m_commands->aboutQtAction()});

    m_contextMenu = new QMenu(this);
    m_contextMenu->setObjectName(u"sessionContextMenu"_s);
    m_contextMenu->addActions({m_commands->extendAction(), m_commands->keepAliveAction(), m_commands->stopAction()});
    m_contextMenu->addSeparator();
    m_contextMenu->addActions({m_commands->copyIdAction(), m_commands->copyHostnameAction()});
    m_contextMenu->addAction(m_commands->openInspectorAction());
    m_contextMenu->addSeparator();
    m_contextMenu->addActions({m_commands->newSessionAction(), m_commands->refreshAction()});
    m_contextMenu->setAccessibleName(tr("Session actions"));

    // A screen reader names an open menu by its own name, which Qt leaves empty: the title's words.
    menuBar()->setAccessibleName(tr("Menu bar"));
    for (QMenu *menu : menuBar()->findChildren<QMenu *>())
        menu->setAccessibleName(QString(menu->title()).remove(u'&'));
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main toolbar"));
    m_toolBar->setObjectName(u"mainToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->addActions({m_commands->newSessionAction(), m_commands->extendAction(), m_commands->stopAction()});
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_commands->refreshAction());
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_commands->accountsAction());
    m_toolBar->addAction(m_history->action());
    m_toolBar->addAction(m_notificationsDock->toggleViewAction());
    new ToolBarFit(m_toolBar,
        {m_commands->refreshAction(), m_commands->accountsAction(), m_history->action(),
            m_notificationsDock->toggleViewAction()});
}

QWidget *MainWindow::createOpeningPage()
{
    auto *page = new QWidget(m_stack);
    page->setObjectName(u"openingPage"_s);
    auto *label = new QLabel(tr("Opening your accounts…"), page);
    label->setObjectName(u"openingLabel"_s);
    label->setAlignment(Qt::AlignCenter);
    label->setEnabled(false);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(label);
    return page;
}

void MainWindow::restoreSettings()
{
    const QByteArray geometry = m_settings->value(Settings::Key::MainWindowGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // First start: most of the screen the window opens on, so that the table's default columns
        // are in view, centred on it.
        const QRect available = screen()->availableGeometry();
        const QSize size = firstStartWindowSize(available.size());
        setGeometry(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, available));
    }
    const QByteArray state = m_settings->value(Settings::Key::MainWindowState).toByteArray();
    // First start: the table gets most of the height, the log a few rows.
    if (state.isEmpty() || !restoreState(state))
        resizeDocks({m_logDock}, {m_logPanel->fontMetrics().height() * 14}, Qt::Vertical);
    m_logDock->setVisible(m_settings->value(Settings::Key::LogDockVisible).toBool());
    m_sessionsPage->restoreSettings(m_settings);
    m_logPanel->setErrorsOnly(m_settings->value(Settings::Key::LogErrorsOnly).toBool());
    m_logPanel->restoreHeaderState(m_settings->value(Settings::Key::LogHeaderState).toByteArray());
}

void MainWindow::saveSettings()
{
    m_settings->setValue(Settings::Key::MainWindowGeometry, saveGeometry());
    m_settings->setValue(Settings::Key::MainWindowState, saveState());
    m_settings->setValue(Settings::Key::LogDockVisible, !m_logDock->isHidden());
    m_sessionsPage->saveSettings(m_settings);
    m_settings->setValue(Settings::Key::LogErrorsOnly, m_logPanel->errorsOnly());
    m_settings->setValue(Settings::Key::LogHeaderState, m_logPanel->saveHeaderState());
    m_history->saveSettings();
    m_settings->sync();
}

void MainWindow::updateTicking()
{
    const bool seen = isVisible() && !isMinimized();
    if (seen == m_tick.isActive())
        return;
    if (!seen) {
        m_tick.stop();
        return;
    }
    m_model->tick();
    m_costStatus->tick();
    m_tick.start();
}

bool MainWindow::event(QEvent *event)
{
    const bool handled = QMainWindow::event(event);
    const QEvent::Type type = event->type();
    if (type == QEvent::Show || type == QEvent::Hide || type == QEvent::WindowStateChange)
        updateTicking();
    return handled;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

void MainWindow::applyPreferences()
{
    m_model->setThresholds(qint64(m_settings->warningThresholdMinutes()) * 60'000,
        qint64(m_settings->criticalThresholdMinutes()) * 60'000);
    m_workspace->applySettings();
    m_history->followLocation();
    // The demo's prices are made up and never come from (or go to) the user's settings.
    const Pricing pricing = m_workspace->pricing();
    m_model->setPricing(pricing);
    m_costStatus->setPricing(pricing);
    if (m_notifier)
        m_notifier->setEnabled(m_settings->value(Settings::Key::NotificationsEnabled).toBool());
}

void MainWindow::updateEmptyState()
{
    if (m_model->rowCount() > 0) {
        m_stack->setCurrentWidget(m_sessionsPage);
        return;
    }
    if (m_accounts->isLoading()) {
        m_stack->setCurrentWidget(m_openingPage);
        return;
    }
    const QStringList names = m_monitor->accountNames();
    bool anyAnswered = false;
    for (const QString &name : names)
        anyAnswered = anyAnswered || m_monitor->health(name).lastGoodPoll.isValid();
    const bool canUseEmulator = m_accounts->hasEmulator() && !m_accounts->isEmulatorEnabled();
    if (names.isEmpty())
        m_emptyPage->showNoAccounts(canUseEmulator);
    else if (!anyAnswered) {
        // Asking for nothing: every account has a problem that waiting does not fix (no key, a key
        // refused). Say which and offer to edit it, rather than "asking".
        QString toFix;
        QString reason;
        for (const QString &name : names) {
            const AccountHealth health = m_monitor->health(name);
            if (health.state != AccountHealth::State::Misconfigured
                && health.state != AccountHealth::State::AuthenticationFailing) {
                toFix.clear();
                break;
            }
            if (toFix.isEmpty()) {
                toFix = name;
                reason = health.lastError.message;
            }
        }
        if (toFix.isEmpty())
            m_emptyPage->showWaitingForAnswer(canUseEmulator);
        else
            m_emptyPage->showAccountNeedsFixing(toFix,
                tr("%1 Nothing is asked until the account is corrected: edit it and enter its key.").arg(reason),
                canUseEmulator);
    } else
        m_emptyPage->showNoSessions(
            canUseEmulator, m_commands->newSessionAction()->shortcut().toString(QKeySequence::NativeText));
    m_stack->setCurrentWidget(m_emptyPage);
}

} // namespace arr
