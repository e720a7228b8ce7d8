#include "core/JsonCodec.h"
#include "emulator/SessionListWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using arr::SessionStatus;
using arr::TimeSpan;

// The emulator's list writer says what the client's encoder says, byte for byte once parsed.
class TestSessionListWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodesListStraightToText();
};

void TestSessionListWriter::encodesListStraightToText()
{
    arr::Session plain;
    plain.id = u"a"_s;
    plain.status = SessionStatus::Starting;
    plain.statusText = u"starting"_s;
    arr::Session full;
    full.id = u"b \"quoted\" \\ back\nline\ttab\u0001 caf\u00e9 \U0001F680"_s;
    full.status = SessionStatus::Unknown;
    full.statusText = u"Hibernating"_s;
    full.size = u"premium"_s;
    full.hostname = u"host.example"_s;
    full.elapsed = TimeSpan::fromSeconds(61);
    full.maxLease = TimeSpan::fromDays(1);
    full.message = u"</script> & more"_s;
    full.teraflops = 37.25;
    full.handshakePort = 50200;
    full.arrInspectorPort = 8080;
    full.creationTime = QDateTime(QDate(2021, 3, 1), QTime(10, 0), Qt::UTC);
    const QList<arr::Session> sessions{plain, full, arr::Session{}};

    QJsonArray expected;
    for (const arr::Session &session : sessions)
        expected.append(arr::v1::encodeProperties(session));
    const QByteArray written = arr::emulator::encodeSessionList(sessions);
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(written, &error);
    QVERIFY2(error.error == QJsonParseError::NoError,
        qPrintable(error.errorString() + u": "_s + QString::fromUtf8(written)));
    QCOMPARE(parsed, QJsonDocument(QJsonObject{{u"sessions"_s, expected}}));
    QCOMPARE(arr::emulator::encodeSessionList({}), QByteArray(R"({"sessions":[]})"));
}

QTEST_GUILESS_MAIN(TestSessionListWriter)
#include "tst_sessionlistwriter.moc"
