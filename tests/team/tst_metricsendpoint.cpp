#include "watch/MetricsEndpoint.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using arr::ListenAddress;
using arr::MetricsEndpoint;

namespace {

// One client of the endpoint over real loopback TCP, driven by the test's event loop (the endpoint
// runs in the same thread, so nothing here blocks it).
class Client
{
public:
    explicit Client(quint16 port, const QHostAddress &host = QHostAddress(QHostAddress::LocalHost))
        : m_closed(&m_socket, &QTcpSocket::disconnected)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { m_received += m_socket.readAll(); });
        m_socket.connectToHost(host, port);
        // Completed by the kernel from the listen backlog, whether the endpoint has accepted yet or not.
        m_connected = m_socket.waitForConnected(5000);
    }

    bool connected() const { return m_connected; }
    QTcpSocket &socket() { return m_socket; }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }

    // Waits (running the event loop) until the endpoint closes the connection; false after `timeoutMs`.
    bool waitClosed(int timeoutMs = 5000)
    {
        if (m_closed.count() == 0 && m_socket.state() != QAbstractSocket::UnconnectedState)
            m_closed.wait(timeoutMs);
        m_received += m_socket.readAll();
        return m_closed.count() > 0 || m_socket.state() == QAbstractSocket::UnconnectedState;
    }
    bool isClosed() const { return m_closed.count() > 0; }

    const QByteArray &received() const { return m_received; }
    int status() const { return m_received.startsWith("HTTP/1.1 ") ? m_received.mid(9, 3).toInt() : 0; }
    QByteArray header(const QByteArray &name) const
    {
        const QList<QByteArray> lines
            = m_received.left(std::max<qsizetype>(0, m_received.indexOf("\r\n\r\n"))).split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    QByteArray body() const
    {
        const qsizetype end = m_received.indexOf("\r\n\r\n");
        return end < 0 ? QByteArray() : m_received.mid(end + 4);
    }

private:
    QTcpSocket m_socket;
    QSignalSpy m_closed;
    QByteArray m_received;
    bool m_connected = false;
};

const QByteArray Scrape = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/openmetrics-text\r\n\r\n";

} // namespace

class TestMetricsEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesListenAddresses_data();
    void parsesListenAddresses();
    void refusesWhatIsNotAnAddress_data();
    void refusesWhatIsNotAnAddress();
    void servesTheMetrics();
    void readsTheRequestFormsClientsSend_data();
    void readsTheRequestFormsClientsSend();
    void answersHead();
    void otherPathsAreNotFound();
    void otherMethodsAreNotAllowed();
    void refusesMalformedRequests_data();
    void refusesMalformedRequests();
    void refusesAnOversizedRequest();
    void dropsASlowClient();
    void dropsAClientThatDripsItsRequest();
    void cutsOffAClientThatDoesNotRead();
    void servesManyClientsAtOnce();
    void refusesNonLoopbackAddresses();
    void listensOnIpv6Loopback();
    void reportsAPortInUse();
    void closeEndsOpenConnections();
};

void TestMetricsEndpoint::parsesListenAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("written");

    QTest::newRow("IPv4 loopback") << u"127.0.0.1:9464"_s << QHostAddress(QHostAddress::LocalHost) << 9464
                                   << u"127.0.0.1:9464"_s;
    QTest::newRow("IPv6 loopback") << u"[::1]:9464"_s << QHostAddress(QHostAddress::LocalHostIPv6) << 9464
                                   << u"[::1]:9464"_s;
    QTest::newRow("free port") << u"127.0.0.1:0"_s << QHostAddress(QHostAddress::LocalHost) << 0 << u"127.0.0.1:0"_s;
    QTest::newRow("localhost") << u"localhost:9464"_s << QHostAddress(QHostAddress::LocalHost) << 9464
                               << u"127.0.0.1:9464"_s;
    QTest::newRow("blanks around") << u"  127.0.0.1:65535 "_s << QHostAddress(QHostAddress::LocalHost) << 65535
                                   << u"127.0.0.1:65535"_s;
    QTest::newRow("every interface") << u":9464"_s << QHostAddress(QHostAddress::Any) << 9464 << u":9464"_s;
    QTest::newRow("other IPv4") << u"192.0.2.7:80"_s << QHostAddress(u"192.0.2.7"_s) << 80 << u"192.0.2.7:80"_s;
}

void TestMetricsEndpoint::parsesListenAddresses()
{
    QFETCH(QString, text);
    QFETCH(QHostAddress, address);
    QFETCH(int, port);
    QFETCH(QString, written);

    QString error;
    const auto parsed = ListenAddress::parse(text, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->address, address);
    QCOMPARE(int(parsed->port), port);
    QCOMPARE(parsed->toString(), written);
}

void TestMetricsEndpoint::refusesWhatIsNotAnAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("sentence");

    QTest::newRow("empty") << QString() << u"No address to listen on: give one such as 127.0.0.1:9464."_s;
    QTest::newRow("port only") << u"9464"_s
                               << u"\"9464\" is not an address and port such as 127.0.0.1:9464 or [::1]:9464."_s;
    QTest::newRow("no port") << u"127.0.0.1:"_s << u"\"\" is not a port number from 0 to 65535 (0 for a free one)."_s;
    QTest::newRow("port too large") << u"127.0.0.1:65536"_s
                                    << u"\"65536\" is not a port number from 0 to 65535 (0 for a free one)."_s;
    QTest::newRow("signed port") << u"127.0.0.1:+80"_s
                                 << u"\"+80\" is not a port number from 0 to 65535 (0 for a free one)."_s;
    QTest::newRow("host name") << u"metrics.example:9464"_s
                               << u"\"metrics.example\" is not an IP address such as 127.0.0.1 or [::1] (host names "
                                  u"are not looked up)."_s;
    QTest::newRow("IPv6 without brackets")
        << u"::1:9464"_s << u"\"::1:9464\": an IPv6 address goes in brackets, as in [::1]:9464."_s;
    QTest::newRow("IPv4 in brackets") << u"[127.0.0.1]:9464"_s
                                      << u"\"[127.0.0.1]\" is not an IP address such as 127.0.0.1 or [::1] (host "
                                         u"names are not looked up)."_s;
    QTest::newRow("unclosed bracket") << u"[::1:9464"_s
                                      << u"\"[::1:9464\" is not an address and port such as 127.0.0.1:9464 or "
                                         u"[::1]:9464."_s;
}

void TestMetricsEndpoint::refusesWhatIsNotAnAddress()
{
    QFETCH(QString, text);
    QFETCH(QString, sentence);

    QString error;
    QVERIFY(!ListenAddress::parse(text, &error));
    QCOMPARE(error, sentence);

    // listen() says the same and does not listen.
    MetricsEndpoint endpoint([] { return QByteArray(); });
    QVERIFY(!endpoint.listen(text));
    QCOMPARE(endpoint.errorString(), sentence);
    QVERIFY(!endpoint.isListening());
}

void TestMetricsEndpoint::servesTheMetrics()
{
    int asked = 0;
    MetricsEndpoint endpoint([&asked]() -> QByteArray {
        ++asked;
        return "# TYPE arrsm_sessions gauge\narrsm_sessions{account=\"a\"} " + QByteArray::number(asked) + "\n# EOF\n";
    });
    QVERIFY2(endpoint.listen(u"127.0.0.1:0"_s), qPrintable(endpoint.errorString()));
    const quint16 port = endpoint.listenAddress().port;
    QVERIFY(port != 0);
    QCOMPARE(endpoint.listenAddress().address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(endpoint.url(), u"http://127.0.0.1:%1/metrics"_s.arg(port));

    for (int scrape = 1; scrape <= 2; ++scrape) {
        Client client(port);
        QVERIFY(client.connected());
        client.send(Scrape);
        QVERIFY(client.waitClosed());
        QCOMPARE(client.status(), 200);
        QCOMPARE(client.header("Content-Type"), MetricsEndpoint::contentType());
        QCOMPARE(client.header("Content-Type"), "application/openmetrics-text; version=1.0.0; charset=utf-8");
        QCOMPARE(client.header("Connection"), "close");
        // The callback is asked at each scrape: the text is the state of that moment.
        const QByteArray expected
            = "# TYPE arrsm_sessions gauge\narrsm_sessions{account=\"a\"} " + QByteArray::number(scrape) + "\n# EOF\n";
        QCOMPARE(client.body(), expected);
        QCOMPARE(client.header("Content-Length").toInt(), expected.size());
    }
    QCOMPARE(asked, 2);
    QTRY_COMPARE(endpoint.openConnections(), 0);
}

void TestMetricsEndpoint::readsTheRequestFormsClientsSend_data()
{
    QTest::addColumn<QByteArray>("request");

    QTest::newRow("HTTP/1.0") << QByteArray("GET /metrics HTTP/1.0\r\n\r\n");
    QTest::newRow("query string") << QByteArray("GET /metrics?collect=all HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::newRow("absolute form") << QByteArray("GET http://127.0.0.1:9464/metrics HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::newRow("bare line feeds") << QByteArray("GET /metrics HTTP/1.1\nHost: x\n\n");
    // What Prometheus 2.x sends.
    QTest::newRow("Prometheus") << QByteArray(
        "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1:9464\r\nUser-Agent: Prometheus/2.42.0\r\n"
        "Accept: application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
        "text/plain;version=0.0.4;q=0.5,*/*;q=0.1\r\nAccept-Encoding: gzip\r\n"
        "X-Prometheus-Scrape-Timeout-Seconds: 10\r\n\r\n");
}

void TestMetricsEndpoint::readsTheRequestFormsClientsSend()
{
    QFETCH(QByteArray, request);

    MetricsEndpoint endpoint([] { return QByteArray("# EOF\n"); });
    QVERIFY(endpoint.listen(u"127.0.0.1:0"_s));
    Client client(endpoint.listenAddress().port);
    client.send(request);
    QVERIFY(client.waitClosed());
    QCOMPARE(client.status(), 200);
    QCOMPARE(client.body(), "# EOF\n");
}

void TestMetricsEndpoint::answersHead()
{
    MetricsEndpoint endpoint([] { return QByteArray("# EOF\n"); });
    QVERIFY(endpoint.listen(u"127.0.0.1:0"_s));
    Client client(endpoint.listenAddress().port);
    client.send("HEAD /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(client.waitClosed());
    QCOMPARE(client.status(), 200);
    QCOMPARE(client.header("Content-Type"), MetricsEndpoint::contentType());
    QCOMPARE(client.header("Content-Length"), "6");
    QVERIFY(client.received().endsWith("\r\n\r\n"));
}

void TestMetricsEndpoint::otherPathsAreNotFound()
{
    int asked = 0;
    MetricsEndpoint endpoint([&asked] {
        ++asked;
        return QByteArray("# EOF\n");
    });
    QVERIFY(endpoint.listen(u"127.0.0.1:0"_s));
    for (const QByteArray &path : {QByteArray("/"), QByteArray("/metrics/"), QByteArray("/metricsx"),
             QByteArray("/favicon.ico"), QByteArray("/../metrics")}) {
        Client client(endpoint.listenAddress().port);
        client.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(client.waitClosed());
        QCOMPARE(client.status(), 404);
        QCOMPARE(client.header("Content-Type"), "text/plain; charset=utf-8");
        QCOMPARE(client.body(), "Not found: this server answers GET /metrics only.\n");
    }
    QCOMPARE(asked, 0);
}

void TestMetricsEndpoint::otherMethodsAreNotAllowed()
{
    int asked = 0;
    MetricsEndpoint endpoint([&asked] {
        ++asked;
        return QByteArray("# EOF\n");
    });
    QVERIFY(endpoint.listen(u"127.0.0.1:0"_s));
    for (const QByteArray &method :
        {QByteArray("POST"), QByteArray("PUT"), QByteArray("DELETE"), QByteArray("OPTIONS"), QByteArray("get")}) {
        Client client(endpoint.listenAddress().port);
        client.send(method + " /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(client.waitClosed());
        QCOMPARE(client.status(), 405);
        QCOMPARE(client.header("Allow"), "GET, HEAD");
    }
    // With a body, which is never read: the answer still arrives whole, not cut off by a reset.
    Client client(endpoint.listenAddress().port);
    const QByteArray body(200 * 1024, 'x');
    client.send(
        "POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY(client.waitClosed());
    QCOMPARE(client.status(), 405);
    QCOMPARE(client.body(), "Method not allowed: /metrics answers GET and HEAD only.\n");
    QCOMPARE(asked, 0);
}

void TestMetricsEndpoint::refusesMalformedRequests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");

    QTest::newRow("not HTTP") << QByteArray("hello there\r\n\r\n") << 400;
    QTest::newRow("no version") << QByteArray("GET /metrics\r\n\r\n") << 400;
    QTest::newRow("too many parts") << QByteArray("GET /metrics HTTP/1.1 x\r\n\r\n") << 400;
    QTest::newRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15) << 400;
    QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 505;
}

void TestMetricsEndpoint::refusesMalformedRequests()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);

    MetricsEndpoint endpoint([] { return QByteArray("# EOF\n"); });
    QVERIFY(endpoint.listen(u"127.0.0.1:0"_s));
    Client client(endpoint.listenAddress().port);
    client.send(request);
    QVERIFY(client.waitClosed());
    QCOMPARE(client.status(), status);
}

void TestMetricsEndpoint::refusesAnOversizedRequest()
{
    MetricsEndpoint::Limits limits;
    limits.maximumRequestHead = 4096;
    MetricsEndpoint endpoint([] { return QByteArray("# EOF\n"); }, limits);
    QVERIFY(endpoint.listen(u"127.0.0.1:0"_s));
    const quint16 port = endpoint.listenAddress().port;

    // A head just within the limit is answered.
    QByteArray head = "GET /metrics HTTP/1.1\r\nX-Padding: \r\n\r\n";
    head.insert(head.indexOf("\r\n\r\n"), QByteArray(4096 - head.size(), 'a'));
    QCOMPARE(head.size(), 4096);
    {
        Client client(port);
        client.send(head);
        QVERIFY(client.waitClosed());
        QCOMPARE(client.status(), 200);
    }
    // One byte more is refused, and so is a head of a megabyte that never ends; the answer arrives
    // although the rest was never read.
    const QByteArray oneByteMore = QByteArray(head).insert(30, 'a');
    const QByteArray endless = "GET /metrics HTTP/1.1\r\nX-Padding: " + QByteArray(1024 * 1024, 'a');
    for (const QByteArray &request : {oneByteMore, endless}) {
        Client client(port);
        client.send(request);
        QVERIFY(client.waitClosed());
        QCOMPARE(client.status(), 431);
        QCOMPARE(client.body(), "Request head too large.\n");
    }
    // The endpoint goes on serving.
    Client client(port);
    client.send(Scrape);
    QVERIFY(client.waitClosed());
    QCOMPARE(client.status(), 200);
    QTRY_COMPARE(endpoint.openConnections(), 0);
}

void TestMetricsEndpoint::dropsASlowClient()
{
    MetricsEndpoint::Limits limits;
    limits.readTimeoutMs = 400;
    MetricsEndpoint endpoint([] { return QByteArray("# EOF\n"); }, limits);
    QVERIFY(endpoint.listen(u"127.0.0.1:0"_s));
    const quint16 port = endpoint.listenAddress().port;

    QElapsedTimer clock;
    clock.start();
    // One sends half a request, one nothing at all.
    Client half(port);
    half.send("GET /metr");
    Client silent(port);
    QTRY_COMPARE(endpoint.openConnections(), 2);

    // Meanwhile another is served at once.
    {
        Client client(port);
        client.send(Scrape);
        QVERIFY(client.waitClosed());
        QCOMPARE(client.status(), 200);
        QVERIFY2(clock.elapsed() < limits.readTimeoutMs, "served only after the slow clients were dropped");
        QVERIFY(!half.isClosed());
        QVERIFY(!silent.isClosed());
    }

    QVERIFY(half.waitClosed(5000));
    QVERIFY(silent.waitClosed(5000));
    const qint64 elapsed = clock.elapsed();
    // Not before the read timeout (a coarse timer may fire up to 5 % early), and not long after it.
    QVERIFY2(elapsed >= limits.readTimeoutMs * 95 / 100, qPrintable(QString::number(elapsed)));
    QVERIFY2(elapsed < limits.readTimeoutMs + 2000, qPrintable(QString::number(elapsed)));
    QVERIFY(half.received().isEmpty());
    QVERIFY(silent.received().isEmpty());
    QTRY_COMPARE(endpoint.openConnections(), 0);
}

void TestMetricsEndpoint::dropsAClientThatDripsItsRequest()
{
    MetricsEndpoint::Limits limits;
    limits.readTimeoutMs = 400;
    MetricsEndpoint endpoint([] { return QByteArray("# EOF\n"); }, limits);
    QVERIFY(endpoint.listen(u"127.0.0.1:0"_s));

    // A byte every 40 ms: the request would take 8 s to arrive, each byte well within the timeout.
    const QByteArray request = "GET /metrics HTTP/1.1\r\nX-Padding: " + QByteArray(150, 'a') + "\r\n\r\n";
    Client client(endpoint.listenAddress().port);
    QElapsedTimer clock;
    clock.start();
    qsizetype sent = 0;
    QTimer drip;
    QObject::connect(&drip, &QTimer::timeout, &drip, [&] {
        if (sent < request.size() && client.socket().state() == QAbstractSocket::ConnectedState)
            client.send(request.mid(sent++, 1));
    });
    drip.start(40);

    QVERIFY(client.waitClosed(5000));
    drip.stop();
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(elapsed < limits.readTimeoutMs + 2000, qPrintable(QString::number(elapsed)));
    QVERIFY2(sent < request.size(), "the whole request was sent before the endpoint closed");
    QVERIFY(client.received().isEmpty());
}

void TestMetricsEndpoint::cutsOffAClientThatDoesNotRead()
{
    MetricsEndpoint::Limits limits;
    limits.writeTimeoutMs = 400;
    // Far more than the loopback socket buffers hold, so that the answer waits for the client.
    const QByteArray large(48 * 1024 * 1024, 'x');
    MetricsEndpoint endpoint([&large] { return large; }, limits);
    QVERIFY(endpoint.listen(u"127.0.0.1:0"_s));

    QTcpSocket reader;
    // Reads no more than this: the rest stays in the kernel, and the endpoint's writes stall.
    reader.setReadBufferSize(1024);
    reader.connectToHost(QHostAddress::LocalHost, endpoint.listenAddress().port);
    QVERIFY(reader.waitForConnected(5000));
    reader.write(Scrape);
    QTRY_COMPARE(endpoint.openConnections(), 1);
    QElapsedTimer clock;
    clock.start();
    QTRY_COMPARE_WITH_TIMEOUT(endpoint.openConnections(), 0, 5000);
    QVERIFY2(clock.elapsed() < limits.writeTimeoutMs + 2000, qPrintable(QString::number(clock.elapsed())));
}

void TestMetricsEndpoint::servesManyClientsAtOnce()
{
    MetricsEndpoint::Limits limits;
    limits.maxConnections = 4;
    int mostOpen = 0;
    MetricsEndpoint *self = nullptr;
    MetricsEndpoint endpoint(
        [&] {
            mostOpen = std::max(mostOpen, self->openConnections());
            return QByteArray("# EOF\n");
        },
        limits);
    self = &endpoint;
    QVERIFY(endpoint.listen(u"127.0.0.1:0"_s));

    // Forty at once, ten times the cap: the ones beyond it wait for their turn rather than fail.
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < 40; ++i) {
        clients.push_back(std::make_unique<Client>(endpoint.listenAddress().port));
        QVERIFY(clients.back()->connected());
    }
    for (auto &client : clients)
        client->send(Scrape);
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(clients.cbegin(), clients.cend(), [](const auto &client) { return client->isClosed(); }), 20000);
    for (auto &client : clients) {
        client->waitClosed();
        QCOMPARE(client->status(), 200);
        QCOMPARE(client->body(), "# EOF\n");
    }
    QVERIFY2(mostOpen <= limits.maxConnections, qPrintable(QString::number(mostOpen)));
    QVERIFY(mostOpen >= 1);
    QTRY_COMPARE(endpoint.openConnections(), 0);
}

void TestMetricsEndpoint::refusesNonLoopbackAddresses()
{
    MetricsEndpoint endpoint([] { return QByteArray("# EOF\n"); });
    QVERIFY(!endpoint.listen(u"0.0.0.0:0"_s));
    QCOMPARE(endpoint.errorString(),
        u"Not listening on 0.0.0.0: it is not a loopback address, and the metrics (account names, session ids) "
        u"would be served to other computers; that has to be allowed explicitly."_s);
    QVERIFY(!endpoint.isListening());
    QVERIFY(!endpoint.listen(u":0"_s));
    QVERIFY(endpoint.errorString().startsWith(u"Not listening on every interface: it is not a loopback address"_s));
    QVERIFY(!endpoint.listen(u"[::]:0"_s));
    QVERIFY(endpoint.errorString().contains(u"not a loopback address"_s));
    // 192.0.2.0/24 is for documentation (RFC 5737), no interface of this machine's.
    QVERIFY(!endpoint.listen(u"192.0.2.1:0"_s));
    QVERIFY(endpoint.errorString().startsWith(u"Not listening on 192.0.2.1: it is not a loopback address"_s));
    QVERIFY(!endpoint.isListening());

    // Allowed, the address is tried: here it fails only because no interface has it, so nothing
    // listens beyond this machine during the test.
    endpoint.setNonLoopbackAllowed(true);
    QVERIFY(!endpoint.listen(u"192.0.2.1:0"_s));
    QVERIFY2(
        endpoint.errorString().startsWith(u"Cannot listen on 192.0.2.1:0: "_s), qPrintable(endpoint.errorString()));
    QVERIFY(!endpoint.errorString().contains(u"loopback"_s));
}

void TestMetricsEndpoint::listensOnIpv6Loopback()
{
    MetricsEndpoint endpoint([] { return QByteArray("# EOF\n"); });
    if (!endpoint.listen(u"[::1]:0"_s))
        QSKIP(qPrintable(u"No IPv6 loopback here: "_s + endpoint.errorString()));
    const quint16 port = endpoint.listenAddress().port;
    QCOMPARE(endpoint.url(), u"http://[::1]:%1/metrics"_s.arg(port));
    Client client(port, QHostAddress(QHostAddress::LocalHostIPv6));
    QVERIFY(client.connected());
    client.send(Scrape);
    QVERIFY(client.waitClosed());
    QCOMPARE(client.status(), 200);
}

void TestMetricsEndpoint::reportsAPortInUse()
{
    MetricsEndpoint first([] { return QByteArray("# EOF\n"); });
    QVERIFY(first.listen(u"127.0.0.1:0"_s));
    const quint16 port = first.listenAddress().port;
    MetricsEndpoint second([] { return QByteArray("# EOF\n"); });
    QVERIFY(!second.listen(u"127.0.0.1:%1"_s.arg(port)));
    QVERIFY2(second.errorString().startsWith(u"Cannot listen on 127.0.0.1:%1: "_s.arg(port)),
        qPrintable(second.errorString()));
    QVERIFY(second.errorString().endsWith(u'.'));
    QVERIFY(!second.isListening());
    QVERIFY(second.url().isEmpty());
}

void TestMetricsEndpoint::closeEndsOpenConnections()
{
    MetricsEndpoint endpoint([] { return QByteArray("# EOF\n"); });
    QVERIFY(endpoint.listen(u"127.0.0.1:0"_s));
    const quint16 port = endpoint.listenAddress().port;
    Client client(port);
    client.send("GET /metr");
    QTRY_COMPARE(endpoint.openConnections(), 1);

    endpoint.close();
    QCOMPARE(endpoint.openConnections(), 0);
    QVERIFY(!endpoint.isListening());
    QVERIFY(client.waitClosed());
    QVERIFY(client.received().isEmpty());

    QTcpSocket late;
    late.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(!late.waitForConnected(5000));
}

QTEST_GUILESS_MAIN(TestMetricsEndpoint)
#include "tst_metricsendpoint.moc"
