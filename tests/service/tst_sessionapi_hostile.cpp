#include "ScriptedServer.h"
#include "ServiceFixture.h"
#include "common/LoggedEntries.h"

#include "service/HttpCall.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using arr::ErrorKind;

namespace {

const QString AccountId = u"11111111-2222-3333-4444-555555555555"_s;
const QByteArray EmptyList = R"({"sessions":[]})";

// A chunk of a chunked body: its size in hex, the data, CRLF.
QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

// Whether `text` holds anything that could drive a terminal or reorder what is shown around it.
bool hasUnsafeCharacter(const QString &text)
{
    for (const uint c : text.toUcs4()) {
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
            return true;
    }
    return false;
}

} // namespace

// The service layer (the window's and arrsm's) against a server that breaks HTTP on purpose: bodies
// cut short, answers without end or trickling in, control characters in every text, credentials and
// challenges. What the client makes of them is an error with a sentence, never data.
class TestSessionApiHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void cutOffAnswerIsAnError_data();
    void cutOffAnswerIsAnError();
    void emptyListNeedsNoContent();
    void endlessAnswerIsStoppedAtTheLimit();
    void endlessTokenAnswerIsStoppedAtTheLimit();
    void tricklingAnswerMeetsTheDeadline();
    void serverTextIsMadeSafe();
    void hugeErrorMessageIsCut();
    void credentialsInAnAddressAreRefused();
    void authenticationChallengeIsNotAnswered();
    void keyWithLineBreakIsNeverSent();
    void pathSegmentsAreEncoded();

private:
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<ServiceFixture> m_client;
};

void TestSessionApiHostile::init()
{
    m_server = std::make_unique<ScriptedServer>();
    m_client = std::make_unique<ServiceFixture>(m_server->baseUrl(), AccountId, u"key"_s, nullptr);
    m_client->api->requestFactory.transferTimeout = 500ms;
}

void TestSessionApiHostile::cleanup()
{
    QTRY_COMPARE(m_client->jobsAlive(), 0);
    m_client.reset();
    m_server.reset();
}

void TestSessionApiHostile::cutOffAnswerIsAnError_data()
{
    QTest::addColumn<ScriptedServer::Step>("step");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("message");

    const QByteArray shortHead = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n";
    const QByteArray chunkedHead
        = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    QTest::newRow("shorter than Content-Length, closed")
        << ScriptedServer::rawAnswer(shortHead + EmptyList, true) << ErrorKind::Network
        << u"The answer was cut off after 15 of 5000 bytes: the connection ended before the rest arrived."_s;
    QTest::newRow("shorter than Content-Length, stalled")
        << ScriptedServer::rawAnswer(shortHead + EmptyList, false) << ErrorKind::Timeout
        << u"The answer was cut off after 15 of 5000 bytes: the rest did not arrive in time."_s;
    // Chunked bodies are closed a moment after the bytes: Qt 6.4 itself takes a chunked body for
    // complete when it finds the connection closed with the bytes already read (a race this client
    // cannot see past, since Qt keeps the chunk framing to itself).
    QTest::newRow("chunked without its last chunk, closed")
        << ScriptedServer::rawAnswer(chunkedHead + chunk(EmptyList), true, 100) << ErrorKind::Network
        << u"The answer was cut off after 15 bytes: the connection ended before the rest arrived."_s;
    QTest::newRow("chunked without its last chunk, stalled")
        << ScriptedServer::rawAnswer(chunkedHead + chunk(EmptyList), false) << ErrorKind::Timeout
        << u"The answer was cut off after 15 bytes: the rest did not arrive in time."_s;
    QTest::newRow("closed inside a chunk")
        << ScriptedServer::rawAnswer(chunkedHead + "40\r\n" + EmptyList, true, 100) << ErrorKind::Network
        << u"The answer was cut off after 15 bytes: the connection ended before the rest arrived."_s;
}

void TestSessionApiHostile::cutOffAnswerIsAnError()
{
    QFETCH(ScriptedServer::Step, step);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, message);
    m_server->fallback = step;
    m_client->api->retryPolicy.maxAttempts = 2;

    const arr::ApiResult list = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY2(!list.ok(), "a cut-off answer was taken for the list");
    QCOMPARE(list.kind, kind);
    QCOMPARE(list.message, message);
    QVERIFY(list.sessions.isEmpty());
    // A safe call is tried again, as for any dropped connection.
    QCOMPARE(list.attempts, 2);
    QCOMPARE(loggedEntries(m_client->log).constLast().error, message);

    const arr::ApiResult show = ServiceFixture::wait(m_client->api->sessionProperties(u"s1"_s));
    QCOMPARE(show.kind, kind);
    QCOMPARE(show.message, message);
}

void TestSessionApiHostile::emptyListNeedsNoContent()
{
    m_server->enqueue(ScriptedServer::respond(200, ""));
    const arr::ApiResult empty200 = ServiceFixture::wait(m_client->api->listSessions());
    QCOMPARE(empty200.kind, ErrorKind::BadResponse);
    QCOMPARE(empty200.message, u"The session list could not be read: The answer is empty."_s);

    m_server->enqueue(ScriptedServer::respond(200, "   \r\n"));
    QCOMPARE(ServiceFixture::wait(m_client->api->listSessions()).kind, ErrorKind::BadResponse);

    m_server->enqueue(ScriptedServer::rawAnswer("HTTP/1.1 204 No Content\r\nMS-CV: x.0\r\n\r\n", false));
    const arr::ApiResult noContent = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY2(noContent.ok(), qPrintable(noContent.summary()));
    QVERIFY(noContent.sessions.isEmpty());
}

void TestSessionApiHostile::endlessAnswerIsStoppedAtTheLimit()
{
    // Spaces are valid JSON padding: read to the end, they would make an empty list.
    m_client->api->requestFactory.transferTimeout = 20s;
    m_server->fallback = ScriptedServer::stream(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
        chunk(QByteArray(64 * 1024, ' ')), 0);
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions(), 30'000);
    QCOMPARE(result.kind, ErrorKind::BadResponse);
    QCOMPARE(result.message, u"The answer was larger than 16 MiB."_s);
    // Refused, not retried: a second try would be as large.
    QCOMPARE(result.attempts, 1);
}

void TestSessionApiHostile::endlessTokenAnswerIsStoppedAtTheLimit()
{
    m_client->tokens->requestFactory.transferTimeout = 20s;
    m_server->tokenStep = ScriptedServer::stream(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
        chunk(QByteArray(64 * 1024, ' ')), 0);
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions(), 30'000);
    QCOMPARE(result.kind, ErrorKind::BadResponse);
    QCOMPARE(result.message, u"Could not get an access token: The answer was larger than 16 MiB."_s);
    QCOMPARE(m_server->received().size(), 0);
}

void TestSessionApiHostile::tricklingAnswerMeetsTheDeadline()
{
    // A byte every 50 ms restarts Qt's inactivity timer each time; only a deadline for the whole
    // answer ends it.
    m_client->api->retryPolicy.maxAttempts = 1;
    m_server->fallback = ScriptedServer::stream(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", chunk(" "), 50);
    QElapsedTimer timer;
    timer.start();
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(result.kind, ErrorKind::Timeout);
    QVERIFY2(result.message.startsWith(u"The answer was cut off after "_s), qPrintable(result.message));
    QVERIFY2(result.message.endsWith(u" bytes: the rest did not arrive in time."_s), qPrintable(result.message));
    QVERIFY2(elapsed < 3000, qPrintable(u"the answer held the call for %1 ms"_s.arg(elapsed)));

    // Headers that trickle in are held to the same deadline.
    m_server->fallback = ScriptedServer::stream("HTTP/1.1 200 OK\r\n", "X-Slow: 1\r\n", 50);
    timer.restart();
    const arr::ApiResult headers = ServiceFixture::wait(m_client->api->listSessions());
    QCOMPARE(headers.kind, ErrorKind::Timeout);
    QCOMPARE(headers.message, u"The service did not answer in time."_s);
    QVERIFY2(timer.elapsed() < 3000, qPrintable(u"the headers held the call for %1 ms"_s.arg(timer.elapsed())));
}

void TestSessionApiHostile::serverTextIsMadeSafe()
{
    const QByteArray list = R"({"sessions":[{"sessionId":"a\u001b]0;owned\u0007b","sessionStatus":"re\u001b[2Jady",)"
                            R"("sessionSize":"\u202esmall","sessionHostname":"host\r\nX-Evil: 1",)"
                            R"("message":"line\u2028two\u0085three\u2066"}]})";
    m_server->enqueue(ScriptedServer::respond(200, list, {{"MS-CV", "cv\x1b[2J.0"}}));
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(result.sessions.size(), 1);
    const arr::Session &session = result.sessions.constFirst();
    QCOMPARE(session.id, u"a\\x1B]0;owned\\x07b"_s);
    QCOMPARE(session.statusText, u"re\\x1B[2Jady"_s);
    QCOMPARE(session.size, u"\\u202Esmall"_s);
    QCOMPARE(session.hostname, u"host\\x0D\\x0AX-Evil: 1"_s);
    QCOMPARE(session.message, u"line\\u2028two\\x85three\\u2066"_s);
    QCOMPARE(result.msCv, QByteArray("cv?[2J.0"));

    m_server->enqueue(ScriptedServer::respond(
        404, R"({"error":{"code":"Gone\u001b[31m","message":"no \u001b]0;title\u0007 such \u202esession"}})"));
    const arr::ApiResult error = ServiceFixture::wait(m_client->api->sessionProperties(u"s1"_s));
    QCOMPARE(error.kind, ErrorKind::NotFound);
    QCOMPARE(error.message, u"no \\x1B]0;title\\x07 such \\u202Esession"_s);
    QCOMPARE(error.serviceCode, u"Gone\\x1B[31m"_s);
    QVERIFY(!hasUnsafeCharacter(error.summary()));

    m_server->enqueue(ScriptedServer::respond(500, "plain \x1b[2J text\r\nwith lines"));
    const arr::ApiResult plain
        = ServiceFixture::wait(m_client->api->createSession({arr::TimeSpan::fromHours(1), u"standard"_s, {}}));
    QVERIFY2(plain.message.startsWith(u"plain \\x1B[2J text\\x0D\\x0Awith lines"_s), qPrintable(plain.message));

    for (const arr::RequestLogEntry &entry : loggedEntries(m_client->log))
        QVERIFY2(!hasUnsafeCharacter(entry.toLine().remove(u'\t')), qPrintable(entry.toLine()));
}

void TestSessionApiHostile::hugeErrorMessageIsCut()
{
    const QByteArray message(10 * 1024 * 1024, 'A');
    m_server->enqueue(ScriptedServer::respond(400, R"({"error":{"code":"Big","message":")" + message + "\"}}"));
    const arr::ApiResult json
        = ServiceFixture::wait(m_client->api->extendSession(u"s1"_s, arr::TimeSpan::fromHours(5)), 30'000);
    QCOMPARE(json.kind, ErrorKind::Rejected);
    QCOMPARE(json.message.size(), 301);
    QVERIFY(json.message.endsWith(u'\u2026'));

    m_server->enqueue(ScriptedServer::respond(400, message));
    const arr::ApiResult text
        = ServiceFixture::wait(m_client->api->extendSession(u"s1"_s, arr::TimeSpan::fromHours(5)), 30'000);
    QCOMPARE(text.message.size(), 301);
}

void TestSessionApiHostile::credentialsInAnAddressAreRefused()
{
    QUrl withPassword = m_server->baseUrl();
    withPassword.setUserInfo(u"user:hunter2"_s);
    ServiceFixture endpoint(withPassword, AccountId, u"key"_s, nullptr, m_server->baseUrl());
    const arr::ApiResult refused = ServiceFixture::wait(endpoint.api->listSessions());
    QCOMPARE(refused.kind, ErrorKind::Configuration);
    QVERIFY2(refused.message.contains(u"contains a user name or password"_s), qPrintable(refused.message));
    QVERIFY(!refused.message.contains(u"hunter2"_s));

    ServiceFixture tokenEndpoint(m_server->baseUrl(), AccountId, u"key"_s, nullptr, withPassword);
    const arr::ApiResult tokenRefused = ServiceFixture::wait(tokenEndpoint.api->listSessions());
    QCOMPARE(tokenRefused.kind, ErrorKind::Configuration);
    QVERIFY(tokenRefused.message.contains(u"contains a user name or password"_s));
    QVERIFY(!tokenRefused.message.contains(u"hunter2"_s));

    QCOMPARE(m_server->tokenRequests(), 0);
    QCOMPARE(m_server->received().size(), 0);
}

void TestSessionApiHostile::authenticationChallengeIsNotAnswered()
{
    m_server->fallback = ScriptedServer::respond(401, "who are you", {{"WWW-Authenticate", R"(Basic realm="arr")"}});
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QCOMPARE(result.kind, ErrorKind::Authentication);
    // The first 401 fetches a new token and tries once more, as for any refused token; no more.
    QCOMPARE(m_server->received().size(), 2);
    for (const ScriptedServer::Received &request : m_server->received())
        QVERIFY(request.header("Authorization").startsWith("Bearer "));
    // Every request that went out is in the log: two tokens, two calls.
    QCOMPARE(m_client->log.size(), m_server->tokenRequests() + 2);

    // Even an address with credentials, were one to reach the request builder, sends none of them.
    m_server->fallback.reset();
    m_server->enqueue(ScriptedServer::respond(401, {}, {{"WWW-Authenticate", R"(Basic realm="arr")"}}));
    QUrl url = m_server->baseUrl();
    url.setUserInfo(u"user:hunter2"_s);
    url.setPath(u"/direct"_s);
    arr::HttpCall call(&m_client->network, arr::RequestFactory{}, arr::RetryPolicy{}, &m_client->log, nullptr);
    QSignalSpy finished(&call, &arr::HttpCall::finished);
    call.start({"GET", url, "token", {}, false, u"direct"_s, {}, {}});
    QVERIFY(finished.wait(10'000));
    QCOMPARE(finished.constFirst().constFirst().value<arr::HttpOutcome>().httpStatus, 401);
    QCOMPARE(m_server->received().size(), 3);
    QCOMPARE(m_server->received().constLast().header("Authorization"), QByteArray("Bearer token"));
    QCOMPARE(loggedEntries(m_client->log).constLast().path, u"/direct"_s);
}

void TestSessionApiHostile::keyWithLineBreakIsNeverSent()
{
    ServiceFixture injected(m_server->baseUrl(), AccountId, u"abc\r\nX-Injected: 1"_s, nullptr);
    const arr::ApiResult result = ServiceFixture::wait(injected.api->listSessions());
    QCOMPARE(result.kind, ErrorKind::Configuration);
    QVERIFY2(result.message.contains(u"The account key contains a character that is not in a key"_s),
        qPrintable(result.message));
    QCOMPARE(m_server->tokenRequests(), 0);
    QCOMPARE(m_server->received().size(), 0);
}

void TestSessionApiHostile::pathSegmentsAreEncoded()
{
    // The session API refuses an id outside the id alphabet before anything is sent...
    m_server->fallback = ScriptedServer::respond(404);
    for (const QString &id : {u"../../x"_s, u"a/b?c#d"_s, u"a%2Fb"_s, u"a b\r\n"_s}) {
        const arr::ApiResult refused = ServiceFixture::wait(m_client->api->sessionProperties(id));
        QVERIFY2(!refused.ok(), qPrintable(id));
    }
    QCOMPARE(m_server->received().size(), 0);
    // ...and the one place requests are built encodes every segment it is given all the same.
    const QUrl base(u"http://127.0.0.1:9/v1/accounts/acc/sessions"_s);
    const auto pathOf = [&base](const QString &segment) {
        return arr::RequestFactory::buildUrl(base, {segment, u"properties"_s}).toString(QUrl::FullyEncoded);
    };
    QCOMPARE(pathOf(u"../../x"_s), u"http://127.0.0.1:9/v1/accounts/acc/sessions/..%2F..%2Fx/properties"_s);
    QCOMPARE(pathOf(u"a/b?c#d"_s), u"http://127.0.0.1:9/v1/accounts/acc/sessions/a%2Fb%3Fc%23d/properties"_s);
    QCOMPARE(pathOf(u"a%2Fb"_s), u"http://127.0.0.1:9/v1/accounts/acc/sessions/a%252Fb/properties"_s);
    QCOMPARE(pathOf(u"a b\r\n"_s), u"http://127.0.0.1:9/v1/accounts/acc/sessions/a%20b%0D%0A/properties"_s);
}

QTEST_GUILESS_MAIN(TestSessionApiHostile)
#include "tst_sessionapi_hostile.moc"
