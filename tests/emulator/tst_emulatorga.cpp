#include "TestHttp.h"

#include "core/Clock.h"
#include "emulator/EmulatorServer.h"

#include <QJsonArray>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;
using arr::SessionStatus;
using arr::TimeSpan;
using arr::emulator::EmulatorOptions;
using arr::emulator::EmulatorServer;
using arr::emulator::SessionSeed;

// Checks the answer's wire format (MS-CV, Date, Content-Type, Content-Length, error body, challenge
// headers) in every test.
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
const QString Version = u"?api-version=2021-01-01"_s;
const QByteArray Standard30 = "{\"maxLeaseTimeMinutes\":30,\"size\":\"Standard\"}";

} // namespace

// The 2021-01-01 (GA) session API of the emulator over real loopback HTTP: codes, headers and
// bodies, with a ManualClock moving time.
class TestEmulatorGa : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void apiVersionIsRequired_data();
    void apiVersionIsRequired();
    void createIsSafeToRepeat();
    void createWithOtherSettingsConflicts();
    void createRefusesBadIds_data();
    void createRefusesBadIds();
    void createRefusesBadBodies_data();
    void createRefusesBadBodies();
    void getAnswersPropertiesOrNotFound();
    void updateExtendsTheLease();
    void updateRefusesShorterLeasesAndEndedSessions();
    void stopAnswers204AndTheSessionReadsStopped();
    void leaseCountsFromReadyAndElapsedRoundsDown();
    void failedSessionCarriesAnError();
    void listPagesFollowNextLink();
    void listHasOnlyStartingAndReadySessions();
    void listRefusesBadContinuationToken();
    void authorizationIsRequired();
    void wrongMethodIsNotAllowed();
    void requestsCountUnderTheV1Names();

private:
    void restart(const EmulatorOptions &options);
    HttpResult call(const QByteArray &method, const QString &path, const QByteArray &body = {});
    QString sessionsPath() const { return u"/accounts/%1/sessions"_s.arg(Account); }
    QString sessionPath(const QString &id) const { return sessionsPath() + u'/' + id + Version; }
    // Creates a session through the GA API; QVERIFY-fails the test on anything but 201.
    void create(const QString &id, const QByteArray &body = Standard30);
    QJsonObject get(const QString &id);

    std::unique_ptr<arr::ManualClock> m_clock;
    std::unique_ptr<EmulatorServer> m_server;
    std::unique_ptr<TestHttp> m_http;
    QByteArray m_token;
};

void TestEmulatorGa::init()
{
    restart({});
}

void TestEmulatorGa::cleanup()
{
    m_http.reset();
    m_server.reset();
    m_clock.reset();
}

void TestEmulatorGa::restart(const EmulatorOptions &options)
{
    m_http.reset();
    m_server.reset();
    m_clock = std::make_unique<arr::ManualClock>();
    m_server = std::make_unique<EmulatorServer>(options, m_clock.get());
    m_server->addAccount(Account, Key);
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    m_http = std::make_unique<TestHttp>(m_server->baseUrl());
    m_token = m_http->token(Account, Key);
    QVERIFY(!m_token.isEmpty());
}

HttpResult TestEmulatorGa::call(const QByteArray &method, const QString &path, const QByteArray &body)
{
    return m_http->send(method, path, body, TestHttp::bearer(m_token));
}

void TestEmulatorGa::create(const QString &id, const QByteArray &body)
{
    const HttpResult created = call("PUT", sessionPath(id), body);
    VERIFY_WIRE(created);
    QVERIFY2(created.status == 201, qPrintable(created.describe()));
}

QJsonObject TestEmulatorGa::get(const QString &id)
{
    const HttpResult answer = call("GET", sessionPath(id));
    const QString problem = answer.wireProblem();
    if (!problem.isEmpty() || answer.status != 200) {
        qWarning("%s %s", qPrintable(problem), qPrintable(answer.describe()));
        return {};
    }
    return answer.object();
}

void TestEmulatorGa::apiVersionIsRequired_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("query");

    const QString session = u"/accounts/%1/sessions/s1"_s.arg(Account);
    const QString list = u"/accounts/%1/sessions"_s.arg(Account);
    for (const auto &[name, query] : {std::pair{"missing", QString()}, std::pair{"empty", u"?api-version="_s},
             std::pair{"v1 date", u"?api-version=2019-12-31"_s},
             std::pair{"preview", u"?api-version=2021-01-01-preview"_s},
             std::pair{"twice", u"?api-version=2021-01-01&api-version=2020-01-01"_s},
             std::pair{"other parameter", u"?apiversion=2021-01-01"_s}}) {
        QTest::addRow("create %s", name) << QByteArray("PUT") << session << query;
        QTest::addRow("get %s", name) << QByteArray("GET") << session << query;
        QTest::addRow("update %s", name) << QByteArray("PATCH") << session << query;
        QTest::addRow("stop %s", name) << QByteArray("POST") << session + u"/:stop"_s << query;
        QTest::addRow("list %s", name) << QByteArray("GET") << list << query;
    }
}

void TestEmulatorGa::apiVersionIsRequired()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, query);
    const QByteArray body = method == "POST" || method == "GET" ? QByteArray() : Standard30;
    const HttpResult answer = call(method, path + query, body);
    COMPARE_STATUS(answer, 400);
    QCOMPARE(answer.errorCode(), u"BadRequest"_s);
    QVERIFY2(answer.errorMessage().contains(u"api-version"_s), qPrintable(answer.errorMessage()));
    // Nothing was created on the way.
    QVERIFY(m_server->sessions(Account).isEmpty());
    // Without a token too: the version is read first.
    const HttpResult anonymous = m_http->send(method, path + query, body);
    COMPARE_STATUS(anonymous, 400);
}

void TestEmulatorGa::createIsSafeToRepeat()
{
    const HttpResult created = call("PUT", sessionPath(u"contoso-session_1"_s), Standard30);
    COMPARE_STATUS(created, 201);
    const QJsonObject properties = created.object();
    QCOMPARE(properties.value("id"_L1).toString(), u"contoso-session_1"_s);
    QCOMPARE(properties.value("status"_L1).toString(), u"Starting"_s);
    QCOMPARE(properties.value("size"_L1).toString(), u"Standard"_s);
    QCOMPARE(properties.value("maxLeaseTimeMinutes"_L1).toInt(-1), 30);
    QCOMPARE(properties.value("elapsedTimeMinutes"_L1).toInt(-1), 0);
    QCOMPARE(properties.value("creationTime"_L1).toString(), u"2026-01-01T12:00:00Z"_s);
    QVERIFY(properties.contains("error"_L1));
    QVERIFY(properties.value("error"_L1).isNull());
    // Not reachable yet: no hostname, ports or teraflops.
    QVERIFY(!properties.contains("hostname"_L1));
    QVERIFY(!properties.contains("handshakePort"_L1));
    QVERIFY(!properties.contains("teraflops"_L1));

    m_clock->advance(5'000);
    // The same create again (a retry), in other spellings of the same settings.
    const HttpResult repeated
        = call("PUT", sessionPath(u"contoso-session_1"_s), "{'size':'standard','maxLeaseTimeMinutes':30.0}");
    COMPARE_STATUS(repeated, 200);
    QCOMPARE(repeated.object().value("id"_L1).toString(), u"contoso-session_1"_s);
    QCOMPARE(repeated.object().value("creationTime"_L1).toString(), u"2026-01-01T12:00:00Z"_s);
    QCOMPARE(m_server->sessions(Account).size(), 1);
}

void TestEmulatorGa::createWithOtherSettingsConflicts()
{
    create(u"s1"_s);
    for (const QByteArray &body : {QByteArray("{\"maxLeaseTimeMinutes\":30,\"size\":\"Premium\"}"),
             QByteArray("{\"maxLeaseTimeMinutes\":31,\"size\":\"Standard\"}")}) {
        const HttpResult conflict = call("PUT", sessionPath(u"s1"_s), body);
        COMPARE_STATUS(conflict, 409);
        QCOMPARE(conflict.errorCode(), u"Conflict"_s);
        QVERIFY2(conflict.errorMessage().contains(u"s1"_s), qPrintable(conflict.errorMessage()));
    }
    // Ids are case-sensitive, and one differing only in case cannot stand beside another.
    const HttpResult caseVariant = call("PUT", sessionPath(u"S1"_s), Standard30);
    COMPARE_STATUS(caseVariant, 409);
    QCOMPARE(caseVariant.errorCode(), u"Conflict"_s);
    // An extended session still answers its own create with 200: the create's settings count.
    COMPARE_STATUS(call("PATCH", sessionPath(u"s1"_s), "{\"maxLeaseTimeMinutes\":60}"), 200);
    COMPARE_STATUS(call("PUT", sessionPath(u"s1"_s), Standard30), 200);
    QCOMPARE(m_server->sessions(Account).size(), 1);
}

void TestEmulatorGa::createRefusesBadIds_data()
{
    QTest::addColumn<QString>("encodedId");
    QTest::addColumn<int>("expected");

    QTest::newRow("dot inside") << u"a.b"_s << 400;
    QTest::newRow("space") << u"a%20b"_s << 400;
    QTest::newRow("leading space") << u"%20ab"_s << 400;
    QTest::newRow("encoded slash") << u"a%2Fb"_s << 400;
    QTest::newRow("colon") << u"a:b"_s << 400;
    QTest::newRow("non-ascii letter") << u"caf%C3%A9"_s << 400;
    QTest::newRow("257 characters") << QString(257, u'x') << 400;
    QTest::newRow("256 characters") << QString(256, u'x') << 201;
    QTest::newRow("guid") << u"01234567-89ab-cdef-0123-456789abcdef"_s << 201;
    QTest::newRow("single character") << u"Z"_s << 201;
}

void TestEmulatorGa::createRefusesBadIds()
{
    QFETCH(QString, encodedId);
    QFETCH(int, expected);
    const HttpResult answer = call("PUT", sessionPath(encodedId), Standard30);
    COMPARE_STATUS(answer, expected);
    if (expected == 400) {
        QCOMPARE(answer.errorCode(), u"BadRequest"_s);
        QVERIFY2(answer.errorMessage().contains(u"session id"_s), qPrintable(answer.errorMessage()));
        QVERIFY(m_server->sessions(Account).isEmpty());
        // Reading, extending or stopping it is refused the same way.
        COMPARE_STATUS(call("GET", sessionPath(encodedId)), 400);
        COMPARE_STATUS(call("POST", sessionsPath() + u'/' + encodedId + u"/:stop"_s + Version), 400);
    } else {
        QCOMPARE(answer.object().value("id"_L1).toString(), QUrl::fromPercentEncoding(encodedId.toUtf8()));
    }
}

void TestEmulatorGa::createRefusesBadBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("empty") << QByteArray() << u""_s;
    QTest::newRow("not json") << QByteArray("lease=30") << u""_s;
    QTest::newRow("no lease") << QByteArray("{\"size\":\"Standard\"}") << u"maxLeaseTimeMinutes"_s;
    QTest::newRow("lease zero") << QByteArray("{\"maxLeaseTimeMinutes\":0,\"size\":\"Standard\"}")
                                << u"maxLeaseTimeMinutes"_s;
    QTest::newRow("lease over a day") << QByteArray("{\"maxLeaseTimeMinutes\":1441,\"size\":\"Standard\"}")
                                      << u"1440"_s;
    QTest::newRow("lease fraction") << QByteArray("{\"maxLeaseTimeMinutes\":1.5,\"size\":\"Standard\"}")
                                    << u"whole number"_s;
    QTest::newRow("lease string") << QByteArray("{\"maxLeaseTimeMinutes\":\"30\",\"size\":\"Standard\"}")
                                  << u"whole number"_s;
    QTest::newRow("v1 lease only") << QByteArray("{\"maxLeaseTime\":\"0:30:0\",\"size\":\"Standard\"}")
                                   << u"maxLeaseTimeMinutes"_s;
    QTest::newRow("no size") << QByteArray("{\"maxLeaseTimeMinutes\":30}") << u"size"_s;
    QTest::newRow("v1 size") << QByteArray("{\"maxLeaseTimeMinutes\":30,\"size\":\"small\"}") << u"small"_s;
    QTest::newRow("size number") << QByteArray("{\"maxLeaseTimeMinutes\":30,\"size\":1}") << u"size"_s;
}

void TestEmulatorGa::createRefusesBadBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    const HttpResult answer = call("PUT", sessionPath(u"s1"_s), body);
    COMPARE_STATUS(answer, 400);
    QCOMPARE(answer.errorCode(), u"BadRequest"_s);
    QVERIFY2(answer.errorMessage().contains(mentions), qPrintable(answer.errorMessage()));
    QVERIFY(m_server->sessions(Account).isEmpty());
}

void TestEmulatorGa::getAnswersPropertiesOrNotFound()
{
    create(u"s1"_s, "{\"maxLeaseTimeMinutes\":45,\"size\":\"premium\"}");
    const HttpResult answer = call("GET", sessionPath(u"s1"_s));
    COMPARE_STATUS(answer, 200);
    QCOMPARE(answer.object().value("id"_L1).toString(), u"s1"_s);
    QCOMPARE(answer.object().value("size"_L1).toString(), u"Premium"_s);
    QCOMPARE(answer.object().value("maxLeaseTimeMinutes"_L1).toInt(-1), 45);

    for (const QString &id : {u"s2"_s, u"S1"_s}) {
        const HttpResult missing = call("GET", sessionPath(id));
        COMPARE_STATUS(missing, 404);
        QCOMPARE(missing.errorCode(), u"NotFound"_s);
        QVERIFY2(missing.errorMessage().contains(id), qPrintable(missing.errorMessage()));
    }
    // Another account's path: 404 for the account (the token is this account's own).
    COMPARE_STATUS(call("GET", u"/accounts/nobody/sessions/s1"_s + Version), 404);
}

void TestEmulatorGa::updateExtendsTheLease()
{
    create(u"s1"_s);
    const HttpResult updated = call("PATCH", sessionPath(u"s1"_s), "{\"maxLeaseTimeMinutes\":60}");
    COMPARE_STATUS(updated, 200);
    QCOMPARE(updated.object().value("id"_L1).toString(), u"s1"_s);
    QCOMPARE(updated.object().value("maxLeaseTimeMinutes"_L1).toInt(-1), 60);
    QCOMPARE(get(u"s1"_s).value("maxLeaseTimeMinutes"_L1).toInt(-1), 60);

    const HttpResult missing = call("PATCH", sessionPath(u"nope"_s), "{\"maxLeaseTimeMinutes\":90}");
    COMPARE_STATUS(missing, 404);
    const HttpResult badBody = call("PATCH", sessionPath(u"s1"_s), "{\"maxLeaseTimeMinutes\":2000}");
    COMPARE_STATUS(badBody, 400);
    QCOMPARE(badBody.errorCode(), u"BadRequest"_s);
}

void TestEmulatorGa::updateRefusesShorterLeasesAndEndedSessions()
{
    create(u"s1"_s);
    for (const QByteArray &body :
        {QByteArray("{\"maxLeaseTimeMinutes\":30}"), QByteArray("{\"maxLeaseTimeMinutes\":20}")}) {
        const HttpResult refused = call("PATCH", sessionPath(u"s1"_s), body);
        COMPARE_STATUS(refused, 422);
        QCOMPARE(refused.errorCode(), u"UnprocessableEntity"_s);
        QVERIFY2(refused.errorMessage().contains(u"not larger"_s), qPrintable(refused.errorMessage()));
    }
    QCOMPARE(get(u"s1"_s).value("maxLeaseTimeMinutes"_L1).toInt(-1), 30);

    COMPARE_STATUS(call("POST", sessionsPath() + u"/s1/:stop"_s + Version), 204);
    const HttpResult stopped = call("PATCH", sessionPath(u"s1"_s), "{\"maxLeaseTimeMinutes\":90}");
    COMPARE_STATUS(stopped, 422);
    QVERIFY2(stopped.errorMessage().contains(u"Stopped"_s), qPrintable(stopped.errorMessage()));

    // Expired: a 1-minute lease a minute after Ready.
    create(u"s2"_s, "{\"maxLeaseTimeMinutes\":1,\"size\":\"Standard\"}");
    m_clock->advance(20'000 + 60'000);
    QCOMPARE(get(u"s2"_s).value("status"_L1).toString(), u"Expired"_s);
    const HttpResult expired = call("PATCH", sessionPath(u"s2"_s), "{\"maxLeaseTimeMinutes\":90}");
    COMPARE_STATUS(expired, 422);
    QVERIFY2(expired.errorMessage().contains(u"Expired"_s), qPrintable(expired.errorMessage()));
}

void TestEmulatorGa::stopAnswers204AndTheSessionReadsStopped()
{
    create(u"s1"_s);
    m_clock->advance(20'000);
    QCOMPARE(get(u"s1"_s).value("status"_L1).toString(), u"Ready"_s);
    m_clock->advance(90'000);

    const HttpResult stop = call("POST", sessionsPath() + u"/s1/:stop"_s + Version);
    COMPARE_STATUS(stop, 204);
    QVERIFY(stop.body.isEmpty());
    // GA has no Stopping: while the emulator winds it down (3 s), it already reads Stopped, with its
    // time in Ready frozen at the stop and no hostname.
    const QJsonObject stopping = get(u"s1"_s);
    QCOMPARE(stopping.value("status"_L1).toString(), u"Stopped"_s);
    QCOMPARE(stopping.value("elapsedTimeMinutes"_L1).toInt(-1), 1);
    QVERIFY(!stopping.contains("hostname"_L1));
    QCOMPARE(m_server->sessions(Account).value(0).status, SessionStatus::Stopping);
    m_clock->advance(10 * 60'000);
    QCOMPARE(get(u"s1"_s).value("status"_L1).toString(), u"Stopped"_s);
    QCOMPARE(get(u"s1"_s).value("elapsedTimeMinutes"_L1).toInt(-1), 1);

    // Stopping again is a successful no-op; an unknown session is 404.
    COMPARE_STATUS(call("POST", sessionsPath() + u"/s1/:stop"_s + Version), 204);
    const HttpResult missing = call("POST", sessionsPath() + u"/nope/:stop"_s + Version);
    COMPARE_STATUS(missing, 404);
    QCOMPARE(missing.errorCode(), u"NotFound"_s);
}

void TestEmulatorGa::leaseCountsFromReadyAndElapsedRoundsDown()
{
    create(u"s1"_s, "{\"maxLeaseTimeMinutes\":2,\"size\":\"Premium\"}");
    // Starting for the start delay (20 s): no time in Ready yet.
    m_clock->advance(19'999);
    QJsonObject properties = get(u"s1"_s);
    QCOMPARE(properties.value("status"_L1).toString(), u"Starting"_s);
    QCOMPARE(properties.value("elapsedTimeMinutes"_L1).toInt(-1), 0);

    m_clock->advance(1);
    properties = get(u"s1"_s);
    QCOMPARE(properties.value("status"_L1).toString(), u"Ready"_s);
    QVERIFY(properties.value("hostname"_L1).toString().endsWith(u".mixedreality.azure.com"_s));
    QCOMPARE(properties.value("handshakePort"_L1).toInt(), 50051);
    QCOMPARE(properties.value("arrInspectorPort"_L1).toInt(), 50052);
    QVERIFY(properties.value("teraflops"_L1).toDouble() > 0);
    QCOMPARE(properties.value("elapsedTimeMinutes"_L1).toInt(-1), 0);

    // Rounded down: 59.999 s in Ready is 0 minutes, 60 s is 1, 119.999 s still 1.
    m_clock->advance(59'999);
    QCOMPARE(get(u"s1"_s).value("elapsedTimeMinutes"_L1).toInt(-1), 0);
    m_clock->advance(1);
    QCOMPARE(get(u"s1"_s).value("elapsedTimeMinutes"_L1).toInt(-1), 1);
    m_clock->advance(59'999);
    // 2 min 19.999 s after creation: a lease counted from creation (v1) would have run out.
    properties = get(u"s1"_s);
    QCOMPARE(properties.value("status"_L1).toString(), u"Ready"_s);
    QCOMPARE(properties.value("elapsedTimeMinutes"_L1).toInt(-1), 1);

    m_clock->advance(1);
    properties = get(u"s1"_s);
    QCOMPARE(properties.value("status"_L1).toString(), u"Expired"_s);
    QCOMPARE(properties.value("elapsedTimeMinutes"_L1).toInt(-1), 2);
    QVERIFY(properties.value("error"_L1).isNull());
    QVERIFY(!properties.contains("hostname"_L1));
    m_clock->advance(5 * 60'000);
    QCOMPARE(get(u"s1"_s).value("elapsedTimeMinutes"_L1).toInt(-1), 2);
}

void TestEmulatorGa::failedSessionCarriesAnError()
{
    SessionSeed seed;
    seed.status = SessionStatus::Error;
    seed.message = u"No virtual machine was available."_s;
    const QString id = m_server->addSession(Account, seed);
    const QJsonObject properties = get(id);
    QCOMPARE(properties.value("status"_L1).toString(), u"Error"_s);
    QCOMPARE(properties.value("size"_L1).toString(), u"Standard"_s);
    const QJsonObject error = properties.value("error"_L1).toObject();
    QVERIFY(!error.value("code"_L1).toString().isEmpty());
    QCOMPARE(error.value("message"_L1).toString(), seed.message);
}

void TestEmulatorGa::listPagesFollowNextLink()
{
    EmulatorOptions options;
    options.pageSize = 2;
    restart(options);
    QStringList expected;
    for (int i = 0; i < 7; ++i) {
        const QString id = u"session-%1"_s.arg(i);
        create(id);
        // The first four become ready, which changes nothing about the order.
        if (i == 3)
            m_clock->advance(20'000);
        expected.append(id);
    }
    // A session stopped in the middle of the list leaves a gap, not a short page.
    COMPARE_STATUS(call("POST", sessionsPath() + u"/session-4/:stop"_s + Version), 204);
    expected.removeOne(u"session-4"_s);

    const QString base = m_server->baseUrl().toString();
    QString path = sessionsPath() + Version;
    QStringList listed;
    QList<qsizetype> pageSizes;
    for (int page = 0; page < 10; ++page) {
        const HttpResult answer = call("GET", path);
        COMPARE_STATUS(answer, 200);
        const QJsonArray sessions = answer.object().value("sessions"_L1).toArray();
        pageSizes.append(sessions.size());
        for (const QJsonValue &session : sessions) {
            listed.append(session.toObject().value("id"_L1).toString());
            const QString status = session.toObject().value("status"_L1).toString();
            QVERIFY2(status == u"Starting"_s || status == u"Ready"_s, qPrintable(status));
        }
        if (!answer.object().contains("@nextLink"_L1))
            break;
        const QString next = answer.object().value("@nextLink"_L1).toString();
        // Absolute, on the same host, with the version and a continuation token.
        QVERIFY2(next.startsWith(base + sessionsPath() + u'?'), qPrintable(next));
        const QUrlQuery query{QUrl(next)};
        QCOMPARE(query.queryItemValue(u"api-version"_s), u"2021-01-01"_s);
        QVERIFY(!query.queryItemValue(u"continuationToken"_s).isEmpty());
        path = next.mid(base.size());
    }
    QCOMPARE(listed, expected);
    QCOMPARE(pageSizes, (QList<qsizetype>{2, 2, 2}));

    // A page that ends exactly at the end of the list has no @nextLink.
    COMPARE_STATUS(call("POST", sessionsPath() + u"/session-5/:stop"_s + Version), 204);
    COMPARE_STATUS(call("POST", sessionsPath() + u"/session-6/:stop"_s + Version), 204);
    const HttpResult first = call("GET", sessionsPath() + Version);
    COMPARE_STATUS(first, 200);
    QVERIFY(first.object().contains("@nextLink"_L1));
    const HttpResult second = call("GET", first.object().value("@nextLink"_L1).toString().mid(base.size()));
    COMPARE_STATUS(second, 200);
    QCOMPARE(second.object().value("sessions"_L1).toArray().size(), 2);
    QVERIFY(!second.object().contains("@nextLink"_L1));
}

void TestEmulatorGa::listHasOnlyStartingAndReadySessions()
{
    create(u"ready"_s);
    create(u"ready2"_s);
    m_clock->advance(20'000);
    create(u"starting"_s);
    create(u"stopped"_s);
    COMPARE_STATUS(call("POST", sessionsPath() + u"/stopped/:stop"_s + Version), 204);
    for (const SessionStatus status :
        {SessionStatus::Stopped, SessionStatus::Expired, SessionStatus::Error, SessionStatus::Stopping}) {
        SessionSeed seed;
        seed.status = status;
        QVERIFY(!m_server->addSession(Account, seed).isEmpty());
    }
    SessionSeed ready;
    ready.status = SessionStatus::Ready;
    ready.age = TimeSpan::fromMinutes(5);
    const QString v1Ready = m_server->addSession(Account, ready);

    // The default page (100) holds them all: no @nextLink.
    const HttpResult answer = call("GET", sessionsPath() + Version);
    COMPARE_STATUS(answer, 200);
    QVERIFY(!answer.object().contains("@nextLink"_L1));
    QStringList ids;
    QStringList statuses;
    for (const QJsonValue &session : answer.object().value("sessions"_L1).toArray()) {
        ids.append(session.toObject().value("id"_L1).toString());
        statuses.append(session.toObject().value("status"_L1).toString());
    }
    QCOMPARE(ids, (QStringList{u"ready"_s, u"ready2"_s, u"starting"_s, v1Ready}));
    QCOMPARE(statuses, (QStringList{u"Ready"_s, u"Ready"_s, u"Starting"_s, u"Ready"_s}));

    // An account without sessions lists an empty array.
    m_server->addAccount(u"empty"_s, u"k"_s);
    m_token = m_http->token(u"empty"_s, u"k"_s);
    const HttpResult empty = call("GET", u"/accounts/empty/sessions"_s + Version);
    COMPARE_STATUS(empty, 200);
    QVERIFY(empty.object().value("sessions"_L1).isArray());
    QVERIFY(empty.object().value("sessions"_L1).toArray().isEmpty());
}

void TestEmulatorGa::listRefusesBadContinuationToken()
{
    create(u"s1"_s);
    for (const QString &token : {u"abc"_s, u"-1"_s, u""_s, u"99999999999999999999999"_s}) {
        const HttpResult answer = call("GET", sessionsPath() + Version + u"&continuationToken="_s + token);
        COMPARE_STATUS(answer, 400);
        QVERIFY2(answer.errorMessage().contains(u"continuationToken"_s), qPrintable(answer.errorMessage()));
    }
}

void TestEmulatorGa::authorizationIsRequired()
{
    create(u"s1"_s);
    const QList<std::pair<QByteArray, QString>> requests{{"GET", sessionPath(u"s1"_s)}, {"PUT", sessionPath(u"s2"_s)},
        {"PATCH", sessionPath(u"s1"_s)}, {"POST", sessionsPath() + u"/s1/:stop"_s + Version},
        {"GET", sessionsPath() + Version}};
    for (const auto &[method, path] : requests) {
        const QByteArray body = method == "PUT" || method == "PATCH" ? Standard30 : QByteArray();
        const HttpResult missing = m_http->send(method, path, body);
        COMPARE_STATUS(missing, 401);
        QCOMPARE(missing.errorCode(), u"Unauthorized"_s);
        QVERIFY(missing.header("WWW-Authenticate").startsWith("Bearer"));
        // An account key is not a token.
        const HttpResult key = m_http->send(method, path, body, {{"Authorization", "Bearer " + Key.toUtf8()}});
        COMPARE_STATUS(key, 401);
    }
    QCOMPARE(m_server->sessions(Account).size(), 1);
    QCOMPARE(get(u"s1"_s).value("status"_L1).toString(), u"Starting"_s);
}

void TestEmulatorGa::wrongMethodIsNotAllowed()
{
    const HttpResult remove = call("DELETE", sessionPath(u"s1"_s));
    COMPARE_STATUS(remove, 405);
    QCOMPARE(remove.header("Allow"), QByteArray("GET, PUT, PATCH"));
    const HttpResult getStop = call("GET", sessionsPath() + u"/s1/:stop"_s + Version);
    COMPARE_STATUS(getStop, 405);
    QCOMPARE(getStop.header("Allow"), QByteArray("POST"));
    const HttpResult postList = call("POST", sessionsPath() + Version);
    COMPARE_STATUS(postList, 405);
    COMPARE_STATUS(call("POST", sessionsPath() + u"/s1/stop"_s + Version), 404);
}

void TestEmulatorGa::requestsCountUnderTheV1Names()
{
    m_server->resetCounters();
    create(u"s1"_s);
    call("GET", sessionPath(u"s1"_s));
    call("PATCH", sessionPath(u"s1"_s), "{\"maxLeaseTimeMinutes\":60}");
    call("GET", sessionsPath() + Version);
    call("POST", sessionsPath() + u"/s1/:stop"_s + Version);
    QCOMPARE(m_server->requestCount(u"create"_s), 1);
    QCOMPARE(m_server->requestCount(u"properties"_s), 1);
    QCOMPARE(m_server->requestCount(u"update"_s), 1);
    QCOMPARE(m_server->requestCount(u"list"_s), 1);
    QCOMPARE(m_server->requestCount(u"stop"_s), 1);
    QCOMPARE(m_server->requestCount(), 5);
}

QTEST_GUILESS_MAIN(TestEmulatorGa)
#include "tst_emulatorga.moc"
