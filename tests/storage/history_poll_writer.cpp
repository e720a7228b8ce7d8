// A test helper: records polls into a history file through the app's HistoryRecorder, as the app
// does, and prints "poll N" once poll N is committed. tst_historystore kills it (SIGKILL) between
// two polls and reopens the file.
#include "core/Clock.h"
#include "monitor/LiveSessions.h"
#include "workspace/HistoryRecorder.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString file = app.arguments().value(1);
    if (file.isEmpty())
        return 2;
    arr::LiveSessions live(nullptr);
    arr::HistoryRecorder recorder(&live, nullptr);
    recorder.open(file, 400);
    recorder.flush();
    if (!recorder.isEnabled())
        return 1;
    // Straight to the descriptor, past stdio's buffer: the test reads each line as it is written.
    QFile out;
    if (!out.open(fileno(stdout), QIODevice::WriteOnly | QIODevice::Unbuffered))
        return 1;
    QList<arr::Session> sessions;
    for (int poll = 1;; ++poll) {
        // Each poll adds 100 sessions and moves every earlier one's billed time a minute on: inserts
        // and updates in every transaction.
        for (arr::Session &s : sessions)
            s.elapsed = *s.elapsed + arr::TimeSpan::fromMinutes(1);
        for (int i = 0; i < 100; ++i) {
            arr::Session s;
            s.id = u"poll-%1-%2"_s.arg(poll).arg(i);
            s.status = arr::SessionStatus::Ready;
            s.statusText = u"ready"_s;
            s.size = u"standard"_s;
            s.elapsed = arr::TimeSpan::fromMinutes(1);
            s.maxLease = arr::TimeSpan::fromHours(4);
            sessions.append(s);
        }
        live.applyPoll(u"killed"_s, sessions, arr::SystemClock::instance()->monotonicMs(), "cv.kill");
        recorder.recordPoll(u"killed"_s);
        recorder.flush();
        if (!recorder.isEnabled())
            return 1;
        out.write(QByteArray("poll ") + QByteArray::number(poll) + '\n');
        QThread::msleep(5);
    }
}
