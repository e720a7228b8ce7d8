#include "emulator/SessionApiV1.h"

#include "core/JsonCodec.h"
#include "emulator/RequestBody.h"
#include "emulator/SessionListWriter.h"

#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace arr::emulator {

HttpResponse answerV1(const Route &target, const HttpRequest &request, const QString &accountId, SessionStore &store)
{
    const auto readBody = [&request](QString *why) { return parseRequestObject(request.body, why); };

    switch (target.operation) {
    case Operation::Create: {
        QString why;
        const auto body = readBody(&why);
        if (!body)
            return HttpResponse::error(ApiError{400, "BadRequest", why});
        QString sessionId;
        if (auto refusal = store.create(accountId, *body, &sessionId))
            return HttpResponse::error(*refusal);
        HttpResponse response = HttpResponse::json(202, QJsonObject{{u"sessionId"_s, sessionId}});
        response.setHeader(
            "Location", "accounts/" + QUrl::toPercentEncoding(accountId) + "/sessions/" + sessionId.toLatin1());
        return response;
    }
    case Operation::Update: {
        QString why;
        const auto body = readBody(&why);
        // An unknown session is 404 whatever the body says.
        arr::Session existing;
        if (auto refusal = store.properties(accountId, target.sessionId, &existing))
            return HttpResponse::error(*refusal);
        if (!body)
            return HttpResponse::error(ApiError{400, "BadRequest", why});
        if (auto refusal = store.update(accountId, target.sessionId, *body))
            return HttpResponse::error(*refusal);
        return HttpResponse::empty(200);
    }
    case Operation::List:
        // Written straight to text: thousands of sessions without a document tree in between.
        return HttpResponse::jsonText(200, encodeSessionList(store.list(accountId)));
    case Operation::Properties: {
        arr::Session session;
        if (auto refusal = store.properties(accountId, target.sessionId, &session))
            return HttpResponse::error(*refusal);
        return HttpResponse::json(200, arr::v1::encodeProperties(session));
    }
    case Operation::Stop: {
        if (auto refusal = store.stop(accountId, target.sessionId))
            return HttpResponse::error(*refusal);
        return HttpResponse::empty(204);
    }
    case Operation::Token:
    case Operation::None:
        break;
    }
    return HttpResponse::error(ApiError{500, "InternalServerError", u"The request was not routed."_s});
}

} // namespace arr::emulator
