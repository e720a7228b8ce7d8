#include "core/Clock.h"
#include "workspace/KeepAlivePolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using arr::KeepAlivePolicy;
using arr::KeepAliveSpec;
using arr::Session;
using arr::SessionStatus;
using arr::TimeSpan;
using Action = arr::KeepAlivePolicy::Decision::Action;

namespace {

Session readySession(TimeSpan elapsed, TimeSpan lease)
{
    Session session;
    session.id = u"s1"_s;
    session.status = SessionStatus::Ready;
    session.elapsed = elapsed;
    session.maxLease = lease;
    return session;
}

KeepAliveSpec leaseSpec(TimeSpan cap, TimeSpan step, TimeSpan before)
{
    KeepAliveSpec spec;
    spec.bound = KeepAliveSpec::Bound::MaxLease;
    spec.maxLease = cap;
    spec.step = step;
    spec.before = before;
    return spec;
}

// A look with nothing pending from an earlier one.
KeepAlivePolicy::Decision look(const KeepAlivePolicy &policy, const Session &session, qint64 observedAtMono)
{
    arr::KeepAliveProgress progress;
    return policy.evaluate(session, observedAtMono, progress);
}

} // namespace

// The decisions of the keep-alive policy on a clock the test moves.
class TestKeepAlivePolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void waitsWhileEnoughIsLeft();
    void extendsByStepUnderThreshold();
    void lastExtendStopsExactlyAtACapThatIsNotAMultiple();
    void capReachedSaysWhenTheSessionEnds();
    void neverExtendsASessionThatIsNotReady_data();
    void neverExtendsASessionThatIsNotReady();
    void endedSessionEndsThePolicy();
    void neverBeyondTheServiceLimit();
    void remainingCountsFromTheServiceAnswer();
    void untilTimeOfDay();
    void specValidationAndJson();
    void extendThatDoesNotShowEndsThePolicyOnTheSecond_data();
    void extendThatDoesNotShowEndsThePolicyOnTheSecond();
    void extendThatShowsResetsTheCount();
    void answerFromBeforeTheExtendSettlesNothing();
    void leaseFarBeyondTheBoundIsAWarning();
};

void TestKeepAlivePolicy::waitsWhileEnoughIsLeft()
{
    arr::ManualClock clock;
    const KeepAlivePolicy policy(
        leaseSpec(TimeSpan::fromHours(2), TimeSpan::fromMinutes(30), TimeSpan::fromMinutes(10)), &clock);
    const auto decision
        = look(policy, readySession(TimeSpan::fromMinutes(49), TimeSpan::fromHours(1)), clock.monotonicMs());
    QCOMPARE(decision.action, Action::Wait);
    QCOMPARE(*decision.remaining, TimeSpan::fromMinutes(11));
}

void TestKeepAlivePolicy::extendsByStepUnderThreshold()
{
    arr::ManualClock clock;
    const KeepAlivePolicy policy(
        leaseSpec(TimeSpan::fromHours(2), TimeSpan::fromMinutes(30), TimeSpan::fromMinutes(10)), &clock);
    const auto decision
        = look(policy, readySession(TimeSpan::fromMinutes(51), TimeSpan::fromHours(1)), clock.monotonicMs());
    QCOMPARE(decision.action, Action::Extend);
    QCOMPARE(decision.newLease, TimeSpan::fromMinutes(90));
}

void TestKeepAlivePolicy::lastExtendStopsExactlyAtACapThatIsNotAMultiple()
{
    // Cap 0:45, step 0:30, lease 0:10: extend to 0:40, then to exactly 0:45, then the cap is reached.
    arr::ManualClock clock;
    const KeepAlivePolicy policy(
        leaseSpec(TimeSpan::fromMinutes(45), TimeSpan::fromMinutes(30), TimeSpan::fromMinutes(10)), &clock);
    auto decision = look(policy, readySession(TimeSpan::fromMinutes(1), TimeSpan::fromMinutes(10)), 0);
    QCOMPARE(decision.action, Action::Extend);
    QCOMPARE(decision.newLease, TimeSpan::fromMinutes(40));
    decision = look(policy, readySession(TimeSpan::fromMinutes(31), TimeSpan::fromMinutes(40)), 0);
    QCOMPARE(decision.action, Action::Extend);
    QCOMPARE(decision.newLease, TimeSpan::fromMinutes(45));
    decision = look(policy, readySession(TimeSpan::fromMinutes(31), TimeSpan::fromMinutes(45)), 0);
    QCOMPARE(decision.action, Action::CapReached);
}

void TestKeepAlivePolicy::capReachedSaysWhenTheSessionEnds()
{
    arr::ManualClock clock;
    const KeepAlivePolicy policy(
        leaseSpec(TimeSpan::fromMinutes(30), TimeSpan::fromMinutes(10), TimeSpan::fromMinutes(5)), &clock);
    const auto decision
        = look(policy, readySession(TimeSpan::fromMinutes(16), TimeSpan::fromMinutes(30)), clock.monotonicMs());
    QCOMPARE(decision.action, Action::CapReached);
    QCOMPARE(decision.endsAt, clock.now().addSecs(14 * 60));
}

void TestKeepAlivePolicy::neverExtendsASessionThatIsNotReady_data()
{
    QTest::addColumn<SessionStatus>("status");
    QTest::newRow("starting") << SessionStatus::Starting;
    QTest::newRow("stopping") << SessionStatus::Stopping;
    QTest::newRow("unknown") << SessionStatus::Unknown;
}

void TestKeepAlivePolicy::neverExtendsASessionThatIsNotReady()
{
    QFETCH(SessionStatus, status);
    arr::ManualClock clock;
    const KeepAlivePolicy policy(
        leaseSpec(TimeSpan::fromHours(2), TimeSpan::fromMinutes(30), TimeSpan::fromMinutes(10)), &clock);
    Session session = readySession(TimeSpan::fromMinutes(59), TimeSpan::fromHours(1));
    session.status = status;
    QCOMPARE(look(policy, session, 0).action, Action::Wait);
    // Ready without an elapsed time is not extended either: the lease left is unknown.
    session.status = SessionStatus::Ready;
    session.elapsed.reset();
    QCOMPARE(look(policy, session, 0).action, Action::Wait);
}

void TestKeepAlivePolicy::endedSessionEndsThePolicy()
{
    arr::ManualClock clock;
    const KeepAlivePolicy policy(
        leaseSpec(TimeSpan::fromHours(2), TimeSpan::fromMinutes(30), TimeSpan::fromMinutes(10)), &clock);
    for (SessionStatus status : {SessionStatus::Stopped, SessionStatus::Expired, SessionStatus::Error}) {
        Session session = readySession(TimeSpan::fromMinutes(59), TimeSpan::fromHours(1));
        session.status = status;
        QCOMPARE(look(policy, session, 0).action, Action::SessionEnded);
    }
}

void TestKeepAlivePolicy::neverBeyondTheServiceLimit()
{
    arr::ManualClock clock;
    KeepAliveSpec spec = leaseSpec(TimeSpan::fromHours(24), TimeSpan::fromHours(2), TimeSpan::fromMinutes(10));
    const KeepAlivePolicy policy(spec, &clock);
    const auto decision = look(policy, readySession(TimeSpan::fromMinutes(23 * 60 - 5), TimeSpan::fromHours(23)), 0);
    QCOMPARE(decision.action, Action::Extend);
    QCOMPARE(decision.newLease, TimeSpan::fromHours(24));
    spec.maxLease = TimeSpan::fromHours(25);
    QVERIFY(!spec.validationError().isEmpty());
    // An until time two days away is still bounded by the service's day.
    KeepAliveSpec until;
    until.bound = KeepAliveSpec::Bound::UntilTime;
    until.until = clock.now().addDays(2);
    const KeepAlivePolicy far(until, &clock);
    QCOMPARE(far.cap(TimeSpan::fromHours(1)), arr::ServiceMaximumLease);
}

void TestKeepAlivePolicy::remainingCountsFromTheServiceAnswer()
{
    // The answer said 45 of 60 minutes elapsed; 6 minutes later (monotonic) only 9 are left.
    arr::ManualClock clock;
    const KeepAlivePolicy policy(
        leaseSpec(TimeSpan::fromHours(2), TimeSpan::fromMinutes(30), TimeSpan::fromMinutes(10)), &clock);
    const Session session = readySession(TimeSpan::fromMinutes(45), TimeSpan::fromHours(1));
    const qint64 observedAt = clock.monotonicMs();
    QCOMPARE(look(policy, session, observedAt).action, Action::Wait);
    clock.advance(6 * 60'000);
    const auto decision = look(policy, session, observedAt);
    QCOMPARE(decision.action, Action::Extend);
    QCOMPARE(*decision.remaining, TimeSpan::fromMinutes(9));
    // A wall clock set back by an hour changes nothing: only the service's elapsed time counts.
    clock.setWallTime(clock.now().addSecs(-3600));
    QCOMPARE(*look(policy, session, observedAt).remaining, TimeSpan::fromMinutes(9));
}

void TestKeepAlivePolicy::untilTimeOfDay()
{
    arr::ManualClock clock;
    KeepAliveSpec spec;
    spec.bound = KeepAliveSpec::Bound::UntilTime;
    spec.until = clock.now().addSecs(45 * 60);
    spec.step = TimeSpan::fromMinutes(30);
    spec.before = TimeSpan::fromMinutes(10);
    const KeepAlivePolicy policy(spec, &clock);
    // 20 minutes in, lease 0:25: may run to 20 + 45 = 0:65 at most; extended to 0:55.
    auto decision
        = look(policy, readySession(TimeSpan::fromMinutes(20), TimeSpan::fromMinutes(25)), clock.monotonicMs());
    QCOMPARE(decision.action, Action::Extend);
    QCOMPARE(decision.newLease, TimeSpan::fromMinutes(55));
    clock.advance(30 * 60'000);
    decision = look(policy, readySession(TimeSpan::fromMinutes(50), TimeSpan::fromMinutes(55)), clock.monotonicMs());
    QCOMPARE(decision.action, Action::Extend);
    QCOMPARE(decision.newLease, TimeSpan::fromMinutes(65));
    decision = look(policy, readySession(TimeSpan::fromMinutes(50), TimeSpan::fromMinutes(65)), clock.monotonicMs());
    QCOMPARE(decision.action, Action::CapReached);
    QCOMPARE(decision.endsAt, spec.until);

    // The next occurrence of a time of day is always ahead.
    const QDateTime now = clock.now();
    const QDateTime next = KeepAliveSpec::nextOccurrence(now.toLocalTime().time().addSecs(-60), now);
    QVERIFY(next > now);
    QVERIFY(next <= now.addDays(1));
}

void TestKeepAlivePolicy::specValidationAndJson()
{
    KeepAliveSpec spec = leaseSpec(TimeSpan::fromMinutes(45), TimeSpan::fromMinutes(30), TimeSpan::fromMinutes(10));
    QVERIFY(spec.validationError().isEmpty());
    QVERIFY(KeepAliveSpec::fromJson(spec.toJson()) == spec);
    spec.bound = KeepAliveSpec::Bound::UntilTime;
    spec.until = QDateTime(QDate(2026, 1, 1), QTime(18, 30), Qt::UTC);
    QVERIFY(KeepAliveSpec::fromJson(spec.toJson()) == spec);
    spec.step = TimeSpan::fromSeconds(10);
    QVERIFY(!spec.validationError().isEmpty());
    QVERIFY(!KeepAliveSpec::fromJson(QJsonObject{{u"maxLease"_s, u"nonsense"_s}}).has_value());
    QVERIFY(!KeepAliveSpec::fromJson(QJsonObject{}).has_value());
}

void TestKeepAlivePolicy::extendThatDoesNotShowEndsThePolicyOnTheSecond_data()
{
    QTest::addColumn<TimeSpan>("answeredLease");
    QTest::newRow("stayed") << TimeSpan::fromMinutes(30);
    QTest::newRow("shrank") << TimeSpan::fromMinutes(20);
    QTest::newRow("grew a little") << TimeSpan::fromMinutes(31);
}

void TestKeepAlivePolicy::extendThatDoesNotShowEndsThePolicyOnTheSecond()
{
    QFETCH(TimeSpan, answeredLease);
    arr::ManualClock clock;
    const KeepAlivePolicy policy(
        leaseSpec(TimeSpan::fromHours(2), TimeSpan::fromMinutes(30), TimeSpan::fromMinutes(10)), &clock);
    arr::KeepAliveProgress progress;
    const Session before = readySession(TimeSpan::fromMinutes(25), TimeSpan::fromMinutes(30));
    auto decision = policy.evaluate(before, clock.monotonicMs(), progress);
    QCOMPARE(decision.action, Action::Extend);
    QCOMPARE(decision.newLease, TimeSpan::fromHours(1));
    policy.extendAccepted(before, decision.newLease, progress);
    clock.advance(200);

    // The service said 200, and its next answer shows no such lease.
    const Session lied = readySession(TimeSpan::fromMinutes(25), answeredLease);
    decision = policy.evaluate(lied, clock.monotonicMs(), progress);
    QCOMPARE(decision.action, Action::ExtendNotTaken);
    QVERIFY2(decision.problem.contains(u"01:00:00"_s), qPrintable(decision.problem));
    // The next look (an interval later) may ask once more ...
    clock.advance(10'000);
    decision = policy.evaluate(lied, clock.monotonicMs(), progress);
    QCOMPARE(decision.action, Action::Extend);
    policy.extendAccepted(lied, decision.newLease, progress);
    clock.advance(200);
    // ... and a second extend that does not show ends the policy.
    decision = policy.evaluate(lied, clock.monotonicMs(), progress);
    QCOMPARE(decision.action, Action::Failed);
    QVERIFY2(decision.problem.contains(u"keep-alive stopped"_s), qPrintable(decision.problem));
    QCOMPARE(progress.extendsNotTaken, KeepAlivePolicy::MaximumExtendsNotTaken);
}

void TestKeepAlivePolicy::extendThatShowsResetsTheCount()
{
    arr::ManualClock clock;
    const KeepAlivePolicy policy(
        leaseSpec(TimeSpan::fromHours(4), TimeSpan::fromMinutes(30), TimeSpan::fromMinutes(10)), &clock);
    arr::KeepAliveProgress progress;
    TimeSpan lease = TimeSpan::fromMinutes(30);
    for (int round = 0; round < 4; ++round) {
        const Session session = readySession(lease - TimeSpan::fromMinutes(5), lease);
        auto decision = policy.evaluate(session, clock.monotonicMs(), progress);
        QCOMPARE(decision.action, Action::Extend);
        policy.extendAccepted(session, decision.newLease, progress);
        clock.advance(100);
        // Every other extend does not show; the one after it does.
        const bool shows = round % 2 == 1;
        const Session answered = shows ? readySession(*session.elapsed, decision.newLease) : session;
        decision = policy.evaluate(answered, clock.monotonicMs(), progress);
        QCOMPARE(decision.action, shows ? Action::Wait : Action::ExtendNotTaken);
        lease = *answered.maxLease;
    }
    QCOMPARE(progress.extendsNotTaken, 0);
}

void TestKeepAlivePolicy::answerFromBeforeTheExtendSettlesNothing()
{
    arr::ManualClock clock;
    clock.advance(1000);
    const KeepAlivePolicy policy(
        leaseSpec(TimeSpan::fromHours(2), TimeSpan::fromMinutes(30), TimeSpan::fromMinutes(10)), &clock);
    arr::KeepAliveProgress progress;
    const Session before = readySession(TimeSpan::fromMinutes(25), TimeSpan::fromMinutes(30));
    const qint64 pollArrived = clock.monotonicMs();
    policy.extendAccepted(before, TimeSpan::fromHours(1), progress);
    // An answer that arrived before the extend was accepted cannot show it, and is no reason to
    // extend once more while the accepted one waits to be seen.
    const auto decision = policy.evaluate(before, pollArrived - 1, progress);
    QCOMPARE(decision.action, Action::Wait);
    QVERIFY(progress.awaitedLease);
    QCOMPARE(progress.extendsNotTaken, 0);
}

void TestKeepAlivePolicy::leaseFarBeyondTheBoundIsAWarning()
{
    arr::ManualClock clock;
    const KeepAlivePolicy policy(
        leaseSpec(TimeSpan::fromHours(2), TimeSpan::fromMinutes(30), TimeSpan::fromMinutes(10)), &clock);
    const auto beyond = look(policy, readySession(TimeSpan::fromMinutes(5), TimeSpan::fromMinutes(23 * 60 + 59)), 0);
    QCOMPARE(beyond.action, Action::CapReached);
    QVERIFY(beyond.beyondBound);
    QVERIFY2(beyond.problem.contains(u"23:59:00"_s), qPrintable(beyond.problem));
    const auto atBound = look(policy, readySession(TimeSpan::fromMinutes(5), TimeSpan::fromHours(2)), 0);
    QCOMPARE(atBound.action, Action::CapReached);
    QVERIFY(!atBound.beyondBound);
}

QTEST_GUILESS_MAIN(TestKeepAlivePolicy)
#include "tst_keepalivepolicy.moc"
