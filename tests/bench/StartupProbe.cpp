#include "StartupProbe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QWidget>

#include <chrono>
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

namespace {

// Waits for the window's own paint event. A top-level widget is drawn first in a paint pass, its
// children right after, within the same event; a queued call therefore runs once the whole pass,
// flush included, is done.
class NextPaintWatcher : public QObject
{
public:
    NextPaintWatcher(QWidget *window, std::function<void()> then)
        : QObject(window)
        , m_then(std::move(then))
    {
        window->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            watched->removeEventFilter(this);
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_then();
                    deleteLater();
                },
                Qt::QueuedConnection);
        }
        return false;
    }

private:
    std::function<void()> m_then;
    bool m_seen = false;
};

} // namespace

void afterNextPaint(QWidget *window, std::function<void()> then)
{
    new NextPaintWatcher(window, std::move(then));
    // Not shown yet: showing it paints it. Shown: ask for a paint, so that one follows.
    if (window->isVisible())
        window->update();
}

void quitWhenPainted(QWidget *window)
{
    afterNextPaint(window, [] {
        const auto painted = std::chrono::steady_clock::now().time_since_epoch();
        std::printf("painted-at-ns: %lld\n", static_cast<long long>(std::chrono::nanoseconds(painted).count()));
        std::printf("peak-rss-kb: %lld\n", peakResidentKib());
        std::fflush(stdout);
        QCoreApplication::quit();
    });
}

} // namespace arr
