#pragma once

#include "monitor/SessionMonitor.h"
#include "storage/HistoryRecords.h"

#include <QObject>
#include <QPointer>

class QMenu;
class QSystemTrayIcon;

namespace arr {

class Clock;
class MessageBar;

// Tells the user about a session that became ready, a lease about to run out, a session that ended
// in error or expired: through the system tray where there is one, in a message bar in the window
// otherwise. The choice is made once, by the caller (QSystemTrayIcon::isSystemTrayAvailable()).
class Notifier : public QObject
{
    Q_OBJECT

public:
    Notifier(MessageBar *windowBar, bool useSystemTray, const Clock *clock, QObject *parent = nullptr);
    ~Notifier() override;

    bool usesSystemTray() const { return m_tray != nullptr; }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    // The tray icon's menu (Show window, Quit), when there is a tray.
    void setTrayMenu(QMenu *menu);

    // Shows the notification (unless notifications are off) and, in any case, passes it on to
    // noted() for the notifications panel.
    void notify(const SessionNotification &notification);
    // A budget alert another program gave (AlertsGivenElsewhere): as notify(), at the time it was given,
    // saying who gave it.
    void notifyGivenElsewhere(const arr::HistoryAlert &alert);

    static QString titleFor(SessionNotification::Kind kind);

Q_SIGNALS:
    // The user clicked the tray icon or its message: bring the window forward.
    void activated();
    // Every notification, shown or not, with its title and time.
    void noted(const arr::SessionNotification &notification, const QString &title, const QDateTime &at);

private:
    void show(const SessionNotification &notification, const QDateTime &at);

    QPointer<MessageBar> m_bar;
    const Clock *m_clock;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_enabled = true;
};

} // namespace arr
