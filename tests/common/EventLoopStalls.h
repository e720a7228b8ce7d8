#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>

// How long this thread's event loop goes without turning: a precise one-millisecond timer notes the
// time between its turns, so the longest gap less that millisecond is the longest the thread spent
// on anything else at one time (what a frame of the window would have waited). Measured from
// outside, with no hook in the code it measures; the timer itself costs a few microseconds a turn.
// Beside that wall-clock gap, the thread's own CPU time between two turns: on a machine whose cores
// are all busy (a bench that puts five computers' writers and a database server on two cores) a gap
// can be a thread waiting for a core, which that time leaves out.
class EventLoopStalls : public QObject
{
public:
    EventLoopStalls();

    void start();
    void stop();
    double longestMs() const { return double(std::max<qint64>(0, m_longestNs - IntervalNs)) / 1e6; }
    // The most CPU time the thread spent between two turns (Unix; 0 elsewhere).
    double longestBusyMs() const { return double(m_longestBusyNs) / 1e6; }

private:
    static constexpr qint64 IntervalNs = 1'000'000;
    QTimer m_turn;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_longestNs = 0;
    qint64 m_lastBusyNs = 0;
    qint64 m_longestBusyNs = 0;
};
