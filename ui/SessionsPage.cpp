#include "ui/SessionsPage.h"

#include "core/Clock.h"
#include "storage/Settings.h"
#include "ui/DetailsPane.h"
#include "ui/SessionColumns.h"
#include "ui/SessionFilterProxy.h"
#include "ui/SessionItemDelegate.h"
#include "ui/SessionTableModel.h"
#include "workspace/SessionActions.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

struct StatusPreset
{
    const char *label;
    QList<SessionStatus> statuses;
};

QList<StatusPreset> statusPresets()
{
    return {
        {QT_TRANSLATE_NOOP("arr::SessionsPage", "All statuses"), {}},
        {QT_TRANSLATE_NOOP("arr::SessionsPage", "Live (starting, ready, stopping)"),
            {SessionStatus::Starting, SessionStatus::Ready, SessionStatus::Stopping}},
        {QT_TRANSLATE_NOOP("arr::SessionsPage", "Starting"), {SessionStatus::Starting}},
        {QT_TRANSLATE_NOOP("arr::SessionsPage", "Ready"), {SessionStatus::Ready}},
        {QT_TRANSLATE_NOOP("arr::SessionsPage", "Stopping"), {SessionStatus::Stopping}},
        {QT_TRANSLATE_NOOP("arr::SessionsPage", "Stopped"), {SessionStatus::Stopped}},
        {QT_TRANSLATE_NOOP("arr::SessionsPage", "Expired"), {SessionStatus::Expired}},
        {QT_TRANSLATE_NOOP("arr::SessionsPage", "Error"), {SessionStatus::Error}},
        {QT_TRANSLATE_NOOP("arr::SessionsPage", "Failed or expired"), {SessionStatus::Error, SessionStatus::Expired}},
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

SessionsPage::SessionsPage(SessionTableModel *model, const Clock *clock, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_clock(clock)
    , m_proxy(new SessionFilterProxy(this))
    , m_delegate(new SessionItemDelegate(this))
    , m_filterEdit(new QLineEdit(this))
    , m_statusCombo(new QComboBox(this))
    , m_hideFinished(new QCheckBox(tr("Hide stopped/expired"), this))
    , m_hideFinishedAction(new QAction(tr("&Hide stopped and expired"), this))
    , m_countLabel(new QLabel(this))
    , m_view(new QTableView(this))
    , m_details(new DetailsPane(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(u"sessionsPage"_s);
    m_proxy->setSourceModel(m_model);
    m_proxy->setDynamicSortFilter(true);
    QLayout *filterRow = createFilterRow();
    setUpTable();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(m_splitter, 1);

    connect(m_view, &QTableView::customContextMenuRequested, this, &SessionsPage::showContextMenu);
    connectFilters();
    updateCount();
    connectSelection();
    updateDetails();
}

QLayout *SessionsPage::createFilterRow()
{
    m_filterEdit->setObjectName(u"filterEdit"_s);
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setPlaceholderText(tr("Filter by account, id, hostname, status, size or message (Ctrl+F)"));
    m_statusCombo->setObjectName(u"statusFilterCombo"_s);
    for (const StatusPreset &preset : statusPresets())
        m_statusCombo->addItem(tr(preset.label), wireNames(preset.statuses));
    m_statusCombo->setToolTip(tr("Show only sessions in these states"));
    m_filterEdit->setAccessibleName(tr("Filter sessions"));
    m_statusCombo->setAccessibleName(tr("Status filter"));
    m_hideFinished->setObjectName(u"hideFinishedBox"_s);
    m_hideFinished->setToolTip(tr("Hide sessions that have stopped or expired (Ctrl+H)"));
    m_hideFinishedAction->setObjectName(u"hideFinishedAction"_s);
    m_hideFinishedAction->setCheckable(true);
    m_hideFinishedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_countLabel->setObjectName(u"countLabel"_s);
    m_countLabel->setEnabled(false);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(m_statusCombo);
    filterRow->addWidget(m_hideFinished);
    filterRow->addWidget(m_countLabel);
    return filterRow;
}

void SessionsPage::setUpTable()
{
    m_view->setObjectName(u"sessionView"_s);
    m_view->setAccessibleName(tr("Sessions"));
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
    // Fitting a column to its content measures the rows in view and this many more (Qt's default is
    // 1,000): every cell measured lays out its text, and with thousands of sessions that delayed the
    // first paint by about a tenth of a second, for widths that a few hundred rows already show.
    m_view->verticalHeader()->setResizeContentsPrecision(200);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    // Rows are selected whole: a title in bold for a "fully selected" column would mean nothing.
    header->setHighlightSections(false);
    m_columns = new SessionColumns(m_view);

    m_details->setObjectName(u"detailsPane"_s);
    m_splitter->setObjectName(u"sessionSplitter"_s);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setCollapsible(0, false);
    m_splitter->setSizes({1000, 300});
}

void SessionsPage::connectFilters()
{
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &SessionFilterProxy::setTextFilter);
    connect(m_statusCombo, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setStatusFilter(statusSetFrom(m_statusCombo->currentData().toString())); });
    connect(m_hideFinished, &QCheckBox::toggled, m_hideFinishedAction, &QAction::setChecked);
    connect(m_hideFinishedAction, &QAction::toggled, this, [this](bool hide) {
        m_proxy->setHideFinished(hide);
        m_hideFinished->setChecked(hide);
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &SessionsPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, m_columns, &SessionColumns::fitOnceWhenShown);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &SessionsPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &SessionsPage::updateCount);
}

void SessionsPage::connectSelection()
{
    const auto selectionMayHaveChanged = [this] {
        updateDetails();
        Q_EMIT selectionChanged();
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, selectionMayHaveChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, selectionMayHaveChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, selectionMayHaveChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SessionsPage::onModelDataChanged);
    connect(m_details, &DetailsPane::copied, this, &SessionsPage::copied);
}

SessionsPage::~SessionsPage() = default;

void SessionsPage::onModelDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    // The tick: nothing a command depends on has changed, only the time left.
    if (SessionTableModel::movesWithTime(topLeft.column(), bottomRight.column())) {
        updateRemaining();
        return;
    }
    // Who created a session: the details say so; nothing a command acts on changed.
    if (topLeft.column() == SessionTableModel::CreatedByColumn
        && bottomRight.column() == SessionTableModel::CreatedByColumn) {
        updateDetails();
        return;
    }
    updateDetails();
    Q_EMIT selectionChanged();
}

void SessionsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Once laid out at its shown size.
    if (m_columns->fitPending())
        QTimer::singleShot(0, m_columns, &SessionColumns::fitOnceWhenShown);
    // The first time the sessions are shown, the table takes the keyboard: the arrow keys move
    // through sessions at once and Ctrl+F reaches the filter. A filter box with the focus would
    // blink its cursor (and repaint) twice a second all day, in a window mostly left open to look at.
    if (!m_focusGiven) {
        m_focusGiven = true;
        m_view->setFocus(Qt::OtherFocusReason);
    }
}

void SessionsPage::updateCount()
{
    m_countLabel->setText(tr("%1 of %n sessions shown", nullptr, m_model->rowCount()).arg(m_proxy->rowCount()));
}

void SessionsPage::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

QList<SessionRef> SessionsPage::selectedSessions(bool (*accept)(int status)) const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<SessionRef> refs;
    for (const QModelIndex &row : rows) {
        if (accept && !accept(row.data(SessionTableModel::StatusRole).toInt()))
            continue;
        refs.append({row.data(SessionTableModel::AccountRole).toString(),
            row.data(SessionTableModel::SessionIdRole).toString()});
    }
    return refs;
}

bool SessionsPage::selectSession(const QString &account, const QString &sessionId)
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

const Session *SessionsPage::sessionFor(const SessionRef &ref) const
{
    return m_model->session(m_model->rowOf(ref.account, ref.sessionId));
}

std::optional<TimeSpan> SessionsPage::remainingFor(const SessionRef &ref) const
{
    const int row = m_model->rowOf(ref.account, ref.sessionId);
    return row < 0 ? std::nullopt : m_model->remainingAt(row);
}

void SessionsPage::updateDetails()
{
    const QList<SessionRef> selected = selectedSessions();
    m_shown = {};
    // With nothing selected the pane would only say so: the table takes its width until a session
    // is selected, and the pane comes back at the width it had (the splitter keeps it).
    m_details->setVisible(!selected.isEmpty());
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
    m_shown = selected.constFirst();
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
    if (const SessionActions *actions = m_model->actions(); actions && actions->isKnown(details.account, session->id))
        details.actions = actions->actionsOf(details.account, session->id);
    m_details->showSession(details);
}

void SessionsPage::updateRemaining()
{
    if (m_shown.sessionId.isEmpty())
        return;
    const int row = m_model->rowOf(m_shown.account, m_shown.sessionId);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, SessionTableModel::RemainingColumn);
    m_details->showRemaining(m_model->remainingAt(row),
        SessionTableModel::RemainingLevel(index.data(SessionTableModel::RemainingLevelRole).toInt()));
}

void SessionsPage::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (index.isValid() && !m_view->selectionModel()->isRowSelected(index.row(), {}))
        m_view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    Q_EMIT contextMenuRequested(m_view->viewport()->mapToGlobal(position));
}

void SessionsPage::restoreSettings(Settings *settings)
{
    m_splitter->restoreState(settings->value(Settings::Key::SplitterState).toByteArray());
    m_columns->restoreState(settings->value(Settings::Key::TableHeaderState).toByteArray(),
        settings->value(Settings::Key::TableColumnCount).toInt());

    const int sortColumn = settings->value(Settings::Key::SortColumn).toInt();
    const auto sortOrder = settings->value(Settings::Key::SortOrder).toInt() == int(Qt::DescendingOrder)
        ? Qt::DescendingOrder
        : Qt::AscendingOrder;
    if (sortColumn >= 0 && sortColumn < SessionTableModel::ColumnCount)
        m_view->sortByColumn(sortColumn, sortOrder);
    else
        m_view->sortByColumn(SessionTableModel::AccountColumn, Qt::AscendingOrder);

    // The filter widgets pass what they show on to the proxy.
    m_filterEdit->setText(settings->value(Settings::Key::TextFilter).toString());
    // A status filter is one of the presets the filter bar offers; anything else saved means all.
    const QSet<SessionStatus> statuses = statusSetFrom(settings->value(Settings::Key::StatusFilter).toString());
    int preset = 0;
    for (int i = 0; i < m_statusCombo->count(); ++i) {
        if (statusSetFrom(m_statusCombo->itemData(i).toString()) == statuses)
            preset = i;
    }
    m_statusCombo->setCurrentIndex(preset);
    m_hideFinishedAction->setChecked(settings->value(Settings::Key::HideFinishedSessions).toBool());
}

void SessionsPage::saveSettings(Settings *settings) const
{
    settings->setValue(Settings::Key::HideFinishedSessions, m_proxy->hidesFinished());
    settings->setValue(Settings::Key::SplitterState, m_splitter->saveState());
    QHeaderView *header = m_view->horizontalHeader();
    settings->setValue(Settings::Key::TableHeaderState, m_columns->saveState());
    settings->setValue(Settings::Key::TableColumnCount, int(SessionTableModel::ColumnCount));
    settings->setValue(Settings::Key::SortColumn, header->sortIndicatorSection());
    settings->setValue(Settings::Key::SortOrder, int(header->sortIndicatorOrder()));
    settings->setValue(Settings::Key::TextFilter, m_filterEdit->text());
    settings->setValue(Settings::Key::StatusFilter, m_statusCombo->currentData().toString());
}

} // namespace arr
