#include "ScriptedServer.h"
#include "ServiceFixture.h"

#include <QTest>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;
using arr::ErrorKind;

namespace {

const QString AccountId = u"11111111-2222-3333-4444-555555555555"_s;
const QByteArray SessionsPath = "/accounts/" + AccountId.toLatin1() + "/sessions";

QByteArray properties(const QByteArray &id, const QByteArray &status = "Starting")
{
    return R"({"id":")" + id + R"(","status":")" + status
        + R"(","size":"Standard","maxLeaseTimeMinutes":30,"elapsedTimeMinutes":0,"hostname":null,)"
          R"("handshakePort":0,"arrInspectorPort":0,"teraflops":0,"creationTime":"2021-01-01T11:11:11.111Z","error":null})";
}

QByteArray page(const QList<QByteArray> &ids, const QString &nextLink)
{
    QByteArray body = R"({"sessions":[)";
    for (qsizetype i = 0; i < ids.size(); ++i)
        body += (i ? "," : "") + properties(ids.at(i), "Ready");
    body += "]";
    if (!nextLink.isEmpty())
        body += R"(,"@nextLink":")" + nextLink.toUtf8() + '"';
    return body + '}';
}

QString linkOn(const QUrl &base, const QString &skipToken)
{
    return base.toString() + QString::fromLatin1(SessionsPath) + u"?api-version=2021-01-01&$skipToken="_s + skipToken;
}

} // namespace

// The 2021-01-01 dialect of the session API against a scripted server: its paths and bodies, the
// paged list and where its links may lead, a create repeated under its own id, the service's errors.
class TestSessionApiGa : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createPutsTheChosenIdAndDecodesTheSession();
    void createWithoutIdNamesANewUuid();
    void createRepeatedWithTheSameIdAfterADroppedConnection();
    void createConflictIsReportedOnce();
    void getExtendAndStopRequests();
    void extendRefusedWith422ShowsTheServiceMessage();
    void errorBodiesGiveCodeAndMessage();
    void listFollowsEveryPageWithTheSameToken();
    void nextLinkToAnotherHostIsNotFollowed();
    void answerAboutAnotherSessionIsRefused_data();
    void answerAboutAnotherSessionIsRefused();
    void idsDifferingOnlyInCaseAreOneSession();
    void listLinkingBackIsStoppedAtOnce_data();
    void listLinkingBackIsStoppedAtOnce();
    void sessionOnTwoPagesFailsThePoll();
    void nextLinkToAnotherPortOrSchemeIsNotFollowed_data();
    void nextLinkToAnotherPortOrSchemeIsNotFollowed();

private:
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<ServiceFixture> m_client;
};

void TestSessionApiGa::init()
{
    m_server = std::make_unique<ScriptedServer>();
    m_client = std::make_unique<ServiceFixture>(
        m_server->baseUrl(), AccountId, u"key"_s, nullptr, QUrl(), arr::ApiVersion::Api20210101);
}

void TestSessionApiGa::cleanup()
{
    QTRY_COMPARE(m_client->jobsAlive(), 0);
    m_client.reset();
    m_server.reset();
}

void TestSessionApiGa::createPutsTheChosenIdAndDecodesTheSession()
{
    m_server->enqueue(ScriptedServer::respond(201, properties("render-1")));
    arr::CreateSessionRequest request;
    request.maxLease = arr::TimeSpan::fromMinutes(90);
    request.size = u"Standard"_s;
    request.sessionId = u"render-1"_s;
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->createSession(request));
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(result.sessionId, u"render-1"_s);
    QVERIFY(result.session);
    QCOMPARE(result.session->status, arr::SessionStatus::Starting);
    QCOMPARE(result.session->maxLease, arr::TimeSpan::fromMinutes(30));
    QVERIFY(result.session->elapsedInWholeMinutes);
    // Ports and teraflops of 0 are "not assigned yet", not values.
    QVERIFY(!result.session->handshakePort);
    QVERIFY(!result.session->teraflops);

    QCOMPARE(m_server->received().size(), 1);
    const auto &sent = m_server->received().constFirst();
    QCOMPARE(sent.method, QByteArray("PUT"));
    QCOMPARE(sent.path, SessionsPath + "/render-1?api-version=2021-01-01");
    QCOMPARE(sent.body, QByteArray(R"({"maxLeaseTimeMinutes":90,"size":"Standard"})"));
    QCOMPARE(sent.header("Content-Type"), QByteArray("application/json"));
}

void TestSessionApiGa::createWithoutIdNamesANewUuid()
{
    m_server->enqueue(ScriptedServer::respond(201, properties("x")));
    arr::CreateSessionRequest request;
    request.maxLease = arr::TimeSpan::fromHours(1);
    request.size = u"Standard"_s;
    ServiceFixture::wait(m_client->api->createSession(request));
    QCOMPARE(m_server->received().size(), 1);
    const QByteArray path = m_server->received().constFirst().path;
    QVERIFY(path.startsWith(QByteArray(SessionsPath + '/')));
    const QByteArray id = path.mid(SessionsPath.size() + 1).split('?').constFirst();
    QVERIFY2(!QUuid::fromString(QLatin1String(id)).isNull(), id.constData());
}

void TestSessionApiGa::createRepeatedWithTheSameIdAfterADroppedConnection()
{
    m_server->enqueue(ScriptedServer::close());
    m_server->enqueue(ScriptedServer::respond(200, properties("same-id")));
    arr::CreateSessionRequest request;
    request.maxLease = arr::TimeSpan::fromMinutes(30);
    request.size = u"Standard"_s;
    request.sessionId = u"same-id"_s;
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->createSession(request));
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(result.sessionId, u"same-id"_s);
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(m_server->received().size(), 2);
    for (const auto &sent : m_server->received()) {
        QCOMPARE(sent.method, QByteArray("PUT"));
        QCOMPARE(sent.path, SessionsPath + "/same-id?api-version=2021-01-01");
        QCOMPARE(sent.body, m_server->received().constFirst().body);
    }
}

void TestSessionApiGa::createConflictIsReportedOnce()
{
    m_server->enqueue(ScriptedServer::respond(409,
        R"({"error":{"code":"Conflict","message":"A session with id taken exists with other settings.","details":[],"target":null}})"));
    arr::CreateSessionRequest request;
    request.maxLease = arr::TimeSpan::fromMinutes(30);
    request.size = u"Premium"_s;
    request.sessionId = u"taken"_s;
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->createSession(request));
    QCOMPARE(result.kind, ErrorKind::Rejected);
    QCOMPARE(result.httpStatus, 409);
    QCOMPARE(result.serviceCode, u"Conflict"_s);
    QVERIFY2(result.summary().contains(u"exists with other settings"_s), qPrintable(result.summary()));
    QCOMPARE(result.msCv, QByteArray("scripted409.0"));
    QCOMPARE(m_server->received().size(), 1);
}

void TestSessionApiGa::getExtendAndStopRequests()
{
    m_server->enqueue(ScriptedServer::respond(200, properties("s-1", "Ready")));
    const arr::ApiResult got = ServiceFixture::wait(m_client->api->sessionProperties(u"s-1"_s));
    QVERIFY2(got.ok(), qPrintable(got.summary()));
    QCOMPARE(got.session->id, u"s-1"_s);
    QCOMPARE(got.session->status, arr::SessionStatus::Ready);

    m_server->enqueue(ScriptedServer::respond(200, properties("s-1", "Ready")));
    const arr::ApiResult extended
        = ServiceFixture::wait(m_client->api->extendSession(u"s-1"_s, arr::TimeSpan::fromMinutes(60)));
    QVERIFY2(extended.ok(), qPrintable(extended.summary()));

    m_server->enqueue(ScriptedServer::respond(204));
    const arr::ApiResult stopped = ServiceFixture::wait(m_client->api->stopSession(u"s-1"_s));
    QVERIFY2(stopped.ok(), qPrintable(stopped.summary()));

    const auto &sent = m_server->received();
    QCOMPARE(sent.size(), 3);
    QCOMPARE(sent.at(0).method, QByteArray("GET"));
    QCOMPARE(sent.at(0).path, SessionsPath + "/s-1?api-version=2021-01-01");
    QCOMPARE(sent.at(1).method, QByteArray("PATCH"));
    QCOMPARE(sent.at(1).path, SessionsPath + "/s-1?api-version=2021-01-01");
    QCOMPARE(sent.at(1).body, QByteArray(R"({"maxLeaseTimeMinutes":60})"));
    QCOMPARE(sent.at(2).method, QByteArray("POST"));
    QCOMPARE(sent.at(2).path, SessionsPath + "/s-1/:stop?api-version=2021-01-01");
}

void TestSessionApiGa::extendRefusedWith422ShowsTheServiceMessage()
{
    m_server->enqueue(ScriptedServer::respond(422,
        R"({"error":{"code":"InvalidArgument","message":"maxLeaseTimeMinutes must be larger than the current lease."}})"));
    const arr::ApiResult result
        = ServiceFixture::wait(m_client->api->extendSession(u"s-1"_s, arr::TimeSpan::fromMinutes(10)));
    QCOMPARE(result.kind, ErrorKind::Rejected);
    QCOMPARE(result.httpStatus, 422);
    QCOMPARE(result.message, u"maxLeaseTimeMinutes must be larger than the current lease."_s);
    QCOMPARE(m_server->received().size(), 1);
}

void TestSessionApiGa::errorBodiesGiveCodeAndMessage()
{
    m_server->enqueue(ScriptedServer::respond(
        404, R"({"error":{"code":"NotFound","message":"No session named gone.","details":[],"target":"id"}})"));
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->sessionProperties(u"gone"_s));
    QCOMPARE(result.kind, ErrorKind::NotFound);
    QCOMPARE(result.serviceCode, u"NotFound"_s);
    QCOMPARE(result.message, u"No session named gone."_s);
}

void TestSessionApiGa::listFollowsEveryPageWithTheSameToken()
{
    const QUrl base = m_server->baseUrl();
    m_server->enqueue(ScriptedServer::respond(200, page({"a", "b"}, linkOn(base, u"2"_s))));
    // A link relative to the endpoint is on the endpoint too.
    m_server->enqueue(ScriptedServer::respond(
        200, page({"c"}, QString::fromLatin1(SessionsPath) + u"?api-version=2021-01-01&$skipToken=3"_s)));
    m_server->enqueue(ScriptedServer::respond(200, page({}, linkOn(base, u"4"_s))));
    m_server->enqueue(ScriptedServer::respond(200, page({"d"}, {})));
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QStringList ids;
    for (const arr::Session &session : result.sessions)
        ids.append(session.id);
    QCOMPARE(ids, QStringList({u"a"_s, u"b"_s, u"c"_s, u"d"_s}));

    const auto &sent = m_server->received();
    QCOMPARE(sent.size(), 4);
    QCOMPARE(sent.at(0).path, SessionsPath + "?api-version=2021-01-01");
    QCOMPARE(sent.at(1).path, SessionsPath + "?api-version=2021-01-01&$skipToken=2");
    QCOMPARE(sent.at(2).path, SessionsPath + "?api-version=2021-01-01&$skipToken=3");
    QCOMPARE(sent.at(3).path, SessionsPath + "?api-version=2021-01-01&$skipToken=4");
    for (const auto &request : sent) {
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.header("Authorization"), sent.at(0).header("Authorization"));
    }
    QCOMPARE(m_server->tokenRequests(), 1);
}

void TestSessionApiGa::nextLinkToAnotherHostIsNotFollowed()
{
    ScriptedServer other;
    other.fallback = ScriptedServer::respond(200, page({"stolen"}, {}));
    QUrl elsewhere = other.baseUrl();
    // Another host name for the same loopback interface: only the host differs from the endpoint.
    elsewhere.setHost(u"localhost"_s);
    QVERIFY(m_server->baseUrl().host() != u"localhost"_s);
    m_server->enqueue(ScriptedServer::respond(200, page({"a"}, linkOn(elsewhere, u"2"_s))));

    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QCOMPARE(result.kind, ErrorKind::BadResponse);
    QVERIFY2(result.message.contains(u"not followed"_s), qPrintable(result.message));
    QVERIFY(result.sessions.isEmpty());
    QCOMPARE(m_server->received().size(), 1);
    QCOMPARE(other.received().size(), 0);
    QCOMPARE(other.tokenRequests(), 0);
}

void TestSessionApiGa::nextLinkToAnotherPortOrSchemeIsNotFollowed_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<bool>("otherPort");
    QTest::newRow("other port") << u"http"_s << true;
    QTest::newRow("https instead of http") << u"https"_s << false;
}

void TestSessionApiGa::nextLinkToAnotherPortOrSchemeIsNotFollowed()
{
    QFETCH(QString, scheme);
    QFETCH(bool, otherPort);
    ScriptedServer other;
    other.fallback = ScriptedServer::respond(200, page({"stolen"}, {}));
    QUrl link = m_server->baseUrl();
    link.setScheme(scheme);
    if (otherPort)
        link.setPort(other.baseUrl().port());
    m_server->enqueue(ScriptedServer::respond(200, page({"a"}, linkOn(link, u"2"_s))));

    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QCOMPARE(result.kind, ErrorKind::BadResponse);
    QVERIFY2(result.message.contains(u"not followed"_s), qPrintable(result.message));
    QCOMPARE(m_server->received().size(), 1);
    QCOMPARE(other.received().size(), 0);
}

void TestSessionApiGa::answerAboutAnotherSessionIsRefused_data()
{
    QTest::addColumn<QString>("operation");
    QTest::newRow("create") << u"create"_s;
    QTest::newRow("extend") << u"extend"_s;
    QTest::newRow("get") << u"get"_s;
}

void TestSessionApiGa::answerAboutAnotherSessionIsRefused()
{
    QFETCH(QString, operation);
    m_server->enqueue(
        ScriptedServer::respond(operation == u"create"_s ? 201 : 200, properties("someone-elses-session", "Ready")));
    arr::ApiJob *job = nullptr;
    if (operation == u"create"_s) {
        arr::CreateSessionRequest request;
        request.maxLease = arr::TimeSpan::fromMinutes(30);
        request.size = u"Standard"_s;
        request.sessionId = u"my-session"_s;
        job = m_client->api->createSession(request);
    } else if (operation == u"extend"_s) {
        job = m_client->api->extendSession(u"my-session"_s, arr::TimeSpan::fromMinutes(60));
    } else {
        job = m_client->api->sessionProperties(u"my-session"_s);
    }
    const arr::ApiResult result = ServiceFixture::wait(job);
    QVERIFY(!result.ok());
    QCOMPARE(result.kind, ErrorKind::BadResponse);
    QVERIFY(!result.session);
    QVERIFY(result.sessionId.isEmpty());
    QVERIFY2(result.message.contains(u"someone-elses-session"_s) && result.message.contains(u"my-session"_s),
        qPrintable(result.message));
    // Refused, not retried: the same answer would come again.
    QCOMPARE(m_server->received().size(), 1);
}

void TestSessionApiGa::idsDifferingOnlyInCaseAreOneSession()
{
    m_server->enqueue(ScriptedServer::respond(200, properties("My-Session", "Ready")));
    const arr::ApiResult got = ServiceFixture::wait(m_client->api->sessionProperties(u"my-session"_s));
    QVERIFY2(got.ok(), qPrintable(got.summary()));
}

void TestSessionApiGa::listLinkingBackIsStoppedAtOnce_data()
{
    QTest::addColumn<QString>("backTo");
    QTest::newRow("page 1") << u""_s;
    QTest::newRow("page 2") << u"2"_s;
    QTest::newRow("page 1 with a trailing slash") << u"slash"_s;
}

void TestSessionApiGa::listLinkingBackIsStoppedAtOnce()
{
    QFETCH(QString, backTo);
    const QUrl base = m_server->baseUrl();
    const QString sessions = base.toString() + QString::fromLatin1(SessionsPath);
    QString link = linkOn(base, backTo);
    if (backTo.isEmpty())
        link = sessions + u"?api-version=2021-01-01"_s;
    else if (backTo == u"slash"_s)
        link = sessions + u"/?api-version=2021-01-01"_s;
    m_server->enqueue(ScriptedServer::respond(200, page({"a"}, linkOn(base, u"2"_s))));
    m_server->enqueue(ScriptedServer::respond(200, page({"b"}, link)));
    m_server->fallback = ScriptedServer::respond(200, page({"c"}, link));
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY(!result.ok());
    QCOMPARE(result.kind, ErrorKind::BadResponse);
    QVERIFY2(result.message.contains(u"links back"_s), qPrintable(result.message));
    QVERIFY(result.sessions.isEmpty());
    QCOMPARE(m_server->received().size(), 2);
}

void TestSessionApiGa::sessionOnTwoPagesFailsThePoll()
{
    const QUrl base = m_server->baseUrl();
    m_server->enqueue(ScriptedServer::respond(200, page({"a", "b"}, linkOn(base, u"2"_s))));
    m_server->enqueue(ScriptedServer::respond(200, page({"c", "B"}, linkOn(base, u"3"_s))));
    m_server->fallback = ScriptedServer::respond(200, page({"d"}, {}));
    const arr::ApiResult result = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY(!result.ok());
    QCOMPARE(result.kind, ErrorKind::BadResponse);
    QVERIFY2(result.message.contains(u"listed twice"_s), qPrintable(result.message));
    QVERIFY(result.sessions.isEmpty());
    QCOMPARE(m_server->received().size(), 2);
}

QTEST_GUILESS_MAIN(TestSessionApiGa)
#include "tst_sessionapi_ga.moc"
