#include "core/Inspector.h"

#include "core/Session.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace arr {

bool isValidHostName(const QString &host)
{
    static const QRegularExpression label(u"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"_s);
    if (host.isEmpty() || host.size() > 253)
        return false;
    // A final dot (a fully qualified name) is allowed; an empty label anywhere else is not.
    const QString name = host.endsWith(u'.') ? host.chopped(1) : host;
    const QStringList labels = name.split(u'.');
    for (const QString &part : labels) {
        if (!label.match(part).hasMatch())
            return false;
    }
    return true;
}

InspectorLink inspectorLink(const Session &session)
{
    InspectorLink link;
    if (session.status != SessionStatus::Ready) {
        link.unavailableReason
            = QCoreApplication::translate("arr::Inspector", "Only a ready session can be opened in the ARR Inspector.");
        return link;
    }
    if (session.hostname.isEmpty() || !session.arrInspectorPort) {
        link.unavailableReason = QCoreApplication::translate(
            "arr::Inspector", "The service gave no hostname and inspector port for this session.");
        return link;
    }
    const int port = *session.arrInspectorPort;
    QUrl url;
    if (isValidHostName(session.hostname) && port >= 1 && port <= 65535) {
        url.setScheme(u"https"_s);
        url.setHost(session.hostname, QUrl::StrictMode);
        url.setPort(port);
    }
    if (!url.isValid() || url.host().isEmpty()) {
        link.unavailableReason
            = QCoreApplication::translate("arr::Inspector", "The service gave an inspector address that is not valid.");
        return link;
    }
    link.url = url;
    return link;
}

} // namespace arr
