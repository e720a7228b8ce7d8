#pragma once

#include "core/Clock.h"
#include "emulator/HttpResponse.h"

#include <QHash>
#include <QString>

#include <optional>

namespace arr::emulator {

// The session APIs' limit of requests per account (EmulatorOptions::rateLimitPerSecond): counts
// each account's requests in fixed one-second windows of emulator time, and refuses those beyond
// the limit with a 429 that says when to retry.
class RateLimiter
{
public:
    // Counts a request of the account; the 429 when it is beyond `limit` this second (0: no limit).
    std::optional<HttpResponse> admit(const QString &accountId, int limit, const arr::Clock &clock);

private:
    struct Window
    {
        qint64 second = -1;
        int count = 0;
    };
    QHash<QString, Window> m_windows; // by case-folded account id
};

} // namespace arr::emulator
