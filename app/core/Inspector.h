#pragma once

#include <QString>
#include <QUrl>

namespace arr {

struct Session;

// Which session may be opened in the ARR Inspector, and where: the session's own web page at
// https://HOSTNAME:PORT (the service's hostname and arrInspectorPort), for a ready session only and
// only over https. The UI shows the answer; it never builds the address itself.
struct InspectorLink
{
    // Valid only when the session may be inspected.
    QUrl url;
    // Why it may not, for a tooltip; empty when it may.
    QString unavailableReason;

    bool isAvailable() const { return url.isValid(); }
};

InspectorLink inspectorLink(const Session &session);

// A DNS host name (letters, digits and hyphens in dot-separated labels of at most 63 characters,
// 253 in all) or a dotted IPv4 address: nothing a URL could be tricked with (no user info, path,
// port, IPv6 literal or spaces).
bool isValidHostName(const QString &host);

} // namespace arr
