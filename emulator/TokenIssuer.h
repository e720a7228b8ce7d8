#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

namespace arr::emulator {

// The emulator's token service: issues JWTs for an account and accepts exactly the tokens it
// issued, until they expire or are revoked. A token is self-contained: its HS256 signature (with a
// key that lives as long as the issuer) proves it was issued here, and its claims carry the account
// and the expiry, so nothing is stored per token issued; only tokens revoked one by one are
// remembered, until they expire. Revoking every token replaces the key.
class TokenIssuer
{
public:
    TokenIssuer();

    // A new token for `accountId`, valid until `now` + `lifetimeMs` (rounded down to the second, the
    // precision of the `exp` claim).
    QByteArray issue(const QString &accountId, const QDateTime &now, qint64 lifetimeMs);

    enum class Verdict {
        Valid,
        Unknown, // not issued by this issuer (or not since revokeAll()), garbled, or revoked
        Expired,
    };
    struct Check
    {
        Verdict verdict = Verdict::Unknown;
        QString accountId;
        QDateTime expiry;
    };
    Check check(const QByteArray &token, const QDateTime &now) const;

    // Revokes one token (a token whose answer never reached the client).
    void forget(const QByteArray &token);
    // Every token issued so far becomes unknown.
    void revokeAll();
    // Tokens revoked one by one and not yet expired: all the issuer remembers.
    qsizetype revokedCount() const { return m_revoked.size(); }

private:
    void prune(const QDateTime &now);

    QByteArray m_key;
    // Revoked tokens' `jti` claims, with their expiry (seconds since the epoch).
    QHash<QString, qint64> m_revoked;
};

} // namespace arr::emulator
