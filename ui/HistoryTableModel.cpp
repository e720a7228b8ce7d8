#include "ui/HistoryTableModel.h"

#include "core/Session.h"
#include "core/TimeSpan.h"
#include "ui/WhoDidWhat.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace arr {

HistoryTableModel::HistoryTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void HistoryTableModel::setSessions(const QList<HistorySession> &sessions)
{
    beginResetModel();
    m_sessions = sessions;
    endResetModel();
}

void HistoryTableModel::setPricing(const Pricing &pricing)
{
    m_pricing = pricing;
    if (!m_sessions.isEmpty())
        Q_EMIT dataChanged(index(0, CostColumn), index(int(m_sessions.size()) - 1, CostColumn), {Qt::DisplayRole});
}

int HistoryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

int HistoryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HistoryTableModel::timeText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString HistoryTableModel::statusText(const HistorySession &session)
{
    const SessionStatus status = parseSessionStatus(session.status);
    const QString name = status == SessionStatus::Unknown ? session.status : sessionStatusDisplayName(status);
    return session.closedUnseen ? tr("%1 (gone from the list)").arg(name) : name;
}

QVariant HistoryTableModel::display(const HistorySession &s, int column) const
{
    const QLocale locale;
    switch (column) {
    case AccountColumn:
        return s.account;
    case SessionIdColumn:
        return s.sessionId;
    case SizeColumn:
        return s.size;
    case StatusColumn:
        return statusText(s);
    case FirstSeenColumn:
        return timeText(s.firstSeen);
    case ReadyAtColumn:
        // Ready when first seen: worked out from the service's elapsed time, and shown as such.
        return s.readyAtDerived ? tr("≈ %1").arg(timeText(s.readyAt)) : timeText(s.readyAt);
    case EndedAtColumn:
        return timeText(s.endedAt);
    case BilledColumn:
        return formatBilledHours(TimeSpan::fromSeconds(s.billedSeconds), locale);
    case CostColumn:
        // No price then: no amount, never a made-up one.
        return s.cost ? formatMoney(*s.cost, m_pricing.currencyFor(s.account), locale) : QString();
    case ExtendsColumn:
        return s.extendCount;
    case OriginColumn: {
        QStringList parts;
        if (s.createdHere)
            parts << tr("created here");
        if (s.stoppedHere)
            parts << tr("stopped here");
        return parts.join(u", "_s);
    }
    case CreatedByColumn:
        return who::actorText(s.createdBy);
    case MessageColumn:
        return s.lastMessage;
    default:
        return {};
    }
}

QVariant HistoryTableModel::sortValue(const HistorySession &s, int column) const
{
    const auto time = [](const QDateTime &t) { return t.isValid() ? t.toMSecsSinceEpoch() : qint64(-1); };
    switch (column) {
    case FirstSeenColumn:
        return time(s.firstSeen);
    case ReadyAtColumn:
        return time(s.readyAt);
    case EndedAtColumn:
        return time(s.endedAt);
    case BilledColumn:
        return s.billedSeconds;
    case CostColumn:
        return s.cost ? *s.cost : -1.0;
    case ExtendsColumn:
        return s.extendCount;
    case OriginColumn:
        return int(s.createdHere) * 2 + int(s.stoppedHere);
    default:
        return display(s, column);
    }
}

QVariant HistoryTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_sessions.size())
        return {};
    const HistorySession &s = m_sessions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(s, index.column());
    case SortRole:
        return sortValue(s, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ReadyAtColumn && s.readyAtDerived)
            return tr("The session was already ready when first seen: this time is derived from the elapsed "
                      "time the service reported.");
        if (index.column() == CostColumn && !s.cost)
            return tr("No price was set for this size when the session was recorded.");
        if (index.column() == StatusColumn && s.closedUnseen)
            return tr("The session disappeared from the list without a final status; it is closed at its last "
                      "known state.");
        if (index.column() == MessageColumn && !s.lastMessage.isEmpty())
            return s.lastMessage;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == BilledColumn || index.column() == CostColumn || index.column() == ExtendsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant HistoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AccountColumn:
        return tr("Account");
    case SessionIdColumn:
        return tr("Session ID");
    case SizeColumn:
        return tr("Size");
    case StatusColumn:
        return tr("Status");
    case FirstSeenColumn:
        return tr("First seen");
    case ReadyAtColumn:
        return tr("Ready at");
    case EndedAtColumn:
        return tr("Ended at");
    case BilledColumn:
        return tr("Billed time");
    case CostColumn:
        return tr("Cost");
    case ExtendsColumn:
        return tr("Extends");
    case OriginColumn:
        return tr("This computer");
    case CreatedByColumn:
        return tr("Created by");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace arr
