#pragma once

#include "core/Session.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace arr {

// Sorting on the model's raw values and filtering by text, by status, and by whether finished
// (stopped, expired) sessions are shown.
class SessionFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit SessionFilterProxy(QObject *parent = nullptr);

    // Case-insensitive substring of account, id, status, size, hostname or message.
    void setTextFilter(const QString &text);
    // Empty: every status.
    void setStatusFilter(const QSet<SessionStatus> &statuses);
    void setHideFinished(bool hide);
    bool hidesFinished() const { return m_hideFinished; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    QSet<SessionStatus> m_statuses;
    bool m_hideFinished = false;
};

} // namespace arr
