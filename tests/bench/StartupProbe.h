#pragma once

#include <functional>

class QWidget;

namespace arr {

// Calls `then` once, after the next paint of the top-level `window` has finished: all of its
// widgets drawn and the frame handed to the window system. Called right after show(), that is the
// moment the user first sees the window. Forces no paint of its own beyond asking for one. When
// several wait for the same paint, the one asked for last runs first.
void afterNextPaint(QWidget *window, std::function<void()> then);

// For the start-up benchmark: after the next paint of `window`, prints when it happened
// ("painted-at-ns: N", steady clock) and the process's peak resident memory ("peak-rss-kb: N",
// where the system tells it) on stdout and quits the application. The bare-window baseline uses the
// same function, so both stop at the same point.
void quitWhenPainted(QWidget *window);

// Peak resident set size in KiB, or -1 where it cannot be read.
long long peakResidentKib();

} // namespace arr
