#pragma once

#include "core/BilledTimeSource.h"
#include "core/Cost.h"
#include "core/Session.h"

#include <QDateTime>
#include <QMap>
#include <QString>

namespace arr {

class Clock;

// Where "today" starts: the local midnight of the clock's now, in UTC. The status bar, the budgets and
// arrsm count from this one moment.
QDateTime startOfToday(const Clock &clock);

// What one account costs now and spent today.
struct AccountSpend
{
    // An hour of every ready session at its size's price: the amount spent per hour now. Prices are
    // summed as they are (not rounded per session): the burn rate is a rate, not an invoice.
    CostTotal rate;
    int ready = 0;
    // Ready sessions whose size has no price (left out of the rate's amounts).
    int unpriced = 0;
    // Billed since `startOfToday()`, each session's time at its price.
    CostTotal today;
};

// One computation of the burn rate and of "spent today", per account and in all, for the status bar,
// the budgets and arrsm metrics alike. Add the sessions listed now and the day's billed usage; read the
// sums.
class SpendTally
{
public:
    explicit SpendTally(const Pricing &pricing)
        : m_pricing(pricing)
    {
    }

    // A session listed now on `account`; only ready sessions are spending.
    void addListed(const QString &account, const Session &session);
    // Billed usage since the start of today (BilledTimeSource::billedSince(startOfToday())).
    void addToday(const QList<BilledUsage> &usage);

    const QMap<QString, AccountSpend> &accounts() const { return m_accounts; }
    AccountSpend account(const QString &name) const { return m_accounts.value(name); }
    const AccountSpend &total() const { return m_total; }

private:
    const Pricing &m_pricing;
    QMap<QString, AccountSpend> m_accounts;
    AccountSpend m_total;
};

} // namespace arr
