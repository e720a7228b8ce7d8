#include "common/EventLoopStalls.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <time.h>
#endif

namespace {

qint64 threadCpuNs()
{
#ifdef Q_OS_UNIX
    timespec now{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0)
        return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
#endif
    return 0;
}

} // namespace

EventLoopStalls::EventLoopStalls()
{
    m_turn.setInterval(int(IntervalNs / 1'000'000));
    m_turn.setTimerType(Qt::PreciseTimer);
    QObject::connect(&m_turn, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.nsecsElapsed();
        m_longestNs = std::max(m_longestNs, now - m_lastNs);
        m_lastNs = now;
        const qint64 busy = threadCpuNs();
        m_longestBusyNs = std::max(m_longestBusyNs, busy - m_lastBusyNs);
        m_lastBusyNs = busy;
    });
}

void EventLoopStalls::start()
{
    m_longestNs = 0;
    m_longestBusyNs = 0;
    m_clock.start();
    m_lastNs = 0;
    m_lastBusyNs = threadCpuNs();
    m_turn.start();
}

void EventLoopStalls::stop()
{
    m_turn.stop();
}
