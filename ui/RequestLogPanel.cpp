#include "ui/RequestLogPanel.h"

#include "service/RequestLog.h"
#include "ui/RequestLogModel.h"
#include "ui/SessionStyle.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr {

RequestLogPanel::RequestLogPanel(RequestLog *log, QWidget *parent)
    : QWidget(parent)
    , m_log(log)
    , m_model(new RequestLogModel(log, this))
    , m_filter(new RequestLogFilter(this))
    , m_view(new QTableView(this))
    , m_errorsOnly(new QCheckBox(tr("&Errors only"), this))
    , m_copy(new QPushButton(style::icon(u"copy"_s), tr("&Copy rows"), this))
    , m_clear(new QPushButton(tr("C&lear"), this))
{
    m_filter->setSourceModel(m_model);
    m_view->setObjectName(u"requestLogView"_s);
    m_errorsOnly->setObjectName(u"requestLogErrorsOnlyBox"_s);
    m_copy->setObjectName(u"requestLogCopyButton"_s);
    m_clear->setObjectName(u"requestLogClearButton"_s);
    setUpView();

    m_copy->setToolTip(tr("Copy the selected rows as tab-separated lines, for a support ticket"));
    m_errorsOnly->setToolTip(tr("Show only requests that failed"));

    auto *hint = new QLabel(tr("Keys and tokens are never recorded."), this);
    hint->setEnabled(false);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_errorsOnly);
    controls->addWidget(hint);
    controls->addStretch(1);
    controls->addWidget(m_copy);
    controls->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(m_view);

    connect(m_errorsOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_filter->setErrorsOnly(on);
        Q_EMIT errorsOnlyChanged(on);
    });
    connect(m_copy, &QPushButton::clicked, this, &RequestLogPanel::copySelection);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        if (m_log)
            m_log->clear();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RequestLogPanel::updateButtons);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &RequestLogPanel::updateButtons);

    // Follow the newest row unless the user scrolled up to read something.
    QScrollBar *bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) { m_followNewest = value >= bar->maximum(); });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followNewest)
            m_view->scrollToBottom();
    });
    updateButtons();
}

void RequestLogPanel::setUpView()
{
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    // Cut at the end: an error reads from its start ("Connection refused by 127.0.0.1…"), and the
    // whole of it is in the tooltip.
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setAccessibleName(tr("Request log"));
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Rows are selected whole: a title in bold for a "fully selected" column would mean nothing.
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    setColumnWidths();

    auto *copyAction = new QAction(style::icon(u"copy"_s), tr("Copy rows for a support ticket"), m_view);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyAction, &QAction::triggered, this, &RequestLogPanel::copySelection);
    m_view->addAction(copyAction);
}

void RequestLogPanel::setColumnWidths()
{
    // Each column as wide as its typical content, and never narrower than its title, which runs
    // longer in some languages ("Dauer" for "Duration" does not, "Methode" for "Method" does).
    const QFontMetrics metrics = m_view->fontMetrics();
    const QHeaderView *header = m_view->horizontalHeader();
    const int headerMargin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    const auto setWidth = [this, header, headerMargin](int column, int contentWidth) {
        const QString title = m_view->model()->headerData(column, Qt::Horizontal).toString();
        m_view->setColumnWidth(
            column, std::max(contentWidth, header->fontMetrics().horizontalAdvance(title) + 2 * headerMargin + 4));
    };
    setWidth(RequestLogModel::TimeColumn, metrics.horizontalAdvance(u"00:00:00.000"_s) + 16);
    setWidth(RequestLogModel::AccountColumn, metrics.horizontalAdvance(u"Local emulator"_s) + 16);
    setWidth(RequestLogModel::MethodColumn, metrics.horizontalAdvance(u"DELETE"_s) + 16);
    // The path is narrower than a whole URL so that the error, the last column, gets the room.
    setWidth(RequestLogModel::PathColumn, metrics.horizontalAdvance(u"m"_s) * 26);
    setWidth(RequestLogModel::StatusColumn, metrics.horizontalAdvance(u"no answer"_s) + 16);
    setWidth(RequestLogModel::DurationColumn, metrics.horizontalAdvance(u"00000 ms"_s) + 16);
    setWidth(RequestLogModel::MsCvColumn, metrics.horizontalAdvance(u"m"_s) * 16);
}

void RequestLogPanel::setErrorsOnly(bool errorsOnly)
{
    m_errorsOnly->setChecked(errorsOnly);
}

bool RequestLogPanel::errorsOnly() const
{
    return m_errorsOnly->isChecked();
}

QString RequestLogPanel::selectedLines() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex &row : rows)
        lines.append(row.data(RequestLogModel::LineRole).toString());
    return lines.join(u'\n');
}

void RequestLogPanel::copySelection() const
{
    const QString text = selectedLines();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void RequestLogPanel::updateButtons()
{
    m_copy->setEnabled(m_view->selectionModel()->hasSelection());
}

QByteArray RequestLogPanel::saveHeaderState() const
{
    return m_view->horizontalHeader()->saveState();
}

void RequestLogPanel::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_view->horizontalHeader()->restoreState(state);
}

} // namespace arr
