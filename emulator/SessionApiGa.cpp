#include "emulator/SessionApiGa.h"

#include "emulator/RequestBody.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace arr::emulator {

namespace {

// The one version the GA routes serve.
constexpr auto GaApiVersion = "2021-01-01"_L1;

// A session as the 2021-01-01 API describes it (SessionStore::gaSession() made it so): fields that
// do not apply yet (hostname, ports, teraflops before Ready) are absent, `error` is null unless the
// session failed.
QJsonObject encodeGaProperties(const arr::Session &session)
{
    QJsonObject object{
        {u"id"_s, session.id},
        {u"status"_s, session.statusText},
        {u"size"_s, session.size},
        {u"maxLeaseTimeMinutes"_s, session.maxLease.value_or(arr::TimeSpan()).totalMinutes()},
        // Rounded down to whole minutes.
        {u"elapsedTimeMinutes"_s, session.elapsed.value_or(arr::TimeSpan()).totalMinutes()},
        {u"creationTime"_s, session.creationTime.toUTC().toString(Qt::ISODate)},
        {u"error"_s, QJsonValue(QJsonValue::Null)},
    };
    if (!session.hostname.isEmpty())
        object.insert(u"hostname"_s, session.hostname);
    if (session.handshakePort)
        object.insert(u"handshakePort"_s, *session.handshakePort);
    if (session.arrInspectorPort)
        object.insert(u"arrInspectorPort"_s, *session.arrInspectorPort);
    if (session.teraflops)
        object.insert(u"teraflops"_s, *session.teraflops);
    if (session.status == arr::SessionStatus::Error) {
        object.insert(u"error"_s, QJsonObject{{u"code"_s, u"SessionFailed"_s}, {u"message"_s, session.message}});
    }
    return object;
}

// One page of the list, from the continuation token of the previous one (none: from the start).
HttpResponse gaList(
    const HttpRequest &request, const QString &accountId, SessionStore &store, int pageSize, const QUrl &baseUrl)
{
    constexpr auto TokenName = "continuationToken"_L1;
    const QStringList tokens = QUrlQuery(request.url).allQueryItemValues(TokenName, QUrl::FullyDecoded);
    quint64 after = 0;
    if (!tokens.isEmpty()) {
        bool ok = tokens.size() == 1 && !tokens.first().isEmpty();
        for (const QChar c : tokens.first())
            ok = ok && c >= u'0' && c <= u'9';
        if (ok)
            after = tokens.first().toULongLong(&ok);
        if (!ok) {
            return HttpResponse::error(ApiError{400, "BadRequest",
                u"%1 \"%2\" is not one this service gave out; list again from the start without it."_s.arg(
                    QString(TokenName), tokens.join(u","_s))});
        }
    }
    const SessionStore::GaPage page = store.listGa(accountId, after, pageSize);
    QJsonArray sessions;
    for (const arr::Session &session : page.sessions)
        sessions.append(encodeGaProperties(session));
    QJsonObject object{{u"sessions"_s, sessions}};
    if (page.next != 0) {
        // Absolute, on the host the client asked for (its Host header when that is a plain
        // host[:port]), so that following it reaches this server the way the client did.
        QUrl link = baseUrl;
        QUrl asked;
        asked.setAuthority(QString::fromLatin1(request.value("Host")), QUrl::StrictMode);
        if (asked.isValid() && !asked.host().isEmpty() && asked.userInfo().isEmpty()) {
            link.setHost(asked.host());
            link.setPort(asked.port());
        }
        link.setPath(request.url.path(QUrl::FullyEncoded), QUrl::TolerantMode);
        QUrlQuery query;
        query.addQueryItem(u"api-version"_s, GaApiVersion);
        query.addQueryItem(TokenName, QString::number(page.next));
        link.setQuery(query);
        object.insert(u"@nextLink"_s, link.toString(QUrl::FullyEncoded));
    }
    return HttpResponse::json(200, object);
}

} // namespace

std::optional<HttpResponse> checkGaApiVersion(const HttpRequest &request)
{
    const QStringList versions = QUrlQuery(request.url).allQueryItemValues(u"api-version"_s, QUrl::FullyDecoded);
    if (versions.isEmpty()) {
        return HttpResponse::error(ApiError{400, "BadRequest",
            u"The request has no api-version; add ?api-version=%1 to the address."_s.arg(GaApiVersion)});
    }
    if (versions.size() > 1 || versions.first() != GaApiVersion) {
        return HttpResponse::error(ApiError{400, "BadRequest",
            u"api-version \"%1\" is not served at %2; use api-version=%3 (the v1 API is under /v1)."_s.arg(
                versions.join(u","_s), request.url.path(), GaApiVersion)});
    }
    return std::nullopt;
}

HttpResponse answerGa(const Route &target, const HttpRequest &request, const QString &accountId, SessionStore &store,
    int pageSize, const QUrl &baseUrl)
{
    QString why;
    arr::Session session;
    switch (target.operation) {
    case Operation::Create: {
        const auto body = parseRequestObject(request.body, &why);
        if (!body)
            return HttpResponse::error(ApiError{400, "BadRequest", why});
        bool created = false;
        if (auto refusal = store.createGa(accountId, target.sessionId, *body, &created))
            return HttpResponse::error(*refusal);
        if (auto refusal = store.propertiesGa(accountId, target.sessionId, &session))
            return HttpResponse::error(*refusal);
        return HttpResponse::json(created ? 201 : 200, encodeGaProperties(session));
    }
    case Operation::Update: {
        // An unknown session (or an id that cannot be one) is refused whatever the body says.
        if (auto refusal = store.propertiesGa(accountId, target.sessionId, &session))
            return HttpResponse::error(*refusal);
        const auto body = parseRequestObject(request.body, &why);
        if (!body)
            return HttpResponse::error(ApiError{400, "BadRequest", why});
        if (auto refusal = store.updateGa(accountId, target.sessionId, *body))
            return HttpResponse::error(*refusal);
        store.propertiesGa(accountId, target.sessionId, &session);
        return HttpResponse::json(200, encodeGaProperties(session));
    }
    case Operation::Properties:
        if (auto refusal = store.propertiesGa(accountId, target.sessionId, &session))
            return HttpResponse::error(*refusal);
        return HttpResponse::json(200, encodeGaProperties(session));
    case Operation::Stop:
        if (auto refusal = store.stopGa(accountId, target.sessionId))
            return HttpResponse::error(*refusal);
        return HttpResponse::empty(204);
    case Operation::List:
        return gaList(request, accountId, store, pageSize, baseUrl);
    case Operation::Token:
    case Operation::None:
        break;
    }
    return HttpResponse::error(ApiError{500, "InternalServerError", u"The request was not routed."_s});
}

} // namespace arr::emulator
