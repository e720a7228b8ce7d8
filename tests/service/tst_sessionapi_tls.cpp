#include "ServiceFixture.h"
#include "common/LoggedEntries.h"

#include "emulator/EmulatorServer.h"
#include "emulator/TlsCredentials.h"

#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using arr::ErrorKind;
using arr::TimeSpan;

namespace {

const QString AccountId = u"3c1f5e2a-7b9d-4c8e-a6f0-1d2e3f4a5b6c"_s;
const QString AccountKey = u"dGxzLXNlcnZpY2UtdGVzdC1rZXk="_s;

QString tlsFile(const QString &name)
{
    return qEnvironmentVariable("ARRSM_TEST_DATA") + u"/tls/"_s + name;
}

// Empty when no entry of the log holds the key, the id:key pair or any bearer credentials.
QString secretInLog(const arr::RequestLog &log)
{
    for (const arr::RequestLogEntry &entry : loggedEntries(log)) {
        const QString line = entry.toLine();
        if (line.contains(AccountKey) || line.contains(u"Bearer"_s, Qt::CaseInsensitive))
            return line;
    }
    return {};
}

} // namespace

// The client against the emulator serving https with the self-signed test certificate: the
// certificate is refused with a TLS error that says why, and nothing (least of all the key) is sent;
// trusted as a certificate authority, the same calls succeed. Plain http to a remote token service
// or session API is refused before anything is sent.
class TestSessionApiTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void selfSignedCertificateIsRefused();
    void createOverRefusedTlsSaysNothingWasSent();
    void trustedCertificateServesEveryCall();
    void certificateForAnotherHostIsRefused();
    void plainHttpTokenServiceIsRefused();
    void plainHttpSessionApiIsRefusedBeforeAnyToken();

private:
    std::unique_ptr<arr::emulator::EmulatorServer> startEmulator(
        const QHostAddress &address = QHostAddress::LocalHost, bool tls = true);
    void trustTestCertificate();

    arr::emulator::TlsCredentials m_tls;
    QSslConfiguration m_originalDefault;
    arr::ManualClock m_clock;
    std::unique_ptr<arr::emulator::EmulatorServer> m_emulator;
};

void TestSessionApiTls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("This Qt has no TLS backend.");
    m_tls = arr::emulator::readTlsCredentials(tlsFile(u"localhost.crt"_s), tlsFile(u"localhost.key"_s));
    QVERIFY2(m_tls.ok(), qPrintable(m_tls.error));
    m_originalDefault = QSslConfiguration::defaultConfiguration();
}

void TestSessionApiTls::init()
{
    m_emulator = startEmulator();
    QVERIFY(m_emulator);
    QCOMPARE(m_emulator->baseUrl().scheme(), u"https"_s);
}

void TestSessionApiTls::cleanup()
{
    // Trust added by a test ends with it.
    QSslConfiguration::setDefaultConfiguration(m_originalDefault);
    m_emulator.reset();
}

std::unique_ptr<arr::emulator::EmulatorServer> TestSessionApiTls::startEmulator(const QHostAddress &address, bool tls)
{
    auto emulator = std::make_unique<arr::emulator::EmulatorServer>(arr::emulator::EmulatorOptions{}, &m_clock);
    if (tls && !emulator->setTls(m_tls.certificate, m_tls.privateKey)) {
        qWarning() << emulator->errorString();
        return nullptr;
    }
    if (!emulator->listen(address))
        return nullptr;
    emulator->addAccount(AccountId, AccountKey);
    return emulator;
}

void TestSessionApiTls::trustTestCertificate()
{
    // As a company would trust its own certificate authority: process-wide, for new requests.
    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    trusting.addCaCertificate(m_tls.certificate);
    QSslConfiguration::setDefaultConfiguration(trusting);
}

void TestSessionApiTls::selfSignedCertificateIsRefused()
{
    QSignalSpy handshakes(m_emulator.get(), &arr::emulator::EmulatorServer::tlsHandshakeFailed);
    ServiceFixture client(m_emulator->baseUrl(), AccountId, AccountKey, &m_clock);
    const arr::ApiResult result = ServiceFixture::wait(client.api->listSessions());

    QCOMPARE(result.kind, ErrorKind::Tls);
    QCOMPARE(result.httpStatus, 0);
    QVERIFY2(result.message.contains(u"self-signed"_s, Qt::CaseInsensitive), qPrintable(result.message));
    QVERIFY2(result.message.contains(u"secure connection"_s), qPrintable(result.message));
    QVERIFY(!result.message.contains(AccountKey));

    // The handshake reached the emulator and failed there; no request was read, so the key in the
    // token request's Authorization header was never sent.
    QTRY_VERIFY(handshakes.count() >= 1);
    QCOMPARE(m_emulator->requestCount(u"token"_s), 0);
    QCOMPARE(m_emulator->requestCount(), 0);
    // A certificate problem is not retried: one attempt, logged without secrets.
    QCOMPARE(client.log.size(), 1);
    QVERIFY(loggedEntries(client.log).first().path.contains(u"/token"_s));
    QVERIFY2(loggedEntries(client.log).first().error.contains(u"self-signed"_s, Qt::CaseInsensitive),
        qPrintable(loggedEntries(client.log).first().error));
    QVERIFY2(secretInLog(client.log).isEmpty(), qPrintable(secretInLog(client.log)));
    QTRY_COMPARE(client.jobsAlive(), 0);
}

void TestSessionApiTls::createOverRefusedTlsSaysNothingWasSent()
{
    // The token comes from a plain-http token service on this machine (allowed: loopback); the
    // session API is the https emulator, whose certificate is not trusted.
    const auto tokenService = startEmulator(QHostAddress::LocalHost, false);
    QVERIFY(tokenService);
    QSignalSpy handshakes(m_emulator.get(), &arr::emulator::EmulatorServer::tlsHandshakeFailed);
    ServiceFixture client(m_emulator->baseUrl(), AccountId, AccountKey, &m_clock, tokenService->baseUrl());
    const arr::ApiResult result
        = ServiceFixture::wait(client.api->createSession({TimeSpan::fromHours(1), u"standard"_s, {}}));

    QCOMPARE(result.kind, ErrorKind::Tls);
    QVERIFY2(result.message.contains(u"self-signed"_s, Qt::CaseInsensitive), qPrintable(result.message));
    // The handshake failed before the request was sent: the session cannot exist.
    QVERIFY2(!result.message.contains(u"created anyway"_s), qPrintable(result.message));
    QCOMPARE(tokenService->requestCount(u"token"_s), 1);
    // The emulator's end of the handshake has failed too: a request could only have come after it.
    QTRY_VERIFY(handshakes.count() >= 1);
    QCOMPARE(m_emulator->requestCount(), 0);
    QVERIFY(m_emulator->sessions(AccountId).isEmpty());
    QVERIFY2(secretInLog(client.log).isEmpty(), qPrintable(secretInLog(client.log)));
}

void TestSessionApiTls::trustedCertificateServesEveryCall()
{
    trustTestCertificate();
    ServiceFixture client(m_emulator->baseUrl(), AccountId, AccountKey, &m_clock);

    const arr::ApiResult created
        = ServiceFixture::wait(client.api->createSession({TimeSpan::fromHours(1), u"standard"_s, {}}));
    QVERIFY2(created.ok(), qPrintable(created.summary()));
    QVERIFY(!created.msCv.isEmpty());
    const arr::ApiResult listed = ServiceFixture::wait(client.api->listSessions());
    QVERIFY2(listed.ok(), qPrintable(listed.summary()));
    QCOMPARE(listed.sessions.size(), 1);
    m_clock.advance(30'000);
    const arr::ApiResult properties = ServiceFixture::wait(client.api->sessionProperties(created.sessionId));
    QVERIFY2(properties.ok(), qPrintable(properties.summary()));
    QCOMPARE(properties.session->status, arr::SessionStatus::Ready);
    const arr::ApiResult extended
        = ServiceFixture::wait(client.api->extendSession(created.sessionId, TimeSpan::fromHours(2)));
    QVERIFY2(extended.ok(), qPrintable(extended.summary()));
    const arr::ApiResult stopped = ServiceFixture::wait(client.api->stopSession(created.sessionId));
    QVERIFY2(stopped.ok(), qPrintable(stopped.summary()));

    QCOMPARE(m_emulator->requestCount(u"token"_s), 1);
    QCOMPARE(m_emulator->requestCount(), 6);
    for (const arr::RequestLogEntry &entry : loggedEntries(client.log))
        QVERIFY2(!entry.isError(), qPrintable(entry.toLine()));
    QVERIFY2(secretInLog(client.log).isEmpty(), qPrintable(secretInLog(client.log)));
}

void TestSessionApiTls::certificateForAnotherHostIsRefused()
{
    // Trusted, but issued for localhost and 127.0.0.1 only: a server at another address with the
    // same certificate is refused.
    trustTestCertificate();
    auto other = startEmulator(QHostAddress::LocalHostIPv6);
    if (!other)
        other = startEmulator(QHostAddress(u"127.0.0.2"_s));
    if (!other)
        QSKIP("Neither ::1 nor 127.0.0.2 can be listened on here.");
    ServiceFixture client(other->baseUrl(), AccountId, AccountKey, &m_clock);
    const arr::ApiResult result = ServiceFixture::wait(client.api->listSessions());
    QCOMPARE(result.kind, ErrorKind::Tls);
    QVERIFY2(result.message.contains(u"host name"_s, Qt::CaseInsensitive), qPrintable(result.message));
    QVERIFY2(!result.message.contains(u"self-signed"_s, Qt::CaseInsensitive), qPrintable(result.message));
    QCOMPARE(other->requestCount(), 0);
}

void TestSessionApiTls::plainHttpTokenServiceIsRefused()
{
    // The session API is https, but the token service would receive the key unencrypted.
    trustTestCertificate();
    ServiceFixture client(m_emulator->baseUrl(), AccountId, AccountKey, &m_clock, QUrl(u"http://sts.example.com"_s));
    const arr::ApiResult result = ServiceFixture::wait(client.api->listSessions());
    QCOMPARE(result.kind, ErrorKind::Configuration);
    QVERIFY2(result.message.contains(u"http://sts.example.com"_s), qPrintable(result.message));
    QVERIFY2(result.message.contains(u"https"_s), qPrintable(result.message));
    QCOMPARE(client.log.size(), 0);
    QCOMPARE(m_emulator->requestCount(), 0);
}

void TestSessionApiTls::plainHttpSessionApiIsRefusedBeforeAnyToken()
{
    // The token service is fine (https, trusted), but the token would go to the session API in
    // the clear: the call is refused before even the token is fetched.
    trustTestCertificate();
    ServiceFixture client(
        QUrl(u"http://sessions.example.com"_s), AccountId, AccountKey, &m_clock, m_emulator->baseUrl());
    const arr::ApiResult result = ServiceFixture::wait(client.api->listSessions());
    QCOMPARE(result.kind, ErrorKind::Configuration);
    QVERIFY2(result.message.contains(u"http://sessions.example.com"_s), qPrintable(result.message));
    QCOMPARE(client.log.size(), 0);
    QCOMPARE(m_emulator->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestSessionApiTls)
#include "tst_sessionapi_tls.moc"
