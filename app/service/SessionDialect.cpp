#include "service/SessionDialect.h"

#include "core/GaCodec.h"
#include "service/RequestFactory.h"

#include <QCoreApplication>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

class SessionDialectText
{
    Q_DECLARE_TR_FUNCTIONS(arr::SessionDialect)
};

constexpr QLatin1StringView ApiVersionQuery = "api-version"_L1;

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0 ? 443 : 80);
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

SessionDialect::SessionDialect(ApiVersion version, const QString &accountId)
    : m_version(version)
    , m_accountId(accountId)
{
}

QUrl SessionDialect::url(const QUrl &endpoint, const SessionRequest &request) const
{
    QUrl url = RequestFactory::buildUrl(endpoint, request.path);
    if (!request.action.isEmpty())
        url.setPath(url.path(QUrl::FullyEncoded) + u'/' + QString::fromLatin1(request.action), QUrl::StrictMode);
    if (m_version == ApiVersion::Api20210101) {
        QUrlQuery query;
        query.addQueryItem(ApiVersionQuery, apiVersionName(m_version));
        url.setQuery(query);
    }
    return url;
}

QUrl SessionDialect::nextPageUrl(const QUrl &endpoint, const QString &link, QString *why) const
{
    const QUrl parsed(link, QUrl::StrictMode);
    if (!parsed.isValid()) {
        *why = SessionDialectText::tr("The service's link to the next page of sessions is not an address.");
        return {};
    }
    QUrl next = endpoint.resolved(parsed);
    const bool sameOrigin = next.scheme().compare(endpoint.scheme(), Qt::CaseInsensitive) == 0
        && next.host().compare(endpoint.host(), Qt::CaseInsensitive) == 0
        && effectivePort(next) == effectivePort(endpoint) && next.userInfo().isEmpty();
    if (!sameOrigin) {
        // The link is the server's text: shown only as its origin, made safe by QUrl's encoding.
        *why
            = SessionDialectText::tr("The service linked the next page of sessions to %1, which is not the "
                                     "account's endpoint %2: it was not followed, so that the account's token "
                                     "goes nowhere else.")
                  .arg(next.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
                           .toString(QUrl::FullyEncoded)
                           .left(200),
                      endpoint.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
                          .toString(QUrl::FullyEncoded));
        return {};
    }
    next.setFragment(QString());
    QUrlQuery query(next);
    if (m_version == ApiVersion::Api20210101 && !query.hasQueryItem(ApiVersionQuery)) {
        query.addQueryItem(ApiVersionQuery, apiVersionName(m_version));
        next.setQuery(query);
    }
    return next;
}

bool SessionDialect::clientNamesSessions() const
{
    return m_version == ApiVersion::Api20210101;
}

SessionIdRule SessionDialect::idRule() const
{
    return m_version == ApiVersion::Api20210101 ? SessionIdRule::Api20210101 : SessionIdRule::V1Guid;
}

QStringList SessionDialect::sessionsPath() const
{
    if (m_version == ApiVersion::Api20210101)
        return {u"accounts"_s, m_accountId, u"sessions"_s};
    return {u"v1"_s, u"accounts"_s, m_accountId, u"sessions"_s};
}

SessionRequest SessionDialect::create(const CreateSessionRequest &request, const QString &sessionId) const
{
    if (m_version == ApiVersion::Api20210101)
        return {"PUT", sessionsPath() << sessionId, ga::encodeCreateRequest(request)};
    return {"POST", sessionsPath() << u"create"_s, v1::encodeCreateRequest(request)};
}

SessionRequest SessionDialect::extend(const QString &sessionId, TimeSpan newMaxLease) const
{
    const QByteArray body = m_version == ApiVersion::Api20210101 ? ga::encodeUpdateRequest(newMaxLease)
                                                                 : v1::encodeUpdateRequest(newMaxLease);
    return {"PATCH", sessionsPath() << sessionId, body};
}

SessionRequest SessionDialect::list() const
{
    return {"GET", sessionsPath(), {}};
}

SessionRequest SessionDialect::properties(const QString &sessionId) const
{
    if (m_version == ApiVersion::Api20210101)
        return {"GET", sessionsPath() << sessionId, {}};
    return {"GET", sessionsPath() << sessionId << u"properties"_s, {}};
}

SessionRequest SessionDialect::stop(const QString &sessionId) const
{
    if (m_version == ApiVersion::Api20210101)
        return {"POST", sessionsPath() << sessionId, {}, ":stop"};
    return {"DELETE", sessionsPath() << sessionId, {}};
}

namespace {

void markUnusable(ApiResult &result, const QString &why)
{
    result.kind = ErrorKind::BadResponse;
    result.message = why;
}

void readCreated(bool ga, const QByteArray &body, ApiResult &result)
{
    if (ga) {
        Decoded<Session> session = ga::decodeProperties(body);
        if (session.ok()) {
            result.sessionId = session.value->id;
            result.session = std::move(*session.value);
        } else {
            markUnusable(result,
                SessionDialectText::tr("The service accepted the create, but its answer could not be read (%1). "
                                       "The session probably exists: refresh the list.")
                    .arg(session.error));
        }
        return;
    }
    const Decoded<QString> id = v1::decodeCreateResponse(body);
    if (id.ok()) {
        result.sessionId = *id.value;
    } else {
        markUnusable(result,
            SessionDialectText::tr("The service accepted the create, but its answer could not be read (%1). "
                                   "The session probably exists: refresh the list.")
                .arg(id.error));
    }
}

void readList(bool ga, int httpStatus, const QByteArray &body, ApiResult &result, QString *nextLink)
{
    // 204 is the one answer that means "no sessions" without a body.
    if (httpStatus == 204)
        return;
    if (ga) {
        Decoded<ga::SessionPage> page = ga::decodeSessionPage(body);
        if (page.ok()) {
            result.sessions = std::move(page.value->sessions);
            if (nextLink)
                *nextLink = page.value->nextLink;
        } else {
            markUnusable(result, SessionDialectText::tr("The session list could not be read: %1").arg(page.error));
        }
        return;
    }
    Decoded<QList<Session>> list = v1::decodeSessionList(body);
    if (list.ok())
        result.sessions = std::move(*list.value);
    else
        markUnusable(result, SessionDialectText::tr("The session list could not be read: %1").arg(list.error));
}

void readProperties(bool ga, int httpStatus, const QByteArray &body, ApiResult &result)
{
    if (httpStatus == 204) {
        result.kind = ErrorKind::NotFound;
        result.message = SessionDialectText::tr("The service has no properties for this session.");
        return;
    }
    Decoded<Session> session = ga ? ga::decodeProperties(body) : v1::decodeProperties(body);
    if (session.ok())
        result.session = std::move(*session.value);
    else
        markUnusable(
            result, SessionDialectText::tr("The session's properties could not be read: %1").arg(session.error));
}

// A lease of 9,999 days or an elapsed time below zero would drive the countdown, keep-alive and cost:
// the answer is not believed, like any other it cannot be.
void refuseOutOfRange(SessionOperation operation, ApiResult &result)
{
    QString outOfRange = result.session ? sessionRangeProblem(*result.session) : QString();
    for (qsizetype i = 0; outOfRange.isEmpty() && i < result.sessions.size(); ++i)
        outOfRange = sessionRangeProblem(result.sessions.at(i));
    if (outOfRange.isEmpty())
        return;
    result.session.reset();
    result.sessions.clear();
    markUnusable(result,
        operation == SessionOperation::List
            ? SessionDialectText::tr("The session list could not be read: %1").arg(outOfRange)
            : SessionDialectText::tr("The session's properties could not be read: %1").arg(outOfRange));
}

} // namespace

void SessionDialect::decode(
    SessionOperation operation, int httpStatus, const QByteArray &body, ApiResult &result, QString *nextLink) const
{
    const bool ga = m_version == ApiVersion::Api20210101;
    switch (operation) {
    case SessionOperation::Create:
        readCreated(ga, body, result);
        break;
    case SessionOperation::List:
        readList(ga, httpStatus, body, result, nextLink);
        break;
    case SessionOperation::Properties:
        readProperties(ga, httpStatus, body, result);
        break;
    case SessionOperation::Extend:
        // 2021-01-01 answers the updated properties; a body that cannot be read does not undo the
        // update the status confirmed.
        if (ga && !body.trimmed().isEmpty()) {
            Decoded<Session> session = ga::decodeProperties(body);
            if (session.ok())
                result.session = std::move(*session.value);
        }
        break;
    case SessionOperation::Stop:
        // The answer has no payload worth reading; the status says it all.
        break;
    }
    if (result.ok() && operation != SessionOperation::Create)
        refuseOutOfRange(operation, result);
}

} // namespace arr
