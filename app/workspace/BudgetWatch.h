#pragma once

#include "core/Cost.h"
#include "monitor/SessionMonitor.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace arr {

class AccountStore;
class BilledTimeSource;
struct BilledUsage;
class Clock;
class LiveSessions;
class Settings;
class SpendTally;

// The accounts' guardrails against money running away: a daily budget (alerts at 80 % and 100 % of
// what was spent since local midnight: money when prices are set, else billed hours) and an alert for
// a session ready longer than its account allows. Each alert is given once per day (and session), also
// across a restart of the app and a rename of the account (alerts are kept by its identity); a new day
// starts them afresh. Checked shortly after polls, so many
// accounts polling at once cost one check.
class BudgetWatch : public QObject
{
    Q_OBJECT

public:
    // What an account spent today, in the unit its budget is in.
    struct Spend
    {
        double amount = 0;
        // Money in `currency` (may be empty for prices entered without one), else billed hours.
        bool money = false;
        QString currency;
    };

    BudgetWatch(const AccountStore *accounts, const LiveSessions *sessions, const BilledTimeSource *spent,
        Settings *settings, const Clock *clock, QObject *parent = nullptr);
    ~BudgetWatch() override;

    void setPricing(const Pricing &pricing);
    // What each of `accounts` spent today, in the unit its budget would be in: today's usage is read
    // and priced once for all of them.
    QHash<QString, Spend> spentToday(const QStringList &accounts) const;
    // Schedules a check (after every poll); several requests in a short time make one check.
    void scheduleCheck();
    // Checks every account now.
    void check();
    // Another program gave the account (by identity) this budget alert today ("budget-warning" or
    // "budget-reached", see HistoryAlert): true when this watch has not given it itself, and from now
    // on it counts as given here too, so that the account's alert comes once.
    bool takeGivenElsewhere(const QString &identity, const QString &alertKind);

Q_SIGNALS:
    void notify(const arr::SessionNotification &notification);

private:
    void checkBudget(const Account &account, const Spend &spend);
    struct LongRunningAlert
    {
        int hours = 0;
        QString identity;
    };
    // One pass over the sessions for every account with an alert (by account name).
    void checkLongRunning(const QHash<QString, LongRunningAlert> &alertsByAccount);
    // What `account` spent today, of every account's spend.
    Spend spendOf(const QString &account, const SpendTally &today) const;
    // True the first time today `alert` is given; remembers it (in the settings as well).
    bool giveOnce(const QString &alert);
    void loadGiven();

    const AccountStore *m_accounts;
    const LiveSessions *m_sessions;
    const BilledTimeSource *m_spent;
    Settings *m_settings;
    const Clock *m_clock;
    Pricing m_pricing;
    QTimer m_pending;
    QDate m_givenDay;
    QSet<QString> m_given;
};

} // namespace arr
