#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace arr {

enum class ApiVersion {
    V1,
};

// Where and as whom to talk to the service. The key is not here: it lives in the keychain.
struct Account
{
    QString name;
    QUrl endpoint;
    QUrl tokenEndpoint;
    QString accountId;
    ApiVersion apiVersion = ApiVersion::V1;
    bool enabled = true;

    // Empty when usable, otherwise a sentence naming the first problem.
    QString validationError() const;
    bool operator==(const Account &other) const;
};

// The regions the service was offered in.
QStringList knownRegions();
QUrl regionEndpoint(const QString &region);
QUrl regionTokenEndpoint(const QString &region);
QUrl defaultTokenEndpoint();

// Account ids are GUIDs; returns an empty string when `id` is one, a reason otherwise.
QString accountIdError(const QString &id);

// "localhost" or a loopback address: the only hosts plain http may be sent to.
bool isLoopbackHost(const QString &host);

// Plain http is allowed only to loopback hosts. Returns an empty string when `url` may be used as a
// service or token endpoint, a sentence saying why not otherwise.
QString endpointError(const QUrl &url);

} // namespace arr
