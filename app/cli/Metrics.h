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
// No amount is ever invented: without prices only the billed hours are given.
QByteArray openMetricsText(const QList<AccountSessions> &accounts, const Pricing &pricing);

} // namespace arr::cli
