#include "ui/SessionColumns.h"

#include "ui/SessionTableModel.h"
#include "ui/WidgetHelpers.h"

#include <QAction>
#include <QHash>
#include <QHeaderView>
#include <QMenu>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// Fields of the 2021-01-01 API: available from the header's menu, hidden by default, so that a v1
// account does not show five empty columns; and who created each session, which matters when asked.
QList<int> hiddenByDefault()
{
    return {SessionTableModel::TeraflopsColumn, SessionTableModel::HandshakePortColumn,
        SessionTableModel::ArrInspectorPortColumn, SessionTableModel::CreatedColumn, SessionTableModel::ErrorCodeColumn,
        SessionTableModel::CreatedByColumn};
}

} // namespace

SessionColumns::SessionColumns(QTableView *view)
    : QObject(view)
    , m_view(view)
{
    QHeaderView *header = m_view->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &SessionColumns::showMenu);
}

void SessionColumns::fitOnceWhenShown()
{
    // The view measures only the rows it shows: hidden (the empty page in front), it has none yet.
    if (!m_fitPending || m_view->model()->rowCount() == 0 || !m_view->isVisible())
        return;
    m_fitPending = false;
    // The first sessions shown without a layout the user chose: every column as wide as its
    // content (never narrower than the default, never wider than 70 % of the table), so that ids and
    // hostnames are read whole. The header's state, saved on close, keeps it and any later choice.
    QHeaderView *header = m_view->horizontalHeader();
    const int widest = qMax(m_view->fontMetrics().averageCharWidth() * 24, m_view->viewport()->width() * 7 / 10);
    QHash<int, int> defaults;
    for (int column = 0; column < SessionTableModel::ColumnCount; ++column) {
        if (header->isSectionHidden(column))
            continue;
        defaults.insert(column, header->sectionSize(column));
        if (column == SessionTableModel::MessageColumn)
            continue;
        // QTableView keeps its override protected; the base class's is public.
        const int fitted = qMax(
            static_cast<const QAbstractItemView *>(m_view)->sizeHintForColumn(column), header->sectionSizeHint(column));
        if (fitted > header->sectionSize(column))
            header->resizeSection(column, qMin(fitted, widest));
    }
    fitIntoView(defaults);
}

void SessionColumns::fitIntoView(const QHash<int, int> &defaults)
{
    // Every column stays in view, without a horizontal scroll bar, the message (the last, stretched
    // column, which keeps its default width at least) too. What is too much is taken from the columns elided
    // in the middle, whose two ends still tell one session from another: the hostnames, then the
    // ids, first back to their default width, then down to some fourteen characters.
    QHeaderView *header = m_view->horizontalHeader();
    int needed = 0;
    for (int column = 0; column < SessionTableModel::ColumnCount; ++column) {
        if (!header->isSectionHidden(column))
            needed += column == SessionTableModel::MessageColumn
                ? qMax(header->sectionSizeHint(column), defaults.value(column))
                : header->sectionSize(column);
    }
    int overflow = needed - m_view->viewport()->width();
    const int floor = m_view->fontMetrics().averageCharWidth() * 14;
    const QList<int> elided{SessionTableModel::HostnameColumn, SessionTableModel::SessionIdColumn};
    int room = 0;
    for (int column : elided)
        room += header->isSectionHidden(column) ? 0 : qMax(0, header->sectionSize(column) - floor);
    // A table too narrow for its columns however narrow these are scrolls anyway: it keeps them whole.
    if (overflow > room)
        return;
    for (bool toDefault : {true, false}) {
        for (int column : elided) {
            if (overflow <= 0 || header->isSectionHidden(column))
                continue;
            const int least = toDefault ? defaults.value(column, header->sectionSize(column)) : floor;
            const int shrink = qMin(overflow, header->sectionSize(column) - least);
            if (shrink > 0) {
                header->resizeSection(column, header->sectionSize(column) - shrink);
                overflow -= shrink;
            }
        }
    }
}

void SessionColumns::fillMenu(QMenu *menu)
{
    menu->clear();
    addColumnToggles(menu, m_view);
    menu->addSeparator();
    menu->addAction(tr("Reset columns"), this, &SessionColumns::applyDefaults);
}

void SessionColumns::showMenu(const QPoint &position)
{
    QMenu menu(m_view);
    menu.setObjectName(u"columnMenu"_s);
    fillMenu(&menu);
    menu.exec(m_view->horizontalHeader()->viewport()->mapToGlobal(position));
}

void SessionColumns::applyDefaults()
{
    QHeaderView *header = m_view->horizontalHeader();
    const QFontMetrics metrics = m_view->fontMetrics();
    const auto width = [&metrics](const QString &sample) { return metrics.horizontalAdvance(sample) + 24; };
    // What ops staff scan first comes first: who, which, what state, how long is left.
    const QList<int> order{SessionTableModel::AccountColumn, SessionTableModel::SessionIdColumn,
        SessionTableModel::StatusColumn, SessionTableModel::RemainingColumn, SessionTableModel::LeaseColumn,
        SessionTableModel::ElapsedColumn, SessionTableModel::SizeColumn, SessionTableModel::CostSoFarColumn,
        SessionTableModel::CostAtLeaseEndColumn, SessionTableModel::KeptAliveUntilColumn,
        SessionTableModel::HostnameColumn, SessionTableModel::MessageColumn, SessionTableModel::TeraflopsColumn,
        SessionTableModel::HandshakePortColumn, SessionTableModel::ArrInspectorPortColumn,
        SessionTableModel::CreatedColumn, SessionTableModel::ErrorCodeColumn, SessionTableModel::CreatedByColumn};
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
    // The header's words, with room for the keep-alive icon beside the time.
    m_view->setColumnWidth(SessionTableModel::KeptAliveUntilColumn, width(u"Kept alive until"_s) + 20);
    // Room for "$1,234.56" and for the header's words.
    m_view->setColumnWidth(SessionTableModel::CostSoFarColumn, width(u"Cost so far"_s));
    m_view->setColumnWidth(SessionTableModel::CostAtLeaseEndColumn, width(u"Cost at lease end"_s));
    m_view->setColumnWidth(SessionTableModel::HostnameColumn, width(u"00000000-0000.remoterendering"_s));
    m_view->setColumnWidth(SessionTableModel::MessageColumn, width(u"m"_s) * 3);
    m_view->setColumnWidth(SessionTableModel::TeraflopsColumn, width(u"Teraflops"_s));
    m_view->setColumnWidth(SessionTableModel::HandshakePortColumn, width(u"Handshake port"_s));
    m_view->setColumnWidth(SessionTableModel::ArrInspectorPortColumn, width(u"Inspector port"_s));
    m_view->setColumnWidth(SessionTableModel::CreatedColumn, width(u"00/00/0000 00:00"_s));
    m_view->setColumnWidth(SessionTableModel::ErrorCodeColumn, width(u"InternalServerError"_s));
    m_view->setColumnWidth(SessionTableModel::CreatedByColumn, width(u"someone on computer-01 (arrsm)"_s));
    for (int column : hiddenByDefault())
        header->setSectionHidden(column, true);
    header->setSortIndicator(SessionTableModel::AccountColumn, Qt::AscendingOrder);
}

void SessionColumns::restoreState(const QByteArray &state, int savedColumnCount)
{
    QHeaderView *header = m_view->horizontalHeader();
    if (state.isEmpty() || !header->restoreState(state)) {
        applyDefaults();
        m_fitPending = true;
        fitOnceWhenShown();
    } else {
        // A state saved by an earlier version shows the columns added since as visible: they take
        // the visibility a new user's table gives them instead.
        const QList<int> optional = hiddenByDefault();
        for (int column = qMax(0, savedColumnCount); column < SessionTableModel::ColumnCount; ++column)
            header->setSectionHidden(column, optional.contains(column));
    }
    // A saved state with every column hidden would leave an unusable table.
    if (header->hiddenSectionCount() >= SessionTableModel::ColumnCount)
        applyDefaults();
}

QByteArray SessionColumns::saveState() const
{
    return m_view->horizontalHeader()->saveState();
}

} // namespace arr
