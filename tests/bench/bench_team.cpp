// The team history under load: five writers (five windows on as many computers, each with its own
// recorder, writer thread and outbox) record the same steady poll of 1,000 sessions into one
// PostgreSQL database of the bench's own. One of them is "this window": its recorder alone has the
// bench's main thread, whose event loop is watched; the other four (and a lone writer into a file of
// its own, the truth) share a second thread, as other people's windows would not share this one.
#include "BenchSupport.h"
#include "BenchTable.h"
#include "common/EventLoopStalls.h"
#include "common/PostgresServer.h"

#include "core/Clock.h"
#include "monitor/LiveSessions.h"
#include "storage/HistoryLocation.h"
#include "workspace/HistoryRecorder.h"
#include "workspace/HistoryRecording.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using arr::Session;
using arr::SessionStatus;

namespace {

constexpr int WriterCount = 5;
constexpr int SessionCount = 1'000;
constexpr int SteadyPolls = 21;

// One window's part: its list of sessions, its recorder, how many batches it has written and how long
// after its last poll the last one was written. Used in the thread it was made in; the counts are read
// from the bench's thread.
struct Writer
{
    Writer(const arr::Clock *clock, const arr::HistoryRecording *recording)
        : live(clock)
        , recorder(&live, clock)
    {
        recorder.setRecording(recording);
        QObject::connect(&recorder, &arr::HistoryRecorder::historyChanged, &recorder, [this] {
            lastWriteNs = sincePoll.nsecsElapsed();
            ++written;
        });
    }
    // Applies a poll and hands it to the recorder; returns how long the recorder took at once.
    double poll(const QList<Session> &sessions, qint64 monotonicMs)
    {
        live.applyPoll(u"A"_s, sessions, monotonicMs, "cv.bench");
        sincePoll.start();
        recorder.recordPoll(u"A"_s);
        return double(sincePoll.nsecsElapsed()) / 1e6;
    }
    arr::LiveSessions live;
    arr::HistoryRecorder recorder;
    QElapsedTimer sincePoll;
    std::atomic<int> written{0};
    std::atomic<qint64> lastWriteNs{-1};
};

// 1 % of the sessions change status, 0.5 % are new and 0.5 % gone: `odd` polls undo the even ones'.
QList<Session> steadyChange(const QList<Session> &base)
{
    QList<Session> changed = base;
    QRandomGenerator random(22);
    for (int i = 0; i < SessionCount / 100; ++i) {
        Session &s = changed[random.bounded(int(changed.size()))];
        s.status = s.status == SessionStatus::Ready ? SessionStatus::Stopping : SessionStatus::Ready;
        s.statusText = arr::sessionStatusWireName(s.status);
    }
    for (int i = 0; i < SessionCount / 200; ++i)
        changed.removeAt(random.bounded(int(changed.size())));
    QList<Session> fresh = makeSessions(SessionCount / 200, 23);
    for (Session &s : fresh)
        s.id = u"new-"_s + s.id;
    changed.append(fresh);
    return changed;
}

} // namespace

void benchTeamHistory(BenchTable &table)
{
    if (const QString why = PostgresServer::unavailableReason(); !why.isEmpty()) {
        table.add(u"team history: five writers, one PostgreSQL database"_s, u"not measured"_s, u"—"_s, false, why);
        return;
    }
    PostgresServer server;
    if (!server.start()) {
        table.add(u"team history: five writers, one PostgreSQL database"_s, u"not measured"_s, u"—"_s, false,
            server.errorString());
        return;
    }
    qputenv("PGPASSWORD", server.password().toUtf8());
    const arr::HistoryLocation team = arr::HistoryLocation::fromUrl(u"postgresql://%1@%2:%3/%4?sslmode=disable"_s.arg(
        server.userName(), server.hostName(), QString::number(server.port()), server.databaseName()));
    QTemporaryDir directory;
    arr::ManualClock clock;
    arr::HistoryRecording recording;
    recording.setPriceLookup([](const QString &, const QString &size) -> std::optional<double> {
        return size == u"premium"_s ? 12.0 : 3.0;
    });

    // This window's writer here; the others, and the truth (one writer alone, into a file of its own,
    // recording the same polls), in their thread.
    QThread othersThread;
    othersThread.start();
    QObject others;
    others.moveToThread(&othersThread);
    const auto inOthers
        = [&others](auto work) { QMetaObject::invokeMethod(&others, work, Qt::BlockingQueuedConnection); };
    std::vector<std::unique_ptr<Writer>> writers(WriterCount);
    std::unique_ptr<Writer> alone;
    writers[0] = std::make_unique<Writer>(&clock, &recording);
    writers[0]->recorder.open(team, 400, directory.filePath(u"outbox-0"_s));
    inOthers([&] {
        alone = std::make_unique<Writer>(&clock, &recording);
        alone->recorder.open(directory.filePath(u"alone.sqlite"_s), 400);
        for (int i = 1; i < WriterCount; ++i) {
            writers[i] = std::make_unique<Writer>(&clock, &recording);
            writers[i]->recorder.open(team, 400, directory.filePath(u"outbox-%1"_s.arg(i)));
        }
    });

    // Each poll is applied and recorded by every writer, as five windows would: each writer's time from
    // its poll to its batch in the database, and the longest this window's GUI thread went without
    // turning its event loop while its recorder compared, copied and handed over the batch: the CPU
    // time the thread spent in that stretch (the figure), and the wall-clock time, which on these two
    // cores also holds the waits for a core that four other computers' writers and the database server
    // cause here and would not on a person's computer.
    std::vector<double> writeMs;
    std::vector<double> guiBusyMs;
    std::vector<double> guiWallMs;
    const auto poll = [&](const QList<Session> &sessions) {
        clock.advance(10'000);
        const qint64 now = clock.monotonicMs();
        std::vector<int> before;
        for (const auto &w : writers)
            before.push_back(w->written);
        const int aloneBefore = alone->written;
        QMetaObject::invokeMethod(&others, [&writers, &alone, sessions, now] {
            for (size_t i = 1; i < writers.size(); ++i)
                writers[i]->poll(sessions, now);
            alone->poll(sessions, now);
        });
        EventLoopStalls stalls;
        stalls.start();
        writers[0]->poll(sessions, now);
        const bool written = waitFor(
            [&] {
                for (size_t i = 0; i < writers.size(); ++i) {
                    if (writers[i]->written <= before[i])
                        return false;
                }
                return alone->written > aloneBefore;
            },
            60'000);
        stalls.stop();
        guiBusyMs.push_back(stalls.longestBusyMs());
        guiWallMs.push_back(stalls.longestMs());
        std::vector<double> done;
        for (const auto &w : writers)
            done.push_back(written ? double(w->lastWriteNs) / 1e6 : -1.0);
        return done;
    };

    const QList<Session> base = makeSessions(SessionCount, 21);
    const QList<Session> changed = steadyChange(base);
    // The first poll (a thousand new sessions, recorded in slices) is not a steady one.
    poll(base);
    guiBusyMs.clear();
    guiWallMs.clear();
    for (int i = 0; i < SteadyPolls; ++i) {
        for (double d : poll(i % 2 ? base : changed))
            writeMs.push_back(d);
    }
    writers[0]->recorder.flush();
    inOthers([&] {
        for (size_t i = 1; i < writers.size(); ++i)
            writers[i]->recorder.flush();
        alone->recorder.flush();
    });
    QString problems;
    for (auto &w : writers)
        problems += w->recorder.problem();
    inOthers([&] {
        for (size_t i = 1; i < writers.size(); ++i)
            writers[i].reset();
        alone.reset();
    });
    othersThread.quit();
    othersThread.wait();

    // The database's rows against the lone writer's.
    const auto count = [](const QSqlDatabase &db, const QString &sql) {
        QSqlQuery q(db);
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    };
    const auto teamCount = [&server](const QString &sql) {
        const QVariant value = server.scalar(sql);
        return value.isValid() ? value.toLongLong() : -1;
    };
    const qint64 teamSessions = teamCount(u"SELECT COUNT(*) FROM sessions"_s);
    const qint64 teamEvents = teamCount(u"SELECT COUNT(*) FROM events"_s);
    qint64 trueSessions = -1;
    qint64 trueEvents = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bench-alone"_s);
        db.setDatabaseName(directory.filePath(u"alone.sqlite"_s));
        if (db.open()) {
            trueSessions = count(db, u"SELECT COUNT(*) FROM sessions"_s);
            trueEvents = count(db, u"SELECT COUNT(*) FROM events"_s);
        }
    }
    QSqlDatabase::removeDatabase(u"bench-alone"_s);

    const double writeMedian = median(writeMs);
    const double longestBusyMs = guiBusyMs.empty() ? 0 : *std::max_element(guiBusyMs.begin(), guiBusyMs.end());
    const double longestWallMs = guiWallMs.empty() ? 0 : *std::max_element(guiWallMs.begin(), guiWallMs.end());
    table.add(u"team history: steady poll of 1,000 sessions by 5 writers, each writer's write (median)"_s,
        ms(writeMedian), u"≤ 20 ms"_s, writeMedian <= 20.0,
        u"%1 writes; poll to batch in PostgreSQL, through the outbox"_s.arg(writeMs.size()));
    table.add(u"  one window's GUI thread: longest busy between two turns of its event loop (CPU time)"_s,
        ms(longestBusyMs), u"≤ 4 ms"_s, longestBusyMs <= 4.0,
        u"%1 by the wall clock, waits for one of the 2 cores included"_s.arg(ms(longestWallMs)));
    table.add(u"  rows in the database: sessions, events"_s, u"%1, %2"_s.arg(teamSessions).arg(teamEvents),
        u"%1, %2 (one writer alone)"_s.arg(trueSessions).arg(trueEvents),
        teamSessions == trueSessions && teamEvents == trueEvents && trueSessions > 0,
        problems.isEmpty() ? QString() : problems);
}
