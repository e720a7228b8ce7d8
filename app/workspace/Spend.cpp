#include "workspace/Spend.h"

#include "core/Clock.h"

namespace arr {

QDateTime startOfToday(const Clock &clock)
{
    return clock.now().toLocalTime().date().startOfDay().toUTC();
}

namespace {

void addHour(AccountSpend &spend, std::optional<double> price, const QString &currency)
{
    const TimeSpan hour = TimeSpan::fromHours(1);
    spend.rate.billedTime = spend.rate.billedTime + hour;
    ++spend.ready;
    if (price && *price >= 0) {
        spend.rate.amounts[currency] += *price;
    } else {
        spend.rate.unpricedTime = spend.rate.unpricedTime + hour;
        ++spend.unpriced;
    }
}

} // namespace

void SpendTally::addListed(const QString &account, const Session &session)
{
    if (session.status != SessionStatus::Ready)
        return;
    const std::optional<double> price = m_pricing.hourlyPrice(account, session.size);
    const QString currency = m_pricing.currencyFor(account);
    addHour(m_accounts[account], price, currency);
    addHour(m_total, price, currency);
}

void SpendTally::addToday(const QList<BilledUsage> &usage)
{
    for (const BilledUsage &session : usage) {
        const std::optional<double> price = m_pricing.hourlyPrice(session.account, session.size);
        const QString currency = m_pricing.currencyFor(session.account);
        m_accounts[session.account].today.add(session.billed, price, currency);
        m_total.today.add(session.billed, price, currency);
    }
}

} // namespace arr
