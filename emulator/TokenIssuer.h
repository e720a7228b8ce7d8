#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

namespace arr::emulator {

// The emulator's token service: issues JWTs for an account and remembers them, so that the session
// API accepts exactly the tokens it issued, until they expire or are revoked. The signature is a
// real HMAC-SHA256 with a key that lives as long as the issuer, though nothing but the issuer ever
// checks it.
class TokenIssuer
{
public:
    TokenIssuer();

    // A new token for `accountId`, valid until `now` + `lifetimeMs` (rounded down to the second, the
    // precision of the `exp` claim).
    QByteArray issue(const QString &accountId, const QDateTime &now, qint64 lifetimeMs);

    enum class Verdict {
        Valid,
        Unknown, // never issued, or revoked
        Expired,
    };
    struct Check
    {
        Verdict verdict = Verdict::Unknown;
        QString accountId;
        QDateTime expiry;
    };
    Check check(const QByteArray &token, const QDateTime &now) const;

    // Forgets one token (a token whose answer never reached the client).
    void forget(const QByteArray &token);
    // Every token issued so far becomes unknown.
    void revokeAll();

private:
    struct Issued
    {
        QString accountId;
        QDateTime expiry;
    };
    void prune(const QDateTime &now);

    QByteArray m_key;
    QHash<QByteArray, Issued> m_tokens;
    qsizetype m_pruneThreshold = 1024;
};

} // namespace arr::emulator
