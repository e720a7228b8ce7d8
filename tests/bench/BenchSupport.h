#pragma once

#include "core/Session.h"

#include <QList>
#include <QString>

#include <functional>
#include <vector>

// What the benchmarks share: formatting, the median, made-up sessions and waiting on the event loop.

// "12.345 ms", or "45.6 µs" under a tenth of a millisecond.
QString ms(double value);
double median(std::vector<double> samples);
// `count` sessions of every status, with leases and billed times of a busy account; the same for a seed.
QList<arr::Session> makeSessions(int count, quint32 seed);
// Waits in the event loop until `done` holds or `timeoutMs` passed; whether it holds. Checks after
// every event, so that a poll-by-poll loop does not wait longer than the poll takes.
bool waitFor(const std::function<bool()> &done, int timeoutMs);

class BenchTable;
// The team history: five writers recording the same steady poll into one PostgreSQL database
// (bench_team.cpp).
void benchTeamHistory(BenchTable &table);
