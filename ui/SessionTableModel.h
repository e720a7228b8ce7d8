#pragma once

#include "core/Cost.h"
#include "core/Session.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

#include <optional>

namespace arr {

class KeepAliveManager;
class LiveSessions;
class SessionActions;
struct TrackedSession;

// The window's view of the monitor's LiveSessions: one row per entry, in the same order. A poll
// reaches the view as the diff LiveSessions announces (rows inserted, removed, and dataChanged only
// for rows that changed), never a reset; the one-second tick signals one dataChanged for the
// countdown column alone, whose value LiveSessions computes from the last poll and the clock.
class SessionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        AccountColumn,
        SessionIdColumn,
        StatusColumn,
        SizeColumn,
        HostnameColumn,
        ElapsedColumn,
        LeaseColumn,
        RemainingColumn,
        MessageColumn,
        TeraflopsColumn,
        HandshakePortColumn,
        CreatedColumn,
        // Billed so far and if left until the lease ends: money with a price, else billed hours.
        CostSoFarColumn,
        CostAtLeaseEndColumn,
        // When a keep-alive policy will let the session stop (empty without one).
        KeptAliveUntilColumn,
        // Fields of the 2021-01-01 API (empty for v1): the ArrInspector's port and the code of the
        // error a session ended in.
        ArrInspectorPortColumn,
        ErrorCodeColumn,
        // Who created the session (user, computer, program), as the history knows it: "unknown" for one
        // none of our programs created, empty until the history was asked.
        CreatedByColumn,
        ColumnCount
    };

    enum Role {
        // The value to sort on: numbers as numbers, times in milliseconds, text as text.
        RawValueRole = Qt::UserRole + 1,
        SessionIdRole,
        AccountRole,
        // int(SessionStatus)
        StatusRole,
        // int(RemainingLevel)
        RemainingLevelRole,
        // Remaining lease in ms now, or an invalid QVariant when unknown.
        RemainingMsRole,
        // The MS-CV of the last call about this session (its poll, or a command on it).
        LastMsCvRole,
        // A command in progress on this session ("Extending to 05:00:00"), or empty.
        PendingCommandRole,
        // When the account stopped answering, the time its rows were last confirmed (a QDateTime);
        // invalid while the account answers. The rows then show what the service said at that time.
        StaleSinceRole,
    };

    enum class RemainingLevel {
        Unknown,
        Normal,
        Warning,
        Critical,
    };

    explicit SessionTableModel(const LiveSessions *sessions, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Recomputes what moves with time alone: one dataChanged for the remaining column and, once the
    // smallest amount they show may have been billed, one for the cost columns.
    void tick();
    // Whether columns [first, last] are among those tick() changes, as its signals cover them.
    static bool movesWithTime(int first, int last);

    // The prices the cost columns use; an empty Pricing shows billed hours.
    void setPricing(const Pricing &pricing);
    const Pricing &pricing() const { return m_pricing; }

    // The keep-alive policies the "Kept alive until" column shows; its cells follow their changes.
    void setKeepAlive(const KeepAliveManager *keepAlive);

    // Who did what to the sessions, for the "Created by" column; its cells follow its changes. Null
    // (no history) leaves the column empty.
    void setActions(const SessionActions *actions);
    const SessionActions *actions() const { return m_actions; }

    // Lease left under which the countdown turns amber, then red.
    void setThresholds(qint64 warningMs, qint64 criticalMs);

    // Marks an account's rows as no longer confirmed by the service since `lastConfirmed` (an
    // invalid time clears the mark): one dataChanged for its rows when the mark changes.
    void setAccountStale(const QString &account, const QDateTime &lastConfirmed);

    const LiveSessions *sessions() const { return m_sessions; }
    int rowOf(const QString &account, const QString &sessionId) const;
    const Session *session(int row) const;
    QString accountAt(int row) const;
    // Remaining lease now, counting time since the poll while the session is ready.
    std::optional<TimeSpan> remainingAt(int row) const;

private:
    QVariant displayValue(const TrackedSession &entry, int column) const;
    QVariant rawValue(const TrackedSession &entry, int column) const;
    RemainingLevel levelFor(const std::optional<TimeSpan> &remaining) const;
    // The billed time of the entry for a cost column, now or at lease end.
    std::optional<TimeSpan> billedFor(const TrackedSession &entry, int column) const;
    QVariant costDisplay(const TrackedSession &entry, int column) const;
    QVariant costRaw(const TrackedSession &entry, int column) const;
    QVariant costToolTip(const TrackedSession &entry, int column) const;
    QDateTime keptAliveUntil(const TrackedSession &entry) const;
    void keepAliveChanged(const QString &account, const QString &sessionId);
    QVariant createdBy(const TrackedSession &entry, int role) const;
    void actionsChanged(const QString &account, const QStringList &sessionIds);

    const LiveSessions *m_sessions;
    qint64 m_warningMs = 30 * 60'000;
    qint64 m_criticalMs = 10 * 60'000;
    // Accounts whose last poll failed, with the time of their last good one.
    QHash<QString, QDateTime> m_staleSince;
    Pricing m_pricing;
    // How often the cost columns can change their text: a cent at the highest price set, or a
    // hundredth of an hour where they show billed hours; at least a second.
    qint64 m_costStepMs = 36'000;
    // Monotonic time of the last tick that signalled the cost columns.
    std::optional<qint64> m_costTickedAtMs;
    const KeepAliveManager *m_keepAlive = nullptr;
    const SessionActions *m_actions = nullptr;
};

} // namespace arr
