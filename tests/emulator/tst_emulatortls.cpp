#include "TestHttp.h"

#include "core/Clock.h"
#include "emulator/EmulatorServer.h"
#include "emulator/TlsCredentials.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using arr::emulator::EmulatorServer;

namespace {

const QString Account = u"5a0c7d3e-9b1f-4e2a-8c6d-0f1e2d3c4b5a"_s;
const QString Key = u"dGxzLXRlc3Qta2V5"_s;

QString dataFile(const QString &name)
{
    return qEnvironmentVariable("ARRSM_TEST_DATA") + u"/tls/"_s + name;
}

} // namespace

// The emulator serving https with the self-signed test certificate in tests/data/tls: what a client
// that trusts the certificate gets, what one that does not gets (nothing served), and how the
// certificate and key are read and refused.
class TestEmulatorTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void servesHttpsWithTheCertificate();
    void clientThatDoesNotTrustTheCertificateIsServedNothing();
    void plainHttpToTheHttpsPortIsServedNothing();
    void setTlsRefusals();
    void readsCertificateAndKeyFiles();
    void unreadableFilesAreNamed_data();
    void unreadableFilesAreNamed();

private:
    arr::emulator::TlsCredentials m_tls;
    arr::ManualClock m_clock;
    std::unique_ptr<EmulatorServer> m_server;
};

void TestEmulatorTls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("This Qt has no TLS backend.");
    m_tls = arr::emulator::readTlsCredentials(dataFile(u"localhost.crt"_s), dataFile(u"localhost.key"_s));
    QVERIFY2(m_tls.ok(), qPrintable(m_tls.error));
}

void TestEmulatorTls::init()
{
    m_server = std::make_unique<EmulatorServer>(arr::emulator::EmulatorOptions{}, &m_clock);
    m_server->addAccount(Account, Key);
}

void TestEmulatorTls::cleanup()
{
    m_server.reset();
}

void TestEmulatorTls::servesHttpsWithTheCertificate()
{
    QVERIFY(!m_server->isTls());
    QVERIFY2(m_server->setTls(m_tls.certificate, m_tls.privateKey), qPrintable(m_server->errorString()));
    QVERIFY(m_server->isTls());
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    QCOMPARE(m_server->baseUrl().toString(), u"https://127.0.0.1:%1"_s.arg(m_server->port()));

    TestHttp http(m_server->baseUrl());
    http.trust(m_tls.certificate);
    QNetworkReply *reply = http.start("GET", u"/accounts/%1/token"_s.arg(Account), {},
        {{"Authorization", "Bearer " + Account.toUtf8() + ':' + Key.toUtf8()}});
    QSignalSpy encrypted(reply, &QNetworkReply::encrypted);
    const HttpResult tokenAnswer = TestHttp::finish(reply);
    QVERIFY2(tokenAnswer.status == 200, qPrintable(tokenAnswer.describe()));
    QVERIFY2(tokenAnswer.wireProblem().isEmpty(), qPrintable(tokenAnswer.wireProblem()));
    QCOMPARE(encrypted.count(), 1);

    const QByteArray token = tokenAnswer.object().value("AccessToken"_L1).toString().toLatin1();
    const HttpResult list = http.send("GET", u"/v1/accounts/%1/sessions"_s.arg(Account), {}, TestHttp::bearer(token));
    QVERIFY2(list.status == 200, qPrintable(list.describe()));
    QVERIFY2(list.wireProblem().isEmpty(), qPrintable(list.wireProblem()));
    QCOMPARE(m_server->requestCount(u"token"_s), 1);
    QCOMPARE(m_server->requestCount(u"list"_s), 1);
}

void TestEmulatorTls::clientThatDoesNotTrustTheCertificateIsServedNothing()
{
    QVERIFY(m_server->setTls(m_tls.certificate, m_tls.privateKey));
    QVERIFY(m_server->listen());

    QSignalSpy failedHandshakes(m_server.get(), &EmulatorServer::tlsHandshakeFailed);
    TestHttp http(m_server->baseUrl());
    QNetworkReply *reply = http.start("GET", u"/accounts/%1/token"_s.arg(Account), {},
        {{"Authorization", "Bearer " + Account.toUtf8() + ':' + Key.toUtf8()}});
    QList<QSslError> errors;
    connect(reply, &QNetworkReply::sslErrors, this, [&errors](const QList<QSslError> &list) { errors = list; });
    const HttpResult result = TestHttp::finish(reply);
    QVERIFY(result.finished);
    QCOMPARE(result.status, 0);
    QCOMPARE(result.error, QNetworkReply::SslHandshakeFailedError);
    QVERIFY(std::any_of(errors.begin(), errors.end(),
        [](const QSslError &error) { return error.error() == QSslError::SelfSignedCertificate; }));
    // The client hung up during the handshake: no request was read, so the key in the
    // Authorization header never reached the emulator.
    QTRY_COMPARE(failedHandshakes.count(), 1);
    QCOMPARE(m_server->requestCount(), 0);
}

void TestEmulatorTls::plainHttpToTheHttpsPortIsServedNothing()
{
    QVERIFY(m_server->setTls(m_tls.certificate, m_tls.privateKey));
    QVERIFY(m_server->listen());

    QUrl plain = m_server->baseUrl();
    plain.setScheme(u"http"_s);
    TestHttp http(plain);
    QElapsedTimer timer;
    timer.start();
    const HttpResult result = http.send("GET", u"/accounts/%1/token"_s.arg(Account), {},
        {{"Authorization", "Bearer " + Account.toUtf8() + ':' + Key.toUtf8()}});
    // Closed at once rather than left hanging.
    QVERIFY2(result.finished && result.status == 0, qPrintable(result.describe()));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(m_server->requestCount(), 0);
}

void TestEmulatorTls::setTlsRefusals()
{
    QVERIFY(!m_server->setTls(QSslCertificate(), m_tls.privateKey));
    QVERIFY2(m_server->errorString().contains(u"certificate"_s), qPrintable(m_server->errorString()));
    QVERIFY(!m_server->setTls(m_tls.certificate, QSslKey()));
    QVERIFY(!m_server->setTls(m_tls.certificate, m_tls.certificate.publicKey()));
    QVERIFY2(m_server->errorString().contains(u"private key"_s), qPrintable(m_server->errorString()));
    QVERIFY(!m_server->isTls());

    // Refused setups leave plain http; once listening, TLS can no longer be set up.
    QVERIFY(m_server->listen());
    QVERIFY(!m_server->setTls(m_tls.certificate, m_tls.privateKey));
    QVERIFY2(m_server->errorString().contains(u"before"_s), qPrintable(m_server->errorString()));
    QVERIFY(!m_server->isTls());
    QCOMPARE(m_server->baseUrl().scheme(), u"http"_s);
}

void TestEmulatorTls::readsCertificateAndKeyFiles()
{
    QVERIFY(!m_tls.certificate.isNull());
    QCOMPARE(m_tls.certificate.subjectInfo(QSslCertificate::CommonName), QStringList{u"localhost"_s});
    QVERIFY(m_tls.certificate.isSelfSigned());
    const auto names = m_tls.certificate.subjectAlternativeNames();
    QVERIFY(names.values(QSsl::DnsEntry).contains(u"localhost"_s));
    QVERIFY(names.values(QSsl::IpAddressEntry).contains(u"127.0.0.1"_s));
    // Valid for years to come, so the tests do not start failing one day.
    QVERIFY(m_tls.certificate.expiryDate() > QDateTime::currentDateTimeUtc().addYears(10));
    QCOMPARE(m_tls.privateKey.type(), QSsl::PrivateKey);
    QCOMPARE(m_tls.privateKey.algorithm(), QSsl::Rsa);
}

void TestEmulatorTls::unreadableFilesAreNamed_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");

    const QString cert = dataFile(u"localhost.crt"_s);
    const QString key = dataFile(u"localhost.key"_s);
    const QString missing = dataFile(u"no-such-file.pem"_s);
    QTest::newRow("certificate missing") << missing << key << u"--tls-cert \"%1\" cannot be read"_s.arg(missing);
    QTest::newRow("key missing") << cert << missing << u"--tls-key \"%1\" cannot be read"_s.arg(missing);
    QTest::newRow("no certificate in the file") << key << key << u"--tls-cert \"%1\" holds no certificate"_s.arg(key);
    QTest::newRow("no key in the file") << cert << cert
                                        << u"--tls-key \"%1\" holds no unencrypted private key"_s.arg(cert);
#ifdef Q_OS_UNIX
    // A device that never ends is read no further than a certificate's sane size.
    QTest::newRow("certificate /dev/zero")
        << u"/dev/zero"_s << key << u"--tls-cert \"/dev/zero\" is larger than 1024 KiB"_s;
    QTest::newRow("key /dev/zero") << cert << u"/dev/zero"_s << u"--tls-key \"/dev/zero\" is larger than 1024 KiB"_s;
#endif
}

void TestEmulatorTls::unreadableFilesAreNamed()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    QElapsedTimer timer;
    timer.start();
    const arr::emulator::TlsCredentials read = arr::emulator::readTlsCredentials(certificate, key);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!read.ok());
    QVERIFY2(read.error.startsWith(expected), qPrintable(read.error));
}

QTEST_GUILESS_MAIN(TestEmulatorTls)
#include "tst_emulatortls.moc"
