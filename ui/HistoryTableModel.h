#pragma once

#include "core/Cost.h"
#include "storage/HistoryRecords.h"

#include <QAbstractTableModel>
#include <QList>

namespace arr {

// The History window's table: one row per recorded session of the selection, as read from the
// history database. Read only; the window replaces the rows when the selection changes. Sorting goes
// through a proxy on SortRole (raw values: times, seconds, amounts).
class HistoryTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        AccountColumn,
        SessionIdColumn,
        SizeColumn,
        StatusColumn,
        FirstSeenColumn,
        ReadyAtColumn,
        EndedAtColumn,
        BilledColumn,
        CostColumn,
        ExtendsColumn,
        OriginColumn,
        // Who created the session (HistorySession::createdBy); hidden by default, as in the sessions table.
        CreatedByColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit HistoryTableModel(QObject *parent = nullptr);

    void setSessions(const QList<HistorySession> &sessions);
    // The prices' currencies, for showing the recorded costs (the amounts are those recorded).
    void setPricing(const Pricing &pricing);
    const QList<HistorySession> &sessions() const { return m_sessions; }
    const HistorySession &session(int row) const { return m_sessions.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "2024-05-01 10:00" in local time; empty for an invalid time.
    static QString timeText(const QDateTime &time);
    // The status for people; a session closed unseen says so.
    static QString statusText(const HistorySession &session);

private:
    QVariant display(const HistorySession &session, int column) const;
    QVariant sortValue(const HistorySession &session, int column) const;

    QList<HistorySession> m_sessions;
    Pricing m_pricing;
};

} // namespace arr
