#include "common/EventLoopStalls.h"
#include "common/HistoryRecordsForTests.h"
#include "core/Clock.h"
#include "emulator/EmulatorServer.h"
#include "monitor/LiveSessions.h"
#include "monitor/SessionMonitor.h"
#include "storage/HistoryExport.h"
#include "storage/HistoryStore.h"
#include "workspace/HistoryBilledTime.h"
#include "workspace/HistoryRecorder.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace arr;

namespace {

using historytest::seen;
using historytest::session;
using historytest::T0;

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_file = m_dir->filePath(u"history.sqlite"_s);
    }

    void lifecycleIsRecorded()
    {
        HistoryStore store(m_file);
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        HistoryBatch created;
        created.commands.append({HistoryCommand::Kind::Created, u"a"_s, u"s1"_s, T0, u"created"_s, u"cv.c"_s,
            u"standard"_s, std::nullopt, {}});
        QVERIFY(store.record(created));
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
        QVERIFY(store.record(stopped));

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

        QStringList kinds;
        for (const HistoryEvent &e : store.events(u"a"_s, u"s1"_s))
            kinds << e.kind;
        QCOMPARE(kinds, (QStringList{u"created"_s, u"ready"_s, u"extended"_s, u"stopped"_s}));
        QCOMPARE(store.events(u"a"_s, u"s1"_s).last().msCv, u"cv.s"_s);

        QCOMPARE(store.sessions().size(), 1);
        QCOMPARE(s->billedSeconds, 1800);
    }

    void sessionSeenOnlyStartingIsNotBilled()
    {
        HistoryStore store(m_file);
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        QVERIFY(store.record(seen(u"a"_s, session(u"s2"_s, SessionStatus::Starting, 500), T0, 3.0)));
        HistoryBatch gone;
        gone.disappearances.append({u"a"_s, u"s2"_s, T0.addSecs(30), std::nullopt, {}});
        QVERIFY(store.record(gone));
        const std::optional<HistorySession> s = store.session(u"a"_s, u"s2"_s);
        QVERIFY(s);
        QCOMPARE(s->billedSeconds, 0);
        QVERIFY(s->closedUnseen);
        QCOMPARE(s->finalStatus, u"starting"_s);
        QCOMPARE(s->endedAt, T0.addSecs(30));
        QCOMPARE(store.events(u"a"_s, u"s2"_s).last().kind, u"disappeared"_s);
    }

    // A session already ready when first seen: its ready time follows from the service's elapsed
    // time and says so; without an elapsed time there is none, never the time it was first seen.
    void readyWhenFirstSeenIsDerivedOrEmpty()
    {
        HistoryStore store(m_file);
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        // Ready for 26 hours when first seen.
        QVERIFY(store.record(seen(u"a"_s, session(u"old"_s, SessionStatus::Ready, 26 * 3600), T0)));
        Session noElapsed = session(u"blind"_s, SessionStatus::Ready);
        noElapsed.elapsed.reset();
        QVERIFY(store.record(seen(u"a"_s, noElapsed, T0)));
        // Seen starting, then ready: seen happening, not derived.
        QVERIFY(store.record(seen(u"a"_s, session(u"watched"_s, SessionStatus::Starting), T0)));
        QVERIFY(store.record(seen(u"a"_s, session(u"watched"_s, SessionStatus::Ready, 5), T0.addSecs(10))));
        // Later polls keep what the first one found.
        QVERIFY(store.record(seen(u"a"_s, session(u"old"_s, SessionStatus::Ready, 26 * 3600 + 600), T0.addSecs(600))));

        const std::optional<HistorySession> old = store.session(u"a"_s, u"old"_s);
        QVERIFY(old);
        QCOMPARE(old->firstSeen, T0);
        QCOMPARE(old->readyAt, T0.addSecs(-26 * 3600));
        QVERIFY(old->readyAtDerived);
        const QList<HistoryEvent> events = store.events(u"a"_s, u"old"_s);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, u"ready"_s);
        QCOMPARE(events.first().at, T0.addSecs(-26 * 3600));
        QVERIFY(!events.first().detail.isEmpty());

        const std::optional<HistorySession> blind = store.session(u"a"_s, u"blind"_s);
        QVERIFY(blind);
        QVERIFY(!blind->readyAt.isValid());
        QVERIFY(!blind->readyAtDerived);
        QVERIFY(store.events(u"a"_s, u"blind"_s).isEmpty());

        const std::optional<HistorySession> watched = store.session(u"a"_s, u"watched"_s);
        QVERIFY(watched);
        QCOMPARE(watched->readyAt, T0.addSecs(5));
        QVERIFY(!watched->readyAtDerived);

        // The exports say the same: derived, or empty.
        QHash<QString, QJsonObject> json;
        for (const QJsonValue &value : historyJson(store.sessions()))
            json.insert(value.toObject().value(u"sessionId"_s).toString(), value.toObject());
        QCOMPARE(json[u"old"_s].value(u"readyAt"_s).toString(), u"2026-02-28T08:00:00Z"_s);
        QCOMPARE(json[u"old"_s].value(u"readyAtDerived"_s).toBool(), true);
        QVERIFY(json[u"blind"_s].value(u"readyAt"_s).isNull());
        QCOMPARE(json[u"blind"_s].value(u"readyAtDerived"_s).toBool(), false);
        QCOMPARE(json[u"watched"_s].value(u"readyAtDerived"_s).toBool(), false);
        const QList<QByteArray> lines = historyCsv(store.sessions({})).split('\n');
        QVERIFY(lines.first().trimmed().endsWith(",lastMessage,readyAtDerived,createdBy"));
        bool sawOld = false;
        for (const QByteArray &line : lines) {
            if (line.startsWith("a,old,")) {
                sawOld = true;
                QVERIFY2(line.contains(",2026-02-28T08:00:00Z,"), line.constData());
                QVERIFY2(line.trimmed().endsWith(",true,unknown"), line.constData());
            }
        }
        QVERIFY(sawOld);
    }

    // A file of schema 2 gave a session ready when first seen its first-seen time as its ready time:
    // the migration takes those wrong times (and their ready events) out and keeps the right ones.
    void wrongReadyTimesOfSchemaTwoAreCleared()
    {
        {
            HistoryStore store(m_file);
            QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v2"_s);
            db.setDatabaseName(m_file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            // Back to what schema 2 held and wrote.
            QVERIFY(q.exec(u"ALTER TABLE sessions DROP COLUMN ready_at_derived"_s));
            QVERIFY(q.exec(u"ALTER TABLE sessions DROP COLUMN account_label"_s));
            for (const QString &column : {u"actor_user"_s, u"actor_host"_s, u"actor_program"_s, u"actor_version"_s})
                QVERIFY(q.exec(u"ALTER TABLE events DROP COLUMN "_s + column));
            QVERIFY(q.exec(u"DROP TABLE deliveries"_s));
            const qint64 t0 = T0.toMSecsSinceEpoch();
            const qint64 later = T0.addSecs(300).toMSecsSinceEpoch();
            QVERIFY(q.exec(u"INSERT INTO sessions (account, session_id, first_seen, last_seen, status, ready_at) "
                           "VALUES ('a', 'firstSeenReady', %1, %2, 'ready', %1), "
                           "('a', 'seenStarting', %1, %2, 'ready', %2)"_s.arg(t0)
                               .arg(later)));
            QVERIFY(q.exec(u"INSERT INTO events (account, session_id, at, kind) VALUES ('a', 'firstSeenReady', %1, "
                           "'ready'), ('a', 'seenStarting', %2, 'ready')"_s.arg(t0)
                               .arg(later)));
            QVERIFY(q.exec(u"PRAGMA user_version = 2"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v2"_s);

        HistoryStore store(m_file);
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        const std::optional<HistorySession> wrong = store.session(u"a"_s, u"firstSeenReady"_s);
        QVERIFY(wrong);
        QVERIFY(!wrong->readyAt.isValid());
        QVERIFY(store.events(u"a"_s, u"firstSeenReady"_s).isEmpty());
        const std::optional<HistorySession> right = store.session(u"a"_s, u"seenStarting"_s);
        QVERIFY(right);
        QCOMPARE(right->readyAt, T0.addSecs(300));
        QVERIFY(!right->readyAtDerived);
        QCOMPARE(store.events(u"a"_s, u"seenStarting"_s).size(), 1);
    }

    // A history written by the last build before identities (schema 3, keyed by account names, and by
    // arrsm's bare account id for the environment's account) is re-keyed through the saved accounts.
    void schemaThreeIsMigratedToIdentities()
    {
        const QString accountId = u"5E6F7A8B-0000-4000-8000-000000000001"_s;
        const qint64 t0 = T0.toMSecsSinceEpoch();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v3"_s);
            db.setDatabaseName(m_file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            // Schema 3 exactly as that build created it.
            for (const QString &statement : {
                     u"CREATE TABLE sessions (account TEXT NOT NULL, session_id TEXT NOT NULL, size TEXT NOT NULL "
                     "DEFAULT '', first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, status TEXT NOT NULL "
                     "DEFAULT '', ready_at INTEGER, ended_at INTEGER, final_status TEXT NOT NULL DEFAULT '', "
                     "lease_seconds INTEGER, billed_seconds INTEGER NOT NULL DEFAULT 0, price_per_hour REAL, cost "
                     "REAL, extend_count INTEGER NOT NULL DEFAULT 0, created_here INTEGER NOT NULL DEFAULT 0, "
                     "stopped_here INTEGER NOT NULL DEFAULT 0, closed_unseen INTEGER NOT NULL DEFAULT 0, "
                     "last_message TEXT NOT NULL DEFAULT '', ready_at_derived INTEGER NOT NULL DEFAULT 0, "
                     "PRIMARY KEY (account, session_id))"_s,
                     u"CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, session_id "
                     "TEXT NOT NULL, at INTEGER NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '', ms_cv "
                     "TEXT NOT NULL DEFAULT '')"_s,
                     u"CREATE INDEX sessions_by_time ON sessions (first_seen)"_s,
                     u"CREATE INDEX sessions_by_last_seen ON sessions (last_seen)"_s,
                     u"CREATE INDEX events_by_session ON events (account, session_id, at)"_s,
                     // The window saw s1 and s2 under the account's name; arrsm, with the environment's
                     // account, saw s1 again later and extended it, under the account id.
                     u"INSERT INTO sessions (account, session_id, size, first_seen, last_seen, status, "
                     "billed_seconds, price_per_hour, cost, extend_count) VALUES "
                     "('Ops', 's1', 'standard', %1, %2, 'ready', 600, 2.0, 0.3333, 1), "
                     "('Ops', 's2', 'premium', %1, %2, 'ready', 60, NULL, NULL, 0), "
                     "('%3', 's1', 'standard', %4, %5, 'stopped', 1200, NULL, NULL, 2), "
                     "('Gone', 's9', 'standard', %1, %2, 'expired', 30, NULL, NULL, 0)"_s.arg(t0)
                         .arg(t0 + 600'000)
                         .arg(accountId.toLower())
                         .arg(t0 + 300'000)
                         .arg(t0 + 1'200'000),
                     u"INSERT INTO events (account, session_id, at, kind) VALUES ('Ops', 's1', %1, 'ready'), "
                     "('%2', 's1', %3, 'extended'), ('%2', 's1', %3, 'stopped')"_s.arg(t0)
                         .arg(accountId.toLower())
                         .arg(t0 + 1'200'000),
                     u"PRAGMA user_version = 3"_s,
                 }) {
                QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v3"_s);

        Account ops;
        ops.name = u"Ops"_s;
        ops.accountId = accountId;
        ops.endpoint = QUrl(u"https://remoterendering.westeurope.mixedreality.azure.com"_s);
        HistoryStore store(m_file);
        store.setAccounts({ops});
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        const QList<HistorySession> rows = store.sessions();
        QCOMPARE(rows.size(), 3);
        const std::optional<HistorySession> merged = store.session(ops.identity(), u"s1"_s);
        QVERIFY(merged);
        // One row: shown under the name, the widest life, the most billed time, the latest state, both
        // extends counted, the price the window knew.
        QCOMPARE(merged->account, u"Ops"_s);
        QCOMPARE(merged->firstSeen, T0);
        QCOMPARE(merged->lastSeen, T0.addSecs(1200));
        QCOMPARE(merged->billedSeconds, 1200);
        QCOMPARE(merged->status, u"stopped"_s);
        QCOMPARE(merged->extendCount, 3);
        QCOMPARE(merged->pricePerHour, std::optional<double>(2.0));
        QCOMPARE(merged->cost, std::optional<double>(1200.0 / 3600.0 * 2.0));
        QCOMPARE(store.events(ops.identity(), u"s1"_s).size(), 3);
        QVERIFY(store.session(ops.identity(), u"s2"_s));
        // A name no saved account has stays as it was.
        const std::optional<HistorySession> gone = store.session(u"Gone"_s, u"s9"_s);
        QVERIFY(gone);
        QCOMPARE(gone->account, u"Gone"_s);
        HistoryQuery byName;
        byName.accounts << u"Ops"_s;
        QCOMPARE(store.sessions(byName).size(), 2);
        byName.accounts = {u"Gone"_s};
        QCOMPARE(store.sessions(byName).size(), 1);

        // Renamed later: the same rows, under the new name.
        ops.name = u"Operations"_s;
        store.setAccounts({ops});
        QCOMPARE(store.session(ops.identity(), u"s2"_s)->account, u"Operations"_s);
        byName.accounts = {u"Operations"_s};
        QCOMPARE(store.sessions(byName).size(), 2);
    }

    // Every command is recorded with who sent it; a session's creator is who sent its "created" event.
    void whoDidWhatIsRecorded()
    {
        const HistoryActor alice{u"alice"_s, u"ops-laptop"_s, u"arrsm"_s, u"0.1.0"_s};
        const HistoryActor bob{u"bob"_s, u"ops-desk"_s, u"ARR Session Manager"_s, u"0.1.0"_s};
        HistoryStore store(m_file);
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        HistoryBatch commands;
        commands.commands.append({HistoryCommand::Kind::Created, u"a"_s, u"s1"_s, T0, u"created"_s, u"cv.c"_s,
            u"standard"_s, std::nullopt, {}, alice});
        commands.commands.append({HistoryCommand::Kind::Extended, u"a"_s, u"s1"_s, T0.addSecs(60), u"extended"_s,
            u"cv.e"_s, {}, 7200, {}, bob});
        QVERIFY(store.record(commands));
        // A poll saw it stopped before the stop command's outcome came: one event, with who stopped it.
        QVERIFY(store.record(seen(u"a"_s, session(u"s1"_s, SessionStatus::Stopped, 100), T0.addSecs(120))));
        HistoryBatch stop;
        stop.commands.append({HistoryCommand::Kind::Stopped, u"a"_s, u"s1"_s, T0.addSecs(121), u"stopped"_s, u"cv.s"_s,
            {}, {}, {}, alice});
        QVERIFY(store.record(stop));
        // Created elsewhere: only polls saw it.
        QVERIFY(store.record(seen(u"a"_s, session(u"s2"_s, SessionStatus::Ready, 10), T0)));

        const QList<HistoryEvent> events = store.events(u"a"_s, u"s1"_s);
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.at(0).actor, alice);
        QCOMPARE(events.at(1).actor, bob);
        QCOMPARE(events.at(2).kind, u"stopped"_s);
        QCOMPARE(events.at(2).actor, alice);
        QVERIFY(!store.events(u"a"_s, u"s2"_s).first().actor.isKnown());

        const QHash<QString, QList<HistoryEvent>> actions = store.actions(u"a"_s, {u"s1"_s, u"s2"_s, u"s3"_s});
        QVERIFY(store.readError().isEmpty());
        QCOMPARE(actions.keys(), QList<QString>{u"s1"_s});
        QStringList kinds;
        for (const HistoryEvent &e : actions.value(u"s1"_s))
            kinds << e.kind;
        QCOMPARE(kinds, (QStringList{u"created"_s, u"extended"_s, u"stopped"_s}));
        QCOMPARE(creatorOf(actions.value(u"s1"_s)), alice);
        QVERIFY(!creatorOf(actions.value(u"s2"_s)).isKnown());
        // Another account's session of the same id is not this one.
        QVERIFY(store.actions(u"b"_s, {u"s1"_s}).isEmpty());
    }

    // A history of schema 4 (before who did what) gains the actor columns; what it held stays, its
    // commands' senders unknown, never guessed.
    void schemaFourIsMigrated()
    {
        {
            HistoryStore store(m_file);
            QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
            HistoryBatch created;
            created.commands.append({HistoryCommand::Kind::Created, u"a"_s, u"old"_s, T0, u"created"_s, u"cv.c"_s,
                u"standard"_s, std::nullopt, {}});
            QVERIFY(store.record(created));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v4"_s);
            db.setDatabaseName(m_file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            // Back to what schema 4 held.
            for (const QString &column : {u"actor_user"_s, u"actor_host"_s, u"actor_program"_s, u"actor_version"_s})
                QVERIFY2(q.exec(u"ALTER TABLE events DROP COLUMN "_s + column), qPrintable(q.lastError().text()));
            QVERIFY(q.exec(u"DROP TABLE deliveries"_s));
            QVERIFY(q.exec(u"PRAGMA user_version = 4"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v4"_s);

        HistoryStore store(m_file);
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        QCOMPARE(store.events(u"a"_s, u"old"_s).size(), 1);
        QVERIFY(!store.events(u"a"_s, u"old"_s).first().actor.isKnown());
        QVERIFY(store.actions(u"a"_s, {u"old"_s}).isEmpty());
        const HistoryActor carol{u"carol"_s, u"build-01"_s, u"arrsm watch"_s, u"0.1.0"_s};
        HistoryBatch extended;
        extended.commands.append({HistoryCommand::Kind::Extended, u"a"_s, u"old"_s, T0.addSecs(60), u"extended"_s,
            u"cv.e"_s, {}, 7200, {}, carol});
        QVERIFY(store.record(extended));
        QCOMPARE(store.actions(u"a"_s, {u"old"_s}).value(u"old"_s).size(), 1);
        QCOMPARE(store.actions(u"a"_s, {u"old"_s}).value(u"old"_s).first().actor, carol);

        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
        db.setDatabaseName(m_file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), HistoryStore::SchemaVersion);
        q.finish();
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(u"check"_s);
    }

    void olderSchemaIsMigrated()
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v1"_s);
            db.setDatabaseName(m_file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE sessions (account TEXT NOT NULL, session_id TEXT NOT NULL, size TEXT NOT "
                           "NULL DEFAULT '', first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, status TEXT NOT "
                           "NULL DEFAULT '', PRIMARY KEY (account, session_id))"_s));
            QVERIFY(q.exec(u"CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, "
                           "session_id TEXT NOT NULL, at INTEGER NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL "
                           "DEFAULT '')"_s));
            QVERIFY(q.exec(
                u"INSERT INTO sessions VALUES ('old', 'x', 'premium', %1, %1, 'ready')"_s.arg(T0.toMSecsSinceEpoch())));
            QVERIFY(q.exec(u"PRAGMA user_version = 1"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v1"_s);

        HistoryStore store(m_file);
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        const std::optional<HistorySession> old = store.session(u"old"_s, u"x"_s);
        QVERIFY(old);
        QCOMPARE(old->size, u"premium"_s);
        QCOMPARE(old->extendCount, 0);
        QVERIFY(!old->cost);
        QVERIFY(store.record(seen(u"old"_s, session(u"x"_s, SessionStatus::Expired, 60), T0.addSecs(60))));
        QCOMPARE(store.session(u"old"_s, u"x"_s)->finalStatus, u"expired"_s);
        QCOMPARE(store.events(u"old"_s, u"x"_s).first().msCv, u"cv.1"_s);

        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
        db.setDatabaseName(m_file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), HistoryStore::SchemaVersion);
        QVERIFY(q.exec(u"PRAGMA journal_mode"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"wal"_s);
        q.finish();
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(u"check"_s);
    }

    void corruptFileIsMovedAside()
    {
        QFile garbage(m_file);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        QByteArray bytes(8192, '\0');
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 7919) % 251);
        garbage.write(bytes);
        garbage.close();

        HistoryStore store(m_file);
        QCOMPARE(store.open(), HistoryStore::OpenResult::RecoveredFromCorruption);
        QVERIFY(store.isOpen());
        QVERIFY(!store.problem().isEmpty());
        // The damaged file is kept beside the new one, and the problem says where.
        const QStringList kept = QDir(m_dir->path()).entryList({u"history.sqlite.corrupt-*"_s}, QDir::Files);
        QCOMPARE(kept.size(), 1);
        QVERIFY2(store.problem().contains(kept.first()), qPrintable(store.problem()));
        QFile keptFile(m_dir->filePath(kept.first()));
        QVERIFY(keptFile.open(QIODevice::ReadOnly));
        QCOMPARE(keptFile.readAll(), bytes);
        QVERIFY(store.record(seen(u"a"_s, session(u"s"_s, SessionStatus::Ready, 5), T0)));
        QCOMPARE(store.sessions().size(), 1);
    }

    void readOnlyFolderTurnsHistoryOff()
    {
        const QString folder = m_dir->filePath(u"locked"_s);
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        QFile probe(folder + u"/probe"_s);
        if (probe.open(QIODevice::WriteOnly))
            QSKIP("Running with rights that ignore a folder's permissions (root)");
        HistoryStore store(folder + u"/history.sqlite"_s);
        QCOMPARE(store.open(), HistoryStore::OpenResult::Unavailable);
        QVERIFY(!store.isOpen());
        QVERIFY(store.problem().contains(u"off"_s));
        QVERIFY(!store.record(seen(u"a"_s, session(u"s"_s, SessionStatus::Ready), T0)));
        QVERIFY(store.sessions().isEmpty());
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    // root ignores a folder's permissions: a "folder" that is a regular file fails for anyone. The
    // recorder says why history is off; the sessions it was given keep being tracked.
    void folderThatIsAFileTurnsHistoryOff()
    {
        QFile blocker(m_dir->filePath(u"not-a-folder"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.write("a file where the history's folder should be");
        blocker.close();
        const QString file = blocker.fileName() + u"/history/history.sqlite"_s;

        HistoryStore store(file);
        QCOMPARE(store.open(), HistoryStore::OpenResult::Unavailable);
        QVERIFY(store.problem().startsWith(u"Session history is off"_s));
        QVERIFY(!store.record(seen(u"a"_s, session(u"s"_s, SessionStatus::Ready), T0)));

        ManualClock clock(T0);
        LiveSessions live(&clock);
        HistoryRecorder recorder(&live, &clock);
        QSignalSpy problems(&recorder, &HistoryRecorder::problemChanged);
        recorder.open(file, 400);
        recorder.flush();
        QVERIFY(problems.wait(5000) || problems.size() > 0);
        QVERIFY(!recorder.isEnabled());
        QVERIFY2(recorder.problem().contains(u"off"_s), qPrintable(recorder.problem()));
        QVERIFY(recorder.problem().contains(blocker.fileName()));
        live.applyPoll(u"a"_s, {session(u"s"_s, SessionStatus::Ready, 5)}, clock.monotonicMs());
        recorder.recordPoll(u"a"_s);
        recorder.flush();
        QCOMPARE(live.count(), 1);
        QCOMPARE(live.at(0).session.status, SessionStatus::Ready);
        QVERIFY(!QFileInfo::exists(file));
    }

    // The whole application layer with its history under a file: it says history is off, and the
    // monitor goes on polling and listing sessions.
    void workspaceKeepsWorkingWithHistoryOff()
    {
        QFile blocker(m_dir->filePath(u"file-not-folder"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        emulator::EmulatorServer server;
        const QString accountId = u"01234567-89ab-cdef-0123-456789abcdef"_s;
        server.addAccount(accountId, u"key"_s);
        emulator::SessionSeed seed;
        seed.status = SessionStatus::Ready;
        seed.age = TimeSpan::fromMinutes(10);
        const QString sessionId = server.addSession(accountId, seed);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        Workspace::Options options;
        options.settingsFile = m_dir->filePath(u"settings.ini"_s);
        options.keychainService.clear();
        options.historyFile = blocker.fileName() + u"/history.sqlite"_s;
        Workspace workspace(options);
        QVERIFY(workspace.history());
        workspace.history()->flush();
        QTRY_VERIFY(!workspace.historyProblem().isEmpty());
        QVERIFY(workspace.historyProblem().startsWith(u"Session history is off"_s));
        QVERIFY(!workspace.history()->isEnabled());

        Account account;
        account.name = u"Emulator"_s;
        account.accountId = accountId;
        account.endpoint = server.baseUrl();
        account.tokenEndpoint = server.baseUrl();
        QSignalSpy polled(&workspace.monitor(), &SessionMonitor::pollFinished);
        workspace.monitor().addAccount(account, u"key"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!polled.isEmpty(), 10'000);
        QVERIFY(polled.first().at(1).value<ApiResult>().ok());
        QVERIFY(workspace.monitor().sessions().find(u"Emulator"_s, sessionId));
        // Spent today still comes from the listed sessions.
        QCOMPARE(workspace.billedToday().billedSince(QDateTime::currentDateTimeUtc().addSecs(-3600)).size(), 1);
        QVERIFY(!QFileInfo::exists(options.historyFile));
    }

    // Killed (SIGKILL) between two polls, mid-write or not: the file opens cleanly and holds every
    // poll committed before the kill.
    void killedWriterLosesNothingCommitted()
    {
#ifdef Q_OS_UNIX
        QProcess writer;
        writer.start(QStringLiteral(HISTORY_POLL_WRITER), {m_file});
        QVERIFY2(writer.waitForStarted(10'000), qPrintable(writer.errorString()));
        QByteArray out;
        int committed = 0;
        QElapsedTimer timer;
        timer.start();
        while (committed < 8 && timer.elapsed() < 60'000) {
            if (!writer.waitForReadyRead(10'000))
                break;
            out += writer.readAllStandardOutput();
            const QList<QByteArray> lines = out.trimmed().split('\n');
            committed = lines.last().startsWith("poll ") ? lines.last().mid(5).toInt() : committed;
        }
        QVERIFY2(committed >= 8, out.constData());
        writer.kill();
        QVERIFY(writer.waitForFinished(10'000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        // What it printed after the last complete line may be one more poll committed.
        out += writer.readAllStandardOutput();
        const QList<QByteArray> lines = out.trimmed().split('\n');
        committed = std::max(committed, lines.last().mid(5).toInt());

        HistoryStore store(m_file);
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        QVERIFY(store.problem().isEmpty());
        HistoryQuery query;
        query.accounts = {u"killed"_s};
        const QList<HistorySession> sessions = store.sessions(query);
        // Every committed poll whole; a poll being written at the kill wholly or not at all.
        QVERIFY2(sessions.size() == committed * 100 || sessions.size() == (committed + 1) * 100,
            qPrintable(u"%1 sessions, %2 polls committed"_s.arg(sessions.size()).arg(committed)));
        const std::optional<HistorySession> first = store.session(u"killed"_s, u"poll-1-0"_s);
        QVERIFY(first);
        QVERIFY(first->billedSeconds >= committed * 60);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"integrity"_s);
            db.setDatabaseName(m_file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
            QCOMPARE(q.value(0).toString(), u"ok"_s);
        }
        QSqlDatabase::removeDatabase(u"integrity"_s);
        // And it goes on being written.
        QVERIFY(store.record(seen(u"killed"_s, session(u"after"_s, SessionStatus::Ready, 5), T0)));
#else
        QSKIP("SIGKILL is a Unix signal");
#endif
    }

    void retentionPrunesOldSessions()
    {
        HistoryStore store(m_file);
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        QVERIFY(store.record(seen(u"a"_s, session(u"old"_s, SessionStatus::Stopped), T0.addDays(-500))));
        QVERIFY(store.record(seen(u"a"_s, session(u"new"_s, SessionStatus::Stopped), T0.addDays(-10))));
        QCOMPARE(store.prune(T0.addDays(-400)), 1);
        QVERIFY(!store.session(u"a"_s, u"old"_s));
        QVERIFY(store.events(u"a"_s, u"old"_s).isEmpty());
        QVERIFY(store.session(u"a"_s, u"new"_s));
    }

    void queriesFilter()
    {
        HistoryStore store(m_file);
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        QVERIFY(store.record(seen(u"a"_s, session(u"s1"_s, SessionStatus::Ready), T0)));
        QVERIFY(store.record(seen(u"b"_s, session(u"s2"_s, SessionStatus::Ready), T0.addDays(2))));
        HistoryQuery query;
        query.accounts = {u"b"_s};
        QCOMPARE(store.sessions(query).size(), 1);
        query = {};
        query.until = T0.addDays(1);
        QCOMPARE(store.sessions(query).size(), 1);
        QCOMPARE(store.sessions(query).first().sessionId, u"s1"_s);
        query = {};
        query.since = T0.addDays(1);
        QCOMPARE(store.sessions(query).first().sessionId, u"s2"_s);
    }

    void csvQuotesAndJsonNulls()
    {
        HistorySession s;
        s.account = u"acc, \"quoted\""_s;
        s.sessionId = u"id"_s;
        s.firstSeen = T0;
        s.lastMessage = u"line\nbreak"_s;
        const QByteArray csv = historyCsv({s});
        QVERIFY(csv.startsWith("account,sessionId,"));
        QVERIFY(csv.contains("\"acc, \"\"quoted\"\"\",id,"));
        QVERIFY(csv.contains("2026-03-01T10:00:00Z"));
        // readyAtDerived comes after the message, then who created the session (none of our programs).
        QVERIFY(csv.endsWith("\"line\nbreak\",false,unknown\r\n"));
        const QJsonObject o = historyJson({s}).first().toObject();
        QVERIFY(o.value(u"cost"_s).isNull());
        QCOMPARE(o.value(u"firstSeen"_s).toString(), u"2026-03-01T10:00:00Z"_s);
    }

    void csvNeutralisesFormulas_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("cell");
        QTest::newRow("equals") << u"=HYPERLINK(\"http://x.invalid\",\"a\")"_s
                                << u"\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"a\"\")\""_s;
        QTest::newRow("plus") << u"+cmd|' /C calc'!A0"_s << u"'+cmd|' /C calc'!A0"_s;
        QTest::newRow("minus") << u"-2+3"_s << u"'-2+3"_s;
        QTest::newRow("at") << u"@SUM(1+1)*cmd"_s << u"'@SUM(1+1)*cmd"_s;
        QTest::newRow("after spaces") << u"   =1+1"_s << u"'   =1+1"_s;
        QTest::newRow("after tab") << u"\t=1+1"_s << u"'\t=1+1"_s;
        QTest::newRow("leading tab") << u"\tplain"_s << u"'\tplain"_s;
        QTest::newRow("leading CR") << u"\r=1"_s << u"\"'\r=1\""_s;
        QTest::newRow("plain text") << u"a=b"_s << u"a=b"_s;
        QTest::newRow("negative number") << u"-30"_s << u"-30"_s;
        QTest::newRow("decimal") << u"12.5000"_s << u"12.5000"_s;
    }

    // Every text column comes from a server or a person; each of them is guarded the same way.
    void csvNeutralisesFormulas()
    {
        QFETCH(QString, value);
        QFETCH(QString, cell);
        HistorySession s;
        s.account = value;
        s.sessionId = value;
        s.size = value;
        s.status = value;
        s.finalStatus = value;
        s.lastMessage = value;
        const QString csv = QString::fromUtf8(historyCsv({s}));
        const QString row = csv.section(u"\r\n"_s, 1, 1);
        QVERIFY2(row.startsWith(cell + u',' + cell + u',' + cell + u',' + cell + u',' + cell + u','), qPrintable(row));
        // lastMessage, before the columns added after it.
        QVERIFY2(row.contains(u",false," + cell + u','), qPrintable(row));
        // JSON is read by programs, not spreadsheets: the value stays as it was.
        QCOMPARE(historyJson({s}).first().toObject().value(u"lastMessage"_s).toString(), value);
    }

    void concurrentWritersLoseNothing()
    {
        {
            HistoryStore first(m_file);
            QCOMPARE(first.open(), HistoryStore::OpenResult::Opened);
        }
        const auto writer = [this](const QString &account, int *failures) {
            HistoryStore store(m_file);
            if (store.open() != HistoryStore::OpenResult::Opened) {
                *failures = -1;
                return;
            }
            for (int i = 0; i < 200; ++i) {
                if (!store.record(seen(account, session(u"s%1"_s.arg(i), SessionStatus::Ready, i), T0)))
                    ++*failures;
            }
        };
        int failuresA = 0;
        int failuresB = 0;
        std::unique_ptr<QThread> a(QThread::create(writer, u"a"_s, &failuresA));
        std::unique_ptr<QThread> b(QThread::create(writer, u"b"_s, &failuresB));
        a->start();
        b->start();
        QVERIFY(a->wait(60'000));
        QVERIFY(b->wait(60'000));
        QCOMPARE(failuresA, 0);
        QCOMPARE(failuresB, 0);
        HistoryStore reader(m_file);
        QCOMPARE(reader.open(), HistoryStore::OpenResult::Opened);
        QCOMPARE(reader.sessions().size(), 400);
    }

    // A ready session's billed time is written once a minute of it has gone by, not at every poll;
    // a session that disappears is closed with the billed time last seen.
    // Another writer holding the file makes a write fail; the recorder keeps what it could not write
    // and writes it with the next batch, instead of turning history off for the rest of the run.
    void failedWriteIsRetriedLater()
    {
        ManualClock clock(T0);
        LiveSessions live(&clock);
        HistoryRecorder recorder(&live, &clock);
        recorder.open(m_file, 400);
        recorder.flush();
        QVERIFY(recorder.isEnabled());
        QSignalSpy problems(&recorder, &HistoryRecorder::problemChanged);
        const auto poll = [&](const QList<Session> &sessions) {
            live.applyPoll(u"a"_s, sessions, clock.monotonicMs(), "cv.poll");
            recorder.recordPoll(u"a"_s);
            recorder.flush();
        };
        {
            QSqlDatabase holder = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"holder"_s);
            holder.setDatabaseName(m_file);
            QVERIFY(holder.open());
            QSqlQuery hold(holder);
            QVERIFY2(hold.exec(u"BEGIN IMMEDIATE"_s), qPrintable(hold.lastError().text()));
            poll({session(u"s1"_s, SessionStatus::Starting)});
            QTRY_VERIFY(!problems.isEmpty());
            QVERIFY2(recorder.problem().contains(u"Nothing is lost"_s), qPrintable(recorder.problem()));
            QVERIFY(recorder.isEnabled());
            QVERIFY(hold.exec(u"ROLLBACK"_s));
        }
        QSqlDatabase::removeDatabase(u"holder"_s);
        poll({session(u"s1"_s, SessionStatus::Ready, 60), session(u"s2"_s, SessionStatus::Starting)});
        QTRY_COMPARE(recorder.problem(), QString());
        HistoryStore reader(m_file);
        QCOMPARE(reader.open(), HistoryStore::OpenResult::Opened);
        QCOMPARE(reader.sessions().size(), 2);
        QVERIFY(reader.session(u"a"_s, u"s1"_s)->readyAt.isValid());
    }

    // A read that fails part way (one damaged page of the table) is an error, not a shorter history.
    void damagedPageIsAReadErrorNotAShorterHistory()
    {
        {
            HistoryStore store(m_file);
            QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
            HistoryBatch batch;
            for (int i = 0; i < 3007; ++i) {
                Session s = session(u"session-%1-%2"_s.arg(i).arg(QString(40, u'x')), SessionStatus::Ready, i);
                s.message = QString(120, u'm');
                batch.observations.append({u"a"_s, s, T0.addSecs(i), u"cv.1"_s, std::nullopt, {}});
            }
            QVERIFY(store.record(batch));
        }
        // Everything into the file itself (out of the WAL), then pages of the sessions table damaged.
        qint64 pageSize = 0;
        QList<qint64> damaged;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"checkpoint"_s);
            db.setDatabaseName(m_file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
            q.finish();
            QVERIFY(q.exec(u"PRAGMA page_size"_s) && q.next());
            pageSize = q.value(0).toLongLong();
            q.finish();
            // One leaf page from the middle of the table, found through SQLite's dbstat table.
            if (q.exec(u"SELECT pageno FROM dbstat WHERE name = 'sessions' AND pagetype = 'leaf' ORDER BY pageno"_s)) {
                QList<qint64> leaves;
                while (q.next())
                    leaves.append(q.value(0).toLongLong());
                QVERIFY(leaves.size() > 10);
                damaged.append(leaves.at(leaves.size() / 2));
            }
        }
        QSqlDatabase::removeDatabase(u"checkpoint"_s);
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 pages = file.size() / pageSize;
        QVERIFY2(pages > 20, qPrintable(QString::number(pages)));
        // Without dbstat: every page of the file's third quarter (pages are numbered from 1).
        if (damaged.isEmpty()) {
            for (qint64 page = pages / 2; page < pages * 3 / 4; ++page)
                damaged.append(page + 1);
        }
        for (const qint64 page : std::as_const(damaged)) {
            QVERIFY(file.seek((page - 1) * pageSize));
            file.write(QByteArray(pageSize, '\xA5'));
        }
        file.close();
        HistoryStore store(m_file);
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        const QList<HistorySession> sessions = store.sessions();
        QVERIFY2(!store.readError().isEmpty(), qPrintable(QString::number(sessions.size())));
        QVERIFY(sessions.isEmpty());
    }

    // Another program's database, even one that claims our schema version, is read as an error and
    // left as it was; so is a history of a newer version.
    void foreignOrNewerDatabaseIsLeftUntouched_data()
    {
        QTest::addColumn<int>("userVersion");
        QTest::addColumn<QString>("table");
        QTest::newRow("foreign, claims our schema") << HistoryStore::SchemaVersion << u"invoices"_s;
        QTest::newRow("foreign, no version") << 0 << u"invoices"_s;
        QTest::newRow("newer history") << HistoryStore::SchemaVersion + 1 << u"sessions"_s;
    }

    void foreignOrNewerDatabaseIsLeftUntouched()
    {
        QFETCH(int, userVersion);
        QFETCH(QString, table);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign"_s);
            db.setDatabaseName(m_file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE %1 (id INTEGER)"_s.arg(table)));
            if (table == u"sessions"_s)
                QVERIFY(q.exec(u"CREATE TABLE events (id INTEGER)"_s));
            QVERIFY(q.exec(u"PRAGMA user_version = %1"_s.arg(userVersion)));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"foreign"_s);
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        {
            HistoryStore store(m_file);
            QCOMPARE(store.open(), HistoryStore::OpenResult::Unavailable);
            QVERIFY(!store.problem().isEmpty());
            QVERIFY(store.sessions().isEmpty());
        }
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
        QVERIFY(!QFile::exists(m_file + u"-wal"_s));
    }

    void billedTimeIsWrittenOnceAMinute()
    {
        ManualClock clock(T0);
        LiveSessions live(&clock);
        HistoryRecorder recorder(&live, &clock);
        recorder.open(m_file, 400);
        recorder.flush();
        QVERIFY(recorder.isEnabled());
        HistoryStore reader(m_file);
        QCOMPARE(reader.open(), HistoryStore::OpenResult::Opened);
        const auto pollWith = [&](std::optional<qint64> elapsedSeconds) {
            QList<Session> sessions;
            if (elapsedSeconds)
                sessions.append(session(u"s"_s, SessionStatus::Ready, *elapsedSeconds));
            live.applyPoll(u"a"_s, sessions, clock.monotonicMs(), "cv.poll");
            recorder.recordPoll(u"a"_s);
            recorder.flush();
        };
        pollWith(600);
        QCOMPARE(reader.session(u"a"_s, u"s"_s)->billedSeconds, 600);
        pollWith(630);
        QCOMPARE(reader.session(u"a"_s, u"s"_s)->billedSeconds, 600);
        pollWith(660);
        QCOMPARE(reader.session(u"a"_s, u"s"_s)->billedSeconds, 660);
        pollWith(680);
        QCOMPARE(reader.session(u"a"_s, u"s"_s)->billedSeconds, 660);
        pollWith(std::nullopt);
        QCOMPARE(reader.session(u"a"_s, u"s"_s)->billedSeconds, 680);
        QVERIFY(reader.session(u"a"_s, u"s"_s)->closedUnseen);
    }

    // The first poll of 10,000 sessions: the GUI thread's part (compare and copy, in slices) and the
    // writer's; then a poll where one session changed looks at that session only.
    void recorderKeepsTheGuiThreadFree()
    {
        ManualClock clock(T0);
        LiveSessions live(&clock);
        HistoryRecorder recorder(&live, &clock);
        QSignalSpy problems(&recorder, &HistoryRecorder::problemChanged);
        QSignalSpy written(&recorder, &HistoryRecorder::historyChanged);
        recorder.open(m_file, 400);
        recorder.flush();
        QVERIFY(recorder.isEnabled());

        QList<Session> sessions;
        for (int i = 0; i < 10'000; ++i)
            sessions.append(session(u"sess-%1"_s.arg(i), SessionStatus::Ready, i));
        QElapsedTimer toDisk;
        toDisk.start();
        live.applyPoll(u"a"_s, sessions, clock.monotonicMs(), "cv.poll");
        QElapsedTimer call;
        call.start();
        recorder.recordPoll(u"a"_s);
        const qint64 firstCallUs = call.nsecsElapsed() / 1000;
        EventLoopStalls stalls;
        stalls.start();
        QVERIFY(written.wait(10'000));
        stalls.stop();
        const qint64 firstPollMs = toDisk.elapsed();
        const qint64 firstGui = std::max<qint64>(firstCallUs, qint64(stalls.longestMs() * 1000));
        QCOMPARE(written.size(), 1);

        // A poll where one session changed.
        sessions[5].status = SessionStatus::Stopped;
        live.applyPoll(u"a"_s, sessions, clock.monotonicMs(), "cv.poll2");
        call.start();
        recorder.recordPoll(u"a"_s);
        const qint64 guiNext = call.nsecsElapsed() / 1000;
        QVERIFY(written.wait(10'000));
        qInfo("history: first poll of 10,000 sessions on disk within %lld ms, longest GUI-thread stretch %.2f ms; "
              "next poll (1 change): GUI thread %.3f ms",
            firstPollMs, firstGui / 1000.0, guiNext / 1000.0);
        // Sanity bounds only: the targets (300 ms, 4 ms) are measured by scripts/bench on a quiet
        // machine; tests share a loaded one, where a thread may wait tens of milliseconds for a core.
        QVERIFY2(firstPollMs < 10'000, "the first poll took far more than 300 ms to reach the disk");
        QVERIFY2(firstGui < 200'000, "recording held the GUI thread for far more than a frame");
        QVERIFY2(guiNext < 100'000, "a poll with one change held the GUI thread for far more than a frame");

        HistoryStore reader(m_file);
        QCOMPARE(reader.open(), HistoryStore::OpenResult::Opened);
        QCOMPARE(reader.sessions().size(), 10'000);
        QCOMPARE(reader.session(u"a"_s, u"sess-5"_s)->finalStatus, u"stopped"_s);
        QCOMPARE(reader.events(u"a"_s, u"sess-5"_s).size(), 2);
        QCOMPARE(reader.events(u"a"_s, u"sess-7"_s).size(), 1);
        QCOMPARE(problems.size(), 0);
    }

    // "Spent today" from the history: the listed sessions as before, plus those that ended since and
    // are no longer listed, read by the writer thread and never twice.
    void spentTodayIncludesEndedSessions()
    {
        ManualClock clock(T0);
        LiveSessions live(&clock);
        HistoryRecorder recorder(&live, &clock);
        recorder.open(m_file, 400);
        recorder.flush();
        HistoryBilledTime today(&live, &recorder);
        QVERIFY(today.includesEndedSessions());
        const auto pollWith = [&](const QList<Session> &sessions) {
            live.applyPoll(u"a"_s, sessions, clock.monotonicMs(), "cv.poll");
            recorder.recordPoll(u"a"_s);
            recorder.flush();
        };
        pollWith({session(u"done"_s, SessionStatus::Ready, 600), session(u"early"_s, SessionStatus::Stopped, 7200)});
        clock.advance(10 * 60'000);
        pollWith({session(u"done"_s, SessionStatus::Stopped, 1200), session(u"early"_s, SessionStatus::Stopped, 7200),
            session(u"live"_s, SessionStatus::Ready, 300)});
        clock.advance(60'000);
        // Both ended sessions gone from the list: only the history knows them.
        pollWith({session(u"live"_s, SessionStatus::Ready, 300)});

        const QDateTime since = T0.addSecs(-3600);
        const auto billedById = [&] {
            QHash<QString, qint64> seconds;
            for (const BilledUsage &usage : today.billedSince(since))
                seconds.insert(usage.sessionId, usage.billed.totalSeconds());
            return seconds;
        };
        // The first ask starts the writer's read; until it answers, the listed sessions only.
        QCOMPARE(billedById().keys(), QList<QString>{u"live"_s});
        QTRY_COMPARE(billedById().size(), 3);
        const QHash<QString, qint64> billed = billedById();
        QCOMPARE(billed.value(u"live"_s), 300);
        QCOMPARE(billed.value(u"done"_s), 1200);
        // Ready two hours, ended an hour after `since`: an hour of it falls after `since`.
        QCOMPARE(billed.value(u"early"_s), 3600);

        // Listed again (stopped sessions stay listed a while): counted once, as listed.
        pollWith({session(u"live"_s, SessionStatus::Ready, 300), session(u"done"_s, SessionStatus::Stopped, 1200)});
        QCOMPARE(today.billedSince(since).size(), 3);
    }

    // Only what the diff signals name is looked at: sessions inserted, changed or removed.
    void recorderFollowsTheDiff()
    {
        ManualClock clock(T0);
        LiveSessions live(&clock);
        live.applyPoll(u"a"_s, {session(u"before"_s, SessionStatus::Ready, 60)}, 0, "cv.0");
        HistoryRecorder recorder(&live, &clock);
        recorder.open(m_file, 400);
        recorder.flush();
        HistoryStore reader(m_file);
        QCOMPARE(reader.open(), HistoryStore::OpenResult::Opened);
        const auto pollWith = [&](const QString &account, const QList<Session> &sessions) {
            clock.advance(10'000);
            live.applyPoll(account, sessions, clock.monotonicMs(), "cv.poll");
            recorder.recordPoll(account);
            recorder.flush();
        };
        // Listed before the recorder existed: recorded at the first poll.
        pollWith(u"a"_s, {session(u"before"_s, SessionStatus::Ready, 60)});
        QVERIFY(reader.session(u"a"_s, u"before"_s));
        // Another account's poll touches nothing of this one.
        pollWith(u"b"_s, {session(u"other"_s, SessionStatus::Starting)});
        QCOMPARE(reader.session(u"b"_s, u"other"_s)->status, u"starting"_s);
        QVERIFY(!reader.session(u"a"_s, u"before"_s)->endedAt.isValid());
        // Removed from a's list: closed; b's session is not.
        pollWith(u"a"_s, {});
        QVERIFY(reader.session(u"a"_s, u"before"_s)->closedUnseen);
        QVERIFY(!reader.session(u"b"_s, u"other"_s)->endedAt.isValid());
        // An account removed and added again: its sessions listed anew are not closed.
        live.removeAccount(u"b"_s);
        pollWith(u"b"_s, {session(u"other"_s, SessionStatus::Ready, 5)});
        QCOMPARE(reader.session(u"b"_s, u"other"_s)->status, u"ready"_s);
        QVERIFY(!reader.session(u"b"_s, u"other"_s)->closedUnseen);
        QVERIFY(!reader.session(u"b"_s, u"other"_s)->endedAt.isValid());
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
