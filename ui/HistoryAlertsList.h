#pragma once

#include "storage/HistoryRecords.h"

#include <QTreeWidget>

namespace arr {

// The History window's alerts: every alert of the range (a budget's 80 % or all of it, a session
// running long, a keep-alive policy that ended or gave up) with when, which account and session, who
// gave it (which program, user and computer: the window, arrsm watch) and what it said. An account's
// own alerts (its budget's) are in no session's events: here they are.
class HistoryAlertsList : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column { TimeColumn, KindColumn, AccountColumn, SessionColumn, GivenByColumn, MessageColumn, ColumnCount };

    explicit HistoryAlertsList(QWidget *parent = nullptr);

    // Shows `alerts` (oldest first) newest on top; those of `account` only, unless it is empty.
    void setAlerts(const QList<HistoryAlert> &alerts, const QString &account);

    // What an alert is called ("Budget almost spent"), by its kind (HistoryAlert::kind).
    static QString kindText(const QString &kind);
};

} // namespace arr
