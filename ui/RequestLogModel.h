#pragma once

#include "service/RequestLog.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSortFilterProxyModel>

namespace arr {

// The request log as a table, newest last: time, account, method, path, status, duration, MS-CV and
// error. Follows the log as entries are added or dropped. Shows only what the log holds, which has
// no secret in it (RequestLog redacts them before recording).
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        AccountColumn,
        MethodColumn,
        PathColumn,
        StatusColumn,
        DurationColumn,
        MsCvColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role {
        IsErrorRole = Qt::UserRole + 1,
        // RequestLogEntry::toLine(): the row as one line for a support ticket.
        LineRole,
    };

    explicit RequestLogModel(RequestLog *log, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void onEntryAdded();
    void onEntriesDropped(int count);

    QPointer<RequestLog> m_log;
    // Rows shown; equals the log's size except between its signal and our handling of it.
    int m_rows = 0;
};

// Shows every request, or only the failed ones.
class RequestLogFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setErrorsOnly(bool errorsOnly);
    bool errorsOnly() const { return m_errorsOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_errorsOnly = false;
};

} // namespace arr
