#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QMutex>

namespace arr {

// Time as the app and the emulator see it. Passed in, never global, so that tests can move time
// and the emulator can run its lifecycle faster than real time.
class Clock
{
public:
    virtual ~Clock() = default;
    // Wall-clock time (UTC); used for display and for token expiry.
    virtual QDateTime now() const = 0;
    // A monotonic count of milliseconds from an arbitrary origin; used for every duration.
    virtual qint64 monotonicMs() const = 0;
};

// The real clocks of the machine.
class SystemClock final : public Clock
{
public:
    SystemClock();
    QDateTime now() const override;
    qint64 monotonicMs() const override;

    // One shared instance for code that is handed no clock.
    static Clock *instance();

private:
    QElapsedTimer m_timer;
};

// Real time multiplied by a factor, from the moment of construction: a scale of 60 makes a
// minute pass every second. Used by the emulator's --time-scale and by accelerated tests.
class ScaledClock final : public Clock
{
public:
    explicit ScaledClock(double scale, const Clock *base = SystemClock::instance());
    QDateTime now() const override;
    qint64 monotonicMs() const override;
    double scale() const { return m_scale; }

private:
    const Clock *m_base;
    double m_scale;
    QDateTime m_startWall;
    qint64 m_startMono;
};

// A clock that moves only when told to. Thread-safe, so that a test can share it with an emulator
// running on another thread.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime &start = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC));
    QDateTime now() const override;
    qint64 monotonicMs() const override;
    void advance(qint64 ms);
    // Moves the wall clock only, as when a machine's clock is corrected; monotonic time stays.
    void setWallTime(const QDateTime &wall);

private:
    mutable QMutex m_mutex;
    QDateTime m_wall;
    qint64 m_mono = 0;
};

} // namespace arr
