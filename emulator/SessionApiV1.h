#pragma once

#include "emulator/HttpRequest.h"
#include "emulator/HttpResponse.h"
#include "emulator/Route.h"
#include "emulator/SessionStore.h"

#include <QString>

namespace arr::emulator {

// The v1 session API (/v1/accounts/{account}/sessions...): the answer to a request already routed
// there, authorized for `accountId` (as the store spells it) and admitted by the rate limit.
HttpResponse answerV1(const Route &route, const HttpRequest &request, const QString &accountId, SessionStore &store);

} // namespace arr::emulator
