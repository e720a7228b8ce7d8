#pragma once

#include "monitor/SessionMonitor.h"

#include <QDockWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace arr {

// Every notification and alert of this run, newest first, with the time it was given: a budget
// alert or an expired session is still there when someone comes back to the screen. Its toggle
// action counts what arrived while the panel was hidden.
class NotificationsPanel : public QDockWidget
{
    Q_OBJECT

public:
    explicit NotificationsPanel(QWidget *parent = nullptr);

    void add(const SessionNotification &notification, const QString &title, const QDateTime &at);
    int count() const;
    int unread() const { return m_unread; }
    void clear();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateTitle();

    QTreeWidget *m_list;
    QLabel *m_empty;
    QPushButton *m_clear;
    int m_unread = 0;
};

} // namespace arr
