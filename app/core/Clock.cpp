#include "core/Clock.h"

#include <QMutexLocker>

#include <cmath>

namespace arr {

SystemClock::SystemClock()
{
    m_timer.start();
}

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const
{
    return m_timer.elapsed();
}

Clock *SystemClock::instance()
{
    static SystemClock clock;
    return &clock;
}

ScaledClock::ScaledClock(double scale, const Clock *base)
    : m_base(base)
    , m_scale(scale > 0 ? scale : 1.0)
    , m_startWall(base->now())
    , m_startMono(base->monotonicMs())
{
}

qint64 ScaledClock::monotonicMs() const
{
    const qint64 realElapsed = m_base->monotonicMs() - m_startMono;
    return m_startMono + static_cast<qint64>(std::llround(static_cast<double>(realElapsed) * m_scale));
}

QDateTime ScaledClock::now() const
{
    return m_startWall.addMSecs(monotonicMs() - m_startMono);
}

ManualClock::ManualClock(const QDateTime &start)
    : m_wall(start.toUTC())
{
}

QDateTime ManualClock::now() const
{
    QMutexLocker lock(&m_mutex);
    return m_wall;
}

qint64 ManualClock::monotonicMs() const
{
    QMutexLocker lock(&m_mutex);
    return m_mono;
}

void ManualClock::advance(qint64 ms)
{
    QMutexLocker lock(&m_mutex);
    m_mono += ms;
    m_wall = m_wall.addMSecs(ms);
}

void ManualClock::setWallTime(const QDateTime &wall)
{
    QMutexLocker lock(&m_mutex);
    m_wall = wall.toUTC();
}

} // namespace arr
