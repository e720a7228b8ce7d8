#include "TestHttp.h"

#include "core/Clock.h"
#include "core/JsonCodec.h"
#include "core/Jwt.h"
#include "emulator/EmulatorServer.h"
#include "service/RetryPolicy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using arr::SessionStatus;
using arr::TimeSpan;
using arr::emulator::EmulatorOptions;
using arr::emulator::EmulatorServer;
using arr::emulator::SessionSeed;

// Checks the answer's wire format (MS-CV, Content-Type, Content-Length, challenge headers) in every test.
#define VERIFY_WIRE(result)                                                                                            \
    do {                                                                                                               \
        const HttpResult &wired_ = (result);                                                                           \
        const QString problem_ = wired_.wireProblem();                                                                 \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_ + u" in "_s + wired_.describe()));                            \
    } while (false)

// Evaluates `result` once: it is often the request itself.
#define COMPARE_STATUS(result, expected)                                                                               \
    do {                                                                                                               \
        const HttpResult answer_ = (result);                                                                           \
        VERIFY_WIRE(answer_);                                                                                          \
        QVERIFY2(answer_.status == (expected), qPrintable(answer_.describe()));                                        \
    } while (false)

namespace {

const QString Account = u"7f2c9a7e-3d0b-4c5e-9a51-2f0d8c1e6b4a"_s;
const QString Key = u"c2VjcmV0LWtleS1vZi10aGUtdGVzdC1hY2NvdW50LTEyMzQ1Ng=="_s;
const QString OtherAccount = u"11111111-2222-3333-4444-555555555555"_s;
const QString OtherKey = u"b3RoZXIta2V5"_s;

QByteArray seedFile(const QString &name)
{
    const QString dir = qEnvironmentVariable("ARRSM_TEST_DATA");
    QFile file(dir + u"/seed/"_s + name);
    if (dir.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

// The emulator's service contract over real loopback HTTP, with a ManualClock moving time.
class TestEmulatorServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void tokenIsIssuedForTheAccountKey();
    void tokenPathIgnoresCaseAndQuery();
    void tokenRefusals_data();
    void tokenRefusals();
    void tokenServiceCanBeUnavailable();

    void sessionApiRefusesBadAuthorization_data();
    void sessionApiRefusesBadAuthorization();
    void revokedTokenIsRefused();
    void expiredTokenIsRefused();
    void otherAccountsTokenIsForbidden();
    void unknownAccountIsNotFound();

    void seedExamplesAreServed();

    void sessionStartsBecomesReadyAndExpires();
    void stoppedSessionStopsAndLeavesTheList();
    void stopIsIdempotent();
    void extendingMovesTheExpiry();

    void createRefusesBadBodies_data();
    void createRefusesBadBodies();
    void createAcceptsTolerableBodies_data();
    void createAcceptsTolerableBodies();
    void updateRefusesBadLeases_data();
    void updateRefusesBadLeases();
    void updateRefusesEndedSessions();
    void unknownSessionIsNotFound();
    void wrongMethodIsNotAllowed_data();
    void wrongMethodIsNotAllowed();
    void unknownPathIsNotFound_data();
    void unknownPathIsNotFound();
    void pathsIgnoreCase();
    void accountIdsMayNeedEncoding();

    void correlationVectorIsNewOnEveryAnswer();
    void dateIsTheEmulatorClockOnEveryAnswer();
    void tokenLifetimeIsExpiryMinusDate();
    void dateFollowsAScaledClock();
    void connectionIsKeptAlive();
    void connectionCloseIsHonoured();
    void headIsAnsweredWithoutBody();
    void hugeBodyIsRefused();
    void rateLimitAnswers429();
    void requestsAreCountedPerOperation();
    void sessionsAreWhatTheListAnswers();
    void demoSessionsCoverEveryState();
    void seededSessionsHaveTheirState();

private:
    void restart(const EmulatorOptions &options);
    HttpResult call(const QByteArray &method, const QString &path, const QByteArray &body = {});
    QString createSession(const QByteArray &body = "{\"maxLeaseTime\":\"4:0:0\",\"models\":[],\"size\":\"small\"}");
    QJsonObject properties(const QString &sessionId);
    QString sessionsPath() const { return u"/v1/accounts/%1/sessions"_s.arg(Account); }
    QString sessionPath(const QString &id) const { return sessionsPath() + u'/' + id; }

    std::unique_ptr<arr::ManualClock> m_clock;
    std::unique_ptr<EmulatorServer> m_server;
    std::unique_ptr<TestHttp> m_http;
    QByteArray m_token;
};

void TestEmulatorServer::init()
{
    restart({});
}

void TestEmulatorServer::cleanup()
{
    m_http.reset();
    m_server.reset();
    m_clock.reset();
}

void TestEmulatorServer::restart(const EmulatorOptions &options)
{
    m_http.reset();
    m_server.reset();
    m_clock = std::make_unique<arr::ManualClock>();
    m_server = std::make_unique<EmulatorServer>(options, m_clock.get());
    m_server->addAccount(Account, Key);
    m_server->addAccount(OtherAccount, OtherKey);
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    QVERIFY(m_server->port() != 0);
    QCOMPARE(m_server->baseUrl().toString(), u"http://127.0.0.1:%1"_s.arg(m_server->port()));
    m_http = std::make_unique<TestHttp>(m_server->baseUrl());
    m_token = m_http->token(Account, Key);
    QVERIFY(!m_token.isEmpty());
}

HttpResult TestEmulatorServer::call(const QByteArray &method, const QString &path, const QByteArray &body)
{
    return m_http->send(method, path, body, TestHttp::bearer(m_token));
}

QString TestEmulatorServer::createSession(const QByteArray &body)
{
    const HttpResult created = call("POST", sessionsPath() + u"/create"_s, body);
    if (created.status != 202 || !created.wireProblem().isEmpty())
        return {};
    return created.object().value("sessionId"_L1).toString();
}

QJsonObject TestEmulatorServer::properties(const QString &sessionId)
{
    const HttpResult result = call("GET", sessionPath(sessionId) + u"/properties"_s);
    return result.status == 200 && result.wireProblem().isEmpty() ? result.object() : QJsonObject();
}

void TestEmulatorServer::tokenIsIssuedForTheAccountKey()
{
    const HttpResult result = m_http->send("GET", u"/accounts/%1/token"_s.arg(Account), {},
        {{"Authorization", "Bearer " + Account.toUtf8() + ':' + Key.toUtf8()}});
    COMPARE_STATUS(result, 200);
    QCOMPARE(result.object().keys(), QStringList{u"AccessToken"_s});
    const QByteArray token = result.object().value("AccessToken"_L1).toString().toLatin1();
    const QList<QByteArray> parts = token.split('.');
    QCOMPARE(parts.size(), 3);

    // exp is the emulator clock's now plus 24 h; the payload names the account and is unique.
    QString why;
    const auto expiry = arr::jwtExpiry(token, &why);
    QVERIFY2(expiry.has_value(), qPrintable(why));
    QCOMPARE(*expiry, m_clock->now().addSecs(24 * 3600));
    const QJsonObject payload
        = QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding)).object();
    QCOMPARE(payload.value("accountId"_L1).toString(), Account);
    QVERIFY(!payload.value("jti"_L1).toString().isEmpty());
    QVERIFY(m_http->token(Account, Key) != token);

    // The token works on the session API.
    COMPARE_STATUS(m_http->send("GET", sessionsPath(), {}, TestHttp::bearer(token)), 200);
}

void TestEmulatorServer::tokenPathIgnoresCaseAndQuery()
{
    const HttpResult result
        = m_http->send("GET", u"/Accounts/%1/Token?api-version=2019-02-28-preview"_s.arg(Account.toUpper()), {},
            {{"Authorization", "bearer " + Account.toUtf8() + ':' + Key.toUtf8()}});
    COMPARE_STATUS(result, 200);
    const QByteArray token = result.object().value("AccessToken"_L1).toString().toLatin1();
    COMPARE_STATUS(m_http->send("GET", sessionsPath(), {}, TestHttp::bearer(token)), 200);
}

void TestEmulatorServer::tokenRefusals_data()
{
    QTest::addColumn<QString>("account");
    QTest::addColumn<QByteArray>("authorization");

    const QByteArray good = Account.toUtf8() + ':' + Key.toUtf8();
    QTest::newRow("wrong key") << Account << QByteArray("Bearer " + Account.toUtf8() + ":bm90LXRoZS1rZXk=");
    QTest::newRow("no header") << Account << QByteArray();
    QTest::newRow("basic scheme") << Account << QByteArray("Basic " + good.toBase64());
    QTest::newRow("no colon") << Account << QByteArray("Bearer " + Account.toUtf8() + Key.toUtf8());
    QTest::newRow("empty key") << Account << QByteArray("Bearer " + Account.toUtf8() + ':');
    QTest::newRow("only scheme") << Account << QByteArray("Bearer");
    QTest::newRow("other account's id in header")
        << Account << QByteArray("Bearer " + OtherAccount.toUtf8() + ':' + OtherKey.toUtf8());
    QTest::newRow("other account's key") << Account
                                         << QByteArray("Bearer " + Account.toUtf8() + ':' + OtherKey.toUtf8());
    QTest::newRow("unknown account") << u"99999999-9999-9999-9999-999999999999"_s
                                     << QByteArray("Bearer 99999999-9999-9999-9999-999999999999:" + Key.toUtf8());
}

void TestEmulatorServer::tokenRefusals()
{
    QFETCH(QString, account);
    QFETCH(QByteArray, authorization);
    TestHttp::Headers headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    const HttpResult result = m_http->send("GET", u"/accounts/%1/token"_s.arg(account), {}, headers);
    COMPARE_STATUS(result, 401);
    QCOMPARE(result.errorCode(), u"Unauthorized"_s);
    QVERIFY(!result.body.contains("AccessToken"));
}

void TestEmulatorServer::tokenServiceCanBeUnavailable()
{
    m_server->setTokenServiceAvailable(false);
    const HttpResult result = m_http->send("GET", u"/accounts/%1/token"_s.arg(Account), {},
        {{"Authorization", "Bearer " + Account.toUtf8() + ':' + Key.toUtf8()}});
    COMPARE_STATUS(result, 503);
    // Tokens issued before stay valid.
    COMPARE_STATUS(call("GET", sessionsPath()), 200);
    m_server->setTokenServiceAvailable(true);
    QVERIFY(!m_http->token(Account, Key).isEmpty());
}

void TestEmulatorServer::sessionApiRefusesBadAuthorization_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("challengeError");

    QTest::newRow("no header") << QByteArray() << QByteArray();
    QTest::newRow("empty bearer") << QByteArray("Bearer ") << QByteArray();
    QTest::newRow("basic scheme") << QByteArray("Basic dXNlcjpwYXNz") << QByteArray();
    QTest::newRow("unknown token") << QByteArray("Bearer eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2ln")
                                   << QByteArray("invalid_token");
    QTest::newRow("account key instead of token")
        << QByteArray("Bearer " + Account.toUtf8() + ':' + Key.toUtf8()) << QByteArray("invalid_token");
}

void TestEmulatorServer::sessionApiRefusesBadAuthorization()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, challengeError);
    TestHttp::Headers headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    const HttpResult result = m_http->send(
        "POST", sessionsPath() + u"/create"_s, "{\"maxLeaseTime\":\"4:0:0\",\"size\":\"small\"}", headers);
    COMPARE_STATUS(result, 401);
    QCOMPARE(result.errorCode(), u"Unauthorized"_s);
    if (!challengeError.isEmpty())
        QVERIFY2(result.header("WWW-Authenticate").contains(QByteArray("error=\"" + challengeError + '"')),
            result.header("WWW-Authenticate").constData());
    QVERIFY(m_server->sessions(Account).isEmpty());
}

void TestEmulatorServer::revokedTokenIsRefused()
{
    COMPARE_STATUS(call("GET", sessionsPath()), 200);
    m_server->revokeTokens();
    const HttpResult result = call("GET", sessionsPath());
    COMPARE_STATUS(result, 401);
    QVERIFY(result.header("WWW-Authenticate").contains("invalid_token"));
    // A new token works again.
    m_token = m_http->token(Account, Key);
    COMPARE_STATUS(call("GET", sessionsPath()), 200);
}

void TestEmulatorServer::expiredTokenIsRefused()
{
    m_clock->advance(24 * 3600'000 - 1000);
    COMPARE_STATUS(call("GET", sessionsPath()), 200);
    m_clock->advance(1000);
    const HttpResult result = call("GET", sessionsPath());
    COMPARE_STATUS(result, 401);
    QVERIFY2(result.errorMessage().contains(u"expired"_s), qPrintable(result.errorMessage()));
    QVERIFY(result.header("WWW-Authenticate").contains("invalid_token"));
}

void TestEmulatorServer::otherAccountsTokenIsForbidden()
{
    const QByteArray otherToken = m_http->token(OtherAccount, OtherKey);
    QVERIFY(!otherToken.isEmpty());
    const HttpResult result = m_http->send("GET", sessionsPath(), {}, TestHttp::bearer(otherToken));
    COMPARE_STATUS(result, 403);
    QCOMPARE(result.errorCode(), u"Forbidden"_s);
    COMPARE_STATUS(
        m_http->send("GET", u"/v1/accounts/%1/sessions"_s.arg(OtherAccount), {}, TestHttp::bearer(otherToken)), 200);
}

void TestEmulatorServer::unknownAccountIsNotFound()
{
    const HttpResult result = call("GET", u"/v1/accounts/99999999-9999-9999-9999-999999999999/sessions"_s);
    COMPARE_STATUS(result, 404);
    QCOMPARE(result.errorCode(), u"NotFound"_s);
}

void TestEmulatorServer::seedExamplesAreServed()
{
    const QByteArray createRequest = seedFile(u"create-request.txt"_s);
    const QByteArray createResponse = seedFile(u"create-response.json"_s);
    const QByteArray listResponse = seedFile(u"list-response.json"_s);
    const QByteArray propertiesResponse = seedFile(u"properties-response.json"_s);
    const QByteArray updateRequest = seedFile(u"update-request.txt"_s);
    QVERIFY2(!createRequest.isEmpty() && !createResponse.isEmpty() && !listResponse.isEmpty()
            && !propertiesResponse.isEmpty() && !updateRequest.isEmpty(),
        "the seed examples are not found under $ARRSM_TEST_DATA/seed");
    QVERIFY(createRequest.contains('\'')); // verbatim: single-quoted, as PowerShell sent it

    EmulatorOptions options;
    options.startDelayMs = 0;
    restart(options);

    // "Get current sessions" of an account with none: byte for byte the seed's answer.
    const HttpResult emptyList = call("GET", sessionsPath());
    COMPARE_STATUS(emptyList, 200);
    QCOMPARE(emptyList.body, listResponse);

    // "Creating a session": 202, {"sessionId":"<guid>"} of the seed's length, Location.
    const HttpResult created = call("POST", sessionsPath() + u"/create"_s, createRequest);
    COMPARE_STATUS(created, 202);
    QCOMPARE(created.object().keys(), QJsonDocument::fromJson(createResponse).object().keys());
    QCOMPARE(created.body.size(), createResponse.size());
    const QString id = created.object().value("sessionId"_L1).toString();
    QVERIFY(!QUuid::fromString(id).isNull());
    QCOMPARE(created.header("Location"), u"accounts/%1/sessions/%2"_s.arg(Account, id).toUtf8());

    // "Get sessions properties" a second later: the seed's fields, types and values.
    m_clock->advance(1000);
    const HttpResult props = call("GET", sessionPath(id) + u"/properties"_s);
    COMPARE_STATUS(props, 200);
    const QJsonObject seed = QJsonDocument::fromJson(propertiesResponse).object();
    const QJsonObject ours = props.object();
    for (auto it = seed.constBegin(); it != seed.constEnd(); ++it) {
        QVERIFY2(ours.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(ours.value(it.key()).type(), it.value().type());
    }
    QCOMPARE(ours.value("sessionId"_L1).toString(), id);
    QCOMPARE(ours.value("sessionElapsedTime"_L1), seed.value("sessionElapsedTime"_L1));
    QCOMPARE(ours.value("sessionMaxLeaseTime"_L1), seed.value("sessionMaxLeaseTime"_L1));
    QCOMPARE(ours.value("sessionStatus"_L1).toString().toLower(), seed.value("sessionStatus"_L1).toString().toLower());
    QVERIFY(ours.value("sessionHostname"_L1).toString().endsWith(u".mixedreality.azure.com"_s));
    QCOMPARE(ours.value("sessionSize"_L1).toString(), u"small"_s);

    // "Get current sessions" now lists it, with the same properties.
    const HttpResult list = call("GET", sessionsPath());
    COMPARE_STATUS(list, 200);
    const QJsonArray sessions = list.object().value("sessions"_L1).toArray();
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(sessions.at(0).toObject(), ours);

    // "Updating a session": 200 with an empty body.
    const HttpResult updated = call("PATCH", sessionPath(id), updateRequest);
    COMPARE_STATUS(updated, 200);
    QVERIFY(updated.body.isEmpty());
    QCOMPARE(updated.header("Content-Length"), QByteArray("0"));
    QCOMPARE(properties(id).value("sessionMaxLeaseTime"_L1).toString(), u"05:00:00"_s);

    // "Stop a session": 204 with no body.
    const HttpResult stopped = call("DELETE", sessionPath(id));
    COMPARE_STATUS(stopped, 204);
    QCOMPARE(properties(id).value("sessionStatus"_L1).toString(), u"stopping"_s);
}

void TestEmulatorServer::sessionStartsBecomesReadyAndExpires()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    QJsonObject p = properties(id);
    QCOMPARE(p.value("sessionStatus"_L1).toString(), u"starting"_s);
    QVERIFY(p.value("sessionHostname"_L1).isNull());
    QVERIFY(p.value("message"_L1).isNull());
    QCOMPARE(p.value("sessionElapsedTime"_L1).toString(), u"00:00:00"_s);

    m_clock->advance(19'999);
    p = properties(id);
    QCOMPARE(p.value("sessionStatus"_L1).toString(), u"starting"_s);
    QCOMPARE(p.value("sessionElapsedTime"_L1).toString(), u"00:00:19"_s);

    m_clock->advance(1);
    p = properties(id);
    QCOMPARE(p.value("sessionStatus"_L1).toString(), u"ready"_s);
    QCOMPARE(p.value("sessionElapsedTime"_L1).toString(), u"00:00:20"_s);
    const QString hostname = p.value("sessionHostname"_L1).toString();
    QVERIFY2(hostname.endsWith(u".remoterenderingvm.local.mixedreality.azure.com"_s), qPrintable(hostname));

    // The lease counts from creation: 4 h after it, the session has expired.
    m_clock->advance(4 * 3600'000 - 20'001);
    p = properties(id);
    QCOMPARE(p.value("sessionStatus"_L1).toString(), u"ready"_s);
    QCOMPARE(p.value("sessionElapsedTime"_L1).toString(), u"03:59:59"_s);
    QCOMPARE(p.value("sessionHostname"_L1).toString(), hostname);

    m_clock->advance(1);
    p = properties(id);
    QCOMPARE(p.value("sessionStatus"_L1).toString(), u"expired"_s);
    QCOMPARE(p.value("sessionElapsedTime"_L1).toString(), u"04:00:00"_s);
    QVERIFY(p.value("sessionHostname"_L1).isNull());
    QVERIFY2(p.value("message"_L1).toString().contains(u"04:00:00"_s), qPrintable(p.value("message"_L1).toString()));

    // Elapsed time stops at the lease.
    m_clock->advance(60'000);
    QCOMPARE(properties(id).value("sessionElapsedTime"_L1).toString(), u"04:00:00"_s);

    // Listed for the retention (10 min from expiry), then gone, by id too.
    m_clock->advance(9 * 60'000 - 1);
    QCOMPARE(m_server->sessions(Account).size(), 1);
    QCOMPARE(call("GET", sessionsPath()).object().value("sessions"_L1).toArray().size(), 1);
    m_clock->advance(1);
    QCOMPARE(call("GET", sessionsPath()).object().value("sessions"_L1).toArray().size(), 0);
    QVERIFY(m_server->sessions(Account).isEmpty());
    const HttpResult gone = call("GET", sessionPath(id) + u"/properties"_s);
    COMPARE_STATUS(gone, 404);
}

void TestEmulatorServer::stoppedSessionStopsAndLeavesTheList()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    m_clock->advance(30'000);
    const QString hostname = properties(id).value("sessionHostname"_L1).toString();
    QVERIFY(!hostname.isEmpty());

    COMPARE_STATUS(call("DELETE", sessionPath(id)), 204);
    QJsonObject p = properties(id);
    QCOMPARE(p.value("sessionStatus"_L1).toString(), u"stopping"_s);
    QCOMPARE(p.value("sessionHostname"_L1).toString(), hostname);

    m_clock->advance(2'999);
    QCOMPARE(properties(id).value("sessionStatus"_L1).toString(), u"stopping"_s);
    m_clock->advance(1);
    p = properties(id);
    QCOMPARE(p.value("sessionStatus"_L1).toString(), u"stopped"_s);
    // The lease stopped counting when the session was stopped.
    QCOMPARE(p.value("sessionElapsedTime"_L1).toString(), u"00:00:30"_s);
    QVERIFY(p.value("sessionHostname"_L1).isNull());

    m_clock->advance(10 * 60'000 - 1);
    QCOMPARE(m_server->sessions(Account).size(), 1);
    m_clock->advance(1);
    QVERIFY(m_server->sessions(Account).isEmpty());
    COMPARE_STATUS(call("DELETE", sessionPath(id)), 404);
}

void TestEmulatorServer::stopIsIdempotent()
{
    // A starting session stops too.
    const QString starting = createSession();
    COMPARE_STATUS(call("DELETE", sessionPath(starting)), 204);
    COMPARE_STATUS(call("DELETE", sessionPath(starting)), 204);
    QCOMPARE(properties(starting).value("sessionStatus"_L1).toString(), u"stopping"_s);
    m_clock->advance(5'000);
    COMPARE_STATUS(call("DELETE", sessionPath(starting)), 204);
    QCOMPARE(properties(starting).value("sessionStatus"_L1).toString(), u"stopped"_s);

    // Stopping an expired or failed session has nothing to do and succeeds.
    const QString expired = m_server->addSession(Account,
        SessionSeed{u"standard"_s, TimeSpan::fromHours(1), TimeSpan::fromHours(2), SessionStatus::Expired, {}});
    const QString failed = m_server->addSession(
        Account, SessionSeed{u"standard"_s, TimeSpan::fromHours(1), {}, SessionStatus::Error, {}});
    COMPARE_STATUS(call("DELETE", sessionPath(expired)), 204);
    COMPARE_STATUS(call("DELETE", sessionPath(failed)), 204);
    QCOMPARE(properties(expired).value("sessionStatus"_L1).toString(), u"expired"_s);
    QCOMPARE(properties(failed).value("sessionStatus"_L1).toString(), u"error"_s);
}

void TestEmulatorServer::extendingMovesTheExpiry()
{
    const QString id = createSession("{ 'maxLeaseTime': '0:1:0', 'models': [], 'size': 'standard' }");
    QVERIFY(!id.isEmpty());
    m_clock->advance(50'000);
    COMPARE_STATUS(call("PATCH", sessionPath(id), "{ 'maxLeaseTime': '0:2:0' }"), 200);
    m_clock->advance(30'000);
    QJsonObject p = properties(id);
    QCOMPARE(p.value("sessionStatus"_L1).toString(), u"ready"_s);
    QCOMPARE(p.value("sessionMaxLeaseTime"_L1).toString(), u"00:02:00"_s);
    QCOMPARE(p.value("sessionElapsedTime"_L1).toString(), u"00:01:20"_s);
    m_clock->advance(40'000);
    QCOMPARE(properties(id).value("sessionStatus"_L1).toString(), u"expired"_s);
}

void TestEmulatorServer::createRefusesBadBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QByteArray() << u"empty"_s;
    QTest::newRow("array") << QByteArray("[]") << u"JSON object"_s;
    QTest::newRow("not json") << QByteArray("maxLeaseTime=4:0:0&size=small") << u"JSON object"_s;
    QTest::newRow("unterminated") << QByteArray("{'maxLeaseTime': '4:0:0', 'size': 'small'") << u"'}' is missing"_s;
    QTest::newRow("trailing text") << QByteArray("{'maxLeaseTime':'4:0:0','size':'small'} x") << u"unexpected text"_s;
    QTest::newRow("lease missing") << QByteArray("{'size':'small'}") << u"no maxLeaseTime"_s;
    QTest::newRow("lease null") << QByteArray("{'maxLeaseTime':null,'size':'small'}") << u"no maxLeaseTime"_s;
    QTest::newRow("lease number") << QByteArray("{'maxLeaseTime':14400,'size':'small'}") << u"a number"_s;
    QTest::newRow("lease text") << QByteArray("{'maxLeaseTime':'4 hours','size':'small'}") << u"not a timespan"_s;
    QTest::newRow("lease 24 hours as hours")
        << QByteArray("{'maxLeaseTime':'24:00:00','size':'small'}") << u"not a timespan"_s;
    QTest::newRow("lease zero") << QByteArray("{'maxLeaseTime':'0:0:0','size':'small'}") << u"longer than zero"_s;
    QTest::newRow("lease negative") << QByteArray("{'maxLeaseTime':'-1:0:0','size':'small'}") << u"longer than zero"_s;
    QTest::newRow("lease over a day") << QByteArray("{'maxLeaseTime':'1.00:00:01','size':'small'}")
                                      << u"largest lease"_s;
    QTest::newRow("lease twice") << QByteArray("{'maxLeaseTime':'4:0:0','MaxLeaseTime':'5:0:0','size':'small'}")
                                 << u"twice"_s;
    QTest::newRow("size missing") << QByteArray("{'maxLeaseTime':'4:0:0'}") << u"no size"_s;
    QTest::newRow("size unknown") << QByteArray("{'maxLeaseTime':'4:0:0','size':'huge'}") << u"not one of"_s;
    QTest::newRow("size number") << QByteArray("{'maxLeaseTime':'4:0:0','size':5}") << u"must be a string"_s;
    QTest::newRow("models not array") << QByteArray("{'maxLeaseTime':'4:0:0','size':'small','models':'x'}")
                                      << u"models must be an array"_s;
    QTest::newRow("model number") << QByteArray("{'maxLeaseTime':'4:0:0','size':'small','models':[5]}")
                                  << u"models[0] must be a URL string"_s;
    QTest::newRow("model relative") << QByteArray("{'maxLeaseTime':'4:0:0','size':'small','models':['a/b.arrAsset']}")
                                    << u"not an absolute URL"_s;
    QTest::newRow("model no host") << QByteArray("{'maxLeaseTime':'4:0:0','size':'small','models':['file:///m']}")
                                   << u"not an absolute URL"_s;
}

void TestEmulatorServer::createRefusesBadBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const HttpResult result = call("POST", sessionsPath() + u"/create"_s, body);
    COMPARE_STATUS(result, 400);
    QCOMPARE(result.errorCode(), u"BadRequest"_s);
    QVERIFY2(result.errorMessage().contains(expected), qPrintable(result.errorMessage()));
    QVERIFY2(result.errorMessage().endsWith(u'.'), qPrintable(result.errorMessage()));
    QVERIFY(m_server->sessions(Account).isEmpty());
}

void TestEmulatorServer::createAcceptsTolerableBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("size");
    QTest::addColumn<QString>("lease");

    QTest::newRow("standard json") << QByteArray("{\"maxLeaseTime\":\"04:00:00\",\"models\":[],\"size\":\"standard\"}")
                                   << u"standard"_s << u"04:00:00"_s;
    QTest::newRow("names in any case") << QByteArray("{\"MAXLEASETIME\":\"1.00:00:00\",\"Size\":\"Premium\"}")
                                       << u"premium"_s << u"1.00:00:00"_s;
    QTest::newRow("models null, extra field")
        << QByteArray("{'maxLeaseTime':'0:30','size':'BIG','models':null,'x':1}") << u"big"_s << u"00:30:00"_s;
    QTest::newRow("model urls") << QByteArray(
        "{'maxLeaseTime':'1:0:0','size':'small','models':['https://a.blob.core.windows.net/c/m.arrAsset']}")
                                << u"small"_s << u"01:00:00"_s;
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{'maxLeaseTime':'2:0:0','size':'small'}") << u"small"_s
                                     << u"02:00:00"_s;
}

void TestEmulatorServer::createAcceptsTolerableBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, size);
    QFETCH(QString, lease);
    const QString id = createSession(body);
    QVERIFY(!id.isEmpty());
    const QJsonObject p = properties(id);
    QCOMPARE(p.value("sessionSize"_L1).toString(), size);
    QCOMPARE(p.value("sessionMaxLeaseTime"_L1).toString(), lease);
}

void TestEmulatorServer::updateRefusesBadLeases_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");

    QTest::newRow("same lease") << QByteArray("{'maxLeaseTime':'4:0:0'}") << u"not longer"_s;
    QTest::newRow("shorter lease") << QByteArray("{'maxLeaseTime':'3:0:0'}") << u"not longer"_s;
    QTest::newRow("over a day") << QByteArray("{'maxLeaseTime':'2.00:00:00'}") << u"largest lease"_s;
    QTest::newRow("missing") << QByteArray("{}") << u"no maxLeaseTime"_s;
    QTest::newRow("not a timespan") << QByteArray("{'maxLeaseTime':'soon'}") << u"not a timespan"_s;
    QTest::newRow("not an object") << QByteArray("'5:0:0'") << u"JSON object"_s;
}

void TestEmulatorServer::updateRefusesBadLeases()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const QString id = createSession();
    const HttpResult result = call("PATCH", sessionPath(id), body);
    COMPARE_STATUS(result, 400);
    QVERIFY2(result.errorMessage().contains(expected), qPrintable(result.errorMessage()));
    QCOMPARE(properties(id).value("sessionMaxLeaseTime"_L1).toString(), u"04:00:00"_s);
}

void TestEmulatorServer::updateRefusesEndedSessions()
{
    const QString stopped = createSession();
    COMPARE_STATUS(call("DELETE", sessionPath(stopped)), 204);
    HttpResult result = call("PATCH", sessionPath(stopped), "{'maxLeaseTime':'5:0:0'}");
    COMPARE_STATUS(result, 400);
    QVERIFY2(result.errorMessage().contains(u"stopped"_s), qPrintable(result.errorMessage()));

    const QString expired = m_server->addSession(
        Account, SessionSeed{u"standard"_s, TimeSpan::fromHours(1), {}, SessionStatus::Expired, {}});
    result = call("PATCH", sessionPath(expired), "{'maxLeaseTime':'5:0:0'}");
    COMPARE_STATUS(result, 400);
    QVERIFY2(result.errorMessage().contains(u"expired"_s), qPrintable(result.errorMessage()));

    const QString failed = m_server->addSession(
        Account, SessionSeed{u"standard"_s, TimeSpan::fromHours(1), {}, SessionStatus::Error, {}});
    result = call("PATCH", sessionPath(failed), "{'maxLeaseTime':'5:0:0'}");
    COMPARE_STATUS(result, 400);
    QVERIFY2(result.errorMessage().contains(u"failed"_s), qPrintable(result.errorMessage()));
}

void TestEmulatorServer::unknownSessionIsNotFound()
{
    const QString unknown = u"00000000-0000-0000-0000-000000000000"_s;
    for (const auto &[method, path, body] : {
             std::tuple{QByteArray("GET"), QString(sessionPath(unknown) + u"/properties"_s), QByteArray()},
             std::tuple{QByteArray("PATCH"), sessionPath(unknown), QByteArray("{'maxLeaseTime':'5:0:0'}")},
             std::tuple{QByteArray("PATCH"), sessionPath(unknown), QByteArray("not even json")},
             std::tuple{QByteArray("DELETE"), sessionPath(unknown), QByteArray()},
         }) {
        const HttpResult result = call(method, path, body);
        COMPARE_STATUS(result, 404);
        QCOMPARE(result.errorCode(), u"NotFound"_s);
        QVERIFY(result.errorMessage().contains(unknown));
    }
}

void TestEmulatorServer::wrongMethodIsNotAllowed_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("allowed");

    const QString sessions = u"/v1/accounts/%1/sessions"_s.arg(Account);
    const QString session = sessions + u"/00000000-0000-0000-0000-000000000000"_s;
    QTest::newRow("GET create") << QByteArray("GET") << sessions + u"/create"_s << QByteArray("POST");
    QTest::newRow("POST list") << QByteArray("POST") << sessions << QByteArray("GET");
    QTest::newRow("PUT session") << QByteArray("PUT") << session << QByteArray("PATCH, DELETE");
    QTest::newRow("GET session") << QByteArray("GET") << session << QByteArray("PATCH, DELETE");
    QTest::newRow("DELETE properties") << QByteArray("DELETE") << session + u"/properties"_s << QByteArray("GET");
    QTest::newRow("POST token") << QByteArray("POST") << u"/accounts/%1/token"_s.arg(Account) << QByteArray("GET");
}

void TestEmulatorServer::wrongMethodIsNotAllowed()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, allowed);
    const HttpResult result = call(method, path, method == "GET" ? QByteArray() : QByteArray("{}"));
    COMPARE_STATUS(result, 405);
    QCOMPARE(result.header("Allow"), allowed);
    QCOMPARE(result.errorCode(), u"MethodNotAllowed"_s);
}

void TestEmulatorServer::unknownPathIsNotFound_data()
{
    QTest::addColumn<QString>("path");
    const QString sessions = u"/v1/accounts/%1/sessions"_s.arg(Account);
    QTest::newRow("root") << u"/"_s;
    QTest::newRow("v1") << u"/v1"_s;
    QTest::newRow("v2") << u"/v2/accounts/%1/sessions"_s.arg(Account);
    QTest::newRow("session singular") << u"/v1/accounts/%1/session"_s.arg(Account);
    QTest::newRow("beyond properties") << sessions + u"/x/properties/y"_s;
    QTest::newRow("empty segment") << u"/v1//accounts/%1/sessions"_s.arg(Account);
    QTest::newRow("tokens") << u"/accounts/%1/tokens"_s.arg(Account);
}

void TestEmulatorServer::unknownPathIsNotFound()
{
    QFETCH(QString, path);
    const HttpResult result = call("GET", path);
    COMPARE_STATUS(result, 404);
    QCOMPARE(result.errorCode(), u"NotFound"_s);
}

void TestEmulatorServer::pathsIgnoreCase()
{
    const QString id = createSession();
    const QString upperSessions = u"/V1/ACCOUNTS/%1/SESSIONS"_s.arg(Account.toUpper());
    COMPARE_STATUS(call("GET", upperSessions), 200);
    COMPARE_STATUS(call("GET", upperSessions + u'/' + id.toUpper() + u"/Properties"_s), 200);
    COMPARE_STATUS(call("GET", sessionsPath() + u'/'), 200); // a trailing slash is tolerated
    COMPARE_STATUS(call("PATCH", upperSessions + u'/' + id.toUpper(), "{'maxLeaseTime':'5:0:0'}"), 200);
    COMPARE_STATUS(call("DELETE", upperSessions + u'/' + id.toUpper()), 204);
    COMPARE_STATUS(call("POST", upperSessions + u"/Create"_s, "{'maxLeaseTime':'1:0:0','size':'small'}"), 202);
}

void TestEmulatorServer::accountIdsMayNeedEncoding()
{
    const QString team = u"team a"_s;
    m_server->addAccount(team, u"k"_s);
    const QByteArray token = m_http->token(team, u"k"_s);
    QVERIFY(!token.isEmpty());
    const HttpResult created = m_http->send("POST", u"/v1/accounts/team%20a/sessions/create"_s,
        "{'maxLeaseTime':'1:0:0','size':'small'}", TestHttp::bearer(token));
    COMPARE_STATUS(created, 202);
    QVERIFY2(
        created.header("Location").startsWith("accounts/team%20a/sessions/"), created.header("Location").constData());
    QCOMPARE(m_server->sessions(team).size(), 1);
    QCOMPARE(m_server->sessions(u"TEAM A"_s).size(), 1);
}

void TestEmulatorServer::correlationVectorIsNewOnEveryAnswer()
{
    QSet<QByteArray> seen;
    const QList<HttpResult> results{
        call("GET", sessionsPath()),
        call("GET", sessionsPath()),
        call("POST", sessionsPath() + u"/create"_s, "{}"),
        call("GET", u"/nowhere"_s),
        call("PUT", sessionsPath()),
        m_http->send("GET", sessionsPath()),
        m_http->send("GET", u"/accounts/%1/token"_s.arg(Account)),
        call("DELETE", sessionPath(u"00000000-0000-0000-0000-000000000000"_s)),
    };
    for (const HttpResult &result : results) {
        VERIFY_WIRE(result);
        QVERIFY2(!seen.contains(result.header("MS-CV")), result.header("MS-CV").constData());
        seen.insert(result.header("MS-CV"));
    }
}

void TestEmulatorServer::dateIsTheEmulatorClockOnEveryAnswer()
{
    // Whatever the locale, the date is in English (RFC 7231 IMF-fixdate).
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const auto restoreLocale = qScopeGuard([&previous] { QLocale::setDefault(previous); });

    // Thursday 2026-01-01 12:00:00 to Friday 2026-01-09 07:05:09.999: one-digit day and hour, and
    // a fraction of a second that is cut off, not rounded up into a time that has not come yet.
    QCOMPARE(m_clock->now(), QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC));
    COMPARE_STATUS(call("GET", sessionsPath()), 200);
    QCOMPARE(call("GET", sessionsPath()).header("Date"), QByteArray("Thu, 01 Jan 2026 12:00:00 GMT"));
    m_clock->advance((7 * 86400 + 19 * 3600 + 5 * 60 + 9) * 1000LL + 999);
    const QByteArray expected = "Fri, 09 Jan 2026 07:05:09 GMT";
    m_token = m_http->token(Account, Key);

    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    const QByteArray key = "Bearer " + Account.toUtf8() + ':' + Key.toUtf8();
    const QList<std::pair<const char *, HttpResult>> answers{
        {"token", m_http->send("GET", u"/accounts/%1/token"_s.arg(Account), {}, {{"Authorization", key}})},
        {"token refused", m_http->send("GET", u"/accounts/%1/token"_s.arg(Account))},
        {"list", call("GET", sessionsPath())},
        {"properties", call("GET", sessionPath(id) + u"/properties"_s)},
        {"update", call("PATCH", sessionPath(id), "{\"maxLeaseTime\":\"5:0:0\"}")},
        {"update refused", call("PATCH", sessionPath(id), "{\"maxLeaseTime\":\"1:0:0\"}")},
        {"stop", call("DELETE", sessionPath(id))},
        {"no token", m_http->send("GET", sessionsPath())},
        {"unknown session", call("GET", sessionPath(u"nope"_s) + u"/properties"_s)},
        {"unknown path", call("GET", u"/nowhere"_s)},
        {"wrong method", call("PUT", sessionsPath())},
    };
    for (const auto &[name, answer] : answers) {
        VERIFY_WIRE(answer);
        QVERIFY2(answer.header("Date") == expected,
            qPrintable(u"%1: %2"_s.arg(QLatin1StringView(name), QString::fromLatin1(answer.header("Date")))));
    }

    // Injected faults are answers of the emulator too.
    arr::emulator::FaultOptions faults;
    faults.errorRate = 1.0;
    m_server->setFaults(faults);
    QSet<int> statuses;
    for (int i = 0; i < 12; ++i) {
        const HttpResult fault = call("GET", sessionsPath());
        VERIFY_WIRE(fault);
        QCOMPARE(fault.header("Date"), expected);
        statuses.insert(fault.status);
    }
    QCOMPARE(statuses, (QSet<int>{500, 503, 429}));
}

void TestEmulatorServer::tokenLifetimeIsExpiryMinusDate()
{
    // The client reckons a token's lifetime as its exp minus the answer's Date, read with the
    // client's own parser; with the emulator on its own clock that is exactly the lifetime it issues.
    EmulatorOptions options;
    options.tokenLifetimeMs = 3600'000;
    restart(options);
    m_clock->advance(1234);
    const HttpResult answer = m_http->send("GET", u"/accounts/%1/token"_s.arg(Account), {},
        {{"Authorization", "Bearer " + Account.toUtf8() + ':' + Key.toUtf8()}});
    COMPARE_STATUS(answer, 200);
    const QDateTime date = arr::parseHttpDate(answer.header("Date"));
    QVERIFY2(date.isValid(), answer.header("Date").constData());
    const auto expiry = arr::jwtExpiry(answer.object().value("AccessToken"_L1).toString().toLatin1());
    QVERIFY(expiry.has_value());
    QCOMPARE(date.secsTo(*expiry), 3600);
}

void TestEmulatorServer::dateFollowsAScaledClock()
{
    // As `arr-emulator --time-scale 600` runs: ten emulated minutes pass every real second.
    const arr::ScaledClock scaled(600);
    EmulatorOptions options;
    options.tokenLifetimeMs = 2 * 3600'000;
    EmulatorServer server(options, &scaled);
    server.addAccount(Account, Key);
    QVERIFY(server.listen());
    TestHttp http(server.baseUrl());
    QTest::qWait(1500);

    const QDateTime before = scaled.now();
    const HttpResult answer = http.send("GET", u"/accounts/%1/token"_s.arg(Account), {},
        {{"Authorization", "Bearer " + Account.toUtf8() + ':' + Key.toUtf8()}});
    const QDateTime after = scaled.now();
    COMPARE_STATUS(answer, 200);
    const QDateTime date = arr::parseHttpDate(answer.header("Date"));
    // The emulator's time, not the machine's: about fifteen minutes ahead of it by now.
    QVERIFY2(date >= before.addMSecs(-before.time().msec()) && date <= after,
        qPrintable(u"%1 not in [%2, %3]"_s.arg(
            date.toString(Qt::ISODateWithMs), before.toString(Qt::ISODateWithMs), after.toString(Qt::ISODateWithMs))));
    QVERIFY(date > QDateTime::currentDateTimeUtc().addSecs(10 * 60));
    // So the client reckons the lifetime the emulator issued, give or take what passed between
    // issuing the token and dating the answer (at most `after - before`).
    const auto expiry = arr::jwtExpiry(answer.object().value("AccessToken"_L1).toString().toLatin1());
    QVERIFY(expiry.has_value());
    const qint64 reckoned = date.secsTo(*expiry);
    QVERIFY2(
        reckoned <= 2 * 3600 && reckoned >= 2 * 3600 - before.secsTo(after) - 1, qPrintable(QString::number(reckoned)));
}

namespace {

// Reads one whole HTTP answer from a raw socket (headers, then Content-Length bytes of body).
struct RawAnswer
{
    QByteArray head;
    QByteArray body;
};

std::optional<RawAnswer> takeAnswer(QByteArray *buffer)
{
    const qsizetype end = buffer->indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    const QByteArray head = buffer->left(end);
    qsizetype length = 0;
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    if (buffer->size() < end + 4 + length)
        return std::nullopt;
    RawAnswer answer{head, buffer->mid(end + 4, length)};
    buffer->remove(0, end + 4 + length);
    return answer;
}

} // namespace

void TestEmulatorServer::connectionIsKeptAlive()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
    const QByteArray request = "GET " + sessionsPath().toUtf8()
        + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + m_token + "\r\n\r\n";
    QByteArray buffer;
    for (int i = 0; i < 3; ++i) {
        socket.write(request);
        std::optional<RawAnswer> answer;
        QTRY_VERIFY(answer || (buffer += socket.readAll(), answer = takeAnswer(&buffer), answer.has_value()));
        QVERIFY2(answer->head.startsWith("HTTP/1.1 200 OK\r\n"), answer->head.constData());
        QCOMPARE(answer->body, QByteArray("{\"sessions\":[]}"));
        QVERIFY(buffer.isEmpty());
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }
    QCOMPARE(m_server->requestCount(u"list"_s), 3);
}

void TestEmulatorServer::connectionCloseIsHonoured()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
    socket.write("GET /nowhere HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    QByteArray buffer;
    std::optional<RawAnswer> answer;
    QTRY_VERIFY(answer || (buffer += socket.readAll(), answer = takeAnswer(&buffer), answer.has_value()));
    QVERIFY2(answer->head.startsWith("HTTP/1.1 404 Not Found\r\n"), answer->head.constData());
    QVERIFY(answer->head.contains("\r\nConnection: close"));
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
}

void TestEmulatorServer::headIsAnsweredWithoutBody()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
    socket.write("HEAD " + sessionsPath().toUtf8() + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QByteArray buffer;
    QTRY_VERIFY((buffer += socket.readAll(), buffer.contains("\r\n\r\n")));
    QVERIFY2(buffer.startsWith("HTTP/1.1 405 "), buffer.constData());
    QVERIFY(buffer.contains("\r\nContent-Length: "));
    QVERIFY2(buffer.endsWith("\r\n\r\n"), buffer.constData());

    // The connection is still in step: the next answer starts right after those headers.
    buffer.clear();
    socket.write("GET /nowhere HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QTRY_VERIFY((buffer += socket.readAll(), buffer.contains("\r\n\r\n")));
    QVERIFY2(buffer.startsWith("HTTP/1.1 404 "), buffer.constData());
}

void TestEmulatorServer::hugeBodyIsRefused()
{
    const QByteArray huge = "{'maxLeaseTime':'1:0:0','size':'small','pad':'" + QByteArray(2 * 1024 * 1024, 'x') + "'}";
    const HttpResult result = call("POST", sessionsPath() + u"/create"_s, huge);
    COMPARE_STATUS(result, 413);
    QCOMPARE(result.errorCode(), u"PayloadTooLarge"_s);
    QVERIFY(m_server->sessions(Account).isEmpty());
}

void TestEmulatorServer::rateLimitAnswers429()
{
    EmulatorOptions options;
    options.rateLimitPerSecond = 2;
    restart(options);
    m_clock->advance(100);
    COMPARE_STATUS(call("GET", sessionsPath()), 200);
    COMPARE_STATUS(call("GET", sessionsPath()), 200);
    const HttpResult throttled = call("POST", sessionsPath() + u"/create"_s, "{'maxLeaseTime':'1:0:0','size':'small'}");
    COMPARE_STATUS(throttled, 429);
    QCOMPARE(throttled.header("Retry-After"), QByteArray("1"));
    QCOMPARE(throttled.errorCode(), u"TooManyRequests"_s);
    QVERIFY(m_server->sessions(Account).isEmpty()); // a throttled create has no effect

    // Per account: the other account is not throttled; the token service is not limited.
    const QByteArray otherToken = m_http->token(OtherAccount, OtherKey);
    COMPARE_STATUS(
        m_http->send("GET", u"/v1/accounts/%1/sessions"_s.arg(OtherAccount), {}, TestHttp::bearer(otherToken)), 200);

    // The next second of emulator time allows requests again.
    m_clock->advance(900);
    COMPARE_STATUS(call("GET", sessionsPath()), 200);
}

void TestEmulatorServer::requestsAreCountedPerOperation()
{
    m_server->resetCounters();
    QCOMPARE(m_server->requestCount(), 0);
    const QString id = createSession();
    call("GET", sessionsPath());
    call("GET", sessionsPath());
    call("GET", sessionPath(id) + u"/properties"_s);
    call("PATCH", sessionPath(id), "{'maxLeaseTime':'5:0:0'}");
    call("DELETE", sessionPath(id));
    call("GET", u"/nowhere"_s);
    call("PUT", sessionPath(id));
    m_http->token(Account, u"wrong"_s);
    QCOMPARE(m_server->requestCount(u"create"_s), 1);
    QCOMPARE(m_server->requestCount(u"list"_s), 2);
    QCOMPARE(m_server->requestCount(u"properties"_s), 1);
    QCOMPARE(m_server->requestCount(u"update"_s), 1);
    QCOMPARE(m_server->requestCount(u"stop"_s), 1);
    QCOMPARE(m_server->requestCount(u"token"_s), 1);
    QCOMPARE(m_server->requestCount(u"nonsense"_s), 0);
    QCOMPARE(m_server->requestCount(), 9);
    m_server->resetCounters();
    QCOMPARE(m_server->requestCount(), 0);
    QCOMPARE(m_server->requestCount(u"list"_s), 0);
}

void TestEmulatorServer::sessionsAreWhatTheListAnswers()
{
    m_server->addDemoSessions(Account);
    createSession();
    const HttpResult list = call("GET", sessionsPath());
    COMPARE_STATUS(list, 200);
    const auto decoded = arr::v1::decodeSessionList(list.body);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.value->size(), 8);
    QCOMPARE(*decoded.value, m_server->sessions(Account));
    QVERIFY(m_server->sessions(OtherAccount).isEmpty());
    QVERIFY(m_server->sessions(u"unknown"_s).isEmpty());
}

void TestEmulatorServer::demoSessionsCoverEveryState()
{
    m_server->addDemoSessions(Account);
    const QList<arr::Session> sessions = m_server->sessions(Account);
    QSet<int> states;
    bool nearlyExpired = false;
    for (const arr::Session &session : sessions) {
        states.insert(int(session.status));
        if (session.status == SessionStatus::Ready && session.remaining() < TimeSpan::fromMinutes(5))
            nearlyExpired = true;
        if (session.status == SessionStatus::Expired || session.status == SessionStatus::Error)
            QVERIFY(!session.message.isEmpty());
        if (session.status == SessionStatus::Ready)
            QVERIFY(!session.hostname.isEmpty());
    }
    const QSet<int> expected{int(SessionStatus::Starting), int(SessionStatus::Ready), int(SessionStatus::Stopping),
        int(SessionStatus::Stopped), int(SessionStatus::Expired), int(SessionStatus::Error)};
    QCOMPARE(states, expected);
    QVERIFY(nearlyExpired);
}

void TestEmulatorServer::seededSessionsHaveTheirState()
{
    const auto add = [this](TimeSpan age, SessionStatus status, TimeSpan lease = TimeSpan::fromHours(4)) {
        return m_server->addSession(Account, SessionSeed{u"premium"_s, lease, age, status, {}});
    };
    const auto statusOf = [this](const QString &id) {
        for (const arr::Session &session : m_server->sessions(Account)) {
            if (session.id == id)
                return session.status;
        }
        return SessionStatus::Unknown;
    };
    const QString fromAgeReady = add(TimeSpan::fromHours(1), SessionStatus::Unknown);
    const QString fromAgeStarting = add(TimeSpan::fromSeconds(3), SessionStatus::Unknown);
    // Expired five minutes ago: still within the retention.
    const QString fromAgeExpired = add(TimeSpan::fromMinutes(4 * 60 + 5), SessionStatus::Unknown);
    const QString fromAgeGone = add(TimeSpan::fromHours(5), SessionStatus::Unknown);
    const QString starting = add(TimeSpan::fromHours(1), SessionStatus::Starting);
    const QString ready = add(TimeSpan::fromSeconds(1), SessionStatus::Ready);
    const QString stopping = add(TimeSpan::fromHours(1), SessionStatus::Stopping);
    const QString stopped = add(TimeSpan::fromHours(1), SessionStatus::Stopped);
    const QString expired = add(TimeSpan::fromMinutes(1), SessionStatus::Expired);
    const QString failed = add(TimeSpan::fromMinutes(1), SessionStatus::Error);
    QVERIFY(m_server->addSession(u"unknown"_s, SessionSeed{}).isEmpty());

    QCOMPARE(statusOf(fromAgeReady), SessionStatus::Ready);
    QCOMPARE(statusOf(fromAgeStarting), SessionStatus::Starting);
    QCOMPARE(statusOf(fromAgeExpired), SessionStatus::Expired);
    QCOMPARE(statusOf(fromAgeGone), SessionStatus::Unknown);
    QCOMPARE(statusOf(starting), SessionStatus::Starting);
    QCOMPARE(statusOf(ready), SessionStatus::Ready);
    QCOMPARE(statusOf(stopping), SessionStatus::Stopping);
    QCOMPARE(statusOf(stopped), SessionStatus::Stopped);
    QCOMPARE(statusOf(expired), SessionStatus::Expired);
    QCOMPARE(statusOf(failed), SessionStatus::Error);

    // Seeded sessions then follow the lifecycle like any other.
    m_clock->advance(20'000);
    QCOMPARE(statusOf(starting), SessionStatus::Ready);
    QCOMPARE(statusOf(stopping), SessionStatus::Stopped);
}

QTEST_GUILESS_MAIN(TestEmulatorServer)
#include "tst_emulatorserver.moc"
