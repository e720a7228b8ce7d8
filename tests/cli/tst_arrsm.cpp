#include "OpenMetricsParser.h"
#include "common/ArrsmProcess.h"
#include "core/Clock.h"
#include "emulator/EmulatorServer.h"
#include "storage/AccountStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using arr::SessionStatus;
using arr::emulator::EmulatorOptions;
using arr::emulator::EmulatorServer;
using arr::emulator::SessionSeed;

namespace {

const QString AccountId = u"01234567-89ab-cdef-0123-456789abcdef"_s;
// Distinctive, so that finding it anywhere in the output is certain to be a leak.
const QString AccountKey = u"S3cretKey-c2VjcmV0LWtleS1mb3ItYXJyc20="_s;
// Header and payload of a JWT are JSON objects, whose base64url always starts with "eyJ".
const QRegularExpression JwtShape(u"eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\."_s);
const QRegularExpression BearerValue(u"Bearer\\s+[^\\s{\\[]"_s);

// What one run of the arrsm binary did.
using Run = ArrsmRun;

// What 2021-01-01 adds to every session arrsm prints, for either API version (null where absent).
const QStringList GaFields{u"creationTime"_s, u"teraflops"_s, u"handshakePort"_s, u"arrInspectorPort"_s};

const QStringList V1Fields{u"sessionId"_s, u"sessionStatus"_s, u"sessionHostname"_s, u"sessionElapsedTime"_s,
    u"sessionMaxLeaseTime"_s, u"sessionSize"_s, u"message"_s, u"remaining"_s};

bool hasEveryField(const QJsonObject &object)
{
    for (const QString &field : V1Fields) {
        if (!object.contains(field))
            return false;
    }
    return true;
}

SessionSeed seed(SessionStatus status, arr::TimeSpan age = arr::TimeSpan::fromMinutes(10))
{
    SessionSeed seed;
    seed.status = status;
    seed.age = age;
    return seed;
}

} // namespace

// The arrsm binary, run as a script would run it, against the emulator started in this process. The
// child is awaited with QSignalSpy::wait so that this event loop keeps serving the emulator.
class TestArrsm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void helpAndVersion();
    void usageErrorsSendNothing_data();
    void usageErrorsSendNothing();
    void listEmpty();
    void listTableAndJson();
    void showJsonShapeAndNulls();
    void showUnknownSessionFails();
    void createPrintsTheNewSession();
    void createWaitFollowsToReady();
    void createIsSentOnceWhenTheServiceFails();
    void safeCallsAreRetried();
    void extendLease();
    void stopSession();
    void stopWaitUntilStopped();
    void waitTimesOut();
    void waitOnEndedSession_data();
    void waitOnEndedSession();
    void waitUntilStopped();
    void waitOnUnknownSessionFails();
    void optionsAndEnvironment();
    void wrongKeyFails();
    void savedAccounts();
    void savedAccountNeedsTheKeychain();
    void secretsNeverPrinted();
    void metricsParsedByPrometheusClient();
    void gaCreateListExtendStop();
    void gaCreateRefusesAnInvalidId_data();
    void gaCreateRefusesAnInvalidId();

private:
    void startEmulator(const EmulatorOptions &options = {}, std::unique_ptr<arr::Clock> clock = nullptr);
    // The environment of a child: nothing of this machine's arrsm settings, accounts or keychain.
    QProcessEnvironment bareEnvironment() const;
    // bareEnvironment() with the emulator's address and the account's id and key.
    QProcessEnvironment environment() const;
    Run run(const QStringList &arguments, const QProcessEnvironment &environment, int timeoutMs = 30'000);
    Run run(const QStringList &arguments) { return run(arguments, environment()); }
    QString addSession(const SessionSeed &seed) { return m_emulator->addSession(AccountId, seed); }

    std::unique_ptr<arr::Clock> m_clock;
    std::unique_ptr<EmulatorServer> m_emulator;
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestArrsm::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    startEmulator();
}

void TestArrsm::cleanup()
{
    m_emulator.reset();
    m_clock.reset();
    m_home.reset();
}

void TestArrsm::startEmulator(const EmulatorOptions &options, std::unique_ptr<arr::Clock> clock)
{
    m_emulator.reset();
    m_clock = std::move(clock);
    m_emulator = std::make_unique<EmulatorServer>(options, m_clock.get());
    m_emulator->addAccount(AccountId, AccountKey);
    QVERIFY2(m_emulator->listen(QHostAddress::LocalHost, 0), qPrintable(m_emulator->errorString()));
}

QProcessEnvironment TestArrsm::bareEnvironment() const
{
    return arrsmBareEnvironment(m_home->path());
}

QProcessEnvironment TestArrsm::environment() const
{
    return arrsmEnvironment(m_home->path(), m_emulator->baseUrl(), AccountId, AccountKey);
}

Run TestArrsm::run(const QStringList &arguments, const QProcessEnvironment &environment, int timeoutMs)
{
    // A wait asks every tenth of a second rather than every five, against the local emulator.
    QStringList withInterval = arguments;
    if (arguments.value(0) == u"wait"_s || arguments.contains(u"--wait"_s))
        withInterval << u"--interval"_s << u"0.1"_s;
    return runArrsm(withInterval, environment, {timeoutMs, false});
}

void TestArrsm::helpAndVersion()
{
    const Run help = run({u"--help"_s}, bareEnvironment());
    COMPARE_EXIT(help, 0);
    QVERIFY(help.out.startsWith("Usage: arrsm [options] <command> [arguments]"));
    QVERIFY(help.out.contains("Exit status"));
    QVERIFY(help.err.isEmpty());

    const Run create = run({u"create"_s, u"--help"_s}, bareEnvironment());
    COMPARE_EXIT(create, 0);
    QVERIFY(create.out.startsWith("Usage: arrsm [options] create --lease H:MM[:SS] --size SIZE"));

    const Run version = run({u"--version"_s}, bareEnvironment());
    COMPARE_EXIT(version, 0);
    QCOMPARE(version.out, QByteArray("arrsm " ARRSM_VERSION "\n"));
    QCOMPARE(m_emulator->requestCount(), 0);
}

void TestArrsm::usageErrorsSendNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QStringList create{u"create"_s, u"--size"_s, u"standard"_s};
    QTest::newRow("lease too long") << create + QStringList{u"--lease"_s, u"25:00"_s}
                                    << u"1 d 01:00:00 is longer than 24 hours"_s;
    QTest::newRow("lease zero") << create + QStringList{u"--lease"_s, u"0:00"_s} << u"longer than zero"_s;
    QTest::newRow("lease not a time") << create + QStringList{u"--lease=abc"_s} << u"abc"_s;
    QTest::newRow("model not a url") << create + QStringList{u"--lease=1:00"_s, u"--model"_s, u"model.arrAsset"_s}
                                     << u"\"model.arrAsset\" is not a full URL"_s;
    QTest::newRow("unknown command") << QStringList{u"start"_s} << u"Unknown command \"start\""_s;
    QTest::newRow("unknown option") << QStringList{u"list"_s, u"--all"_s} << u"--all"_s;
    QTest::newRow("plain http remote endpoint")
        << QStringList{u"list"_s, u"--endpoint"_s, u"http://example.com"_s} << u"plain http"_s;
    QTest::newRow("timeout not positive")
        << QStringList{u"wait"_s, u"00000000-0000-0000-0000-000000000000"_s, u"--timeout"_s, u"0"_s} << u"--timeout"_s;
    // ".." and "." would normalise away in the path: DELETE .../sessions/.. is the account itself.
    QTest::newRow("stop dot dot") << QStringList{u"stop"_s, u".."_s} << u"\"..\" is not a session id"_s;
    QTest::newRow("show dot") << QStringList{u"show"_s, u"."_s} << u"\".\" is not a session id"_s;
    QTest::newRow("wait escaping id") << QStringList{u"wait"_s, u"../../sessions"_s} << u"not a GUID"_s;
    QTest::newRow("extend without id") << QStringList{u"extend"_s, u"--lease"_s, u"2:00"_s} << u"session id"_s;
}

void TestArrsm::usageErrorsSendNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run result = run(arguments);
    COMPARE_EXIT(result, 2);
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.startsWith(u"arrsm: "_s), qPrintable(err));
    QVERIFY2(err.contains(message), qPrintable(err));
    QVERIFY2(err.contains(u"Usage: arrsm"_s), qPrintable(err));
    QVERIFY(result.out.isEmpty());
    QCOMPARE(m_emulator->requestCount(), 0);
}

void TestArrsm::listEmpty()
{
    const Run table = run({u"list"_s});
    COMPARE_EXIT(table, 0);
    QCOMPARE(table.out, QByteArray("No sessions.\n"));

    const Run json = run({u"list"_s, u"--json"_s});
    COMPARE_EXIT(json, 0);
    QCOMPARE(json.out.trimmed(), QByteArray("[]"));
}

void TestArrsm::listTableAndJson()
{
    const QString ready = addSession(seed(SessionStatus::Ready));
    const QString starting = addSession(seed(SessionStatus::Starting, {}));
    SessionSeed failedSeed = seed(SessionStatus::Error);
    failedSeed.message = u"No capacity in the region."_s;
    const QString failed = addSession(failedSeed);

    const Run table = run({u"list"_s});
    COMPARE_EXIT(table, 0);
    const QStringList lines = QString::fromUtf8(table.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    const QString header = lines.first();
    for (const QString &column :
        {u"SESSION ID"_s, u"STATUS"_s, u"SIZE"_s, u"REMAINING"_s, u"LEASE"_s, u"HOSTNAME"_s, u"MESSAGE"_s})
        QVERIFY2(header.contains(column), qPrintable(header));
    const qsizetype statusColumn = header.indexOf(u"STATUS"_s);
    for (const QString &line : lines.mid(1)) {
        const QString status = line.mid(statusColumn).section(u' ', 0, 0);
        QVERIFY2(status == u"ready" || status == u"starting" || status == u"error", qPrintable(line));
    }
    QVERIFY(table.out.contains(ready.toUtf8()));
    QVERIFY(table.out.contains(starting.toUtf8()));
    QVERIFY(table.out.contains("No capacity in the region."));

    const Run json = run({u"--json"_s, u"list"_s});
    COMPARE_EXIT(json, 0);
    QVERIFY2(json.json().isArray(), json.out.constData());
    const QJsonArray sessions = json.json().array();
    QCOMPARE(sessions.size(), 3);
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &value : sessions) {
        QVERIFY(hasEveryField(value.toObject()));
        byId.insert(value.toObject().value(u"sessionId"_s).toString(), value.toObject());
    }
    QCOMPARE(byId.value(ready).value(u"sessionStatus"_s).toString(), u"ready"_s);
    QCOMPARE(byId.value(starting).value(u"sessionStatus"_s).toString(), u"starting"_s);
    QCOMPARE(byId.value(failed).value(u"sessionStatus"_s).toString(), u"error"_s);
    QCOMPARE(byId.value(failed).value(u"message"_s).toString(), u"No capacity in the region."_s);
    QVERIFY(byId.value(failed).value(u"remaining"_s).isNull());
    QCOMPARE(m_emulator->requestCount(u"list"_s), 2);
}

void TestArrsm::showJsonShapeAndNulls()
{
    const QString ready = addSession(seed(SessionStatus::Ready));
    const Run shown = run({u"show"_s, ready, u"--json"_s});
    COMPARE_EXIT(shown, 0);
    QVERIFY2(shown.json().isObject(), shown.out.constData());
    const QJsonObject object = shown.json().object();
    QVERIFY(hasEveryField(object));
    QCOMPARE(object.value(u"sessionId"_s).toString(), ready);
    QCOMPARE(object.value(u"sessionStatus"_s).toString(), u"ready"_s);
    QCOMPARE(object.value(u"sessionSize"_s).toString(), u"standard"_s);
    QCOMPARE(object.value(u"sessionMaxLeaseTime"_s).toString(), u"04:00:00"_s);
    QVERIFY(!object.value(u"sessionHostname"_s).toString().isEmpty());
    QVERIFY(object.value(u"message"_s).isNull());
    static const QRegularExpression constantFormat(u"^(\\d+\\.)?\\d\\d:\\d\\d:\\d\\d$"_s);
    const QString elapsed = object.value(u"sessionElapsedTime"_s).toString();
    const QString remaining = object.value(u"remaining"_s).toString();
    QVERIFY2(constantFormat.match(elapsed).hasMatch(), qPrintable(elapsed));
    QVERIFY2(constantFormat.match(remaining).hasMatch(), qPrintable(remaining));
    const auto sum = *arr::TimeSpan::parse(elapsed) + *arr::TimeSpan::parse(remaining);
    QCOMPARE(sum, arr::TimeSpan::fromHours(4));

    // A starting session has no hostname yet: null, not an empty string.
    const QString starting = addSession(seed(SessionStatus::Starting, {}));
    const Run startingShown = run({u"show"_s, starting, u"--json"_s});
    COMPARE_EXIT(startingShown, 0);
    const QJsonObject startingObject = startingShown.json().object();
    QVERIFY(hasEveryField(startingObject));
    QCOMPARE(startingObject.value(u"sessionStatus"_s).toString(), u"starting"_s);
    QVERIFY(startingObject.value(u"sessionHostname"_s).isNull());
    QVERIFY(startingObject.value(u"message"_s).isNull());

    const Run table = run({u"show"_s, ready});
    COMPARE_EXIT(table, 0);
    QCOMPARE(table.out.count('\n'), 2);
    QVERIFY(table.out.startsWith("SESSION ID"));
}

void TestArrsm::showUnknownSessionFails()
{
    const Run result = run({u"show"_s, u"00000000-0000-0000-0000-000000000000"_s, u"--json"_s});
    COMPARE_EXIT(result, 1);
    QVERIFY(result.out.isEmpty());
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.startsWith(u"arrsm: HTTP 404: "_s), qPrintable(err));
    QVERIFY2(err.contains(u"(MS-CV "_s), qPrintable(err));
}

void TestArrsm::createPrintsTheNewSession()
{
    const Run created = run({u"create"_s, u"--lease"_s, u"1:30"_s, u"--size"_s, u"Premium"_s, u"--model"_s,
        u"https://storage.example/models/engine.arrAsset"_s, u"--json"_s});
    COMPARE_EXIT(created, 0);
    const QJsonObject object = created.json().object();
    QVERIFY(hasEveryField(object));
    QCOMPARE(object.value(u"sessionStatus"_s).toString(), u"starting"_s);
    QCOMPARE(object.value(u"sessionMaxLeaseTime"_s).toString(), u"01:30:00"_s);
    QCOMPARE(object.value(u"sessionSize"_s).toString(), u"premium"_s);
    QCOMPARE(m_emulator->requestCount(u"create"_s), 1);
    const QList<arr::Session> sessions = m_emulator->sessions(AccountId);
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(sessions.first().id, object.value(u"sessionId"_s).toString());

    const Run table = run({u"create"_s, u"--lease=0:10"_s, u"--size=standard"_s});
    COMPARE_EXIT(table, 0);
    QVERIFY(table.out.startsWith("SESSION ID"));
    QVERIFY(table.out.contains("starting"));
    QCOMPARE(m_emulator->requestCount(u"create"_s), 2);
}

void TestArrsm::createWaitFollowsToReady()
{
    // Twenty seconds of start take one on this clock.
    EmulatorOptions options;
    options.startDelayMs = 20'000;
    startEmulator(options, std::make_unique<arr::ScaledClock>(20.0));

    const Run result = run({u"create"_s, u"--lease"_s, u"2:00"_s, u"--size"_s, u"standard"_s, u"--wait"_s,
        u"--timeout"_s, u"20"_s, u"--json"_s});
    COMPARE_EXIT(result, 0);
    const QJsonObject object = result.json().object();
    QVERIFY(hasEveryField(object));
    QCOMPARE(object.value(u"sessionStatus"_s).toString(), u"ready"_s);
    QVERIFY(!object.value(u"sessionHostname"_s).toString().isEmpty());
    QCOMPARE(m_emulator->requestCount(u"create"_s), 1);
    QVERIFY(m_emulator->requestCount(u"properties"_s) >= 2);
    QVERIFY2(result.elapsedMs < 15'000, qPrintable(QString::number(result.elapsedMs)));
}

void TestArrsm::createIsSentOnceWhenTheServiceFails()
{
    // Every answer after the token fails, the create's included.
    arr::emulator::FaultOptions faults;
    faults.errorRate = 1.0;
    connect(m_emulator.get(), &EmulatorServer::requestHandled, this, [this, faults](const QString &operation, int) {
        if (operation == u"token")
            m_emulator->setFaults(faults);
    });
    const Run result = run({u"create"_s, u"--lease"_s, u"1:00"_s, u"--size"_s, u"standard"_s, u"--wait"_s});
    COMPARE_EXIT(result, 1);
    QCOMPARE(m_emulator->requestCount(u"create"_s), 1);
    QCOMPARE(m_emulator->requestCount(u"properties"_s), 0);
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.startsWith(u"arrsm: HTTP "_s), qPrintable(err));
    QVERIFY2(err.contains(u"MS-CV"_s), qPrintable(err));
    QVERIFY2(err.contains(u"not requested again"_s), qPrintable(err));
}

void TestArrsm::safeCallsAreRetried()
{
    addSession(seed(SessionStatus::Ready));
    // The first two lists fail; the service layer tries again and the third answers.
    connect(m_emulator.get(), &EmulatorServer::requestHandled, this, [this](const QString &operation, int) {
        arr::emulator::FaultOptions faults;
        if (operation == u"token") {
            faults.errorRate = 1.0;
            m_emulator->setFaults(faults);
        } else if (operation == u"list" && m_emulator->requestCount(u"list"_s) == 2) {
            m_emulator->setFaults(faults);
        }
    });
    const Run result = run({u"list"_s, u"--json"_s});
    COMPARE_EXIT(result, 0);
    QCOMPARE(result.json().array().size(), 1);
    QCOMPARE(m_emulator->requestCount(u"list"_s), 3);
}

void TestArrsm::extendLease()
{
    const QString id = addSession(seed(SessionStatus::Ready));
    const Run extended = run({u"extend"_s, id, u"--lease"_s, u"5:30"_s, u"--json"_s});
    COMPARE_EXIT(extended, 0);
    QCOMPARE(extended.json().object().value(u"sessionMaxLeaseTime"_s).toString(), u"05:30:00"_s);
    QCOMPARE(m_emulator->sessions(AccountId).first().maxLease, arr::TimeSpan::fromMinutes(330));

    // The service refuses a lease that is not longer: the service's sentence, exit 1.
    const Run shorter = run({u"extend"_s, id, u"--lease"_s, u"2:00"_s});
    COMPARE_EXIT(shorter, 1);
    QVERIFY2(shorter.err.startsWith("arrsm: HTTP 400: "), shorter.err.constData());
    QVERIFY(shorter.out.isEmpty());
}

void TestArrsm::stopSession()
{
    const QString id = addSession(seed(SessionStatus::Ready));
    const Run stopped = run({u"stop"_s, id, u"--json"_s});
    COMPARE_EXIT(stopped, 0);
    const QString status = stopped.json().object().value(u"sessionStatus"_s).toString();
    QVERIFY2(status == u"stopping" || status == u"stopped", qPrintable(status));
    QCOMPARE(m_emulator->requestCount(u"stop"_s), 1);

    const Run table = run({u"stop"_s, u"00000000-0000-0000-0000-000000000000"_s});
    COMPARE_EXIT(table, 1);
    QVERIFY2(table.err.startsWith("arrsm: HTTP 404: "), table.err.constData());
}

void TestArrsm::stopWaitUntilStopped()
{
    EmulatorOptions options;
    options.stopDelayMs = 500;
    m_emulator->setOptions(options);
    const QString id = addSession(seed(SessionStatus::Ready));
    const Run result = run({u"stop"_s, id, u"--wait"_s, u"--timeout=20"_s, u"--json"_s});
    COMPARE_EXIT(result, 0);
    QCOMPARE(result.json().object().value(u"sessionStatus"_s).toString(), u"stopped"_s);
    QVERIFY(result.json().object().value(u"remaining"_s).isNull());
}

void TestArrsm::waitTimesOut()
{
    EmulatorOptions options;
    options.startDelayMs = 3600'000;
    m_emulator->setOptions(options);
    const QString id = addSession(seed(SessionStatus::Starting, {}));
    const Run result = run({u"wait"_s, id, u"--timeout"_s, u"1"_s, u"--json"_s});
    COMPARE_EXIT(result, 3);
    QVERIFY2(result.err.contains("timed out after"), result.err.constData());
    QVERIFY2(result.err.contains("it is starting"), result.err.constData());
    // The session as last seen, so that a script knows what it was waiting on.
    QCOMPARE(result.json().object().value(u"sessionStatus"_s).toString(), u"starting"_s);
    QVERIFY2(result.elapsedMs < 10'000, qPrintable(QString::number(result.elapsedMs)));
    QVERIFY(m_emulator->requestCount(u"properties"_s) >= 2);
}

void TestArrsm::waitOnEndedSession_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("wire");
    QTest::addColumn<QString>("why");
    QTest::newRow("error") << int(SessionStatus::Error) << QStringList{} << u"error"_s << u"failed: No capacity"_s;
    QTest::newRow("expired") << int(SessionStatus::Expired) << QStringList{} << u"expired"_s << u"expired"_s;
    QTest::newRow("expired waiting for stopped")
        << int(SessionStatus::Expired) << QStringList{u"--until"_s, u"stopped"_s} << u"expired"_s << u"expired"_s;
    QTest::newRow("stopped waiting for ready")
        << int(SessionStatus::Stopped) << QStringList{} << u"stopped"_s << u"stopped before it became ready"_s;
}

void TestArrsm::waitOnEndedSession()
{
    QFETCH(int, status);
    QFETCH(QStringList, options);
    QFETCH(QString, wire);
    QFETCH(QString, why);
    SessionSeed ended = seed(SessionStatus(status));
    if (ended.status == SessionStatus::Error)
        ended.message = u"No capacity in the region."_s;
    const QString id = addSession(ended);
    const Run result = run(QStringList{u"wait"_s, id, u"--json"_s} + options);
    COMPARE_EXIT(result, 4);
    const QJsonObject object = result.json().object();
    QCOMPARE(object.value(u"sessionStatus"_s).toString(), wire);
    if (ended.status != SessionStatus::Stopped)
        QVERIFY(!object.value(u"message"_s).toString().isEmpty());
    QVERIFY2(result.err.contains(why.toUtf8()), result.err.constData());
}

void TestArrsm::waitUntilStopped()
{
    const QString id = addSession(seed(SessionStatus::Stopped));
    const Run result = run({u"wait"_s, id, u"--until=stopped"_s});
    COMPARE_EXIT(result, 0);
    QVERIFY(result.out.contains("stopped"));
    QCOMPARE(m_emulator->requestCount(u"properties"_s), 1);
}

void TestArrsm::waitOnUnknownSessionFails()
{
    const Run result = run({u"wait"_s, u"00000000-0000-0000-0000-000000000000"_s, u"--timeout"_s, u"10"_s});
    COMPARE_EXIT(result, 1);
    QVERIFY2(result.err.startsWith("arrsm: HTTP 404: "), result.err.constData());
}

void TestArrsm::optionsAndEnvironment()
{
    addSession(seed(SessionStatus::Ready));
    const QString base = m_emulator->baseUrl().toString();

    // Options alone.
    const Run options = run({u"list"_s, u"--json"_s, u"--endpoint"_s, base, u"--sts-endpoint="_s + base,
                                u"--account-id"_s, AccountId, u"--account-key"_s, AccountKey},
        bareEnvironment());
    COMPARE_EXIT(options, 0);
    QCOMPARE(options.json().array().size(), 1);

    // Variables alone (the rest of this suite runs that way too).
    const Run variables = run({u"list"_s, u"--json"_s});
    COMPARE_EXIT(variables, 0);
    QCOMPARE(variables.json().array().size(), 1);

    // An option overrides its variable, even a variable that would be refused.
    QProcessEnvironment wrong = environment();
    wrong.insert(u"ARRSM_ENDPOINT"_s, u"http://example.com"_s);
    wrong.insert(u"ARRSM_ACCOUNT_KEY"_s, u"wrong-key"_s);
    const Run overridden = run({u"list"_s, u"--json"_s, u"--endpoint"_s, base, u"--account-key"_s, AccountKey}, wrong);
    COMPARE_EXIT(overridden, 0);
    QCOMPARE(overridden.json().array().size(), 1);

    // Without the option the refused variable is a usage error that names it.
    const Run refused = run({u"list"_s}, wrong);
    COMPARE_EXIT(refused, 2);
    QVERIFY2(refused.err.contains("ARRSM_ENDPOINT"), refused.err.constData());

    QProcessEnvironment missing = environment();
    missing.remove(u"ARRSM_ACCOUNT_KEY"_s);
    const Run noKey = run({u"list"_s}, missing);
    COMPARE_EXIT(noKey, 2);
    QVERIFY2(noKey.err.contains("ARRSM_ACCOUNT_KEY"), noKey.err.constData());
    QCOMPARE(m_emulator->requestCount(u"list"_s), 3);
}

void TestArrsm::wrongKeyFails()
{
    QProcessEnvironment wrong = environment();
    wrong.insert(u"ARRSM_ACCOUNT_KEY"_s, u"not-the-key"_s);
    const Run result = run({u"list"_s}, wrong);
    COMPARE_EXIT(result, 1);
    QVERIFY2(result.err.startsWith("arrsm: HTTP 401: "), result.err.constData());
    QVERIFY(!result.err.contains("not-the-key"));
    QCOMPARE(m_emulator->requestCount(u"list"_s), 0);
}

void TestArrsm::savedAccounts()
{
#if !defined(Q_OS_UNIX) || defined(Q_OS_DARWIN)
    QSKIP("The settings file is placed by XDG_CONFIG_HOME on Linux and the BSDs only.");
#endif
    const Run none = run({u"accounts"_s}, bareEnvironment());
    COMPARE_EXIT(none, 0);
    QCOMPARE(none.out, QByteArray("No saved accounts.\n"));

    // Where the desktop app keeps its settings, as QSettings() finds them for arrsm.
    {
        QSettings settings(
            m_home->filePath(u"config/ArrSessionManager/arr-session-manager.conf"_s), QSettings::IniFormat);
        arr::AccountStore store(&settings);
        arr::Account local;
        local.name = u"Local emulator"_s;
        local.accountId = AccountId;
        local.endpoint = m_emulator->baseUrl();
        local.tokenEndpoint = m_emulator->baseUrl();
        QCOMPARE(store.save(local), QString());
        arr::Account production = local;
        production.name = u"Production"_s;
        production.accountId = u"fedcba98-7654-3210-fedc-ba9876543210"_s;
        production.endpoint = arr::regionEndpoint(u"westus2"_s);
        production.tokenEndpoint = arr::regionTokenEndpoint(u"westus2"_s);
        production.enabled = false;
        QCOMPARE(store.save(production), QString());
    }

    const Run table = run({u"accounts"_s}, environment());
    COMPARE_EXIT(table, 0);
    const QStringList lines = QString::fromUtf8(table.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith(u"NAME"_s));
    QVERIFY(lines.at(1).startsWith(u"Local emulator"_s));
    QVERIFY(lines.at(2).startsWith(u"Production"_s));
    QVERIFY(!table.out.contains(AccountKey.toUtf8()));

    const Run json = run({u"accounts"_s, u"--json"_s}, environment());
    COMPARE_EXIT(json, 0);
    const QJsonArray accounts = json.json().array();
    QCOMPARE(accounts.size(), 2);
    QCOMPARE(accounts.at(1).toObject().value(u"name"_s).toString(), u"Production"_s);
    QCOMPARE(accounts.at(1).toObject().value(u"enabled"_s).toBool(), false);
    QCOMPARE(accounts.at(0).toObject().value(u"endpoint"_s).toString(), m_emulator->baseUrl().toString());
    for (const QJsonValue &account : accounts)
        QVERIFY(!account.toObject().contains(u"key"_s) && !account.toObject().contains(u"accountKey"_s));
    QVERIFY(!json.out.contains(AccountKey.toUtf8()));
    QCOMPARE(m_emulator->requestCount(), 0);
}

void TestArrsm::savedAccountNeedsTheKeychain()
{
#if !defined(Q_OS_UNIX) || defined(Q_OS_DARWIN)
    QSKIP("The settings file is placed by XDG_CONFIG_HOME on Linux and the BSDs only.");
#endif
    {
        QSettings settings(
            m_home->filePath(u"config/ArrSessionManager/arr-session-manager.conf"_s), QSettings::IniFormat);
        arr::AccountStore store(&settings);
        arr::Account local;
        local.name = u"Local emulator"_s;
        local.accountId = AccountId;
        local.endpoint = m_emulator->baseUrl();
        local.tokenEndpoint = m_emulator->baseUrl();
        QCOMPARE(store.save(local), QString());
    }

    const Run unknown = run({u"list"_s, u"--account"_s, u"Staging"_s}, bareEnvironment());
    COMPARE_EXIT(unknown, 2);
    QVERIFY2(unknown.err.contains("no saved account named \"Staging\""), unknown.err.constData());

    // This test runs without a session bus, so there is no keychain to hold the key: arrsm says
    // so and never looks for the key anywhere else.
    const Run noKeychain = run({u"list"_s, u"--account"_s, u"local emulator"_s}, bareEnvironment());
    COMPARE_EXIT(noKeychain, 1);
    QVERIFY2(noKeychain.err.contains("keychain"), noKeychain.err.constData());
    QCOMPARE(m_emulator->requestCount(), 0);
}

void TestArrsm::secretsNeverPrinted()
{
    const QString ready = addSession(seed(SessionStatus::Ready));
    QProcessEnvironment wrongKey = environment();
    wrongKey.insert(u"ARRSM_ACCOUNT_KEY"_s, AccountKey + u"x"_s);
    const QString base = m_emulator->baseUrl().toString();
    const QStringList byOption{
        u"--endpoint"_s, base, u"--sts-endpoint"_s, base, u"--account-id"_s, AccountId, u"--account-key"_s, AccountKey};

    struct Case
    {
        QStringList arguments;
        QProcessEnvironment environment;
    };
    const QList<Case> cases{
        {{u"list"_s, u"--verbose"_s}, environment()},
        {QStringList{u"list"_s, u"--verbose"_s, u"--json"_s} + byOption, bareEnvironment()},
        {{u"show"_s, ready, u"--verbose"_s}, environment()},
        {{u"show"_s, u"00000000-0000-0000-0000-000000000000"_s, u"--verbose"_s}, environment()},
        {{u"create"_s, u"--lease=1:00"_s, u"--size=standard"_s, u"--verbose"_s, u"--json"_s}, environment()},
        {{u"extend"_s, ready, u"--lease=6:00"_s, u"--verbose"_s}, environment()},
        {{u"list"_s, u"--verbose"_s}, wrongKey},
        {{u"list"_s, u"--endpoint=http://example.com"_s, u"--verbose"_s}, environment()},
    };
    int verboseLines = 0;
    for (const Case &c : cases) {
        const Run result = run(c.arguments, c.environment);
        QVERIFY2(result.exitCode >= 0, qPrintable(result.describe()));
        for (const QByteArray &stream : {result.out, result.err}) {
            QVERIFY2(!stream.contains(AccountKey.toUtf8()), qPrintable(result.describe()));
            QVERIFY2(!JwtShape.match(QString::fromUtf8(stream)).hasMatch(), qPrintable(result.describe()));
            // A bearer credential, as opposed to the service's own "Bearer {accountId}:{accountKey}" hint.
            QVERIFY2(!BearerValue.match(QString::fromUtf8(stream)).hasMatch(), qPrintable(result.describe()));
        }
        verboseLines += int(result.err.count("\tGET\t") + result.err.count("\tPOST\t"));
    }
    // --verbose did print the request log.
    QVERIFY(verboseLines >= 8);
    // A token was issued on every run that got that far, and none of them was printed.
    QVERIFY(m_emulator->requestCount(u"token"_s) >= 6);
}

// arrsm metrics against the emulator, with prices set as the desktop app saves them: the output is
// judged by prometheus_client's OpenMetrics parser and its values checked.
void TestArrsm::metricsParsedByPrometheusClient()
{
    SessionSeed standard = seed(SessionStatus::Ready);
    standard.maxLease = arr::TimeSpan::fromHours(4);
    const QString readyStandard = addSession(standard);
    SessionSeed premium = seed(SessionStatus::Ready);
    premium.size = u"premium"_s;
    premium.maxLease = arr::TimeSpan::fromHours(2);
    const QString readyPremium = addSession(premium);
    addSession(seed(SessionStatus::Starting, {}));
    addSession(seed(SessionStatus::Stopped));
    {
        // Where arrsm (and the desktop app) read their settings with this environment.
        QSettings settings(
            m_home->filePath(u"config/ArrSessionManager/arr-session-manager.conf"_s), QSettings::IniFormat);
        settings.setValue(u"cost/currency"_s, u"EUR"_s);
        settings.setValue(u"cost/hourlyPrices"_s, u"standard=3;premium=12.5"_s);
    }

    const Run metrics = run({u"metrics"_s});
    COMPARE_EXIT(metrics, 0);
    QVERIFY(metrics.out.endsWith("# EOF\n"));
    const OpenMetricsParse parse = parseOpenMetrics(metrics.out);
    QVERIFY2(parse.ok, qPrintable(parse.error + u"\n"_s + QString::fromUtf8(metrics.out)));

    QHash<QString, double> counts;
    QHash<QString, double> remaining;
    QHash<QString, double> single;
    for (const QJsonValue &value : parse.samples) {
        const QJsonObject sample = value.toObject();
        const QJsonObject labels = sample.value(u"labels"_s).toObject();
        QCOMPARE(labels.value(u"account"_s).toString(), AccountId);
        QCOMPARE(sample.value(u"type"_s).toString(), u"gauge"_s);
        const QString name = sample.value(u"name"_s).toString();
        const double number = sample.value(u"value"_s).toDouble();
        if (name == u"arrsm_sessions"_s)
            counts.insert(labels.value(u"status"_s).toString() + u'/' + labels.value(u"size"_s).toString(), number);
        else if (name == u"arrsm_session_remaining_lease_seconds"_s)
            remaining.insert(labels.value(u"session_id"_s).toString(), number);
        else
            single.insert(name + u'/' + labels.value(u"currency"_s).toString(), number);
    }
    QCOMPARE(counts.value(u"ready/standard"_s), 1.0);
    QCOMPARE(counts.value(u"ready/premium"_s), 1.0);
    QCOMPARE(counts.value(u"starting/standard"_s), 1.0);
    QCOMPARE(counts.value(u"stopped/standard"_s), 1.0);
    QCOMPARE(counts.size(), 4);
    // Ten minutes into their leases, by the service's elapsed time.
    QVERIFY2(remaining.value(readyStandard) > 4 * 3600 - 11 * 60 && remaining.value(readyStandard) <= 4 * 3600 - 9 * 60,
        qPrintable(QString::number(remaining.value(readyStandard))));
    QVERIFY2(remaining.value(readyPremium) > 2 * 3600 - 11 * 60 && remaining.value(readyPremium) <= 2 * 3600 - 9 * 60,
        qPrintable(QString::number(remaining.value(readyPremium))));
    QCOMPARE(single.value(u"arrsm_billed_hours_per_hour/"_s), 2.0);
    QCOMPARE(single.value(u"arrsm_burn_rate_per_hour/EUR"_s), 15.5);
    QCOMPARE(single.value(u"arrsm_unpriced_ready_sessions/"_s), 0.0);

    // Exit codes as for the other commands: a refused key is 1 with nothing on stdout; --json a usage error.
    QProcessEnvironment wrongKey = environment();
    wrongKey.insert(u"ARRSM_ACCOUNT_KEY"_s, u"not-the-key"_s);
    const Run refused = run({u"metrics"_s}, wrongKey);
    COMPARE_EXIT(refused, 1);
    QVERIFY(refused.out.isEmpty());
    COMPARE_EXIT(run({u"metrics"_s, u"--json"_s}), 2);
}

void TestArrsm::gaCreateListExtendStop()
{
    // Twenty seconds of start take one on this clock; one session a page, so that a list of two
    // follows a link.
    EmulatorOptions options;
    options.startDelayMs = 20'000;
    options.stopDelayMs = 500;
    options.pageSize = 1;
    startEmulator(options, std::make_unique<arr::ScaledClock>(20.0));
    const QStringList ga{u"--api-version"_s, u"2021-01-01"_s};

    const Run created = run(ga
        + QStringList{u"create"_s, u"--id"_s, u"render-job-7"_s, u"--lease"_s, u"2:00"_s, u"--size"_s, u"standard"_s,
            u"--wait"_s, u"--timeout"_s, u"20"_s, u"--json"_s});
    COMPARE_EXIT(created, 0);
    const QJsonObject ready = created.json().object();
    QVERIFY(hasEveryField(ready));
    QCOMPARE(ready.value(u"sessionId"_s).toString(), u"render-job-7"_s);
    QCOMPARE(ready.value(u"sessionStatus"_s).toString(), u"ready"_s);
    // The size as v1 spells it, whatever the version (GA's service says "Standard").
    QCOMPARE(ready.value(u"sessionSize"_s).toString(), u"standard"_s);
    QCOMPARE(ready.value(u"sessionMaxLeaseTime"_s).toString(), u"02:00:00"_s);
    QVERIFY(!ready.value(u"sessionHostname"_s).toString().isEmpty());
    QVERIFY(ready.value(u"message"_s).isNull());
    QVERIFY(QDateTime::fromString(ready.value(u"creationTime"_s).toString(), Qt::ISODateWithMs).isValid());
    QVERIFY(ready.value(u"teraflops"_s).toDouble() > 0);
    QCOMPARE(ready.value(u"handshakePort"_s).toInt(), 50051);
    QCOMPARE(ready.value(u"arrInspectorPort"_s).toInt(), 50052);
    QCOMPARE(m_emulator->requestCount(u"create"_s), 1);
    QCOMPARE(m_emulator->sessions(AccountId).size(), 1);
    QCOMPARE(m_emulator->sessions(AccountId).first().id, u"render-job-7"_s);

    // A second session, named by arrsm; the environment gives the version this time.
    QProcessEnvironment gaEnvironment = environment();
    gaEnvironment.insert(u"ARRSM_API_VERSION"_s, u"2021-01-01"_s);
    const Run second
        = run({u"create"_s, u"--lease"_s, u"1:00"_s, u"--size"_s, u"premium"_s, u"--json"_s}, gaEnvironment);
    COMPARE_EXIT(second, 0);
    const QString secondId = second.json().object().value(u"sessionId"_s).toString();
    QVERIFY2(!QUuid::fromString(secondId).isNull(), qPrintable(secondId));
    QCOMPARE(second.json().object().value(u"sessionStatus"_s).toString(), u"starting"_s);
    // Not started yet: the fields that do not apply are null, not zero.
    for (const QString &key : {u"teraflops"_s, u"handshakePort"_s, u"arrInspectorPort"_s})
        QVERIFY2(second.json().object().value(key).isNull(), qPrintable(key));

    // The list: both sessions over two pages, with the same keys as v1's list of the same sessions.
    m_emulator->resetCounters();
    const Run listed = run({u"list"_s, u"--json"_s}, gaEnvironment);
    COMPARE_EXIT(listed, 0);
    QCOMPARE(m_emulator->requestCount(u"list"_s), 2);
    const QJsonArray sessions = listed.json().array();
    QCOMPARE(sessions.size(), 2);
    const Run listedV1 = run({u"list"_s, u"--json"_s});
    COMPARE_EXIT(listedV1, 0);
    QCOMPARE(listedV1.json().array().size(), 2);
    const QStringList v1Keys = listedV1.json().array().first().toObject().keys();
    static const QRegularExpression constantFormat(u"^(\\d+\\.)?\\d\\d:\\d\\d:\\d\\d$"_s);
    QSet<QString> ids;
    for (const QJsonValue &value : sessions) {
        const QJsonObject object = value.toObject();
        QCOMPARE(object.keys(), v1Keys);
        QVERIFY(hasEveryField(object));
        for (const QString &key : GaFields)
            QVERIFY2(object.contains(key), qPrintable(key));
        const QString status = object.value(u"sessionStatus"_s).toString();
        QVERIFY2(status == u"ready" || status == u"starting", qPrintable(status));
        const QString lease = object.value(u"sessionMaxLeaseTime"_s).toString();
        QVERIFY2(constantFormat.match(lease).hasMatch(), qPrintable(lease));
        ids.insert(object.value(u"sessionId"_s).toString());
    }
    QCOMPARE(ids, (QSet<QString>{u"render-job-7"_s, secondId}));

    // Extend: a PATCH; a lease that is not larger is refused by the service (422), exit 1.
    const Run extended = run(ga + QStringList{u"extend"_s, u"render-job-7"_s, u"--lease"_s, u"3:00"_s, u"--json"_s});
    COMPARE_EXIT(extended, 0);
    QCOMPARE(extended.json().object().value(u"sessionMaxLeaseTime"_s).toString(), u"03:00:00"_s);
    QCOMPARE(m_emulator->sessions(AccountId).first().maxLease, arr::TimeSpan::fromHours(3));
    const Run shorter = run(ga + QStringList{u"extend"_s, u"render-job-7"_s, u"--lease"_s, u"1:00"_s});
    COMPARE_EXIT(shorter, 1);
    QVERIFY2(shorter.err.startsWith("arrsm: HTTP 422: "), shorter.err.constData());
    QVERIFY(shorter.out.isEmpty());

    // Stop: POST :stop, then waited on until the session reads stopped.
    const Run stopped
        = run(ga + QStringList{u"stop"_s, u"render-job-7"_s, u"--wait"_s, u"--timeout=20"_s, u"--json"_s});
    COMPARE_EXIT(stopped, 0);
    QCOMPARE(stopped.json().object().value(u"sessionStatus"_s).toString(), u"stopped"_s);
    QVERIFY(stopped.json().object().value(u"remaining"_s).isNull());
    QCOMPARE(m_emulator->requestCount(u"stop"_s), 1);
    QVERIFY(!QString::fromUtf8(stopped.out + stopped.err).contains(AccountKey));
}

void TestArrsm::gaCreateRefusesAnInvalidId_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("space") << u"render job"_s;
    QTest::newRow("slash") << u"render/../job"_s;
    QTest::newRow("dot dot") << u".."_s;
    QTest::newRow("too long") << QString(257, u'x');
    QTest::newRow("control character") << u"job\u001b[2J"_s;
}

void TestArrsm::gaCreateRefusesAnInvalidId()
{
    QFETCH(QString, id);
    const Run result = run({u"--api-version"_s, u"2021-01-01"_s, u"create"_s, u"--id"_s, id, u"--lease"_s, u"1:00"_s,
        u"--size"_s, u"standard"_s});
    COMPARE_EXIT(result, 2);
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.startsWith(u"arrsm: --id: "_s), qPrintable(err));
    // A sentence: it ends before the usage text, with a full stop.
    const QString sentence = err.section(u'\n', 0, 0);
    QVERIFY2(sentence.endsWith(u'.'), qPrintable(sentence));
    QVERIFY(result.out.isEmpty());
    QCOMPARE(m_emulator->requestCount(), 0);
    QCOMPARE(m_emulator->sessions(AccountId).size(), 0);
}

QTEST_GUILESS_MAIN(TestArrsm)
#include "tst_arrsm.moc"
