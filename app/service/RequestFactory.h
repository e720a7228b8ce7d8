#pragma once

#include <QByteArray>
#include <QNetworkRequest>
#include <QUrl>

#include <chrono>

namespace arr {

// The one place every request is built: base URL and path, bearer credentials, User-Agent, a client
// request id for correlating with the service's logs, JSON headers, a transfer timeout, and no
// redirects (a redirect could carry the bearer credentials to another host).
class RequestFactory
{
public:
    // The longest one attempt may take, from sending to the last byte of the answer; also the longest
    // silence Qt waits through.
    std::chrono::milliseconds transferTimeout{30'000};
    QByteArray userAgent = defaultUserAgent();

    // `pathSegments` are appended to the base URL's path, each percent-encoded, so that an id from a
    // server can never change the path's shape.
    static QUrl buildUrl(const QUrl &base, const QStringList &pathSegments);
    QNetworkRequest build(const QUrl &url, const QByteArray &bearer, bool hasJsonBody) const;

    static QByteArray defaultUserAgent();
};

} // namespace arr
