#include "service/RequestFactory.h"

#include <QStringList>
#include <QSysInfo>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace arr {

QUrl RequestFactory::buildUrl(const QUrl &base, const QStringList &pathSegments)
{
    QUrl url = base;
    QByteArray path = base.path(QUrl::FullyEncoded).toUtf8();
    while (path.endsWith('/'))
        path.chop(1);
    // Everything but letters, digits and "-._~" is encoded, so that no segment can add a '/', '?' or
    // '#'. A segment of only dots cannot be encoded away (QUrl turns "%2E" back into '.'): ids of
    // that shape are refused where ids are validated.
    for (const QString &segment : pathSegments)
        path += '/' + QUrl::toPercentEncoding(segment);
    url.setPath(QString::fromLatin1(path), QUrl::StrictMode);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QNetworkRequest RequestFactory::build(const QUrl &url, const QByteArray &bearer, bool hasJsonBody) const
{
    // Credentials in an address would be sent, and sent again on a server's challenge, without
    // appearing anywhere: endpoints with them are refused, and none reach the network here.
    QUrl target = url;
    target.setUserInfo(QString());
    QNetworkRequest request(target);
    request.setRawHeader("Authorization", "Bearer " + bearer);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("x-ms-client-request-id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent);
    if (hasJsonBody)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setTransferTimeout(int(transferTimeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    return request;
}

QByteArray RequestFactory::defaultUserAgent()
{
    return "arr-session-manager/" ARRSM_VERSION " (Qt " QT_VERSION_STR "; " + QSysInfo::productType().toUtf8() + ')';
}

} // namespace arr
