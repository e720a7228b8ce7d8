#pragma once

#include "core/Session.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QHash>

#include <vector>

namespace arr {

class Clock;

// Every session of every account, one row each, keyed by account and session id. A poll is applied
// as a diff (rows inserted, removed, and dataChanged only for rows that changed), never a reset; the
// one-second tick recomputes the remaining lease from the last poll plus the monotonic time since,
// and signals one dataChanged for the countdown column alone.
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
        // QVariant<arr::Session> as last polled.
        SessionRole,
        // The MS-CV of the last call about this session (its poll, or a command on it).
        LastMsCvRole,
        // A command in progress on this session ("Extending to 05:00:00"), or empty.
        PendingCommandRole,
    };

    enum class RemainingLevel {
        Unknown,
        Normal,
        Warning,
        Critical,
    };

    explicit SessionTableModel(const Clock *clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the account's sessions by `sessions`, as a diff. `observedAtMono` is the monotonic
    // time the poll's answer arrived.
    void applyPoll(
        const QString &account, const QList<Session> &sessions, qint64 observedAtMono, const QByteArray &msCv = {});
    // Adds or updates one session of an account without touching the others (a create's answer, a
    // properties call).
    void upsertSession(
        const QString &account, const Session &session, qint64 observedAtMono, const QByteArray &msCv = {});
    void removeAccount(const QString &account);
    void setLastMsCv(const QString &account, const QString &sessionId, const QByteArray &msCv);
    void setPendingCommand(const QString &account, const QString &sessionId, const QString &description);

    // Recomputes the countdown: one dataChanged for the remaining column.
    void tick();

    // Lease left under which the countdown turns amber, then red.
    void setThresholds(qint64 warningMs, qint64 criticalMs);

    int rowOf(const QString &account, const QString &sessionId) const;
    const Session *session(int row) const;
    QString accountAt(int row) const;
    // Remaining lease now, counting time since the poll while the session is ready.
    std::optional<TimeSpan> remainingAt(int row) const;
    QList<Session> sessionsOf(const QString &account) const;
    // The status of each of the account's sessions, by id: what a poll is compared with.
    QHash<QString, SessionStatus> statusesOf(const QString &account) const;
    // Whether one of the account's sessions is starting or stopping.
    bool hasTransitionalSession(const QString &account) const;

private:
    struct Record
    {
        QString account;
        Session session;
        qint64 observedAtMono = 0;
        QByteArray lastMsCv;
        QString pendingCommand;
    };

    QVariant displayValue(const Record &record, int column) const;
    QVariant rawValue(const Record &record, int column) const;
    RemainingLevel levelFor(const std::optional<TimeSpan> &remaining) const;
    std::optional<TimeSpan> remainingOf(const Record &record) const;
    void removeRows(std::vector<int> rows);
    void renumberFrom(size_t first);

    const Clock *m_clock;
    std::vector<Record> m_records;
    // Row of each session, by account and then session id; the keys share the records' strings.
    QHash<QString, QHash<QString, int>> m_rowsByAccount;
    qint64 m_warningMs = 30 * 60'000;
    qint64 m_criticalMs = 10 * 60'000;
};

} // namespace arr
