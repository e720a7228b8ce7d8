#include "common/ReadySession.h"
#include "core/Clock.h"
#include "monitor/LiveBilledTime.h"
#include "monitor/LiveSessions.h"
#include "storage/AccountStore.h"
#include "storage/Settings.h"
#include "workspace/BudgetWatch.h"
#include "workspace/LocalEmulator.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace arr;

namespace {

const QString OpsId = u"5b0c7f1e-2d3a-4c5b-8e9f-0a1b2c3d4e5f"_s;
const QString OtherId = u"9e8d7c6b-5a49-4837-a625-14f3e2d1c0b9"_s;

// Local noon, so that "today" has twelve hours before and after.
const QDateTime Noon = QDateTime(QDate(2026, 3, 14), QTime(12, 0)).toUTC();

} // namespace

// The daily budgets and the long-running alert without a window: saved accounts, the sessions as a
// monitor would leave them, "spent today" from those sessions, and a clock the test moves. Each alert
// is given once per account identity (and session) and day.
class TestBudgetWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_clock = std::make_unique<ManualClock>(Noon);
        m_accountSettings = std::make_unique<QSettings>(m_dir->filePath(u"accounts.ini"_s), QSettings::IniFormat);
        m_accounts = std::make_unique<AccountStore>(m_accountSettings.get());
        m_settings = std::make_unique<Settings>(m_dir->filePath(u"settings.ini"_s));
        m_sessions = std::make_unique<LiveSessions>(m_clock.get());
        m_billed = std::make_unique<LiveBilledTime>(m_sessions.get());
        m_watch = std::make_unique<BudgetWatch>(
            m_accounts.get(), m_sessions.get(), m_billed.get(), m_settings.get(), m_clock.get());
        m_alerts.clear();
        connect(m_watch.get(), &BudgetWatch::notify, this,
            [this](const SessionNotification &alert) { m_alerts.append(alert); });
    }

    void cleanup()
    {
        m_watch.reset();
        m_billed.reset();
        m_sessions.reset();
        m_settings.reset();
        m_accounts.reset();
        m_accountSettings.reset();
        m_dir.reset();
    }

    // A budget of one billed hour (no prices are set): 80 % once, 100 % once, and afresh the next day.
    void budgetAlertsComeOnceADay()
    {
        QVERIFY(save(account(u"Ops"_s, OpsId, 1.0)));
        poll(u"Ops"_s, {readyFor(u"s1"_s, 50)});
        m_watch->check();
        QCOMPARE(m_alerts.size(), 1);
        QCOMPARE(m_alerts.at(0).kind, SessionNotification::Kind::BudgetWarning);
        QCOMPARE(m_alerts.at(0).account, u"Ops"_s);
        QVERIFY2(m_alerts.at(0).text.contains(u"Ops"_s), qPrintable(m_alerts.at(0).text));
        m_watch->check();
        QCOMPARE(m_alerts.size(), 1);

        // The session stays ready: ten minutes later the hour is spent.
        m_clock->advance(10 * 60'000);
        m_watch->check();
        QCOMPARE(m_alerts.size(), 2);
        QCOMPARE(m_alerts.at(1).kind, SessionNotification::Kind::BudgetReached);
        m_watch->check();
        QCOMPARE(m_alerts.size(), 2);

        // Tomorrow's 80 % is another alert.
        m_clock->advance(24 * 3600'000);
        poll(u"Ops"_s, {readyFor(u"s2"_s, 50)});
        m_watch->check();
        QCOMPARE(m_alerts.size(), 3);
        QCOMPARE(m_alerts.at(2).kind, SessionNotification::Kind::BudgetWarning);
    }

    // A spend past both marks at once says only the one that matters, and never the other later.
    void aJumpPastBothMarksIsOneAlert()
    {
        QVERIFY(save(account(u"Ops"_s, OpsId, 1.0)));
        poll(u"Ops"_s, {readyFor(u"s1"_s, 75)});
        m_watch->check();
        QCOMPARE(m_alerts.size(), 1);
        QCOMPARE(m_alerts.at(0).kind, SessionNotification::Kind::BudgetReached);
        m_clock->advance(5 * 60'000);
        m_watch->check();
        QCOMPARE(m_alerts.size(), 1);
    }

    // Alerts are kept by the account's identity: a rename is the same account and is not told again,
    // while another account that takes the old name is an account of its own.
    void aRenamedAccountIsNotToldAgain()
    {
        const Account ops = account(u"Ops"_s, OpsId, 1.0);
        QVERIFY(save(ops));
        poll(u"Ops"_s, {readyFor(u"s1"_s, 50)});
        m_watch->check();
        QCOMPARE(m_alerts.size(), 1);

        Account renamed = ops;
        renamed.name = u"Operations"_s;
        QVERIFY(save(renamed, u"Ops"_s));
        m_sessions->removeAccount(u"Ops"_s);
        poll(u"Operations"_s, {readyFor(u"s1"_s, 50)});
        m_watch->check();
        QCOMPARE(m_alerts.size(), 1);

        QVERIFY(save(account(u"Ops"_s, OtherId, 1.0)));
        poll(u"Ops"_s, {readyFor(u"t1"_s, 50)});
        m_watch->check();
        QCOMPARE(m_alerts.size(), 2);
        QCOMPARE(m_alerts.at(1).kind, SessionNotification::Kind::BudgetWarning);
        QCOMPARE(m_alerts.at(1).account, u"Ops"_s);

        // Both spend their whole budget: each is told once, under its name of now.
        m_clock->advance(15 * 60'000);
        m_watch->check();
        m_watch->check();
        QCOMPARE(m_alerts.size(), 4);
        QStringList reached;
        for (qsizetype i = 2; i < m_alerts.size(); ++i) {
            QCOMPARE(m_alerts.at(i).kind, SessionNotification::Kind::BudgetReached);
            reached << m_alerts.at(i).account;
        }
        reached.sort();
        QCOMPARE(reached, (QStringList{u"Operations"_s, u"Ops"_s}));

        // Renamed once more after its budget was spent: still told.
        renamed.name = u"Ops team"_s;
        QVERIFY(save(renamed, u"Operations"_s));
        m_sessions->removeAccount(u"Operations"_s);
        poll(u"Ops team"_s, {readyFor(u"s1"_s, 70)});
        m_watch->check();
        QCOMPARE(m_alerts.size(), 4);
    }

    // Only enabled saved accounts are watched: a disabled one is not, nor the sessions of an account
    // that is not saved (the local emulator's made-up ones), however long they run.
    void onlyEnabledSavedAccountsAreWatched()
    {
        Account ops = account(u"Ops"_s, OpsId, 1.0);
        ops.longRunningHours = 1;
        QVERIFY(save(ops));
        Account paused = account(u"Paused"_s, OtherId, 1.0);
        paused.longRunningHours = 1;
        paused.enabled = false;
        QVERIFY(save(paused));
        for (const QString &name : {u"Ops"_s, u"Paused"_s, LocalEmulator::accountName()})
            poll(name, {readyFor(u"s-"_s + name, 90)});
        m_watch->check();
        QCOMPARE(m_alerts.size(), 2);
        for (const SessionNotification &alert : std::as_const(m_alerts))
            QCOMPARE(alert.account, u"Ops"_s);
    }

    // A session ready longer than its account allows is told once, a later one too, and neither again
    // after the account is renamed; a session that is no longer ready is not.
    void aLongRunningSessionIsToldOnce()
    {
        Account ops = account(u"Ops"_s, OpsId, 0);
        ops.longRunningHours = 1;
        QVERIFY(save(ops));
        Session stopped = readyFor(u"ended"_s, 180);
        stopped.status = SessionStatus::Stopped;
        poll(u"Ops"_s, {readyFor(u"long"_s, 70), readyFor(u"young"_s, 30), stopped});
        m_watch->check();
        QCOMPARE(m_alerts.size(), 1);
        QCOMPARE(m_alerts.at(0).kind, SessionNotification::Kind::LongRunning);
        QCOMPARE(m_alerts.at(0).sessionId, u"long"_s);

        m_clock->advance(31 * 60'000);
        m_watch->check();
        QCOMPARE(m_alerts.size(), 2);
        QCOMPARE(m_alerts.at(1).sessionId, u"young"_s);
        m_watch->check();
        QCOMPARE(m_alerts.size(), 2);

        Account renamed = ops;
        renamed.name = u"Operations"_s;
        QVERIFY(save(renamed, u"Ops"_s));
        m_sessions->removeAccount(u"Ops"_s);
        poll(u"Operations"_s, {readyFor(u"long"_s, 101), readyFor(u"young"_s, 61)});
        m_watch->check();
        QCOMPARE(m_alerts.size(), 2);
    }

    // With prices set, a budget is money: the time of a size without a price counts for nothing in it.
    void aBudgetInMoneyCountsPricedTimeOnly()
    {
        Pricing pricing;
        pricing.defaults.currency = u"EUR"_s;
        pricing.defaults.hourly.insert(u"standard"_s, 2.0);
        m_watch->setPricing(pricing);
        QVERIFY(save(account(u"Ops"_s, OpsId, 2.0)));
        poll(u"Ops"_s, {readyFor(u"s1"_s, 50), readyFor(u"big"_s, 180, u"premium"_s)});
        const BudgetWatch::Spend spent = m_watch->spentToday({u"Ops"_s}).value(u"Ops"_s);
        QVERIFY(spent.money);
        QCOMPARE(spent.currency, u"EUR"_s);
        QVERIFY2(qAbs(spent.amount - 50.0 / 60.0 * 2.0) < 0.01, qPrintable(QString::number(spent.amount)));
        m_watch->check();
        QCOMPARE(m_alerts.size(), 1);
        QCOMPARE(m_alerts.at(0).kind, SessionNotification::Kind::BudgetWarning);
    }

    // After polls the watch checks by itself, shortly after: no caller has to call check().
    void aScheduledCheckFollowsPolls()
    {
        QVERIFY(save(account(u"Ops"_s, OpsId, 1.0)));
        poll(u"Ops"_s, {readyFor(u"s1"_s, 50)});
        QSignalSpy told(m_watch.get(), &BudgetWatch::notify);
        for (int i = 0; i < 3; ++i)
            m_watch->scheduleCheck();
        QVERIFY(told.wait(5000));
        QCOMPARE(m_alerts.size(), 1);
    }

private:
    static Account account(const QString &name, const QString &id, double dailyBudget)
    {
        Account account;
        account.name = name;
        account.accountId = id;
        account.endpoint = QUrl(u"http://127.0.0.1:1"_s);
        account.tokenEndpoint = account.endpoint;
        account.dailyBudget = dailyBudget;
        return account;
    }

    bool save(const Account &account, const QString &previousName = {})
    {
        const QString problem = m_accounts->save(account, previousName);
        if (!problem.isEmpty())
            qWarning("%s", qPrintable(problem));
        return problem.isEmpty();
    }

    void poll(const QString &account, const QList<Session> &sessions)
    {
        m_sessions->applyPoll(account, sessions, m_clock->monotonicMs());
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<QSettings> m_accountSettings;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<LiveSessions> m_sessions;
    std::unique_ptr<LiveBilledTime> m_billed;
    std::unique_ptr<BudgetWatch> m_watch;
    QList<SessionNotification> m_alerts;
};

QTEST_GUILESS_MAIN(TestBudgetWatch)
#include "tst_budgetwatch.moc"
