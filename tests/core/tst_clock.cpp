#include "core/Clock.h"

#include <QTest>

// The clocks that the app, the emulator and the tests share.
class TestClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void manualClockMovesOnlyWhenTold();
    void scaledClockRunsFaster();
};

void TestClock::manualClockMovesOnlyWhenTold()
{
    arr::ManualClock clock;
    const QDateTime start = clock.now();
    QCOMPARE(clock.monotonicMs(), 0);
    clock.advance(1500);
    QCOMPARE(clock.monotonicMs(), 1500);
    QCOMPARE(clock.now(), start.addMSecs(1500));
    clock.setWallTime(start.addSecs(-600));
    QCOMPARE(clock.monotonicMs(), 1500);
    QCOMPARE(clock.now(), start.addSecs(-600));
}

void TestClock::scaledClockRunsFaster()
{
    arr::ManualClock base;
    arr::ScaledClock scaled(60.0, &base);
    const qint64 startMono = scaled.monotonicMs();
    const QDateTime startWall = scaled.now();
    base.advance(1000);
    QCOMPARE(scaled.monotonicMs() - startMono, 60'000);
    QCOMPARE(scaled.now(), startWall.addSecs(60));
    // A scale of zero or less would stop time; it is taken as real time.
    arr::ScaledClock broken(0.0, &base);
    QCOMPARE(broken.scale(), 1.0);
}

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
