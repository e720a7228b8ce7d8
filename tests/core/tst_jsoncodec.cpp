#include "core/JsonCodec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using arr::SessionStatus;
using arr::TimeSpan;

namespace {

QByteArray seed(const QString &name)
{
    QFile file(qEnvironmentVariable("ARRSM_TEST_DATA") + u"/seed/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing seed fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

} // namespace

// The v1 payload codecs against the seed document's examples, verbatim, and against every variation
// and corruption the service (or something pretending to be it) could send.
class TestJsonCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedCreateResponse();
    void seedPropertiesResponse();
    void seedListResponse();
    void encodesRequests();
    void createResponseWithoutId();
    void toleratesCasingNullsAndExtras();
    void laterFields();
    void rejectsMisleadingTypes_data();
    void rejectsMisleadingTypes();
    void listShapes();
    void listRejectsBadEntries_data();
    void listRejectsBadEntries();
    void rejectsOversizedBodies();
    void encodesPropertiesRoundTrip();
    void errorBodies_data();
    void errorBodies();
    void tokenResponse();
};

void TestJsonCodec::seedCreateResponse()
{
    const auto decoded = arr::v1::decodeCreateResponse(seed(u"create-response.json"_s));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(*decoded.value, u"d31bddca-dab7-498e-9bc9-7594bc12862f"_s);
}

void TestJsonCodec::seedPropertiesResponse()
{
    const auto decoded = arr::v1::decodeProperties(seed(u"properties-response.json"_s));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    const arr::Session &s = *decoded.value;
    QCOMPARE(s.id, u"e13d2c44-63e0-4591-991e-f9e05e599a93"_s);
    QCOMPARE(s.status, SessionStatus::Ready);
    QCOMPARE(s.statusText, u"Ready"_s);
    QCOMPARE(s.hostname, u"5018fee8-817e-4366-9179-556af79a4240.remoterenderingvm.westeurope.mixedreality.azure.com"_s);
    QCOMPARE(s.elapsed.value(), TimeSpan::fromSeconds(1));
    QCOMPARE(s.maxLease.value(), TimeSpan::fromHours(4));
    QVERIFY(s.message.isEmpty());
    QVERIFY(s.size.isEmpty());
    QVERIFY(!s.teraflops.has_value());
}

void TestJsonCodec::seedListResponse()
{
    const auto decoded = arr::v1::decodeSessionList(seed(u"list-response.json"_s));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QVERIFY(decoded.value->isEmpty());
}

void TestJsonCodec::encodesRequests()
{
    arr::CreateSessionRequest request;
    request.maxLease = TimeSpan::fromHours(4);
    request.size = u"small"_s;
    QCOMPARE(
        arr::v1::encodeCreateRequest(request), QByteArray(R"({"maxLeaseTime":"04:00:00","models":[],"size":"small"})"));
    request.models = {QUrl(u"https://store.blob.core.windows.net/arr/model one.arrAsset"_s)};
    const QJsonObject body = QJsonDocument::fromJson(arr::v1::encodeCreateRequest(request)).object();
    QCOMPARE(body.value("models"_L1).toArray().first().toString(),
        u"https://store.blob.core.windows.net/arr/model%20one.arrAsset"_s);
    QCOMPARE(arr::v1::encodeUpdateRequest(TimeSpan::fromHours(5)), QByteArray(R"({"maxLeaseTime":"05:00:00"})"));
    QCOMPARE(arr::v1::encodeUpdateRequest(TimeSpan::fromDays(1)), QByteArray(R"({"maxLeaseTime":"1.00:00:00"})"));
}

void TestJsonCodec::createResponseWithoutId()
{
    QVERIFY(!arr::v1::decodeCreateResponse("{}").ok());
    QVERIFY(!arr::v1::decodeCreateResponse(R"({"sessionId":""})").ok());
    QVERIFY(!arr::v1::decodeCreateResponse(R"({"sessionId":42})").ok());
    QVERIFY(!arr::v1::decodeCreateResponse("").ok());
    QVERIFY(!arr::v1::decodeCreateResponse("[]").ok());
    QVERIFY(arr::v1::decodeCreateResponse(R"({"SessionId":"abc"})").ok());
}

void TestJsonCodec::toleratesCasingNullsAndExtras()
{
    const auto decoded = arr::v1::decodeProperties(QByteArray(R"({"SessionId":"s1","SessionStatus":"STARTING",
        "SessionHostname":null,"sessionElapsedTime":null,"SESSIONMAXLEASETIME":"1.00:00:00",
        "sessionSize":"Premium","message":null,"somethingNew":{"nested":[1,2,3]}})"));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.value->id, u"s1"_s);
    QCOMPARE(decoded.value->status, SessionStatus::Starting);
    QVERIFY(decoded.value->hostname.isEmpty());
    QVERIFY(!decoded.value->elapsed.has_value());
    QCOMPARE(decoded.value->maxLease.value(), TimeSpan::fromDays(1));
    QCOMPARE(decoded.value->size, u"Premium"_s);

    const auto minimal = arr::v1::decodeProperties(QByteArray(R"({"sessionId":"s2"})"));
    QVERIFY2(minimal.ok(), qPrintable(minimal.error));
    QCOMPARE(minimal.value->status, SessionStatus::Unknown);

    const auto unknown = arr::v1::decodeProperties(QByteArray(R"({"sessionId":"s3","sessionStatus":"Hibernating"})"));
    QVERIFY(unknown.ok());
    QCOMPARE(unknown.value->status, SessionStatus::Unknown);
    QCOMPARE(unknown.value->statusLabel(), u"Hibernating"_s);
}

void TestJsonCodec::laterFields()
{
    const auto decoded = arr::v1::decodeProperties(QByteArray(R"({"sessionId":"s1","teraflops":37.5,
        "handshakePort":50200,"arrInspectorPort":8080,"creationTime":"2021-03-01T10:00:00.000Z"})"));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.value->teraflops.value(), 37.5);
    QCOMPARE(decoded.value->handshakePort.value(), 50200);
    QCOMPARE(decoded.value->arrInspectorPort.value(), 8080);
    QCOMPARE(decoded.value->creationTime, QDateTime(QDate(2021, 3, 1), QTime(10, 0), Qt::UTC));
    // A port of 0 means "not assigned yet".
    const auto unassigned = arr::v1::decodeProperties(QByteArray(R"({"sessionId":"s1","handshakePort":0})"));
    QVERIFY(unassigned.ok());
    QVERIFY(!unassigned.value->handshakePort.has_value());
}

void TestJsonCodec::rejectsMisleadingTypes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not json") << QByteArray("hello");
    QTest::newRow("html") << QByteArray("<html><body>Gateway</body></html>");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated") << QByteArray(R"({"sessionId":"s1","sessionStatus":"rea)");
    QTest::newRow("no id") << QByteArray(R"({"sessionStatus":"ready"})");
    QTest::newRow("numeric id") << QByteArray(R"({"sessionId":7})");
    QTest::newRow("numeric elapsed") << QByteArray(R"({"sessionId":"s","sessionElapsedTime":60})");
    QTest::newRow("garbage lease") << QByteArray(R"({"sessionId":"s","sessionMaxLeaseTime":"soon"})");
    QTest::newRow("boolean status") << QByteArray(R"({"sessionId":"s","sessionStatus":true})");
    QTest::newRow("object hostname") << QByteArray(R"({"sessionId":"s","sessionHostname":{}})");
    QTest::newRow("port out of range") << QByteArray(R"({"sessionId":"s","handshakePort":70000})");
    QTest::newRow("fractional port") << QByteArray(R"({"sessionId":"s","handshakePort":1.5})");
    QTest::newRow("string teraflops") << QByteArray(R"({"sessionId":"s","teraflops":"many"})");
    QTest::newRow("bad creation time") << QByteArray(R"({"sessionId":"s","creationTime":"yesterday"})");
    // RFC 8259 wants control characters in strings escaped; raw ones are refused.
    QTest::newRow("raw control character") << QByteArray("{\"sessionId\":\"s\x1b[2J\"}");
}

void TestJsonCodec::rejectsMisleadingTypes()
{
    QFETCH(QByteArray, body);
    const auto decoded = arr::v1::decodeProperties(body);
    QVERIFY(!decoded.ok());
    QVERIFY(!decoded.error.isEmpty());
}

void TestJsonCodec::listShapes()
{
    const auto two = arr::v1::decodeSessionList(
        QByteArray(R"({"sessions":[{"sessionId":"a","sessionStatus":"ready"},{"sessionId":"b"}]})"));
    QVERIFY2(two.ok(), qPrintable(two.error));
    QCOMPARE(two.value->size(), 2);
    QCOMPARE(two.value->at(1).id, u"b"_s);
    QVERIFY(arr::v1::decodeSessionList(QByteArray(R"([{"sessionId":"a"}])")).value->size() == 1);
    // A null list is an empty list; an empty body is not a list at all (a 204, which says "none"
    // without a body, is handled before decoding).
    QCOMPARE(arr::v1::decodeSessionList(QByteArray()).error, u"The answer is empty."_s);
    QVERIFY(!arr::v1::decodeSessionList(QByteArray(" \r\n ")).ok());
    QVERIFY(arr::v1::decodeSessionList(QByteArray(R"({"sessions":null})")).value->isEmpty());
    QVERIFY(arr::v1::decodeSessionList(QByteArray(R"({"Sessions":[]})")).ok());
}

void TestJsonCodec::listRejectsBadEntries_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no sessions key") << QByteArray(R"({"items":[]})");
    QTest::newRow("sessions not array") << QByteArray(R"({"sessions":"none"})");
    QTest::newRow("entry not object") << QByteArray(R"({"sessions":[1]})");
    QTest::newRow("bad entry") << QByteArray(
        R"({"sessions":[{"sessionId":"a"},{"sessionId":"b","sessionMaxLeaseTime":5}]})");
    QTest::newRow("duplicate id") << QByteArray(R"({"sessions":[{"sessionId":"a"},{"sessionId":"a"}]})");
    QTest::newRow("scalar") << QByteArray("42");
    QTest::newRow("html") << QByteArray("<!DOCTYPE html><title>Service Unavailable</title>");
    QTest::newRow("raw control character") << QByteArray("{\"sessions\":[{\"sessionId\":\"a\x00b\"}]}", 34);
}

void TestJsonCodec::listRejectsBadEntries()
{
    QFETCH(QByteArray, body);
    const auto decoded = arr::v1::decodeSessionList(body);
    QVERIFY(!decoded.ok());
    QVERIFY(!decoded.error.isEmpty());
}

void TestJsonCodec::rejectsOversizedBodies()
{
    QByteArray huge = R"({"sessions":[],"padding":")";
    huge.append(QByteArray(arr::MaximumBodySize, 'x'));
    huge.append("\"}");
    const auto decoded = arr::v1::decodeSessionList(huge);
    QVERIFY(!decoded.ok());
    QVERIFY(decoded.error.contains(u"MiB"_s));
}

void TestJsonCodec::encodesPropertiesRoundTrip()
{
    arr::Session session;
    session.id = u"e13d2c44-63e0-4591-991e-f9e05e599a93"_s;
    session.status = SessionStatus::Ready;
    session.statusText = u"ready"_s;
    session.size = u"standard"_s;
    session.hostname = u"host.example"_s;
    session.elapsed = TimeSpan::fromSeconds(61);
    session.maxLease = TimeSpan::fromHours(4);
    const QJsonObject object = arr::v1::encodeProperties(session);
    QCOMPARE(object.value("sessionStatus"_L1).toString(), u"ready"_s);
    QCOMPARE(object.value("sessionElapsedTime"_L1).toString(), u"00:01:01"_s);
    QVERIFY(object.value("message"_L1).isNull());
    QVERIFY(!object.contains("teraflops"_L1));
    const auto back = arr::v1::decodeProperties(object);
    QVERIFY(back.ok());
    QCOMPARE(*back.value, session);
}

void TestJsonCodec::errorBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << QString() << QString();
    QTest::newRow("plain text") << QByteArray("Session not found\n") << QString() << u"Session not found"_s;
    QTest::newRow("error string") << QByteArray(R"({"error":"Lease too long"})") << QString() << u"Lease too long"_s;
    QTest::newRow("error object") << QByteArray(
        R"({"error":{"code":"BadRequest","message":"maxLeaseTime is invalid","details":[]}})")
                                  << u"BadRequest"_s << u"maxLeaseTime is invalid"_s;
    QTest::newRow("pascal case") << QByteArray(R"({"Error":{"Code":"Conflict","Message":"In use"}})") << u"Conflict"_s
                                 << u"In use"_s;
    QTest::newRow("problem details") << QByteArray(
        R"({"type":"https://tools.ietf.org/html/rfc7231#section-6.5.1","title":"One or more validation errors occurred.","status":400,"traceId":"|8e3-1"})")
                                     << QString() << u"One or more validation errors occurred."_s;
    QTest::newRow("problem with detail") << QByteArray(R"({"title":"Bad Request","detail":"size is unknown"})")
                                         << QString() << u"Bad Request: size is unknown"_s;
    QTest::newRow("message key") << QByteArray(R"({"Message":"Authorization has been denied"})") << QString()
                                 << u"Authorization has been denied"_s;
    QTest::newRow("html") << QByteArray("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")
                          << QString() << u"502 Bad Gateway"_s;
    QTest::newRow("json array") << QByteArray("[1,2]") << QString() << QString();
    QTest::newRow("error number") << QByteArray(R"({"error":5})") << QString() << QString();
}

void TestJsonCodec::errorBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const arr::ServiceErrorBody decoded = arr::decodeErrorBody(body);
    QCOMPARE(decoded.code, code);
    QCOMPARE(decoded.message, message);
}

void TestJsonCodec::tokenResponse()
{
    QCOMPARE(arr::decodeTokenResponse(R"({"AccessToken":"a.b.c"})").value.value(), QByteArray("a.b.c"));
    QCOMPARE(arr::decodeTokenResponse(R"({"accessToken":"a.b.c"})").value.value(), QByteArray("a.b.c"));
    QVERIFY(!arr::decodeTokenResponse(R"({"AccessToken":""})").ok());
    QVERIFY(!arr::decodeTokenResponse(R"({"token":"x"})").ok());
    QVERIFY(!arr::decodeTokenResponse("<html/>").ok());
}

QTEST_GUILESS_MAIN(TestJsonCodec)
#include "tst_jsoncodec.moc"
