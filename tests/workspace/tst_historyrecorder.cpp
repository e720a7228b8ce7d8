#include "common/HistoryRecordsForTests.h"
#include "common/MonitorPolls.h"
#include "common/TestEmulator.h"
#include "core/Clock.h"
#include "monitor/LiveSessions.h"
#include "monitor/SessionMonitor.h"
#include "service/RequestLog.h"
#include "storage/HistoryStore.h"
#include "workspace/HistoryRecorder.h"
#include "workspace/HistoryRecording.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace arr;
using historytest::session;
using historytest::T0;

namespace {

const QString AccountId = u"3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"_s;
const QString AccountKey = u"recorder-test-key"_s;
const QString Identity = accountIdentity(QUrl(u"http://127.0.0.1:1"_s), AccountId);
constexpr double StandardPrice = 2.5;

// The events of a kind ("extended") among `events`.
qsizetype countOf(const QList<HistoryEvent> &events, const QString &kind)
{
    return std::count_if(events.cbegin(), events.cend(), [&kind](const HistoryEvent &e) { return e.kind == kind; });
}

} // namespace

// The history recorder without a window: what the monitor's polls and commands become in the file.
// Each poll's changes are one batch under the account's identity with the price of its size; what did
// not change is not written again; a command is one record; flush() and the recorder's end leave
// everything on disk; a history that cannot be opened is off and says so once.
class TestHistoryRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_file = m_dir->filePath(u"history.sqlite"_s);
        // The account "Ops" is the one with Identity; standard sessions have a price, others none.
        m_recording.setIdentityLookup([](const QString &account) { return account == u"Ops" ? Identity : account; });
        m_recording.setPriceLookup([](const QString &, const QString &size) {
            return size == u"standard" ? std::optional<double>(StandardPrice) : std::nullopt;
        });
    }

    void cleanup() { m_dir.reset(); }

    void aPollIsOneBatchUnderTheIdentityWithItsPrice()
    {
        ManualClock clock(T0);
        LiveSessions live(&clock);
        HistoryRecorder recorder(&live, &clock);
        recorder.setRecording(&m_recording);
        QVERIFY(openIn(recorder));
        QSignalSpy written(&recorder, &HistoryRecorder::historyChanged);
        Session premium = session(u"p"_s, SessionStatus::Ready, 120);
        premium.size = u"premium"_s;
        live.applyPoll(u"Ops"_s,
            {session(u"s1"_s, SessionStatus::Ready, 600), session(u"s2"_s, SessionStatus::Starting), premium},
            clock.monotonicMs(), "cv.poll");
        recorder.recordPoll(u"Ops"_s);
        QCOMPARE(writtenAfterFlush(recorder, written), 1);

        HistoryStore reader(m_file);
        QCOMPARE(reader.open(), HistoryStore::OpenResult::Opened);
        QCOMPARE(reader.sessions().size(), 3);
        const std::optional<HistorySession> s1 = reader.session(Identity, u"s1"_s);
        QVERIFY(s1);
        QCOMPARE(s1->account, u"Ops"_s);
        QCOMPARE(s1->pricePerHour, std::optional<double>(StandardPrice));
        QVERIFY(s1->cost);
        QVERIFY(qFuzzyCompare(*s1->cost, StandardPrice * 10 / 60));
        QCOMPARE(reader.session(Identity, u"s2"_s)->status, u"starting"_s);
        QCOMPARE(reader.session(Identity, u"p"_s)->pricePerHour, std::nullopt);
        // Nothing under the name as if it were an identity.
        QVERIFY(!reader.session(u"Ops"_s, u"s1"_s));
        const QList<HistoryEvent> events = reader.events(Identity, u"s1"_s);
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.constFirst().msCv, u"cv.poll"_s);
    }

    // A poll that changed nothing worth a record writes nothing; the next change is written, and a
    // session gone from the list is closed under the identity.
    void anUnchangedPollWritesNothing()
    {
        ManualClock clock(T0);
        LiveSessions live(&clock);
        HistoryRecorder recorder(&live, &clock);
        recorder.setRecording(&m_recording);
        QVERIFY(openIn(recorder));
        QSignalSpy written(&recorder, &HistoryRecorder::historyChanged);
        const auto poll = [&](const QList<Session> &sessions) {
            clock.advance(10'000);
            live.applyPoll(u"Ops"_s, sessions, clock.monotonicMs(), "cv.poll");
            recorder.recordPoll(u"Ops"_s);
            return writtenAfterFlush(recorder, written);
        };
        QCOMPARE(poll({session(u"s1"_s, SessionStatus::Ready, 600), session(u"s2"_s, SessionStatus::Starting)}), 1);
        // Ten seconds more billed (written once a minute) and nothing else: no batch.
        QCOMPARE(poll({session(u"s1"_s, SessionStatus::Ready, 610), session(u"s2"_s, SessionStatus::Starting)}), 1);
        QCOMPARE(poll({session(u"s1"_s, SessionStatus::Ready, 620), session(u"s2"_s, SessionStatus::Ready, 5)}), 2);
        QCOMPARE(poll({session(u"s2"_s, SessionStatus::Ready, 15)}), 3);

        HistoryStore reader(m_file);
        QCOMPARE(reader.open(), HistoryStore::OpenResult::Opened);
        QCOMPARE(reader.session(Identity, u"s2"_s)->status, u"ready"_s);
        const std::optional<HistorySession> gone = reader.session(Identity, u"s1"_s);
        QVERIFY(gone);
        QVERIFY(gone->closedUnseen);
        // The billed time last seen, though no poll wrote it.
        QCOMPARE(gone->billedSeconds, 620);
    }

    // The monitor's commands, against an emulator of the test's own: each outcome is recorded once
    // under the identity, however many polls follow it.
    void aCommandIsRecordedOnce()
    {
        ManualClock clock;
        emulator::EmulatorOptions options;
        options.stopDelayMs = 3'000;
        const std::unique_ptr<emulator::EmulatorServer> service = startEmulator(&clock, AccountId, AccountKey, options);
        QVERIFY(service);
        emulator::SessionSeed seed;
        seed.status = SessionStatus::Ready;
        seed.maxLease = TimeSpan::fromHours(1);
        seed.age = TimeSpan::fromMinutes(5);
        const QString id = service->addSession(AccountId, seed);
        const Account ops = accountOn(u"Ops"_s, AccountId, *service);
        HistoryRecording recording;
        recording.setIdentityLookup([&ops](const QString &) { return ops.identity(); });

        QNetworkAccessManager network;
        RequestLog log;
        SessionMonitor monitor(&network, &log, &clock);
        shortenIntervals(monitor, 1000);
        HistoryRecorder recorder(&monitor.sessions(), &clock);
        recorder.setRecording(&recording);
        QVERIFY(openIn(recorder));
        recorder.attach(&monitor);
        QSignalSpy finished(&monitor, &SessionMonitor::commandFinished);
        monitor.addAccount(ops, AccountKey);
        QVERIFY(pollAndSettle(monitor, u"Ops"_s));

        monitor.extendSession(u"Ops"_s, id, TimeSpan::fromHours(2));
        QVERIFY(finished.wait(15'000));
        monitor.createSession(u"Ops"_s, {TimeSpan::fromHours(1), u"standard"_s, {}});
        QVERIFY(finished.wait(15'000));
        const QString created = finished.constLast().constFirst().value<CommandOutcome>().sessionId;
        QVERIFY(!created.isEmpty());
        monitor.stopSession(u"Ops"_s, id);
        QVERIFY(finished.wait(15'000));
        clock.advance(4'000);
        QVERIFY(pollAndSettle(monitor, u"Ops"_s));
        QVERIFY(pollAndSettle(monitor, u"Ops"_s));
        QCOMPARE(finished.size(), 3);
        for (const QList<QVariant> &outcome : std::as_const(finished))
            QVERIFY2(outcome.constFirst().value<CommandOutcome>().succeeded,
                qPrintable(outcome.constFirst().value<CommandOutcome>().description));
        recorder.flush();

        HistoryStore reader(m_file);
        QCOMPARE(reader.open(), HistoryStore::OpenResult::Opened);
        const QList<HistoryEvent> events = reader.events(ops.identity(), id);
        QCOMPARE(countOf(events, u"extended"_s), 1);
        QCOMPARE(countOf(events, u"stopped"_s), 1);
        const std::optional<HistorySession> extended = reader.session(ops.identity(), id);
        QVERIFY(extended);
        QCOMPARE(extended->extendCount, 1);
        QVERIFY(extended->stoppedHere);
        QCOMPARE(extended->leaseSeconds, std::optional<qint64>(2 * 3600));
        QCOMPARE(countOf(reader.events(ops.identity(), created), u"created"_s), 1);
        QVERIFY(reader.session(ops.identity(), created)->createdHere);
    }

    // flush() finishes a poll still being looked at in slices and waits for the disk; the recorder's
    // end does the same, so that what it was handed last is not lost when the app quits.
    void flushAndTheEndLeaveEverythingOnDisk()
    {
        ManualClock clock(T0);
        LiveSessions live(&clock);
        QList<Session> sessions;
        for (int i = 0; i < 10'000; ++i)
            sessions.append(session(u"s%1"_s.arg(i), SessionStatus::Ready, 60));
        {
            HistoryRecorder recorder(&live, &clock);
            recorder.setRecording(&m_recording);
            QVERIFY(openIn(recorder));
            live.applyPoll(u"Ops"_s, sessions, clock.monotonicMs(), "cv.first");
            recorder.recordPoll(u"Ops"_s);
            recorder.flush();
            HistoryStore reader(m_file);
            QCOMPARE(reader.open(), HistoryStore::OpenResult::Opened);
            QCOMPARE(reader.sessions().size(), 10'000);

            for (Session &s : sessions)
                s.status = SessionStatus::Stopped;
            clock.advance(10'000);
            live.applyPoll(u"Ops"_s, sessions, clock.monotonicMs(), "cv.last");
            recorder.recordPoll(u"Ops"_s);
            CommandOutcome stop;
            stop.kind = CommandOutcome::Kind::Stop;
            stop.account = u"Ops"_s;
            stop.sessionId = u"s0"_s;
            stop.succeeded = true;
            stop.description = u"Stopped session s0"_s;
            recorder.recordCommand(stop);
        }
        HistoryStore reader(m_file);
        QCOMPARE(reader.open(), HistoryStore::OpenResult::Opened);
        HistoryQuery stopped;
        stopped.statuses << u"stopped"_s;
        QCOMPARE(reader.sessions(stopped).size(), 10'000);
        QVERIFY(reader.session(Identity, u"s0"_s)->stoppedHere);
    }

    // A folder where the history's file should be: history is off, said once, and the polls and
    // commands that follow are not recorded and break nothing.
    void aHistoryThatCannotBeOpenedIsOffAndSaysSoOnce()
    {
        QVERIFY(QDir().mkpath(m_file));
        ManualClock clock(T0);
        LiveSessions live(&clock);
        HistoryRecorder recorder(&live, &clock);
        QSignalSpy problems(&recorder, &HistoryRecorder::problemChanged);
        QSignalSpy written(&recorder, &HistoryRecorder::historyChanged);
        recorder.open(m_file, 400);
        QCOMPARE(writtenAfterFlush(recorder, written), 0);
        QVERIFY(!recorder.isEnabled());
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.constFirst().constFirst().toString(), recorder.problem());
        QVERIFY2(recorder.problem().startsWith(u"Session history is off"_s), qPrintable(recorder.problem()));

        live.applyPoll(u"Ops"_s, {session(u"s1"_s, SessionStatus::Ready, 60)}, clock.monotonicMs(), "cv.poll");
        recorder.recordPoll(u"Ops"_s);
        CommandOutcome stop;
        stop.kind = CommandOutcome::Kind::Stop;
        stop.account = u"Ops"_s;
        stop.sessionId = u"s1"_s;
        stop.succeeded = true;
        recorder.recordCommand(stop);
        QCOMPARE(writtenAfterFlush(recorder, written), 0);
        QCOMPARE(problems.size(), 1);
        QVERIFY(QFileInfo(m_file).isDir());
        QCOMPARE(live.count(), 1);
    }

    // Alerts go into the history once a day per account, session and kind, whichever program gave them
    // first: a second window (or a watcher) giving the same alert adds nothing; the next day does.
    void alertsAreRecordedOnceADay()
    {
        ManualClock clock(T0);
        LiveSessions live(&clock);
        HistoryRecorder window(&live, &clock);
        HistoryRecorder watcher(&live, &clock);
        m_recording.setActor({u"ops"_s, u"desk-7"_s, u"arrsm watch"_s, u"0.1.0"_s});
        for (HistoryRecorder *recorder : {&window, &watcher}) {
            recorder->setRecording(&m_recording);
            QVERIFY(openIn(*recorder));
        }
        const SessionNotification budget{
            SessionNotification::Kind::BudgetWarning, u"Ops"_s, u"s1"_s, u"Ops has spent 80 % of its daily budget."_s};
        const SessionNotification longRunning{
            SessionNotification::Kind::LongRunning, u"Ops"_s, u"s1"_s, u"Session s1 has been ready for 5 h."_s};
        const SessionNotification ready{SessionNotification::Kind::BecameReady, u"Ops"_s, u"s1"_s, u"ready"_s};
        for (HistoryRecorder *recorder : {&window, &watcher}) {
            recorder->recordAlert(budget);
            recorder->recordAlert(longRunning);
            recorder->recordAlert(ready);
            recorder->flush();
        }
        {
            HistoryStore reader(m_file);
            QCOMPARE(reader.open(), HistoryStore::OpenResult::Opened);
            // The budget is the account's: no session.
            const QList<HistoryEvent> account = reader.events(Identity, QString());
            QCOMPARE(countOf(account, u"budget-warning"_s), 1);
            QCOMPARE(account.constFirst().detail, budget.text);
            QCOMPARE(account.constFirst().actor.program, u"arrsm watch"_s);
            const QList<HistoryEvent> session = reader.events(Identity, u"s1"_s);
            QCOMPARE(countOf(session, u"long-running"_s), 1);
            // A notification that is no alert is what the polls record, not an alert.
            QCOMPARE(session.size(), 1);
        }
        clock.advance(24 * 3600'000);
        watcher.recordAlert(budget);
        watcher.flush();
        HistoryStore reader(m_file);
        QCOMPARE(reader.open(), HistoryStore::OpenResult::Opened);
        QCOMPARE(countOf(reader.events(Identity, QString()), u"budget-warning"_s), 2);
    }

private:
    // Opens the history file, waits until the writer has answered, and says whether history is on.
    bool openIn(HistoryRecorder &recorder)
    {
        recorder.open(m_file, 400);
        recorder.flush();
        QCoreApplication::sendPostedEvents(&recorder, QEvent::MetaCall);
        if (!recorder.problem().isEmpty())
            qWarning("%s", qPrintable(recorder.problem()));
        return recorder.isEnabled() && recorder.problem().isEmpty();
    }

    // The batches written so far. Once flush() has returned, the writer has announced every batch it
    // was handed; delivering what it posted is all that remains, so no wait can miss one.
    static qsizetype writtenAfterFlush(HistoryRecorder &recorder, const QSignalSpy &written)
    {
        recorder.flush();
        QCoreApplication::sendPostedEvents(&recorder, QEvent::MetaCall);
        return written.size();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;
    HistoryRecording m_recording;
};

QTEST_GUILESS_MAIN(TestHistoryRecorder)
#include "tst_historyrecorder.moc"
