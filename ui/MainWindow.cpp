#include "ui/MainWindow.h"

#include "core/Clock.h"
#include "monitor/SessionMonitor.h"
#include "service/RequestLog.h"
#include "storage/Settings.h"
#include "ui/AboutDialog.h"
#include "ui/AccountStatusBar.h"
#include "ui/AccountsDialog.h"
#include "ui/CreateSessionDialog.h"
#include "ui/DetailsPane.h"
#include "ui/ExtendSessionDialog.h"
#include "ui/MessageBar.h"
#include "ui/Notifier.h"
#include "ui/PreferencesDialog.h"
#include "ui/Prompter.h"
#include "ui/RequestLogPanel.h"
#include "ui/SessionFilterProxy.h"
#include "ui/SessionItemDelegate.h"
#include "ui/SessionStyle.h"
#include "ui/SessionTableModel.h"
#include "workspace/AccountManager.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

constexpr int TickIntervalMs = 1000;
constexpr int StatusMessageMs = 8000;

bool isExtendable(int status)
{
    const auto s = SessionStatus(status);
    return s == SessionStatus::Ready || s == SessionStatus::Starting;
}

bool isStoppable(int status)
{
    const auto s = SessionStatus(status);
    return !isFinalStatus(s) && s != SessionStatus::Stopping;
}

bool isAny(int)
{
    return true;
}

struct StatusPreset
{
    const char *label;
    QList<SessionStatus> statuses;
};

QList<StatusPreset> statusPresets()
{
    return {
        {QT_TRANSLATE_NOOP("arr::MainWindow", "All statuses"), {}},
        {QT_TRANSLATE_NOOP("arr::MainWindow", "Live (starting, ready, stopping)"),
            {SessionStatus::Starting, SessionStatus::Ready, SessionStatus::Stopping}},
        {QT_TRANSLATE_NOOP("arr::MainWindow", "Starting"), {SessionStatus::Starting}},
        {QT_TRANSLATE_NOOP("arr::MainWindow", "Ready"), {SessionStatus::Ready}},
        {QT_TRANSLATE_NOOP("arr::MainWindow", "Stopping"), {SessionStatus::Stopping}},
        {QT_TRANSLATE_NOOP("arr::MainWindow", "Stopped"), {SessionStatus::Stopped}},
        {QT_TRANSLATE_NOOP("arr::MainWindow", "Expired"), {SessionStatus::Expired}},
        {QT_TRANSLATE_NOOP("arr::MainWindow", "Error"), {SessionStatus::Error}},
        {QT_TRANSLATE_NOOP("arr::MainWindow", "Failed or expired"), {SessionStatus::Error, SessionStatus::Expired}},
    };
}

QString wireNames(const QList<SessionStatus> &statuses)
{
    QStringList names;
    for (SessionStatus status : statuses)
        names.append(sessionStatusWireName(status));
    return names.join(u',');
}

QSet<SessionStatus> statusSetFrom(const QString &wire)
{
    QSet<SessionStatus> statuses;
    const QStringList names = wire.split(u',', Qt::SkipEmptyParts);
    for (const QString &name : names) {
        const SessionStatus status = parseSessionStatus(name);
        if (status != SessionStatus::Unknown)
            statuses.insert(status);
    }
    return statuses;
}

} // namespace

MainWindow::MainWindow(const Dependencies &dependencies, QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(dependencies.workspace)
    , m_settings(&m_workspace->settings())
    , m_accounts(&m_workspace->accounts())
    , m_monitor(&m_workspace->monitor())
    , m_model(new SessionTableModel(&m_monitor->sessions(), this))
    , m_log(&m_workspace->log())
    , m_clock(m_workspace->clock())
    , m_prompter(dependencies.prompter)
    , m_demoMode(m_workspace->isDemo())
    , m_proxy(new SessionFilterProxy(this))
    , m_delegate(new SessionItemDelegate(this))
{
    setObjectName(u"MainWindow"_s);
    setWindowTitle(m_demoMode ? tr("ARR Session Manager (demo)") : tr("ARR Session Manager"));
    setWindowIcon(style::appIcon());
    m_proxy->setSourceModel(m_model);
    m_proxy->setDynamicSortFilter(true);

    createActions();

    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(6, 6, 6, 0);
    centralLayout->setSpacing(4);
    m_demoBar = new MessageBar(central);
    m_demoBar->setObjectName(u"demoBar"_s);
    m_keyStorageBar = new MessageBar(central);
    m_keyStorageBar->setObjectName(u"keyStorageBar"_s);
    m_keyStorageBar->setClosable(false);
    m_problemsBar = new MessageBar(central);
    m_problemsBar->setObjectName(u"problemsBar"_s);
    m_notificationBar = new MessageBar(central);
    m_notificationBar->setObjectName(u"notificationBar"_s);
    m_stack = new QStackedWidget(central);
    m_openingPage = createOpeningPage();
    m_stack->addWidget(m_openingPage);
    for (QWidget *widget : {static_cast<QWidget *>(m_demoBar), static_cast<QWidget *>(m_keyStorageBar),
             static_cast<QWidget *>(m_problemsBar), static_cast<QWidget *>(m_notificationBar)})
        centralLayout->addWidget(widget);
    centralLayout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_logPanel = new RequestLogPanel(m_log, this);
    m_logDock = new QDockWidget(tr("Request log"), this);
    m_logDock->setObjectName(u"requestLogDock"_s);
    m_logDock->setWidget(m_logPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);

    m_accountStatus = new AccountStatusBar(m_monitor, this);
    statusBar()->addPermanentWidget(m_accountStatus);

    createToolBar();
    createMenus();
    // After the menus: the filter bar's check box and the View menu's action show the same choice.
    m_sessionsPage = createSessionsPage();
    m_emptyPage = createEmptyPage();
    m_stack->addWidget(m_sessionsPage);
    m_stack->addWidget(m_emptyPage);

    m_notifier = new Notifier(m_notificationBar, dependencies.useSystemTray, m_clock, this);
    if (m_notifier->usesSystemTray()) {
        m_trayMenu = new QMenu(this);
        m_trayMenu->addAction(tr("Show window"), this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
        m_trayMenu->addAction(m_quit);
        m_notifier->setTrayMenu(m_trayMenu);
        connect(m_notifier, &Notifier::activated, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
    }

    // The monitor and the model.
    connect(m_monitor, &SessionMonitor::commandFinished, this, &MainWindow::onCommandFinished);
    connect(m_monitor, &SessionMonitor::notify, m_notifier, &Notifier::notify);
    connect(m_monitor, &SessionMonitor::accountHealthChanged, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateDetails();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateDetails();
        updateActions();
    });

    // The accounts.
    connect(m_accounts, &AccountManager::activeAccountsChanged, this, [this] {
        m_accountStatus->setAccounts(m_monitor->accountNames());
        m_emulatorAction->setChecked(m_accounts->isEmulatorEnabled());
        updateEmptyState();
        updateActions();
    });
    connect(m_accounts, &AccountManager::loadingFinished, this, &MainWindow::updateEmptyState);
    connect(m_accounts, &AccountManager::keyStorageLost, this, &MainWindow::updateBanners);
    connect(m_accounts, &AccountManager::problemsChanged, this, &MainWindow::updateBanners);
    connect(m_problemsBar, &MessageBar::closed, this, [this] { m_dismissedProblems = m_accounts->problems(); });

    m_tick.setInterval(TickIntervalMs);
    connect(&m_tick, &QTimer::timeout, m_model, &SessionTableModel::tick);
    m_tick.start();

    applyPreferences();
    restoreSettings();
    m_accountStatus->setAccounts(m_monitor->accountNames());
    updateBanners();
    updateEmptyState();
    updateActions();
    updateDetails();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_newSession = new QAction(style::icon(u"new-session"_s), tr("&New session…"), this);
    m_newSession->setShortcut(QKeySequence::New);
    m_newSession->setToolTip(
        tr("Start a new session (%1)").arg(m_newSession->shortcut().toString(QKeySequence::NativeText)));
    connect(m_newSession, &QAction::triggered, this, [this] { newSession(); });

    m_extend = new QAction(style::icon(u"extend"_s), tr("&Extend lease…"), this);
    m_extend->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_extend->setToolTip(tr("Extend the lease of the selected sessions (%1)")
                             .arg(m_extend->shortcut().toString(QKeySequence::NativeText)));
    connect(m_extend, &QAction::triggered, this, [this] { extendSelected(); });

    m_stop = new QAction(style::icon(u"stop"_s), tr("&Stop…"), this);
    m_stop->setShortcut(QKeySequence::Delete);
    m_stop->setToolTip(tr("Stop the selected sessions, after confirming (%1)")
                           .arg(m_stop->shortcut().toString(QKeySequence::NativeText)));
    connect(m_stop, &QAction::triggered, this, &MainWindow::stopSelected);

    m_refresh = new QAction(style::icon(u"refresh"_s), tr("&Refresh"), this);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Ask every account for its sessions now (%1)")
                              .arg(m_refresh->shortcut().toString(QKeySequence::NativeText)));
    connect(m_refresh, &QAction::triggered, this, &MainWindow::refresh);

    m_accountsAction = new QAction(style::icon(u"accounts"_s), tr("&Accounts…"), this);
    m_accountsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_accountsAction->setToolTip(tr("Add, edit, remove, enable or disable accounts (%1)")
                                     .arg(m_accountsAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_accountsAction, &QAction::triggered, this, [this] { showAccounts(); });

    m_emulatorAction = new QAction(tr("Show the &local emulator"), this);
    m_emulatorAction->setCheckable(true);
    m_emulatorAction->setChecked(m_accounts->isEmulatorEnabled());
    m_emulatorAction->setEnabled(m_accounts->hasEmulator() && !m_accounts->isEmulatorForced());
    connect(m_emulatorAction, &QAction::toggled, this, [this](bool on) { m_accounts->setEmulatorEnabled(on); });

    m_preferences = new QAction(tr("&Preferences…"), this);
    m_preferences->setShortcut(QKeySequence::Preferences);
    m_preferences->setMenuRole(QAction::PreferencesRole);
    connect(m_preferences, &QAction::triggered, this, [this] { showPreferences(); });

    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_copyId = new QAction(style::icon(u"copy"_s), tr("Copy session &id"), this);
    m_copyId->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copyId, &QAction::triggered, this, [this] { copyFromSelection(false); });
    m_copyHostname = new QAction(style::icon(u"copy"_s), tr("Copy &hostname"), this);
    m_copyHostname->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    connect(m_copyHostname, &QAction::triggered, this, [this] { copyFromSelection(true); });

    m_focusFilter = new QAction(tr("&Filter"), this);
    m_focusFilter->setShortcut(QKeySequence::Find);
    connect(m_focusFilter, &QAction::triggered, this, [this] {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });

    m_about = new QAction(tr("&About ARR Session Manager"), this);
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQt = new QAction(tr("About &Qt"), this);
    m_aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    // Window-wide shortcuts work even while the menu bar is hidden or the focus is in the dock.
    for (QAction *action : {m_newSession, m_extend, m_stop, m_refresh, m_accountsAction, m_preferences, m_quit,
             m_copyId, m_copyHostname, m_focusFilter})
        addAction(action);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newSession);
    file->addSeparator();
    file->addAction(m_preferences);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *session = menuBar()->addMenu(tr("&Session"));
    session->addAction(m_extend);
    session->addAction(m_stop);
    session->addSeparator();
    session->addAction(m_copyId);
    session->addAction(m_copyHostname);
    session->addSeparator();
    session->addAction(m_refresh);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_focusFilter);
    m_hideFinishedAction = new QAction(tr("&Hide stopped and expired"), this);
    m_hideFinishedAction->setCheckable(true);
    m_hideFinishedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    connect(m_hideFinishedAction, &QAction::toggled, this, [this](bool hide) {
        m_proxy->setHideFinished(hide);
        m_hideFinished->setChecked(hide);
    });
    addAction(m_hideFinishedAction);
    view->addAction(m_hideFinishedAction);
    view->addSeparator();
    QAction *logToggle = m_logDock->toggleViewAction();
    logToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    view->addAction(logToggle);
    view->addAction(m_toolBar->toggleViewAction());
    QMenu *columns = view->addMenu(tr("&Columns"));
    connect(columns, &QMenu::aboutToShow, this, [this, columns] {
        columns->clear();
        QHeaderView *header = m_view->horizontalHeader();
        for (int column = 0; column < SessionTableModel::ColumnCount; ++column) {
            QAction *toggle = columns->addAction(m_model->headerData(column, Qt::Horizontal).toString());
            toggle->setCheckable(true);
            toggle->setChecked(!header->isSectionHidden(column));
            connect(
                toggle, &QAction::toggled, this, [header, column](bool on) { header->setSectionHidden(column, !on); });
        }
        columns->addSeparator();
        columns->addAction(tr("Reset columns"), this, &MainWindow::applyDefaultColumns);
    });

    QMenu *accounts = menuBar()->addMenu(tr("&Accounts"));
    accounts->addAction(m_accountsAction);
    accounts->addAction(m_emulatorAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_about);
    help->addAction(m_aboutQt);

    m_contextMenu = new QMenu(this);
    m_contextMenu->addAction(m_extend);
    m_contextMenu->addAction(m_stop);
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(m_copyId);
    m_contextMenu->addAction(m_copyHostname);
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(m_newSession);
    m_contextMenu->addAction(m_refresh);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main toolbar"));
    m_toolBar->setObjectName(u"mainToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->addAction(m_newSession);
    m_toolBar->addAction(m_extend);
    m_toolBar->addAction(m_stop);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_refresh);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_accountsAction);
}

QWidget *MainWindow::createOpeningPage()
{
    auto *page = new QWidget(m_stack);
    auto *label = new QLabel(tr("Opening your accounts…"), page);
    label->setObjectName(u"openingLabel"_s);
    label->setAlignment(Qt::AlignCenter);
    label->setEnabled(false);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(label);
    return page;
}

QWidget *MainWindow::createSessionsPage()
{
    auto *page = new QWidget(m_stack);

    m_filterEdit = new QLineEdit(page);
    m_filterEdit->setObjectName(u"filterEdit"_s);
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setPlaceholderText(tr("Filter by account, id, hostname, status, size or message (Ctrl+F)"));
    m_statusCombo = new QComboBox(page);
    m_statusCombo->setObjectName(u"statusFilterCombo"_s);
    for (const StatusPreset &preset : statusPresets())
        m_statusCombo->addItem(tr(preset.label), wireNames(preset.statuses));
    m_statusCombo->setToolTip(tr("Show only sessions in these states"));
    m_hideFinished = new QCheckBox(tr("Hide stopped/expired"), page);
    m_hideFinished->setObjectName(u"hideFinishedBox"_s);
    m_hideFinished->setToolTip(tr("Hide sessions that have stopped or expired (Ctrl+H)"));
    m_countLabel = new QLabel(page);
    m_countLabel->setEnabled(false);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(m_statusCombo);
    filterRow->addWidget(m_hideFinished);
    filterRow->addWidget(m_countLabel);

    m_view = new QTableView(page);
    m_view->setObjectName(u"sessionView"_s);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(m_delegate);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    // Rows are selected whole: a title in bold for a "fully selected" column would mean nothing.
    header->setHighlightSections(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &MainWindow::showHeaderMenu);
    connect(m_view, &QTableView::customContextMenuRequested, this, &MainWindow::showContextMenu);

    m_details = new DetailsPane(page);
    m_details->setObjectName(u"detailsPane"_s);
    m_splitter = new QSplitter(Qt::Horizontal, page);
    m_splitter->setObjectName(u"sessionSplitter"_s);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setCollapsible(0, false);
    m_splitter->setSizes({1000, 300});

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(m_splitter, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &SessionFilterProxy::setTextFilter);
    connect(m_statusCombo, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setStatusFilter(statusSetFrom(m_statusCombo->currentData().toString())); });
    connect(m_hideFinished, &QCheckBox::toggled, m_hideFinishedAction, &QAction::setChecked);
    const auto updateCount = [this] {
        m_countLabel->setText(tr("%1 of %n sessions shown", nullptr, m_model->rowCount()).arg(m_proxy->rowCount()));
    };
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, updateCount);
    updateCount();
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateDetails();
        updateActions();
    });
    connect(m_details, &DetailsPane::copied, this,
        [this](const QString &what) { statusBar()->showMessage(what, StatusMessageMs); });
    return page;
}

QWidget *MainWindow::createEmptyPage()
{
    auto *page = new QWidget(m_stack);
    auto *icon = new QLabel(page);
    icon->setPixmap(style::appIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignCenter);
    m_emptyHeadline = new QLabel(page);
    m_emptyHeadline->setObjectName(u"emptyHeadline"_s);
    m_emptyHeadline->setAlignment(Qt::AlignCenter);
    QFont headlineFont = m_emptyHeadline->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.4);
    headlineFont.setBold(true);
    m_emptyHeadline->setFont(headlineFont);
    m_emptyText = new QLabel(page);
    m_emptyText->setWordWrap(true);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setFixedWidth(m_emptyText->fontMetrics().averageCharWidth() * 72);
    m_emptyAddAccount = new QPushButton(style::icon(u"accounts"_s), tr("Add an account…"), page);
    m_emptyEmulator = new QPushButton(tr("Try the local emulator"), page);
    m_emptyNewSession = new QPushButton(style::icon(u"new-session"_s), tr("New session…"), page);
    connect(m_emptyAddAccount, &QPushButton::clicked, this, [this] {
        if (AccountsDialog *dialog = showAccounts())
            dialog->addAccount();
    });
    connect(m_emptyEmulator, &QPushButton::clicked, this, [this] { m_accounts->setEmulatorEnabled(true); });
    connect(m_emptyNewSession, &QPushButton::clicked, this, [this] { newSession(); });

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_emptyAddAccount);
    buttons->addWidget(m_emptyEmulator);
    buttons->addWidget(m_emptyNewSession);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(icon);
    layout->addWidget(m_emptyHeadline);
    // Centred by stretches, not by an alignment flag, which would cost the label its height for
    // its width (the text would be cut).
    auto *textRow = new QHBoxLayout;
    textRow->addStretch(1);
    textRow->addWidget(m_emptyText);
    textRow->addStretch(1);
    layout->addLayout(textRow);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch(2);
    return page;
}

void MainWindow::applyDefaultColumns()
{
    QHeaderView *header = m_view->horizontalHeader();
    const QFontMetrics metrics = m_view->fontMetrics();
    const auto width = [&metrics](const QString &sample) { return metrics.horizontalAdvance(sample) + 24; };
    // What ops staff scan first comes first: who, which, what state, how long is left.
    const QList<int> order{SessionTableModel::AccountColumn, SessionTableModel::SessionIdColumn,
        SessionTableModel::StatusColumn, SessionTableModel::RemainingColumn, SessionTableModel::LeaseColumn,
        SessionTableModel::ElapsedColumn, SessionTableModel::SizeColumn, SessionTableModel::HostnameColumn,
        SessionTableModel::MessageColumn, SessionTableModel::TeraflopsColumn, SessionTableModel::HandshakePortColumn,
        SessionTableModel::CreatedColumn};
    for (int visual = 0; visual < order.size(); ++visual) {
        header->setSectionHidden(order.at(visual), false);
        header->moveSection(header->visualIndex(order.at(visual)), visual);
    }
    m_view->setColumnWidth(SessionTableModel::AccountColumn, width(u"Local emulator"_s));
    // Ids and hostnames are elided in the middle; their ends are what people compare.
    m_view->setColumnWidth(SessionTableModel::SessionIdColumn, width(u"00000000-0000-0000-0000"_s));
    // Room for the icon and "Ready – stop requested"; a longer pending command is elided.
    m_view->setColumnWidth(SessionTableModel::StatusColumn, width(u"Ready – stop requested"_s) + 20);
    for (int column :
        {SessionTableModel::ElapsedColumn, SessionTableModel::LeaseColumn, SessionTableModel::RemainingColumn})
        m_view->setColumnWidth(column, width(u"Remaining"_s));
    m_view->setColumnWidth(SessionTableModel::SizeColumn, width(u"premium"_s));
    m_view->setColumnWidth(SessionTableModel::HostnameColumn, width(u"00000000-0000.remoterendering"_s));
    m_view->setColumnWidth(SessionTableModel::MessageColumn, width(u"m"_s) * 3);
    m_view->setColumnWidth(SessionTableModel::TeraflopsColumn, width(u"Teraflops"_s));
    m_view->setColumnWidth(SessionTableModel::HandshakePortColumn, width(u"Handshake port"_s));
    m_view->setColumnWidth(SessionTableModel::CreatedColumn, width(u"00/00/0000 00:00"_s));
    // Fields of later API versions: available from the header's menu, hidden until the service
    // sends them, so that a v1 account does not show three empty columns.
    for (int column :
        {SessionTableModel::TeraflopsColumn, SessionTableModel::HandshakePortColumn, SessionTableModel::CreatedColumn})
        header->setSectionHidden(column, true);
    header->setSortIndicator(SessionTableModel::AccountColumn, Qt::AscendingOrder);
}

void MainWindow::restoreSettings()
{
    const QByteArray geometry = m_settings->value(Settings::Key::MainWindowGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1280, 800);
    const QByteArray state = m_settings->value(Settings::Key::MainWindowState).toByteArray();
    // First start: the table gets most of the height, the log a few rows.
    if (state.isEmpty() || !restoreState(state))
        resizeDocks({m_logDock}, {m_logPanel->fontMetrics().height() * 14}, Qt::Vertical);
    m_logDock->setVisible(m_settings->value(Settings::Key::LogDockVisible).toBool());

    m_splitter->restoreState(m_settings->value(Settings::Key::SplitterState).toByteArray());
    const QByteArray headerState = m_settings->value(Settings::Key::TableHeaderState).toByteArray();
    QHeaderView *header = m_view->horizontalHeader();
    if (headerState.isEmpty() || !header->restoreState(headerState))
        applyDefaultColumns();
    // A saved state with every column hidden would leave an unusable table.
    if (header->hiddenSectionCount() >= SessionTableModel::ColumnCount)
        applyDefaultColumns();

    const int sortColumn = m_settings->value(Settings::Key::SortColumn).toInt();
    const auto sortOrder = m_settings->value(Settings::Key::SortOrder).toInt() == int(Qt::DescendingOrder)
        ? Qt::DescendingOrder
        : Qt::AscendingOrder;
    if (sortColumn >= 0 && sortColumn < SessionTableModel::ColumnCount)
        m_view->sortByColumn(sortColumn, sortOrder);
    else
        m_view->sortByColumn(SessionTableModel::AccountColumn, Qt::AscendingOrder);

    // The filter widgets pass what they show on to the proxy.
    m_filterEdit->setText(m_settings->value(Settings::Key::TextFilter).toString());
    // A status filter is one of the presets the filter bar offers; anything else saved means all.
    const QSet<SessionStatus> statuses = statusSetFrom(m_settings->value(Settings::Key::StatusFilter).toString());
    int preset = 0;
    for (int i = 0; i < m_statusCombo->count(); ++i) {
        if (statusSetFrom(m_statusCombo->itemData(i).toString()) == statuses)
            preset = i;
    }
    m_statusCombo->setCurrentIndex(preset);
    m_hideFinishedAction->setChecked(m_settings->value(Settings::Key::HideFinishedSessions).toBool());

    m_logPanel->setErrorsOnly(m_settings->value(Settings::Key::LogErrorsOnly).toBool());
    m_logPanel->restoreHeaderState(m_settings->value(Settings::Key::LogHeaderState).toByteArray());
}

void MainWindow::saveSettings()
{
    m_settings->setValue(Settings::Key::MainWindowGeometry, saveGeometry());
    m_settings->setValue(Settings::Key::MainWindowState, saveState());
    m_settings->setValue(Settings::Key::LogDockVisible, !m_logDock->isHidden());
    m_settings->setValue(Settings::Key::HideFinishedSessions, m_proxy->hidesFinished());
    m_settings->setValue(Settings::Key::SplitterState, m_splitter->saveState());
    QHeaderView *header = m_view->horizontalHeader();
    m_settings->setValue(Settings::Key::TableHeaderState, header->saveState());
    m_settings->setValue(Settings::Key::SortColumn, header->sortIndicatorSection());
    m_settings->setValue(Settings::Key::SortOrder, int(header->sortIndicatorOrder()));
    m_settings->setValue(Settings::Key::TextFilter, m_filterEdit->text());
    m_settings->setValue(Settings::Key::StatusFilter, m_statusCombo->currentData().toString());
    m_settings->setValue(Settings::Key::LogErrorsOnly, m_logPanel->errorsOnly());
    m_settings->setValue(Settings::Key::LogHeaderState, m_logPanel->saveHeaderState());
    m_settings->sync();
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
    if (m_notifier)
        m_notifier->setEnabled(m_settings->value(Settings::Key::NotificationsEnabled).toBool());
}

void MainWindow::updateBanners()
{
    if (m_demoMode) {
        m_demoBar->showMessage(MessageBar::Kind::Information,
            tr("Demo mode: the built-in local emulator with made-up sessions. Your saved accounts are not loaded "
               "or changed; accounts added now last for this run only."));
    }
    if (!m_demoMode && !m_accounts->keysArePersistent()) {
        QString text = tr("No system keychain is available: account keys are kept in memory for this run only and "
                          "must be entered again after a restart. They are never written to a file.");
        if (!m_accounts->keyStorageProblem().isEmpty())
            text += u"\n"_s + m_accounts->keyStorageProblem();
        m_keyStorageBar->showMessage(MessageBar::Kind::Warning, text);
    } else {
        m_keyStorageBar->hide();
    }
    const QStringList problems = m_accounts->problems();
    if (problems.isEmpty()) {
        m_problemsBar->hide();
        m_dismissedProblems.clear();
    } else if (problems != m_dismissedProblems) {
        m_problemsBar->showMessage(MessageBar::Kind::Warning, problems.join(u'\n'));
        // The short list sums up problems many accounts share; the details name each account.
        const QStringList details = m_accounts->problemDetails();
        m_problemsBar->setDetails(details == problems ? QString() : details.join(u'\n'));
        m_problemsBar->setAction(tr("Accounts…"), [this] { showAccounts(); });
    }
}

bool MainWindow::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_emptyPage;
}

bool MainWindow::isShowingOpeningState() const
{
    return m_stack->currentWidget() == m_openingPage;
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
    m_emptyEmulator->setVisible(canUseEmulator);
    if (names.isEmpty()) {
        m_emptyHeadline->setText(tr("No accounts yet"));
        m_emptyText->setText(canUseEmulator
                ? tr("Add your remote-rendering account to see and manage its sessions here. Or try the built-in "
                     "local emulator first: it runs on this computer with demo sessions in every state, nothing to "
                     "set up.")
                : tr("Add your remote-rendering account to see and manage its sessions here."));
        m_emptyAddAccount->show();
        m_emptyNewSession->hide();
    } else if (!anyAnswered) {
        m_emptyHeadline->setText(tr("Asking for sessions…"));
        m_emptyText->setText(tr("Sessions appear here as soon as the service answers. The status bar below shows "
                                "how each account is doing; the request log shows every call."));
        m_emptyAddAccount->hide();
        m_emptyNewSession->hide();
    } else {
        m_emptyHeadline->setText(tr("No sessions"));
        m_emptyText->setText(tr("None of your accounts has a session right now. Start one with New session (%1).")
                                 .arg(m_newSession->shortcut().toString(QKeySequence::NativeText)));
        m_emptyAddAccount->hide();
        m_emptyNewSession->show();
    }
    m_stack->setCurrentWidget(m_emptyPage);
}

QList<SessionRef> MainWindow::selectedSessions() const
{
    return selectedWhere(&isAny);
}

QList<SessionRef> MainWindow::selectedWhere(bool (*accept)(int status)) const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<SessionRef> refs;
    for (const QModelIndex &row : rows) {
        if (!accept(row.data(SessionTableModel::StatusRole).toInt()))
            continue;
        refs.append({row.data(SessionTableModel::AccountRole).toString(),
            row.data(SessionTableModel::SessionIdRole).toString()});
    }
    return refs;
}

bool MainWindow::selectSession(const QString &account, const QString &sessionId)
{
    const int row = m_model->rowOf(account, sessionId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void MainWindow::updateActions()
{
    const bool hasAccounts = !m_monitor->accountNames().isEmpty();
    m_newSession->setEnabled(hasAccounts);
    m_refresh->setEnabled(hasAccounts);
    const int extendable = int(selectedWhere(&isExtendable).size());
    const int stoppable = int(selectedWhere(&isStoppable).size());
    m_extend->setEnabled(extendable > 0);
    m_stop->setEnabled(stoppable > 0);
    m_extend->setText(extendable > 1 ? tr("&Extend %n leases…", nullptr, extendable) : tr("&Extend lease…"));
    m_stop->setText(stoppable > 1 ? tr("&Stop %n sessions…", nullptr, stoppable) : tr("&Stop…"));
    const QList<SessionRef> selected = selectedSessions();
    m_copyId->setEnabled(selected.size() == 1);
    bool hasHostname = false;
    if (selected.size() == 1) {
        const Session *session
            = m_model->session(m_model->rowOf(selected.constFirst().account, selected.constFirst().sessionId));
        hasHostname = session && !session->hostname.isEmpty();
    }
    m_copyHostname->setEnabled(hasHostname);
}

void MainWindow::updateDetails()
{
    const QList<SessionRef> selected = selectedSessions();
    if (selected.isEmpty()) {
        m_details->showNothing();
        return;
    }
    if (selected.size() > 1) {
        m_details->showMultiple(int(selected.size()));
        return;
    }
    const int row = m_model->rowOf(selected.constFirst().account, selected.constFirst().sessionId);
    const Session *session = m_model->session(row);
    if (!session) {
        m_details->showNothing();
        return;
    }
    const QModelIndex index = m_model->index(row, SessionTableModel::RemainingColumn);
    SessionDetails details;
    details.account = m_model->accountAt(row);
    details.session = *session;
    details.remaining = m_model->remainingAt(row);
    details.level = SessionTableModel::RemainingLevel(index.data(SessionTableModel::RemainingLevelRole).toInt());
    if (details.remaining)
        details.leaseEndsAt = m_clock->now().addMSecs(details.remaining->totalMilliseconds());
    details.lastMsCv = index.data(SessionTableModel::LastMsCvRole).toByteArray();
    details.pendingCommand = index.data(SessionTableModel::PendingCommandRole).toString();
    m_details->showSession(details);
}

void MainWindow::copyFromSelection(bool hostname)
{
    const QList<SessionRef> selected = selectedSessions();
    if (selected.size() != 1)
        return;
    const Session *session
        = m_model->session(m_model->rowOf(selected.constFirst().account, selected.constFirst().sessionId));
    if (!session)
        return;
    const QString text = hostname ? session->hostname : session->id;
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    statusBar()->showMessage(
        hostname ? tr("Copied hostname %1").arg(text) : tr("Copied session id %1").arg(text), StatusMessageMs);
}

void MainWindow::showHeaderMenu(const QPoint &position)
{
    QMenu menu(this);
    QHeaderView *header = m_view->horizontalHeader();
    for (int column = 0; column < SessionTableModel::ColumnCount; ++column) {
        QAction *toggle = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
        toggle->setCheckable(true);
        toggle->setChecked(!header->isSectionHidden(column));
        // Keep at least one column.
        toggle->setEnabled(header->isSectionHidden(column) || header->count() - header->hiddenSectionCount() > 1);
        connect(toggle, &QAction::toggled, this, [header, column](bool on) { header->setSectionHidden(column, !on); });
    }
    menu.addSeparator();
    menu.addAction(tr("Reset columns"), this, &MainWindow::applyDefaultColumns);
    menu.exec(header->viewport()->mapToGlobal(position));
}

void MainWindow::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (index.isValid() && !m_view->selectionModel()->isRowSelected(index.row(), {}))
        m_view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_contextMenu->popup(m_view->viewport()->mapToGlobal(position));
}

CreateSessionDialog *MainWindow::newSession()
{
    QList<Account> accounts;
    const QStringList monitored = m_monitor->accountNames();
    for (const Account &account : m_accounts->activeAccounts()) {
        if (monitored.contains(account.name))
            accounts.append(account);
    }
    auto *dialog = new CreateSessionDialog(accounts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QList<SessionRef> selected = selectedSessions();
    dialog->setAccount(selected.isEmpty() ? m_settings->value(Settings::Key::LastCreateAccount).toString()
                                          : selected.constFirst().account);
    dialog->setSize(m_settings->value(Settings::Key::LastCreateSize).toString());
    dialog->setLease(TimeSpan::fromMinutes(m_settings->value(Settings::Key::LastCreateLeaseMinutes).toInt()));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString account = dialog->account();
        const CreateSessionRequest request = dialog->request();
        m_settings->setValue(Settings::Key::LastCreateAccount, account);
        m_settings->setValue(Settings::Key::LastCreateSize, request.size);
        m_settings->setValue(Settings::Key::LastCreateLeaseMinutes, request.maxLease.totalMinutes());
        m_workspace->createSession(account, request);
        statusBar()->showMessage(tr("Creating a %1 session on %2…").arg(request.size, account), StatusMessageMs);
    });
    dialog->open();
    return dialog;
}

ExtendSessionDialog *MainWindow::extendSelected()
{
    QList<ExtendTarget> targets;
    for (const SessionRef &ref : selectedWhere(&isExtendable)) {
        const int row = m_model->rowOf(ref.account, ref.sessionId);
        const Session *session = m_model->session(row);
        if (!session || !session->maxLease)
            continue;
        targets.append({ref.account, ref.sessionId, *session->maxLease, m_model->remainingAt(row)});
    }
    if (targets.isEmpty()) {
        statusBar()->showMessage(tr("Select a starting or ready session to extend."), StatusMessageMs);
        return nullptr;
    }
    auto *dialog = new ExtendSessionDialog(targets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QList<ExtendTarget> chosen = dialog->targets();
        for (const ExtendTarget &target : chosen) {
            if (const auto lease = dialog->newLeaseFor(target))
                m_workspace->extendSession(target.account, target.sessionId, *lease);
        }
        statusBar()->showMessage(tr("Extending %n lease(s)…", nullptr, int(chosen.size())), StatusMessageMs);
    });
    dialog->open();
    return dialog;
}

QString MainWindow::describeForConfirmation(const SessionRef &ref) const
{
    const int row = m_model->rowOf(ref.account, ref.sessionId);
    const Session *session = m_model->session(row);
    if (!session)
        return tr("• %1 (%2)").arg(ref.sessionId, ref.account);
    const auto remaining = m_model->remainingAt(row);
    return tr("• %1 (%2, %3, %4, %5 left)")
        .arg(ref.sessionId, ref.account, session->statusLabel(), session->size,
            remaining ? remaining->toDisplayString() : tr("unknown time"));
}

void MainWindow::stopSelected()
{
    const QList<SessionRef> targets = selectedWhere(&isStoppable);
    if (targets.isEmpty()) {
        statusBar()->showMessage(tr("Select a session that is running to stop it."), StatusMessageMs);
        return;
    }
    QStringList lines;
    for (const SessionRef &ref : targets)
        lines.append(describeForConfirmation(ref));
    const QString text = tr("Stop %n session(s)? A stopped session cannot be restarted, and whoever is connected "
                            "to it is disconnected.",
                             nullptr, int(targets.size()))
        + u"\n\n"_s + lines.join(u'\n');
    const QString accept = targets.size() == 1 ? tr("Stop session %1").arg(targets.constFirst().sessionId)
                                               : tr("Stop %n sessions", nullptr, int(targets.size()));
    if (!m_prompter->confirm(this, tr("Stop sessions"), text, accept))
        return;
    for (const SessionRef &ref : targets)
        m_workspace->stopSession(ref.account, ref.sessionId);
    statusBar()->showMessage(tr("Stopping %n session(s)…", nullptr, int(targets.size())), StatusMessageMs);
}

void MainWindow::refresh()
{
    m_monitor->refresh();
    statusBar()->showMessage(tr("Refreshing…"), 2000);
}

AccountsDialog *MainWindow::showAccounts()
{
    if (m_accountsDialog) {
        m_accountsDialog->raise();
        m_accountsDialog->activateWindow();
        return m_accountsDialog;
    }
    m_accountsDialog = new AccountsDialog(m_accounts, m_prompter, this);
    m_accountsDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_accountsDialog->open();
    return m_accountsDialog;
}

PreferencesDialog *MainWindow::showPreferences()
{
    auto *dialog = new PreferencesDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &MainWindow::applyPreferences);
    dialog->open();
    return dialog;
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::onCommandFinished(const CommandOutcome &outcome)
{
    if (outcome.succeeded) {
        statusBar()->showMessage(outcome.description, StatusMessageMs);
        if (outcome.kind == CommandOutcome::Kind::Create && !outcome.sessionId.isEmpty())
            selectSession(outcome.account, outcome.sessionId);
        return;
    }
    QString title;
    QString context;
    switch (outcome.kind) {
    case CommandOutcome::Kind::Create:
        title = tr("Could not create a session");
        context = tr("Could not create a session on %1.").arg(outcome.account);
        break;
    case CommandOutcome::Kind::Extend:
        title = tr("Could not extend a lease");
        context = tr("Could not extend the lease of session %1 (%2).").arg(outcome.sessionId, outcome.account);
        break;
    case CommandOutcome::Kind::Stop:
        title = tr("Could not stop a session");
        context = tr("Could not stop session %1 (%2).").arg(outcome.sessionId, outcome.account);
        break;
    }
    statusBar()->showMessage(outcome.description, StatusMessageMs);
    m_prompter->showError(this, title, context, outcome.result);
}

} // namespace arr
