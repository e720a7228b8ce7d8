#include "common/EventLoopStalls.h"

EventLoopStalls::EventLoopStalls()
{
    m_turn.setInterval(int(IntervalNs / 1'000'000));
    m_turn.setTimerType(Qt::PreciseTimer);
    QObject::connect(&m_turn, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.nsecsElapsed();
        m_longestNs = std::max(m_longestNs, now - m_lastNs);
        m_lastNs = now;
    });
}

void EventLoopStalls::start()
{
    m_longestNs = 0;
    m_clock.start();
    m_lastNs = 0;
    m_turn.start();
}

void EventLoopStalls::stop()
{
    m_turn.stop();
}
