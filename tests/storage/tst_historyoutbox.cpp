#include "common/HistoryRecordsForTests.h"
#include "storage/HistoryOutbox.h"
#include "storage/HistoryStore.h"

#include <QFile>
#include <QLockFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace arr;

namespace {

using historytest::seen;
using historytest::session;
using historytest::T0;

// A batch with every kind of record and every optional field both set and not.
HistoryBatch everyKindOfRecord()
{
    HistoryBatch batch = seen(u"Main"_s, session(u"s-1"_s, SessionStatus::Ready, 90), T0, 3.25);
    Session odd = session(u"s-2"_s, SessionStatus::Unknown);
    odd.statusText = u"hibernating"_s;
    odd.elapsed.reset();
    odd.teraflops = 12.5;
    odd.handshakePort = 50'000;
    odd.creationTime = T0.addSecs(-60);
    odd.errorCode = u"E1"_s;
    odd.elapsedInWholeMinutes = true;
    batch.observations.append({u"Main"_s, odd, T0, QString(), std::nullopt, u"host/acc"_s});
    batch.commands.append({HistoryCommand::Kind::Extended, u"Main"_s, u"s-1"_s, T0.addSecs(5), u"to 2 h"_s, u"cv.2"_s,
        QString(), 7200, u"host/acc"_s, {u"ops"_s, u"desk-7"_s, u"arrsm"_s, u"0.1.0"_s}});
    batch.commands.append({HistoryCommand::Kind::Created, u"Main"_s, u"s-3"_s, T0, {}, {}, u"big"_s, std::nullopt, {}});
    batch.disappearances.append({u"Main"_s, u"s-2"_s, T0.addSecs(30), 61, u"host/acc"_s});
    batch.disappearances.append({u"Main"_s, u"s-4"_s, T0.addSecs(31), std::nullopt, {}});
    return batch;
}

int sessionCount(HistoryStore &store)
{
    return int(store.sessions().size());
}

} // namespace

// The outbox of a team's history (HistoryOutbox): what waits for the team database, on this computer's
// disk. Delivered here into a history file, which takes batches as the team database does.
class TestHistoryOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void batchesReadBackAsTheyWereWritten()
    {
        const HistoryBatch batch = everyKindOfRecord();
        const std::optional<HistoryBatch> back = HistoryOutbox::decode(HistoryOutbox::encode(batch));
        QVERIFY(back);
        QCOMPARE(back->observations.size(), 2);
        QCOMPARE(back->observations[1].session, batch.observations[1].session);
        QCOMPARE(back->observations[0].session, batch.observations[0].session);
        QCOMPARE(back->observations[0].pricePerHour, std::optional(3.25));
        QCOMPARE(back->observations[1].pricePerHour, std::nullopt);
        QCOMPARE(back->observations[1].accountKey, u"host/acc"_s);
        QCOMPARE(back->commands.size(), 2);
        QCOMPARE(back->commands[0].kind, HistoryCommand::Kind::Extended);
        QCOMPARE(back->commands[0].leaseSeconds, std::optional<qint64>(7200));
        QCOMPARE(back->commands[0].actor, (HistoryActor{u"ops"_s, u"desk-7"_s, u"arrsm"_s, u"0.1.0"_s}));
        QVERIFY(!back->commands[1].actor.isKnown());
        QCOMPARE(back->commands[1].leaseSeconds, std::nullopt);
        QCOMPARE(back->commands[1].size, u"big"_s);
        QCOMPARE(back->disappearances.size(), 2);
        QCOMPARE(back->disappearances[0].billedSeconds, std::optional<qint64>(61));
        QCOMPARE(back->disappearances[1].billedSeconds, std::nullopt);
        // Byte for byte the same when written again.
        QCOMPARE(HistoryOutbox::encode(*back), HistoryOutbox::encode(batch));
    }

    void damagedBytesAreNoBatch()
    {
        const QByteArray good = HistoryOutbox::encode(everyKindOfRecord());
        QVERIFY(!HistoryOutbox::decode({}));
        QVERIFY(!HistoryOutbox::decode("not a batch"));
        // Every cut short of the end, and one byte too many.
        for (qsizetype length = 0; length < good.size(); length += 7)
            QVERIFY2(!HistoryOutbox::decode(good.left(length)), qPrintable(QString::number(length)));
        QVERIFY(!HistoryOutbox::decode(good + '\0'));
        // A newer build's encoding is kept, not misread.
        QByteArray newer = good;
        newer[0] = char(2);
        QVERIFY(!HistoryOutbox::decode(newer));
        // A count of records no batch has.
        QByteArray huge = good;
        huge[1] = char(0x7f);
        QVERIFY(!HistoryOutbox::decode(huge));
    }

    void deliversOldestFirstAndOnce()
    {
        QTemporaryDir dir;
        HistoryOutbox outbox(dir.filePath(u"team.outbox"_s));
        QVERIFY2(outbox.open(), qPrintable(outbox.problem()));
        QCOMPARE(outbox.waitingRecords(), 0);
        // Ready, then stopped: in the other order the history would end with a session still ready.
        QVERIFY(outbox.append(seen(u"Main"_s, session(u"s-1"_s, SessionStatus::Ready, 60), T0)));
        QVERIFY(outbox.append(seen(u"Main"_s, session(u"s-1"_s, SessionStatus::Stopped, 120), T0.addSecs(60))));
        QCOMPARE(outbox.waitingRecords(), 2);

        HistoryStore store(dir.filePath(u"history.sqlite"_s));
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        QCOMPARE(outbox.deliver(store), HistoryOutbox::Delivery::Delivered);
        QCOMPARE(outbox.waitingRecords(), 0);
        const QList<HistorySession> rows = store.sessions();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().status, u"stopped"_s);
        QCOMPARE(rows.first().billedSeconds, 120);
        // Nothing is delivered twice: another batch after it adds only its own record.
        const qsizetype events = store.events(rows.first().accountKey, u"s-1"_s).size();
        QVERIFY(events > 0);
        QVERIFY(outbox.append(seen(u"Main"_s, session(u"s-2"_s, SessionStatus::Ready, 60), T0.addSecs(90))));
        QCOMPARE(outbox.deliver(store), HistoryOutbox::Delivery::Delivered);
        QCOMPARE(store.events(rows.first().accountKey, u"s-1"_s).size(), events);
        QCOMPARE(sessionCount(store), 2);
    }

    // A program killed after the database took a batch and before the outbox forgot it: the next
    // delivers the batch again, and the history passes it over. An extend stays one event.
    void aBatchDeliveredAgainAfterAKillIsPassedOver()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"team.outbox"_s);
        const QString keptPath = dir.filePath(u"as-before-the-kill.outbox"_s);
        HistoryBatch extended = seen(u"Main"_s, session(u"s-1"_s, SessionStatus::Ready, 60), T0);
        extended.commands.append({HistoryCommand::Kind::Extended, u"Main"_s, u"s-1"_s, T0.addSecs(5), u"to 2 h"_s,
            u"cv.2"_s, QString(), 7200, {}, {u"ops"_s, u"desk-7"_s, u"arrsm"_s, u"0.1.0"_s}});
        {
            HistoryOutbox outbox(path);
            QVERIFY(outbox.append(extended));
        }
        QVERIFY(QFile::copy(path, keptPath));
        HistoryStore store(dir.filePath(u"history.sqlite"_s));
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        const auto extends = [&store] {
            const QList<HistorySession> rows = store.sessions();
            return rows.size() == 1 ? rows.first().extendCount : -1;
        };
        {
            HistoryOutbox outbox(path);
            QCOMPARE(outbox.deliver(store), HistoryOutbox::Delivery::Delivered);
        }
        QCOMPARE(extends(), 1);
        // The outbox as it was before the delivery: as if the program had died before removing it.
        QVERIFY(QFile::remove(path));
        QVERIFY(QFile::copy(keptPath, path));
        HistoryOutbox restarted(path);
        QVERIFY(restarted.open());
        QCOMPARE(restarted.waitingRecords(), 2);
        int delivered = -1;
        QCOMPARE(restarted.deliver(store, &delivered), HistoryOutbox::Delivery::Delivered);
        QCOMPARE(delivered, 1);
        QCOMPARE(restarted.waitingRecords(), 0);
        QCOMPARE(extends(), 1);
        const QList<HistoryEvent> events = store.events(store.sessions().first().accountKey, u"s-1"_s);
        QCOMPARE(std::count_if(
                     events.cbegin(), events.cend(), [](const HistoryEvent &e) { return e.kind == u"extended"_s; }),
            1);
        // A batch of the same records appended anew is another delivery: it is written.
        QVERIFY(restarted.append(extended));
        QCOMPARE(restarted.deliver(store), HistoryOutbox::Delivery::Delivered);
        QCOMPARE(extends(), 2);
    }

    void survivesTheProgramAndWaitsForAStoreThatRefuses()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"team.outbox"_s);
        {
            HistoryOutbox outbox(path);
            QVERIFY(outbox.append(seen(u"Main"_s, session(u"s-1"_s, SessionStatus::Ready, 60), T0)));
        }
        HistoryOutbox again(path);
        QVERIFY(again.open());
        QCOMPARE(again.waitingRecords(), 1);
        // A history that is off takes nothing; what waits stays.
        HistoryStore off(HistoryLocation::fromUrl(u"mysql://nowhere/x"_s));
        QCOMPARE(off.open(), HistoryStore::OpenResult::Unavailable);
        QCOMPARE(again.deliver(off), HistoryOutbox::Delivery::Failed);
        QVERIFY(!again.problem().isEmpty());
        QCOMPARE(again.waitingRecords(), 1);
        HistoryStore store(dir.filePath(u"history.sqlite"_s));
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        QCOMPARE(again.deliver(store), HistoryOutbox::Delivery::Delivered);
        QCOMPARE(sessionCount(store), 1);
    }

    void oneProgramDeliversAtATime()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"team.outbox"_s);
        HistoryOutbox outbox(path);
        QVERIFY(outbox.append(seen(u"Main"_s, session(u"s-1"_s, SessionStatus::Ready, 60), T0)));
        HistoryStore store(dir.filePath(u"history.sqlite"_s));
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        {
            // Another program is delivering: this one leaves the batch to it.
            QLockFile other(path + u".lock"_s);
            QVERIFY(other.tryLock(0));
            QCOMPARE(outbox.deliver(store), HistoryOutbox::Delivery::OtherDelivers);
            QCOMPARE(outbox.waitingRecords(), 1);
            QCOMPARE(sessionCount(store), 0);
        }
        QCOMPARE(outbox.deliver(store), HistoryOutbox::Delivery::Delivered);
        QCOMPARE(sessionCount(store), 1);
    }

    void unreadableBatchesAreKeptAndPassedOver()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"team.outbox"_s);
        HistoryOutbox outbox(path);
        QVERIFY(outbox.append(seen(u"Main"_s, session(u"s-1"_s, SessionStatus::Ready, 60), T0)));
        QVERIFY(outbox.append(seen(u"Main"_s, session(u"s-2"_s, SessionStatus::Ready, 60), T0)));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"damage"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"UPDATE outbox SET batch = X'0102' WHERE id = (SELECT MIN(id) FROM outbox)"_s));
        }
        QSqlDatabase::removeDatabase(u"damage"_s);
        HistoryStore store(dir.filePath(u"history.sqlite"_s));
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        QCOMPARE(outbox.deliver(store), HistoryOutbox::Delivery::Delivered);
        const QList<HistorySession> rows = store.sessions();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().sessionId, u"s-2"_s);
        QCOMPARE(outbox.waitingRecords(), 0);
        // Kept for a person to look at, not deleted.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"look"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT COUNT(*) FROM outbox WHERE unreadable = 1"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        }
        QSqlDatabase::removeDatabase(u"look"_s);
    }

    void aFolderThatCannotHoldItSaysSo()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"not-a-folder"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        HistoryOutbox outbox(dir.filePath(u"not-a-folder/team.outbox"_s));
        QVERIFY(!outbox.open());
        QVERIFY(outbox.problem().contains(u"cannot be kept"_s));
        QVERIFY(!outbox.append(seen(u"Main"_s, session(u"s-1"_s, SessionStatus::Ready, 60), T0)));
    }

    void eachTeamDatabaseHasItsOwnOutbox()
    {
        const QString history = u"/data/history.sqlite"_s;
        const QString a = HistoryOutbox::filePathFor(history, u"postgresql://ops@db1/history"_s);
        const QString b = HistoryOutbox::filePathFor(history, u"postgresql://ops@db2/history"_s);
        QVERIFY(a != b);
        QVERIFY(a.startsWith(u"/data/history.team-"_s));
        QCOMPARE(HistoryOutbox::filePathFor(history, u"postgresql://ops@db1/history"_s), a);
    }
};

QTEST_GUILESS_MAIN(TestHistoryOutbox)
#include "tst_historyoutbox.moc"
