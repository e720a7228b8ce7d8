#pragma once

#include "storage/HistoryRecords.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace arr {

// Below the History window's table: what happened to one session (created, ready, extended, stopped,
// gone from the list...), oldest first, with the MS-CV of the call to quote to the service's support.
class HistoryEventsPane : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryEventsPane(QWidget *parent = nullptr);

    void showEvents(const HistorySession &session, const QList<HistoryEvent> &events);

private:
    QLabel *m_title;
    QTreeWidget *m_events;
};

} // namespace arr
