#pragma once

#include "core/Account.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

namespace arr {

class AccountStore;
class LocalEmulator;
class SecretStore;
class SessionMonitor;
class Settings;

// Keeps the monitor's accounts in step with what the user set up: the saved accounts that are
// enabled (keys read from the secret store) and, when switched on, the built-in local emulator.
// The accounts dialog edits through here, so that an account's settings go to the AccountStore and
// its key to the SecretStore only, never to a settings file. Knows no widgets.
class AccountManager : public QObject
{
    Q_OBJECT

public:
    enum class EmulatorPolicy {
        // On or off as the user chose (saved); on at first start when no account is saved.
        FromSettings,
        // Demo mode: always on, and the choice is not saved.
        AlwaysOn,
    };

    AccountManager(AccountStore *store, SecretStore *secrets, SessionMonitor *monitor, LocalEmulator *emulator,
        Settings *settings, EmulatorPolicy policy, QObject *parent = nullptr);
    ~AccountManager() override;

    // Hands the enabled accounts to the monitor. Call once the window is connected to the monitor.
    void start();
    // True until start() and, after it, while keys of saved accounts are still being read: what
    // the monitor has is not yet what the user set up.
    bool isLoading() const;

    AccountStore *store() const { return m_store; }
    SecretStore *secrets() const { return m_secrets; }
    QList<Account> savedAccounts() const;
    // What the monitor polls: the emulator (when on and running) first, then the enabled saved
    // accounts.
    QList<Account> activeAccounts() const;

    // The identity (Account::identity()) of the account called `name`: the one the monitor polls under
    // that name, else one for this run, else the saved one; the name itself for an account none knows.
    QString identityOf(const QString &name) const;
    // An account a front end was given for this run only: known by its name, never saved or polled.
    void addAccountForThisRun(const Account &account) { m_runAccounts.insert(account.name, account); }

    bool hasEmulator() const { return m_emulator != nullptr; }
    bool isEmulatorEnabled() const;
    bool isEmulatorForced() const { return m_policy == EmulatorPolicy::AlwaysOn; }
    void setEmulatorEnabled(bool enabled);
    // Why the local emulator is not running (it did not start, or it stopped); empty while it runs.
    QString emulatorProblem() const { return m_emulatorProblem; }
    // Starts the local emulator again after it failed or stopped.
    void restartEmulator();

    // Empty when `account` (with `key`, which may be empty when editing and keeping the stored key)
    // can be saved in place of the account named `previousName` (empty for a new account);
    // otherwise a sentence saying what to change.
    QString validate(const Account &account, const QString &previousName, const QString &key) const;
    // Saves the account, and the key (when not empty) to the secret store. Returns an error, or empty.
    QString saveAccount(const Account &account, const QString &previousName, const QString &key);
    // Removes the account and, unless another account uses the same account id, its key.
    void removeAccount(const QString &name);
    void setAccountEnabled(const QString &name, bool enabled);

    // False while keys are kept in memory only (no keychain, or a test's memory store).
    bool keysArePersistent() const;
    // Why keys are not persistent, once the secret store has said so.
    QString keyStorageProblem() const { return m_keyStorageProblem; }
    // Things the user should fix: saved accounts that could not be read, missing keys, an emulator
    // that could not start. One sentence per problem, however many accounts share it ("37 accounts
    // have no key: …"), so that a list of hundreds stays short.
    QStringList problems() const;
    // Every problem of every account, one line each: what the short list leaves out.
    QStringList problemDetails() const;

Q_SIGNALS:
    void activeAccountsChanged();
    // isLoading() turned false.
    void loadingFinished();
    void savedAccountsChanged();
    void keyStorageLost(const QString &reason);
    void problemsChanged();

private:
    enum class KeyProblem { None, NotStored, NotKnownThisRun, Unreadable, NotSaved };

    void sync();
    // Syncs once the events already queued are handled: a burst of keychain answers (hundreds of
    // accounts at start-up) ends in one sync and one problemsChanged, not one per answer.
    void syncSoon();
    void readKey(const Account &account);
    void setKeyProblem(const QString &accountName, KeyProblem kind, const QString &detail = {});
    QString keyProblemLine(const QString &accountName) const;

    struct Applied
    {
        Account account;
        QString key;
    };

    AccountStore *m_store;
    SecretStore *m_secrets;
    SessionMonitor *m_monitor;
    LocalEmulator *m_emulator;
    Settings *m_settings;
    EmulatorPolicy m_policy;
    bool m_started = false;
    // isLoading() as last reported, so that loadingFinished() is sent once per load.
    bool m_reportedLoading = true;
    bool m_emulatorEnabled = false;
    QString m_emulatorProblem;
    QString m_keyStorageProblem;
    // Keys read or written this run, by secret name; memory only.
    QHash<QString, QString> m_keys;
    QSet<QString> m_pendingReads;
    struct KeyTrouble
    {
        KeyProblem kind = KeyProblem::None;
        // The keychain's own words, for Unreadable and NotSaved.
        QString detail;
    };
    // Accounts whose key is missing or unreadable.
    QHash<QString, KeyTrouble> m_keyProblems;
    QTimer m_syncTimer;
    bool m_problemsChanged = false;
    QHash<QString, Applied> m_applied;
    QHash<QString, Account> m_runAccounts;
};

} // namespace arr
