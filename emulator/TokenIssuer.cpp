#include "emulator/TokenIssuer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUuid>

#include <optional>

using namespace Qt::StringLiterals;

namespace arr::emulator {

namespace {

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
// Far beyond any token this issuer writes; longer input is refused before any decoding.
constexpr qsizetype MaximumTokenLength = 4096;

QByteArray encodePart(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(Base64Url);
}

QByteArray randomKey()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / 4);
    return key;
}

// Compares in time independent of where the first difference is.
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= uchar(a.at(i)) ^ uchar(b.at(i));
    return difference == 0;
}

struct Claims
{
    QString accountId;
    QString id;
    qint64 expiresAt = 0;
};

// The claims of a token signed with `key`; nullopt when it is not one.
std::optional<Claims> verify(const QByteArray &token, const QByteArray &key)
{
    if (token.size() > MaximumTokenLength)
        return std::nullopt;
    const qsizetype lastDot = token.lastIndexOf('.');
    if (lastDot < 0)
        return std::nullopt;
    const QByteArray signingInput = token.left(lastDot);
    const QByteArray expected
        = QMessageAuthenticationCode::hash(signingInput, key, QCryptographicHash::Sha256).toBase64(Base64Url);
    if (!sameBytes(token.mid(lastDot + 1), expected))
        return std::nullopt;
    const qsizetype firstDot = signingInput.indexOf('.');
    if (firstDot < 0)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(signingInput.mid(firstDot + 1), Base64Url);
    if (!decoded)
        return std::nullopt;
    const QJsonObject payload = QJsonDocument::fromJson(*decoded).object();
    const QJsonValue exp = payload.value("exp"_L1);
    if (!exp.isDouble() || !payload.value("accountId"_L1).isString())
        return std::nullopt;
    return Claims{payload.value("accountId"_L1).toString(), payload.value("jti"_L1).toString(), qint64(exp.toDouble())};
}

} // namespace

TokenIssuer::TokenIssuer()
    : m_key(randomKey())
{
}

QByteArray TokenIssuer::issue(const QString &accountId, const QDateTime &now, qint64 lifetimeMs)
{
    prune(now);
    const qint64 issuedAt = now.toSecsSinceEpoch();
    const qint64 expiresAt = (now.toMSecsSinceEpoch() + lifetimeMs) / 1000;
    const QJsonObject header{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}};
    const QJsonObject payload{
        {u"iss"_s, u"arr-emulator"_s},
        {u"aud"_s, u"https://sts.mixedreality.azure.com"_s},
        {u"accountId"_s, accountId},
        {u"jti"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {u"iat"_s, issuedAt},
        {u"nbf"_s, issuedAt},
        {u"exp"_s, expiresAt},
    };
    const QByteArray signingInput = encodePart(header) + '.' + encodePart(payload);
    const QByteArray signature = QMessageAuthenticationCode::hash(signingInput, m_key, QCryptographicHash::Sha256);
    return signingInput + '.' + signature.toBase64(Base64Url);
}

TokenIssuer::Check TokenIssuer::check(const QByteArray &token, const QDateTime &now) const
{
    const auto claims = verify(token, m_key);
    if (!claims || m_revoked.contains(claims->id))
        return {};
    const QDateTime expiry = QDateTime::fromSecsSinceEpoch(claims->expiresAt, Qt::UTC);
    const Verdict verdict = now < expiry ? Verdict::Valid : Verdict::Expired;
    return Check{verdict, claims->accountId, expiry};
}

void TokenIssuer::forget(const QByteArray &token)
{
    if (const auto claims = verify(token, m_key))
        m_revoked.insert(claims->id, claims->expiresAt);
}

void TokenIssuer::revokeAll()
{
    // No token signed with the old key verifies any more.
    m_key = randomKey();
    m_revoked.clear();
}

void TokenIssuer::prune(const QDateTime &now)
{
    // A revoked token that has expired is refused as expired anyway (with the same 401).
    const qint64 seconds = now.toSecsSinceEpoch();
    m_revoked.removeIf([seconds](const auto &entry) { return entry.value() <= seconds; });
}

} // namespace arr::emulator
