#include "common/LoggedEntries.h"
#include "common/SessionsOf.h"
#include "core/Clock.h"
#include "emulator/EmulatorServer.h"
#include "monitor/SessionMonitor.h"
#include "service/RequestLog.h"
#include "service/SessionApi.h"

#include "common/ListRequestCounter.h"
#include "common/MonitorPolls.h"
#include "common/TestEmulator.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using arr::SessionStatus;
using arr::TimeSpan;

namespace {

// Emulated time runs this many times faster than real time, and the monitor's intervals are as many
// times shorter (10 s between polls pass in 100 ms).
constexpr int TimeScale = 100;
constexpr int MinimumPolls = 1000;
// The whole soak stays well inside CTest's three-minute bound.
constexpr qint64 ChaosBudgetMs = 100'000;
constexpr std::chrono::milliseconds PollInterval = 10s / TimeScale;

struct IssuedCommand
{
    arr::CommandOutcome::Kind kind;
    QString account;
    QString sessionId;
    TimeSpan lease;
};

} // namespace

// The monitor and the command flow against the emulator with 30 % of requests faulted, on an
// accelerated clock, with two v1 accounts and one 2021-01-01 account; then the faults stop and
// everything must add up.
class TestChaosSoak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void soak();
};

void TestChaosSoak::soak()
{
    arr::ScaledClock clock(TimeScale);
    arr::emulator::EmulatorOptions options;
    options.startDelayMs = 20'000;
    options.stopDelayMs = 5'000;
    // Ended sessions stay listed for the whole run, so that every stop can be checked at the end.
    options.retentionMs = 48 * 3600'000LL;
    arr::emulator::EmulatorServer emulator(options, &clock);
    QVERIFY2(emulator.listen(), qPrintable(emulator.errorString()));

    const QStringList accountIds{u"50a50a50-0000-4000-8000-000000000001"_s, u"50a50a50-0000-4000-8000-000000000002"_s,
        u"50a50a50-0000-4000-8000-000000000003"_s};
    // The last account speaks the GA API: its creates are PUTs under an id the client chose, which
    // it repeats when an answer is lost.
    const QString gaAccountId = accountIds.last();
    const QString gaAccountName = u"Account 3"_s;
    QSet<QString> seeded;
    for (const QString &id : accountIds) {
        emulator.addAccount(id, u"key-"_s + id);
        for (int i = 0; i < 5; ++i) {
            arr::emulator::SessionSeed seed;
            seed.status = SessionStatus::Ready;
            seed.maxLease = TimeSpan::fromHours(6);
            seed.age = TimeSpan::fromMinutes(10 * i);
            seeded.insert(emulator.addSession(id, seed));
        }
    }

    ListRequestCounter network;
    // Large enough to keep every request of the run.
    arr::RequestLog log(1'000'000);
    auto monitor = std::make_unique<arr::SessionMonitor>(&network, &log, &clock);
    const arr::LiveSessions &live = monitor->sessions();
    shortenIntervals(*monitor, TimeScale);
    // Timeouts in real time: long enough for a loaded machine, short enough that late answers bite.
    monitor->setTransferTimeout(400ms);

    const auto accountIdOf = [&accountIds](const QString &name) { return accountIds.at(name.right(1).toInt() - 1); };
    // Each outcome, with the session's state in the emulator at the moment the client reported it.
    QList<arr::CommandOutcome> outcomes;
    QList<SessionStatus> statusWhenFinished;
    connect(monitor.get(), &arr::SessionMonitor::commandFinished, this, [&](const arr::CommandOutcome &outcome) {
        outcomes.append(outcome);
        SessionStatus status = SessionStatus::Unknown;
        const QList<arr::Session> truth = emulator.sessions(accountIdOf(outcome.account));
        for (const arr::Session &session : truth) {
            if (session.id == outcome.sessionId)
                status = session.status;
        }
        statusWhenFinished.append(status);
    });

    for (const QString &id : accountIds) {
        arr::Account account = accountOn(u"Account "_s + id.right(1), id, emulator);
        account.apiVersion = id == gaAccountId ? arr::ApiVersion::Api20210101 : arr::ApiVersion::V1;
        monitor->addAccount(account, u"key-"_s + id);
    }

    // 30 % of requests faulted, spread over every kind the service was seen to produce.
    arr::emulator::FaultOptions faults;
    faults.errorRate = 0.12;
    faults.dropRate = 0.06;
    faults.malformedRate = 0.06;
    faults.latencyRate = 0.06;
    faults.latencyMs = 600;
    faults.seed = 20261128;
    emulator.setFaults(faults);

    QRandomGenerator random(4242);
    QList<IssuedCommand> issued;
    int creates = 0;
    int gaCreates = 0;
    QElapsedTimer elapsed;
    elapsed.start();
    while (network.sent() < MinimumPolls && elapsed.elapsed() < ChaosBudgetMs) {
        QTest::qWait(int(random.bounded(20, 60)));
        const int row = live.count() > 0 ? int(random.bounded(live.count())) : -1;
        const quint32 dice = random.bounded(100);
        if (dice < 4 || row < 0) {
            const QString account = monitor->accountNames().at(int(random.bounded(3)));
            monitor->createSession(account, {TimeSpan::fromHours(1 + random.bounded(4)), u"standard"_s, {}});
            ++creates;
            gaCreates += account == gaAccountName ? 1 : 0;
        } else if (dice < 14) {
            const arr::Session *session = &live.at(row).session;
            if (!session->maxLease || arr::isFinalStatus(session->status))
                continue;
            const TimeSpan lease = std::min(*session->maxLease + TimeSpan::fromMinutes(30), arr::MaximumLease);
            const QString account = live.at(row).account;
            monitor->extendSession(account, session->id, lease);
            issued.append({arr::CommandOutcome::Kind::Extend, account, session->id, lease});
        } else if (dice < 18) {
            const arr::Session *session = &live.at(row).session;
            if (arr::isFinalStatus(session->status))
                continue;
            const QString account = live.at(row).account;
            monitor->stopSession(account, session->id);
            issued.append({arr::CommandOutcome::Kind::Stop, account, session->id, {}});
        }
    }
    const int chaosPolls = network.sent();
    qInfo("chaos: %d polls, %d creates, %d extends and stops issued in %lld ms", chaosPolls, creates,
        int(issued.size()), elapsed.elapsed());
    QVERIFY2(chaosPolls >= MinimumPolls, qPrintable(u"only %1 polls in the time budget"_s.arg(chaosPolls)));
    const QList<arr::RequestLogEntry> logged = loggedEntries(log);
    const int faultedLog = int(
        std::count_if(logged.begin(), logged.end(), [](const arr::RequestLogEntry &entry) { return entry.isError(); }));
    QVERIFY2(faultedLog > 0, "no fault reached the client");

    // The faults stop. Every command must end, one way or the other.
    emulator.setFaults({});
    QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), creates + int(issued.size()), 30'000);

    // Within two poll intervals the table shows what the emulator holds.
    const auto matches = [&]() {
        for (const QString &name : monitor->accountNames()) {
            QList<arr::Session> mine = sessionsOf(live, name);
            QList<arr::Session> truth = emulator.sessions(accountIdOf(name));
            // The GA list has only the sessions that are starting or ready.
            if (name == gaAccountName) {
                truth.removeIf([](const arr::Session &s) {
                    return s.status != SessionStatus::Starting && s.status != SessionStatus::Ready;
                });
            }
            if (mine.size() != truth.size())
                return false;
            const auto byId = [](const arr::Session &a, const arr::Session &b) { return a.id < b.id; };
            std::sort(mine.begin(), mine.end(), byId);
            std::sort(truth.begin(), truth.end(), byId);
            for (qsizetype i = 0; i < mine.size(); ++i) {
                if (mine[i].id != truth[i].id || mine[i].status != truth[i].status
                    || mine[i].maxLease != truth[i].maxLease)
                    return false;
            }
        }
        return true;
    };
    QElapsedTimer settle;
    settle.start();
    // A poll answered just before the faults stopped may still be arriving: allow its round trip.
    QTRY_VERIFY_WITH_TIMEOUT(matches(), int(2 * PollInterval.count()) + 1500);
    qInfo("model matched the emulator %lld ms after the faults stopped", settle.elapsed());

    // No two polls of one account were ever in flight at once.
    QCOMPARE(network.maxInFlightPerAccount(), 1);

    // Every v1 create was sent at most once (one that could not get a token was not sent at all and
    // was reported). A GA create may be sent again, always under the id of its first attempt: each
    // issued create names at most one id. The emulator saw exactly the creates the client sent.
    int v1CreatesSent = 0;
    int gaCreatesSent = 0;
    QSet<QString> gaIdsSent;
    for (const arr::RequestLogEntry &entry : loggedEntries(log)) {
        if (entry.account != gaAccountName && entry.method == "POST") {
            ++v1CreatesSent;
        } else if (entry.account == gaAccountName && entry.method == "PUT") {
            ++gaCreatesSent;
            gaIdsSent.insert(QUrl(u"http://host"_s + entry.path).path().section(u'/', -1));
        }
    }
    QVERIFY(v1CreatesSent <= creates - gaCreates);
    QVERIFY(int(gaIdsSent.size()) <= gaCreates);
    QCOMPARE(emulator.requestCount(u"create"_s), v1CreatesSent + gaCreatesSent);
    const int createsReported = int(std::count_if(outcomes.begin(), outcomes.end(),
        [](const arr::CommandOutcome &o) { return o.kind == arr::CommandOutcome::Kind::Create; }));
    QCOMPARE(createsReported, creates);

    // The sessions the creates made, counted by distinct id: each in the emulator once, a GA one only
    // under an id the client sent, however often that id was sent.
    QSet<QString> createdIds;
    int sessionsCreated = 0;
    int gaSessionsCreated = 0;
    for (const QString &id : accountIds) {
        const QList<arr::Session> truth = emulator.sessions(id);
        for (const arr::Session &session : truth) {
            if (seeded.contains(session.id))
                continue;
            ++sessionsCreated;
            createdIds.insert(session.id);
            if (id == gaAccountId) {
                ++gaSessionsCreated;
                QVERIFY2(gaIdsSent.contains(session.id), qPrintable(u"GA session %1 was never sent"_s.arg(session.id)));
            }
        }
    }
    QCOMPARE(int(createdIds.size()), sessionsCreated);
    QVERIFY(sessionsCreated - gaSessionsCreated <= v1CreatesSent);
    QVERIFY(gaSessionsCreated <= int(gaIdsSent.size()));
    // A repeat of a GA create is answered with the session it made, never refused as a conflict, and
    // every create reported as made names a session the emulator holds.
    for (const arr::CommandOutcome &o : outcomes) {
        if (o.kind != arr::CommandOutcome::Kind::Create)
            continue;
        QVERIFY2(o.result.httpStatus != 409, qPrintable(o.description));
        if (o.succeeded)
            QVERIFY2(createdIds.contains(o.sessionId), qPrintable(o.sessionId));
    }
    qInfo("creates: %d issued (%d GA); v1: %d sent; GA: %d PUTs for %d ids (%d repeats); %d sessions created "
          "(%d GA), %d seen by the emulator",
        creates, gaCreates, v1CreatesSent, gaCreatesSent, int(gaIdsSent.size()), gaCreatesSent - int(gaIdsSent.size()),
        sessionsCreated, gaSessionsCreated, emulator.requestCount(u"create"_s));

    // Every extend and stop was confirmed in the emulator's state, or reported as failed.
    int confirmed = 0;
    int reportedFailed = 0;
    int expiredBeforeStop = 0;
    // Each command is matched to an outcome of its own: the same session may have had several.
    QList<qsizetype> unmatched;
    for (qsizetype i = 0; i < outcomes.size(); ++i)
        unmatched.append(i);
    for (const IssuedCommand &command : issued) {
        const auto found = std::find_if(unmatched.begin(), unmatched.end(), [&](qsizetype i) {
            const arr::CommandOutcome &o = outcomes.at(i);
            return o.kind == command.kind && o.account == command.account && o.sessionId == command.sessionId
                && (command.kind != arr::CommandOutcome::Kind::Extend || o.requestedLease == command.lease);
        });
        QVERIFY2(found != unmatched.end(), qPrintable(u"no outcome for a command on %1"_s.arg(command.sessionId)));
        const arr::CommandOutcome matched = outcomes.at(*found);
        const SessionStatus whenFinished = statusWhenFinished.at(*found);
        unmatched.erase(found);
        if (!matched.succeeded) {
            QVERIFY(!matched.description.isEmpty());
            ++reportedFailed;
            continue;
        }
        const QList<arr::Session> truth = emulator.sessions(accountIdOf(command.account));
        const auto session = std::find_if(
            truth.begin(), truth.end(), [&command](const arr::Session &s) { return s.id == command.sessionId; });
        QVERIFY2(session != truth.end(), qPrintable(command.sessionId));
        if (command.kind == arr::CommandOutcome::Kind::Extend) {
            QVERIFY2(*session->maxLease >= command.lease, qPrintable(command.sessionId));
        } else {
            // Stopped by the command; or its lease had already run out when the stop was confirmed
            // (the service answers a stop of an ended session with success), which the client
            // cannot tell from a stop that came too late: the session is not running either way.
            QVERIFY2(whenFinished == SessionStatus::Stopping || whenFinished == SessionStatus::Stopped
                    || whenFinished == SessionStatus::Expired,
                qPrintable(u"%1 confirmed stopped while %2"_s.arg(
                    command.sessionId, arr::sessionStatusWireName(whenFinished))));
            const bool stopped
                = session->status == SessionStatus::Stopping || session->status == SessionStatus::Stopped;
            const bool expiredFirst
                = whenFinished == SessionStatus::Expired && session->status == SessionStatus::Expired;
            QVERIFY2(stopped || expiredFirst,
                qPrintable(u"%1: %2 when the stop was confirmed, %3 now"_s.arg(command.sessionId,
                    arr::sessionStatusWireName(whenFinished), arr::sessionStatusWireName(session->status))));
            expiredBeforeStop += expiredFirst ? 1 : 0;
        }
        ++confirmed;
    }
    qInfo("extends and stops: %d confirmed (%d stops of sessions whose lease had run out), %d reported failed",
        confirmed, expiredBeforeStop, reportedFailed);

    // Nothing left behind: once the monitor is gone, no reply is.
    monitor.reset();
    QTRY_COMPARE_WITH_TIMEOUT(network.findChildren<QNetworkReply *>().size(), 0, 10'000);
}

QTEST_GUILESS_MAIN(TestChaosSoak)
#include "tst_chaossoak.moc"
