#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace arr {

// Reads the `exp` claim (seconds since the epoch) from a JWT's payload, the only claim a client of
// the token service needs. The signature is not checked: the client only needs to know when to
// refresh. Returns nullopt with *error set when the token is not a JWT or has no usable `exp`.
std::optional<QDateTime> jwtExpiry(const QByteArray &token, QString *error = nullptr);

} // namespace arr
