#include "cli/Metrics.h"

#include "cli/Output.h"
#include "workspace/Spend.h"

#include <QLocale>
#include <QMap>

#include <cmath>

using namespace Qt::StringLiterals;

namespace arr::cli {

namespace {

QString number(double value)
{
    // OpenMetrics spells the values that are not numbers its own way.
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"+Inf"_s : u"-Inf"_s;
    // Integers as integers (exactly, up to 2^53); others in the shortest form that reads back the same.
    if (std::abs(value) < 9007199254740992.0 && value == std::trunc(value))
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// One sample line: name{label="value",...} value
QString sample(const QString &name, const QList<std::pair<QString, QString>> &labels, double value)
{
    QString line = name;
    if (!labels.isEmpty()) {
        line += u'{';
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (i > 0)
                line += u',';
            line += labels[i].first;
            line += u"=\""_s;
            line += openMetricsLabelValue(labels[i].second);
            line += u'"';
        }
        line += u'}';
    }
    line += u' ';
    line += number(value);
    line += u'\n';
    return line;
}

QString family(const QString &name, const QString &help, const QString &unit = {})
{
    QString text = u"# TYPE "_s + name + u" gauge\n"_s;
    if (!unit.isEmpty())
        text += u"# UNIT "_s + name + u' ' + unit + u'\n';
    // HELP text has the same escaping as a label value, quotes aside; ours has none of them.
    text += u"# HELP "_s + name + u' ' + help + u'\n';
    return text;
}

} // namespace

QString openMetricsLabelValue(const QString &value)
{
    QString escaped;
    escaped.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'\\')
            escaped += u"\\\\"_s;
        else if (c == u'"')
            escaped += u"\\\""_s;
        else if (c == u'\n')
            escaped += u"\\n"_s;
        else
            escaped += c;
    }
    return escaped;
}

namespace {

// What only arrsm watch knows: the keep-alive policies and the budgets.
QString watchedFamilies(const QList<AccountSessions> &accounts)
{
    QString kept;
    QString budgets;
    QString spent;
    for (const AccountSessions &account : accounts) {
        if (!account.watched)
            continue;
        for (const Session &session : account.sessions) {
            kept += sample(u"arrsm_session_kept_alive"_s,
                {{u"account"_s, account.account}, {u"session_id"_s, session.id}},
                account.keptAlive.contains(session.id) ? 1 : 0);
        }
        const QList<std::pair<QString, QString>> labels{
            {u"account"_s, account.account}, {u"unit"_s, account.spendUnit}};
        if (account.dailyBudget > 0)
            budgets += sample(u"arrsm_account_daily_budget"_s, labels, account.dailyBudget);
        spent += sample(u"arrsm_account_spent_today"_s, labels, account.spentToday);
    }
    QString text;
    if (!kept.isEmpty())
        text += family(u"arrsm_session_kept_alive"_s,
                    u"1 for a session a keep-alive policy extends (set in the desktop app), else 0."_s)
            + kept;
    if (!budgets.isEmpty())
        text += family(u"arrsm_account_daily_budget"_s,
                    u"The account's daily budget, in money (the currency of its prices) or billed hours."_s)
            + budgets;
    if (!spent.isEmpty())
        text += family(u"arrsm_account_spent_today"_s,
                    u"Spent since local midnight, in the unit of the account's budget."_s)
            + spent;
    return text;
}

} // namespace

QByteArray openMetricsText(const QList<AccountSessions> &accounts, const Pricing &pricing)
{
    QString text;

    text += family(u"arrsm_sessions"_s, u"Sessions the service lists, by account, status and size."_s);
    for (const AccountSessions &account : accounts) {
        // Sorted, so that the output of two runs compares line by line.
        QMap<std::pair<QString, QString>, int> counts;
        for (const Session &session : account.sessions)
            ++counts[{statusText(session), session.size}];
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
            text += sample(u"arrsm_sessions"_s,
                {{u"account"_s, account.account}, {u"status"_s, it.key().first}, {u"size"_s, it.key().second}},
                it.value());
    }

    const QString remaining = u"arrsm_session_remaining_lease_seconds"_s;
    text += family(remaining,
        u"Lease left of each session when the service answered, where it gave the lease and the elapsed time."_s,
        u"seconds"_s);
    for (const AccountSessions &account : accounts) {
        for (const Session &session : account.sessions) {
            if (const auto left = displayedRemaining(session))
                text += sample(remaining,
                    {{u"account"_s, account.account}, {u"session_id"_s, session.id}, {u"size"_s, session.size}},
                    double(left->totalMilliseconds()) / 1000.0);
        }
    }

    text += family(u"arrsm_billed_hours_per_hour"_s,
        u"Sessions ready now, per account: the billed hours each hour at the current rate."_s);
    for (const AccountSessions &account : accounts) {
        int ready = 0;
        for (const Session &session : account.sessions)
            ready += session.status == SessionStatus::Ready ? 1 : 0;
        text += sample(u"arrsm_billed_hours_per_hour"_s, {{u"account"_s, account.account}}, ready);
    }

    // Money only where the user set prices (in the desktop app's Preferences); never an invented amount.
    QString burn;
    QString unpriced;
    for (const AccountSessions &account : accounts) {
        const bool hasPrices
            = !pricing.defaults.isEmpty() || !pricing.accountOverrides.value(account.pricingAccount).isEmpty();
        if (!hasPrices)
            continue;
        // The status bar's burn rate, computed the same way.
        SpendTally tally(pricing);
        for (const Session &session : account.sessions)
            tally.addListed(account.pricingAccount, session);
        const AccountSpend spend = tally.account(account.pricingAccount);
        const QString currency = pricing.currencyFor(account.pricingAccount);
        burn += sample(u"arrsm_burn_rate_per_hour"_s, {{u"account"_s, account.account}, {u"currency"_s, currency}},
            spend.rate.amounts.value(currency));
        unpriced += sample(u"arrsm_unpriced_ready_sessions"_s, {{u"account"_s, account.account}}, spend.unpriced);
    }
    if (!burn.isEmpty()) {
        text += family(u"arrsm_burn_rate_per_hour"_s,
            u"Sum of the hourly prices of the ready sessions, per account, in the currency of the prices set."_s);
        text += burn;
        text += family(u"arrsm_unpriced_ready_sessions"_s,
            u"Ready sessions whose size has no price set, left out of the burn rate."_s);
        text += unpriced;
    }
    text += watchedFamilies(accounts);
    text += u"# EOF\n"_s;
    return text.toUtf8();
}

} // namespace arr::cli
