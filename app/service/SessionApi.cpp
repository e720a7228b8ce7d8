#include "service/SessionApi.h"

#include "core/Clock.h"
#include "core/RequestValidator.h"
#include "service/HttpCall.h"
#include "service/Logging.h"
#include "service/RequestLog.h"
#include "service/TokenProvider.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

bool needsSessionId(SessionOperation operation)
{
    return operation != SessionOperation::Create && operation != SessionOperation::List;
}

} // namespace

QString sessionOperationName(SessionOperation operation)
{
    switch (operation) {
    case SessionOperation::Create:
        return u"create"_s;
    case SessionOperation::Extend:
        return u"extend"_s;
    case SessionOperation::List:
        return u"list"_s;
    case SessionOperation::Properties:
        return u"properties"_s;
    case SessionOperation::Stop:
        return u"stop"_s;
    }
    return {};
}

ApiJob::ApiJob(SessionApi *api, SessionOperation operation, const QString &sessionId, Request request)
    : QObject(api)
    , m_api(api)
    , m_operation(operation)
    , m_sessionId(sessionId)
    , m_request(std::move(request))
{
}

void ApiJob::start()
{
    const QString endpointProblem = endpointError(m_api->m_account.endpoint);
    // A last guard, whoever passed the id: "..", "." or "/" would make the path address another
    // resource. Only path safety is asked here; the front ends hold people to the v1 GUID rule.
    const RequestVerdict id = needsSessionId(m_operation)
        ? RequestValidator::checkSessionId(m_sessionId, SessionIdRule::Api20210101)
        : RequestVerdict{};
    if (!endpointProblem.isEmpty() || !id.ok()) {
        ApiResult refused;
        refused.kind = ErrorKind::Configuration;
        refused.message = endpointProblem.isEmpty() ? id.sentence : endpointProblem;
        // Let the caller connect to finished() before it is emitted.
        QMetaObject::invokeMethod(
            this, [this, refused] { finish(refused); }, Qt::QueuedConnection);
        return;
    }
    m_api->m_tokens->requestToken(this, [this](const TokenResult &token) { onTokenReady(token); });
}

void ApiJob::onTokenReady(const TokenResult &token)
{
    if (m_finished)
        return;
    if (token.token.isEmpty()) {
        // The token provider may refuse at once (no key, a plain-http token endpoint), while start()
        // is still running: let the caller connect to finished() first.
        QMetaObject::invokeMethod(
            this, [this, result = token.result] { finish(result); }, Qt::QueuedConnection);
        return;
    }
    send(token.token);
}

void ApiJob::send(const QByteArray &token)
{
    m_token = token;
    m_call
        = new HttpCall(m_api->m_network, m_api->requestFactory, m_api->retryPolicy, m_api->m_log, m_api->m_clock, this);
    connect(m_call, &HttpCall::finished, this, &ApiJob::onHttpFinished);

    HttpRequestSpec spec;
    spec.method = m_request.method;
    spec.url = RequestFactory::buildUrl(m_api->m_account.endpoint, m_request.path);
    spec.bearer = token;
    spec.body = m_request.body;
    spec.hasJsonBody = !m_request.body.isEmpty();
    spec.account = m_api->m_account.name.isEmpty() ? m_api->m_account.accountId : m_api->m_account.name;
    m_call->start(spec);
}

void ApiJob::onHttpFinished(const HttpOutcome &outcome)
{
    HttpCall *call = std::exchange(m_call, nullptr);
    if (call)
        call->deleteLater();
    m_attempts += outcome.attempts;

    if (outcome.cancelled) {
        ApiResult cancelled;
        cancelled.kind = ErrorKind::Cancelled;
        cancelled.message = tr("The request was cancelled.");
        finish(cancelled);
        return;
    }
    if (outcome.httpStatus == 401 && !m_refreshedToken) {
        // A 401 proves the call was not carried out, so even a create may be sent again, once.
        m_refreshedToken = true;
        m_api->m_tokens->invalidate(m_token);
        m_api->m_tokens->requestToken(this, [this](const TokenResult &token) { onTokenReady(token); });
        return;
    }
    if (outcome.isHttpSuccess()) {
        // The body is taken out of the call and gone before the result travels on, so that a list
        // of thousands of sessions is not held both as text and as sessions while the table takes it.
        ApiResult result = decode(outcome, call ? call->takeBody() : outcome.body);
        finish(std::move(result));
        return;
    }

    ApiResult failure;
    failure.httpStatus = outcome.httpStatus;
    failure.msCv = outcome.msCv;
    failure.retryAfter = outcome.retryAfter;
    describeFailure(failure, outcome);
    if (outcome.httpStatus == 401)
        failure.message = tr("The service refused a freshly issued token: %1").arg(failure.message);

    const bool refusedAfterRepeat = m_operation == SessionOperation::Extend && outcome.attempts > 1
        && (outcome.httpStatus == 400 || outcome.httpStatus == 409 || outcome.httpStatus == 422);
    if (refusedAfterRepeat) {
        // An earlier attempt may have set the lease already, so the repeat is refused as "not larger":
        // the session itself says whether the extend took effect.
        confirmExtendAfterRefusal(failure);
        return;
    }
    // A failed TLS handshake sent nothing: the request goes out only once the connection is secure.
    if (m_operation == SessionOperation::Create && failure.kind != ErrorKind::Rejected
        && failure.kind != ErrorKind::Authentication && failure.kind != ErrorKind::Forbidden
        && failure.kind != ErrorKind::Configuration && failure.kind != ErrorKind::Tls) {
        failure.message += u' '
            + tr("The session may have been created anyway; it was not requested again. Refresh the list before "
                 "creating another.");
    }
    finish(failure);
}

ApiResult ApiJob::decode(const HttpOutcome &outcome, const QByteArray &body)
{
    ApiResult result;
    result.httpStatus = outcome.httpStatus;
    result.msCv = outcome.msCv;

    const auto unusable = [&result](const QString &why) {
        result.kind = ErrorKind::BadResponse;
        result.message = why;
    };

    switch (m_operation) {
    case SessionOperation::Create: {
        const Decoded<QString> id = v1::decodeCreateResponse(body);
        if (id.ok()) {
            result.sessionId = *id.value;
            m_sessionId = result.sessionId;
        } else {
            unusable(tr("The service accepted the create, but its answer could not be read (%1). The session "
                        "probably exists: refresh the list.")
                         .arg(id.error));
        }
        break;
    }
    case SessionOperation::List: {
        // 204 is the one answer that means "no sessions" without a body.
        if (outcome.httpStatus == 204)
            break;
        Decoded<QList<Session>> list = v1::decodeSessionList(body);
        if (list.ok())
            result.sessions = std::move(*list.value);
        else
            unusable(tr("The session list could not be read: %1").arg(list.error));
        break;
    }
    case SessionOperation::Properties: {
        if (outcome.httpStatus == 204) {
            result.kind = ErrorKind::NotFound;
            result.message = tr("The service has no properties for this session.");
            break;
        }
        Decoded<Session> session = v1::decodeProperties(body);
        if (session.ok())
            result.session = std::move(*session.value);
        else
            unusable(tr("The session's properties could not be read: %1").arg(session.error));
        break;
    }
    case SessionOperation::Extend:
    case SessionOperation::Stop:
        // The answer has no payload worth reading; the status says it all.
        break;
    }
    return result;
}

void ApiJob::confirmExtendAfterRefusal(const ApiResult &refusal)
{
    m_confirmation = m_api->sessionProperties(m_sessionId);
    connect(m_confirmation, &ApiJob::finished, this, [this, refusal](const ApiResult &check) {
        m_attempts += check.attempts;
        if (check.ok() && check.session && check.session->maxLease && *check.session->maxLease >= m_requestedLease) {
            ApiResult confirmed;
            confirmed.httpStatus = 200;
            confirmed.msCv = check.msCv;
            confirmed.session = check.session;
            qCInfo(lcSessionApi) << "extend of" << m_sessionId << "had taken effect before its repeat was refused";
            finish(confirmed);
            return;
        }
        finish(refusal);
    });
}

void ApiJob::abort()
{
    if (m_finished)
        return;
    if (m_call) {
        m_call->abort();
        return;
    }
    if (m_confirmation)
        m_confirmation->abort();
    ApiResult cancelled;
    cancelled.kind = ErrorKind::Cancelled;
    cancelled.message = tr("The request was cancelled.");
    finish(cancelled);
}

void ApiJob::finish(ApiResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    result.attempts = m_attempts;
    m_result = std::move(result);
    --m_api->m_activeJobs;
    qCDebug(lcSessionApi) << sessionOperationName(m_operation) << m_sessionId << errorKindName(m_result.kind);
    Q_EMIT finished(m_result);
    Q_EMIT m_api->jobFinished(this, m_result);
    deleteLater();
}

SessionApi::SessionApi(QNetworkAccessManager *network, TokenProvider *tokens, const Account &account, RequestLog *log,
    const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_tokens(tokens)
    , m_account(account)
    , m_log(log)
    , m_clock(clock ? clock : SystemClock::instance())
{
}

SessionApi::~SessionApi() = default;

ApiJob *SessionApi::startJob(SessionOperation operation, const QString &sessionId, ApiJob::Request request)
{
    auto *job = new ApiJob(this, operation, sessionId, std::move(request));
    ++m_activeJobs;
    job->start();
    return job;
}

ApiJob *SessionApi::createSession(const CreateSessionRequest &request)
{
    return startJob(SessionOperation::Create, {},
        {"POST", {u"v1"_s, u"accounts"_s, m_account.accountId, u"sessions"_s, u"create"_s},
            v1::encodeCreateRequest(request)});
}

ApiJob *SessionApi::extendSession(const QString &sessionId, TimeSpan newMaxLease)
{
    auto *job = new ApiJob(this, SessionOperation::Extend, sessionId,
        {"PATCH", {u"v1"_s, u"accounts"_s, m_account.accountId, u"sessions"_s, sessionId},
            v1::encodeUpdateRequest(newMaxLease)});
    job->m_requestedLease = newMaxLease;
    ++m_activeJobs;
    job->start();
    return job;
}

ApiJob *SessionApi::listSessions()
{
    return startJob(
        SessionOperation::List, {}, {"GET", {u"v1"_s, u"accounts"_s, m_account.accountId, u"sessions"_s}, {}});
}

ApiJob *SessionApi::sessionProperties(const QString &sessionId)
{
    return startJob(SessionOperation::Properties, sessionId,
        {"GET", {u"v1"_s, u"accounts"_s, m_account.accountId, u"sessions"_s, sessionId, u"properties"_s}, {}});
}

ApiJob *SessionApi::stopSession(const QString &sessionId)
{
    return startJob(SessionOperation::Stop, sessionId,
        {"DELETE", {u"v1"_s, u"accounts"_s, m_account.accountId, u"sessions"_s, sessionId}, {}});
}

int SessionApi::activeJobCount() const
{
    return m_activeJobs;
}

void SessionApi::abortAll()
{
    const QList<ApiJob *> jobs = findChildren<ApiJob *>(QString(), Qt::FindDirectChildrenOnly);
    for (ApiJob *job : jobs)
        job->abort();
}

} // namespace arr
