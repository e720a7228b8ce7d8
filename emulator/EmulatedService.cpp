#include "emulator/EmulatedService.h"

#include "emulator/BearerAuth.h"
#include "emulator/RequestBody.h"
#include "emulator/SessionApiGa.h"
#include "emulator/SessionApiV1.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace arr::emulator {

EmulatedService::EmulatedService(const arr::Clock *clock, EmulatorOptions options)
    : m_clock(clock)
    , m_options(std::move(options))
    , m_store(clock)
    , m_faults(m_options.faults.seed)
{
    m_store.setTimings(m_options.startDelayMs, m_options.stopDelayMs, m_options.retentionMs);
}

EmulatedService::Outcome EmulatedService::serve(const HttpRequest &request)
{
    const QByteArray &method = request.method;
    const Route target = route(method, request.url);
    ++m_totalRequests;
    if (target.operation != Operation::None)
        ++m_requestsByOperation[std::size_t(target.operation)];

    HttpResponse response;
    FaultDraw faults;
    if (!target.pathKnown) {
        response = HttpResponse::error(ApiError{
            404, "NotFound", u"There is no resource at %1 %2."_s.arg(QString::fromLatin1(method), request.url.path())});
    } else if (target.operation == Operation::None) {
        response = HttpResponse::error(ApiError{405, "MethodNotAllowed",
            u"%1 is not allowed on %2; use %3."_s.arg(
                QString::fromLatin1(method), request.url.path(), QString::fromLatin1(target.allowed))});
        response.setHeader("Allow", target.allowed);
    } else {
        faults = m_faults.draw(m_options.faults);
        if (!faults.drop)
            response = answer(target, request, faults);
    }
    return Outcome{target.operation, faults.drop ? std::nullopt : std::optional(response), faults.delayMs};
}

void EmulatedService::countUnreadableRequest()
{
    ++m_totalRequests;
}

int EmulatedService::requestCount(const QString &operation) const
{
    if (operation.isEmpty())
        return m_totalRequests;
    const Operation named = operationNamed(operation);
    return named == Operation::None ? 0 : m_requestsByOperation[std::size_t(named)];
}

void EmulatedService::resetCounters()
{
    m_totalRequests = 0;
    m_requestsByOperation.fill(0);
}

void EmulatedService::setBaseUrl(const QUrl &baseUrl)
{
    m_baseUrl = baseUrl;
}

const EmulatorOptions &EmulatedService::options() const
{
    return m_options;
}

void EmulatedService::setOptions(const EmulatorOptions &options)
{
    m_options = options;
    m_faults.reseed(options.faults.seed);
    m_store.setTimings(options.startDelayMs, options.stopDelayMs, options.retentionMs);
}

void EmulatedService::setFaults(const FaultOptions &faults)
{
    m_options.faults = faults;
    m_faults.reseed(faults.seed);
}

void EmulatedService::setTokenServiceAvailable(bool available)
{
    m_tokenServiceAvailable = available;
}

SessionStore &EmulatedService::store()
{
    return m_store;
}

const SessionStore &EmulatedService::store() const
{
    return m_store;
}

TokenIssuer &EmulatedService::tokens()
{
    return m_tokens;
}

HttpResponse EmulatedService::answer(const Route &target, const HttpRequest &request, const FaultDraw &faults)
{
    if (faults.errorStatus != 0)
        return FaultInjector::errorResponse(target.operation, faults.errorStatus);

    const bool malformable = target.operation == Operation::Token || target.operation == Operation::List
        || target.operation == Operation::Properties;
    const bool malformed = faults.malformed && malformable;
    HttpResponse response = target.operation == Operation::Token ? answerToken(target, request, malformed)
                                                                 : answerSessionApi(target, request);
    if (malformed && response.status == 200 && !response.body.isEmpty())
        response.body = FaultInjector::malformedBody(response.body, faults.malformedKind, faults.garbageSeed);
    return response;
}

HttpResponse EmulatedService::answerToken(const Route &target, const HttpRequest &request, bool malformed)
{
    if (!m_tokenServiceAvailable) {
        return HttpResponse::error(
            ApiError{503, "ServiceUnavailable", u"The token service is temporarily unavailable."_s});
    }
    const auto credentials = bearerCredentials(request);
    if (!credentials) {
        HttpResponse response = HttpResponse::error(ApiError{
            401, "Unauthorized", u"The request has no \"Authorization: Bearer {accountId}:{accountKey}\" header."_s});
        response.setHeader("WWW-Authenticate", bearerChallenge());
        return response;
    }
    // The account id may be any text, so the credentials are read against the id in the path
    // rather than split at the first colon.
    const QString text = QString::fromUtf8(*credentials);
    const QString prefix = target.accountId + u':';
    const QString accountId = m_store.findAccount(target.accountId);
    if (!text.startsWith(prefix, Qt::CaseInsensitive) || accountId.isEmpty()
        || !m_store.keyMatches(accountId, text.mid(prefix.size()))) {
        return unauthorized(u"The account id and key do not match an account: send "
                            "\"Authorization: Bearer {accountId}:{accountKey}\" for the account in the path."_s);
    }
    const QByteArray token = m_tokens.issue(accountId, m_clock->now(), m_options.tokenLifetimeMs);
    // A garbled answer never reached the client; its token must not work.
    if (malformed)
        m_tokens.forget(token);
    return HttpResponse::json(200, QJsonObject{{u"AccessToken"_s, QString::fromLatin1(token)}});
}

std::optional<HttpResponse> EmulatedService::authorize(
    const Route &target, const HttpRequest &request, QString *accountId)
{
    const auto token = bearerCredentials(request);
    if (!token || token->isEmpty()) {
        HttpResponse response = HttpResponse::error(ApiError{401, "Unauthorized",
            u"The request has no \"Authorization: Bearer {token}\" header; get a token from the token service."_s});
        response.setHeader("WWW-Authenticate", bearerChallenge());
        return response;
    }
    const TokenIssuer::Check check = m_tokens.check(*token, m_clock->now());
    switch (check.verdict) {
    case TokenIssuer::Verdict::Unknown:
        return unauthorized(u"The access token is not valid: it was not issued by this service or was revoked."_s);
    case TokenIssuer::Verdict::Expired:
        return unauthorized(u"The access token expired at %1; get a new one from the token service."_s.arg(
            check.expiry.toString(Qt::ISODate)));
    case TokenIssuer::Verdict::Valid:
        break;
    }
    *accountId = m_store.findAccount(target.accountId);
    if (accountId->isEmpty())
        return HttpResponse::error(ApiError{404, "NotFound", u"There is no account %1."_s.arg(target.accountId)});
    if (accountId->compare(check.accountId, Qt::CaseInsensitive) != 0) {
        return HttpResponse::error(ApiError{403, "Forbidden",
            u"The access token was issued for account %1, not for account %2."_s.arg(check.accountId, *accountId)});
    }
    return std::nullopt;
}

HttpResponse EmulatedService::answerSessionApi(const Route &target, const HttpRequest &request)
{
    // The version is checked first, as a gateway would: without it nothing else can be read.
    if (target.ga) {
        if (auto refusal = checkGaApiVersion(request))
            return *refusal;
    }
    QString accountId;
    if (auto refusal = authorize(target, request, &accountId))
        return *refusal;
    if (auto refusal = m_rateLimiter.admit(accountId, m_options.rateLimitPerSecond, *m_clock))
        return *refusal;

    // The connection layer read no body declared larger than this; it is refused here, after
    // authorization, like every other bad body.
    if (request.bodyTooLarge()) {
        return HttpResponse::error(ApiError{413, "PayloadTooLarge",
            u"The request body is %1 bytes; at most %2 are accepted."_s.arg(request.contentLength)
                .arg(MaximumRequestBody)});
    }
    if (target.ga)
        return answerGa(target, request, accountId, m_store, m_options.pageSize, m_baseUrl);
    return answerV1(target, request, accountId, m_store);
}

} // namespace arr::emulator
