#include "ui/NotificationsPanel.h"

#include "core/Account.h"
#include "core/SafeText.h"
#include "ui/SessionStyle.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

enum Column { TimeColumn, WhatColumn, AccountColumn, SessionColumn, MessageColumn, ColumnCount };

// A day of alerts is a few dozen; the oldest go beyond this.
constexpr int MaximumEntries = 1000;

QString iconFor(SessionNotification::Kind kind)
{
    switch (kind) {
    case SessionNotification::Kind::BecameReady:
        return u"status-ready"_s;
    case SessionNotification::Kind::EndedInError:
        return u"status-error"_s;
    case SessionNotification::Kind::Expired:
        return u"status-expired"_s;
    case SessionNotification::Kind::KeptAlive:
    case SessionNotification::Kind::KeepAliveEnded:
        return u"keep-alive"_s;
    case SessionNotification::Kind::LeaseEndingSoon:
    case SessionNotification::Kind::BudgetWarning:
    case SessionNotification::Kind::BudgetReached:
    case SessionNotification::Kind::LongRunning:
    case SessionNotification::Kind::KeepAliveFailed:
        return u"message-warning"_s;
    }
    return u"message-information"_s;
}

} // namespace

NotificationsPanel::NotificationsPanel(QWidget *parent)
    : QDockWidget(tr("Notifications"), parent)
{
    setObjectName(u"notificationsDock"_s);
    auto *content = new QWidget(this);
    m_list = new QTreeWidget(content);
    m_list->setObjectName(u"notificationsList"_s);
    m_list->setAccessibleName(tr("Notifications"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("Time"), tr("What"), tr("Account"), tr("Session"), tr("Message")});
    m_list->header()->setStretchLastSection(true);
    for (int column : {TimeColumn, WhatColumn, AccountColumn, SessionColumn})
        m_list->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_empty = new QLabel(tr("No notifications yet. Sessions becoming ready, leases running out, keep-alive "
                            "extends and budget alerts are listed here with their time."),
        content);
    m_empty->setObjectName(u"notificationsEmptyLabel"_s);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    m_clear = new QPushButton(tr("&Clear"), content);
    m_clear->setObjectName(u"clearNotificationsButton"_s);
    m_clear->setToolTip(tr("Remove every notification from this list"));
    connect(m_clear, &QPushButton::clicked, this, &NotificationsPanel::clear);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_empty, 1);
    buttons->addWidget(m_clear, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    setWidget(content);
    toggleViewAction()->setIcon(style::icon(u"notifications"_s));
    toggleViewAction()->setObjectName(u"notificationsAction"_s);
    updateTitle();
}

void NotificationsPanel::add(const SessionNotification &notification, const QString &title, const QDateTime &at)
{
    auto *item = new QTreeWidgetItem;
    const QDateTime local = at.toLocalTime();
    item->setText(TimeColumn, QLocale().toString(local.time(), QLocale::ShortFormat));
    item->setToolTip(TimeColumn, QLocale().toString(local, QLocale::LongFormat));
    item->setIcon(WhatColumn, style::icon(iconFor(notification.kind)));
    item->setText(WhatColumn, title);
    item->setText(AccountColumn, safeText(notification.account, MaximumAccountNameLength));
    item->setText(SessionColumn, safeText(notification.sessionId, 80));
    item->setText(MessageColumn, notification.text);
    item->setToolTip(MessageColumn, notification.text);
    m_list->insertTopLevelItem(0, item);
    while (m_list->topLevelItemCount() > MaximumEntries)
        delete m_list->takeTopLevelItem(m_list->topLevelItemCount() - 1);
    if (!isVisible())
        ++m_unread;
    updateTitle();
}

int NotificationsPanel::count() const
{
    return m_list->topLevelItemCount();
}

void NotificationsPanel::clear()
{
    m_list->clear();
    m_unread = 0;
    updateTitle();
}

void NotificationsPanel::showEvent(QShowEvent *event)
{
    QDockWidget::showEvent(event);
    m_unread = 0;
    updateTitle();
}

void NotificationsPanel::updateTitle()
{
    const bool any = m_list->topLevelItemCount() > 0;
    m_empty->setVisible(!any);
    m_clear->setEnabled(any);
    toggleViewAction()->setText(m_unread > 0 ? tr("&Notifications (%n new)", nullptr, m_unread) : tr("&Notifications"));
}

} // namespace arr
