#include "core/Clock.h"
#include "emulator/EmulatorServer.h"
#include "monitor/SessionMonitor.h"
#include "service/RequestLog.h"
#include "service/SessionApi.h"

#include "common/ListRequestCounter.h"
#include "common/MonitorPolls.h"
#include "common/TestEmulator.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using arr::SessionStatus;
using arr::TimeSpan;

namespace {

const QString AccountId = u"0f0e0d0c-0b0a-0908-0706-050403020100"_s;
const QString AccountKey = u"monitor-test-key"_s;
const QString AccountName = u"Emulated"_s;

} // namespace

// The monitor against the emulator over loopback HTTP, with one ManualClock driving both the
// emulator's lifecycle and the client's countdown.
class TestSessionMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void startingBecomesReady();
    void leaseRunsDownAndExpires();
    void backsOffAfterFaultsAndRecovers();
    void pollsNeverOverlap();
    void extendIsFollowedThrough();
    void extendRefusedIsReported();
    void stopIsFollowedThrough();
    void stopOfASessionThatJustExpiredSaysSo();
    void pausesWhileOffline();
    void revokedTokenIsRefreshedOnce();
    void wrongKeyShowsAuthenticationFailing();
    void requestLogKeepsTheAccountsIdentity();
    void oneSessionIsReadByItself();
    void anAccountForOneReadIsPolledOnce();

private:
    void startMonitor();
    // The session as the monitor last saw it, or null.
    const arr::TrackedSession *tracked(const QString &id) const;
    QList<arr::CommandOutcome> m_outcomes;
    QList<arr::SessionNotification> m_notifications;
    arr::ManualClock m_clock;
    std::unique_ptr<arr::emulator::EmulatorServer> m_emulator;
    std::unique_ptr<ListRequestCounter> m_network;
    std::unique_ptr<arr::RequestLog> m_log;
    std::unique_ptr<arr::SessionMonitor> m_monitor;
    QString m_key = AccountKey;
};

void TestSessionMonitor::init()
{
    arr::emulator::EmulatorOptions options;
    options.startDelayMs = 20'000;
    options.stopDelayMs = 3'000;
    m_emulator = startEmulator(&m_clock, AccountId, AccountKey, options);
    QVERIFY(m_emulator);
    m_network = std::make_unique<ListRequestCounter>();
    m_log = std::make_unique<arr::RequestLog>();
    m_monitor = std::make_unique<arr::SessionMonitor>(m_network.get(), m_log.get(), &m_clock);
    // Ten-second intervals pass in 10 ms of real time; the ManualClock moves only when told.
    shortenIntervals(*m_monitor, 1000);
    m_outcomes.clear();
    m_notifications.clear();
    m_key = AccountKey;
    connect(m_monitor.get(), &arr::SessionMonitor::commandFinished, this,
        [this](const arr::CommandOutcome &outcome) { m_outcomes.append(outcome); });
    connect(m_monitor.get(), &arr::SessionMonitor::notify, this,
        [this](const arr::SessionNotification &notification) { m_notifications.append(notification); });
}

void TestSessionMonitor::cleanup()
{
    m_monitor.reset();
    QTRY_COMPARE(m_network->findChildren<QNetworkReply *>().size(), 0);
    m_log.reset();
    m_network.reset();
    m_emulator.reset();
}

const arr::TrackedSession *TestSessionMonitor::tracked(const QString &id) const
{
    return m_monitor->sessions().find(AccountName, id);
}

void TestSessionMonitor::startMonitor()
{
    m_monitor->addAccount(accountOn(AccountName, AccountId, *m_emulator), m_key);
}

void TestSessionMonitor::startingBecomesReady()
{
    startMonitor();
    QTRY_COMPARE(m_monitor->health(AccountName).state, arr::AccountHealth::State::Healthy);
    m_monitor->createSession(AccountName, {TimeSpan::fromHours(1), u"standard"_s, {}});
    QTRY_COMPARE(m_outcomes.size(), 1);
    QVERIFY2(m_outcomes.first().succeeded, qPrintable(m_outcomes.first().description));
    const QString id = m_outcomes.first().sessionId;
    // Shown at once as starting.
    QVERIFY(tracked(id));
    QCOMPARE(tracked(id)->session.status, SessionStatus::Starting);
    QCOMPARE(m_emulator->requestCount(u"create"_s), 1);

    m_clock.advance(21'000);
    QTRY_COMPARE(tracked(id)->session.status, SessionStatus::Ready);
    QVERIFY(!tracked(id)->session.hostname.isEmpty());
    QTRY_VERIFY(!m_notifications.isEmpty());
    QCOMPARE(m_notifications.first().kind, arr::SessionNotification::Kind::BecameReady);
    QCOMPARE(m_notifications.first().sessionId, id);
}

void TestSessionMonitor::leaseRunsDownAndExpires()
{
    arr::emulator::SessionSeed seed;
    seed.maxLease = TimeSpan::fromMinutes(30);
    seed.age = TimeSpan::fromMinutes(15);
    seed.status = SessionStatus::Ready;
    const QString id = m_emulator->addSession(AccountId, seed);
    m_monitor->setExpiryWarning(10min);
    startMonitor();
    QTRY_VERIFY(tracked(id));
    const qint64 first = m_monitor->sessions().remaining(*tracked(id))->totalMilliseconds();
    QVERIFY(first <= 15 * 60'000 && first > 14 * 60'000);

    m_clock.advance(6 * 60'000);
    // Between polls the countdown moves with the clock alone.
    QVERIFY(m_monitor->sessions().remaining(*tracked(id))->totalMilliseconds() <= first - 6 * 60'000);
    QTRY_VERIFY(std::any_of(m_notifications.begin(), m_notifications.end(),
        [](const auto &n) { return n.kind == arr::SessionNotification::Kind::LeaseEndingSoon; }));

    m_clock.advance(10 * 60'000);
    QTRY_COMPARE(tracked(id)->session.status, SessionStatus::Expired);
    QTRY_VERIFY(std::any_of(m_notifications.begin(), m_notifications.end(),
        [](const auto &n) { return n.kind == arr::SessionNotification::Kind::Expired; }));
    QVERIFY(!tracked(id)->session.message.isEmpty());
}

void TestSessionMonitor::backsOffAfterFaultsAndRecovers()
{
    startMonitor();
    QTRY_COMPARE(m_monitor->health(AccountName).state, arr::AccountHealth::State::Healthy);
    m_monitor->api(AccountName)->retryPolicy.maxAttempts = 1;
    arr::emulator::FaultOptions faults;
    faults.errorRate = 1.0;
    m_emulator->setFaults(faults);
    m_monitor->refresh();
    QTRY_COMPARE(m_monitor->health(AccountName).state, arr::AccountHealth::State::BackingOff);
    QTRY_VERIFY_WITH_TIMEOUT(m_monitor->health(AccountName).failures >= 3, 10000);
    const arr::AccountHealth failing = m_monitor->health(AccountName);
    QVERIFY(!failing.lastError.ok());
    QVERIFY(failing.lastGoodPoll.isValid());

    m_emulator->setFaults({});
    QTRY_COMPARE_WITH_TIMEOUT(m_monitor->health(AccountName).state, arr::AccountHealth::State::Healthy, 15000);
    QCOMPARE(m_monitor->health(AccountName).failures, 0);
}

void TestSessionMonitor::pollsNeverOverlap()
{
    arr::emulator::FaultOptions slow;
    slow.latencyRate = 1.0;
    slow.latencyMs = 300;
    m_emulator->setFaults(slow);
    // Hour-long intervals, so that only the refreshes below cause polls.
    m_monitor->setPollInterval(1h);
    m_monitor->setFastPollInterval(1h);
    QSignalSpy polled(m_monitor.get(), &arr::SessionMonitor::pollFinished);
    startMonitor();
    QTRY_COMPARE_WITH_TIMEOUT(m_network->sent(), 1, 5000);
    m_emulator->resetCounters();
    // A burst of refreshes while a slow poll is in flight is folded into one follow-up poll.
    for (int i = 0; i < 20; ++i) {
        m_monitor->refresh();
        QTest::qWait(5);
    }
    // The first poll and the one that follows it have answered; any other would have gone out with them.
    QTRY_VERIFY_WITH_TIMEOUT(polled.size() >= 2, 5000);
    QVERIFY2(m_emulator->requestCount(u"list"_s) <= 2,
        qPrintable(u"%1 list requests"_s.arg(m_emulator->requestCount(u"list"_s))));
    QCOMPARE(m_network->maxInFlightPerAccount(), 1);
}

void TestSessionMonitor::extendIsFollowedThrough()
{
    arr::emulator::SessionSeed seed;
    seed.status = SessionStatus::Ready;
    seed.maxLease = TimeSpan::fromHours(1);
    seed.age = TimeSpan::fromMinutes(5);
    const QString id = m_emulator->addSession(AccountId, seed);
    startMonitor();
    QTRY_VERIFY(tracked(id));
    m_monitor->extendSession(AccountName, id, TimeSpan::fromHours(2));
    QTRY_COMPARE(m_outcomes.size(), 1);
    QVERIFY2(m_outcomes.first().succeeded, qPrintable(m_outcomes.first().description));
    QCOMPARE(tracked(id)->session.maxLease.value(), TimeSpan::fromHours(2));
    QCOMPARE(m_emulator->sessions(AccountId).first().maxLease.value(), TimeSpan::fromHours(2));
    QVERIFY(tracked(id)->pendingCommand.isEmpty());
}

void TestSessionMonitor::extendRefusedIsReported()
{
    arr::emulator::SessionSeed seed;
    seed.status = SessionStatus::Ready;
    seed.maxLease = TimeSpan::fromHours(3);
    const QString id = m_emulator->addSession(AccountId, seed);
    startMonitor();
    QTRY_VERIFY(tracked(id));
    m_monitor->extendSession(AccountName, id, TimeSpan::fromHours(2));
    QTRY_COMPARE(m_outcomes.size(), 1);
    const arr::CommandOutcome outcome = m_outcomes.first();
    QVERIFY(!outcome.succeeded);
    QCOMPARE(outcome.result.httpStatus, 400);
    QVERIFY(!outcome.result.msCv.isEmpty());
    QVERIFY(outcome.description.contains(id));
    QCOMPARE(m_emulator->requestCount(u"update"_s), 1);
}

void TestSessionMonitor::stopIsFollowedThrough()
{
    arr::emulator::SessionSeed seed;
    seed.status = SessionStatus::Ready;
    const QString id = m_emulator->addSession(AccountId, seed);
    startMonitor();
    QTRY_VERIFY(tracked(id));
    m_monitor->stopSession(AccountName, id);
    QTRY_COMPARE(m_outcomes.size(), 1);
    QVERIFY2(m_outcomes.first().succeeded, qPrintable(m_outcomes.first().description));
    QCOMPARE(tracked(id)->session.status, SessionStatus::Stopping);
    m_clock.advance(4'000);
    QTRY_COMPARE(tracked(id)->session.status, SessionStatus::Stopped);
}

void TestSessionMonitor::stopOfASessionThatJustExpiredSaysSo()
{
    arr::emulator::SessionSeed seed;
    seed.status = SessionStatus::Ready;
    seed.maxLease = TimeSpan::fromHours(1);
    seed.age = TimeSpan::fromHours(1) - TimeSpan::fromSeconds(1);
    const QString id = m_emulator->addSession(AccountId, seed);
    startMonitor();
    QTRY_VERIFY(tracked(id));
    QCOMPARE(tracked(id)->session.status, SessionStatus::Ready);
    // The lease runs out in the service; the table has not seen it yet when the stop is asked for.
    m_clock.advance(2'000);
    m_monitor->stopSession(AccountName, id);
    QTRY_COMPARE(m_outcomes.size(), 1);
    const arr::CommandOutcome outcome = m_outcomes.first();
    QVERIFY2(outcome.succeeded, qPrintable(outcome.description));
    QVERIFY2(outcome.description.contains(u"lease ran out"_s), qPrintable(outcome.description));
    QCOMPARE(tracked(id)->session.status, SessionStatus::Expired);
    QCOMPARE(m_emulator->requestCount(u"stop"_s), 1);
}

void TestSessionMonitor::pausesWhileOffline()
{
    startMonitor();
    QTRY_COMPARE(m_monitor->health(AccountName).state, arr::AccountHealth::State::Healthy);
    m_monitor->setOnline(false);
    QCOMPARE(m_monitor->health(AccountName).state, arr::AccountHealth::State::Offline);
    // A poll already on its way ends; no other starts.
    QTRY_VERIFY(m_network->findChildren<QNetworkReply *>().isEmpty());
    const int before = m_emulator->requestCount(u"list"_s);
    m_monitor->refresh();
    // A list asked for after the refresh: a poll the refresh had started would have gone out first.
    QSignalSpy witnessed(m_monitor->api(AccountName)->listSessions(), &arr::ApiJob::finished);
    QVERIFY(witnessed.wait());
    QCOMPARE(m_emulator->requestCount(u"list"_s), before + 1);
    m_monitor->setOnline(true);
    QTRY_VERIFY(m_emulator->requestCount(u"list"_s) > before + 1);
    QTRY_COMPARE(m_monitor->health(AccountName).state, arr::AccountHealth::State::Healthy);
}

void TestSessionMonitor::revokedTokenIsRefreshedOnce()
{
    startMonitor();
    QTRY_COMPARE(m_monitor->health(AccountName).state, arr::AccountHealth::State::Healthy);
    QCOMPARE(m_emulator->requestCount(u"token"_s), 1);
    m_emulator->revokeTokens();
    m_monitor->refresh();
    QTRY_COMPARE(m_emulator->requestCount(u"token"_s), 2);
    // Several more polls go by on the new token, with no further fetch and no failure shown.
    const int pollsBefore = m_network->sent();
    QTRY_VERIFY(m_network->sent() >= pollsBefore + 3);
    QCOMPARE(m_emulator->requestCount(u"token"_s), 2);
    QTRY_COMPARE(m_monitor->health(AccountName).state, arr::AccountHealth::State::Healthy);
}

void TestSessionMonitor::wrongKeyShowsAuthenticationFailing()
{
    m_key = u"not-the-key"_s;
    startMonitor();
    QTRY_COMPARE(m_monitor->health(AccountName).state, arr::AccountHealth::State::AuthenticationFailing);
    QCOMPARE(m_emulator->requestCount(u"list"_s), 0);
    QCOMPARE(m_monitor->health(AccountName).lastError.kind, arr::ErrorKind::Authentication);
}

// The request log shows each account's name and keeps which account it was: an account that takes a
// name another had before is told apart from it, and a renamed account is still the same one.
void TestSessionMonitor::requestLogKeepsTheAccountsIdentity()
{
    const QString otherId = u"1f2e3d4c-5b6a-4798-8a6b-5c4d3e2f1a0b"_s;
    m_emulator->addAccount(otherId, AccountKey);
    // The entries logged while `account` was watched, from its token to its settled polls.
    const auto watched = [this](const arr::Account &account) {
        const qsizetype before = m_log->size();
        m_monitor->addAccount(account, AccountKey);
        const bool settled = pollAndSettle(*m_monitor, account.name);
        m_monitor->removeAccount(account.name);
        QList<arr::RequestLogEntry> entries;
        for (qsizetype i = before; settled && i < m_log->size(); ++i)
            entries.append(m_log->at(i));
        return entries;
    };
    const arr::Account ops = accountOn(u"Ops"_s, AccountId, *m_emulator);
    const arr::Account otherOps = accountOn(u"Ops"_s, otherId, *m_emulator);
    arr::Account renamed = ops;
    renamed.name = u"Operations"_s;
    QVERIFY(ops.identity() != otherOps.identity());

    for (const arr::Account &account : {ops, otherOps, renamed}) {
        const QList<arr::RequestLogEntry> entries = watched(account);
        QVERIFY(!entries.isEmpty());
        bool token = false;
        bool list = false;
        for (const arr::RequestLogEntry &entry : entries) {
            QCOMPARE(entry.account, account.name);
            QVERIFY2(entry.accountIdentity == account.identity(), qPrintable(entry.toLine()));
            token = token || entry.path.endsWith(u"/token"_s);
            list = list || entry.path.endsWith(u"/sessions"_s);
        }
        QVERIFY(token && list);
        // One copy of the identity however many entries carry it.
        QVERIFY(entries.constFirst().accountIdentity.isSharedWith(entries.constLast().accountIdentity));
    }
}

// A front end following one session (arrsm keep-alive) polls just that session: one properties read
// per poll, never the account's list, and only that session is tracked.
void TestSessionMonitor::oneSessionIsReadByItself()
{
    arr::emulator::SessionSeed seed;
    seed.status = SessionStatus::Ready;
    const QString followed = m_emulator->addSession(AccountId, seed);
    const QString other = m_emulator->addSession(AccountId, seed);
    m_monitor->addAccount(accountOn(AccountName, AccountId, *m_emulator), m_key, followed);
    QVERIFY(pollAndSettle(*m_monitor, AccountName));
    QVERIFY(tracked(followed));
    QVERIFY(!tracked(other));
    QVERIFY(m_emulator->requestCount(u"properties"_s) >= 2);
    QCOMPARE(m_emulator->requestCount(u"list"_s), 0);
}

// A front end that reads once (arrsm list, show, metrics) gets one poll, whatever its answer: no poll
// follows a good read, none follows a failed one, and a refresh asks for none. An account polled beside
// them at the usual pace shows that later polls would have had time to come.
void TestSessionMonitor::anAccountForOneReadIsPolledOnce()
{
    arr::emulator::SessionSeed seed;
    seed.status = SessionStatus::Ready;
    const QString known = m_emulator->addSession(AccountId, seed);
    const QString listed = u"Listed"_s;
    const QString unknown = u"Unknown"_s;
    QHash<QString, QList<arr::ApiResult>> reads;
    connect(m_monitor.get(), &arr::SessionMonitor::pollFinished, this,
        [&reads](const QString &account, const arr::ApiResult &result) { reads[account].append(result); });
    m_monitor->addAccountForOneRead(accountOn(listed, AccountId, *m_emulator), m_key);
    m_monitor->addAccountForOneRead(
        accountOn(unknown, AccountId, *m_emulator), m_key, u"00000000-0000-0000-0000-000000000000"_s);
    startMonitor();
    QTRY_VERIFY(reads.value(AccountName).size() >= 4);
    m_monitor->refresh(listed);
    m_monitor->refresh(unknown);
    const qsizetype polled = reads.value(AccountName).size();
    QTRY_VERIFY(reads.value(AccountName).size() >= polled + 2);

    QCOMPARE(reads.value(listed).size(), 1);
    QVERIFY(reads.value(listed).first().ok());
    QCOMPARE(reads.value(listed).first().sessions.size(), 1);
    QVERIFY(m_monitor->sessions().find(listed, known));
    QCOMPARE(reads.value(unknown).size(), 1);
    QCOMPARE(reads.value(unknown).first().kind, arr::ErrorKind::NotFound);
    QCOMPARE(m_emulator->requestCount(u"properties"_s), 1);
}

QTEST_GUILESS_MAIN(TestSessionMonitor)
#include "tst_sessionmonitor.moc"
