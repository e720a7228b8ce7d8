#include "ui/HistoryAlertsList.h"

#include "core/Account.h"
#include "core/SafeText.h"
#include "ui/HistoryTableModel.h"
#include "ui/Notifier.h"
#include "ui/WhoDidWhat.h"
#include "workspace/HistoryRecording.h"

#include <QHeaderView>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace arr {

HistoryAlertsList::HistoryAlertsList(QWidget *parent)
    : QTreeWidget(parent)
{
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setHeaderLabels({tr("Time"), tr("Alert"), tr("Account"), tr("Session ID"), tr("Given by"), tr("Message")});
    header()->setStretchLastSection(true);
    for (int column : {TimeColumn, KindColumn, AccountColumn, SessionColumn, GivenByColumn})
        header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
}

QString HistoryAlertsList::kindText(const QString &kind)
{
    // A kind a newer program wrote is shown as it is stored.
    const auto notification = HistoryRecording::notificationKindOf(kind);
    return notification ? Notifier::titleFor(*notification) : safeText(kind, 40);
}

void HistoryAlertsList::setAlerts(const QList<HistoryAlert> &alerts, const QString &account)
{
    clear();
    QList<QTreeWidgetItem *> items;
    for (auto it = alerts.crbegin(); it != alerts.crend(); ++it) {
        const HistoryAlert &alert = *it;
        if (!account.isEmpty() && alert.account != account)
            continue;
        auto *item = new QTreeWidgetItem;
        item->setText(TimeColumn, HistoryTableModel::timeText(alert.at));
        item->setToolTip(TimeColumn, QLocale().toString(alert.at.toLocalTime(), QLocale::LongFormat));
        item->setText(KindColumn, kindText(alert.kind));
        item->setText(AccountColumn, safeText(alert.account, MaximumAccountNameLength));
        // An account's own alert (its budget's) is about no session.
        item->setText(SessionColumn, alert.sessionId.isEmpty() ? tr("(the account)") : safeText(alert.sessionId, 80));
        item->setText(GivenByColumn, who::actorText(alert.actor));
        item->setText(MessageColumn, safeText(alert.text, 1000));
        item->setToolTip(MessageColumn, item->text(MessageColumn));
        items << item;
    }
    addTopLevelItems(items);
}

} // namespace arr
