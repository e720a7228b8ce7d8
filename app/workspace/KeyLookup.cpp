#include "workspace/KeyLookup.h"

#include "core/Account.h"
#include "storage/SecretStore.h"

namespace arr {

void lookUpAccountKey(
    SecretStore *secrets, const Account &account, QObject *context, std::function<void(const KeyLookup &)> done)
{
    secrets->read(
        accountSecretName(account.accountId), context, [secrets, done = std::move(done)](const SecretResult &result) {
            KeyLookup lookup;
            if (result.ok && !result.value.isEmpty()) {
                lookup.outcome = KeyLookup::Outcome::Found;
                lookup.key = result.value;
            } else if (!secrets->isPersistent()) {
                lookup.outcome = KeyLookup::Outcome::KeychainUnavailable;
            } else if (result.ok || result.notFound) {
                lookup.outcome = KeyLookup::Outcome::NotStored;
            } else {
                lookup.outcome = KeyLookup::Outcome::Failed;
                lookup.error = result.error;
            }
            done(lookup);
        });
}

} // namespace arr
