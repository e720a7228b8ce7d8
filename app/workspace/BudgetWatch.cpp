#include "workspace/BudgetWatch.h"

#include "workspace/Spend.h"

#include "core/BilledTimeSource.h"
#include "core/Clock.h"
#include "core/SafeText.h"
#include "monitor/LiveSessions.h"
#include "storage/AccountStore.h"
#include "storage/Settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// Polls of many accounts finish within moments of each other: one check covers them.
constexpr int CheckDelayMs = 1000;

QString dayKey(const QDate &day)
{
    return day.toString(Qt::ISODate);
}

QString describe(const BudgetWatch::Spend &spend, const QLocale &locale)
{
    if (spend.money)
        return formatMoney(spend.amount, spend.currency, locale);
    return BudgetWatch::tr("%1 h").arg(locale.toString(spend.amount, 'f', 1));
}

} // namespace

BudgetWatch::BudgetWatch(const AccountStore *accounts, const LiveSessions *sessions, const BilledTimeSource *spent,
    Settings *settings, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_sessions(sessions)
    , m_spent(spent)
    , m_settings(settings)
    , m_clock(clock ? clock : SystemClock::instance())
{
    m_pending.setSingleShot(true);
    m_pending.setInterval(CheckDelayMs);
    connect(&m_pending, &QTimer::timeout, this, &BudgetWatch::check);
    loadGiven();
}

BudgetWatch::~BudgetWatch() = default;

void BudgetWatch::setPricing(const Pricing &pricing)
{
    m_pricing = pricing;
}

QHash<QString, BudgetWatch::Spend> BudgetWatch::spentToday(const QStringList &accounts) const
{
    SpendTally tally(m_pricing);
    tally.addToday(m_spent->billedSince(startOfToday(*m_clock)));
    QHash<QString, Spend> spent;
    for (const QString &account : accounts)
        spent.insert(account, spendOf(account, tally));
    return spent;
}

void BudgetWatch::scheduleCheck()
{
    if (!m_pending.isActive())
        m_pending.start();
}

BudgetWatch::Spend BudgetWatch::spendOf(const QString &account, const SpendTally &tally) const
{
    Spend spend;
    spend.money = m_pricing.hasAnyPrice();
    spend.currency = m_pricing.currencyFor(account);
    const CostTotal today = tally.account(account).today;
    // Time of a size without a price adds nothing to money: it is never priced at zero on purpose,
    // but a budget in money cannot count it either.
    if (spend.money)
        spend.amount = today.amounts.value(spend.currency);
    else
        spend.amount = double(today.billedTime.totalMilliseconds()) / 3'600'000.0;
    return spend;
}

void BudgetWatch::check()
{
    m_pending.stop();
    // Today's usage and the session list are each read once, however many accounts have a budget
    // or an alert.
    std::optional<SpendTally> today;
    QHash<QString, LongRunningAlert> longRunning;
    for (const Account &account : m_accounts->accounts()) {
        if (!account.enabled)
            continue;
        if (account.dailyBudget > 0) {
            if (!today) {
                today.emplace(m_pricing);
                today->addToday(m_spent->billedSince(startOfToday(*m_clock)));
            }
            checkBudget(account, spendOf(account.name, *today));
        }
        if (account.longRunningHours > 0)
            longRunning.insert(account.name, {account.longRunningHours, account.identity()});
    }
    if (!longRunning.isEmpty())
        checkLongRunning(longRunning);
}

void BudgetWatch::checkBudget(const Account &account, const Spend &spend)
{
    const double share = spend.amount / account.dailyBudget;
    if (share < 0.8)
        return;
    const QLocale locale;
    const QString name = safeText(account.name, MaximumAccountNameLength);
    const Spend budget{account.dailyBudget, spend.money, spend.currency};
    if (share >= 1.0) {
        // A jump past both marks at once says only the one that matters.
        giveOnce(u"budget-80|"_s + account.identity());
        if (!giveOnce(u"budget-100|"_s + account.identity()))
            return;
        Q_EMIT notify({SessionNotification::Kind::BudgetReached, account.name, {},
            tr("%1 has spent %2 today, its whole daily budget of %3.")
                .arg(name, describe(spend, locale), describe(budget, locale))});
        return;
    }
    if (!giveOnce(u"budget-80|"_s + account.identity()))
        return;
    Q_EMIT notify({SessionNotification::Kind::BudgetWarning, account.name, {},
        tr("%1 has spent %2 today, %3 % of its daily budget of %4.")
            .arg(name, describe(spend, locale), locale.toString(int(share * 100)), describe(budget, locale))});
}

void BudgetWatch::checkLongRunning(const QHash<QString, LongRunningAlert> &alertsByAccount)
{
    const qint64 nowMono = m_clock->monotonicMs();
    for (int i = 0; i < m_sessions->count(); ++i) {
        const TrackedSession &tracked = m_sessions->at(i);
        if (tracked.session.status != SessionStatus::Ready)
            continue;
        const auto alert = alertsByAccount.constFind(tracked.account);
        if (alert == alertsByAccount.constEnd())
            continue;
        const int hours = alert->hours;
        const std::optional<TimeSpan> ready = billedTime(tracked.session, nowMono - tracked.observedAtMono);
        if (!ready || ready->totalMilliseconds() <= qint64(hours) * 3'600'000)
            continue;
        if (!giveOnce(u"long|"_s + alert->identity + u'|' + tracked.session.id))
            continue;
        Q_EMIT notify({SessionNotification::Kind::LongRunning, tracked.account, tracked.session.id,
            tr("Session %1 (%2) has been ready for %3, longer than the %n hour(s) its account allows.", nullptr, hours)
                .arg(safeText(tracked.session.id, 80), safeText(tracked.account, MaximumAccountNameLength),
                    ready->toString())});
    }
}

bool BudgetWatch::takeGivenElsewhere(const QString &identity, const QString &alertKind)
{
    if (alertKind == "budget-reached"_L1) {
        // As for a jump past both marks here: the whole budget says what 80 % would.
        giveOnce(u"budget-80|"_s + identity);
        return giveOnce(u"budget-100|"_s + identity);
    }
    if (alertKind == "budget-warning"_L1)
        return giveOnce(u"budget-80|"_s + identity);
    return false;
}

bool BudgetWatch::giveOnce(const QString &alert)
{
    const QDate today = m_clock->now().toLocalTime().date();
    if (today != m_givenDay) {
        m_givenDay = today;
        m_given.clear();
    }
    if (m_given.contains(alert))
        return false;
    m_given.insert(alert);
    QJsonArray alerts;
    for (const QString &given : std::as_const(m_given))
        alerts.append(given);
    const QJsonObject stored{{u"day"_s, dayKey(m_givenDay)}, {u"alerts"_s, alerts}};
    m_settings->setValue(
        Settings::Key::AlertsGiven, QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact)));
    return true;
}

void BudgetWatch::loadGiven()
{
    // A hand-edited or damaged value only means an alert may be given again.
    const QJsonObject stored
        = QJsonDocument::fromJson(m_settings->value(Settings::Key::AlertsGiven).toString().toUtf8()).object();
    const QDate day = QDate::fromString(stored.value(u"day"_s).toString(), Qt::ISODate);
    if (!day.isValid() || day != m_clock->now().toLocalTime().date())
        return;
    m_givenDay = day;
    for (const QJsonValue &alert : stored.value(u"alerts"_s).toArray()) {
        if (alert.isString())
            m_given.insert(alert.toString());
    }
}

} // namespace arr
