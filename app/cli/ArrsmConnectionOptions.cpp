#include "cli/ArrsmConnectionOptions.h"

#include "core/Account.h"
#include "core/SafeText.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace arr::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("arr::cli", text);
}

// A value from the command line, else from the option's environment variable; remembers which, so
// that an error can name where the bad value came from.
struct Sourced
{
    QString value;
    QString source;

    bool isEmpty() const { return value.isEmpty(); }
};

Sourced sourced(const GivenOptions &given, const QProcessEnvironment &environment, Opt id)
{
    if (given.has(id))
        return {given.last(id).trimmed(), dashed(id)};
    const QLatin1StringView variable = optionSpec(id).environment;
    if (!variable.isEmpty()) {
        const QString value = environment.value(QString(variable)).trimmed();
        if (!value.isEmpty())
            return {value, QString(variable)};
    }
    return {};
}

// --account NAME: everything else about the connection comes from the saved account.
QString readSavedAccount(const GivenOptions &given, Connection *connection)
{
    connection->savedAccount = given.last(Opt::Account).trimmed();
    if (connection->savedAccount.isEmpty())
        return tr("--account needs the name of a saved account ('arrsm accounts' lists them).");
    for (Opt replaced : {Opt::Endpoint, Opt::StsEndpoint, Opt::AccountId, Opt::AccountKey}) {
        if (given.has(replaced))
            return tr("--account takes the endpoints and id from the saved account and the key from the "
                      "keychain; it cannot be combined with %1.")
                .arg(dashed(replaced));
    }
    return {};
}

// An endpoint from wherever it came, checked as the service layer would check it.
std::optional<QUrl> parseEndpoint(const Sourced &given, QString *error)
{
    const QUrl url(given.value, QUrl::StrictMode);
    if (const QString why = endpointError(url); !why.isEmpty()) {
        *error = given.source + u": "_s + why;
        return std::nullopt;
    }
    return url;
}

// The endpoints, from the options or their environment variables (the token service has a default).
QString readEndpoints(const GivenOptions &given, const QProcessEnvironment &environment, Connection *connection)
{
    const Sourced endpoint = sourced(given, environment, Opt::Endpoint);
    if (endpoint.isEmpty())
        return tr("No service endpoint: give --endpoint URL or set ARRSM_ENDPOINT (or use --account NAME).");
    QString error;
    const auto endpointUrl = parseEndpoint(endpoint, &error);
    if (!endpointUrl)
        return error;
    connection->endpoint = *endpointUrl;

    Sourced tokenEndpoint = sourced(given, environment, Opt::StsEndpoint);
    if (tokenEndpoint.isEmpty())
        tokenEndpoint = {defaultTokenEndpoint().toString(), tr("the default token service")};
    const auto tokenUrl = parseEndpoint(tokenEndpoint, &error);
    if (!tokenUrl)
        return error;
    connection->tokenEndpoint = *tokenUrl;
    return {};
}

// The account id and key, from the options or their environment variables.
QString readCredentials(const GivenOptions &given, const QProcessEnvironment &environment, Connection *connection)
{
    const Sourced accountId = sourced(given, environment, Opt::AccountId);
    if (accountId.isEmpty())
        return tr("No account id: give --account-id ID or set ARRSM_ACCOUNT_ID (or use --account NAME).");
    if (const QString why = accountIdError(accountId.value); !why.isEmpty())
        return accountId.source + u": "_s + why;
    connection->accountId = accountId.value;

    const Sourced key = sourced(given, environment, Opt::AccountKey);
    if (key.isEmpty())
        return tr("No account key: set ARRSM_ACCOUNT_KEY (or give --account-key KEY, or use --account NAME).");
    if (const QString why = accountKeyError(key.value); !why.isEmpty())
        return key.source + u": "_s + why;
    connection->accountKey = key.value;
    return {};
}

} // namespace

// The API version: the account's own when --account names a saved one.
QString readApiVersion(const GivenOptions &given, const QProcessEnvironment &environment, Connection *connection)
{
    const Sourced apiVersion = given.has(Opt::Account) && !given.has(Opt::ApiVersion)
        ? Sourced{}
        : sourced(given, environment, Opt::ApiVersion);
    if (apiVersion.isEmpty())
        return {};
    if (given.has(Opt::Account))
        return tr("--account uses the saved account's API version; it cannot be combined with --api-version.");
    const std::optional<ApiVersion> version = parseApiVersion(apiVersion.value);
    if (!version)
        return tr("%1: \"%2\" is not an API version; use v1 or 2021-01-01.")
            .arg(apiVersion.source, safeText(apiVersion.value, 80));
    connection->apiVersion = *version;
    return {};
}

// Where to connect, and as whom.
QString readConnection(const GivenOptions &given, const QProcessEnvironment &environment, Connection *connection)
{
    if (given.has(Opt::Account))
        return readSavedAccount(given, connection);
    if (QString error = readEndpoints(given, environment, connection); !error.isEmpty())
        return error;
    return readCredentials(given, environment, connection);
}

} // namespace arr::cli
