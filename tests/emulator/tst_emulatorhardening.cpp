#include "TestHttp.h"

#include "common/MemoryInUse.h"
#include "core/Clock.h"
#include "emulator/EmulatorServer.h"
#include "emulator/TlsCredentials.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using arr::emulator::EmulatorOptions;
using arr::emulator::EmulatorServer;

namespace {

const QString Account = u"7f3a9c1e-2b4d-4e6f-8a0b-1c2d3e4f5a6b"_s;
const QString Key = u"aGFyZGVuaW5nLWtleQ=="_s;

// A raw client connection, waiting with the event loop running (the server lives in this thread).
class RawClient
{
public:
    explicit RawClient(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }

    QTcpSocket &socket() { return m_socket; }
    bool connected(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_socket.state() != QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs)
            QTest::qWait(5);
        return m_socket.state() == QAbstractSocket::ConnectedState;
    }
    // Everything received until `done` says it is enough, the connection closes, or the time is up.
    QByteArray readUntil(const std::function<bool(const QByteArray &)> &done, int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            m_received += m_socket.readAll();
            if (done(m_received) || m_socket.state() == QAbstractSocket::UnconnectedState)
                break;
            QSignalSpy more(&m_socket, &QTcpSocket::readyRead);
            more.wait(20);
        }
        m_received += m_socket.readAll();
        return m_received;
    }
    // One whole answer (head, then Content-Length bytes of body), removed from what was received.
    QByteArray answer(int timeoutMs = 5000)
    {
        const auto whole = [](const QByteArray &bytes) { return answerLength(bytes) > 0; };
        readUntil(whole, timeoutMs);
        const qsizetype length = answerLength(m_received);
        if (length <= 0)
            return {};
        const QByteArray first = m_received.left(length);
        m_received.remove(0, length);
        return first;
    }
    bool closedByServer(int timeoutMs = 5000)
    {
        readUntil([](const QByteArray &) { return false; }, timeoutMs);
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }

private:
    static qsizetype answerLength(const QByteArray &bytes)
    {
        const qsizetype end = bytes.indexOf("\r\n\r\n");
        if (end < 0)
            return 0;
        qsizetype length = 0;
        for (const QByteArray &line : bytes.left(end).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        return bytes.size() >= end + 4 + length ? end + 4 + length : 0;
    }

    QTcpSocket m_socket;
    QByteArray m_received;
};

} // namespace

// The emulator against hostile clients: stalled TLS handshakes, bodies declared huge, idle and
// surplus connections, oversized heads, upgrade requests, and many token requests.
class TestEmulatorHardening : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();

    void idleTlsConnectionsDoNotBlockOthers();
    void stalledTlsHandshakeTimesOut();
    void hugeDeclaredBodyIsAnsweredUnread_data();
    void hugeDeclaredBodyIsAnsweredUnread();
    void idleConnectionIsClosed();
    void connectionsAreCapped();
    void hugeHeadIs431AndCloses();
    void upgradeRequestIsAnsweredLikeAnyOther();
    void malformedHeadsAreRefused_data();
    void malformedHeadsAreRefused();
    void pipelinedRequestsAreAnsweredInOrder();
    void tokenRequestsDoNotGrowMemory();

private:
    void start(const EmulatorOptions &options = {});
    QByteArray request(const QByteArray &method, const QString &path, const QByteArray &extraHeaders = {}) const;

    arr::ManualClock m_clock;
    std::unique_ptr<EmulatorServer> m_server;
    QByteArray m_token;
};

void TestEmulatorHardening::cleanup()
{
    m_server.reset();
}

void TestEmulatorHardening::start(const EmulatorOptions &options)
{
    m_server = std::make_unique<EmulatorServer>(options, &m_clock);
    m_server->addAccount(Account, Key);
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    TestHttp http(m_server->baseUrl());
    m_token = http.token(Account, Key);
    QVERIFY(!m_token.isEmpty());
}

QByteArray TestEmulatorHardening::request(
    const QByteArray &method, const QString &path, const QByteArray &extraHeaders) const
{
    return method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + m_token + "\r\n"
        + extraHeaders + "\r\n";
}

void TestEmulatorHardening::idleTlsConnectionsDoNotBlockOthers()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("This Qt has no TLS backend.");
    const QString data = qEnvironmentVariable("ARRSM_TEST_DATA") + u"/tls/"_s;
    const auto tls = arr::emulator::readTlsCredentials(data + u"localhost.crt"_s, data + u"localhost.key"_s);
    QVERIFY2(tls.ok(), qPrintable(tls.error));
    m_server = std::make_unique<EmulatorServer>(EmulatorOptions{}, &m_clock);
    m_server->addAccount(Account, Key);
    QVERIFY(m_server->setTls(tls.certificate, tls.privateKey));
    QVERIFY(m_server->listen());

    // 40 plain TCP connections that never start a handshake (Qt's QSslServer stopped accepting after
    // 30 of them, for good).
    std::vector<std::unique_ptr<RawClient>> idle;
    for (int i = 0; i < 40; ++i) {
        idle.push_back(std::make_unique<RawClient>(m_server->port()));
        QVERIFY(idle.back()->connected());
    }
    TestHttp http(m_server->baseUrl());
    http.trust(tls.certificate);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!http.token(Account, Key).isEmpty());
    qInfo("a token over https with 40 idle connections open took %lld ms", timer.elapsed());

    // Closed by the client, they never hold up the next one either.
    idle.clear();
    TestHttp next(m_server->baseUrl());
    next.trust(tls.certificate);
    QVERIFY(!next.token(Account, Key).isEmpty());
}

void TestEmulatorHardening::stalledTlsHandshakeTimesOut()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("This Qt has no TLS backend.");
    const QString data = qEnvironmentVariable("ARRSM_TEST_DATA") + u"/tls/"_s;
    const auto tls = arr::emulator::readTlsCredentials(data + u"localhost.crt"_s, data + u"localhost.key"_s);
    QVERIFY2(tls.ok(), qPrintable(tls.error));
    EmulatorOptions options;
    options.idleTimeoutMs = 300;
    m_server = std::make_unique<EmulatorServer>(options, &m_clock);
    QVERIFY(m_server->setTls(tls.certificate, tls.privateKey));
    QVERIFY(m_server->listen());
    QSignalSpy failed(m_server.get(), &EmulatorServer::tlsHandshakeFailed);

    RawClient stalled(m_server->port());
    QVERIFY(stalled.connected());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(stalled.closedByServer(5000));
    QVERIFY2(timer.elapsed() >= 250, qPrintable(QString::number(timer.elapsed())));
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY2(failed.first().first().toString().contains(u"did not finish the TLS handshake"_s),
        qPrintable(failed.first().first().toString()));
}

void TestEmulatorHardening::hugeDeclaredBodyIsAnsweredUnread_data()
{
    QTest::addColumn<bool>("authorized");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("no authorization") << false << QByteArray("HTTP/1.1 401 ");
    QTest::newRow("authorized") << true << QByteArray("HTTP/1.1 413 ");
}

void TestEmulatorHardening::hugeDeclaredBodyIsAnsweredUnread()
{
    QFETCH(bool, authorized);
    QFETCH(QByteArray, expected);
    start();
    const qint64 before = memoryInUseKiB();
    RawClient client(m_server->port());
    QVERIFY(client.connected());
    QByteArray head = "POST /v1/accounts/" + Account.toUtf8()
        + "/sessions/create HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1073741824\r\n";
    if (authorized)
        head += "Authorization: Bearer " + m_token + "\r\n";
    client.socket().write(head + "\r\n");
    // The start of the gigabyte: the answer must not wait for the rest.
    client.socket().write(QByteArray(4 * 1024 * 1024, 'x'));
    QElapsedTimer timer;
    timer.start();
    const QByteArray answer = client.answer(10'000);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(answer.startsWith(expected), answer.left(200).constData());
    QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));
    QVERIFY(answer.contains("\r\nConnection: close\r\n"));
    // The unread rest is not waited for: closed within the drain time.
    QVERIFY(client.closedByServer(10'000));
    const qint64 after = memoryInUseKiB();
    qInfo("declared 1 GiB, sent 4 MiB: answered in %lld ms; %s %lld KiB before, %lld KiB after", elapsed,
        memoryInUseMeasure(), before, after);
    QVERIFY2(after - before < 32 * 1024, qPrintable(u"grew by %1 KiB"_s.arg(after - before)));
    QVERIFY(m_server->sessions(Account).isEmpty());
}

void TestEmulatorHardening::idleConnectionIsClosed()
{
    EmulatorOptions options;
    options.idleTimeoutMs = 300;
    start(options);
    RawClient client(m_server->port());
    QVERIFY(client.connected());
    client.socket().write(request("GET", u"/v1/accounts/%1/sessions"_s.arg(Account)));
    QVERIFY(client.answer().startsWith("HTTP/1.1 200 "));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(client.closedByServer(5000));
    QVERIFY2(timer.elapsed() >= 250, qPrintable(QString::number(timer.elapsed())));
    qInfo("idle keep-alive connection closed after %lld ms (idle timeout 300 ms)", timer.elapsed());

    // A connection that never sends a request, or only part of one, is closed as well.
    RawClient silent(m_server->port());
    QVERIFY(silent.connected());
    RawClient partial(m_server->port());
    QVERIFY(partial.connected());
    partial.socket().write("GET /v1/accounts/");
    QVERIFY(silent.closedByServer(5000));
    QVERIFY(partial.closedByServer(5000));
}

void TestEmulatorHardening::connectionsAreCapped()
{
    EmulatorOptions options;
    options.maxConnections = 3;
    start(options);
    const QByteArray list = request("GET", u"/v1/accounts/%1/sessions"_s.arg(Account));
    std::vector<std::unique_ptr<RawClient>> open;
    for (int i = 0; i < 3; ++i) {
        open.push_back(std::make_unique<RawClient>(m_server->port()));
        QVERIFY(open.back()->connected());
        open.back()->socket().write(list);
        QVERIFY(open.back()->answer().startsWith("HTTP/1.1 200 "));
    }
    // At the cap the emulator stops accepting: one more client waits in the listen backlog. The
    // three connections are answered meanwhile, so the surplus one would have been too.
    RawClient surplus(m_server->port());
    surplus.socket().write(list);
    for (const auto &client : open) {
        client->socket().write(list);
        QVERIFY(client->answer().startsWith("HTTP/1.1 200 "));
    }
    QVERIFY(surplus.socket().readAll().isEmpty());

    // Once one is closed, the waiting client is served.
    open.front()->socket().disconnectFromHost();
    const QByteArray served = surplus.answer();
    QVERIFY2(served.startsWith("HTTP/1.1 200 "), served.constData());
}

void TestEmulatorHardening::hugeHeadIs431AndCloses()
{
    start();
    RawClient client(m_server->port());
    QVERIFY(client.connected());
    // A head past 100 KiB, then a Content-Length and a body that looks like a request of its own:
    // nothing of it may be served.
    const QByteArray body = request("DELETE", u"/v1/accounts/%1/sessions/x"_s.arg(Account));
    client.socket().write("GET /v1/accounts/" + Account.toUtf8() + "/sessions HTTP/1.1\r\nHost: localhost\r\n"
        + "X-Padding: " + QByteArray(100 * 1024, 'a') + "\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n\r\n" + body);
    const QByteArray answer = client.answer();
    QVERIFY2(answer.startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"), answer.left(200).constData());
    QVERIFY(answer.contains("\r\nConnection: close\r\n"));
    QVERIFY(client.closedByServer());
    QCOMPARE(m_server->requestCount(u"stop"_s), 0);
    QCOMPARE(m_server->requestCount(u"list"_s), 0);
}

void TestEmulatorHardening::upgradeRequestIsAnsweredLikeAnyOther()
{
    start();
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    RawClient client(m_server->port());
    QVERIFY(client.connected());
    client.socket().write(request("GET", u"/socket"_s,
        "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"));
    const QByteArray first = client.answer();
    QVERIFY2(first.startsWith("HTTP/1.1 404 Not Found\r\n"), first.constData());
    client.socket().write(request("GET", u"/v1/accounts/%1/sessions"_s.arg(Account)));
    const QByteArray second = client.answer();
    QVERIFY2(second.startsWith("HTTP/1.1 200 OK\r\n"), second.constData());
    QVERIFY(second.endsWith("{\"sessions\":[]}"));
}

void TestEmulatorHardening::malformedHeadsAreRefused_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15)
                            << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("two lengths") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
                                 << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
                                     << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("folded field") << QByteArray("GET / HTTP/1.1\r\nX-A: b\r\n c\r\n\r\n")
                                  << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                             << QByteArray("HTTP/1.1 501 ");
    QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << QByteArray("HTTP/1.1 505 ");
}

void TestEmulatorHardening::malformedHeadsAreRefused()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, expected);
    start();
    RawClient client(m_server->port());
    QVERIFY(client.connected());
    client.socket().write(head);
    const QByteArray answer = client.answer();
    QVERIFY2(answer.startsWith(expected), answer.constData());
    QVERIFY(answer.contains("\r\nMS-CV: "));
    QVERIFY(client.closedByServer());
}

void TestEmulatorHardening::pipelinedRequestsAreAnsweredInOrder()
{
    start();
    RawClient client(m_server->port());
    QVERIFY(client.connected());
    const QByteArray body = "{'maxLeaseTime':'1:0:0','size':'small'}";
    client.socket().write(request("POST", u"/v1/accounts/%1/sessions/create"_s.arg(Account),
                              "Content-Length: " + QByteArray::number(body.size()) + "\r\n")
        + body + request("GET", u"/nowhere"_s) + request("GET", u"/v1/accounts/%1/sessions"_s.arg(Account)));
    QVERIFY(client.answer().startsWith("HTTP/1.1 202 "));
    QVERIFY(client.answer().startsWith("HTTP/1.1 404 "));
    const QByteArray list = client.answer();
    QVERIFY2(list.startsWith("HTTP/1.1 200 "), list.constData());
    QVERIFY(list.contains("\"sessionId\""));
}

void TestEmulatorHardening::tokenRequestsDoNotGrowMemory()
{
    start();
    TestHttp http(m_server->baseUrl());
    // Warm up allocator and connection before measuring.
    for (int i = 0; i < 200; ++i)
        QVERIFY(!http.token(Account, Key).isEmpty());
    const qint64 before = memoryInUseKiB();
    constexpr int Requests = 5000;
    QByteArray last;
    for (int i = 0; i < Requests; ++i)
        last = http.token(Account, Key);
    const qint64 after = memoryInUseKiB();
    qInfo("%d token requests: %s %lld KiB before, %lld KiB after (%+lld KiB)", Requests, memoryInUseMeasure(), before,
        after, after - before);
    // Remembering every token cost about 480 bytes each (130 MB for 270,000): 2.3 MiB here.
    QVERIFY2(after - before < 1024, qPrintable(u"grew by %1 KiB"_s.arg(after - before)));
    // Every token issued is still accepted.
    QCOMPARE(http.send("GET", u"/v1/accounts/%1/sessions"_s.arg(Account), {}, TestHttp::bearer(last)).status, 200);
}

QTEST_GUILESS_MAIN(TestEmulatorHardening)
#include "tst_emulatorhardening.moc"
