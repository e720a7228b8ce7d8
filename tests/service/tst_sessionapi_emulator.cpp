#include "ServiceFixture.h"
#include "common/LoggedEntries.h"
#include "common/TestEmulator.h"

#include "emulator/EmulatorServer.h"

#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using arr::ErrorKind;
using arr::SessionStatus;
using arr::TimeSpan;

namespace {

const QString AccountId = u"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"_s;
const QString AccountKey = u"emulator-key"_s;

} // namespace

// Every operation of the v1 API and every error path, against the emulator over loopback HTTP.
class TestSessionApiEmulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyOperation();
    void unauthorisedThenRefreshed();
    void badRequest();
    void unknownSession();
    void throttledThenServed();
    void serverErrorsAreRetried();
    void timeout();
    void droppedConnection();
    void malformedBody();
    void createIsSentOnceUnderFaults();
    void wrongKey();
    void tokenRefreshedAheadOfExpiry();
    void localClockOffChangesNothing();

private:
    arr::ManualClock m_clock;
    std::unique_ptr<arr::emulator::EmulatorServer> m_emulator;
    std::unique_ptr<ServiceFixture> m_client;
};

void TestSessionApiEmulator::init()
{
    arr::emulator::EmulatorOptions options;
    options.startDelayMs = 10'000;
    m_emulator = startEmulator(&m_clock, AccountId, AccountKey, options);
    QVERIFY(m_emulator);
    m_client = std::make_unique<ServiceFixture>(m_emulator->baseUrl(), AccountId, AccountKey, &m_clock);
}

void TestSessionApiEmulator::cleanup()
{
    QTRY_COMPARE(m_client->jobsAlive(), 0);
    m_client.reset();
    m_emulator.reset();
}

void TestSessionApiEmulator::everyOperation()
{
    arr::CreateSessionRequest request{
        TimeSpan::fromHours(4), u"standard"_s, {QUrl(u"https://storage.example.com/models/engine.arrAsset"_s)}};
    const arr::ApiResult created = ServiceFixture::wait(m_client->api->createSession(request));
    QVERIFY2(created.ok(), qPrintable(created.summary()));
    QCOMPARE(created.httpStatus, 202);
    QVERIFY(!created.sessionId.isEmpty());
    QVERIFY(!created.msCv.isEmpty());

    const arr::ApiResult listed = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY2(listed.ok(), qPrintable(listed.summary()));
    QCOMPARE(listed.sessions.size(), 1);
    QCOMPARE(listed.sessions.first().id, created.sessionId);
    QCOMPARE(listed.sessions.first().status, SessionStatus::Starting);

    m_clock.advance(11'000);
    const arr::ApiResult properties = ServiceFixture::wait(m_client->api->sessionProperties(created.sessionId));
    QVERIFY2(properties.ok(), qPrintable(properties.summary()));
    QCOMPARE(properties.session->status, SessionStatus::Ready);
    QCOMPARE(properties.session->maxLease.value(), TimeSpan::fromHours(4));
    QVERIFY(!properties.session->hostname.isEmpty());

    const arr::ApiResult extended
        = ServiceFixture::wait(m_client->api->extendSession(created.sessionId, TimeSpan::fromHours(5)));
    QVERIFY2(extended.ok(), qPrintable(extended.summary()));
    QCOMPARE(extended.httpStatus, 200);
    QCOMPARE(m_emulator->sessions(AccountId).first().maxLease.value(), TimeSpan::fromHours(5));

    const arr::ApiResult stopped = ServiceFixture::wait(m_client->api->stopSession(created.sessionId));
    QVERIFY2(stopped.ok(), qPrintable(stopped.summary()));
    QCOMPARE(stopped.httpStatus, 204);
    QCOMPARE(m_emulator->sessions(AccountId).first().status, SessionStatus::Stopping);

    // One token served every call.
    QCOMPARE(m_emulator->requestCount(u"token"_s), 1);
    // Each call is in the log with its MS-CV.
    for (const arr::RequestLogEntry &entry : loggedEntries(m_client->log))
        QVERIFY(!entry.msCv.isEmpty());
}

void TestSessionApiEmulator::unauthorisedThenRefreshed()
{
    QVERIFY(ServiceFixture::wait(m_client->api->listSessions()).ok());
    m_emulator->revokeTokens();
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(m_emulator->requestCount(u"token"_s), 2);
    QCOMPARE(m_emulator->requestCount(u"list"_s), 3);
}

void TestSessionApiEmulator::badRequest()
{
    const arr::ApiResult tooLong
        = ServiceFixture::wait(m_client->api->createSession({TimeSpan::fromHours(25), u"standard"_s, {}}));
    QCOMPARE(tooLong.kind, ErrorKind::Rejected);
    QCOMPARE(tooLong.httpStatus, 400);
    QVERIFY(!tooLong.message.isEmpty());
    QVERIFY(!tooLong.msCv.isEmpty());
    QCOMPARE(m_emulator->sessions(AccountId).size(), 0);

    const arr::ApiResult badSize
        = ServiceFixture::wait(m_client->api->createSession({TimeSpan::fromHours(1), u"gigantic"_s, {}}));
    QCOMPARE(badSize.httpStatus, 400);
}

void TestSessionApiEmulator::unknownSession()
{
    const arr::ApiResult result
        = ServiceFixture::wait(m_client->api->sessionProperties(u"00000000-0000-0000-0000-000000000000"_s));
    QCOMPARE(result.kind, ErrorKind::NotFound);
    QCOMPARE(result.httpStatus, 404);
    QVERIFY(!result.msCv.isEmpty());
    // An id that would make the path address another resource is refused before anything is sent.
    const int sent = m_emulator->requestCount();
    for (const QString &id : {u"../../sessions"_s, u".."_s, u"."_s}) {
        const arr::ApiResult escaped = ServiceFixture::wait(m_client->api->sessionProperties(id));
        QCOMPARE(escaped.kind, ErrorKind::Configuration);
        QCOMPARE(escaped.httpStatus, 0);
        QVERIFY2(escaped.message.contains(u"session id"_s), qPrintable(escaped.message));
    }
    QCOMPARE(m_emulator->requestCount(), sent);
}

void TestSessionApiEmulator::throttledThenServed()
{
    arr::emulator::EmulatorOptions options = m_emulator->options();
    options.rateLimitPerSecond = 1;
    m_emulator->setOptions(options);
    QVERIFY(ServiceFixture::wait(m_client->api->listSessions()).ok());
    // The second call in the same emulated second is throttled; the client waits Retry-After (real
    // seconds) and, meanwhile, the emulated clock moves on.
    QTimer::singleShot(300, this, [this] { m_clock.advance(2'000); });
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(result.attempts, 2);
    const auto &log = loggedEntries(m_client->log);
    QVERIFY(std::any_of(log.begin(), log.end(), [](const arr::RequestLogEntry &e) { return e.httpStatus == 429; }));
}

void TestSessionApiEmulator::serverErrorsAreRetried()
{
    arr::emulator::FaultOptions faults;
    faults.errorRate = 1.0;
    m_emulator->setFaults(faults);
    QTimer::singleShot(150, this, [this] { m_emulator->setFaults({}); });
    m_client->tokens->retryPolicy.maxAttempts = 10;
    m_client->api->retryPolicy.maxAttempts = 10;
    m_client->api->retryPolicy.maxRetryAfter = 5s;
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QVERIFY(m_emulator->requestCount() > 2);
}

void TestSessionApiEmulator::timeout()
{
    arr::emulator::FaultOptions faults;
    faults.latencyRate = 1.0;
    faults.latencyMs = 2000;
    QVERIFY(ServiceFixture::wait(m_client->api->listSessions()).ok());
    m_emulator->setFaults(faults);
    m_client->api->requestFactory.transferTimeout = 300ms;
    m_client->api->retryPolicy.maxAttempts = 2;
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QCOMPARE(result.kind, ErrorKind::Timeout);
    QCOMPARE(result.attempts, 2);
}

void TestSessionApiEmulator::droppedConnection()
{
    QVERIFY(ServiceFixture::wait(m_client->api->listSessions()).ok());
    arr::emulator::FaultOptions faults;
    faults.dropRate = 1.0;
    m_emulator->setFaults(faults);
    m_client->api->retryPolicy.maxAttempts = 2;
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QCOMPARE(result.kind, ErrorKind::Network);
    QCOMPARE(result.httpStatus, 0);
}

void TestSessionApiEmulator::malformedBody()
{
    QVERIFY(ServiceFixture::wait(m_client->api->listSessions()).ok());
    arr::emulator::FaultOptions faults;
    faults.malformedRate = 1.0;
    m_emulator->setFaults(faults);
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QCOMPARE(result.kind, ErrorKind::BadResponse);
    QVERIFY(!result.message.isEmpty());
}

void TestSessionApiEmulator::createIsSentOnceUnderFaults()
{
    QVERIFY(ServiceFixture::wait(m_client->api->listSessions()).ok());
    const struct
    {
        const char *name;
        arr::emulator::FaultOptions faults;
    } cases[] = {
        {"errors", {1.0, 0, 0, 0, 0, 7}},
        {"drops", {0, 0, 0, 1.0, 0, 7}},
    };
    for (const auto &fault : cases) {
        m_emulator->resetCounters();
        m_emulator->setFaults(fault.faults);
        const arr::ApiResult result
            = ServiceFixture::wait(m_client->api->createSession({TimeSpan::fromHours(1), u"standard"_s, {}}));
        // The create's job is gone (ServiceFixture::wait): nothing of it can be sent again.
        QVERIFY2(!result.ok(), fault.name);
        QVERIFY2(m_emulator->requestCount(u"create"_s) == 1,
            qPrintable(
                u"%1: %2 creates"_s.arg(QLatin1StringView(fault.name)).arg(m_emulator->requestCount(u"create"_s))));
    }
    m_emulator->setFaults({});
    QCOMPARE(m_emulator->sessions(AccountId).size(), 0);
}

void TestSessionApiEmulator::wrongKey()
{
    ServiceFixture wrong(m_emulator->baseUrl(), AccountId, u"wrong-key"_s, &m_clock);
    const arr::ApiResult result = ServiceFixture::wait(wrong.api->listSessions());
    QCOMPARE(result.kind, ErrorKind::Authentication);
    QCOMPARE(m_emulator->requestCount(u"list"_s), 0);
    QVERIFY(!result.message.contains(u"wrong-key"_s));
}

void TestSessionApiEmulator::tokenRefreshedAheadOfExpiry()
{
    QVERIFY(ServiceFixture::wait(m_client->api->listSessions()).ok());
    m_clock.advance(23 * 3600'000 + 50 * 60'000);
    QVERIFY(ServiceFixture::wait(m_client->api->listSessions()).ok());
    QCOMPARE(m_emulator->requestCount(u"token"_s), 1);
    // Inside the refresh margin: a new token before the old one runs out, with no 401 on the way.
    m_clock.advance(6 * 60'000);
    QVERIFY(ServiceFixture::wait(m_client->api->listSessions()).ok());
    QCOMPARE(m_emulator->requestCount(u"token"_s), 2);
    const auto &log = loggedEntries(m_client->log);
    QVERIFY(std::none_of(log.begin(), log.end(), [](const arr::RequestLogEntry &e) { return e.httpStatus == 401; }));
}

void TestSessionApiEmulator::localClockOffChangesNothing()
{
    // The client's wall clock runs ten minutes off the service's; tokens are still fetched once.
    arr::ManualClock skewed;
    skewed.setWallTime(m_clock.now().addSecs(10 * 60));
    ServiceFixture ahead(m_emulator->baseUrl(), AccountId, AccountKey, &skewed);
    skewed.setWallTime(m_clock.now().addSecs(-10 * 60));
    ServiceFixture behind(m_emulator->baseUrl(), AccountId, AccountKey, &skewed);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(ServiceFixture::wait(ahead.api->listSessions()).ok());
        QVERIFY(ServiceFixture::wait(behind.api->listSessions()).ok());
    }
    QCOMPARE(m_emulator->requestCount(u"token"_s), 2);
}

QTEST_GUILESS_MAIN(TestSessionApiEmulator)
#include "tst_sessionapi_emulator.moc"
