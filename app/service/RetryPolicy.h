#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QNetworkReply>

#include <chrono>
#include <optional>

namespace arr {

// When a failed request may be sent again, and after how long. Only methods that are safe to repeat
// are retried: a create (POST) that reached the service but whose answer was lost may have started
// a paid machine, so it is never repeated behind the user's back.
class RetryPolicy
{
public:
    int maxAttempts = 4;
    std::chrono::milliseconds baseDelay{500};
    std::chrono::milliseconds maxDelay{30'000};
    // A Retry-After longer than this is not waited for: the call fails and says so.
    std::chrono::milliseconds maxRetryAfter{120'000};
    // Fraction of each backoff delay that is randomised, so that many clients do not retry in step.
    double jitter = 0.2;

    static bool isSafeToRepeat(const QByteArray &method);
    // Whether a response or transport failure is worth another try at all (network trouble, 429, 5xx).
    static bool isTransient(QNetworkReply::NetworkError error, int httpStatus);

    // The delay before attempt `attempt + 1`, given that attempt `attempt` (1-based) failed; nullopt
    // when no further attempt should be made. `retryAfter` is the server's Retry-After, if any.
    std::optional<std::chrono::milliseconds> delayBeforeRetry(const QByteArray &method, int attempt,
        QNetworkReply::NetworkError error, int httpStatus, std::optional<std::chrono::seconds> retryAfter) const;
    // The exponential part alone, before jitter: base * 2^(attempt-1), capped at maxDelay.
    std::chrono::milliseconds backoff(int attempt) const;
};

// Parses an HTTP date ("Thu, 01 Jan 2026 12:00:30 GMT"); invalid when it is not one.
QDateTime parseHttpDate(const QByteArray &value);

// Parses a Retry-After header: an integer number of seconds, or an HTTP date relative to `now`.
std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &value, const QDateTime &now);

} // namespace arr
