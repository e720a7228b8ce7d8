#include "common/LoggedEntries.h"
#include "service/RequestLog.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

// The request log keeps every exchange, bounded, and never a secret.
class TestRequestLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redactsSecrets();
    void staysWithinCapacity();
    void formatsALine();
};

void TestRequestLog::redactsSecrets()
{
    const QString text
        = u"Authorization: Bearer 1234:secretkey== failed; token eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3Njd9.c2lnbmF0dXJl"_s;
    const QString clean = arr::redactSecrets(text);
    QVERIFY(!clean.contains(u"secretkey"_s));
    QVERIFY(!clean.contains(u"eyJleHAiOjE3Njd9"_s));
    QVERIFY(clean.contains(u"[redacted]"_s));

    // Host names are not secrets and stay readable.
    const QString host = u"5018fee8-817e-4366-9179-556af79a4240.remoterenderingvm.westeurope.mixedreality.azure.com"_s;
    QCOMPARE(arr::redactSecrets(host), host);

    arr::RequestLog log;
    arr::RequestLogEntry entry;
    entry.error = u"rejected Bearer abc.def.ghi and eyJhbGciOiJub25lIn0.eyJleHAiOjF9.sig"_s;
    log.record(entry);
    QVERIFY(!loggedEntries(log).constFirst().error.contains(u"abc.def"_s));
    QVERIFY(!loggedEntries(log).constFirst().error.contains(u"eyJleHAiOjF9"_s));
}

void TestRequestLog::staysWithinCapacity()
{
    arr::RequestLog log(3);
    QSignalSpy added(&log, &arr::RequestLog::entryAdded);
    QSignalSpy dropped(&log, &arr::RequestLog::entriesDropped);
    // Around the ring more than twice: the order stays oldest first wherever the oldest is kept.
    for (int i = 0; i < 8; ++i) {
        arr::RequestLogEntry entry;
        entry.httpStatus = 200 + i;
        // A string of its own each time, as each request builds its path.
        entry.path = QString::fromLatin1("/v1/accounts/x/sessions");
        entry.accountIdentity = QString::fromLatin1("127.0.0.1:8080/x");
        log.record(entry);
        QCOMPARE(added.constLast().constFirst().value<arr::RequestLogEntry>().httpStatus, 200 + i);
        QCOMPARE(log.at(log.size() - 1).httpStatus, 200 + i);
    }
    QCOMPARE(added.count(), 8);
    QCOMPARE(dropped.count(), 5);
    QCOMPARE(log.size(), 3);
    const QList<arr::RequestLogEntry> entries = loggedEntries(log);
    QCOMPARE(entries.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(entries.at(i).httpStatus, 205 + i);
        QCOMPARE(log.at(i).httpStatus, 205 + i);
    }
    // A path logged again and again is kept once.
    QVERIFY(log.at(0).path.isSharedWith(log.at(2).path));
    QCOMPARE(log.at(0).accountIdentity, u"127.0.0.1:8080/x"_s);
    QVERIFY(log.at(0).accountIdentity.isSharedWith(log.at(2).accountIdentity));

    log.clear();
    QCOMPARE(log.size(), 0);
    arr::RequestLogEntry entry;
    entry.httpStatus = 201;
    log.record(entry);
    QCOMPARE(loggedEntries(log).constFirst().httpStatus, 201);
}

void TestRequestLog::formatsALine()
{
    arr::RequestLogEntry entry;
    entry.time = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    entry.account = u"Production"_s;
    // Not in the line: arrsm prints these lines, and the account id is in the path already.
    entry.accountIdentity = u"127.0.0.1:8080/x"_s;
    entry.method = "GET";
    entry.path = u"/v1/accounts/x/sessions"_s;
    entry.httpStatus = 503;
    entry.durationMs = 42;
    entry.msCv = "abc.0";
    entry.error = u"HTTP 503"_s;
    QCOMPARE(entry.toLine(),
        u"2026-01-01T12:00:00.000Z\tProduction\tGET\t/v1/accounts/x/sessions\t503\t42 ms\tabc.0\tHTTP 503"_s);
    QVERIFY(entry.isError());
}

QTEST_GUILESS_MAIN(TestRequestLog)
#include "tst_requestlog.moc"
