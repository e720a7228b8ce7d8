#pragma once

#include "core/Account.h"
#include "core/JsonCodec.h"
#include "core/RequestValidator.h"
#include "service/ApiResult.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace arr {

enum class SessionOperation {
    Create,
    Extend,
    List,
    Properties,
    Stop,
};

QString sessionOperationName(SessionOperation operation);

// The method, path and body of one call, before the endpoint and credentials are added.
struct SessionRequest
{
    QByteArray method;
    QStringList path;
    QByteArray body;
    // A last segment written as it is rather than percent-encoded: 2021-01-01's ":stop" (an encoded
    // ':' would name a session called ":stop").
    QByteArray action = {};
};

// Everything that differs between the API versions of the session API, in one place: how each call
// is addressed and encoded, and how its answer is decoded into the same ApiResult payloads (Session
// values, a session id). SessionApi, and everything above it, works the same for every version.
class SessionDialect
{
public:
    SessionDialect(ApiVersion version, const QString &accountId);

    ApiVersion version() const { return m_version; }

    // The address of `path` under `endpoint`, with the version's query (2021-01-01: api-version).
    QUrl url(const QUrl &endpoint, const SessionRequest &request) const;
    // A next-page address the service gave, resolved against `endpoint`, with the version's query
    // added if it lacks it; invalid when it is not on `endpoint`'s scheme, host and port (the bearer
    // token goes nowhere else), with `why` saying so.
    QUrl nextPageUrl(const QUrl &endpoint, const QString &link, QString *why) const;

    // Whether the client names a new session (2021-01-01) rather than the service (v1).
    bool clientNamesSessions() const;
    // The id rule of this version, for front ends and the last guard before a path is built.
    SessionIdRule idRule() const;

    // `sessionId` is used by versions where the client names sessions.
    SessionRequest create(const CreateSessionRequest &request, const QString &sessionId) const;
    SessionRequest extend(const QString &sessionId, TimeSpan newMaxLease) const;
    SessionRequest list() const;
    SessionRequest properties(const QString &sessionId) const;
    SessionRequest stop(const QString &sessionId) const;

    // Decodes a successful answer of `operation` into `result` (sessionId, session, sessions), or sets
    // its kind and message when the body is unusable. For a list, `nextLink` receives the next page's
    // address, if any.
    void decode(SessionOperation operation, int httpStatus, const QByteArray &body, ApiResult &result,
        QString *nextLink = nullptr) const;

private:
    QStringList sessionsPath() const;

    ApiVersion m_version;
    QString m_accountId;
};

// The most pages one list poll follows: a service that keeps linking on is broken, not busy.
inline constexpr int MaximumListPages = 1000;

} // namespace arr
