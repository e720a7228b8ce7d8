#include "TestHttp.h"

#include "core/JsonCodec.h"
#include "emulator/EmulatorCommandLine.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <memory>
#include <vector>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using arr::emulator::EmulatorCommandLine;
using arr::emulator::parseCommandLine;

namespace {

const QString Executable = QStringLiteral(ARR_EMULATOR_EXECUTABLE);

QString tlsFile(const QString &name)
{
    return qEnvironmentVariable("ARRSM_TEST_DATA") + u"/tls/"_s + name;
}

// A running arr-emulator process, killed when it goes out of scope.
class EmulatorProcess
{
public:
    ~EmulatorProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            QSignalSpy finished(&m_process, &QProcess::finished);
            finished.wait(5000);
        }
    }
    QProcess &process() { return m_process; }

    // The next line of standard output, or an empty string after `timeoutMs`.
    QString readLine(int timeoutMs = 10'000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_process.canReadLine() && timer.elapsed() < timeoutMs && m_process.state() != QProcess::NotRunning) {
            QSignalSpy output(&m_process, &QProcess::readyReadStandardOutput);
            output.wait(int(std::max<qint64>(1, timeoutMs - timer.elapsed())));
        }
        return m_process.canReadLine() ? QString::fromUtf8(m_process.readLine()).trimmed() : QString();
    }

private:
    QProcess m_process;
};

} // namespace

// The arr-emulator command line: parsing in-process, and the built executable end to end.
class TestEmulatorCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void everyOption();
    void refusals_data();
    void refusals();
    void helpAndVersion();
    void tlsOptions();

    void executableServesTheSeedCalls();
    void executableUsesGivenAccountsAndDemoSessions();
    void executableAddsExtraSessionsAndEndsWithItsInput();
    void executableRejectsBadOptions_data();
    void executableRejectsBadOptions();
    void executablePrintsHelpAndVersion();
    void executableServesHttps();
    void executableRejectsUnusableTlsFiles_data();
    void executableRejectsUnusableTlsFiles();
    void executableHoldsWhenDescriptorsRunShort();
};

void TestEmulatorCommandLine::defaults()
{
    const EmulatorCommandLine parsed = parseCommandLine({u"arr-emulator"_s});
    QCOMPARE(parsed.action, EmulatorCommandLine::Action::Run);
    QCOMPARE(parsed.address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(parsed.port, quint16(0));
    QVERIFY(parsed.accounts.isEmpty());
    QVERIFY(!parsed.demoSessions);
    QCOMPARE(parsed.timeScale, 1.0);
    QCOMPARE(parsed.options.startDelayMs, 20'000);
    QCOMPARE(parsed.options.stopDelayMs, 3'000);
    QCOMPARE(parsed.options.retentionMs, 600'000);
    QCOMPARE(parsed.options.rateLimitPerSecond, 0);
    QCOMPARE(parsed.options.faults.errorRate, 0.0);
    QCOMPARE(parsed.options.faults.seed, 1u);
    QCOMPARE(parsed.options.idleTimeoutMs, 30'000);
    QCOMPARE(parsed.options.maxConnections, 256);
    QCOMPARE(parsed.options.pageSize, 100);
}

void TestEmulatorCommandLine::everyOption()
{
    const EmulatorCommandLine parsed = parseCommandLine(
        {u"arr-emulator"_s, u"--listen"_s, u"::1"_s, u"--port"_s, u"8081"_s, u"--account"_s, u"a:k1"_s, u"--account"_s,
            u"b:k:2"_s, u"--demo-sessions"_s, u"--start-delay"_s, u"2.5"_s, u"--stop-delay"_s, u"1"_s, u"--retention"_s,
            u"30"_s, u"--token-lifetime"_s, u"3600"_s, u"--time-scale"_s, u"60"_s, u"--rate-limit"_s, u"5"_s,
            u"--fault-error-rate"_s, u"0.1"_s, u"--fault-latency-rate"_s, u"0.2"_s, u"--fault-latency-ms"_s, u"250"_s,
            u"--fault-drop-rate"_s, u"0.3"_s, u"--fault-malformed-rate"_s, u"1"_s, u"--seed"_s, u"4294967295"_s,
            u"--idle-timeout"_s, u"0.5"_s, u"--max-connections"_s, u"12"_s, u"--page-size"_s, u"2"_s, u"--verbose"_s});
    QVERIFY2(parsed.action == EmulatorCommandLine::Action::Run, qPrintable(parsed.error));
    QCOMPARE(parsed.address, QHostAddress(QHostAddress::LocalHostIPv6));
    QCOMPARE(parsed.port, quint16(8081));
    QCOMPARE(parsed.accounts.size(), 2);
    QCOMPARE(parsed.accounts.at(1).first, u"b"_s);
    QCOMPARE(parsed.accounts.at(1).second, u"k:2"_s);
    QVERIFY(parsed.demoSessions);
    QVERIFY(parsed.verbose);
    QCOMPARE(parsed.options.startDelayMs, 2'500);
    QCOMPARE(parsed.options.stopDelayMs, 1'000);
    QCOMPARE(parsed.options.retentionMs, 30'000);
    QCOMPARE(parsed.options.tokenLifetimeMs, 3'600'000);
    QCOMPARE(parsed.timeScale, 60.0);
    QCOMPARE(parsed.options.rateLimitPerSecond, 5);
    QCOMPARE(parsed.options.faults.errorRate, 0.1);
    QCOMPARE(parsed.options.faults.latencyRate, 0.2);
    QCOMPARE(parsed.options.faults.latencyMs, 250);
    QCOMPARE(parsed.options.faults.dropRate, 0.3);
    QCOMPARE(parsed.options.faults.malformedRate, 1.0);
    QCOMPARE(parsed.options.faults.seed, 4294967295u);
    QCOMPARE(parsed.options.idleTimeoutMs, 500);
    QCOMPARE(parsed.options.maxConnections, 12);
    QCOMPARE(parsed.options.pageSize, 2);
}

void TestEmulatorCommandLine::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << u"frobnicate"_s;
    QTest::newRow("missing value") << QStringList{u"--port"_s} << u"port"_s;
    QTest::newRow("positional") << QStringList{u"extra"_s} << u"extra"_s;
    QTest::newRow("port text") << QStringList{u"--port"_s, u"http"_s} << u"--port"_s;
    QTest::newRow("port too big") << QStringList{u"--port"_s, u"65536"_s} << u"--port"_s;
    QTest::newRow("address") << QStringList{u"--listen"_s, u"example.com"_s} << u"--listen"_s;
    QTest::newRow("account without key") << QStringList{u"--account"_s, u"abc"_s} << u"ID:KEY"_s;
    QTest::newRow("account empty id") << QStringList{u"--account"_s, u":key"_s} << u"ID:KEY"_s;
    QTest::newRow("rate above one") << QStringList{u"--fault-error-rate"_s, u"1.5"_s} << u"probability"_s;
    QTest::newRow("rate negative") << QStringList{u"--fault-drop-rate"_s, u"-0.1"_s} << u"probability"_s;
    QTest::newRow("rate text") << QStringList{u"--fault-malformed-rate"_s, u"half"_s} << u"probability"_s;
    QTest::newRow("rate nan") << QStringList{u"--fault-latency-rate"_s, u"nan"_s} << u"probability"_s;
    QTest::newRow("latency negative") << QStringList{u"--fault-latency-ms"_s, u"-5"_s} << u"milliseconds"_s;
    QTest::newRow("start delay negative") << QStringList{u"--start-delay"_s, u"-1"_s} << u"--start-delay"_s;
    QTest::newRow("retention text") << QStringList{u"--retention"_s, u"long"_s} << u"--retention"_s;
    QTest::newRow("time scale zero") << QStringList{u"--time-scale"_s, u"0"_s} << u"--time-scale"_s;
    QTest::newRow("rate limit fraction") << QStringList{u"--rate-limit"_s, u"1.5"_s} << u"--rate-limit"_s;
    QTest::newRow("seed negative") << QStringList{u"--seed"_s, u"-1"_s} << u"--seed"_s;
    QTest::newRow("token lifetime zero") << QStringList{u"--token-lifetime"_s, u"0"_s} << u"--token-lifetime"_s;
    QTest::newRow("idle timeout zero") << QStringList{u"--idle-timeout"_s, u"0"_s} << u"--idle-timeout"_s;
    QTest::newRow("idle timeout text") << QStringList{u"--idle-timeout"_s, u"soon"_s} << u"--idle-timeout"_s;
    QTest::newRow("max connections zero") << QStringList{u"--max-connections"_s, u"0"_s} << u"--max-connections"_s;
    QTest::newRow("page size zero") << QStringList{u"--page-size"_s, u"0"_s} << u"--page-size"_s;
    QTest::newRow("page size text") << QStringList{u"--page-size"_s, u"many"_s} << u"--page-size"_s;
    QTest::newRow("certificate without key") << QStringList{u"--tls-cert"_s, u"a.crt"_s} << u"--tls-key"_s;
    QTest::newRow("key without certificate") << QStringList{u"--tls-key"_s, u"a.key"_s} << u"--tls-cert"_s;
    QTest::newRow("empty certificate name")
        << QStringList{u"--tls-cert"_s, QString(), u"--tls-key"_s, u"a.key"_s} << u"file names"_s;
}

void TestEmulatorCommandLine::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    arguments.prepend(u"arr-emulator"_s);
    const EmulatorCommandLine parsed = parseCommandLine(arguments);
    QCOMPARE(parsed.action, EmulatorCommandLine::Action::Fail);
    QVERIFY2(parsed.error.contains(expected), qPrintable(parsed.error));
}

void TestEmulatorCommandLine::helpAndVersion()
{
    QCOMPARE(parseCommandLine({u"arr-emulator"_s, u"--help"_s}).action, EmulatorCommandLine::Action::Help);
    QCOMPARE(parseCommandLine({u"arr-emulator"_s, u"-h"_s}).action, EmulatorCommandLine::Action::Help);
    QCOMPARE(parseCommandLine({u"arr-emulator"_s, u"--version"_s}).action, EmulatorCommandLine::Action::Version);
    const QString help = parseCommandLine({u"arr-emulator"_s, u"--help"_s}).helpText;
    for (const QString &option : {u"--listen"_s, u"--port"_s, u"--account"_s, u"--demo-sessions"_s, u"--start-delay"_s,
             u"--time-scale"_s, u"--retention"_s, u"--rate-limit"_s, u"--fault-error-rate"_s, u"--fault-latency-rate"_s,
             u"--fault-latency-ms"_s, u"--fault-drop-rate"_s, u"--fault-malformed-rate"_s, u"--seed"_s,
             u"--idle-timeout"_s, u"--max-connections"_s, u"--page-size"_s, u"--extra-sessions"_s,
             u"--exit-with-stdin"_s})
        QVERIFY2(help.contains(option), qPrintable(option));
}

void TestEmulatorCommandLine::tlsOptions()
{
    const EmulatorCommandLine plain = parseCommandLine({u"arr-emulator"_s});
    QVERIFY(plain.tlsCertificateFile.isEmpty());
    QVERIFY(plain.tlsKeyFile.isEmpty());
    const EmulatorCommandLine parsed
        = parseCommandLine({u"arr-emulator"_s, u"--tls-cert"_s, u"server.crt"_s, u"--tls-key"_s, u"server.key"_s});
    QVERIFY2(parsed.action == EmulatorCommandLine::Action::Run, qPrintable(parsed.error));
    QCOMPARE(parsed.tlsCertificateFile, u"server.crt"_s);
    QCOMPARE(parsed.tlsKeyFile, u"server.key"_s);
    QVERIFY(parsed.helpText.contains(u"--tls-cert"_s));
    QVERIFY(parsed.helpText.contains(u"--tls-key"_s));
}

void TestEmulatorCommandLine::executableServesTheSeedCalls()
{
    QVERIFY2(QFile::exists(Executable), qPrintable(Executable));
    EmulatorProcess emulator;
    emulator.process().start(Executable, {u"--port"_s, u"0"_s, u"--start-delay"_s, u"0"_s});

    const QString listening = emulator.readLine();
    const auto listenMatch = QRegularExpression(u"^listening on (http://127\\.0\\.0\\.1:(\\d+))$"_s).match(listening);
    QVERIFY2(listenMatch.hasMatch(), qPrintable(listening));
    QVERIFY(listenMatch.captured(2).toInt() > 0);
    const QString accountLine = emulator.readLine();
    const auto accountMatch = QRegularExpression(u"^account (\\S+) key (\\S+)$"_s).match(accountLine);
    QVERIFY2(accountMatch.hasMatch(), qPrintable(accountLine));
    const QString account = accountMatch.captured(1);
    const QString key = accountMatch.captured(2);
    QVERIFY2(!QUuid::fromString(account).isNull(), qPrintable(account));

    TestHttp http{QUrl(listenMatch.captured(1))};
    const QByteArray token = http.token(account, key);
    QVERIFY(!token.isEmpty());
    const QString sessions = u"/v1/accounts/%1/sessions"_s.arg(account);

    const HttpResult created = http.send("POST", sessions + u"/create"_s,
        "{ 'maxLeaseTime': '4:0:0', 'models': [], 'size': 'small' }", TestHttp::bearer(token));
    QCOMPARE(created.status, 202);
    QVERIFY2(created.wireProblem().isEmpty(), qPrintable(created.wireProblem()));
    const QString id = created.object().value("sessionId"_L1).toString();
    QCOMPARE(created.header("Location"), u"accounts/%1/sessions/%2"_s.arg(account, id).toUtf8());

    const HttpResult list = http.send("GET", sessions, {}, TestHttp::bearer(token));
    QCOMPARE(list.status, 200);
    const auto decoded = arr::v1::decodeSessionList(list.body);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.value->size(), 1);
    QCOMPARE(decoded.value->constFirst().id, id);

    const HttpResult props = http.send("GET", sessions + u'/' + id + u"/properties"_s, {}, TestHttp::bearer(token));
    QCOMPARE(props.status, 200);
    QCOMPARE(props.object().value("sessionStatus"_L1).toString(), u"ready"_s);

    const HttpResult extended
        = http.send("PATCH", sessions + u'/' + id, "{ 'maxLeaseTime': '5:0:0' }", TestHttp::bearer(token));
    QCOMPARE(extended.status, 200);
    QVERIFY(extended.body.isEmpty());

    const HttpResult stopped = http.send("DELETE", sessions + u'/' + id, {}, TestHttp::bearer(token));
    QCOMPARE(stopped.status, 204);
    QVERIFY2(stopped.wireProblem().isEmpty(), qPrintable(stopped.wireProblem()));

    const HttpResult after = http.send("GET", sessions + u'/' + id + u"/properties"_s, {}, TestHttp::bearer(token));
    QCOMPARE(after.object().value("sessionStatus"_L1).toString(), u"stopping"_s);
    QCOMPARE(after.object().value("sessionMaxLeaseTime"_L1).toString(), u"05:00:00"_s);
    QCOMPARE(emulator.process().state(), QProcess::Running);
}

void TestEmulatorCommandLine::executableUsesGivenAccountsAndDemoSessions()
{
    EmulatorProcess emulator;
    emulator.process().start(Executable,
        {u"--port"_s, u"0"_s, u"--account"_s, u"acc-one:key-one"_s, u"--demo-sessions"_s, u"--time-scale"_s, u"2"_s});
    const QString listening = emulator.readLine();
    QVERIFY2(listening.startsWith(u"listening on http://127.0.0.1:"_s), qPrintable(listening));
    TestHttp http{QUrl(listening.mid(13))};

    QVERIFY(http.token(u"acc-one"_s, u"wrong"_s).isEmpty());
    const QByteArray token = http.token(u"acc-one"_s, u"key-one"_s);
    QVERIFY(!token.isEmpty());
    const HttpResult list = http.send("GET", u"/v1/accounts/acc-one/sessions"_s, {}, TestHttp::bearer(token));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.object().value("sessions"_L1).toArray().size(), 7);
    // Given accounts are not printed (their keys are the caller's).
    QVERIFY(!emulator.process().readAllStandardOutput().contains("account"));
}

void TestEmulatorCommandLine::executableAddsExtraSessionsAndEndsWithItsInput()
{
    EmulatorProcess emulator;
    emulator.process().start(Executable,
        {u"--port"_s, u"0"_s, u"--account"_s, u"acc-one:key-one"_s, u"--extra-sessions"_s, u"25"_s,
            u"--exit-with-stdin"_s});
    const QString listening = emulator.readLine();
    QVERIFY2(listening.startsWith(u"listening on http://127.0.0.1:"_s), qPrintable(listening));
    TestHttp http{QUrl(listening.mid(13))};
    const QByteArray token = http.token(u"acc-one"_s, u"key-one"_s);
    const HttpResult list = http.send("GET", u"/v1/accounts/acc-one/sessions"_s, {}, TestHttp::bearer(token));
    const QJsonArray sessions = list.object().value("sessions"_L1).toArray();
    QCOMPARE(sessions.size(), 25);
    for (const QJsonValue &session : sessions)
        QCOMPARE(session.toObject().value("sessionStatus"_L1).toString(), u"ready"_s);

    // The parent that started it goes away: its end of the pipe closes, and the emulator ends too.
    emulator.process().closeWriteChannel();
    QTRY_COMPARE_WITH_TIMEOUT(emulator.process().state(), QProcess::NotRunning, 10'000);
    QCOMPARE(emulator.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(emulator.process().exitCode(), 0);
}

void TestEmulatorCommandLine::executableRejectsBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown option") << QStringList{u"--nope"_s};
    QTest::newRow("rate above one") << QStringList{u"--fault-error-rate"_s, u"2"_s};
    QTest::newRow("bad port") << QStringList{u"--port"_s, u"x"_s};
    QTest::newRow("bad account") << QStringList{u"--account"_s, u"only-id"_s};
    QTest::newRow("bad extra sessions") << QStringList{u"--extra-sessions"_s, u"-1"_s};
}

void TestEmulatorCommandLine::executableRejectsBadOptions()
{
    QFETCH(QStringList, arguments);
    QProcess process;
    process.start(Executable, arguments);
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 10'000);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    const QByteArray error = process.readAllStandardError();
    QVERIFY2(error.startsWith("arr-emulator: "), error.constData());
}

void TestEmulatorCommandLine::executablePrintsHelpAndVersion()
{
    QProcess process;
    process.start(Executable, {u"--version"_s});
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 10'000);
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(process.readAllStandardOutput().trimmed(), QByteArray("arr-emulator " ARRSM_VERSION));

    process.start(Executable, {u"--help"_s});
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 10'000);
    QCOMPARE(process.exitCode(), 0);
    const QByteArray help = process.readAllStandardOutput();
    QVERIFY(help.contains("--fault-drop-rate"));
    QVERIFY(help.contains("listening on"));
}

void TestEmulatorCommandLine::executableServesHttps()
{
    EmulatorProcess emulator;
    emulator.process().start(Executable,
        {u"--port"_s, u"0"_s, u"--account"_s, u"acc-tls:key-tls"_s, u"--tls-cert"_s, tlsFile(u"localhost.crt"_s),
            u"--tls-key"_s, tlsFile(u"localhost.key"_s)});
    const QString listening = emulator.readLine();
    const auto match = QRegularExpression(u"^listening on (https://127\\.0\\.0\\.1:(\\d+))$"_s).match(listening);
    QVERIFY2(match.hasMatch(), qPrintable(listening + QString::fromUtf8(emulator.process().readAllStandardError())));

    TestHttp http{QUrl(match.captured(1))};
    // Refused while the certificate is not trusted, served once it is.
    QVERIFY(http.token(u"acc-tls"_s, u"key-tls"_s).isEmpty());
    const auto certificates = QSslCertificate::fromPath(tlsFile(u"localhost.crt"_s));
    QCOMPARE(certificates.size(), 1);
    http.trust(certificates.first());
    const QByteArray token = http.token(u"acc-tls"_s, u"key-tls"_s);
    QVERIFY(!token.isEmpty());
    const HttpResult list = http.send("GET", u"/v1/accounts/acc-tls/sessions"_s, {}, TestHttp::bearer(token));
    QCOMPARE(list.status, 200);
    QVERIFY2(list.wireProblem().isEmpty(), qPrintable(list.wireProblem()));
    QCOMPARE(emulator.process().state(), QProcess::Running);
}

void TestEmulatorCommandLine::executableRejectsUnusableTlsFiles_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");

    const QString cert = tlsFile(u"localhost.crt"_s);
    const QString key = tlsFile(u"localhost.key"_s);
    const QString missing = tlsFile(u"missing.pem"_s);
    QTest::newRow("certificate missing") << QStringList{u"--tls-cert"_s, missing, u"--tls-key"_s, key} << missing;
    QTest::newRow("key missing") << QStringList{u"--tls-cert"_s, cert, u"--tls-key"_s, missing} << missing;
    QTest::newRow("key is a certificate") << QStringList{u"--tls-cert"_s, cert, u"--tls-key"_s, cert} << cert;
    QTest::newRow("certificate is a key") << QStringList{u"--tls-cert"_s, key, u"--tls-key"_s, key} << key;
    QTest::newRow("no key") << QStringList{u"--tls-cert"_s, cert} << u"--tls-key"_s;
#ifdef Q_OS_UNIX
    // Read no further than a sane size, then refused with a sentence (the process used to read forever).
    QTest::newRow("certificate /dev/zero")
        << QStringList{u"--tls-cert"_s, u"/dev/zero"_s, u"--tls-key"_s, key} << u"is larger than 1024 KiB"_s;
#endif
}

void TestEmulatorCommandLine::executableRejectsUnusableTlsFiles()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    QProcess process;
    process.start(Executable, QStringList{u"--port"_s, u"0"_s} + arguments);
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 10'000);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    // Never "listening on": nothing was served.
    QVERIFY(process.readAllStandardOutput().isEmpty());
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.startsWith(u"arr-emulator: "_s), qPrintable(error));
    QVERIFY2(error.contains(named), qPrintable(error));
}

void TestEmulatorCommandLine::executableHoldsWhenDescriptorsRunShort()
{
#ifndef Q_OS_LINUX
    QSKIP("Reads the emulator's CPU time from /proc.");
#else
    // The process's CPU time in seconds.
    const auto cpuSeconds = [](qint64 pid) {
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return -1.0;
        const QList<QByteArray> fields = stat.readAll().split(')').constLast().trimmed().split(' ');
        return (fields.value(11).toDouble() + fields.value(12).toDouble()) / double(sysconf(_SC_CLK_TCK));
    };
    EmulatorProcess emulator;
    // 64 descriptors, then more connections than that (but not more than the emulator's share and
    // the listen backlog, which would leave clients waiting on SYN retries): it used to spin at
    // 100 % CPU, retrying accept() as soon as it failed.
    emulator.process().setChildProcessModifier([] {
        const rlimit limit{64, 64};
        setrlimit(RLIMIT_NOFILE, &limit);
    });
    emulator.process().start(Executable, {u"--port"_s, u"0"_s, u"--account"_s, u"acc:key"_s});
    const QString listening = emulator.readLine();
    const auto match = QRegularExpression(u"^listening on (http://127\\.0\\.0\\.1:(\\d+))$"_s).match(listening);
    QVERIFY2(match.hasMatch(), qPrintable(listening));
    const auto port = quint16(match.captured(2).toUInt());
    // One request served, and its connection closed by the emulator, while descriptors are free, so
    // that a connection's whole life has run once before the flood. A sanitizer build needs that: the
    // first time UBSan checks a pair of types, its runtime (GCC 12's) probes the vtable through a
    // pipe; with every descriptor taken the pipe fails, and UBSan reports a live HttpConnection as
    // "not an object of type 'QObject'" (in finish()) and stops the emulator.
    TestHttp http(QUrl(match.captured(1)));
    const HttpResult first = http.send(
        "GET", u"/accounts/acc/token"_s, {}, {{"Authorization", "Bearer acc:key"}, {"Connection", "close"}});
    QVERIFY2(first.status == 200, qPrintable(first.describe()));

    std::vector<std::unique_ptr<QTcpSocket>> flood;
    for (int i = 0; i < 80; ++i) {
        flood.push_back(std::make_unique<QTcpSocket>());
        flood.back()->connectToHost(QHostAddress::LocalHost, port);
    }
    // Served, waiting their turn, or waiting in the listen backlog: connected all the same.
    for (const auto &socket : flood)
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::ConnectedState, 10'000);
    const double before = cpuSeconds(emulator.process().processId());
    QElapsedTimer wall;
    wall.start();
    QTRY_VERIFY_WITH_TIMEOUT(wall.elapsed() >= 1000, 5000);
    const double used = cpuSeconds(emulator.process().processId()) - before;
    qInfo("80 connections to an emulator limited to 64 descriptors: %.2f s of CPU in %lld ms", used, wall.elapsed());
    QVERIFY2(used < 0.3, qPrintable(QString::number(used)));

    // Once they are gone, it serves again.
    flood.clear();
    const bool served = !http.token(u"acc"_s, u"key"_s).isEmpty();
    QVERIFY2(served,
        qPrintable(u"the emulator is %1; its last words: %2"_s.arg(
            emulator.process().state() == QProcess::Running ? u"running"_s : u"gone"_s,
            QString::fromUtf8(emulator.process().readAllStandardError().right(4000)))));
#endif
}

QTEST_GUILESS_MAIN(TestEmulatorCommandLine)
#include "tst_emulatorcommandline.moc"
