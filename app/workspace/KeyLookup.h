#pragma once

#include <QString>

#include <functional>

class QObject;

namespace arr {

struct Account;
class SecretStore;

// How reading a saved account's key from the secret store ended. The desktop app and arrsm read keys
// the same way and word the outcome each for their own user.
struct KeyLookup
{
    enum class Outcome {
        Found,
        // The keychain answered and holds no key for the account.
        NotStored,
        // No keychain: only keys entered in this very process are known, and this one was not.
        KeychainUnavailable,
        // The keychain failed; `error` says how.
        Failed,
    };
    Outcome outcome = Outcome::Failed;
    QString key;
    QString error;
};

// Reads the key of `account` (stored under its account id) and calls `done` once, unless `context`
// is gone by then.
void lookUpAccountKey(
    SecretStore *secrets, const Account &account, QObject *context, std::function<void(const KeyLookup &)> done);

} // namespace arr
