#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace arr::emulator {

// Arrays and objects nested deeper than this are refused; no request of the contract nests more
// than two levels.
inline constexpr int MaximumRequestDepth = 32;
// Objects with more members than this are refused, which keeps building the object linear.
inline constexpr int MaximumObjectMembers = 10'000;

// Reads a request body the way the 2019 service's JSON reader (Json.NET) did: standard JSON plus
// strings and member names in single quotes, as the seed's PowerShell examples send them
// (`{ 'maxLeaseTime': '4:0:0' }`). The body must be a JSON object in UTF-8 (a byte order mark is
// skipped). Everything else is refused with a sentence in *error: trailing text, duplicate member
// names, comments, trailing commas, invalid escapes, unpaired surrogates, numbers out of range.
// A pure function that runs in time linear in the input and never recurses deeper than
// MaximumRequestDepth, whatever the bytes.
std::optional<QJsonObject> parseRequestObject(const QByteArray &body, QString *error = nullptr);

} // namespace arr::emulator
