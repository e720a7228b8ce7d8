#include "ui/RequestLogModel.h"

#include "ui/SessionStyle.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>

using namespace Qt::StringLiterals;

namespace arr {

RequestLogModel::RequestLogModel(RequestLog *log, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
    , m_rows(log ? int(log->size()) : 0)
{
    if (!log)
        return;
    connect(log, &RequestLog::entryAdded, this, &RequestLogModel::onEntryAdded);
    connect(log, &RequestLog::entriesDropped, this, &RequestLogModel::onEntriesDropped);
    connect(log, &RequestLog::cleared, this, [this] {
        beginResetModel();
        m_rows = 0;
        endResetModel();
    });
}

void RequestLogModel::onEntryAdded()
{
    // RequestLog drops old entries (entriesDropped) before announcing the new one, so the log's size
    // is the new row count here.
    const int size = int(m_log->size());
    if (size <= m_rows)
        return;
    beginInsertRows({}, m_rows, size - 1);
    m_rows = size;
    endInsertRows();
}

void RequestLogModel::onEntriesDropped(int count)
{
    // The log has already removed `count` entries from the front and appended one: drop our first
    // rows so that the rest line up again; the new entry follows in onEntryAdded().
    const int removed = qMin(count, m_rows);
    if (removed <= 0)
        return;
    beginRemoveRows({}, 0, removed - 1);
    m_rows -= removed;
    endRemoveRows();
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_log ? 0 : qMin(m_rows, int(m_log->size()));
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_log)
        return {};
    const RequestLogEntry &entry = m_log->at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return entry.time.toLocalTime().toString(u"HH:mm:ss.zzz"_s);
        case AccountColumn:
            return entry.account;
        case MethodColumn:
            // An extend a keep-alive policy asked for says so.
            return entry.origin.isEmpty() ? QString::fromLatin1(entry.method)
                                          : tr("%1 (%2)").arg(QString::fromLatin1(entry.method), entry.origin);
        case PathColumn:
            return entry.path;
        case StatusColumn:
            return entry.httpStatus > 0 ? QVariant(entry.httpStatus) : QVariant(tr("no answer"));
        case DurationColumn:
            return tr("%1 ms").arg(entry.durationMs);
        case MsCvColumn:
            return QString::fromLatin1(entry.msCv);
        case ErrorColumn:
            return entry.error;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return entry.time.toLocalTime().toString(Qt::ISODateWithMs);
        if (index.column() == ErrorColumn || index.column() == PathColumn)
            return index.data(Qt::DisplayRole);
        return {};
    case Qt::ForegroundRole:
        if (entry.isError() && (index.column() == StatusColumn || index.column() == ErrorColumn))
            // The error colour of the palette in use: light red on a dark one.
            return QBrush(style::statusColor(SessionStatus::Error, QGuiApplication::palette()));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == StatusColumn || index.column() == DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IsErrorRole:
        return entry.isError();
    case LineRole:
        return entry.toLine();
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case AccountColumn:
        return tr("Account");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case MsCvColumn:
        return tr("MS-CV");
    case ErrorColumn:
        return tr("Error");
    default:
        return {};
    }
}

void RequestLogFilter::setErrorsOnly(bool errorsOnly)
{
    if (errorsOnly == m_errorsOnly)
        return;
    m_errorsOnly = errorsOnly;
    invalidateRowsFilter();
}

bool RequestLogFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_errorsOnly)
        return true;
    return sourceModel()->index(sourceRow, 0, sourceParent).data(RequestLogModel::IsErrorRole).toBool();
}

} // namespace arr
