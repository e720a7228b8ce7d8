#pragma once

#include "core/TimeSpan.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace arr {

// What the validator found about one value of a request: Ok, or the first rule it breaks. Front ends
// show the verdict's sentence; a server (the emulator) maps the code to its own wording.
enum class RequestCheck {
    Ok,
    LeaseNotPositive,
    LeaseTooLong,
    // An extend whose new lease is not larger than the current one.
    LeaseNotLonger,
    SizeEmpty,
    SizeBadCharacters,
    // Not an absolute URL with a host.
    ModelNotUrl,
    // Neither https, builtin nor (loopback) http.
    ModelScheme,
    // Plain http to a host other than this computer.
    ModelPlainHttp,
    SessionIdEmpty,
    // "." or "..": a path would normalise it away and the request would reach another resource.
    SessionIdDotSegment,
    SessionIdNotGuid,
    SessionIdBadCharacters,
    SessionIdTooLong,
};

struct RequestVerdict
{
    RequestCheck check = RequestCheck::Ok;
    // A sentence for the person who typed the value; empty when Ok.
    QString sentence;

    bool ok() const { return check == RequestCheck::Ok; }
};

// Which ids a service accepts. v1 (in use) names sessions by GUID; the 2021-01-01 API lets the client
// choose: ASCII letters, digits, '-' and '_', at most 256 characters.
enum class SessionIdRule {
    V1Guid,
    Api20210101,
};

inline constexpr qsizetype MaximumSessionIdLength = 256;
inline constexpr qsizetype MaximumSizeLength = 64;

// The one set of rules for what a create or extend request may carry and which session ids may be put
// in a path, shared by the dialogs, arrsm, the session API and the emulator, so that the same input
// gets the same verdict and the same sentence everywhere. Pure functions; values are trimmed first.
class RequestValidator
{
public:
    // Larger than zero and at most MaximumLease.
    static RequestVerdict checkLease(TimeSpan lease);
    // checkLease(), and larger than the current lease.
    static RequestVerdict checkExtend(TimeSpan newLease, TimeSpan currentLease);
    // Non-empty; ASCII letters, digits, '-' and '_', at most MaximumSizeLength. Whether the service
    // offers the size is the service's to say (see knownSize()).
    static RequestVerdict checkSize(const QString &size);
    // https:// and builtin:// with a host (builtin://Engine); http:// only to a loopback host.
    // `url` receives the parsed URL when the verdict is Ok.
    static RequestVerdict checkModel(const QString &text, QUrl *url = nullptr);
    static RequestVerdict checkSessionId(const QString &id, SessionIdRule rule = SessionIdRule::V1Guid);

    // The spelling of a size the service has offered (knownSessionSizes()), matched ignoring case;
    // nullopt for any other size.
    static std::optional<QString> knownSize(const QString &size);
};

} // namespace arr
