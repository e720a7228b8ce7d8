#include "ui/Notifier.h"

#include "core/Clock.h"
#include "core/SafeText.h"
#include "ui/MessageBar.h"
#include "ui/SessionStyle.h"
#include "ui/WhoDidWhat.h"
#include "workspace/HistoryRecording.h"

#include <QDateTime>
#include <QLocale>
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
    case SessionNotification::Kind::BudgetWarning:
        return tr("Budget almost spent");
    case SessionNotification::Kind::BudgetReached:
        return tr("Budget spent");
    case SessionNotification::Kind::LongRunning:
        return tr("Session running long");
    case SessionNotification::Kind::KeepAliveEnded:
        return tr("Keep-alive ended");
    case SessionNotification::Kind::KeepAliveFailed:
        return tr("Keep-alive stopped");
    }
    return {};
}

namespace {

bool isWarning(SessionNotification::Kind kind)
{
    switch (kind) {
    case SessionNotification::Kind::LeaseEndingSoon:
    case SessionNotification::Kind::Expired:
    case SessionNotification::Kind::BudgetWarning:
    case SessionNotification::Kind::BudgetReached:
    case SessionNotification::Kind::LongRunning:
    case SessionNotification::Kind::KeepAliveFailed:
        return true;
    default:
        return false;
    }
}

} // namespace

void Notifier::notify(const SessionNotification &notification)
{
    show(notification, m_clock->now());
}

void Notifier::notifyGivenElsewhere(const HistoryAlert &alert)
{
    const auto kind = HistoryRecording::notificationKindOf(alert.kind);
    if (!kind)
        return;
    // The other program's sentence, in its language (arrsm watch speaks English), and who it was.
    show({*kind, alert.account, alert.sessionId,
             tr("%1 (given by %2)").arg(safeText(alert.text, 1000), who::actorText(alert.actor))},
        alert.at);
}

void Notifier::show(const SessionNotification &notification, const QDateTime &at)
{
    const QString title = titleFor(notification.kind);
    Q_EMIT noted(notification, title, at);
    if (!m_enabled)
        return;
    if (m_tray) {
        QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Information;
        if (isWarning(notification.kind))
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
    if (isWarning(notification.kind))
        kind = MessageBar::Kind::Warning;
    else if (notification.kind == SessionNotification::Kind::EndedInError)
        kind = MessageBar::Kind::Error;
    const QString time = QLocale().toString(at.toLocalTime().time(), QLocale::ShortFormat);
    m_bar->showMessage(kind, tr("%1 – %2: %3").arg(time, title, notification.text));
}

} // namespace arr
