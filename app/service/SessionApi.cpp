#include "service/SessionApi.h"

#include "core/Clock.h"
#include "core/RequestValidator.h"
#include "core/SafeText.h"
#include "service/HttpCall.h"
#include "service/Logging.h"
#include "service/RequestLog.h"
#include "service/TokenProvider.h"

#include <QCoreApplication>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

bool needsSessionId(SessionOperation operation, const SessionDialect &dialect)
{
    if (operation == SessionOperation::Create)
        return dialect.clientNamesSessions();
    return operation != SessionOperation::List;
}

// The same page whatever order its query items come in.
QString pageKey(const QUrl &url)
{
    const QUrl normalized = url.adjusted(QUrl::NormalizePathSegments | QUrl::StripTrailingSlash | QUrl::RemoveFragment);
    QList<QPair<QString, QString>> items = QUrlQuery(normalized).queryItems(QUrl::FullyDecoded);
    std::sort(items.begin(), items.end());
    QUrlQuery sorted;
    sorted.setQueryItems(items);
    QUrl key = normalized;
    key.setQuery(sorted);
    return key.toString(QUrl::FullyEncoded);
}

// Whether an answer to a call about one session speaks of that session.
bool answersAbout(SessionOperation operation, const SessionDialect &dialect)
{
    switch (operation) {
    case SessionOperation::Create:
        return dialect.clientNamesSessions();
    case SessionOperation::Extend:
    case SessionOperation::Properties:
        return true;
    case SessionOperation::List:
    case SessionOperation::Stop:
        return false;
    }
    return false;
}

} // namespace

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
    const RequestVerdict id = needsSessionId(m_operation, m_api->m_dialect)
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
    // A list starts from its first page again (after a token refresh, too).
    m_pages = 0;
    m_listed.clear();
    m_listedIds.clear();
    m_followedPages.clear();
    sendTo(m_api->m_dialect.url(m_api->m_account.endpoint, m_request));
}

void ApiJob::sendTo(const QUrl &url)
{
    ++m_pages;
    m_followedPages.insert(pageKey(url));
    m_call
        = new HttpCall(m_api->m_network, m_api->requestFactory, m_api->retryPolicy, m_api->m_log, m_api->m_clock, this);
    connect(m_call, &HttpCall::finished, this, &ApiJob::onHttpFinished);

    HttpRequestSpec spec;
    spec.method = m_request.method;
    spec.url = url;
    spec.bearer = m_token;
    spec.body = m_request.body;
    spec.hasJsonBody = !m_request.body.isEmpty();
    spec.account = m_api->m_account.name.isEmpty() ? m_api->m_account.accountId : m_api->m_account.name;
    spec.accountIdentity = m_api->m_accountIdentity;
    spec.origin = m_origin;
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
        QString nextLink;
        ApiResult result = decode(outcome, call ? call->takeBody() : outcome.body, &nextLink);
        if (m_operation == SessionOperation::List && result.ok() && (!nextLink.isEmpty() || m_pages > 1)) {
            followNextPage(nextLink, std::move(result));
            return;
        }
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
    const bool answerMayBeLost = failure.kind != ErrorKind::Rejected && failure.kind != ErrorKind::Authentication
        && failure.kind != ErrorKind::Forbidden && failure.kind != ErrorKind::Configuration
        && failure.kind != ErrorKind::Tls;
    if (m_operation == SessionOperation::Create && answerMayBeLost) {
        if (m_api->m_dialect.clientNamesSessions()) {
            // The create was repeated under the retry policy already; the id makes one more safe.
            failure.message += u' '
                + tr("The session %1 may have been created anyway; creating it again with the same id is safe: the "
                     "service answers a repeat with the same session.")
                      .arg(m_sessionId);
        } else {
            failure.message += u' '
                + tr("The session may have been created anyway; it was not requested again. Refresh the list "
                     "before creating another.");
        }
    }
    finish(failure);
}

ApiResult ApiJob::decode(const HttpOutcome &outcome, const QByteArray &body, QString *nextLink)
{
    ApiResult result;
    result.httpStatus = outcome.httpStatus;
    result.msCv = outcome.msCv;
    m_api->m_dialect.decode(m_operation, outcome.httpStatus, body, result, nextLink);
    if (result.ok() && result.session && answersAbout(m_operation, m_api->m_dialect)
        && !sameSessionId(result.session->id, m_sessionId)) {
        // Believing it would record another session as ours, and a script would go on to extend or
        // stop that one.
        result.kind = ErrorKind::BadResponse;
        result.message = tr("The service answered about session %1 when asked about session %2; the answer was "
                            "not used.")
                             .arg(result.session->id, safeText(m_sessionId));
        result.session.reset();
        result.sessionId.clear();
        return result;
    }
    if (m_operation == SessionOperation::Create && result.ok() && !result.sessionId.isEmpty())
        m_sessionId = result.sessionId;
    if (m_operation == SessionOperation::List && result.ok())
        checkListedOnce(result);
    return result;
}

void ApiJob::checkListedOnce(ApiResult &page)
{
    for (const Session &session : std::as_const(page.sessions)) {
        const QString key = session.id.toCaseFolded();
        if (!m_listedIds.contains(key)) {
            m_listedIds.insert(key);
            continue;
        }
        // Two rows with two leases for one session: neither can be believed.
        page.kind = ErrorKind::BadResponse;
        page.message = tr("Session %1 is listed twice; the list was not used.").arg(session.id);
        page.sessions.clear();
        return;
    }
}

void ApiJob::followNextPage(const QString &link, ApiResult page)
{
    m_listed.append(std::move(page.sessions));
    if (link.isEmpty()) {
        page.sessions = std::exchange(m_listed, {});
        finish(std::move(page));
        return;
    }
    ApiResult failure;
    failure.httpStatus = page.httpStatus;
    failure.msCv = page.msCv;
    failure.kind = ErrorKind::BadResponse;
    if (m_pages >= MaximumListPages) {
        failure.message = tr("The session list went on past %1 pages; the poll stopped there.").arg(MaximumListPages);
        finish(failure);
        return;
    }
    QString why;
    const QUrl next = m_api->m_dialect.nextPageUrl(m_api->m_account.endpoint, link, &why);
    if (!next.isValid()) {
        failure.message = why;
        finish(failure);
        return;
    }
    if (m_followedPages.contains(pageKey(next))) {
        failure.message = tr("The session list links back to a page it has already given; the poll stopped there.");
        finish(failure);
        return;
    }
    sendTo(next);
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
    , m_accountIdentity(account.identity())
    , m_dialect(account.apiVersion, account.accountId)
    , m_log(log)
    , m_clock(clock ? clock : SystemClock::instance())
{
}

SessionApi::~SessionApi() = default;

ApiJob *SessionApi::startJob(SessionOperation operation, const QString &sessionId, ApiJob::Request request)
{
    auto *job = new ApiJob(this, operation, sessionId, std::move(request));
    job->start();
    return job;
}

ApiJob *SessionApi::createSession(const CreateSessionRequest &request)
{
    QString sessionId;
    if (m_dialect.clientNamesSessions()) {
        sessionId = request.sessionId.trimmed();
        if (sessionId.isEmpty())
            sessionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    return startJob(SessionOperation::Create, sessionId, m_dialect.create(request, sessionId));
}

ApiJob *SessionApi::extendSession(const QString &sessionId, TimeSpan newMaxLease, const QString &origin)
{
    auto *job = new ApiJob(this, SessionOperation::Extend, sessionId, m_dialect.extend(sessionId, newMaxLease));
    job->m_requestedLease = newMaxLease;
    job->m_origin = origin;
    job->start();
    return job;
}

ApiJob *SessionApi::listSessions()
{
    return startJob(SessionOperation::List, {}, m_dialect.list());
}

ApiJob *SessionApi::sessionProperties(const QString &sessionId)
{
    return startJob(SessionOperation::Properties, sessionId, m_dialect.properties(sessionId));
}

ApiJob *SessionApi::stopSession(const QString &sessionId)
{
    return startJob(SessionOperation::Stop, sessionId, m_dialect.stop(sessionId));
}

void SessionApi::abortAll()
{
    const QList<ApiJob *> jobs = findChildren<ApiJob *>(QString(), Qt::FindDirectChildrenOnly);
    for (ApiJob *job : jobs)
        job->abort();
}

} // namespace arr
