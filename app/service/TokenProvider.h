#pragma once

#include "service/ApiResult.h"
#include "service/RequestFactory.h"
#include "service/RetryPolicy.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace arr {

class Clock;
class HttpCall;
struct HttpOutcome;
class RequestLog;

// The result of asking for a token: the token, or why there is none.
struct TokenResult
{
    QByteArray token;
    ApiResult result;
};

// Fetches an access token from the token service for one account, caches it, and fetches a new
// one ahead of its expiry (while that early fetch fails, the current token serves until it expires).
// Concurrent callers share one fetch. The token's lifetime is measured against the service's own
// clock (its Date header) and then counted on the monotonic clock, so a machine whose clock is wrong
// neither uses expired tokens nor refreshes needlessly.
class TokenProvider : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const TokenResult &)>;

    TokenProvider(QNetworkAccessManager *network, const QUrl &tokenEndpoint, const QString &accountId,
        const QString &accountKey, RequestLog *log, const Clock *clock, QObject *parent = nullptr);
    ~TokenProvider() override;

    // How long before expiry a token is replaced.
    std::chrono::milliseconds refreshMargin{5 * 60'000};
    RequestFactory requestFactory;
    RetryPolicy retryPolicy;
    // Shown in the request log.
    QString accountLabel;
    // The identity of the account the label names (Account::identity()), for the request log. Given
    // by the owner: it is the session API's host that makes it, not the token service's.
    QString accountIdentity;

    // Calls `callback` with a valid token, fetching one if needed. `context` guards the callback: if
    // it is destroyed first, the callback is not called.
    void requestToken(QObject *context, Callback callback);
    // The service refused `token`: forget it (unless a newer one has replaced it already).
    void invalidate(const QByteArray &token);
    bool hasValidToken() const;

Q_SIGNALS:
    // A fetch ended; carries the outcome so an account's health can be shown.
    void tokenFetched(const arr::ApiResult &result);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback callback;
    };

    void startFetch();
    void onFetchFinished(const arr::HttpOutcome &outcome);

    QNetworkAccessManager *m_network;
    QUrl m_tokenEndpoint;
    QString m_accountId;
    QString m_accountKey;
    QPointer<RequestLog> m_log;
    const Clock *m_clock;

    QByteArray m_token;
    qint64 m_refreshAtMono = 0;
    qint64 m_expiresAtMono = 0;
    QPointer<HttpCall> m_fetch;
    QList<Waiter> m_waiters;
};

} // namespace arr
