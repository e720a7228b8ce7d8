#include "BenchSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;
using arr::Session;
using arr::SessionStatus;
using arr::TimeSpan;

QString ms(double value)
{
    return value < 0.1 ? u"%1 µs"_s.arg(value * 1000.0, 0, 'f', 1) : u"%1 ms"_s.arg(value, 0, 'f', 3);
}

double median(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.empty() ? 0.0 : samples[samples.size() / 2];
}

QList<Session> makeSessions(int count, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<Session> sessions;
    sessions.reserve(count);
    const SessionStatus statuses[]
        = {SessionStatus::Ready, SessionStatus::Ready, SessionStatus::Ready, SessionStatus::Starting,
            SessionStatus::Stopping, SessionStatus::Stopped, SessionStatus::Expired, SessionStatus::Error};
    for (int i = 0; i < count; ++i) {
        Session s;
        s.id = u"%1-4e2a-4b1c-9d3e-%2"_s.arg(uint(random.generate()), 8, 16, QChar(u'0')).arg(i, 12, 10, QChar(u'0'));
        s.status = statuses[random.bounded(8)];
        s.statusText = arr::sessionStatusWireName(s.status);
        s.size = random.bounded(2) ? u"standard"_s : u"premium"_s;
        s.hostname = s.id + u".remoterenderingvm.westeurope.mixedreality.azure.com"_s;
        s.maxLease = TimeSpan::fromMinutes(30 + random.bounded(23 * 60));
        s.elapsed = TimeSpan::fromSeconds(random.bounded(int(s.maxLease->totalSeconds())));
        if (s.status == SessionStatus::Error)
            s.message = u"The virtual machine could not be allocated."_s;
        sessions.append(s);
    }
    return sessions;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QTimer wake;
    wake.start(100);
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return done();
}

// Sleeps in the event loop, which takes no processor time.
