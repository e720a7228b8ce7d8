#include "common/LoggedEntries.h"
#include "common/MonitorPolls.h"
#include "common/TestEmulator.h"
#include "core/Clock.h"
#include "emulator/EmulatorServer.h"
#include "monitor/SessionMonitor.h"
#include "service/RequestLog.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using arr::AccountHealth;
using arr::SessionStatus;
using arr::TimeSpan;

namespace {

const QString AccountId = u"6e5d4c3b-2a19-4807-b6f5-e4d3c2b1a098"_s;
const QString AccountKey = u"token-life-test-key"_s;
const QString AccountName = u"Token life"_s;

constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;

// One monitor polling one account of the emulator. The emulator runs on the service clock; the
// client (monitor, token provider, countdown) on the same clock, or on a second one whose wall
// time is off by `clientSkewMs` but whose monotonic time moves in step.
class Rig
{
public:
    explicit Rig(qint64 clientSkewMs = 0)
        : m_clientClock(m_serviceClock.now().addMSecs(clientSkewMs))
        , m_skewed(clientSkewMs != 0)
    {
        emulator = startEmulator(&m_serviceClock, AccountId, AccountKey);
        network = std::make_unique<QNetworkAccessManager>();
        log = std::make_unique<arr::RequestLog>();
        monitor = std::make_unique<arr::SessionMonitor>(network.get(), log.get(), clientClock());
        if (emulator) {
            QObject::connect(emulator.get(), &arr::emulator::EmulatorServer::requestHandled, emulator.get(),
                [this](const QString &operation, int status) {
                    if (operation == u"token"_s && status == 200)
                        ++tokensIssued;
                });
        }
        QObject::connect(monitor.get(), &arr::SessionMonitor::accountHealthChanged, monitor.get(),
            [this](const QString &, const AccountHealth &health) { healthStates.append(health.state); });
        QObject::connect(monitor.get(), &arr::SessionMonitor::pollFinished, monitor.get(),
            [this](const QString &, const arr::ApiResult &result) { polls.append(result); });
        QObject::connect(monitor.get(), &arr::SessionMonitor::commandFinished, monitor.get(),
            [this](const arr::CommandOutcome &outcome) { outcomes.append(outcome); });
    }

    // Stops the monitor and waits until no reply is left in flight.
    bool shutDown()
    {
        monitor.reset();
        QElapsedTimer timer;
        timer.start();
        while (!network->findChildren<QNetworkReply *>().isEmpty() && timer.elapsed() < 5000)
            QTest::qWait(5);
        return network->findChildren<QNetworkReply *>().isEmpty();
    }

    const arr::Clock *clientClock() const
    {
        return m_skewed ? static_cast<const arr::Clock *>(&m_clientClock) : &m_serviceClock;
    }
    const arr::ManualClock &serviceClock() const { return m_serviceClock; }

    // Time passes for the service and the client alike.
    void advance(qint64 ms)
    {
        m_serviceClock.advance(ms);
        if (m_skewed)
            m_clientClock.advance(ms);
    }

    void addAccount(const QString &key, const QUrl &tokenEndpoint = {})
    {
        arr::Account account = accountOn(AccountName, AccountId, *emulator);
        if (!tokenEndpoint.isEmpty())
            account.tokenEndpoint = tokenEndpoint;
        monitor->addAccount(account, key);
    }

    AccountHealth health() const { return monitor->health(AccountName); }

    int unauthorizedAnswers() const
    {
        const auto &entries = loggedEntries(*log);
        return int(std::count_if(
            entries.begin(), entries.end(), [](const arr::RequestLogEntry &entry) { return entry.httpStatus == 401; }));
    }

    int successfulPollsSince(qsizetype first) const
    {
        return int(std::count_if(polls.begin() + std::min(first, polls.size()), polls.end(),
            [](const arr::ApiResult &result) { return result.ok(); }));
    }

private:
    arr::ManualClock m_serviceClock;
    arr::ManualClock m_clientClock;
    bool m_skewed;

public:
    std::unique_ptr<arr::emulator::EmulatorServer> emulator;
    std::unique_ptr<QNetworkAccessManager> network;
    std::unique_ptr<arr::RequestLog> log;
    std::unique_ptr<arr::SessionMonitor> monitor;

    int tokensIssued = 0;
    QList<AccountHealth::State> healthStates;
    QList<arr::ApiResult> polls;
    QList<arr::CommandOutcome> outcomes;
};

// What a run of the clock-skew scenario saw at each of its checkpoints.
struct SkewRun
{
    QList<int> tokenRequestsAt;
    int successfulPolls = 0;
    int failedPolls = 0;
    int unauthorized = 0;
};

} // namespace

// The life of an account's access token as the user sees it through the monitor: revoked, the token
// service down, a wrong or missing key, and a local clock that is off, against the emulator over
// loopback HTTP with ManualClocks moving time.
class TestTokenLife : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void revokedTokenIsRefreshedExactlyOnce();
    void tokenServiceDownAfterRevocationFailsThenRecovers();
    void tokenServiceDownWhenTheTokenRunsOutFailsThenRecovers();
    void tokenServiceDownInsideTheRefreshMarginKeepsTheValidToken();
    void wrongKeyFailsUntilTheKeyIsFixed();
    void rotatedKeyFailsUntilTheNewKeyIsGiven();
    void missingKeyOrPlainHttpTokenServiceIsMisconfigured();
    void localClockOffByTenMinutesChangesNothing();

private:
    // Polls often: ten seconds of interval pass in ten milliseconds.
    void startFast(const QString &key = AccountKey);
    SkewRun runSkewScenario(qint64 clientSkewMs);

    std::unique_ptr<Rig> m_rig;
};

void TestTokenLife::init()
{
    m_rig = std::make_unique<Rig>();
    QVERIFY(m_rig->emulator);
}

void TestTokenLife::cleanup()
{
    if (m_rig)
        QVERIFY(m_rig->shutDown());
    m_rig.reset();
}

void TestTokenLife::startFast(const QString &key)
{
    shortenIntervals(*m_rig->monitor, 1000);
    m_rig->addAccount(key);
}

void TestTokenLife::revokedTokenIsRefreshedExactlyOnce()
{
    arr::emulator::SessionSeed seed;
    seed.status = SessionStatus::Ready;
    seed.maxLease = TimeSpan::fromHours(1);
    const QString id = m_rig->emulator->addSession(AccountId, seed);
    startFast();
    QTRY_COMPARE(m_rig->health().state, AccountHealth::State::Healthy);
    QTRY_VERIFY(m_rig->monitor->sessions().find(AccountName, id));
    QCOMPARE(m_rig->tokensIssued, 1);

    // The token is revoked while a poll and a command are both about to use it.
    m_rig->healthStates.clear();
    const qsizetype pollsBefore = m_rig->polls.size();
    m_rig->emulator->revokeTokens();
    m_rig->monitor->refresh();
    m_rig->monitor->extendSession(AccountName, id, TimeSpan::fromHours(2));

    QTRY_COMPARE(m_rig->outcomes.size(), 1);
    QVERIFY2(m_rig->outcomes.first().succeeded, qPrintable(m_rig->outcomes.first().description));
    QTRY_VERIFY(m_rig->successfulPollsSince(pollsBefore) >= 5);

    // Exactly one new token, for everything that met the revoked one; each of those met it once.
    QCOMPARE(m_rig->tokensIssued, 2);
    QCOMPARE(m_rig->emulator->requestCount(u"token"_s), 2);
    QVERIFY2(m_rig->unauthorizedAnswers() >= 1 && m_rig->unauthorizedAnswers() <= 2,
        qPrintable(QString::number(m_rig->unauthorizedAnswers())));
    // The user never saw a problem.
    QCOMPARE(m_rig->successfulPollsSince(pollsBefore), int(m_rig->polls.size() - pollsBefore));
    QVERIFY(!m_rig->healthStates.isEmpty());
    for (const AccountHealth::State state : std::as_const(m_rig->healthStates))
        QCOMPARE(state, AccountHealth::State::Healthy);
}

void TestTokenLife::tokenServiceDownAfterRevocationFailsThenRecovers()
{
    arr::emulator::SessionSeed seed;
    seed.status = SessionStatus::Ready;
    seed.maxLease = TimeSpan::fromHours(4);
    m_rig->emulator->addSession(AccountId, seed);
    startFast();
    QTRY_COMPARE(m_rig->health().state, AccountHealth::State::Healthy);
    QTRY_COMPARE(m_rig->monitor->sessions().count(), 1);

    m_rig->emulator->setTokenServiceAvailable(false);
    m_rig->emulator->revokeTokens();
    // A token service answering 503 is a passing trouble: the monitor backs off and keeps trying.
    QTRY_COMPARE_WITH_TIMEOUT(m_rig->health().state, AccountHealth::State::BackingOff, 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(m_rig->health().failures >= 3, 10'000);
    const AccountHealth failing = m_rig->health();
    QCOMPARE(failing.lastError.kind, arr::ErrorKind::Server);
    QCOMPARE(failing.lastError.httpStatus, 503);
    QVERIFY2(failing.lastError.message.contains(u"access token"_s), qPrintable(failing.lastError.message));
    QVERIFY(failing.lastGoodPoll.isValid());
    // The last known sessions stay on show meanwhile.
    QCOMPARE(m_rig->monitor->sessions().count(), 1);
    // Once the revoked token was refused, no call went out without a token.
    QCOMPARE(m_rig->unauthorizedAnswers(), 1);

    const int issuedBefore = m_rig->tokensIssued;
    m_rig->emulator->setTokenServiceAvailable(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_rig->health().state, AccountHealth::State::Healthy, 15'000);
    QCOMPARE(m_rig->health().failures, 0);
    QVERIFY(m_rig->health().lastError.ok());
    const qsizetype pollsAfter = m_rig->polls.size();
    QTRY_VERIFY(m_rig->successfulPollsSince(pollsAfter) >= 3);
    QCOMPARE(m_rig->tokensIssued, issuedBefore + 1);
}

void TestTokenLife::tokenServiceDownWhenTheTokenRunsOutFailsThenRecovers()
{
    startFast();
    QTRY_COMPARE(m_rig->health().state, AccountHealth::State::Healthy);
    QCOMPARE(m_rig->tokensIssued, 1);

    m_rig->emulator->setTokenServiceAvailable(false);
    // No poll in flight while the day passes, so that none can arrive with the token just expired.
    m_rig->monitor->setOnline(false);
    QTRY_VERIFY(m_rig->network->findChildren<QNetworkReply *>().isEmpty());
    const int listsBefore = m_rig->emulator->requestCount(u"list"_s);
    m_rig->advance(24 * Hour + Minute);
    m_rig->monitor->setOnline(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_rig->health().state, AccountHealth::State::BackingOff, 10'000);
    const AccountHealth failing = m_rig->health();
    QCOMPARE(failing.lastError.httpStatus, 503);
    QVERIFY2(failing.lastError.message.contains(u"access token"_s), qPrintable(failing.lastError.message));
    // The client knew its token had run out: it never sent it, in this poll or the two that follow.
    const qsizetype failedSoFar = m_rig->polls.size();
    QTRY_VERIFY_WITH_TIMEOUT(m_rig->polls.size() >= failedSoFar + 2, 10'000);
    QCOMPARE(m_rig->unauthorizedAnswers(), 0);
    QCOMPARE(m_rig->emulator->requestCount(u"list"_s), listsBefore);

    m_rig->emulator->setTokenServiceAvailable(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_rig->health().state, AccountHealth::State::Healthy, 15'000);
    const qsizetype pollsAfter = m_rig->polls.size();
    QTRY_VERIFY(m_rig->successfulPollsSince(pollsAfter) >= 3);
    QCOMPARE(m_rig->tokensIssued, 2);
    QCOMPARE(m_rig->unauthorizedAnswers(), 0);
}

void TestTokenLife::tokenServiceDownInsideTheRefreshMarginKeepsTheValidToken()
{
    startFast();
    QTRY_COMPARE(m_rig->health().state, AccountHealth::State::Healthy);

    // Three minutes before the token runs out, inside the client's five-minute refresh margin, the
    // token service is down. The token still works, so the user should see no trouble.
    m_rig->emulator->setTokenServiceAvailable(false);
    m_rig->healthStates.clear();
    m_rig->advance(24 * Hour - 3 * Minute);
    const qsizetype pollsBefore = m_rig->polls.size();
    QTRY_VERIFY_WITH_TIMEOUT(m_rig->polls.size() >= pollsBefore + 3, 10'000);
    QVERIFY2(m_rig->emulator->requestCount(u"token"_s) > 1, "the client did not try to refresh");
    for (const AccountHealth::State state : std::as_const(m_rig->healthStates))
        QVERIFY2(state == AccountHealth::State::Healthy,
            qPrintable(arr::accountHealthLabel(state) + u": "_s + m_rig->health().lastError.summary()));
    QCOMPARE(m_rig->successfulPollsSince(pollsBefore), int(m_rig->polls.size() - pollsBefore));

    // Once it has run out for real, the account fails until the token service is back.
    m_rig->advance(4 * Minute);
    QTRY_COMPARE_WITH_TIMEOUT(m_rig->health().state, AccountHealth::State::BackingOff, 10'000);
    m_rig->emulator->setTokenServiceAvailable(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_rig->health().state, AccountHealth::State::Healthy, 15'000);
    QCOMPARE(m_rig->tokensIssued, 2);
}

void TestTokenLife::wrongKeyFailsUntilTheKeyIsFixed()
{
    const QString wrongKey = u"not-the-key-c2VjcmV0"_s;
    m_rig->emulator->addSession(AccountId, {});
    startFast(wrongKey);
    QTRY_COMPARE(m_rig->health().state, AccountHealth::State::AuthenticationFailing);
    const AccountHealth failing = m_rig->health();
    QCOMPARE(failing.lastError.kind, arr::ErrorKind::Authentication);
    QVERIFY2(failing.lastError.message.contains(u"key"_s), qPrintable(failing.lastError.message));
    QVERIFY(!failing.lastError.message.contains(wrongKey));
    QCOMPARE(m_rig->emulator->requestCount(u"list"_s), 0);
    // Still failing two polls later: retries cannot fix a key.
    const qsizetype pollsSoFar = m_rig->polls.size();
    QTRY_VERIFY_WITH_TIMEOUT(m_rig->polls.size() >= pollsSoFar + 2, 10'000);
    QCOMPARE(m_rig->health().state, AccountHealth::State::AuthenticationFailing);
    QCOMPARE(m_rig->tokensIssued, 0);

    // The user enters the right key: the account is replaced and recovers.
    m_rig->addAccount(AccountKey);
    QTRY_COMPARE(m_rig->health().state, AccountHealth::State::Healthy);
    QTRY_COMPARE(m_rig->monitor->sessions().count(), 1);
    QCOMPARE(m_rig->tokensIssued, 1);
    for (const arr::RequestLogEntry &entry : loggedEntries(*m_rig->log))
        QVERIFY2(
            !entry.toLine().contains(wrongKey) && !entry.toLine().contains(AccountKey), qPrintable(entry.toLine()));
}

void TestTokenLife::rotatedKeyFailsUntilTheNewKeyIsGiven()
{
    startFast();
    QTRY_COMPARE(m_rig->health().state, AccountHealth::State::Healthy);

    // The key is rotated at the service and the old tokens are revoked.
    const QString newKey = u"rotated-key-bmV3"_s;
    m_rig->emulator->addAccount(AccountId, newKey);
    m_rig->emulator->revokeTokens();
    QTRY_COMPARE(m_rig->health().state, AccountHealth::State::AuthenticationFailing);
    QVERIFY2(
        m_rig->health().lastError.message.contains(u"token service"_s), qPrintable(m_rig->health().lastError.message));

    m_rig->addAccount(newKey);
    QTRY_COMPARE(m_rig->health().state, AccountHealth::State::Healthy);
    QCOMPARE(m_rig->tokensIssued, 2);
}

void TestTokenLife::missingKeyOrPlainHttpTokenServiceIsMisconfigured()
{
    // No key (the keychain lost it): nothing to send, nothing a retry can fix.
    shortenIntervals(*m_rig->monitor, 1000);
    m_rig->addAccount(QString());
    QTRY_COMPARE_WITH_TIMEOUT(m_rig->health().state, AccountHealth::State::Misconfigured, 5000);
    QCOMPARE(m_rig->health().lastError.kind, arr::ErrorKind::Configuration);
    QVERIFY2(m_rig->health().lastError.message.contains(u"key"_s), qPrintable(m_rig->health().lastError.message));

    // A token service over plain http to another host would get the key unencrypted.
    m_rig->addAccount(AccountKey, QUrl(u"http://sts.example.com"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_rig->health().state, AccountHealth::State::Misconfigured, 5000);
    QVERIFY2(m_rig->health().lastError.message.contains(u"http://sts.example.com"_s),
        qPrintable(m_rig->health().lastError.message));
    QCOMPARE(m_rig->emulator->requestCount(), 0);

    // Fixed, it recovers.
    m_rig->addAccount(AccountKey);
    QTRY_COMPARE(m_rig->health().state, AccountHealth::State::Healthy);
}

SkewRun TestTokenLife::runSkewScenario(qint64 clientSkewMs)
{
    SkewRun run;
    Rig rig(clientSkewMs);
    if (!rig.emulator)
        return run;
    // Only the refreshes below poll: one poll per checkpoint, in real time.
    rig.monitor->setPollInterval(1h);
    rig.addAccount(AccountKey);

    // Around both refreshes (due 5 minutes before the 24-hour lifetime ends): a client that reckoned
    // the lifetime on its own wall clock would refresh ten minutes early (at 23:50) or send an
    // expired token (at 24:01) and meet a 401.
    const QList<qint64> checkpoints{0, 12 * Hour, 23 * Hour + 50 * Minute, 23 * Hour + 56 * Minute, 24 * Hour + Minute,
        36 * Hour, 47 * Hour + 50 * Minute, 47 * Hour + 56 * Minute, 48 * Hour + Minute};
    qint64 now = 0;
    for (const qint64 checkpoint : checkpoints) {
        rig.advance(checkpoint - now);
        now = checkpoint;
        const qsizetype before = rig.polls.size();
        if (checkpoint > 0)
            rig.monitor->refresh();
        QElapsedTimer timer;
        timer.start();
        while (rig.polls.size() == before && timer.elapsed() < 10'000)
            QTest::qWait(5);
        run.tokenRequestsAt.append(rig.emulator->requestCount(u"token"_s));
    }
    for (const arr::ApiResult &poll : std::as_const(rig.polls))
        ++(poll.ok() ? run.successfulPolls : run.failedPolls);
    run.unauthorized = rig.unauthorizedAnswers();
    if (!rig.shutDown())
        run.failedPolls = -1;
    return run;
}

void TestTokenLife::localClockOffByTenMinutesChangesNothing()
{
    const SkewRun exact = runSkewScenario(0);
    QCOMPARE(exact.tokenRequestsAt, (QList<int>{1, 1, 1, 2, 2, 2, 2, 3, 3}));
    QCOMPARE(exact.successfulPolls, 9);
    QCOMPARE(exact.failedPolls, 0);
    QCOMPARE(exact.unauthorized, 0);

    for (const qint64 skew : {10 * Minute, -10 * Minute}) {
        const SkewRun skewed = runSkewScenario(skew);
        const QByteArray label = QByteArray::number(skew / Minute) + " min";
        QVERIFY2(skewed.tokenRequestsAt == exact.tokenRequestsAt, label.constData());
        QVERIFY2(skewed.successfulPolls == exact.successfulPolls, label.constData());
        QVERIFY2(skewed.failedPolls == 0, label.constData());
        QVERIFY2(skewed.unauthorized == 0, label.constData());
    }
}

QTEST_GUILESS_MAIN(TestTokenLife)
#include "tst_tokenlife.moc"
