#include "common/ArrsmProcess.h"
#include "core/Clock.h"
#include "emulator/EmulatorServer.h"
#include "storage/AccountStore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace Qt::StringLiterals;
using arr::SessionStatus;
using arr::TimeSpan;
using arr::emulator::EmulatorOptions;
using arr::emulator::EmulatorServer;
using arr::emulator::SessionSeed;

namespace {

const QString AccountId = u"01234567-89ab-cdef-0123-456789abcdef"_s;
const QString AccountKey = u"S3cretKey-c2VjcmV0LWtleS1mb3ItYXJyc20="_s;

using Run = ArrsmRun;

} // namespace

// `arrsm keep-alive`, the real binary, against the emulator in this process running on a scaled clock.
class TestArrsmKeepAlive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void extendsTwiceThenStopsAtTheCap();
    void endedSessionExitsWithFour();
    void unknownSessionIsAServiceError();
    void usageErrors_data();
    void usageErrors();
    void readOnlySavedAccountIsRefused();
    void readOnlyAccountThroughTheEnvironmentIsRefused();
    void interruptLeavesTheSessionAlone();
    void commandsLeaveTheWindowsPoliciesAlone();

private:
    void startEmulator(double timeScale);
    QProcessEnvironment environment(bool withAccount = true) const;
    Run run(const QStringList &arguments, int timeoutMs = 30'000, const QProcessEnvironment &env = {});
    // Saves the emulator's account as "Watched", read-only, where arrsm reads the saved accounts.
    bool saveWatchedAccount() const;
    // A command of each kind that would change the session `id` or create one.
    static QList<QStringList> commandsThatChange(const QString &id);

    std::unique_ptr<arr::Clock> m_clock;
    std::unique_ptr<EmulatorServer> m_emulator;
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestArrsmKeepAlive::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    startEmulator(60);
}

void TestArrsmKeepAlive::cleanup()
{
    m_emulator.reset();
    m_clock.reset();
    m_home.reset();
}

void TestArrsmKeepAlive::startEmulator(double timeScale)
{
    m_emulator.reset();
    m_clock = std::make_unique<arr::ScaledClock>(timeScale);
    EmulatorOptions options;
    // Stays visible long after it expired, so that the test can read how it ended.
    options.retentionMs = 24 * 3600'000;
    m_emulator = std::make_unique<EmulatorServer>(options, m_clock.get());
    m_emulator->addAccount(AccountId, AccountKey);
    QVERIFY2(m_emulator->listen(QHostAddress::LocalHost, 0), qPrintable(m_emulator->errorString()));
}

QProcessEnvironment TestArrsmKeepAlive::environment(bool withAccount) const
{
    return withAccount ? arrsmEnvironment(m_home->path(), m_emulator->baseUrl(), AccountId, AccountKey)
                       : arrsmBareEnvironment(m_home->path());
}

Run TestArrsmKeepAlive::run(const QStringList &arguments, int timeoutMs, const QProcessEnvironment &env)
{
    return runArrsm(arguments, env.isEmpty() ? environment() : env, {timeoutMs, false});
}

void TestArrsmKeepAlive::extendsTwiceThenStopsAtTheCap()
{
    // At 60x a minute passes every second: the whole 30-minute life takes about 30 s.
    const Run created = run({u"create"_s, u"--lease"_s, u"0:10"_s, u"--size"_s, u"standard"_s, u"--json"_s});
    COMPARE_EXIT(created, 0);
    const QString id = QJsonDocument::fromJson(created.out).object().value(u"sessionId"_s).toString();
    QVERIFY(!id.isEmpty());

    const Run kept = run({u"keep-alive"_s, id, u"--max-lease"_s, u"0:30"_s, u"--step"_s, u"0:10"_s, u"--before"_s,
                             u"0:05"_s, u"--interval"_s, u"2"_s, u"--json"_s},
        60'000);
    COMPARE_EXIT(kept, 0);
    qInfo("keep-alive ran %lld ms", kept.elapsedMs);
    const QList<QJsonObject> events = kept.lines();
    QVERIFY2(events.size() == 3, qPrintable(kept.describe()));
    QCOMPARE(events.at(0).value(u"event"_s).toString(), u"extended"_s);
    QCOMPARE(events.at(0).value(u"newMaxLeaseTime"_s).toString(), u"00:20:00"_s);
    QCOMPARE(events.at(1).value(u"event"_s).toString(), u"extended"_s);
    QCOMPARE(events.at(1).value(u"newMaxLeaseTime"_s).toString(), u"00:30:00"_s);
    QCOMPARE(events.at(2).value(u"event"_s).toString(), u"capReached"_s);
    QVERIFY(QDateTime::fromString(events.at(2).value(u"endsAt"_s).toString(), Qt::ISODate).isValid());
    QCOMPARE(m_emulator->requestCount(u"update"_s), 2);

    // The session then runs out at exactly 30 minutes.
    const auto sessionNow = [this, &id] {
        for (const arr::Session &session : m_emulator->sessions(AccountId)) {
            if (session.id == id)
                return session;
        }
        return arr::Session();
    };
    QTRY_COMPARE_WITH_TIMEOUT(sessionNow().status, SessionStatus::Expired, 30'000);
    QCOMPARE(sessionNow().maxLease, TimeSpan::fromMinutes(30));
    QCOMPARE(sessionNow().elapsed, TimeSpan::fromMinutes(30));
    QCOMPARE(m_emulator->requestCount(u"update"_s), 2);
}

void TestArrsmKeepAlive::endedSessionExitsWithFour()
{
    SessionSeed seed;
    seed.status = SessionStatus::Expired;
    seed.age = TimeSpan::fromMinutes(20);
    seed.maxLease = TimeSpan::fromMinutes(10);
    const QString id = m_emulator->addSession(AccountId, seed);
    const Run kept = run({u"keep-alive"_s, id, u"--max-lease"_s, u"1:00"_s});
    COMPARE_EXIT(kept, 4);
    QVERIFY2(kept.out.contains("ended"), qPrintable(kept.describe()));
    QCOMPARE(m_emulator->requestCount(u"update"_s), 0);
}

void TestArrsmKeepAlive::unknownSessionIsAServiceError()
{
    const Run kept = run({u"keep-alive"_s, u"00000000-0000-0000-0000-000000000000"_s, u"--max-lease"_s, u"1:00"_s});
    COMPARE_EXIT(kept, 1);
    QVERIFY2(kept.err.startsWith("arrsm: HTTP 404"), qPrintable(kept.describe()));
}

void TestArrsmKeepAlive::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no bound") << QStringList{u"keep-alive"_s, u"00000000-0000-0000-0000-000000000001"_s};
    QTest::newRow("two bounds") << QStringList{u"keep-alive"_s, u"00000000-0000-0000-0000-000000000001"_s, u"--until"_s,
        u"18:00"_s, u"--max-lease"_s, u"2:00"_s};
    QTest::newRow("bad time") << QStringList{
        u"keep-alive"_s, u"00000000-0000-0000-0000-000000000001"_s, u"--until"_s, u"25:99"_s};
    QTest::newRow("lease beyond a day") << QStringList{
        u"keep-alive"_s, u"00000000-0000-0000-0000-000000000001"_s, u"--max-lease"_s, u"25:00"_s};
    QTest::newRow("tiny step") << QStringList{u"keep-alive"_s, u"00000000-0000-0000-0000-000000000001"_s,
        u"--max-lease"_s, u"2:00"_s, u"--step"_s, u"0:00:10"_s};
    QTest::newRow("no id") << QStringList{u"keep-alive"_s, u"--max-lease"_s, u"2:00"_s};
}

void TestArrsmKeepAlive::usageErrors()
{
    QFETCH(QStringList, arguments);
    const Run kept = run(arguments);
    COMPARE_EXIT(kept, 2);
    QVERIFY2(kept.err.startsWith("arrsm: "), qPrintable(kept.describe()));
    QCOMPARE(m_emulator->requestCount(), 0);
}

bool TestArrsmKeepAlive::saveWatchedAccount() const
{
    QSettings settings(m_home->filePath(u"config/ArrSessionManager/arr-session-manager.conf"_s), QSettings::IniFormat);
    arr::AccountStore store(&settings);
    arr::Account watched;
    watched.name = u"Watched"_s;
    watched.accountId = AccountId;
    watched.endpoint = m_emulator->baseUrl();
    watched.tokenEndpoint = m_emulator->baseUrl();
    watched.readOnly = true;
    return store.save(watched).isEmpty();
}

QList<QStringList> TestArrsmKeepAlive::commandsThatChange(const QString &id)
{
    return {
        {u"keep-alive"_s, id, u"--max-lease"_s, u"2:00"_s},
        {u"extend"_s, id, u"--lease"_s, u"5:00"_s},
        {u"stop"_s, id},
        {u"create"_s, u"--lease"_s, u"1:00"_s, u"--size"_s, u"standard"_s},
    };
}

void TestArrsmKeepAlive::readOnlySavedAccountIsRefused()
{
#if !defined(Q_OS_UNIX) || defined(Q_OS_DARWIN)
    QSKIP("The settings file is placed by XDG_CONFIG_HOME on Linux and the BSDs only.");
#endif
    QVERIFY(saveWatchedAccount());
    const QString id = m_emulator->addSession(AccountId, SessionSeed{});
    const QList<QStringList> refused = commandsThatChange(id);
    for (QStringList arguments : refused) {
        arguments << u"--account"_s << u"Watched"_s;
        const Run attempt = run(arguments, 30'000, environment(false));
        COMPARE_EXIT(attempt, 2);
        QVERIFY2(attempt.err.contains("read-only"), qPrintable(attempt.describe()));
    }
    QCOMPARE(m_emulator->requestCount(), 0);
}

// The environment's variables reach the same account as a saved read-only one: one account, refused
// alike.
void TestArrsmKeepAlive::readOnlyAccountThroughTheEnvironmentIsRefused()
{
#if !defined(Q_OS_UNIX) || defined(Q_OS_DARWIN)
    QSKIP("The settings file is placed by XDG_CONFIG_HOME on Linux and the BSDs only.");
#endif
    QVERIFY(saveWatchedAccount());
    const QString id = m_emulator->addSession(AccountId, SessionSeed{});
    const QList<QStringList> refused = commandsThatChange(id);
    for (const QStringList &arguments : refused) {
        const Run attempt = run(arguments);
        COMPARE_EXIT(attempt, 2);
        QVERIFY2(attempt.err.startsWith("arrsm: The account \"Watched\" is read-only"), qPrintable(attempt.describe()));
    }
    QCOMPARE(m_emulator->requestCount(), 0);
    // Reading stays open to it.
    const Run shown = run({u"show"_s, id});
    COMPARE_EXIT(shown, 0);
}

void TestArrsmKeepAlive::interruptLeavesTheSessionAlone()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGINT is a POSIX signal.");
#else
    SessionSeed seed;
    seed.status = SessionStatus::Ready;
    seed.maxLease = TimeSpan::fromHours(4);
    const QString id = m_emulator->addSession(AccountId, seed);
    QSignalSpy handled(m_emulator.get(), &EmulatorServer::requestHandled);
    QProcess process;
    process.setProcessEnvironment(environment());
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(
        QStringLiteral(ARRSM_BINARY), {u"keep-alive"_s, id, u"--max-lease"_s, u"6:00"_s, u"--interval"_s, u"0.2"_s});
    QVERIFY(process.waitForStarted(10'000));
    // Once it has looked at the session, it is in its loop.
    QTRY_VERIFY_WITH_TIMEOUT(m_emulator->requestCount(u"properties"_s) >= 1, 10'000);
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(finished.wait(10'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    QCOMPARE(m_emulator->requestCount(u"update"_s), 0);
    QCOMPARE(m_emulator->requestCount(u"stop"_s), 0);
    QCOMPARE(m_emulator->sessions(AccountId).first().status, SessionStatus::Ready);
#endif
}

// arrsm reads one session on the application layer's monitor: the window's saved keep-alive policies,
// of that session or another, are neither run (no extend behind the command's back) nor changed.
void TestArrsmKeepAlive::commandsLeaveTheWindowsPoliciesAlone()
{
#if !defined(Q_OS_UNIX) || defined(Q_OS_DARWIN)
    QSKIP("The settings file is placed by XDG_CONFIG_HOME on Linux and the BSDs only.");
#endif
    // Five minutes left: a policy that ran would extend it at once.
    SessionSeed nearlyOut;
    nearlyOut.status = SessionStatus::Ready;
    nearlyOut.maxLease = TimeSpan::fromHours(4);
    nearlyOut.age = TimeSpan::fromMinutes(235);
    const QString followed = m_emulator->addSession(AccountId, nearlyOut);
    SessionSeed ready;
    ready.status = SessionStatus::Ready;
    const QString other = m_emulator->addSession(AccountId, ready);
    QJsonArray policies;
    for (const QString &id : {followed, other}) {
        policies.append(
            QJsonObject{{u"maxLease"_s, u"06:00:00"_s}, {u"step"_s, u"00:30:00"_s}, {u"before"_s, u"00:10:00"_s},
                {u"accountIdentity"_s, arr::accountIdentity(m_emulator->baseUrl(), AccountId)}, {u"sessionId"_s, id}});
    }
    const QString stored = QString::fromUtf8(QJsonDocument(policies).toJson(QJsonDocument::Compact));
    const QString settingsFile = m_home->filePath(u"config/ArrSessionManager/arr-session-manager.conf"_s);
    QSettings(settingsFile, QSettings::IniFormat).setValue(u"keepAlive/policies"_s, stored);

    const Run waited = run({u"wait"_s, followed});
    COMPARE_EXIT(waited, 0);
    const Run extended = run({u"extend"_s, followed, u"--lease"_s, u"4:30"_s});
    COMPARE_EXIT(extended, 0);
    // arrsm's own extend, and nothing else.
    QCOMPARE(m_emulator->requestCount(u"update"_s), 1);
    QCOMPARE(QSettings(settingsFile, QSettings::IniFormat).value(u"keepAlive/policies"_s).toString(), stored);
}

QTEST_GUILESS_MAIN(TestArrsmKeepAlive)
#include "tst_arrsm_keepalive.moc"
