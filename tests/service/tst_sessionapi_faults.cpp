#include "ScriptedServer.h"
#include "ServiceFixture.h"
#include "common/LoggedEntries.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using arr::ErrorKind;

namespace {

const QString AccountId = u"11111111-2222-3333-4444-555555555555"_s;
const QByteArray OneSession
    = R"({"sessions":[{"sessionId":"s1","sessionStatus":"ready","sessionMaxLeaseTime":"04:00:00","sessionElapsedTime":"00:10:00"}]})";

} // namespace

// The session API against a scripted server, for the faults a real server gives only by accident:
// exact status sequences, hangs, dropped connections, garbage, oversized answers.
class TestSessionApiFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void buildsEveryRequestTheSameWay();
    void retriesThrottledGetAfterRetryAfter();
    void retriesServerErrorsOfGet();
    void createIsSentOnceWhenTheServerFails();
    void createIsSentOnceWhenTheConnectionDrops();
    void getSurvivesADroppedConnection();
    void timeoutIsReported();
    void malformedAndHtmlBodies();
    void oversizedBodyIsRefused();
    void statusNeverSeenBefore();
    void redirectIsNotFollowed();
    void unauthorisedTwiceFails();
    void tokenThatIsNotAJwt();
    void errorBodyMessageAndMsCv();
    void repeatedExtendConfirmedByProperties();
    void plainHttpToARemoteHostIsRefused();
    void concurrentCallsShareOneTokenFetch();

private:
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<ServiceFixture> m_client;
};

void TestSessionApiFaults::init()
{
    m_server = std::make_unique<ScriptedServer>();
    m_client = std::make_unique<ServiceFixture>(m_server->baseUrl(), AccountId, u"key"_s, nullptr);
}

void TestSessionApiFaults::cleanup()
{
    QTRY_COMPARE(m_client->jobsAlive(), 0);
    m_client.reset();
    m_server.reset();
}

void TestSessionApiFaults::buildsEveryRequestTheSameWay()
{
    m_server->enqueue(ScriptedServer::respond(200, OneSession));
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(result.sessions.size(), 1);
    QCOMPARE(result.msCv, QByteArray("scripted200.0"));
    const auto &request = m_server->received().constFirst();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.path, "/v1/accounts/" + AccountId.toLatin1() + "/sessions");
    QVERIFY(request.header("Authorization").startsWith("Bearer "));
    QVERIFY(request.header("Authorization").count('.') == 2);
    QVERIFY(request.header("User-Agent").startsWith("arr-session-manager/"));
    QCOMPARE(request.header("x-ms-client-request-id").size(), 36);
    QCOMPARE(request.header("Accept"), QByteArray("application/json"));
    // The log names the call and never the token.
    QCOMPARE(m_client->log.size(), 2);
    for (const auto &entry : loggedEntries(m_client->log))
        QVERIFY(!entry.toLine().contains(u"Bearer"_s));
}

void TestSessionApiFaults::retriesThrottledGetAfterRetryAfter()
{
    m_server->enqueue(ScriptedServer::respond(429, R"({"error":"slow down"})", {{"Retry-After", "1"}}));
    m_server->enqueue(ScriptedServer::respond(200, OneSession));
    QElapsedTimer timer;
    timer.start();
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(result.attempts, 2);
    QVERIFY2(timer.elapsed() >= 950, "the Retry-After of one second was not waited for");
}

void TestSessionApiFaults::retriesServerErrorsOfGet()
{
    m_server->enqueue(ScriptedServer::respond(500));
    m_server->enqueue(ScriptedServer::respond(503));
    m_server->enqueue(ScriptedServer::respond(200, OneSession));
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(result.attempts, 3);
    QCOMPARE(m_server->received().size(), 3);

    for (int i = 0; i < 4; ++i)
        m_server->enqueue(ScriptedServer::respond(503));
    const arr::ApiResult exhausted = ServiceFixture::wait(m_client->api->listSessions());
    QCOMPARE(exhausted.kind, ErrorKind::Server);
    QCOMPARE(exhausted.attempts, m_client->api->retryPolicy.maxAttempts);
}

void TestSessionApiFaults::createIsSentOnceWhenTheServerFails()
{
    m_server->enqueue(ScriptedServer::respond(500, "boom"));
    arr::CreateSessionRequest request{arr::TimeSpan::fromHours(1), u"standard"_s, {}};
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->createSession(request));
    QCOMPARE(result.kind, ErrorKind::Server);
    QCOMPARE(result.attempts, 1);
    QVERIFY(result.message.contains(u"not requested again"_s));
    // The create's job is gone (ServiceFixture::wait): nothing of it can be sent again.
    QCOMPARE(m_server->received().size(), 1);
}

void TestSessionApiFaults::createIsSentOnceWhenTheConnectionDrops()
{
    m_server->enqueue(ScriptedServer::close());
    m_server->enqueue(ScriptedServer::respond(202, R"({"sessionId":"second-machine"})"));
    arr::CreateSessionRequest request{arr::TimeSpan::fromHours(1), u"standard"_s, {}};
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->createSession(request));
    // The create's job is gone (ServiceFixture::wait): nothing of it can be sent again.
    QCOMPARE(m_server->received().size(), 1);
    QCOMPARE(result.kind, ErrorKind::Network);
}

void TestSessionApiFaults::getSurvivesADroppedConnection()
{
    m_server->enqueue(ScriptedServer::close());
    m_server->enqueue(ScriptedServer::respond(200, OneSession));
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY2(result.ok(), qPrintable(result.summary()));
}

void TestSessionApiFaults::timeoutIsReported()
{
    m_client->api->requestFactory.transferTimeout = 300ms;
    m_client->api->retryPolicy.maxAttempts = 2;
    m_server->enqueue(ScriptedServer::hang());
    m_server->enqueue(ScriptedServer::hang());
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QCOMPARE(result.kind, ErrorKind::Timeout);
    QCOMPARE(result.attempts, 2);
    QCOMPARE(loggedEntries(m_client->log).constLast().error, u"timed out"_s);
}

void TestSessionApiFaults::malformedAndHtmlBodies()
{
    m_server->enqueue(ScriptedServer::respond(200, R"({"sessions":[{"sessionId":"s1","sessionSta)"));
    const arr::ApiResult truncated = ServiceFixture::wait(m_client->api->listSessions());
    QCOMPARE(truncated.kind, ErrorKind::BadResponse);
    QVERIFY(truncated.message.contains(u"JSON"_s));

    m_server->enqueue(ScriptedServer::respond(200, "<html><title>Sign in</title></html>"));
    const arr::ApiResult html = ServiceFixture::wait(m_client->api->listSessions());
    QCOMPARE(html.kind, ErrorKind::BadResponse);
    QVERIFY(html.message.contains(u"HTML"_s));

    m_server->enqueue(ScriptedServer::respond(200, ""));
    const arr::ApiResult empty = ServiceFixture::wait(m_client->api->sessionProperties(u"s1"_s));
    QCOMPARE(empty.kind, ErrorKind::BadResponse);

    m_server->enqueue(ScriptedServer::respond(200, R"({"sessionId":"s1","sessionMaxLeaseTime":14400})"));
    const arr::ApiResult wrongType = ServiceFixture::wait(m_client->api->sessionProperties(u"s1"_s));
    QCOMPARE(wrongType.kind, ErrorKind::BadResponse);
    QVERIFY(wrongType.message.contains(u"sessionMaxLeaseTime"_s));
}

void TestSessionApiFaults::oversizedBodyIsRefused()
{
    m_server->enqueue(ScriptedServer::respond(200, QByteArray(arr::MaximumBodySize + 1024, ' ')));
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions(), 30000);
    QCOMPARE(result.kind, ErrorKind::BadResponse);
    QVERIFY(result.message.contains(u"MiB"_s));
}

void TestSessionApiFaults::statusNeverSeenBefore()
{
    m_server->enqueue(ScriptedServer::respond(418, "I'm a teapot"));
    const arr::ApiResult teapot = ServiceFixture::wait(m_client->api->listSessions());
    QCOMPARE(teapot.kind, ErrorKind::Rejected);
    QCOMPARE(teapot.httpStatus, 418);
    QCOMPARE(teapot.message, u"I'm a teapot"_s);

    m_server->enqueue(ScriptedServer::respond(299, OneSession));
    const arr::ApiResult odd = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY2(odd.ok(), qPrintable(odd.summary()));
}

void TestSessionApiFaults::redirectIsNotFollowed()
{
    m_server->enqueue(ScriptedServer::respond(302, {}, {{"Location", "http://127.0.0.1:1/elsewhere"}}));
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QCOMPARE(result.kind, ErrorKind::BadResponse);
    QVERIFY(result.message.contains(u"redirect"_s));
    QCOMPARE(m_server->received().size(), 1);
}

void TestSessionApiFaults::unauthorisedTwiceFails()
{
    m_server->enqueue(ScriptedServer::respond(401, {}, {{"WWW-Authenticate", "Bearer"}}));
    m_server->enqueue(ScriptedServer::respond(401, {}, {{"WWW-Authenticate", "Bearer"}}));
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QCOMPARE(result.kind, ErrorKind::Authentication);
    QCOMPARE(m_server->tokenRequests(), 2);
    QCOMPARE(m_server->received().size(), 2);
}

void TestSessionApiFaults::tokenThatIsNotAJwt()
{
    m_server->tokenBodyOverride = R"({"AccessToken":"opaque-token"})";
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QCOMPARE(result.kind, ErrorKind::BadResponse);
    QVERIFY(result.message.contains(u"JWT"_s));
    QCOMPARE(m_server->received().size(), 0);
}

void TestSessionApiFaults::errorBodyMessageAndMsCv()
{
    m_server->enqueue(
        ScriptedServer::respond(400, R"({"error":{"code":"BadRequest","message":"maxLeaseTime exceeds 24 hours"}})",
            {{"MS-CV", "Fe+yXCJumky82wuoedzDTA.0"}}));
    const arr::ApiResult result
        = ServiceFixture::wait(m_client->api->extendSession(u"s1"_s, arr::TimeSpan::fromHours(25)));
    QCOMPARE(result.kind, ErrorKind::Rejected);
    QCOMPARE(result.message, u"maxLeaseTime exceeds 24 hours"_s);
    QCOMPARE(result.serviceCode, u"BadRequest"_s);
    QCOMPARE(result.msCv, QByteArray("Fe+yXCJumky82wuoedzDTA.0"));
    QVERIFY(result.summary().contains(u"HTTP 400"_s));
    QVERIFY(result.summary().contains(u"Fe+yXCJumky82wuoedzDTA.0"_s));
}

void TestSessionApiFaults::repeatedExtendConfirmedByProperties()
{
    // The first PATCH took effect but its answer was lost; the repeat is refused as not larger.
    m_server->enqueue(ScriptedServer::respond(503));
    m_server->enqueue(
        ScriptedServer::respond(400, R"({"error":"The new lease must be larger than the current one."})"));
    m_server->enqueue(
        ScriptedServer::respond(200, R"({"sessionId":"s1","sessionStatus":"ready","sessionMaxLeaseTime":"05:00:00"})"));
    const arr::ApiResult result
        = ServiceFixture::wait(m_client->api->extendSession(u"s1"_s, arr::TimeSpan::fromHours(5)));
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(m_server->received().size(), 3);
    QCOMPARE(m_server->received().at(2).path, "/v1/accounts/" + AccountId.toLatin1() + "/sessions/s1/properties");

    // Had it not taken effect, the refusal stands.
    m_server->enqueue(ScriptedServer::respond(503));
    m_server->enqueue(
        ScriptedServer::respond(400, R"({"error":"The new lease must be larger than the current one."})"));
    m_server->enqueue(
        ScriptedServer::respond(200, R"({"sessionId":"s1","sessionStatus":"ready","sessionMaxLeaseTime":"04:00:00"})"));
    const arr::ApiResult refused
        = ServiceFixture::wait(m_client->api->extendSession(u"s1"_s, arr::TimeSpan::fromHours(5)));
    QCOMPARE(refused.kind, ErrorKind::Rejected);
    QVERIFY(refused.message.contains(u"larger"_s));
}

void TestSessionApiFaults::plainHttpToARemoteHostIsRefused()
{
    ServiceFixture remote(QUrl(u"http://sessions.example.com"_s), AccountId, u"key"_s, nullptr);
    const arr::ApiResult result = ServiceFixture::wait(remote.api->listSessions());
    QCOMPARE(result.kind, ErrorKind::Configuration);
    QVERIFY(result.message.contains(u"https"_s));
    QCOMPARE(remote.log.size(), 0);
}

void TestSessionApiFaults::concurrentCallsShareOneTokenFetch()
{
    for (int i = 0; i < 3; ++i)
        m_server->enqueue(ScriptedServer::respond(200, OneSession));
    int succeeded = 0;
    for (int i = 0; i < 3; ++i) {
        connect(m_client->api->listSessions(), &arr::ApiJob::finished, this,
            [&succeeded](const arr::ApiResult &result) { succeeded += result.ok() ? 1 : 0; });
    }
    QTRY_COMPARE_WITH_TIMEOUT(succeeded, 3, 10000);
    QCOMPARE(m_server->tokenRequests(), 1);
}

QTEST_GUILESS_MAIN(TestSessionApiFaults)
#include "tst_sessionapi_faults.moc"
