#include "ui/Notifier.h"

#include "core/Clock.h"
#include "ui/MessageBar.h"
#include "ui/SessionStyle.h"

#include <QDateTime>
#include <QMenu>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace arr {

Notifier::Notifier(MessageBar *windowBar, bool useSystemTray, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_bar(windowBar)
    , m_clock(clock ? clock : SystemClock::instance())
{
    if (!useSystemTray)
        return;
    m_tray = new QSystemTrayIcon(style::appIcon(), this);
    m_tray->setToolTip(tr("ARR Session Manager"));
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &Notifier::activated);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT activated();
    });
    m_tray->show();
}

Notifier::~Notifier() = default;

void Notifier::setTrayMenu(QMenu *menu)
{
    if (m_tray)
        m_tray->setContextMenu(menu);
}

QString Notifier::titleFor(SessionNotification::Kind kind)
{
    switch (kind) {
    case SessionNotification::Kind::BecameReady:
        return tr("Session ready");
    case SessionNotification::Kind::LeaseEndingSoon:
        return tr("Lease running out");
    case SessionNotification::Kind::EndedInError:
        return tr("Session failed");
    case SessionNotification::Kind::Expired:
        return tr("Session expired");
    case SessionNotification::Kind::KeptAlive:
        return tr("Session kept alive");
    }
    return {};
}

void Notifier::notify(const SessionNotification &notification)
{
    if (!m_enabled)
        return;
    const QString title = titleFor(notification.kind);
    m_lastText = notification.text;
    if (m_tray) {
        QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Information;
        if (notification.kind == SessionNotification::Kind::LeaseEndingSoon
            || notification.kind == SessionNotification::Kind::Expired)
            icon = QSystemTrayIcon::Warning;
        else if (notification.kind == SessionNotification::Kind::EndedInError)
            icon = QSystemTrayIcon::Critical;
        m_tray->showMessage(title, notification.text, icon);
        m_tray->setToolTip(tr("ARR Session Manager\n%1").arg(notification.text));
        return;
    }
    if (!m_bar)
        return;
    MessageBar::Kind kind = MessageBar::Kind::Information;
    if (notification.kind == SessionNotification::Kind::LeaseEndingSoon
        || notification.kind == SessionNotification::Kind::Expired)
        kind = MessageBar::Kind::Warning;
    else if (notification.kind == SessionNotification::Kind::EndedInError)
        kind = MessageBar::Kind::Error;
    const QString time = m_clock->now().toLocalTime().toString(u"HH:mm"_s);
    m_bar->showMessage(kind, tr("%1 – %2: %3").arg(time, title, notification.text));
}

} // namespace arr
