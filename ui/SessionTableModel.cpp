#include "ui/SessionTableModel.h"

#include "core/Clock.h"
#include "monitor/LiveSessions.h"
#include "ui/SessionStyle.h"
#include "workspace/KeepAliveManager.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

constexpr double HundredthOfAnHourMs = 36'000.0;

} // namespace

SessionTableModel::SessionTableModel(const LiveSessions *sessions, QObject *parent)
    : QAbstractTableModel(parent)
    , m_sessions(sessions)
{
    connect(m_sessions, &LiveSessions::aboutToInsert, this,
        [this](int first, int last) { beginInsertRows({}, first, last); });
    connect(m_sessions, &LiveSessions::inserted, this, [this] { endInsertRows(); });
    connect(m_sessions, &LiveSessions::aboutToRemove, this,
        [this](int first, int last) { beginRemoveRows({}, first, last); });
    connect(m_sessions, &LiveSessions::removed, this, [this] { endRemoveRows(); });
    connect(m_sessions, &LiveSessions::changed, this,
        [this](int first, int last) { Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1)); });
    connect(m_sessions, &LiveSessions::annotated, this, [this](int row) {
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1),
            {Qt::DisplayRole, RawValueRole, LastMsCvRole, PendingCommandRole});
    });
}

int SessionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_sessions->count();
}

int SessionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

SessionTableModel::RemainingLevel SessionTableModel::levelFor(const std::optional<TimeSpan> &remaining) const
{
    if (!remaining)
        return RemainingLevel::Unknown;
    const qint64 ms = remaining->totalMilliseconds();
    if (ms <= m_criticalMs)
        return RemainingLevel::Critical;
    if (ms <= m_warningMs)
        return RemainingLevel::Warning;
    return RemainingLevel::Normal;
}

QVariant SessionTableModel::displayValue(const TrackedSession &entry, int column) const
{
    const Session &s = entry.session;
    const auto span
        = [](const std::optional<TimeSpan> &value) { return value ? QVariant(value->toDisplayString()) : QVariant(); };
    switch (column) {
    case AccountColumn:
        return entry.account;
    case SessionIdColumn:
        return s.id;
    case StatusColumn:
        return entry.pendingCommand.isEmpty() ? s.statusLabel()
                                              : s.statusLabel() + u" \u2013 "_s + entry.pendingCommand;
    case SizeColumn:
        return s.size;
    case HostnameColumn:
        return s.hostname;
    case ElapsedColumn:
        return span(s.elapsed);
    case LeaseColumn:
        return span(s.maxLease);
    case RemainingColumn:
        if (isFinalStatus(s.status))
            return QVariant();
        return span(m_sessions->remaining(entry));
    case MessageColumn:
        return s.message;
    case TeraflopsColumn:
        return s.teraflops ? QVariant(QLocale().toString(*s.teraflops, 'f', 1)) : QVariant();
    case HandshakePortColumn:
        return s.handshakePort ? QVariant(*s.handshakePort) : QVariant();
    case CreatedColumn:
        return s.creationTime.isValid()
            ? QVariant(QLocale().toString(s.creationTime.toLocalTime(), QLocale::ShortFormat))
            : QVariant();
    case CostSoFarColumn:
    case CostAtLeaseEndColumn:
        return costDisplay(entry, column);
    case KeptAliveUntilColumn: {
        const QDateTime until = keptAliveUntil(entry).toLocalTime();
        if (!until.isValid())
            return {};
        // A time today is enough; another day says which.
        if (until.date() == m_sessions->clock()->now().toLocalTime().date())
            return QLocale().toString(until.time(), QLocale::ShortFormat);
        return QLocale().toString(until, QLocale::ShortFormat);
    }
    case ArrInspectorPortColumn:
        return s.arrInspectorPort ? QVariant(*s.arrInspectorPort) : QVariant();
    case ErrorCodeColumn:
        return s.errorCode;
    default:
        return {};
    }
}

QVariant SessionTableModel::rawValue(const TrackedSession &entry, int column) const
{
    const Session &s = entry.session;
    const auto ms = [](const std::optional<TimeSpan> &value) {
        return value ? QVariant(value->totalMilliseconds()) : QVariant();
    };
    switch (column) {
    case StatusColumn:
        return int(s.status);
    case ElapsedColumn:
        return ms(s.elapsed);
    case LeaseColumn:
        return ms(s.maxLease);
    case RemainingColumn:
        return ms(m_sessions->remaining(entry));
    case TeraflopsColumn:
        return s.teraflops ? QVariant(*s.teraflops) : QVariant();
    case HandshakePortColumn:
        return s.handshakePort ? QVariant(*s.handshakePort) : QVariant();
    case CreatedColumn:
        return s.creationTime;
    case ArrInspectorPortColumn:
        return s.arrInspectorPort ? QVariant(*s.arrInspectorPort) : QVariant();
    case CostSoFarColumn:
    case CostAtLeaseEndColumn:
        return costRaw(entry, column);
    case KeptAliveUntilColumn: {
        const QDateTime until = keptAliveUntil(entry);
        return until.isValid() ? QVariant(until.toMSecsSinceEpoch()) : QVariant();
    }
    default:
        return displayValue(entry, column);
    }
}

QVariant SessionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TrackedSession &entry = m_sessions->at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(entry, index.column());
    case Qt::ToolTipRole: {
        QStringList lines;
        if (const QDateTime since = m_staleSince.value(entry.account); since.isValid())
            lines.append(tr("As of %1: %2 is not answering, so this may no longer be the session's state.")
                             .arg(QLocale().toString(since.toLocalTime().time(), QLocale::ShortFormat), entry.account));
        if ((index.column() == MessageColumn || index.column() == StatusColumn) && !entry.session.message.isEmpty())
            lines.append(entry.session.message);
        if (index.column() == CostSoFarColumn || index.column() == CostAtLeaseEndColumn) {
            if (const QVariant cost = costToolTip(entry, index.column()); cost.isValid())
                lines.append(cost.toString());
        }
        if (index.column() == KeptAliveUntilColumn && m_keepAlive) {
            if (const auto spec = m_keepAlive->policy(entry.account, entry.session.id))
                lines.append(tr("Kept alive %1: extended by %2 when less than %3 is left.")
                                 .arg(spec->describe(), spec->step.toDisplayString(), spec->before.toDisplayString()));
        }
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
    }
    case Qt::AccessibleTextRole:
        // A screen reader reads a row cell by cell: the time left says something even when the
        // table shows nothing there.
        if (index.column() == RemainingColumn && displayValue(entry, index.column()).toString().isEmpty())
            return isFinalStatus(entry.session.status) ? tr("None, ended") : tr("Unknown");
        return {};
    case Qt::DecorationRole:
        if (index.column() == KeptAliveUntilColumn && keptAliveUntil(entry).isValid())
            return style::icon(u"keep-alive"_s);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ElapsedColumn || index.column() == LeaseColumn || index.column() == RemainingColumn
            || index.column() == TeraflopsColumn || index.column() == HandshakePortColumn
            || index.column() == ArrInspectorPortColumn || index.column() == CostSoFarColumn
            || index.column() == CostAtLeaseEndColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole:
        return rawValue(entry, index.column());
    case SessionIdRole:
        return entry.session.id;
    case AccountRole:
        return entry.account;
    case StatusRole:
        return int(entry.session.status);
    case RemainingLevelRole:
        return int(
            isFinalStatus(entry.session.status) ? RemainingLevel::Unknown : levelFor(m_sessions->remaining(entry)));
    case RemainingMsRole: {
        const auto remaining = m_sessions->remaining(entry);
        return remaining ? QVariant(remaining->totalMilliseconds()) : QVariant();
    }
    case LastMsCvRole:
        return entry.lastMsCv;
    case PendingCommandRole:
        return entry.pendingCommand;
    case StaleSinceRole:
        return m_staleSince.value(entry.account);
    default:
        return {};
    }
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AccountColumn:
        return tr("Account");
    case SessionIdColumn:
        return tr("Session ID");
    case StatusColumn:
        return tr("Status");
    case SizeColumn:
        return tr("Size");
    case HostnameColumn:
        return tr("Hostname");
    case ElapsedColumn:
        return tr("Elapsed");
    case LeaseColumn:
        return tr("Lease");
    case RemainingColumn:
        return tr("Remaining");
    case MessageColumn:
        return tr("Message");
    case TeraflopsColumn:
        return tr("Teraflops");
    case HandshakePortColumn:
        return tr("Handshake port");
    case CreatedColumn:
        return tr("Created");
    case CostSoFarColumn:
        return tr("Cost so far");
    case CostAtLeaseEndColumn:
        return tr("Cost at lease end");
    case KeptAliveUntilColumn:
        return tr("Kept alive until");
    case ArrInspectorPortColumn:
        return tr("Inspector port");
    case ErrorCodeColumn:
        return tr("Error code");
    default:
        return {};
    }
}

void SessionTableModel::tick()
{
    if (m_sessions->count() == 0)
        return;
    Q_EMIT dataChanged(index(0, RemainingColumn), index(m_sessions->count() - 1, RemainingColumn),
        {Qt::DisplayRole, RawValueRole, RemainingMsRole, RemainingLevelRole});
    // The costs move by a cent every few seconds at most: repainting them every second would draw
    // the same text again most of the time. Shown at most one step late, which is what rounding to
    // the cent already does.
    const qint64 now = m_sessions->clock()->monotonicMs();
    if (m_costTickedAtMs && now - *m_costTickedAtMs < m_costStepMs)
        return;
    m_costTickedAtMs = now;
    Q_EMIT dataChanged(index(0, CostSoFarColumn), index(m_sessions->count() - 1, CostAtLeaseEndColumn),
        {Qt::DisplayRole, RawValueRole, Qt::ToolTipRole});
}

void SessionTableModel::setKeepAlive(const KeepAliveManager *keepAlive)
{
    if (m_keepAlive)
        disconnect(m_keepAlive, nullptr, this, nullptr);
    m_keepAlive = keepAlive;
    if (m_keepAlive)
        connect(m_keepAlive, &KeepAliveManager::policiesChanged, this, &SessionTableModel::keepAliveChanged);
}

void SessionTableModel::keepAliveChanged(const QString &account, const QString &sessionId)
{
    const int row = rowOf(account, sessionId);
    if (row < 0)
        return;
    Q_EMIT dataChanged(index(row, KeptAliveUntilColumn), index(row, KeptAliveUntilColumn),
        {Qt::DisplayRole, Qt::DecorationRole, RawValueRole, Qt::ToolTipRole});
}

QDateTime SessionTableModel::keptAliveUntil(const TrackedSession &entry) const
{
    if (!m_keepAlive || m_keepAlive->count() == 0)
        return {};
    return m_keepAlive->keptAliveUntil(entry.account, entry.session.id);
}

bool SessionTableModel::movesWithTime(int first, int last)
{
    return (first == RemainingColumn && last == RemainingColumn)
        || (first >= CostSoFarColumn && last <= CostAtLeaseEndColumn);
}

void SessionTableModel::setPricing(const Pricing &pricing)
{
    m_pricing = pricing;
    // A hundredth of an hour (how billed hours are shown), or a cent at the highest price if that
    // comes sooner.
    double highest = 1.0;
    const auto consider = [&highest](const PriceList &list) {
        for (double price : list.hourly)
            highest = std::max(highest, price);
    };
    consider(pricing.defaults);
    for (const PriceList &list : pricing.accountOverrides)
        consider(list);
    m_costStepMs = std::max<qint64>(1000, qint64(HundredthOfAnHourMs / highest));
    if (m_sessions->count() == 0)
        return;
    Q_EMIT dataChanged(index(0, CostSoFarColumn), index(m_sessions->count() - 1, CostAtLeaseEndColumn),
        {Qt::DisplayRole, RawValueRole, Qt::ToolTipRole});
}

std::optional<TimeSpan> SessionTableModel::billedFor(const TrackedSession &entry, int column) const
{
    const Clock *clock = m_sessions->clock();
    const qint64 sincePoll = std::max<qint64>(0, clock->monotonicMs() - entry.observedAtMono);
    if (column == CostSoFarColumn)
        return billedTime(entry.session, sincePoll);
    return billedAtLeaseEnd(entry.session, sincePoll, clock->now());
}

QVariant SessionTableModel::costDisplay(const TrackedSession &entry, int column) const
{
    const auto billed = billedFor(entry, column);
    if (!billed)
        return {};
    const auto price = m_pricing.hourlyPrice(entry.account, entry.session.size);
    if (const auto amount = costOf(*billed, price))
        return formatMoney(*amount, m_pricing.currencyFor(entry.account), QLocale());
    return formatBilledHours(*billed, QLocale());
}

QVariant SessionTableModel::costRaw(const TrackedSession &entry, int column) const
{
    // Sorted on the amount when there is a price, else on the billed milliseconds: in a table
    // where every session has a price (or none has) the order is the one people expect.
    const auto billed = billedFor(entry, column);
    if (!billed)
        return {};
    if (const auto amount = costOf(*billed, m_pricing.hourlyPrice(entry.account, entry.session.size)))
        return *amount;
    return double(billed->totalMilliseconds());
}

QVariant SessionTableModel::costToolTip(const TrackedSession &entry, int column) const
{
    const auto billed = billedFor(entry, column);
    if (!billed)
        return tr("The service did not say how long this session has been ready.");
    const QLocale locale;
    const QString hours = formatBilledHours(*billed, locale);
    const auto price = m_pricing.hourlyPrice(entry.account, entry.session.size);
    if (!price)
        return tr("%1 billed (time ready). No price is set for size \"%2\": set one in Preferences.")
            .arg(hours, entry.session.size);
    QString text
        = tr("%1 billed × %2 per hour").arg(hours, formatMoney(*price, m_pricing.currencyFor(entry.account), locale));
    if (m_pricing.examples)
        text += u" "_s + tr("(example prices)");
    return text;
}

void SessionTableModel::setThresholds(qint64 warningMs, qint64 criticalMs)
{
    m_warningMs = std::max(warningMs, criticalMs);
    m_criticalMs = criticalMs;
    tick();
}

void SessionTableModel::setAccountStale(const QString &account, const QDateTime &lastConfirmed)
{
    if (m_staleSince.value(account) == lastConfirmed)
        return;
    if (lastConfirmed.isValid())
        m_staleSince.insert(account, lastConfirmed);
    else
        m_staleSince.remove(account);
    // An account's rows are not necessarily together: one signal spanning the first to the last.
    int first = -1;
    int last = -1;
    for (int row = 0; row < m_sessions->count(); ++row) {
        if (m_sessions->at(row).account != account)
            continue;
        if (first < 0)
            first = row;
        last = row;
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1), {Qt::ToolTipRole, StaleSinceRole});
}

int SessionTableModel::rowOf(const QString &account, const QString &sessionId) const
{
    return m_sessions->indexOf(account, sessionId);
}

const Session *SessionTableModel::session(int row) const
{
    return row >= 0 && row < m_sessions->count() ? &m_sessions->at(row).session : nullptr;
}

QString SessionTableModel::accountAt(int row) const
{
    return row >= 0 && row < m_sessions->count() ? m_sessions->at(row).account : QString();
}

std::optional<TimeSpan> SessionTableModel::remainingAt(int row) const
{
    return m_sessions->remaining(row);
}

} // namespace arr
