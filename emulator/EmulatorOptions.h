#pragma once

#include "core/Session.h"
#include "core/TimeSpan.h"

#include <QString>
#include <QtGlobal>

namespace arr::emulator {

// Faults the emulator injects, each drawn per request from a generator seeded with `seed`, so that
// a run with the same seed and the same requests fails the same way. Rates are probabilities from
// 0 to 1. Faults apply to every routed request, token service and session API alike (unknown paths
// and wrong methods are always answered truthfully).
struct FaultOptions
{
    // A 500, 503 or 429 (with Retry-After) instead of the answer; the request has no effect.
    double errorRate = 0;
    // The answer (or the fault) is sent latencyMs later, in real time (a QTimer, not the emulator's
    // clock); the server keeps serving others meanwhile. The request takes effect when it arrives,
    // as with a slow network.
    double latencyRate = 0;
    int latencyMs = 0;
    // The connection is closed with no answer; the request has no effect.
    double dropRate = 0;
    // A successful (200) JSON answer of a GET (token, list, properties) is sent truncated or
    // replaced by garbage. Mutating calls are never malformed; a garbled token is never valid.
    double malformedRate = 0;
    quint32 seed = 1;
};

// How the emulated service behaves. Every duration is on the emulator's clock.
struct EmulatorOptions
{
    // A new session is `starting` this long, then `ready`.
    qint64 startDelayMs = 20'000;
    // A stopped session is `stopping` this long, then `stopped`.
    qint64 stopDelayMs = 3'000;
    // Stopped, expired and failed sessions stay listed (and readable by id) this long after they
    // ended; then they are gone (list omits them, properties answer 404).
    qint64 retentionMs = 10 * 60'000;
    // Lifetime of an access token.
    qint64 tokenLifetimeMs = 24 * 3600'000;
    // Session API requests per account per second of emulator time; 0 is unlimited. Beyond it the
    // answer is 429 with Retry-After (whole seconds). The token service is not limited.
    int rateLimitPerSecond = 0;
    FaultOptions faults;

    // Connections, in real time (not the emulator's clock), applied to connections accepted after
    // a change. A connection that does not finish its TLS handshake, or send its next request
    // (head and body), within idleTimeoutMs is closed.
    int idleTimeoutMs = 30'000;
    // Connections open at once, TLS handshakes included (fewer when the file descriptor limit leaves
    // less room); further clients wait until one closes. Keeps a flood of connections from
    // exhausting the file descriptors.
    int maxConnections = 256;

    // Sessions per page of the 2021-01-01 list; a longer list ends its page with an @nextLink.
    int pageSize = 100;
};

// A session put in place directly (demo data, tests), bypassing the API.
struct SessionSeed
{
    QString size = QStringLiteral("standard");
    arr::TimeSpan maxLease = arr::TimeSpan::fromHours(4);
    // How long ago it was created; the lease is counted from then.
    arr::TimeSpan age;
    // The state it should be in now. Unknown (the default) lets the lifecycle decide from `age`.
    // Starting and Ready hold until the start delay, resp. the lease, says otherwise; Stopping is
    // stopping from now; Stopped ended now; Expired ran out `age - maxLease` ago (just now when
    // that is negative or beyond the retention); Error failed now.
    arr::SessionStatus status = arr::SessionStatus::Unknown;
    // The message of an expired or failed session; a sensible one is made up when empty.
    QString message;
};

} // namespace arr::emulator
