#pragma once

#include "core/Cost.h"
#include "core/Session.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace arr::cli {

// What `arrsm metrics` prints: the live state of accounts in the OpenMetrics text format, for
// Prometheus (a textfile collector, or any scraper running the command) and Grafana. Pure functions.

// One account's sessions as the service listed them.
struct AccountSessions
{
    // The label value: the saved account's name, or the account id.
    QString account;
    // The name prices are looked up by (saved accounts may have their own); empty for the defaults.
    QString pricingAccount;
    QList<Session> sessions;

    // Given by arrsm watch only (arrsm metrics knows no policies or budgets): whether this is known.
    bool watched = false;
    // The ids of the sessions a keep-alive policy extends.
    QStringList keptAlive = {};
    // The daily budget (0 for none) and what was spent today, in `spendUnit`: a currency code ("" for
    // prices without one) or "hours" when no prices are set.
    double dailyBudget = 0;
    double spentToday = 0;
    QString spendUnit = {};
};

// A label value in OpenMetrics' quoted form, without the quotes: backslash, double quote and line
// feed escaped, as the format requires; everything else is kept as UTF-8.
QString openMetricsLabelValue(const QString &value);

// Every family with its TYPE and HELP lines, ending with "# EOF":
//   arrsm_sessions{account,status,size}                        sessions by status and size
//   arrsm_session_remaining_lease_seconds{account,session_id,size}  lease left, where known
//   arrsm_billed_hours_per_hour{account}                       ready sessions: billed hours per hour
//   arrsm_burn_rate_per_hour{account,currency}                 sum of the ready sessions' hourly prices,
//                                                              only for an account with prices set
//   arrsm_unpriced_ready_sessions{account}                     ready sessions whose size has no price,
//                                                              beside a burn rate
// With arrsm watch's accounts (`watched`), also:
//   arrsm_session_kept_alive{account,session_id}               1 for a session a policy extends, else 0
//   arrsm_account_daily_budget{account,unit}                   the daily budget, where one is set
//   arrsm_account_spent_today{account,unit}                    spent since local midnight
// No amount is ever invented: without prices only the billed hours are given.
QByteArray openMetricsText(const QList<AccountSessions> &accounts, const Pricing &pricing);

} // namespace arr::cli
