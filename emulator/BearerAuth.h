#pragma once

#include "emulator/HttpRequest.h"
#include "emulator/HttpResponse.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace arr::emulator {

// The Bearer scheme (RFC 6750) as the emulated service speaks it, shared by the token service, the
// session APIs' authorization and the injected 429 of the token service.

// The credentials of an Authorization header with the Bearer scheme; nullopt when there is no such
// header or it has another scheme.
std::optional<QByteArray> bearerCredentials(const HttpRequest &request);

// The WWW-Authenticate value of a 401: the realm, then the error and its description when given.
QByteArray bearerChallenge(const QByteArray &error = {}, const QString &description = {});

// A 401 for a token that is not valid, saying why in the body and in the challenge.
HttpResponse unauthorized(const QString &message, const QByteArray &error = "invalid_token");

} // namespace arr::emulator
