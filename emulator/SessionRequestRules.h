#pragma once

#include "core/TimeSpan.h"
#include "emulator/ApiError.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// The service's rules for what a session request may say, and its sentences when a request breaks
// one: each reader takes one member of a request body, matched ignoring case as the service's JSON
// reader did (a member given twice in two spellings is refused), and sets *error when it is
// missing or wrong. The limits themselves are the client's (core/RequestValidator), so that both
// sides keep one rule.
namespace arr::emulator::rules {

// v1 maxLeaseTime: a .NET timespan string, longer than zero and at most a day.
std::optional<arr::TimeSpan> readLease(const QJsonObject &body, std::optional<ApiError> *error);
// v1 size: one of the known sizes, in any case; answered in lower case.
std::optional<QString> readSize(const QJsonObject &body, std::optional<ApiError> *error);
// v1 models: optional (null or absent is none); else an array of absolute URLs. False on a refusal.
bool checkModels(const QJsonObject &body, std::optional<ApiError> *error);

// GA maxLeaseTimeMinutes: a whole number of minutes, larger than zero and at most a day.
std::optional<arr::TimeSpan> readLeaseMinutes(const QJsonObject &body, std::optional<ApiError> *error);
// GA size: Standard or Premium, in any case; kept in lower case like the v1 sizes.
std::optional<QString> readGaSize(const QJsonObject &body, std::optional<ApiError> *error);
// A GA session id (in a path): letters, digits, '-' and '_', at most 256 characters.
std::optional<ApiError> checkGaId(const QString &sessionId);

} // namespace arr::emulator::rules
