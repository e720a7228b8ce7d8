#include "emulator/BearerAuth.h"

namespace arr::emulator {

namespace {

// The realm named in WWW-Authenticate.
constexpr char Realm[] = "arr-emulator";

} // namespace

std::optional<QByteArray> bearerCredentials(const HttpRequest &request)
{
    const QByteArray header = request.value("Authorization").trimmed();
    constexpr qsizetype SchemeLength = 6;
    if (header.size() <= SchemeLength || header.left(SchemeLength).toLower() != "bearer"
        || (header.at(SchemeLength) != ' ' && header.at(SchemeLength) != '\t'))
        return std::nullopt;
    return header.mid(SchemeLength).trimmed();
}

QByteArray bearerChallenge(const QByteArray &error, const QString &description)
{
    QByteArray challenge = QByteArray("Bearer realm=\"") + Realm + '"';
    if (!error.isEmpty()) {
        QString quoted = description;
        quoted.replace(u'"', u'\'');
        challenge += ", error=\"" + error + "\", error_description=\"" + quoted.toUtf8() + '"';
    }
    return challenge;
}

HttpResponse unauthorized(const QString &message, const QByteArray &error)
{
    HttpResponse response = HttpResponse::error(ApiError{401, "Unauthorized", message});
    response.setHeader("WWW-Authenticate", bearerChallenge(error, message));
    return response;
}

} // namespace arr::emulator
