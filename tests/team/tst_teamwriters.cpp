#include "common/ArrsmProcess.h"
#include "common/MonitorPolls.h"
#include "common/PostgresServer.h"
#include "emulator/EmulatorServer.h"
#include "monitor/SessionMonitor.h"
#include "storage/HistoryLocation.h"
#include "storage/HistoryStore.h"
#include "storage/SecretStore.h"
#include "storage/Settings.h"
#include "workspace/BudgetWatch.h"
#include "workspace/HistoryRecorder.h"
#include "workspace/Workspace.h"

#include <QProcess>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>
#include <vector>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace arr;
using emulator::EmulatorServer;

namespace {

const QString AccountId = u"7c8d9eaf-1020-4334-a556-e7f809112233"_s;
const QString AccountKey = u"writers-test-key-c2VjcmV0"_s;
constexpr int WindowCount = 3;
constexpr int WatcherCount = 2;

} // namespace

// Many writers, one truth (#24): three windows' workspaces and two `arrsm watch` processes record the
// same emulator account into one PostgreSQL database while arrsm and the windows send commands. Each
// session is one row in the state the emulator has it; its billed time is the service's (never the sum
// of the writers'); each status change and each command is one event. Skipped, saying why, without
// PostgreSQL or Qt's QPSQL driver.
class TestTeamWriters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = PostgresServer::unavailableReason(); !why.isEmpty())
            QSKIP(qPrintable(why));
        m_server = std::make_unique<PostgresServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        qputenv("PGPASSWORD", m_server->password().toUtf8());
        QVERIFY(m_dir.isValid());
        emulator::EmulatorOptions options;
        options.startDelayMs = 2'000;
        options.stopDelayMs = 1'000;
        m_emulator = std::make_unique<EmulatorServer>(options);
        m_emulator->addAccount(AccountId, AccountKey);
        QVERIFY2(m_emulator->listen(QHostAddress::LocalHost, 0), qPrintable(m_emulator->errorString()));
    }

    void everyFactIsWrittenOnce()
    {
        emulator::SessionSeed old;
        old.status = SessionStatus::Ready;
        old.age = TimeSpan::fromMinutes(20);
        const QString seeded = m_emulator->addSession(AccountId, old);

        std::vector<std::unique_ptr<Workspace>> windows;
        for (int i = 0; i < WindowCount; ++i)
            windows.push_back(startWindow(i));
        std::vector<std::unique_ptr<QProcess>> watchers;
        for (int i = 0; i < WatcherCount; ++i) {
            watchers.push_back(startWatcher(i));
            QVERIFY(watchers.back());
        }
        QVERIFY(QTest::qWaitFor([&] { return count(u"SELECT COUNT(*) FROM sessions"_s) == 1; }, 30'000));

        // Commands from arrsm and from two of the windows.
        const ArrsmRun created = runArrsm(
            {u"create"_s, u"--size"_s, u"standard"_s, u"--lease"_s, u"1:00"_s, u"--json"_s}, arrsmEnvironment(0));
        COMPARE_EXIT(created, 0);
        const QString kept = created.json().object().value(u"sessionId"_s).toString();
        COMPARE_EXIT(runArrsm({u"extend"_s, seeded, u"--lease"_s, u"6:00"_s}, arrsmEnvironment(0)), 0);
        const QString account = windows.front()->monitor().accountNames().value(0);
        windows[1]->createSession(account, CreateSessionRequest(TimeSpan::fromHours(1), u"standard"_s, {}));
        QVERIFY(QTest::qWaitFor([&] { return m_emulator->sessions(AccountId).size() == 3; }, 15'000));
        QString second;
        for (const Session &s : m_emulator->sessions(AccountId)) {
            if (s.id != seeded && s.id != kept)
                second = s.id;
        }
        QVERIFY(!second.isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return status(second) == u"ready"_s; }, 30'000));
        windows[2]->extendSession(account, kept, TimeSpan::fromHours(2));
        windows[0]->stopSession(account, second);

        // Until the database says what the emulator says of every session, and every writer saw it.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QList<Session> truth = m_emulator->sessions(AccountId);
                return std::all_of(truth.begin(), truth.end(),
                    [&](const Session &s) { return status(s.id) == sessionStatusWireName(s.status); });
            },
            60'000));
        for (const auto &window : windows)
            QVERIFY(pollAndSettle(window->monitor(), account));
        windows.clear();
        for (const auto &watcher : watchers) {
            ::kill(pid_t(watcher->processId()), SIGTERM);
            QVERIFY(watcher->waitForFinished(15'000));
            QCOMPARE(watcher->exitCode(), 0);
        }

        const QList<Session> truth = m_emulator->sessions(AccountId);
        qInfo("%d sessions, %d events", count(u"SELECT COUNT(*) FROM sessions"_s),
            count(u"SELECT COUNT(*) FROM events"_s));
        QCOMPARE(count(u"SELECT COUNT(*) FROM sessions"_s), int(truth.size()));
        for (const Session &s : truth) {
            QCOMPARE(status(s.id), sessionStatusWireName(s.status));
            // What the service says, written once a minute of it has gone by: never more, and never the
            // sum of five writers' (100 minutes for the seeded session).
            const qint64 billed
                = scalar(u"SELECT billed_seconds FROM sessions WHERE session_id = '%1'"_s.arg(s.id)).toLongLong();
            const qint64 elapsed = s.elapsed ? s.elapsed->totalMilliseconds() / 1000 : 0;
            QVERIFY2(billed <= elapsed + 1 && billed >= elapsed - 61,
                qPrintable(u"%1: billed %2 s, the service says %3 s"_s.arg(s.id).arg(billed).arg(elapsed)));
        }
        QVERIFY(scalar(u"SELECT billed_seconds FROM sessions WHERE session_id = '%1'"_s.arg(seeded)).toLongLong()
            >= 19 * 60);
        // A status change or a command is one event, whoever saw or sent it.
        QCOMPARE(count(u"SELECT COUNT(*) FROM (SELECT session_id, kind FROM events WHERE kind <> 'extended'"
                       " GROUP BY session_id, kind HAVING COUNT(*) > 1) repeated"_s),
            0);
        QCOMPARE(count(u"SELECT COUNT(*) FROM events WHERE kind = 'created'"_s), 2);
        QCOMPARE(count(u"SELECT COUNT(*) FROM events WHERE kind = 'extended'"_s), 2);
        QCOMPARE(count(u"SELECT COUNT(*) FROM events WHERE kind = 'stopped'"_s), 1);
        QCOMPARE(count(u"SELECT COUNT(*) FROM events WHERE kind = 'ready' AND session_id = '%1'"_s.arg(second)), 1);
        QCOMPARE(count(u"SELECT extend_count FROM sessions WHERE session_id = '%1'"_s.arg(kept)), 1);
        QCOMPARE(count(u"SELECT extend_count FROM sessions WHERE session_id = '%1'"_s.arg(seeded)), 1);
    }

    // Team budgets (#24): what a session that ended while this window was closed cost today is counted
    // from what another writer recorded; a window that keeps its history on this computer knows nothing
    // of it.
    void spentTodayCountsWhatOthersSaw()
    {
        // Ended sessions leave the emulator's list at once: only a history remembers them.
        emulator::EmulatorOptions options;
        options.stopDelayMs = 0;
        options.retentionMs = 0;
        EmulatorServer service(options);
        service.addAccount(AccountId, AccountKey);
        QVERIFY(service.listen(QHostAddress::LocalHost, 0));
        emulator::SessionSeed old;
        old.status = SessionStatus::Ready;
        old.age = TimeSpan::fromMinutes(30);
        const QString id = service.addSession(AccountId, old);

        double seen = 0;
        {
            const std::unique_ptr<Workspace> first = startWindow(10, service.baseUrl());
            const QString account = first->monitor().accountNames().value(0);
            QVERIFY(QTest::qWaitFor([&] { return status(id) == u"ready"_s; }, 30'000));
            seen = first->budgets().spentToday({account}).value(account).amount;
            first->stopSession(account, id);
            QVERIFY(QTest::qWaitFor(
                [&] {
                    return scalar(u"SELECT ended_at IS NOT NULL FROM sessions WHERE session_id = '%1'"_s.arg(id))
                        .toBool();
                },
                30'000));
            QVERIFY(pollAndSettle(first->monitor(), account));
            QVERIFY(service.sessions(AccountId).isEmpty());
        }
        const std::unique_ptr<Workspace> later = startWindow(11, service.baseUrl());
        const QString account = later->monitor().accountNames().value(0);
        QVERIFY(pollAndSettle(later->monitor(), account));
        double counted = -1;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         counted = later->budgets().spentToday({account}).value(account).amount;
                         return std::abs(counted - seen) < 2.0 / 60;
                     },
                     15'000),
            qPrintable(u"later window: %1 h, the first saw %2 h"_s.arg(counted).arg(seen)));
        qInfo("spent today: %.3f h seen by the first window, %.3f h counted by the later one", seen, counted);

        const std::unique_ptr<Workspace> alone = startWindow(12, service.baseUrl(), false);
        QVERIFY(pollAndSettle(alone->monitor(), account));
        QCOMPARE(alone->budgets().spentToday({account}).value(account).amount, 0.0);
    }

    // Preferences move a running window's history to the team database and back: no restart. The
    // password given with the choice is used at once (here the only one: PGPASSWORD is unset).
    void aWindowMovesToTheTeamDatabaseAndBack()
    {
        const QByteArray environmentPassword = qgetenv("PGPASSWORD");
        qunsetenv("PGPASSWORD");
        const auto restore = qScopeGuard([&] { qputenv("PGPASSWORD", environmentPassword); });
        emulator::SessionSeed ready;
        ready.status = SessionStatus::Ready;
        const QString before = m_emulator->addSession(AccountId, ready);

        const std::unique_ptr<Workspace> window = startWindow(13, {}, false);
        const QString account = window->monitor().accountNames().value(0);
        QVERIFY(pollAndSettle(window->monitor(), account));
        QVERIFY(!window->historyLocation().isTeam());
        QVERIFY(status(before).isEmpty());

        const arr::HistoryLocation team = arr::HistoryLocation::fromUrl(teamUrl());
        window->saveHistoryPassword(team, m_server->password());
        window->settings().setValue(Settings::Key::HistoryTeamUrl, teamUrl());
        window->applySettings();
        QVERIFY(window->historyLocation().isTeam());
        // Every listed session is new to the team database: the next poll writes it there.
        QVERIFY(pollAndSettle(window->monitor(), account));
        QVERIFY2(QTest::qWaitFor([&] { return status(before) == u"ready"_s; }, 30'000),
            qPrintable(window->historyProblem()));
        QVERIFY2(window->historyProblem().isEmpty(), qPrintable(window->historyProblem()));

        // And back to this computer's file, which gets what is new.
        window->settings().setValue(Settings::Key::HistoryTeamUrl, QString());
        window->applySettings();
        QVERIFY(!window->historyLocation().isTeam());
        const QString after = m_emulator->addSession(AccountId, ready);
        QVERIFY(pollAndSettle(window->monitor(), account));
        QVERIFY(QTest::qWaitFor(
            [&] {
                arr::HistoryStore file(window->historyFile());
                file.open();
                return file.session(window->historyRecording().identityOf(account), after).has_value();
            },
            30'000));
        QVERIFY(status(after).isEmpty());
    }

private:
    QString teamUrl() const
    {
        return u"postgresql://%1@%2:%3/%4?sslmode=disable"_s.arg(
            m_server->userName(), m_server->hostName(), QString::number(m_server->port()), m_server->databaseName());
    }

    // A window's application layer, watching the account with its own settings and recorder.
    std::unique_ptr<Workspace> startWindow(int index, const QUrl &service = {}, bool team = true)
    {
        Workspace::Options options;
        options.settingsFile = m_dir.filePath(u"window-%1.ini"_s.arg(index));
        options.secretStore = &m_secrets;
        if (team)
            options.historyUrl = teamUrl();
        options.localEmulator = false;
        auto workspace = std::make_unique<Workspace>(options);
        shortenIntervals(workspace->monitor(), 5);
        Account account;
        account.accountId = AccountId;
        account.endpoint = service.isEmpty() ? m_emulator->baseUrl() : service;
        account.tokenEndpoint = account.endpoint;
        workspace->startWith(workspace->useAccountForRun(account), AccountKey);
        return workspace;
    }

    QProcessEnvironment arrsmEnvironment(int index) const
    {
        QProcessEnvironment environment
            = ::arrsmEnvironment(m_dir.filePath(u"home-%1"_s.arg(index)), m_emulator->baseUrl(), AccountId, AccountKey);
        environment.insert(u"ARRSM_HISTORY_URL"_s, teamUrl());
        environment.insert(u"PGPASSWORD"_s, m_server->password());
        return environment;
    }

    std::unique_ptr<QProcess> startWatcher(int index)
    {
        auto watcher = std::make_unique<QProcess>();
        watcher->setProcessEnvironment(arrsmEnvironment(index));
        watcher->start(QStringLiteral(ARRSM_BINARY), {u"watch"_s, u"--metrics-listen"_s, u"127.0.0.1:0"_s});
        if (!watcher->waitForStarted(10'000))
            return nullptr;
        return watcher;
    }

    QVariant scalar(const QString &sql) const { return m_server->scalar(sql); }

    // -1 when the database cannot be asked.
    int count(const QString &sql) const
    {
        const QVariant value = scalar(sql);
        return value.isValid() ? value.toInt() : -1;
    }

    QString status(const QString &sessionId) const
    {
        return scalar(u"SELECT status FROM sessions WHERE session_id = '%1'"_s.arg(sessionId)).toString();
    }

    std::unique_ptr<PostgresServer> m_server;
    std::unique_ptr<EmulatorServer> m_emulator;
    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;
};

QTEST_GUILESS_MAIN(TestTeamWriters)
#include "tst_teamwriters.moc"
