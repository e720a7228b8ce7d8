#include "ui/SessionTableModel.h"

#include "core/Clock.h"
#include "monitor/LiveSessions.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

// The sessions table's cost columns: billed time so far and at the lease's end, as money or hours.
namespace arr {

namespace {

constexpr double HundredthOfAnHourMs = 36'000.0;

} // namespace

void SessionTableModel::setPricing(const Pricing &pricing)
{
    m_pricing = pricing;
    // A hundredth of an hour (how billed hours are shown), or a cent at the highest price if that
    // comes sooner.
    double highest = 1.0;
    const auto consider = [&highest](const PriceList &list) {
        for (double price : list.hourly)
            highest = std::max(highest, price);
    };
    consider(pricing.defaults);
    for (const PriceList &list : pricing.accountOverrides)
        consider(list);
    m_costStepMs = std::max<qint64>(1000, qint64(HundredthOfAnHourMs / highest));
    if (m_sessions->count() == 0)
        return;
    Q_EMIT dataChanged(index(0, CostSoFarColumn), index(m_sessions->count() - 1, CostAtLeaseEndColumn),
        {Qt::DisplayRole, RawValueRole, Qt::ToolTipRole});
}

std::optional<TimeSpan> SessionTableModel::billedFor(const TrackedSession &entry, int column) const
{
    const Clock *clock = m_sessions->clock();
    const qint64 sincePoll = std::max<qint64>(0, clock->monotonicMs() - entry.observedAtMono);
    if (column == CostSoFarColumn)
        return billedTime(entry.session, sincePoll);
    return billedAtLeaseEnd(entry.session, sincePoll, clock->now());
}

QVariant SessionTableModel::costDisplay(const TrackedSession &entry, int column) const
{
    const auto billed = billedFor(entry, column);
    if (!billed)
        return {};
    const auto price = m_pricing.hourlyPrice(entry.account, entry.session.size);
    if (const auto amount = costOf(*billed, price))
        return formatMoney(*amount, m_pricing.currencyFor(entry.account), QLocale());
    return formatBilledHours(*billed, QLocale());
}

QVariant SessionTableModel::costRaw(const TrackedSession &entry, int column) const
{
    // Sorted on the amount when there is a price, else on the billed milliseconds: in a table
    // where every session has a price (or none has) the order is the one people expect.
    const auto billed = billedFor(entry, column);
    if (!billed)
        return {};
    if (const auto amount = costOf(*billed, m_pricing.hourlyPrice(entry.account, entry.session.size)))
        return *amount;
    return double(billed->totalMilliseconds());
}

QVariant SessionTableModel::costToolTip(const TrackedSession &entry, int column) const
{
    const auto billed = billedFor(entry, column);
    if (!billed)
        return tr("The service did not say how long this session has been ready.");
    const QLocale locale;
    const QString hours = formatBilledHours(*billed, locale);
    const auto price = m_pricing.hourlyPrice(entry.account, entry.session.size);
    if (!price)
        return tr("%1 billed (time ready). No price is set for size \"%2\": set one in Preferences.")
            .arg(hours, entry.session.size);
    QString text
        = tr("%1 billed × %2 per hour").arg(hours, formatMoney(*price, m_pricing.currencyFor(entry.account), locale));
    if (m_pricing.examples)
        text += u" "_s + tr("(example prices)");
    return text;
}

} // namespace arr
