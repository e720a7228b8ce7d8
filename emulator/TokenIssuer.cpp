#include "emulator/TokenIssuer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr::emulator {

namespace {

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray encodePart(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(Base64Url);
}

// Expired tokens are remembered this long after expiry, so that using one is answered "expired"
// rather than "unknown"; after that they are forgotten to bound memory.
constexpr qint64 ExpiredMemorySeconds = 24 * 3600;

} // namespace

TokenIssuer::TokenIssuer()
    : m_key(32, Qt::Uninitialized)
{
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_key.data()), m_key.size() / 4);
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
    const QByteArray token = signingInput + '.' + signature.toBase64(Base64Url);
    m_tokens.insert(token, Issued{accountId, QDateTime::fromSecsSinceEpoch(expiresAt, Qt::UTC)});
    return token;
}

TokenIssuer::Check TokenIssuer::check(const QByteArray &token, const QDateTime &now) const
{
    const auto it = m_tokens.constFind(token);
    if (it == m_tokens.constEnd())
        return {};
    const Verdict verdict = now < it->expiry ? Verdict::Valid : Verdict::Expired;
    return Check{verdict, it->accountId, it->expiry};
}

void TokenIssuer::forget(const QByteArray &token)
{
    m_tokens.remove(token);
}

void TokenIssuer::revokeAll()
{
    m_tokens.clear();
}

void TokenIssuer::prune(const QDateTime &now)
{
    // Amortised: a scan only when the table has doubled since the last one.
    if (m_tokens.size() < m_pruneThreshold)
        return;
    const QDateTime horizon = now.addSecs(-ExpiredMemorySeconds);
    m_tokens.removeIf([&horizon](const auto &entry) { return entry.value().expiry < horizon; });
    m_pruneThreshold = std::max<qsizetype>(1024, 2 * m_tokens.size());
}

} // namespace arr::emulator
