#pragma once

#include "core/Clock.h"
#include "emulator/EmulatorOptions.h"
#include "emulator/FaultInjector.h"
#include "emulator/HttpRequest.h"
#include "emulator/HttpResponse.h"
#include "emulator/RateLimiter.h"
#include "emulator/Route.h"
#include "emulator/SessionStore.h"
#include "emulator/TokenIssuer.h"

#include <QString>
#include <QUrl>

#include <array>
#include <optional>

namespace arr::emulator {

// The service the emulator stands in for, apart from its connections: routes each request to the
// token service or a session API, authorizes and rate-limits it, injects faults, counts it, and
// answers it. Not thread-safe: EmulatorServer serialises access.
class EmulatedService
{
public:
    EmulatedService(const arr::Clock *clock, EmulatorOptions options);

    // What serve() decided: the answer (nullopt: drop the connection with no answer), sent after an
    // injected latency of `delayMs`.
    struct Outcome
    {
        Operation operation = Operation::None;
        std::optional<HttpResponse> response;
        int delayMs = 0;
    };
    // Counts the request and answers it (faults included).
    Outcome serve(const HttpRequest &request);
    // Counts a request whose head could not be read; the connection layer answers it.
    void countUnreadableRequest();
    // Requests counted for an operation named as operationName() gives them; empty: every request.
    int requestCount(const QString &operation) const;
    void resetCounters();

    // Where the emulator is served, once it listens: the base of the @nextLink of a long GA list.
    void setBaseUrl(const QUrl &baseUrl);

    const EmulatorOptions &options() const;
    // Applies every option (timings to sessions created or stopped afterwards) and restarts the
    // fault generator from options.faults.seed.
    void setOptions(const EmulatorOptions &options);
    // Changes the faults and restarts their generator from faults.seed.
    void setFaults(const FaultOptions &faults);
    // While unavailable, the token service answers 503.
    void setTokenServiceAvailable(bool available);

    SessionStore &store();
    const SessionStore &store() const;
    TokenIssuer &tokens();

private:
    HttpResponse answer(const Route &route, const HttpRequest &request, const FaultDraw &faults);
    HttpResponse answerToken(const Route &route, const HttpRequest &request, bool malformed);
    HttpResponse answerSessionApi(const Route &route, const HttpRequest &request);
    // The refusal of a session API request whose token is missing, not valid, or for another
    // account; else nullopt, with the account as the store spells it.
    std::optional<HttpResponse> authorize(const Route &route, const HttpRequest &request, QString *accountId);

    const arr::Clock *m_clock;
    EmulatorOptions m_options;
    SessionStore m_store;
    TokenIssuer m_tokens;
    FaultInjector m_faults;
    RateLimiter m_rateLimiter;
    QUrl m_baseUrl;
    bool m_tokenServiceAvailable = true;
    int m_totalRequests = 0;
    std::array<int, OperationCount> m_requestsByOperation{};
};

} // namespace arr::emulator
