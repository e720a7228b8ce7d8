#include "emulator/RateLimiter.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr::emulator {

std::optional<HttpResponse> RateLimiter::admit(const QString &accountId, int limit, const arr::Clock &clock)
{
    if (limit <= 0)
        return std::nullopt;
    const qint64 now = clock.monotonicMs();
    // Fixed one-second windows of emulator time.
    const qint64 second = now >= 0 ? now / 1000 : (now - 999) / 1000;
    Window &window = m_windows[accountId.toCaseFolded()];
    if (window.second != second) {
        window.second = second;
        window.count = 0;
    }
    if (++window.count <= limit)
        return std::nullopt;
    const qint64 untilNextMs = (second + 1) * 1000 - now;
    const qint64 retryAfter = std::max<qint64>(1, (untilNextMs + 999) / 1000);
    HttpResponse response = HttpResponse::error(ApiError{429, "TooManyRequests",
        u"Account %1 made more than %2 requests in a second; retry after %3 second(s)."_s.arg(accountId).arg(limit).arg(
            retryAfter)});
    response.setHeader("Retry-After", QByteArray::number(retryAfter));
    return response;
}

} // namespace arr::emulator
