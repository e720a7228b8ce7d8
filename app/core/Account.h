#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace arr {

enum class ApiVersion {
    V1,
    // The GA session API (2021-01-01): client-chosen ids, minutes, a paged list.
    Api20210101,
};

// The spelling used in settings, on arrsm's command line and in its environment: "v1", "2021-01-01".
QString apiVersionName(ApiVersion version);
// The inverse of apiVersionName(), ignoring case and surrounding spaces; nullopt for anything else.
std::optional<ApiVersion> parseApiVersion(QStringView text);
// Every version, in the order a list offers them.
QList<ApiVersion> knownApiVersions();

// Where and as whom to talk to the service. The key is not here: it lives in the keychain.
struct Account
{
    QString name;
    QUrl endpoint;
    QUrl tokenEndpoint;
    QString accountId;
    ApiVersion apiVersion = ApiVersion::V1;
    bool enabled = true;
    // Watch only: create, extend, stop and keep-alive are refused (by the app and by arrsm).
    bool readOnly = false;
    // Alerts at 80 % and 100 % of this much spent in a day: money when prices are set for the
    // account, billed hours otherwise. 0 for no budget.
    double dailyBudget = 0;
    // An alert for a session ready for longer than this many hours; 0 for none.
    int longRunningHours = 0;

    // Empty when usable, otherwise a sentence naming the first problem.
    QString validationError() const;
    // Which account of which service this is, whatever it is called: see accountIdentity().
    QString identity() const;
    bool operator==(const Account &other) const;
};

// An account's identity: the service's host (with its port when not the scheme's default) and the
// account id, in lower case, as "host/accountid". A session is known by this and its id; the account's
// name is only a label that can change. The same account reached under two names (or through arrsm's
// environment variables) has one identity.
QString accountIdentity(const QUrl &endpoint, const QString &accountId);

// The regions the service was offered in.
QStringList knownRegions();
QUrl regionEndpoint(const QString &region);
QUrl regionTokenEndpoint(const QString &region);
QUrl defaultTokenEndpoint();

// The longest account name: it is shown in the window's banner, the status bar and arrsm's tables.
inline constexpr qsizetype MaximumAccountNameLength = 100;

// The largest daily budget accepted (in money or hours), and the longest "ready for longer than" alert
// (a lease never exceeds a day).
inline constexpr double MaximumDailyBudget = 1e9;
inline constexpr int MaximumLongRunningHours = 24;

// Names are printable text of at most MaximumAccountNameLength characters: no control characters,
// no line breaks, no marks that reorder text. Returns an empty string when `name` is one, a reason
// otherwise.
QString accountNameError(const QString &name);

// Keys are base64 text: printable ASCII without spaces. Anything else (a line break above all, which
// would end the Authorization header and start another) is refused before it is sent. Returns an empty
// string when `key` may be used, a reason otherwise; the reason never repeats the key.
QString accountKeyError(const QString &key);

// Account ids are GUIDs; returns an empty string when `id` is one, a reason otherwise.
QString accountIdError(const QString &id);

// "localhost" or a loopback address: the only hosts plain http may be sent to.
bool isLoopbackHost(const QString &host);

// Plain http is allowed only to loopback hosts, and an address may not carry a user name or password
// (the key goes to the token service, never in an address). Returns an empty string when `url` may be used as a
// service or token endpoint, a sentence saying why not otherwise.
QString endpointError(const QUrl &url);

} // namespace arr
