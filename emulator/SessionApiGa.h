#pragma once

#include "emulator/HttpRequest.h"
#include "emulator/HttpResponse.h"
#include "emulator/Route.h"
#include "emulator/SessionStore.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace arr::emulator {

// The 2021-01-01 (GA) session API (/accounts/{account}/sessions...?api-version=2021-01-01).

// The refusal of a request that does not ask for the one api-version served; checked before
// anything else, as a gateway would: without it nothing else can be read.
std::optional<HttpResponse> checkGaApiVersion(const HttpRequest &request);

// The answer to a request already routed there, authorized for `accountId` (as the store spells it)
// and admitted by the rate limit. A list longer than `pageSize` ends with an @nextLink on the host
// the client asked for, else on `baseUrl` (where the emulator is served).
HttpResponse answerGa(const Route &route, const HttpRequest &request, const QString &accountId, SessionStore &store,
    int pageSize, const QUrl &baseUrl);

} // namespace arr::emulator
