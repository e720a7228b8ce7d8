#include "ui/SessionTableModel.h"

#include "core/Clock.h"
#include "monitor/LiveSessions.h"
#include "ui/SessionStyle.h"
#include "ui/WhoDidWhat.h"
#include "workspace/KeepAliveManager.h"
#include "workspace/SessionActions.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr {

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
    case CreatedByColumn:
        return createdBy(entry, Qt::DisplayRole);
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
        if (index.column() == CreatedByColumn) {
            if (const QVariant who = createdBy(entry, Qt::ToolTipRole); who.isValid())
                lines.append(who.toString());
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
    case CreatedByColumn:
        return tr("Created by");
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

void SessionTableModel::setActions(const SessionActions *actions)
{
    if (m_actions)
        disconnect(m_actions, nullptr, this, nullptr);
    m_actions = actions;
    if (m_actions)
        connect(m_actions, &SessionActions::changed, this, &SessionTableModel::actionsChanged);
}

void SessionTableModel::actionsChanged(const QString &account, const QStringList &sessionIds)
{
    for (const QString &id : sessionIds) {
        if (const int row = rowOf(account, id); row >= 0)
            Q_EMIT dataChanged(index(row, CreatedByColumn), index(row, CreatedByColumn),
                {Qt::DisplayRole, RawValueRole, Qt::ToolTipRole});
    }
}

QVariant SessionTableModel::createdBy(const TrackedSession &entry, int role) const
{
    // Not asked yet (or no history): nothing, rather than a guess.
    if (!m_actions || !m_actions->isKnown(entry.account, entry.session.id))
        return {};
    const QList<HistoryEvent> actions = m_actions->actionsOf(entry.account, entry.session.id);
    if (role == Qt::ToolTipRole) {
        if (!creatorOf(actions).isKnown())
            return tr("None of the programs of ARR Session Manager (the window, arrsm, arrsm watch) created this "
                      "session, or it was created before they recorded who did.");
        const QString changes = who::changesText(actions);
        return QString(tr("Created by %1").arg(who::creatorText(actions))
            + (changes.isEmpty() ? QString() : QString(u'\n' + changes)));
    }
    return who::actorText(creatorOf(actions));
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
