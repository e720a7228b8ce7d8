#include "service/TokenProvider.h"

#include "core/Account.h"
#include "core/Clock.h"
#include "core/JsonCodec.h"
#include "core/Jwt.h"
#include "service/HttpCall.h"
#include "service/Logging.h"
#include "service/RequestLog.h"

#include <QCoreApplication>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace arr {

TokenProvider::TokenProvider(QNetworkAccessManager *network, const QUrl &tokenEndpoint, const QString &accountId,
    const QString &accountKey, RequestLog *log, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_tokenEndpoint(tokenEndpoint)
    , m_accountId(accountId)
    , m_accountKey(accountKey)
    , m_log(log)
    , m_clock(clock ? clock : SystemClock::instance())
{
    accountLabel = accountId;
}

TokenProvider::~TokenProvider() = default;

bool TokenProvider::hasValidToken() const
{
    return !m_token.isEmpty() && m_clock->monotonicMs() < m_refreshAtMono;
}

void TokenProvider::invalidate(const QByteArray &token)
{
    if (!token.isEmpty() && token == m_token) {
        qCInfo(lcToken) << "token for" << accountLabel << "was refused; it will be fetched again";
        m_token.clear();
    }
}

void TokenProvider::requestToken(QObject *context, Callback callback)
{
    if (hasValidToken()) {
        TokenResult ready;
        ready.token = m_token;
        callback(ready);
        return;
    }
    m_waiters.append({QPointer<QObject>(context), std::move(callback)});
    if (!m_fetch)
        startFetch();
}

void TokenProvider::startFetch()
{
    m_fetch = new HttpCall(m_network, requestFactory, retryPolicy, m_log, m_clock, this);
    connect(m_fetch, &HttpCall::finished, this, &TokenProvider::onFetchFinished);

    HttpRequestSpec spec;
    spec.method = "GET";
    spec.url = RequestFactory::buildUrl(m_tokenEndpoint, {u"accounts"_s, m_accountId, u"token"_s});
    spec.bearer = m_accountId.toUtf8() + ':' + m_accountKey.toUtf8();
    spec.account = accountLabel;
    spec.accountIdentity = accountIdentity;

    const QString endpointProblem = endpointError(m_tokenEndpoint);
    // A key is checked here, where every front end's key passes, before it goes into a header.
    const QString keyProblem = m_accountKey.isEmpty() ? tr("The account has no key.") : accountKeyError(m_accountKey);
    if (!endpointProblem.isEmpty() || !keyProblem.isEmpty()) {
        // Fail without sending: the key must never travel in the clear, and an empty one cannot work.
        HttpCall *refused = m_fetch;
        m_fetch = nullptr;
        refused->deleteLater();
        ApiResult result;
        result.kind = ErrorKind::Configuration;
        result.message = endpointProblem.isEmpty() ? keyProblem : endpointProblem;
        const QList<Waiter> waiters = std::exchange(m_waiters, {});
        Q_EMIT tokenFetched(result);
        for (const Waiter &waiter : waiters) {
            if (waiter.context)
                waiter.callback(TokenResult{{}, result});
        }
        return;
    }
    m_fetch->start(spec);
}

void TokenProvider::onFetchFinished(const HttpOutcome &outcome)
{
    if (m_fetch)
        m_fetch->deleteLater();
    m_fetch = nullptr;

    TokenResult token;
    token.result.httpStatus = outcome.httpStatus;
    token.result.msCv = outcome.msCv;
    token.result.attempts = outcome.attempts;
    token.result.retryAfter = outcome.retryAfter;

    if (!outcome.isHttpSuccess()) {
        describeFailure(token.result, outcome);
        // The token service answers 400 and 401 for a wrong id or key: both mean the credentials.
        if (outcome.httpStatus == 400 || outcome.httpStatus == 401 || outcome.httpStatus == 403) {
            token.result.kind = ErrorKind::Authentication;
            token.result.message = tr("The token service refused the account id or key: %1").arg(token.result.message);
        } else {
            token.result.message = tr("Could not get an access token: %1").arg(token.result.message);
        }
    } else {
        const Decoded<QByteArray> decoded = decodeTokenResponse(outcome.body);
        QString why;
        const auto expiry = decoded.ok() ? jwtExpiry(*decoded.value, &why) : std::nullopt;
        if (!decoded.ok() || !expiry) {
            token.result.kind = ErrorKind::BadResponse;
            token.result.message
                = tr("The token service's answer is unusable: %1").arg(decoded.ok() ? why : decoded.error);
        } else {
            // Lifetime as the issuer counts it; the local wall clock plays no part.
            const QDateTime issuerNow = outcome.serverDate.isValid() ? outcome.serverDate : m_clock->now();
            const qint64 lifetimeMs = issuerNow.msecsTo(*expiry);
            const qint64 margin = std::min<qint64>(refreshMargin.count(), lifetimeMs / 2);
            m_token = *decoded.value;
            m_refreshAtMono = m_clock->monotonicMs() + std::max<qint64>(0, lifetimeMs - margin);
            m_expiresAtMono = m_clock->monotonicMs() + std::max<qint64>(0, lifetimeMs);
            token.token = m_token;
            qCInfo(lcToken) << "token for" << accountLabel << "valid for" << lifetimeMs / 1000 << "s";
        }
    }

    TokenResult delivered = token;
    if (token.token.isEmpty() && !m_token.isEmpty() && m_clock->monotonicMs() < m_expiresAtMono) {
        // The early refresh failed, but the current token has neither expired nor been refused: it
        // serves until it does, and the next request tries to refresh again.
        qCInfo(lcToken) << "token for" << accountLabel << "could not be refreshed; the current one is valid for"
                        << (m_expiresAtMono - m_clock->monotonicMs()) / 1000 << "s more:" << token.result.message;
        delivered = TokenResult{m_token, {}};
    }

    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    Q_EMIT tokenFetched(token.result);
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.callback(delivered);
    }
}

} // namespace arr
