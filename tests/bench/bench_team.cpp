// The team history under load: five writers (five windows on as many computers, each with its own
// recorder, writer thread and outbox) record the same steady poll of 1,000 sessions into one
// PostgreSQL database of the bench's own.
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

#include <algorithm>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using arr::Session;
using arr::SessionStatus;

namespace {

constexpr int WriterCount = 5;
constexpr int SessionCount = 1'000;
constexpr int SteadyPolls = 21;

// One window's part: its list of sessions, its recorder and how many batches it has on disk.
struct Writer
{
    Writer(const arr::Clock *clock, const arr::HistoryRecording *recording)
        : live(clock)
        , recorder(&live, clock)
    {
        recorder.setRecording(recording);
        QObject::connect(&recorder, &arr::HistoryRecorder::historyChanged, &recorder, [this] { ++written; });
    }
    arr::LiveSessions live;
    arr::HistoryRecorder recorder;
    int written = 0;
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

    // The truth: one writer alone, into a file of its own, records the same polls.
    Writer alone(&clock, &recording);
    alone.recorder.open(directory.filePath(u"alone.sqlite"_s), 400);
    std::vector<std::unique_ptr<Writer>> writers;
    for (int i = 0; i < WriterCount; ++i) {
        writers.push_back(std::make_unique<Writer>(&clock, &recording));
        writers.back()->recorder.open(team, 400, directory.filePath(u"outbox-%1"_s.arg(i)));
    }

    // Each poll is applied and recorded by every writer, as five windows would; each writer's time from
    // its poll to its batch in the database, and the longest the GUI thread spent in a recorder at once.
    std::vector<double> writeMs;
    std::vector<double> guiMs;
    // Five windows are five processes: each applies the poll and then records it on its own GUI thread.
    // Here they share one thread, so each recordPoll() call is timed alone, and the event loop's longest
    // stretch while the batches are written, which the recorders' slices are part of.
    const auto poll = [&](const QList<Session> &sessions) {
        clock.advance(10'000);
        std::vector<int> before;
        std::vector<QElapsedTimer> since(writers.size());
        for (size_t i = 0; i < writers.size(); ++i) {
            Writer &w = *writers[i];
            before.push_back(w.written);
            w.live.applyPoll(u"A"_s, sessions, clock.monotonicMs(), "cv.bench");
            QElapsedTimer call;
            call.start();
            since[i].start();
            w.recorder.recordPoll(u"A"_s);
            guiMs.push_back(double(call.nsecsElapsed()) / 1e6);
        }
        const int aloneBefore = alone.written;
        alone.live.applyPoll(u"A"_s, sessions, clock.monotonicMs(), "cv.bench");
        alone.recorder.recordPoll(u"A"_s);
        EventLoopStalls stalls;
        stalls.start();
        std::vector<double> done(writers.size(), -1);
        waitFor(
            [&] {
                for (size_t i = 0; i < writers.size(); ++i) {
                    if (done[i] < 0 && writers[i]->written > before[i])
                        done[i] = double(since[i].nsecsElapsed()) / 1e6;
                }
                return alone.written > aloneBefore
                    && std::all_of(done.begin(), done.end(), [](double d) { return d >= 0; });
            },
            60'000);
        stalls.stop();
        guiMs.push_back(stalls.longestMs());
        return done;
    };

    const QList<Session> base = makeSessions(SessionCount, 21);
    const QList<Session> changed = steadyChange(base);
    // The first poll (a thousand new sessions, recorded in slices) is not a steady one.
    poll(base);
    guiMs.clear();
    for (int i = 0; i < SteadyPolls; ++i) {
        for (double d : poll(i % 2 ? base : changed))
            writeMs.push_back(d);
    }
    for (auto &w : writers)
        w->recorder.flush();
    alone.recorder.flush();
    QString problems;
    for (auto &w : writers)
        problems += w->recorder.problem();

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
    const double longestGuiMs = guiMs.empty() ? 0 : *std::max_element(guiMs.begin(), guiMs.end());
    table.add(u"team history: steady poll of 1,000 sessions by 5 writers, each writer's write (median)"_s,
        ms(writeMedian), u"≤ 20 ms"_s, writeMedian <= 20.0,
        u"%1 writes; poll to batch in PostgreSQL, through the outbox"_s.arg(writeMs.size()));
    table.add(u"  longest GUI-thread stretch in a recorder over those polls"_s, ms(longestGuiMs), u"≤ 4 ms"_s,
        longestGuiMs <= 4.0);
    table.add(u"  rows in the database: sessions, events"_s, u"%1, %2"_s.arg(teamSessions).arg(teamEvents),
        u"%1, %2 (one writer alone)"_s.arg(trueSessions).arg(trueEvents),
        teamSessions == trueSessions && teamEvents == trueEvents && trueSessions > 0,
        problems.isEmpty() ? QString() : problems);
}
