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
    for (const QString &segment : pathSegments)
        path += '/' + QUrl::toPercentEncoding(segment);
    url.setPath(QString::fromLatin1(path), QUrl::StrictMode);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QNetworkRequest RequestFactory::build(const QUrl &url, const QByteArray &bearer, bool hasJsonBody) const
{
    QNetworkRequest request(url);
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
