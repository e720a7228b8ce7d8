#include "common/HistoryRecordsForTests.h"
#include "common/PostgresServer.h"
#include "storage/HistoryLocation.h"
#include "storage/HistoryStore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;
using namespace arr;

namespace {

using historytest::seen;
using historytest::session;
using historytest::T0;

QStringList kindsOf(const QList<HistoryEvent> &events)
{
    QStringList kinds;
    for (const HistoryEvent &e : events)
        kinds << e.kind;
    return kinds;
}

} // namespace

// The session history in a team's PostgreSQL database (HistoryStore with a HistoryLocation URL), against
// a real server of the test's own: the schema made on an empty database, the file's records read back
// alike, several writers of the same sessions, a newer schema left alone, and arrsm reading it through
// ARRSM_HISTORY_URL. Skipped, saying why, without PostgreSQL or Qt's QPSQL driver.
class TestTeamHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urlIsReadOrExplained_data();
    void urlIsReadOrExplained();
    void initTestCase();
    void init();
    void emptyDatabaseGetsTheSchema();
    void lifecycleIsRecorded();
    void whoDidWhatIsRecordedAndSchemaFourMigrated();
    void disappearanceClosesASession();
    void writersOfTheSameSessionsWriteEachFactOnce();
    void newerSchemaIsReadButNotWritten();
    void arrsmListsTheTeamHistory();
    void copyingThisComputersHistoryIsSafeTwice();

private:
    HistoryLocation location() const
    {
        return HistoryLocation::fromUrl(u"postgresql://%1@%2:%3/%4?sslmode=disable"_s.arg(
            m_server->userName(), m_server->hostName(), QString::number(m_server->port()), m_server->databaseName()));
    }
    // Runs SQL as the database's owner, outside any HistoryStore.
    QVariant scalar(const QString &sql);
    // arrsm in a home of its own, its history the test's team database (the password in PGPASSWORD).
    QProcessEnvironment arrsmEnvironment(const QTemporaryDir &home) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &name : environment.keys()) {
            if (name.startsWith(u"ARRSM_"_s))
                environment.remove(name);
        }
        environment.insert(u"HOME"_s, home.path());
        environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        environment.insert(u"ARRSM_HISTORY_URL"_s, location().displayName());
        environment.insert(u"PGPASSWORD"_s, m_server->password());
        return environment;
    }

    std::unique_ptr<PostgresServer> m_server;
};

void TestTeamHistory::urlIsReadOrExplained_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("error");
    QTest::newRow("full") << u"postgresql://ops@db.example:6432/history?sslmode=require"_s
                          << u"postgresql://ops@db.example:6432/history?sslmode=require"_s << QString();
    QTest::newRow("libpq defaults") << u"postgres:///history"_s << u"postgresql:///history"_s << QString();
    QTest::newRow("password") << u"postgresql://ops:secret@db/history"_s << QString() << u"PGPASSWORD"_s;
    QTest::newRow("scheme") << u"mysql://ops@db/history"_s << QString() << u"must look like"_s;
    QTest::newRow("sslmode") << u"postgresql://ops@db/history?sslmode=always"_s << QString() << u"sslmode"_s;
    QTest::newRow("option") << u"postgresql://ops@db/history?password=x"_s << QString() << u"\"password\""_s;
}

void TestTeamHistory::urlIsReadOrExplained()
{
    QFETCH(QString, url);
    QFETCH(QString, display);
    QFETCH(QString, error);
    const HistoryLocation location = HistoryLocation::fromUrl(url);
    if (error.isEmpty()) {
        QVERIFY2(location.isTeam(), qPrintable(location.error()));
        QCOMPARE(location.displayName(), display);
        return;
    }
    QCOMPARE(location.kind(), HistoryLocation::Kind::Invalid);
    QVERIFY2(location.error().contains(error), qPrintable(location.error()));
    QVERIFY(!location.error().contains(u"secret"_s));
    HistoryStore store(location);
    QCOMPARE(store.open(), HistoryStore::OpenResult::Unavailable);
    QVERIFY(store.problem().contains(location.error()));
}

void TestTeamHistory::initTestCase()
{
    if (const QString why = PostgresServer::unavailableReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
    m_server = std::make_unique<PostgresServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    // libpq's own way to a password: the URL has none.
    qputenv("PGPASSWORD", m_server->password().toUtf8());
}

void TestTeamHistory::init()
{
    if (!m_server)
        return;
    QVERIFY(scalar(u"DROP TABLE IF EXISTS sessions, events, deliveries, schema_version"_s).isValid());
}

QVariant TestTeamHistory::scalar(const QString &sql)
{
    return m_server->scalar(sql);
}

void TestTeamHistory::emptyDatabaseGetsTheSchema()
{
    {
        HistoryStore store(location());
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        QVERIFY2(store.problem().isEmpty(), qPrintable(store.problem()));
        QVERIFY(store.sessions().isEmpty());
        QVERIFY(store.readError().isEmpty());
    }
    QCOMPARE(scalar(u"SELECT version FROM schema_version"_s).toInt(), HistoryStore::SchemaVersion);
    QCOMPARE(scalar(u"SELECT count(*) FROM schema_version"_s).toInt(), 1);
    // Times are milliseconds: a 32-bit column would not hold them.
    QCOMPARE(scalar(u"SELECT data_type FROM information_schema.columns WHERE table_name = 'sessions'"
                    " AND column_name = 'first_seen'"_s)
                 .toString(),
        u"bigint"_s);
    // Opened again (and by several programs at once): nothing more to do.
    std::unique_ptr<QThread> threads[4];
    int opened[4] = {};
    for (int i = 0; i < 4; ++i) {
        threads[i].reset(QThread::create([this, &opened, i] {
            HistoryStore store(location());
            opened[i] = store.open() == HistoryStore::OpenResult::Opened ? 1 : 0;
        }));
        threads[i]->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(60'000));
    QCOMPARE(opened[0] + opened[1] + opened[2] + opened[3], 4);
    QCOMPARE(scalar(u"SELECT count(*) FROM schema_version"_s).toInt(), 1);
}

void TestTeamHistory::lifecycleIsRecorded()
{
    HistoryStore store(location());
    QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
    HistoryBatch created;
    created.commands.append(
        {HistoryCommand::Kind::Created, u"a"_s, u"s1"_s, T0, u"created"_s, u"cv.c"_s, u"standard"_s, std::nullopt, {}});
    QVERIFY2(store.record(created), qPrintable(store.problem()));
    QVERIFY(store.record(seen(u"a"_s, session(u"s1"_s, SessionStatus::Starting, 30), T0.addSecs(60))));
    QVERIFY(store.record(seen(u"a"_s, session(u"s1"_s, SessionStatus::Ready, 0), T0.addSecs(120), 3.0)));
    HistoryBatch extended;
    extended.commands.append(
        {HistoryCommand::Kind::Extended, u"a"_s, u"s1"_s, T0.addSecs(200), u"extended"_s, u"cv.e"_s, {}, 7200, {}});
    QVERIFY(store.record(extended));
    QVERIFY(store.record(seen(u"a"_s, session(u"s1"_s, SessionStatus::Stopped, 1800), T0.addSecs(1900), 3.0)));
    HistoryBatch stopped;
    stopped.commands.append(
        {HistoryCommand::Kind::Stopped, u"a"_s, u"s1"_s, T0.addSecs(1901), u"stopped"_s, u"cv.s"_s, {}, {}, {}});
    QVERIFY2(store.record(stopped), qPrintable(store.problem()));

    const std::optional<HistorySession> s = store.session(u"a"_s, u"s1"_s);
    QVERIFY(s);
    QCOMPARE(s->status, u"stopped"_s);
    QCOMPARE(s->finalStatus, u"stopped"_s);
    QCOMPARE(s->firstSeen, T0);
    QCOMPARE(s->readyAt, T0.addSecs(120));
    QCOMPARE(s->endedAt, T0.addSecs(1900));
    QCOMPARE(s->billedSeconds, 1800);
    QVERIFY(s->cost);
    QCOMPARE(*s->cost, 1.5);
    QCOMPARE(s->extendCount, 1);
    QVERIFY(s->createdHere);
    QVERIFY(s->stoppedHere);
    QVERIFY(!s->closedUnseen);
    const QList<HistoryEvent> events = store.events(u"a"_s, u"s1"_s);
    QCOMPARE(kindsOf(events), (QStringList{u"created"_s, u"ready"_s, u"extended"_s, u"stopped"_s}));
    QCOMPARE(events.last().msCv, u"cv.s"_s);
    QCOMPARE(store.sessions().size(), 1);
    QCOMPARE(store.billedEndedSince(T0).size(), 1);
}

// Who sent each command, in PostgreSQL's dialect; a database of schema 4 gains the columns.
void TestTeamHistory::whoDidWhatIsRecordedAndSchemaFourMigrated()
{
    {
        HistoryStore store(location());
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        HistoryBatch created;
        created.commands.append({HistoryCommand::Kind::Created, u"a"_s, u"old"_s, T0, u"created"_s, u"cv.c"_s,
            u"standard"_s, std::nullopt, {}});
        QVERIFY2(store.record(created), qPrintable(store.problem()));
    }
    // Back to schema 4.
    for (const QString &column : {u"actor_user"_s, u"actor_host"_s, u"actor_program"_s, u"actor_version"_s})
        QVERIFY(scalar(u"ALTER TABLE events DROP COLUMN "_s + column).isValid());
    QVERIFY(scalar(u"DROP TABLE deliveries"_s).isValid());
    QVERIFY(scalar(u"UPDATE schema_version SET version = 4"_s).isValid());

    HistoryStore store(location());
    QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
    QCOMPARE(scalar(u"SELECT version FROM schema_version"_s).toInt(), HistoryStore::SchemaVersion);
    QVERIFY(!store.events(u"a"_s, u"old"_s).first().actor.isKnown());
    const HistoryActor alice{u"alice"_s, u"ops-laptop"_s, u"arrsm"_s, u"0.1.0"_s};
    const HistoryActor watcher{u"ops"_s, u"monitor-01"_s, u"arrsm watch"_s, u"0.1.0"_s};
    HistoryBatch commands;
    commands.commands.append({HistoryCommand::Kind::Created, u"a"_s, u"s1"_s, T0, u"created"_s, u"cv.c"_s,
        u"standard"_s, std::nullopt, {}, alice});
    commands.commands.append({HistoryCommand::Kind::Extended, u"a"_s, u"s1"_s, T0.addSecs(60), u"extended"_s, u"cv.e"_s,
        {}, 7200, {}, watcher});
    QVERIFY2(store.record(commands), qPrintable(store.problem()));
    const QHash<QString, QList<HistoryEvent>> actions = store.actions(u"a"_s, {u"s1"_s, u"old"_s});
    QVERIFY2(store.readError().isEmpty(), qPrintable(store.readError()));
    QCOMPARE(actions.keys(), QList<QString>{u"s1"_s});
    QCOMPARE(kindsOf(actions.value(u"s1"_s)), (QStringList{u"created"_s, u"extended"_s}));
    QCOMPARE(creatorOf(actions.value(u"s1"_s)), alice);
    QCOMPARE(store.events(u"a"_s, u"s1"_s).last().actor, watcher);

    // The sessions' read says who created each, in the same query.
    QHash<QString, HistoryActor> creators;
    for (const HistorySession &s : store.sessions())
        creators.insert(s.sessionId, s.createdBy);
    QVERIFY2(store.readError().isEmpty(), qPrintable(store.readError()));
    QCOMPARE(creators.size(), 2);
    QCOMPARE(creators.value(u"s1"_s), alice);
    QVERIFY(!creators.value(u"old"_s).isKnown());
    // And the alerts: all of them, or an account's own since a moment.
    HistoryBatch alerts;
    alerts.alerts.append({u"a"_s, {}, T0.addSecs(120), u"budget-warning"_s, u"80 %"_s, watcher, {}});
    alerts.alerts.append({u"a"_s, u"s1"_s, T0.addSecs(180), u"long-running"_s, u"long"_s, watcher, {}});
    QVERIFY2(store.record(alerts), qPrintable(store.problem()));
    HistoryAlertQuery query;
    QCOMPARE(store.alerts(query).size(), 2);
    query.accountKeys = {u"a"_s};
    query.accountsOnly = true;
    query.since = T0.addSecs(60);
    const QList<HistoryAlert> own = store.alerts(query);
    QVERIFY2(store.readError().isEmpty(), qPrintable(store.readError()));
    QCOMPARE(own.size(), 1);
    QCOMPARE(own.constFirst().kind, u"budget-warning"_s);
    QCOMPARE(own.constFirst().actor, watcher);
    QCOMPARE(own.constFirst().at, T0.addSecs(120));
}

void TestTeamHistory::disappearanceClosesASession()
{
    HistoryStore store(location());
    QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
    QVERIFY(store.record(seen(u"a"_s, session(u"s2"_s, SessionStatus::Starting, 500), T0, 3.0)));
    HistoryBatch gone;
    gone.disappearances.append({u"a"_s, u"s2"_s, T0.addSecs(30), std::nullopt, {}});
    QVERIFY2(store.record(gone), qPrintable(store.problem()));
    const std::optional<HistorySession> s = store.session(u"a"_s, u"s2"_s);
    QVERIFY(s);
    QCOMPARE(s->billedSeconds, 0);
    QVERIFY(s->closedUnseen);
    QCOMPARE(s->finalStatus, u"starting"_s);
    QCOMPARE(s->endedAt, T0.addSecs(30));
    QCOMPARE(store.events(u"a"_s, u"s2"_s).last().kind, u"disappeared"_s);
    // A second disappearance of a closed session changes nothing.
    QVERIFY(store.record(gone));
    QCOMPARE(kindsOf(store.events(u"a"_s, u"s2"_s)), QStringList{u"disappeared"_s});
}

// Three programs see the same sessions of one account start, become ready and stop, at the same time:
// one row per session, one ready and one stopped event each, whoever saw it first.
void TestTeamHistory::writersOfTheSameSessionsWriteEachFactOnce()
{
    {
        HistoryStore first(location());
        QCOMPARE(first.open(), HistoryStore::OpenResult::Opened);
    }
    // Several rounds of new sessions: each a new chance for two writers to meet on a session's row.
    constexpr int Rounds = 5;
    constexpr int PerRound = 40;
    constexpr int Sessions = Rounds * PerRound;
    const auto writer = [this](int offsetMs, int *failures) {
        HistoryStore store(location());
        if (store.open() != HistoryStore::OpenResult::Opened) {
            *failures = -1;
            return;
        }
        const SessionStatus statuses[] = {SessionStatus::Starting, SessionStatus::Ready, SessionStatus::Stopped};
        for (int round = 0; round < Rounds; ++round) {
            for (int step = 0; step < 3; ++step) {
                HistoryBatch batch;
                for (int i = 0; i < PerRound; ++i) {
                    const QDateTime at = T0.addSecs(round * 600 + step * 60).addMSecs(offsetMs);
                    const Session s = session(u"r%1-s%2"_s.arg(round).arg(i), statuses[step], step * 60);
                    batch.observations.append({u"host/team"_s, s, at, u"cv"_s, 3.0, u"host/team"_s});
                }
                if (!store.record(batch))
                    ++*failures;
            }
        }
    };
    constexpr int Writers = 3;
    int failures[Writers] = {};
    std::unique_ptr<QThread> threads[Writers];
    for (int i = 0; i < Writers; ++i) {
        threads[i].reset(QThread::create(writer, i * 5, &failures[i]));
        threads[i]->start();
    }
    for (int i = 0; i < Writers; ++i) {
        QVERIFY(threads[i]->wait(60'000));
        QCOMPARE(failures[i], 0);
    }
    QCOMPARE(scalar(u"SELECT count(*) FROM sessions"_s).toInt(), Sessions);
    QCOMPARE(scalar(u"SELECT count(*) FROM events WHERE kind = 'ready'"_s).toInt(), Sessions);
    QCOMPARE(scalar(u"SELECT count(*) FROM events WHERE kind = 'stopped'"_s).toInt(), Sessions);
    QCOMPARE(scalar(u"SELECT count(*) FROM events"_s).toInt(), 2 * Sessions);
    HistoryStore reader(location());
    QCOMPARE(reader.open(), HistoryStore::OpenResult::Opened);
    const std::optional<HistorySession> s = reader.session(u"host/team"_s, u"r3-s7"_s);
    QVERIFY(s);
    QCOMPARE(s->finalStatus, u"stopped"_s);
    QCOMPARE(s->billedSeconds, 120);
}

void TestTeamHistory::newerSchemaIsReadButNotWritten()
{
    {
        HistoryStore store(location());
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        QVERIFY(store.record(seen(u"a"_s, session(u"s1"_s, SessionStatus::Ready, 60), T0)));
    }
    QVERIFY(scalar(u"UPDATE schema_version SET version = %1"_s.arg(HistoryStore::SchemaVersion + 1)).isValid());
    HistoryStore store(location());
    QCOMPARE(store.open(), HistoryStore::OpenResult::OpenedReadOnly);
    QVERIFY(store.isOpen());
    QVERIFY(store.isReadOnly());
    QVERIFY2(store.problem().contains(u"newer version"_s), qPrintable(store.problem()));
    QCOMPARE(store.sessions().size(), 1);
    QVERIFY(store.readError().isEmpty());
    QVERIFY(!store.record(seen(u"a"_s, session(u"s9"_s, SessionStatus::Ready, 60), T0)));
    QCOMPARE(store.prune(T0.addYears(1)), -1);
    QVERIFY(!store.problem().isEmpty());
    QVERIFY(store.isOpen());
    QCOMPARE(scalar(u"SELECT count(*) FROM sessions"_s).toInt(), 1);
    QCOMPARE(scalar(u"SELECT version FROM schema_version"_s).toInt(), HistoryStore::SchemaVersion + 1);
}

void TestTeamHistory::arrsmListsTheTeamHistory()
{
    {
        HistoryStore store(location());
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        QVERIFY(store.record(seen(u"a"_s, session(u"team-1"_s, SessionStatus::Ready, 60), T0)));
        QVERIFY(store.record(seen(u"a"_s, session(u"team-2"_s, SessionStatus::Starting), T0.addSecs(5))));
    }
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment environment = arrsmEnvironment(home);
    QProcess arrsm;
    arrsm.setProcessEnvironment(environment);
    arrsm.start(QStringLiteral(ARRSM_BINARY), {u"history"_s, u"--json"_s});
    QVERIFY(arrsm.waitForFinished(60'000));
    const QByteArray err = arrsm.readAllStandardError();
    QVERIFY2(arrsm.exitCode() == 0, err.constData());
    const QJsonArray sessions = QJsonDocument::fromJson(arrsm.readAllStandardOutput()).array();
    QStringList ids;
    for (const QJsonValue &value : sessions)
        ids << value.toObject().value(u"sessionId"_s).toString();
    QCOMPARE(ids, (QStringList{u"team-2"_s, u"team-1"_s}));
    // The file of this computer was not used.
    QVERIFY(!QFile::exists(home.filePath(u"data/ArrSessionManager/arr-session-manager/history.sqlite"_s)));

    // A URL that is no team database's: arrsm says why.
    environment.insert(u"ARRSM_HISTORY_URL"_s, u"postgresql://ops:secret@db/history"_s);
    arrsm.setProcessEnvironment(environment);
    arrsm.start(QStringLiteral(ARRSM_BINARY), {u"history"_s, u"--json"_s});
    QVERIFY(arrsm.waitForFinished(60'000));
    QVERIFY(arrsm.exitCode() != 0);
    QVERIFY2(arrsm.readAllStandardError().contains("PGPASSWORD"), "no reason given for a bad URL");
}

// history --copy-to-team: this computer's file into the team database, merged with what the team had
// of the same sessions; a second run changes nothing.
void TestTeamHistory::copyingThisComputersHistoryIsSafeTwice()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString file = home.filePath(u"data/ArrSessionManager/arr-session-manager/history.sqlite"_s);
    QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
    {
        HistoryStore mine(file);
        QCOMPARE(mine.open(), HistoryStore::OpenResult::Opened);
        HistoryBatch created;
        created.commands.append(
            {HistoryCommand::Kind::Created, u"a"_s, u"mine-1"_s, T0, {}, u"cv.c"_s, u"standard"_s, std::nullopt, {}});
        QVERIFY(mine.record(created));
        QVERIFY(mine.record(seen(u"a"_s, session(u"mine-1"_s, SessionStatus::Ready, 60), T0.addSecs(60))));
        for (int i = 1; i <= 2; ++i) {
            HistoryBatch extended;
            extended.commands.append({HistoryCommand::Kind::Extended, u"a"_s, u"mine-1"_s, T0.addSecs(60 * (i + 1)), {},
                u"cv.e"_s, {}, 3600 + 1800 * i, {}});
            QVERIFY(mine.record(extended));
        }
        QVERIFY(mine.record(seen(u"a"_s, session(u"mine-1"_s, SessionStatus::Stopped, 600), T0.addSecs(700))));
        QVERIFY(mine.record(seen(u"a"_s, session(u"both-2"_s, SessionStatus::Ready, 120), T0.addSecs(10))));
    }
    {
        // The team saw both-2 later, with more billed time.
        HistoryStore team(location());
        QCOMPARE(team.open(), HistoryStore::OpenResult::Opened);
        QVERIFY(team.record(seen(u"a"_s, session(u"both-2"_s, SessionStatus::Ready, 900), T0.addSecs(900))));
    }
    const int teamEvents = scalar(u"SELECT count(*) FROM events"_s).toInt();

    const auto copy = [&] {
        QProcess arrsm;
        arrsm.setProcessEnvironment(arrsmEnvironment(home));
        arrsm.start(QStringLiteral(ARRSM_BINARY), {u"history"_s, u"--copy-to-team"_s, u"--json"_s});
        if (!arrsm.waitForFinished(60'000) || arrsm.exitCode() != 0) {
            qWarning() << arrsm.readAllStandardError();
            return QJsonObject();
        }
        return QJsonDocument::fromJson(arrsm.readAllStandardOutput()).object();
    };
    const QJsonObject first = copy();
    QCOMPARE(first.value(u"sessions"_s).toInt(), 2);
    const int added = first.value(u"eventsAdded"_s).toInt();
    QVERIFY(added >= 4);
    QCOMPARE(scalar(u"SELECT count(*) FROM sessions"_s).toInt(), 2);
    QCOMPARE(scalar(u"SELECT extend_count FROM sessions WHERE session_id = 'mine-1'"_s).toInt(), 2);
    QCOMPARE(scalar(u"SELECT status FROM sessions WHERE session_id = 'mine-1'"_s).toString(), u"stopped"_s);
    QCOMPARE(scalar(u"SELECT created_here FROM sessions WHERE session_id = 'mine-1'"_s).toInt(), 1);
    // The newest state and the most billed time, the earliest first sight.
    QCOMPARE(scalar(u"SELECT billed_seconds FROM sessions WHERE session_id = 'both-2'"_s).toInt(), 900);
    QCOMPARE(scalar(u"SELECT first_seen FROM sessions WHERE session_id = 'both-2'"_s).toLongLong(),
        T0.addSecs(10).toMSecsSinceEpoch());
    const int events = scalar(u"SELECT count(*) FROM events"_s).toInt();
    QVERIFY(events > teamEvents);
    QCOMPARE(scalar(u"SELECT count(*) FROM events WHERE kind = 'extended'"_s).toInt(), 2);

    const QJsonObject second = copy();
    QCOMPARE(second.value(u"sessions"_s).toInt(), 2);
    QCOMPARE(second.value(u"eventsAdded"_s).toInt(), 0);
    QCOMPARE(scalar(u"SELECT count(*) FROM events"_s).toInt(), events);
    QCOMPARE(scalar(u"SELECT extend_count FROM sessions WHERE session_id = 'mine-1'"_s).toInt(), 2);
    QCOMPARE(scalar(u"SELECT billed_seconds FROM sessions WHERE session_id = 'both-2'"_s).toInt(), 900);
}

QTEST_GUILESS_MAIN(TestTeamHistory)
#include "tst_teamhistory.moc"
