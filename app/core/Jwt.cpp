#include "core/Jwt.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

std::optional<QDateTime> fail(QString *error, const char *why)
{
    if (error)
        *error = QCoreApplication::translate("arr::Jwt", why);
    return std::nullopt;
}

} // namespace

std::optional<QDateTime> jwtExpiry(const QByteArray &token, QString *error)
{
    constexpr qsizetype MaximumTokenSize = 64 * 1024;
    if (token.size() > MaximumTokenSize)
        return fail(error, "The access token is too large to be a JWT.");
    const QList<QByteArray> parts = token.trimmed().split('.');
    if (parts.size() != 3 || parts.at(1).isEmpty())
        return fail(error, "The access token is not a JWT (three dot-separated parts).");

    const auto decoded = QByteArray::fromBase64Encoding(
        parts.at(1), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return fail(error, "The access token's payload is not base64url.");

    QJsonParseError parseError;
    const QJsonDocument payload = QJsonDocument::fromJson(*decoded, &parseError);
    if (parseError.error != QJsonParseError::NoError || !payload.isObject())
        return fail(error, "The access token's payload is not a JSON object.");

    const QJsonValue exp = payload.object().value("exp"_L1);
    if (!exp.isDouble())
        return fail(error, "The access token has no expiry time (\"exp\").");
    const double seconds = exp.toDouble();
    // Beyond year 9999 QDateTime cannot represent it; such a token is as good as broken.
    constexpr double LatestSeconds = 253402300799.0;
    if (!std::isfinite(seconds) || seconds < 0 || seconds > LatestSeconds)
        return fail(error, "The access token's expiry time is out of range.");
    return QDateTime::fromSecsSinceEpoch(qint64(seconds), Qt::UTC);
}

} // namespace arr
