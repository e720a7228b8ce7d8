#include "ui/HistoryWindow.h"

#include "core/Clock.h"
#include "core/Session.h"
#include "ui/HistoryAlertsList.h"
#include "ui/HistoryChart.h"
#include "ui/HistoryEventsPane.h"
#include "ui/HistoryRangePicker.h"
#include "ui/HistoryTableModel.h"
#include "ui/MessageBar.h"
#include "ui/WidgetHelpers.h"
#include "workspace/HistoryReader.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

constexpr int RefreshDelayMs = 2000;
// Shorter reads come and go without a word.
constexpr int ReadingNoteDelayMs = 400;

} // namespace

HistoryWindow::HistoryWindow(const HistoryLocation &location, const Clock *clock, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_clock(clock)
{
    setObjectName(u"historyWindow"_s);
    setWindowTitle(tr("Session history"));
    resize(1200, 800);

    m_problemBar = new MessageBar(this);
    m_problemBar->setObjectName(u"historyProblem"_s);
    m_problemBar->setClosable(false);
    m_messageBar = new MessageBar(this);
    m_messageBar->setObjectName(u"historyMessage"_s);

    auto *filters = new QWidget(this);
    buildFilters(filters);

    m_chart = new HistoryChart(this);
    m_chart->setObjectName(u"historyChart"_s);

    buildTable();
    m_alerts = new HistoryAlertsList(this);
    m_alerts->setObjectName(u"historyAlerts"_s);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"historyTabs"_s);
    m_tabs->addTab(m_table, tr("Sessions"));
    m_tabs->addTab(m_alerts, tr("Alerts"));

    m_eventsPane = new HistoryEventsPane(this);
    m_eventsPane->setObjectName(u"historyEventsPane"_s);
    m_eventsPane->hide();

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_eventsPane);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 1);
    splitter->setSizes({340, 400, 180});

    QLayout *bottom = buildBottomRow();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_problemBar);
    layout->addWidget(m_messageBar);
    layout->addWidget(filters);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_capNote);
    layout->addLayout(bottom);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(RefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &HistoryWindow::refresh);

    m_readingNote.setSingleShot(true);
    m_readingNote.setInterval(ReadingNoteDelayMs);
    connect(&m_readingNote, &QTimer::timeout, this, [this, team = location.isTeam()] {
        m_totals->setText(team ? tr("Reading the team history…") : tr("Reading the history…"));
    });

    if (location.kind() != HistoryLocation::Kind::Invalid || !location.error().isEmpty()) {
        m_reader = std::make_unique<HistoryReader>(location);
        connect(m_reader.get(), &HistoryReader::opened, this, &HistoryWindow::onOpened);
        connect(m_reader.get(), &HistoryReader::sessionsRead, this, &HistoryWindow::onSessionsRead);
        connect(m_reader.get(), &HistoryReader::eventsRead, this, &HistoryWindow::onEventsRead);
    }
    setRecorderProblem({});
}

HistoryWindow::~HistoryWindow() = default;

void HistoryWindow::buildTable()
{
    m_model = new HistoryTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(HistoryTableModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(u"historyTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HistoryTableModel::FirstSeenColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    // One line per session: a long message is in the tooltip and the export.
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Column widths from the first rows: measuring ten thousand would take longer than reading them.
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    m_table->setToolTip(tr("Double-click a session to see its events."));
    // As in the sessions table: who created a session is there when asked for (the header's menu).
    m_table->horizontalHeader()->setSectionHidden(HistoryTableModel::CreatedByColumn, true);
    offerColumnMenu(m_table);
    connect(m_table, &QAbstractItemView::doubleClicked, this, &HistoryWindow::showEvents);
    connect(m_table, &QAbstractItemView::activated, this, &HistoryWindow::showEvents);
}

QLayout *HistoryWindow::buildBottomRow()
{
    m_totals = new QLabel(this);
    m_totals->setObjectName(u"historyTotals"_s);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_capNote = new QLabel(this);
    m_capNote->setObjectName(u"historyCapNote"_s);
    m_capNote->setWordWrap(true);
    m_capNote->hide();
    m_exportCsv = new QPushButton(tr("Export CSV…"), this);
    m_exportCsv->setObjectName(u"historyExportCsv"_s);
    m_exportJson = new QPushButton(tr("Export JSON…"), this);
    m_exportJson->setObjectName(u"historyExportJson"_s);
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { chooseExportFile(ExportFormat::Csv); });
    connect(m_exportJson, &QPushButton::clicked, this, [this] { chooseExportFile(ExportFormat::Json); });
    m_copyToTeam = new QPushButton(tr("Copy This Computer's History Here"), this);
    m_copyToTeam->setObjectName(u"historyCopyToTeam"_s);
    m_copyToTeam->setToolTip(tr("Adds the sessions this computer recorded before it shared the team's database. "
                                "Safe to do twice: nothing is counted again."));
    m_copyToTeam->hide();
    connect(m_copyToTeam, &QPushButton::clicked, this, &HistoryWindow::copyToTeamRequested);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_totals, 1);
    bottom->addWidget(m_copyToTeam);
    bottom->addWidget(m_exportCsv);
    bottom->addWidget(m_exportJson);
    return bottom;
}

void HistoryWindow::offerCopyToTeam(bool offer)
{
    m_copyToTeam->setVisible(offer);
}

void HistoryWindow::setCopying(bool copying)
{
    m_copyToTeam->setEnabled(!copying);
    if (copying)
        m_messageBar->showMessage(MessageBar::Kind::Information, tr("Copying this computer's history…"));
}

void HistoryWindow::showCopyResult(bool ok, const QString &text)
{
    m_messageBar->showMessage(ok ? MessageBar::Kind::Information : MessageBar::Kind::Error, text);
    if (ok)
        refresh();
}

void HistoryWindow::buildFilters(QWidget *bar)
{
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_range = new HistoryRangePicker(bar, row, m_clock);
    connect(m_range, &HistoryRangePicker::changed, this, &HistoryWindow::refresh);

    m_account = new QComboBox(bar);
    m_account->setObjectName(u"historyAccount"_s);
    m_account->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_account->addItem(tr("All accounts"), QString());
    m_status = new QComboBox(bar);
    m_status->setObjectName(u"historyStatus"_s);
    m_status->addItem(tr("All statuses"), QString());
    for (SessionStatus status : {SessionStatus::Starting, SessionStatus::Ready, SessionStatus::Stopping,
             SessionStatus::Stopped, SessionStatus::Expired, SessionStatus::Error})
        m_status->addItem(sessionStatusDisplayName(status), sessionStatusWireName(status));
    m_text = new QLineEdit(bar);
    m_text->setObjectName(u"historyText"_s);
    m_text->setClearButtonEnabled(true);
    m_text->setPlaceholderText(tr("Session ID, size or message"));
    connect(m_account, &QComboBox::currentIndexChanged, this, &HistoryWindow::applyFilters);
    connect(m_status, &QComboBox::currentIndexChanged, this, &HistoryWindow::applyFilters);
    connect(m_text, &QLineEdit::textChanged, this, &HistoryWindow::applyFilters);
    auto *reload = new QPushButton(tr("Refresh"), bar);
    reload->setObjectName(u"historyRefresh"_s);
    connect(reload, &QPushButton::clicked, this, &HistoryWindow::refresh);

    row->addSpacing(12);
    addLabelled(row, tr("&Account:"), m_account);
    addLabelled(row, tr("&Status:"), m_status);
    row->addWidget(m_text, 1);
    row->addWidget(reload);
}

void HistoryWindow::setAccounts(const QList<Account> &accounts)
{
    if (m_reader)
        m_reader->setAccounts(accounts);
}

void HistoryWindow::setPricing(const Pricing &pricing)
{
    m_pricing = pricing;
    m_model->setPricing(pricing);
}

void HistoryWindow::setRecorderProblem(const QString &problem)
{
    m_recorderProblem = problem;
    updateProblemBar();
}

void HistoryWindow::updateProblemBar()
{
    const QString &problem = m_recorderProblem;
    if (m_reader && !m_readError.isEmpty()) {
        // What could be read is not shown either: a part would read as a shorter history.
        m_problemBar->showMessage(MessageBar::Kind::Error,
            tr("The session history could not be read, so nothing is shown. %1").arg(m_readError));
    } else if (!m_reader) {
        m_problemBar->showMessage(
            MessageBar::Kind::Information, tr("No history is kept in demo mode: its sessions are made up."));
    } else if (!m_storeOpen) {
        m_problemBar->showMessage(
            MessageBar::Kind::Error, tr("The session history cannot be read. %1").arg(m_storeProblem));
    } else if (!problem.isEmpty() || !m_storeProblem.isEmpty()) {
        m_problemBar->showMessage(MessageBar::Kind::Warning, problem.isEmpty() ? m_storeProblem : problem);
    } else {
        m_problemBar->hide();
    }
    const bool readable = m_reader && m_storeOpen && m_readError.isEmpty();
    m_exportCsv->setEnabled(readable);
    m_exportJson->setEnabled(readable);
}

void HistoryWindow::setRange(Range range)
{
    m_range->setRange(range);
}

void HistoryWindow::setCustomRange(QDate first, QDate last)
{
    m_range->setCustomRange(first, last);
}

void HistoryWindow::refresh()
{
    m_refreshTimer.stop();
    const auto [first, last] = m_range->dates();
    if (m_reader && first <= last) {
        HistoryQuery query;
        query.since = QDateTime(first, QTime(0, 0));
        query.until = QDateTime(last.addDays(1), QTime(0, 0));
        // One more than shown tells whether the range holds more.
        query.limit = MaxRows + 1;
        m_sessionsTicket = m_reader->readSessions(query);
        if (!m_readingNote.isActive())
            m_readingNote.start();
        return;
    }
    // Nothing to read: no history, or a range that ends before it starts.
    m_sessionsTicket = 0;
    onSessionsRead(0, {}, {}, {});
}

void HistoryWindow::onSessionsRead(
    int ticket, const QList<HistorySession> &sessions, const QList<HistoryAlert> &alerts, const QString &readError)
{
    if (ticket != m_sessionsTicket)
        return;
    m_readingNote.stop();
    m_read = sessions;
    m_readAlerts = alerts;
    m_capped = m_read.size() > MaxRows;
    if (m_capped)
        m_read.resize(MaxRows);
    if (readError != m_readError) {
        m_readError = readError;
        updateProblemBar();
    }
    fillAccountFilter();
    m_capNote->setVisible(m_capped);
    m_capNote->setText(
        tr("Only the newest %L1 sessions of this range are shown, counted and exported: choose a shorter range to "
           "see the others.")
            .arg(MaxRows));
    applyFilters();
    Q_EMIT readFinished();
}

void HistoryWindow::onOpened(bool isOpen, const QString &problem)
{
    m_storeOpen = isOpen;
    m_storeProblem = problem;
    updateProblemBar();
}

void HistoryWindow::fillAccountFilter()
{
    // The accounts of the range, keeping the one chosen even when the range has none of its sessions.
    const QString chosen = m_account->currentData().toString();
    QStringList accounts;
    for (const HistorySession &s : std::as_const(m_read)) {
        if (!accounts.contains(s.account))
            accounts.append(s.account);
    }
    for (const HistoryAlert &alert : std::as_const(m_readAlerts)) {
        if (!accounts.contains(alert.account))
            accounts.append(alert.account);
    }
    if (!chosen.isEmpty() && !accounts.contains(chosen))
        accounts.append(chosen);
    accounts.sort(Qt::CaseInsensitive);
    const QSignalBlocker block(m_account);
    while (m_account->count() > 1)
        m_account->removeItem(1);
    for (const QString &account : std::as_const(accounts))
        m_account->addItem(account, account);
    m_account->setCurrentIndex(std::max(0, m_account->findData(chosen)));
}

void HistoryWindow::refreshSoon()
{
    if (isVisible() && !m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void HistoryWindow::applyFilters()
{
    const QString account = m_account->currentData().toString();
    const SessionStatus status = parseSessionStatus(m_status->currentData().toString());
    const bool anyStatus = m_status->currentData().toString().isEmpty();
    const QString text = m_text->text().trimmed();
    m_selection.clear();
    for (const HistorySession &s : std::as_const(m_read)) {
        if (!account.isEmpty() && s.account != account)
            continue;
        if (!anyStatus && parseSessionStatus(s.status) != status)
            continue;
        if (!text.isEmpty() && !s.sessionId.contains(text, Qt::CaseInsensitive)
            && !s.size.contains(text, Qt::CaseInsensitive) && !s.lastMessage.contains(text, Qt::CaseInsensitive))
            continue;
        m_selection.append(s);
    }
    m_model->setSessions(m_selection);
    m_table->resizeColumnsToContents();
    m_alerts->setAlerts(m_readAlerts, account);
    m_tabs->setTabText(m_tabs->indexOf(m_alerts), tr("Alerts (%n)", nullptr, m_alerts->topLevelItemCount()));
    const auto [first, last] = m_range->dates();
    m_chart->setSessions(m_selection, m_pricing, first, last);
    updateTotals();
}

void HistoryWindow::updateTotals()
{
    const auto [first, last] = m_range->dates();
    if (first > last) {
        m_totals->setText(tr("The range ends before it starts: choose a later end date."));
        return;
    }
    // The amounts recorded at the prices then in force, per currency; sessions without one count as
    // billed time only.
    CostTotal total;
    for (const HistorySession &s : std::as_const(m_selection)) {
        const TimeSpan billed = TimeSpan::fromSeconds(s.billedSeconds);
        total.billedTime = total.billedTime + billed;
        if (s.cost) {
            const QString currency = m_pricing.currencyFor(s.account);
            total.amounts[currency] = total.amounts.value(currency) + *s.cost;
        } else {
            total.unpricedTime = total.unpricedTime + billed;
        }
    }
    for (double &amount : total.amounts)
        amount = roundToCents(amount);
    const QLocale locale;
    const QString sessions = tr("%n session(s)", nullptr, int(m_selection.size()));
    const QString billed = formatBilledHours(total.billedTime, locale);
    m_totals->setText(total.hasAmount()
            ? tr("%1 · billed %2 · cost %3").arg(sessions, billed, total.toDisplayString(locale))
            : tr("%1 · billed %2 · no price was set, so no cost is shown").arg(sessions, billed));
}

void HistoryWindow::showEvents(const QModelIndex &index)
{
    const QModelIndex source = m_proxy->mapToSource(index);
    if (!source.isValid() || !m_reader)
        return;
    m_eventsOf = m_model->session(source.row());
    m_eventsTicket = m_reader->readEvents(m_eventsOf.accountKey, m_eventsOf.sessionId);
}

void HistoryWindow::onEventsRead(int ticket, const QList<HistoryEvent> &events, const QString &readError)
{
    if (ticket != m_eventsTicket)
        return;
    if (!readError.isEmpty()) {
        m_messageBar->showMessage(MessageBar::Kind::Error, readError);
        return;
    }
    m_eventsPane->showEvents(m_eventsOf, events);
    m_eventsPane->show();
}

} // namespace arr
