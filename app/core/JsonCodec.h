#pragma once

#include "core/ErrorBody.h"
#include "core/Session.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

class QJsonObject;

namespace arr {

// The outcome of decoding a payload: a value, or a sentence saying why the bytes could not be used.
template<typename T> struct Decoded
{
    std::optional<T> value;
    QString error;

    bool ok() const { return value.has_value(); }
    static Decoded success(T v) { return Decoded{std::move(v), {}}; }
    static Decoded failure(QString why) { return Decoded{std::nullopt, std::move(why)}; }
};

// What a person asked for when creating a session.
struct CreateSessionRequest
{
    // A constructor rather than an aggregate, so that the braces callers write ({lease, size, models})
    // keep working as members are added.
    CreateSessionRequest() = default;
    CreateSessionRequest(TimeSpan lease, QString sessionSize, QList<QUrl> modelUrls, QString id = {})
        : maxLease(lease)
        , size(std::move(sessionSize))
        , models(std::move(modelUrls))
        , sessionId(std::move(id))
    {
    }

    TimeSpan maxLease;
    QString size;
    QList<QUrl> models;
    // The 2021-01-01 API lets the client name the session; empty: the client picks a new UUID. v1
    // names sessions itself and ignores this.
    QString sessionId;
};

// Bodies larger than this are refused before parsing: no answer of this API comes near it.
inline constexpr qsizetype MaximumBodySize = 16 * 1024 * 1024;

// Codecs for the 2019 v1 session API. Decoders are tolerant of what the service varied over its life
// (key casing, missing, null and extra fields) and strict about types where a wrong type would show
// something false (a number where a timespan belongs is an error, not zero).
namespace v1 {

QByteArray encodeCreateRequest(const CreateSessionRequest &request);
QByteArray encodeUpdateRequest(TimeSpan maxLease);

// {"sessionId":"..."}
Decoded<QString> decodeCreateResponse(const QByteArray &body);
// A properties object.
Decoded<Session> decodeProperties(const QByteArray &body);
Decoded<Session> decodeProperties(const QJsonObject &object);
// {"sessions":[...]}; a bare array is accepted too. An empty body is an error: only a 204 answers an
// empty list without a body, and the caller handles that status before decoding.
Decoded<QList<Session>> decodeSessionList(const QByteArray &body);

// The v1 properties object for a session; null where a value is unknown. Used by the emulator and
// by arrsm --json, so both speak the same field names.
QJsonObject encodeProperties(const Session &session);

} // namespace v1

// The STS answer {"AccessToken":"<JWT>"}, key matched case-insensitively.
Decoded<QByteArray> decodeTokenResponse(const QByteArray &body);

// A member of a service's JSON object. The service's casing changed over its life (camelCase,
// PascalCase): keys match case-insensitively, an exact match preferred. Undefined when absent.
QJsonValue jsonField(const QJsonObject &object, QLatin1StringView key);

} // namespace arr
