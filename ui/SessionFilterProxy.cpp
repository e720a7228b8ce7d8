#include "ui/SessionFilterProxy.h"

#include "ui/SessionTableModel.h"

namespace arr {

SessionFilterProxy::SessionFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SessionTableModel::RawValueRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void SessionFilterProxy::setTextFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

void SessionFilterProxy::setStatusFilter(const QSet<SessionStatus> &statuses)
{
    if (statuses == m_statuses)
        return;
    m_statuses = statuses;
    invalidateRowsFilter();
}

void SessionFilterProxy::setHideFinished(bool hide)
{
    if (hide == m_hideFinished)
        return;
    m_hideFinished = hide;
    invalidateRowsFilter();
}

bool SessionFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = qobject_cast<const SessionTableModel *>(sourceModel());
    if (!model)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    const Session *session = model->session(sourceRow);
    if (!session)
        return false;
    if (m_hideFinished && (session->status == SessionStatus::Stopped || session->status == SessionStatus::Expired))
        return false;
    if (!m_statuses.isEmpty() && !m_statuses.contains(session->status))
        return false;
    if (m_text.isEmpty())
        return true;
    const auto matches = [this](const QString &field) { return field.contains(m_text, Qt::CaseInsensitive); };
    return matches(session->id) || matches(session->hostname) || matches(model->accountAt(sourceRow))
        || matches(session->statusLabel()) || matches(session->size) || matches(session->message);
}

bool SessionFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // The countdown is the sort people use most, on the largest tables: compare times directly
    // rather than through a QVariant per comparison. Unknown values sort after known ones.
    const auto *model = qobject_cast<const SessionTableModel *>(sourceModel());
    if (model && left.column() == SessionTableModel::RemainingColumn && sortRole() == SessionTableModel::RawValueRole) {
        const auto a = model->remainingAt(left.row());
        const auto b = model->remainingAt(right.row());
        if (a.has_value() != b.has_value())
            return a.has_value();
        return a && *a < *b;
    }
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    // Unknown values sort after known ones, whichever the direction of the numbers.
    if (a.isValid() != b.isValid())
        return a.isValid();
    if (!a.isValid())
        return false;
    if (a.typeId() == QMetaType::QString && b.typeId() == QMetaType::QString) {
        // Most rows share their account, status and size with many others: equal texts are equal in
        // any collation, found without asking the locale (the table opens sorted by account).
        const QString left = a.toString();
        const QString right = b.toString();
        return left != right && QString::localeAwareCompare(left, right) < 0;
    }
    return QVariant::compare(a, b) == QPartialOrdering::Less;
}

} // namespace arr
