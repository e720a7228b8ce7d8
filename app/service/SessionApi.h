#pragma once

#include "core/Account.h"
#include "core/JsonCodec.h"
#include "service/ApiResult.h"
#include "service/RequestFactory.h"
#include "service/RetryPolicy.h"
#include "service/SessionDialect.h"

#include <QObject>
#include <QPointer>
#include <QSet>

class QNetworkAccessManager;

namespace arr {

class Clock;
class HttpCall;
class RequestLog;
class SessionApi;
class TokenProvider;
struct HttpOutcome;
struct TokenResult;

// One call of the session API, from token to decoded answer. Emits finished() exactly once, then
// deletes itself.
class ApiJob : public QObject
{
    Q_OBJECT

public:
    SessionOperation operation() const { return m_operation; }
    // The session the call is about; for a create, set once the service has named it.
    QString sessionId() const { return m_sessionId; }
    bool isFinished() const { return m_finished; }
    const ApiResult &result() const { return m_result; }
    // Stops the call; finished() follows with ErrorKind::Cancelled unless it had already finished.
    void abort();

Q_SIGNALS:
    void finished(const arr::ApiResult &result);

private:
    friend class SessionApi;

    using Request = SessionRequest;

    ApiJob(SessionApi *api, SessionOperation operation, const QString &sessionId, Request request);
    void start();
    void send(const QByteArray &token);
    // Sends one attempt series to `url` with the job's method, body and token.
    void sendTo(const QUrl &url);
    // A list page with a link to the next: follows it, or finishes with why not.
    void followNextPage(const QString &link, ApiResult page);
    void onTokenReady(const TokenResult &token);
    void onHttpFinished(const HttpOutcome &outcome);
    ApiResult decode(const HttpOutcome &outcome, const QByteArray &body, QString *nextLink);
    // A session id met before in this listing (on this page or an earlier one) fails the page.
    void checkListedOnce(ApiResult &page);
    void confirmExtendAfterRefusal(const ApiResult &refusal);
    void finish(ApiResult result);

    SessionApi *m_api;
    SessionOperation m_operation;
    QString m_sessionId;
    Request m_request;
    TimeSpan m_requestedLease;
    // Who asked for the call when not the user, for the request log.
    QString m_origin;
    QByteArray m_token;
    QPointer<HttpCall> m_call;
    QPointer<ApiJob> m_confirmation;
    bool m_refreshedToken = false;
    int m_attempts = 0;
    // A paged list: the pages read so far in this poll and the sessions they held.
    int m_pages = 0;
    QList<Session> m_listed;
    // Case-folded, as the service compares ids.
    QSet<QString> m_listedIds;
    QSet<QString> m_followedPages;
    bool m_finished = false;
    ApiResult m_result;
};

// The session API of one account, in the account's API version (the dialect builds the requests and
// decodes the answers). Every call is an ApiJob owned by this object.
class SessionApi : public QObject
{
    Q_OBJECT

public:
    SessionApi(QNetworkAccessManager *network, TokenProvider *tokens, const Account &account, RequestLog *log,
        const Clock *clock, QObject *parent = nullptr);
    ~SessionApi() override;

    RequestFactory requestFactory;
    RetryPolicy retryPolicy;

    const Account &account() const { return m_account; }

    const SessionDialect &dialect() const { return m_dialect; }

    // v1: sent once, never repeated automatically (a second create is a second paid machine), except
    // after a 401, which proves the first never reached a session. 2021-01-01: the session is named by
    // request.sessionId (a new UUID when empty), and a create whose answer was lost is repeated with
    // the same id under the retry policy: the service answers a repeat with the same session.
    ApiJob *createSession(const CreateSessionRequest &request);
    // `origin`: who asked for it when not the user ("keep-alive"), shown in the request log.
    ApiJob *extendSession(const QString &sessionId, TimeSpan newMaxLease, const QString &origin = {});
    ApiJob *listSessions();
    ApiJob *sessionProperties(const QString &sessionId);
    ApiJob *stopSession(const QString &sessionId);

    // Ends every call not yet finished (each in a cancelled result).
    void abortAll();

Q_SIGNALS:
    // Every finished job, after its own finished(): lets an account's health follow all traffic.
    void jobFinished(arr::ApiJob *job, const arr::ApiResult &result);

private:
    friend class ApiJob;
    ApiJob *startJob(SessionOperation operation, const QString &sessionId, ApiJob::Request request);

    QNetworkAccessManager *m_network;
    TokenProvider *m_tokens;
    Account m_account;
    // Made once: every request's log entry shares it.
    QString m_accountIdentity;
    SessionDialect m_dialect;
    QPointer<RequestLog> m_log;
    const Clock *m_clock;
};

} // namespace arr
