#include "workspace/AlertsGivenElsewhere.h"

#include "core/Clock.h"
#include "storage/AccountStore.h"
#include "workspace/BudgetWatch.h"
#include "workspace/HistoryRecorder.h"
#include "workspace/Spend.h"

using namespace Qt::StringLiterals;

namespace arr {

AlertsGivenElsewhere::AlertsGivenElsewhere(
    HistoryRecorder *history, BudgetWatch *budgets, const AccountStore *accounts, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_budgets(budgets)
    , m_accounts(accounts)
    , m_clock(clock ? clock : SystemClock::instance())
{
    connect(m_history, &HistoryRecorder::alertsRead, this, &AlertsGivenElsewhere::take);
}

void AlertsGivenElsewhere::start()
{
    m_started = true;
    refresh();
}

void AlertsGivenElsewhere::refresh()
{
    if (!m_started)
        return;
    // Today as the budgets count it (from local midnight); the recorder asks again only on a change.
    m_since = startOfToday(*m_clock);
    m_history->watchAlerts(m_since, watchedIdentities());
}

QStringList AlertsGivenElsewhere::watchedIdentities() const
{
    // The enabled accounts, by identity (whatever their names were when the alert was given).
    QStringList identities;
    for (const Account &account : m_accounts->accounts()) {
        if (account.enabled && !identities.contains(account.identity()))
            identities << account.identity();
    }
    return identities;
}

void AlertsGivenElsewhere::take(const QDateTime &since, const QList<HistoryAlert> &alerts)
{
    // A read for another day (the writer answering an older question) is not today's.
    if (!m_started || since != m_since)
        return;
    const QStringList watched = watchedIdentities();
    for (const HistoryAlert &alert : alerts) {
        if (alert.kind != "budget-warning"_L1 && alert.kind != "budget-reached"_L1)
            continue;
        if (!watched.contains(alert.accountKey) || alert.at < since)
            continue;
        // False for one this workspace gave (first or not), or passed on before.
        if (m_budgets->takeGivenElsewhere(alert.accountKey, alert.kind))
            Q_EMIT given(alert);
    }
}

} // namespace arr
