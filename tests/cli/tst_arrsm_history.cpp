#include "common/ArrsmProcess.h"
#include "core/Clock.h"
#include "emulator/EmulatorServer.h"
#include "monitor/LiveSessions.h"
#include "storage/HistoryStore.h"
#include "workspace/HistoryRecorder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using arr::SessionStatus;
using arr::emulator::EmulatorOptions;
using arr::emulator::EmulatorServer;
using arr::emulator::SessionSeed;

namespace {

const QString AccountId = u"01234567-89ab-cdef-0123-456789abcdef"_s;
const QString AccountKey = u"history-test-key-c2VjcmV0"_s;

using Run = ArrsmRun;

// The rows of a CSV as Python's csv module reads them: one object per row, keyed by the header.
QJsonArray csvRows(const QByteArray &csv)
{
    QProcess python;
    python.start(QStringLiteral(ARRSM_TEST_PYTHON),
        {u"-c"_s,
            u"import csv, io, json, sys\n"
            "rows = list(csv.DictReader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8', newline='')))\n"
            "json.dump(rows, sys.stdout)\n"_s});
    if (!python.waitForStarted(10'000))
        return {};
    python.write(csv);
    python.closeWriteChannel();
    if (!python.waitForFinished(30'000) || python.exitCode() != 0) {
        qWarning("%s", python.readAllStandardError().constData());
        return {};
    }
    return QJsonDocument::fromJson(python.readAllStandardOutput()).array();
}

} // namespace

// The session history as arrsm and the app's recorder write it: a session's whole life through
// arrsm against the emulator, exported as JSON and CSV; and both writing one file at once.
class TestArrsmHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        // A minute of the service's time passes in a second: a session starts in a third of one.
        m_clock = std::make_unique<arr::ScaledClock>(60.0);
        m_emulator = std::make_unique<EmulatorServer>(EmulatorOptions{}, m_clock.get());
        m_emulator->addAccount(AccountId, AccountKey);
        QVERIFY2(m_emulator->listen(QHostAddress::LocalHost, 0), qPrintable(m_emulator->errorString()));
    }

    void cleanup()
    {
        m_emulator.reset();
        m_clock.reset();
        m_home.reset();
    }

    void sessionLifeThroughArrsm();
    void createdByIsShownWhereKnown();
    void recorderAndArrsmWriteAtOnce();
    void historyHeldByAnotherWriterHoldsNoCommandBack();
    void damagedHistoryIsAnError();

private:
    QProcessEnvironment environment() const
    {
        return arrsmEnvironment(m_home->path(), m_emulator->baseUrl(), AccountId, AccountKey);
    }
    // Where arrsm keeps its history with environment(): the user's data location.
    QString historyFile() const
    {
        return m_home->filePath(u"data/ArrSessionManager/arr-session-manager/history.sqlite"_s);
    }
    Run run(const QStringList &arguments) { return runArrsm(arguments, environment(), {60'000, false}); }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<arr::Clock> m_clock;
    std::unique_ptr<EmulatorServer> m_emulator;
};

void TestArrsmHistory::sessionLifeThroughArrsm()
{
    const Run created = run({u"create"_s, u"--lease"_s, u"1:00"_s, u"--size"_s, u"standard"_s, u"--wait"_s,
        u"--interval"_s, u"0.1"_s, u"--json"_s});
    COMPARE_EXIT(created, 0);
    const QString id = QJsonDocument::fromJson(created.out).object().value(u"sessionId"_s).toString();
    QVERIFY2(!id.isEmpty(), created.out.constData());
    // Ready for a few of the service's minutes, so that its billed time is well above zero.
    QTest::qWait(300);
    COMPARE_EXIT(run({u"extend"_s, id, u"--lease"_s, u"2:00"_s}), 0);
    COMPARE_EXIT(run({u"stop"_s, id, u"--wait"_s, u"--interval"_s, u"0.1"_s}), 0);

    const Run json = run({u"history"_s, u"--json"_s});
    COMPARE_EXIT(json, 0);
    const QJsonArray sessions = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(sessions.size(), 1);
    const QJsonObject session = sessions.first().toObject();
    QCOMPARE(session.value(u"sessionId"_s).toString(), id);
    QCOMPARE(session.value(u"account"_s).toString(), AccountId);
    QCOMPARE(session.value(u"status"_s).toString(), u"stopped"_s);
    QCOMPARE(session.value(u"finalStatus"_s).toString(), u"stopped"_s);
    QCOMPARE(session.value(u"extendCount"_s).toInt(), 1);
    QCOMPARE(session.value(u"createdHere"_s).toBool(), true);
    QCOMPARE(session.value(u"stoppedHere"_s).toBool(), true);
    QCOMPARE(session.value(u"closedUnseen"_s).toBool(), false);
    QCOMPARE(session.value(u"leaseSeconds"_s).toInt(), 7200);
    QVERIFY2(session.value(u"billedSeconds"_s).toDouble() > 0, json.out.constData());
    QVERIFY(!session.value(u"readyAt"_s).toString().isEmpty());
    QVERIFY(!session.value(u"endedAt"_s).toString().isEmpty());

    // The CSV of the same, read by Python's csv module, holds the same values.
    const Run csv = run({u"history"_s, u"--csv"_s});
    COMPARE_EXIT(csv, 0);
    const QJsonArray rows = csvRows(csv.out);
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.first().toObject();
    QCOMPARE(row.keys().size(), session.keys().size());
    for (const QString &key : session.keys()) {
        const QJsonValue expected = session.value(key);
        const QString field = row.value(key).toString();
        if (expected.isNull())
            QVERIFY2(field.isEmpty(), qPrintable(key));
        else if (key == u"createdBy"_s)
            // As the window words it, in English; a run without USER has no user to name.
            QCOMPARE(field,
                u"%1 on %2 (arrsm %3)"_s.arg(
                    expected[u"user"_s].toString().isEmpty() ? u"an unknown user"_s : expected[u"user"_s].toString(),
                    expected[u"host"_s].toString(), expected[u"version"_s].toString()));
        else if (expected.isBool())
            QCOMPARE(field, expected.toBool() ? u"true"_s : u"false"_s);
        else if (expected.isDouble())
            QVERIFY2(qAbs(field.toDouble() - expected.toDouble()) < 1e-3, qPrintable(key + u": "_s + field));
        else
            QCOMPARE(field, expected.toString());
    }
}

// arrsm show and list --json say who created a session where the history knows it: at once for the
// session this run created, from the history after; nothing at all for one created elsewhere.
void TestArrsmHistory::createdByIsShownWhereKnown()
{
    QProcessEnvironment environment = this->environment();
    environment.insert(u"USER"_s, u"ops-tester"_s);
    const auto runAs = [&environment](const QStringList &arguments) {
        return runArrsm(arguments, environment, {60'000, false});
    };
    const QString outside = m_emulator->addSession(AccountId, SessionSeed{});
    const Run created = runAs({u"create"_s, u"--lease"_s, u"1:00"_s, u"--size"_s, u"standard"_s, u"--json"_s});
    COMPARE_EXIT(created, 0);
    const QJsonObject createdObject = QJsonDocument::fromJson(created.out).object();
    const QString id = createdObject.value(u"sessionId"_s).toString();
    const QJsonObject expected{{u"user"_s, u"ops-tester"_s}, {u"host"_s, QSysInfo::machineHostName()},
        {u"program"_s, u"arrsm"_s}, {u"version"_s, QStringLiteral(ARRSM_VERSION)}};
    QCOMPARE(createdObject.value(u"createdBy"_s).toObject(), expected);

    const Run listed = runAs({u"list"_s, u"--json"_s});
    COMPARE_EXIT(listed, 0);
    const QJsonArray sessions = QJsonDocument::fromJson(listed.out).array();
    QCOMPARE(sessions.size(), 2);
    for (const QJsonValue &value : sessions) {
        const QJsonObject object = value.toObject();
        if (object.value(u"sessionId"_s).toString() == id) {
            QCOMPARE(object.value(u"createdBy"_s).toObject(), expected);
        } else {
            QCOMPARE(object.value(u"sessionId"_s).toString(), outside);
            QVERIFY2(!object.contains(u"createdBy"_s), listed.out.constData());
        }
    }
    // Another user's arrsm reads the same history: the creator stays who created it.
    environment.insert(u"USER"_s, u"someone-else"_s);
    const Run shown = runAs({u"show"_s, id, u"--json"_s});
    COMPARE_EXIT(shown, 0);
    QCOMPARE(QJsonDocument::fromJson(shown.out).object().value(u"createdBy"_s).toObject(), expected);
    const Run shownOutside = runAs({u"show"_s, outside, u"--json"_s});
    COMPARE_EXIT(shownOutside, 0);
    QVERIFY(!QJsonDocument::fromJson(shownOutside.out).object().contains(u"createdBy"_s));
    // The table for people is as it was.
    const Run table = runAs({u"show"_s, id});
    COMPARE_EXIT(table, 0);
    QVERIFY(!table.out.contains("arrsm"));

    // The history's own export says the same: the same object in its JSON, left out for the session
    // created elsewhere; in its CSV as the window words it, and "unknown".
    const Run json = runAs({u"history"_s, u"--json"_s});
    COMPARE_EXIT(json, 0);
    const QJsonArray recorded = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(recorded.size(), 2);
    for (const QJsonValue &value : recorded) {
        const QJsonObject object = value.toObject();
        if (object.value(u"sessionId"_s).toString() == id)
            QCOMPARE(object.value(u"createdBy"_s).toObject(), expected);
        else
            QVERIFY2(!object.contains(u"createdBy"_s), json.out.constData());
    }
    const Run csv = runAs({u"history"_s, u"--csv"_s});
    COMPARE_EXIT(csv, 0);
    QVERIFY2(csv.out.startsWith("account,"), csv.out.constData());
    const QJsonArray rows = csvRows(csv.out);
    QCOMPARE(rows.size(), 2);
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        const bool ours = row.value(u"sessionId"_s).toString() == id;
        QCOMPARE(row.value(u"createdBy"_s).toString(),
            ours ? u"ops-tester on %1 (arrsm %2)"_s.arg(QSysInfo::machineHostName(), QStringLiteral(ARRSM_VERSION))
                 : u"unknown"_s);
    }
}

void TestArrsmHistory::recorderAndArrsmWriteAtOnce()
{
    for (int i = 0; i < 40; ++i) {
        SessionSeed seed;
        seed.status = SessionStatus::Ready;
        seed.age = arr::TimeSpan::fromMinutes(5);
        m_emulator->addSession(AccountId, seed);
    }
    // The file exists first, as it would once the app has run.
    {
        arr::HistoryStore store(historyFile());
        QCOMPARE(store.open(), arr::HistoryStore::OpenResult::Opened);
    }
    arr::ManualClock clock;
    arr::LiveSessions live(&clock);
    arr::HistoryRecorder recorder(&live, &clock);
    recorder.open(historyFile(), 400);
    recorder.flush();
    QVERIFY(recorder.isEnabled());
    int written = 0;
    connect(&recorder, &arr::HistoryRecorder::historyChanged, this, [&written] { ++written; });

    // Four arrsm processes list (and so record) while the recorder writes a poll every 50 ms (a
    // real app polls every 10 s): each side waits for the other's transaction, none fails.
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < 4; ++i) {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment());
        process->start(QStringLiteral(ARRSM_BINARY), {u"list"_s, u"--verbose"_s});
        processes.push_back(std::move(process));
    }
    QList<arr::Session> sessions;
    int polls = 0;
    const auto running = [&processes] {
        return std::any_of(processes.begin(), processes.end(),
            [](const std::unique_ptr<QProcess> &p) { return p->state() != QProcess::NotRunning; });
    };
    QElapsedTimer timer;
    timer.start();
    while ((running() || polls < 20) && timer.elapsed() < 60'000) {
        for (int i = 0; i < 50; ++i) {
            arr::Session s;
            s.id = u"app-%1-%2"_s.arg(polls).arg(i);
            s.status = SessionStatus::Ready;
            s.statusText = u"ready"_s;
            s.size = u"standard"_s;
            s.elapsed = arr::TimeSpan::fromSeconds(polls * 60);
            s.maxLease = arr::TimeSpan::fromHours(4);
            sessions.append(s);
        }
        clock.advance(10'000);
        live.applyPoll(u"app"_s, sessions, clock.monotonicMs(), "cv.app");
        recorder.recordPoll(u"app"_s);
        ++polls;
        QTest::qWait(50);
    }
    recorder.flush();
    for (const auto &process : processes) {
        QCOMPARE(process->state(), QProcess::NotRunning);
        const QByteArray err = process->readAllStandardError();
        QVERIFY2(process->exitCode() == 0, err.constData());
        QVERIFY2(!err.contains("locked") && !err.contains("history is off"), err.constData());
    }
    QVERIFY2(recorder.problem().isEmpty(), qPrintable(recorder.problem()));
    QVERIFY(recorder.isEnabled());
    QVERIFY(written > 0);

    arr::HistoryStore reader(historyFile());
    QCOMPARE(reader.open(), arr::HistoryStore::OpenResult::Opened);
    arr::HistoryQuery app;
    app.accounts = {u"app"_s};
    QCOMPARE(reader.sessions(app).size(), polls * 50);
    arr::HistoryQuery listed;
    listed.accounts = {AccountId};
    QCOMPARE(reader.sessions(listed).size(), 40);
}

// Another writer holds the history file (an open write transaction): every command still prints and
// exits within its deadline, says in one line that history could not be written, and records nothing.
void TestArrsmHistory::historyHeldByAnotherWriterHoldsNoCommandBack()
{
    COMPARE_EXIT(run({u"list"_s}), 0);
    QVERIFY(QFile::exists(historyFile()));
    {
        QSqlDatabase holder = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"holder"_s);
        holder.setDatabaseName(historyFile());
        QVERIFY(holder.open());
        QSqlQuery hold(holder);
        QVERIFY(hold.exec(u"BEGIN IMMEDIATE"_s));
        QElapsedTimer timer;
        timer.start();
        const Run created = run(
            {u"create"_s, u"--lease"_s, u"0:30"_s, u"--size"_s, u"standard"_s, u"--json"_s, u"--timeout"_s, u"8"_s});
        const qint64 elapsedMs = timer.elapsed();
        COMPARE_EXIT(created, 0);
        const QString id = QJsonDocument::fromJson(created.out).object().value(u"sessionId"_s).toString();
        QVERIFY2(!id.isEmpty(), qPrintable(created.describe()));
        QCOMPARE(created.err.count('\n'), 1);
        QVERIFY2(created.err.startsWith("arrsm: warning: Session history is off:"), qPrintable(created.describe()));
        // Before: 20 s (four busy timeouts of 5 s) before anything was printed.
        QVERIFY2(elapsedMs < 7000, qPrintable(u"%1 ms"_s.arg(elapsedMs)));
        qInfo("create with the history held by another writer: %lld ms", elapsedMs);
        QVERIFY(hold.exec(u"ROLLBACK"_s));
    }
    QSqlDatabase::removeDatabase(u"holder"_s);
    // Nothing half-written, and the next command writes again.
    COMPARE_EXIT(run({u"list"_s}), 0);
    const Run history = run({u"history"_s, u"--json"_s});
    COMPARE_EXIT(history, 0);
    const QJsonArray rows = QJsonDocument::fromJson(history.out).array();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().toObject().value(u"createdHere"_s).toBool(), false);
}

void TestArrsmHistory::damagedHistoryIsAnError()
{
    COMPARE_EXIT(run({u"list"_s}), 0);
    QFile file(historyFile());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QByteArray(64 * 1024, 'Z'));
    file.close();
    const Run history = run({u"history"_s, u"--csv"_s});
    COMPARE_EXIT(history, 1);
    QVERIFY(history.out.isEmpty());
    QVERIFY2(history.err.contains("damaged"), qPrintable(history.describe()));
}

QTEST_GUILESS_MAIN(TestArrsmHistory)
#include "tst_arrsm_history.moc"
