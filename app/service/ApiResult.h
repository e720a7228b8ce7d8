#pragma once

#include "core/Session.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QNetworkReply>
#include <QString>

#include <chrono>
#include <optional>

namespace arr {

// What went wrong, in the terms a person or a retry decision needs.
enum class ErrorKind {
    None,
    // Refused before sending: plain http to a remote host, an invalid endpoint, no key.
    Configuration,
    Network,
    Timeout,
    Tls,
    // The token service refused the key, or the service refused the token even after a refresh.
    Authentication,
    Forbidden,
    NotFound,
    // The service refused the request (400, 409, 422): the request itself needs changing.
    Rejected,
    Throttled,
    Server,
    // The service answered something this client cannot use (HTML, truncated JSON, wrong types).
    BadResponse,
    Cancelled,
};

QString errorKindName(ErrorKind kind);

// The outcome of one call of the session API (or the token service): exactly one per call.
struct ApiResult
{
    ErrorKind kind = ErrorKind::None;
    // 0 when no HTTP answer arrived.
    int httpStatus = 0;
    // A sentence a person can act on; empty on success.
    QString message;
    // The service's own error code from the body, where it gave one.
    QString serviceCode;
    // The correlation vector of the last answer, for support.
    QByteArray msCv;
    // How many times the request was sent.
    int attempts = 0;
    std::optional<std::chrono::seconds> retryAfter;

    // Payloads, by operation: create sets sessionId; properties sets session; list sets sessions.
    QString sessionId;
    std::optional<Session> session;
    QList<Session> sessions;

    bool ok() const { return kind == ErrorKind::None; }
    // "HTTP 404: Session not found (MS-CV abc.0)": the one line for an error dialog or stderr.
    QString summary() const;
};

// The one place that turns a reply's transport error, status and body into an ApiResult's kind and
// sentence. `body` is the raw answer; `transportText` is what the network stack said.
void describeFailure(ApiResult &result, QNetworkReply::NetworkError error, const QString &transportText,
    const QByteArray &body, bool timedOut);

} // namespace arr

Q_DECLARE_METATYPE(arr::ApiResult)
