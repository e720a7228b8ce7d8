#include "ui/StartupProbe.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>
#include <QWidget>
#include <QWindow>

#include <cstdio>

namespace arr {

long long peakResidentKib()
{
    QFile status(QStringLiteral("/proc/self/status"));
    // Files under /proc report a size of zero: read until the end rather than by size.
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void afterFirstPaint(QWidget *window, std::function<void()> then)
{
    auto *poll = new QTimer(window);
    poll->setInterval(1);
    QObject::connect(poll, &QTimer::timeout, window, [window, poll, then = std::move(then)] {
        if (!window->windowHandle() || !window->windowHandle()->isExposed())
            return;
        poll->deleteLater();
        poll->stop();
        window->repaint();
        then();
    });
    poll->start();
}

void quitWhenPainted(QWidget *window)
{
    afterFirstPaint(window, [] {
        std::printf("peak-rss-kb: %lld\n", peakResidentKib());
        std::fflush(stdout);
        QCoreApplication::quit();
    });
}

} // namespace arr
