#pragma once

#include "emulator/EmulatorOptions.h"
#include "emulator/HttpResponse.h"
#include "emulator/Route.h"

#include <QByteArray>
#include <QRandomGenerator>

namespace arr::emulator {

// What the fault generator decided for one request.
struct FaultDraw
{
    bool drop = false;
    int errorStatus = 0;
    bool malformed = false;
    double malformedKind = 0;
    quint32 garbageSeed = 0;
    int delayMs = 0;
};

// Draws the faults of FaultOptions for each request from a seeded generator, so that a seed and a
// sequence of requests always fail the same way; and writes the answers those faults give.
class FaultInjector
{
public:
    explicit FaultInjector(quint32 seed);

    // Starts the sequence of draws again from `seed`.
    void reseed(quint32 seed);
    // The faults for the next request, at the rates of `faults`.
    FaultDraw draw(const FaultOptions &faults);

    // The answer of an injected error `status`: 500, 503, or 429 with Retry-After (and, from the
    // token service, a Bearer challenge).
    static HttpResponse errorResponse(Operation operation, int status);
    // A broken answer body: the real one cut in half, an HTML error page, or random bytes.
    static QByteArray malformedBody(const QByteArray &real, double kind, quint32 seed);

private:
    QRandomGenerator m_generator;
};

} // namespace arr::emulator
