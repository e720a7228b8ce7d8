#pragma once

#include <functional>

class QWidget;

namespace arr {

// Calls `then` once `window` is exposed and has been painted: the moment the user sees it.
void afterFirstPaint(QWidget *window, std::function<void()> then);

// For the start-up benchmark: after the first paint of `window`, prints the process's peak resident
// memory ("peak-rss-kb: N", where the system tells it) on stdout and quits the application. The
// bare-window baseline uses the same function, so both stop at the same point.
void quitWhenPainted(QWidget *window);

// Peak resident set size in KiB, or -1 where it cannot be read.
long long peakResidentKib();

} // namespace arr
