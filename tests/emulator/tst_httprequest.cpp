#include "emulator/HttpRequest.h"

#include <QTest>

using namespace Qt::StringLiterals;
using arr::emulator::MaximumRequestHead;
using arr::emulator::parseRequestHead;
using arr::emulator::RequestHead;

Q_DECLARE_METATYPE(RequestHead::Outcome)

// The emulator's request-head reader: what it takes from the start of a connection's buffer.
class TestHttpRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAHead();
    void incompleteHeadAsksForMore_data();
    void incompleteHeadAsksForMore();
    void refusals_data();
    void refusals();
    void connectionPersistence_data();
    void connectionPersistence();
};

void TestHttpRequest::readsAHead()
{
    const QByteArray head = "\r\nPOST /v1/accounts/a%20b/sessions/create?x=1 HTTP/1.1\r\nHost: localhost\r\n"
                            "Content-Length: 12\r\nauthorization:   Bearer t  \r\n\r\n";
    const RequestHead read = parseRequestHead(head + "{'a':'b'}xyz" + "GET / HTTP/1.1\r\n");
    QCOMPARE(read.outcome, RequestHead::Outcome::Complete);
    QCOMPARE(read.length, head.size());
    QCOMPARE(read.request.method, QByteArray("POST"));
    QCOMPARE(read.request.url.path(), u"/v1/accounts/a b/sessions/create"_s);
    QCOMPARE(read.request.url.query(), u"x=1"_s);
    QCOMPARE(read.request.contentLength, 12);
    QCOMPARE(read.request.value("Authorization"), QByteArray("Bearer t"));
    QVERIFY(read.request.keepAlive());

    // Bare line feeds are tolerated.
    const RequestHead bare = parseRequestHead("GET /x HTTP/1.0\nConnection: keep-alive\n\n");
    QCOMPARE(bare.outcome, RequestHead::Outcome::Complete);
    QCOMPARE(bare.request.minorVersion, 0);
    QVERIFY(bare.request.keepAlive());
}

void TestHttpRequest::incompleteHeadAsksForMore_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("empty lines") << QByteArray("\r\n\r\n");
    QTest::newRow("request line") << QByteArray("GET / HTTP/1.1\r\n");
    QTest::newRow("half a field") << QByteArray("GET / HTTP/1.1\r\nHost: loc");
    QTest::newRow("at the limit") << QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(MaximumRequestHead - 20, 'a');
}

void TestHttpRequest::incompleteHeadAsksForMore()
{
    QFETCH(QByteArray, bytes);
    QCOMPARE(parseRequestHead(bytes).outcome, RequestHead::Outcome::Incomplete);
}

void TestHttpRequest::refusals_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::newRow("too large") << QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(MaximumRequestHead, 'a') << 431;
    QTest::newRow("too large, complete") << QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(MaximumRequestHead, 'a')
            + "\r\n\r\n" << 431;
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("method not a token") << QByteArray("G(T / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("control in target") << QByteArray("GET /\x01 HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost\r\n\r\n") << 400;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
    QTest::newRow("NUL in value") << QByteArray("GET / HTTP/1.1\r\nX: a\0b\r\n\r\n", 27) << 400;
    QTest::newRow("length list") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1, 1\r\n\r\n") << 400;
    QTest::newRow("length huge") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n")
                                 << 400;
    QTest::newRow("transfer encoding") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") << 501;
    QTest::newRow("HTTP/0.9") << QByteArray("GET / HTTP/0.9\r\n\r\n") << 505;
    QTest::newRow("not HTTP") << QByteArray("GET / FTP/1.1\r\n\r\n") << 400;
}

void TestHttpRequest::refusals()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    const RequestHead read = parseRequestHead(bytes);
    QCOMPARE(read.outcome, RequestHead::Outcome::Refused);
    QCOMPARE(read.status, status);
    QVERIFY(!read.message.isEmpty());
}

void TestHttpRequest::connectionPersistence_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("1.1") << QByteArray("GET / HTTP/1.1\r\n\r\n") << true;
    QTest::newRow("1.1 close") << QByteArray("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n") << false;
    QTest::newRow("1.1 upgrade") << QByteArray("GET / HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n")
                                 << true;
    QTest::newRow("1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
    QTest::newRow("1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << true;
}

void TestHttpRequest::connectionPersistence()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, keepAlive);
    const RequestHead read = parseRequestHead(bytes);
    QCOMPARE(read.outcome, RequestHead::Outcome::Complete);
    QCOMPARE(read.request.keepAlive(), keepAlive);
}

QTEST_GUILESS_MAIN(TestHttpRequest)
#include "tst_httprequest.moc"
