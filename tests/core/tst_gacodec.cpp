#include "core/Account.h"
#include "core/GaCodec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using arr::TimeSpan;

// The 2021-01-01 codec: requests in whole minutes, properties and paged lists decoded into the same
// Session values as v1, and bodies of the wrong shape refused with a sentence.
class TestGaCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodesCreateAndUpdateInWholeMinutes();
    void decodesTheSpecificationsExample();
    void zeroPortsAndTeraflopsAreNotValues();
    void errorObjectGivesCodeAndMessage();
    void statusesMapToTheV1Values_data();
    void statusesMapToTheV1Values();
    void pageWithAndWithoutNextLink();
    void wrongTypesAreRefused_data();
    void wrongTypesAreRefused();
    void apiVersionNames();
};

void TestGaCodec::encodesCreateAndUpdateInWholeMinutes()
{
    arr::CreateSessionRequest request{TimeSpan::fromMinutes(90), u" Standard "_s, {}, u"ignored-here"_s};
    QCOMPARE(arr::ga::encodeCreateRequest(request), QByteArray(R"({"maxLeaseTimeMinutes":90,"size":"Standard"})"));
    // Never shorter than asked.
    QCOMPARE(arr::ga::leaseMinutes(TimeSpan::fromSeconds(61)), 2);
    QCOMPARE(arr::ga::leaseMinutes(TimeSpan::fromHours(24)), 1440);
    QCOMPARE(arr::ga::encodeUpdateRequest(TimeSpan::fromHours(2)), QByteArray(R"({"maxLeaseTimeMinutes":120})"));
}

void TestGaCodec::decodesTheSpecificationsExample()
{
    // Shaped like the ListSessions example of the published 2021-01-01 specification.
    const QByteArray body
        = R"({"id":"contoso-session-1","creationTime":"2021-01-01T11:11:11.111Z",)"
          R"("arrInspectorPort":50053,"handshakePort":50052,"elapsedTimeMinutes":12,)"
          R"("hostname":"abc.remoterenderingvm.westus2.mixedreality.azure.com",)"
          R"("maxLeaseTimeMinutes":72,"size":"Standard","status":"Ready","error":null,"teraflops":10.6})";
    const arr::Decoded<arr::Session> decoded = arr::ga::decodeProperties(body);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    const arr::Session &session = *decoded.value;
    QCOMPARE(session.id, u"contoso-session-1"_s);
    QCOMPARE(session.status, arr::SessionStatus::Ready);
    // Spelt as v1 spells it.
    QCOMPARE(session.size, u"standard"_s);
    QCOMPARE(session.maxLease, TimeSpan::fromMinutes(72));
    QCOMPARE(session.elapsed, TimeSpan::fromMinutes(12));
    QVERIFY(session.elapsedInWholeMinutes);
    QCOMPARE(session.remaining(), TimeSpan::fromMinutes(60));
    QCOMPARE(session.handshakePort, 50052);
    QCOMPARE(session.arrInspectorPort, 50053);
    QCOMPARE(session.teraflops, 10.6);
    QCOMPARE(session.creationTime, QDateTime(QDate(2021, 1, 1), QTime(11, 11, 11, 111), Qt::UTC));
    QVERIFY(session.message.isEmpty());
    QVERIFY(session.errorCode.isEmpty());
}

void TestGaCodec::zeroPortsAndTeraflopsAreNotValues()
{
    const arr::Decoded<arr::Session> decoded = arr::ga::decodeProperties(
        R"({"id":"s","status":"Starting","handshakePort":0,"arrInspectorPort":0,"teraflops":0,"hostname":null})");
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QVERIFY(!decoded.value->handshakePort);
    QVERIFY(!decoded.value->arrInspectorPort);
    QVERIFY(!decoded.value->teraflops);
    QVERIFY(!decoded.value->maxLease);
    QVERIFY(!decoded.value->creationTime.isValid());
}

void TestGaCodec::errorObjectGivesCodeAndMessage()
{
    const arr::Decoded<arr::Session> decoded = arr::ga::decodeProperties(
        R"({"id":"s","status":"Error","error":{"code":"InternalServerError","message":"VM \u001b[2Jfailed"}})");
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.value->status, arr::SessionStatus::Error);
    QCOMPARE(decoded.value->errorCode, u"InternalServerError"_s);
    // Made safe for a terminal like every text from a server.
    QCOMPARE(decoded.value->message, u"VM \\x1B[2Jfailed"_s);
}

void TestGaCodec::statusesMapToTheV1Values_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<arr::SessionStatus>("status");
    QTest::newRow("Starting") << u"Starting"_s << arr::SessionStatus::Starting;
    QTest::newRow("Ready") << u"Ready"_s << arr::SessionStatus::Ready;
    QTest::newRow("Stopped") << u"Stopped"_s << arr::SessionStatus::Stopped;
    QTest::newRow("Expired") << u"Expired"_s << arr::SessionStatus::Expired;
    QTest::newRow("Error") << u"Error"_s << arr::SessionStatus::Error;
    QTest::newRow("unknown kept") << u"Hibernating"_s << arr::SessionStatus::Unknown;
}

void TestGaCodec::statusesMapToTheV1Values()
{
    QFETCH(QString, wire);
    QFETCH(arr::SessionStatus, status);
    const QByteArray body = R"({"id":"s","status":")" + wire.toUtf8() + R"("})";
    const arr::Decoded<arr::Session> decoded = arr::ga::decodeProperties(body);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.value->status, status);
    QCOMPARE(decoded.value->statusText, wire);
}

void TestGaCodec::pageWithAndWithoutNextLink()
{
    const arr::Decoded<arr::ga::SessionPage> first = arr::ga::decodeSessionPage(
        R"({"sessions":[{"id":"a","status":"Ready"},{"id":"b","status":"Starting"}],"@nextLink":"https://h/x?$skip=2"})");
    QVERIFY2(first.ok(), qPrintable(first.error));
    QCOMPARE(first.value->sessions.size(), 2);
    QCOMPARE(first.value->nextLink, u"https://h/x?$skip=2"_s);

    const arr::Decoded<arr::ga::SessionPage> last = arr::ga::decodeSessionPage(R"({"sessions":[]})");
    QVERIFY2(last.ok(), qPrintable(last.error));
    QVERIFY(last.value->sessions.isEmpty());
    QVERIFY(last.value->nextLink.isEmpty());
}

void TestGaCodec::wrongTypesAreRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("list");
    QTest::newRow("not JSON") << QByteArray("{") << false;
    QTest::newRow("HTML") << QByteArray("<html><title>502</title></html>") << false;
    QTest::newRow("array for a session") << QByteArray("[]") << false;
    QTest::newRow("no id") << QByteArray(R"({"status":"Ready"})") << false;
    QTest::newRow("minutes as text") << QByteArray(R"({"id":"s","maxLeaseTimeMinutes":"60"})") << false;
    QTest::newRow("fractional minutes") << QByteArray(R"({"id":"s","elapsedTimeMinutes":1.5})") << false;
    QTest::newRow("negative minutes") << QByteArray(R"({"id":"s","elapsedTimeMinutes":-1})") << false;
    QTest::newRow("port out of range") << QByteArray(R"({"id":"s","handshakePort":70000})") << false;
    QTest::newRow("bad creation time") << QByteArray(R"({"id":"s","creationTime":"yesterday"})") << false;
    QTest::newRow("sessions not a list") << QByteArray(R"({"sessions":{}})") << true;
    QTest::newRow("a session not an object") << QByteArray(R"({"sessions":[1]})") << true;
    QTest::newRow("nextLink not text") << QByteArray(R"({"sessions":[],"@nextLink":5})") << true;
}

void TestGaCodec::wrongTypesAreRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, list);
    const QString error = list ? arr::ga::decodeSessionPage(body).error : arr::ga::decodeProperties(body).error;
    QVERIFY2(!error.isEmpty(), body.constData());
}

void TestGaCodec::apiVersionNames()
{
    QCOMPARE(arr::apiVersionName(arr::ApiVersion::V1), u"v1"_s);
    QCOMPARE(arr::apiVersionName(arr::ApiVersion::Api20210101), u"2021-01-01"_s);
    QCOMPARE(arr::parseApiVersion(u" V1 "), arr::ApiVersion::V1);
    QCOMPARE(arr::parseApiVersion(u"2021-01-01"), arr::ApiVersion::Api20210101);
    QVERIFY(!arr::parseApiVersion(u"2021-03-01-ga"));
    QVERIFY(!arr::parseApiVersion(u""));
}

QTEST_GUILESS_MAIN(TestGaCodec)
#include "tst_gacodec.moc"
