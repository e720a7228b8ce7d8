#include "core/Account.h"

#include "core/SafeText.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// Declares the context this file's strings are translated in, in a form lupdate reads too.
class AccountText
{
    Q_DECLARE_TR_FUNCTIONS(arr::Account)
};

} // namespace

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QStringList knownRegions()
{
    return {u"australiaeast"_s, u"eastus"_s, u"eastus2"_s, u"japaneast"_s, u"northeurope"_s, u"southcentralus"_s,
        u"southeastasia"_s, u"uksouth"_s, u"westeurope"_s, u"westus2"_s};
}

QUrl regionEndpoint(const QString &region)
{
    return QUrl(u"https://remoterendering."_s + region.trimmed().toLower() + u".mixedreality.azure.com"_s);
}

QUrl regionTokenEndpoint(const QString &region)
{
    return QUrl(u"https://sts."_s + region.trimmed().toLower() + u".mixedreality.azure.com"_s);
}

QUrl defaultTokenEndpoint()
{
    return QUrl(u"https://sts.mixedreality.azure.com"_s);
}

QString accountIdError(const QString &id)
{
    static const QRegularExpression guid(
        u"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
    if (id.trimmed().isEmpty())
        return AccountText::tr("The account id is empty.");
    if (!guid.match(id.trimmed()).hasMatch())
        return AccountText::tr("The account id \"%1\" is not a GUID such as 01234567-89ab-cdef-0123-456789abcdef.")
            .arg(id);
    return {};
}

QString accountNameError(const QString &name)
{
    if (name.trimmed().isEmpty())
        return AccountText::tr("The account has no name.");
    // Counted in characters as a person sees them, not in UTF-16 units.
    const QList<uint> characters = name.toUcs4();
    for (const uint c : characters) {
        if (isUnsafeCharacter(c))
            return AccountText::tr("The account name contains a control character, a line break or a "
                                   "text-direction mark; use letters, digits, spaces and punctuation.");
    }
    if (characters.size() > MaximumAccountNameLength)
        return AccountText::tr("The account name is longer than %1 characters.").arg(MaximumAccountNameLength);
    return {};
}

QString accountKeyError(const QString &key)
{
    if (key.isEmpty())
        return AccountText::tr("The account key is empty.");
    for (const QChar c : key) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return AccountText::tr("The account key contains a character that is not in a key (a control "
                                   "character, a line break, a space or a non-ASCII character); a key is base64 "
                                   "text.");
    }
    return {};
}

QString endpointError(const QUrl &url)
{
    if (url.isEmpty())
        return AccountText::tr("No endpoint address is given.");
    if (!url.userInfo().isEmpty() || url.authority().contains(u'@'))
        return AccountText::tr("\"%1\" contains a user name or password, which this app never sends; give the "
                               "address without them (the key is given separately).")
            .arg(url.toString(QUrl::RemoveUserInfo));
    if (!url.isValid())
        return AccountText::tr("\"%1\" is not a valid address: %2").arg(url.toString(), url.errorString());
    if (url.host().isEmpty())
        return AccountText::tr("\"%1\" has no host name.").arg(url.toString());
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return {};
    if (scheme == u"http") {
        if (isLoopbackHost(url.host()))
            return {};
        return AccountText::tr(
            "\"%1\" uses plain http, which would send the account key unencrypted; use https "
            "(plain http is allowed only for this computer's own address, such as the local emulator).")
            .arg(url.toString());
    }
    return AccountText::tr("\"%1\" must start with https://.").arg(url.toString());
}

QString Account::validationError() const
{
    if (const QString why = accountNameError(name); !why.isEmpty())
        return why;
    if (const QString why = accountIdError(accountId); !why.isEmpty())
        return why;
    if (const QString why = endpointError(endpoint); !why.isEmpty())
        return AccountText::tr("Service endpoint: %1").arg(why);
    if (const QString why = endpointError(tokenEndpoint); !why.isEmpty())
        return AccountText::tr("Token endpoint: %1").arg(why);
    // NaN fails both comparisons.
    if (!(dailyBudget >= 0 && dailyBudget <= MaximumDailyBudget))
        return AccountText::tr("The daily budget must be a number from 0 (none) to %L1.")
            .arg(MaximumDailyBudget, 0, 'f', 0);
    if (longRunningHours < 0 || longRunningHours > MaximumLongRunningHours)
        return AccountText::tr("The long-running alert must be from 0 (off) to %1 hours.").arg(MaximumLongRunningHours);
    return {};
}

QString accountIdentity(const QUrl &endpoint, const QString &accountId)
{
    QString host = endpoint.host().toLower();
    const int defaultPort = endpoint.scheme() == u"https" ? 443 : endpoint.scheme() == u"http" ? 80 : -1;
    if (endpoint.port() != -1 && endpoint.port() != defaultPort)
        host += u':' + QString::number(endpoint.port());
    return host + u'/' + accountId.trimmed().toLower();
}

QString Account::identity() const
{
    return accountIdentity(endpoint, accountId);
}

bool Account::operator==(const Account &other) const
{
    return name == other.name && endpoint == other.endpoint && tokenEndpoint == other.tokenEndpoint
        && accountId == other.accountId && apiVersion == other.apiVersion && enabled == other.enabled
        && readOnly == other.readOnly && dailyBudget == other.dailyBudget && longRunningHours == other.longRunningHours;
}

QString apiVersionName(ApiVersion version)
{
    switch (version) {
    case ApiVersion::V1:
        return u"v1"_s;
    case ApiVersion::Api20210101:
        return u"2021-01-01"_s;
    }
    return {};
}

std::optional<ApiVersion> parseApiVersion(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    for (ApiVersion version : knownApiVersions()) {
        if (trimmed.compare(apiVersionName(version), Qt::CaseInsensitive) == 0)
            return version;
    }
    return std::nullopt;
}

QList<ApiVersion> knownApiVersions()
{
    return {ApiVersion::V1, ApiVersion::Api20210101};
}

} // namespace arr
