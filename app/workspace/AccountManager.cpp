#include "workspace/AccountManager.h"

#include "monitor/SessionMonitor.h"
#include "storage/AccountStore.h"
#include "storage/SecretStore.h"
#include "storage/Settings.h"
#include "workspace/KeyLookup.h"
#include "workspace/LocalEmulator.h"

using namespace Qt::StringLiterals;

namespace arr {

AccountManager::AccountManager(AccountStore *store, SecretStore *secrets, SessionMonitor *monitor,
    LocalEmulator *emulator, Settings *settings, EmulatorPolicy policy, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_monitor(monitor)
    , m_emulator(emulator)
    , m_settings(settings)
    , m_policy(policy)
{
    if (m_policy == EmulatorPolicy::AlwaysOn)
        m_emulatorEnabled = m_emulator != nullptr;
    else if (m_emulator && m_settings)
        m_emulatorEnabled = m_settings->contains(Settings::Key::LocalEmulatorEnabled)
            ? m_settings->value(Settings::Key::LocalEmulatorEnabled).toBool()
            : m_store->accounts().isEmpty();

    m_syncTimer.setSingleShot(true);
    m_syncTimer.setInterval(0);
    connect(&m_syncTimer, &QTimer::timeout, this, &AccountManager::sync);
    connect(m_store, &AccountStore::accountsChanged, this, [this] {
        Q_EMIT savedAccountsChanged();
        sync();
    });
    if (m_emulator) {
        connect(m_emulator, &LocalEmulator::started, this, [this] {
            m_emulatorProblem.clear();
            m_problemsChanged = true;
            sync();
        });
        connect(m_emulator, &LocalEmulator::failed, this, [this](const QString &why) {
            m_emulatorProblem = why;
            m_problemsChanged = true;
            sync();
        });
    }
    connect(m_secrets, &SecretStore::persistenceLost, this, [this](const QString &reason) {
        m_keyStorageProblem = reason;
        Q_EMIT keyStorageLost(reason);
    });
}

AccountManager::~AccountManager() = default;

void AccountManager::start()
{
    m_started = true;
    sync();
}

QList<Account> AccountManager::savedAccounts() const
{
    return m_store->accounts();
}

bool AccountManager::isLoading() const
{
    const bool emulatorStarting
        = m_emulatorEnabled && m_emulator && m_emulator->state() == LocalEmulator::State::Starting;
    return !m_started || !m_pendingReads.isEmpty() || emulatorStarting;
}

bool AccountManager::isEmulatorEnabled() const
{
    return m_emulatorEnabled;
}

void AccountManager::setEmulatorEnabled(bool enabled)
{
    if (!m_emulator || m_policy == EmulatorPolicy::AlwaysOn || enabled == m_emulatorEnabled)
        return;
    m_emulatorEnabled = enabled;
    if (m_settings)
        m_settings->setValue(Settings::Key::LocalEmulatorEnabled, enabled);
    if (!enabled) {
        m_emulator->stop();
        m_emulatorProblem.clear();
        m_problemsChanged = true;
    }
    sync();
}

void AccountManager::restartEmulator()
{
    if (!m_emulator || !m_emulatorEnabled)
        return;
    m_emulator->start();
    m_emulatorProblem.clear();
    m_problemsChanged = true;
    sync();
}

QList<Account> AccountManager::activeAccounts() const
{
    QList<Account> accounts;
    // A crashed emulator stays listed, so that it shows as unreachable until it is started again.
    if (m_emulatorEnabled && m_emulator && m_emulator->hasAccount())
        accounts.append(m_emulator->account());
    for (const Account &account : m_store->accounts()) {
        if (account.enabled)
            accounts.append(account);
    }
    return accounts;
}

QString AccountManager::identityOf(const QString &name) const
{
    if (const auto applied = m_applied.constFind(name); applied != m_applied.constEnd())
        return applied->account.identity();
    if (const auto run = m_runAccounts.constFind(name); run != m_runAccounts.constEnd())
        return run->identity();
    if (const std::optional<Account> saved = m_store->find(name))
        return saved->identity();
    return name;
}

bool AccountManager::keysArePersistent() const
{
    return m_secrets->isPersistent();
}

QString AccountManager::keyProblemLine(const QString &accountName) const
{
    const KeyTrouble trouble = m_keyProblems.value(accountName);
    switch (trouble.kind) {
    case KeyProblem::None:
        return {};
    case KeyProblem::NotStored:
        return tr("No key is stored for %1: open Accounts, edit it and enter its key.").arg(accountName);
    case KeyProblem::NotKnownThisRun:
        return tr("The key of %1 is not known in this run (keys cannot be saved without a keychain): open "
                  "Accounts, edit it and enter its key.")
            .arg(accountName);
    case KeyProblem::Unreadable:
        return tr("The key of %1 could not be read: %2").arg(accountName, trouble.detail);
    case KeyProblem::NotSaved:
        return tr("The key of %1 could not be stored: %2").arg(accountName, trouble.detail);
    }
    return {};
}

QStringList AccountManager::problemDetails() const
{
    QStringList details = m_store->loadProblems();
    if (!m_emulatorProblem.isEmpty())
        details.append(m_emulatorProblem);
    for (const Account &account : m_store->accounts()) {
        if (account.enabled)
            details.append(keyProblemLine(account.name));
    }
    details.removeAll(QString());
    return details;
}

QStringList AccountManager::problems() const
{
    // Names listed in a summary before "and N more".
    constexpr int NamesShown = 5;
    QStringList problems;
    const QStringList loadProblems = m_store->loadProblems();
    if (loadProblems.size() == 1)
        problems.append(loadProblems);
    else if (loadProblems.size() > 1)
        problems.append(
            tr("%n saved accounts could not be read; the details list them.", nullptr, int(loadProblems.size())));
    if (!m_emulatorProblem.isEmpty())
        problems.append(m_emulatorProblem);

    QHash<KeyProblem, QStringList> namesByKind;
    for (const Account &account : m_store->accounts()) {
        const KeyProblem kind = m_keyProblems.value(account.name).kind;
        if (account.enabled && kind != KeyProblem::None)
            namesByKind[kind].append(account.name);
    }
    for (KeyProblem kind :
        {KeyProblem::NotStored, KeyProblem::NotKnownThisRun, KeyProblem::Unreadable, KeyProblem::NotSaved}) {
        const QStringList names = namesByKind.value(kind);
        if (names.size() == 1) {
            problems.append(keyProblemLine(names.constFirst()));
            continue;
        }
        if (names.isEmpty())
            continue;
        QString listed = names.mid(0, NamesShown).join(u", "_s);
        if (names.size() > NamesShown)
            listed = tr("%1 and %n more", nullptr, int(names.size() - NamesShown)).arg(listed);
        const int count = int(names.size());
        switch (kind) {
        case KeyProblem::NotStored:
            problems.append(
                tr("%n accounts have no key: %1. Open Accounts, edit each and enter its key.", nullptr, count)
                    .arg(listed));
            break;
        case KeyProblem::NotKnownThisRun:
            problems.append(tr("%n accounts have no key in this run (keys cannot be saved without a keychain): "
                               "%1. Open Accounts, edit each and enter its key.",
                nullptr, count)
                                .arg(listed));
            break;
        case KeyProblem::Unreadable:
            problems.append(tr("The keys of %n accounts could not be read: %1.", nullptr, count).arg(listed));
            break;
        case KeyProblem::NotSaved:
            problems.append(tr("The keys of %n accounts could not be stored: %1.", nullptr, count).arg(listed));
            break;
        case KeyProblem::None:
            break;
        }
    }
    return problems;
}

QString AccountManager::validate(const Account &account, const QString &previousName, const QString &key) const
{
    const QString name = account.name.trimmed();
    if (name.isEmpty())
        return tr("Give the account a name.");
    if (name.compare(LocalEmulator::accountName(), Qt::CaseInsensitive) == 0)
        return tr("The name \"%1\" is kept for the built-in emulator; choose another.").arg(name);
    const bool renaming = previousName.isEmpty() || name.compare(previousName, Qt::CaseInsensitive) != 0;
    if (renaming && m_store->find(name))
        return tr("There is already an account named \"%1\".").arg(name);
    if (const QString problem = account.validationError(); !problem.isEmpty())
        return problem;
    const QString trimmedKey = key.trimmed();
    if (trimmedKey.contains(u' ') || trimmedKey.contains(u'\t'))
        return tr("The account key contains spaces; paste it again exactly as the portal shows it.");
    if (const QString problem = accountKeyError(trimmedKey); !trimmedKey.isEmpty() && !problem.isEmpty())
        return problem;
    if (trimmedKey.isEmpty()) {
        const std::optional<Account> previous = previousName.isEmpty() ? std::nullopt : m_store->find(previousName);
        if (!previous)
            return tr("Enter the account key.");
        if (previous->accountId.trimmed().compare(account.accountId.trimmed(), Qt::CaseInsensitive) != 0)
            return tr("The account id changed: enter the key of the new account id.");
    }
    return {};
}

QString AccountManager::saveAccount(const Account &account, const QString &previousName, const QString &key)
{
    if (const QString problem = validate(account, previousName, key); !problem.isEmpty())
        return problem;
    Account cleaned = account;
    cleaned.name = cleaned.name.trimmed();
    cleaned.accountId = cleaned.accountId.trimmed();
    const QString trimmedKey = key.trimmed();
    const QString secretName = accountSecretName(cleaned.accountId);
    if (!trimmedKey.isEmpty()) {
        // Known at once, so that the monitor can use it before the keychain has answered.
        m_keys.insert(secretName, trimmedKey);
        m_keyProblems.remove(cleaned.name);
        m_keyProblems.remove(previousName);
    }
    if (const QString problem = m_store->save(cleaned, previousName); !problem.isEmpty())
        return problem;
    if (!trimmedKey.isEmpty()) {
        const QString name = cleaned.name;
        m_secrets->write(secretName, trimmedKey, this, [this, name](const SecretResult &result) {
            if (!result.ok)
                setKeyProblem(name, KeyProblem::NotSaved, result.error);
        });
    }
    Q_EMIT problemsChanged();
    return {};
}

void AccountManager::removeAccount(const QString &name)
{
    const std::optional<Account> account = m_store->find(name);
    if (!account)
        return;
    m_keyProblems.remove(account->name);
    m_store->remove(account->name);
    bool idStillUsed = false;
    for (const Account &other : m_store->accounts())
        idStillUsed = idStillUsed || other.accountId.compare(account->accountId, Qt::CaseInsensitive) == 0;
    if (!idStillUsed) {
        const QString secretName = accountSecretName(account->accountId);
        m_keys.remove(secretName);
        m_secrets->remove(secretName, this, [this, name = account->name](const SecretResult &result) {
            if (!result.ok)
                setKeyProblem(name, KeyProblem::Unreadable, result.error);
        });
    }
    Q_EMIT problemsChanged();
}

void AccountManager::setAccountEnabled(const QString &name, bool enabled)
{
    m_store->setEnabled(name, enabled);
}

void AccountManager::setKeyProblem(const QString &accountName, KeyProblem kind, const QString &detail)
{
    const KeyTrouble current = m_keyProblems.value(accountName);
    if (current.kind == kind && current.detail == detail)
        return;
    if (kind == KeyProblem::None)
        m_keyProblems.remove(accountName);
    else
        m_keyProblems.insert(accountName, KeyTrouble{kind, detail});
    m_problemsChanged = true;
    syncSoon();
}

void AccountManager::syncSoon()
{
    m_syncTimer.start();
}

void AccountManager::readKey(const Account &account)
{
    const QString secretName = accountSecretName(account.accountId);
    if (m_pendingReads.contains(secretName))
        return;
    m_pendingReads.insert(secretName);
    lookUpAccountKey(m_secrets, account, this, [this, secretName, name = account.name](const KeyLookup &lookup) {
        m_pendingReads.remove(secretName);
        if (m_keys.contains(secretName)) {
            // A key entered while the read was under way is the newer one.
            syncSoon();
            return;
        }
        m_keys.insert(secretName, lookup.key);
        switch (lookup.outcome) {
        case KeyLookup::Outcome::Found:
            setKeyProblem(name, KeyProblem::None);
            break;
        case KeyLookup::Outcome::NotStored:
            setKeyProblem(name, KeyProblem::NotStored);
            break;
        case KeyLookup::Outcome::KeychainUnavailable:
            setKeyProblem(name, KeyProblem::NotKnownThisRun);
            break;
        case KeyLookup::Outcome::Failed:
            setKeyProblem(name, KeyProblem::Unreadable, lookup.error);
            break;
        }
        syncSoon();
    });
}

void AccountManager::sync()
{
    m_syncTimer.stop();
    if (!m_started)
        return;
    // Started once on first use; after a failure only when the user asks (restartEmulator()).
    if (m_emulatorEnabled && m_emulator && m_emulator->state() == LocalEmulator::State::NotStarted)
        m_emulator->start();

    const QList<Account> desired = activeAccounts();
    QSet<QString> desiredNames;
    for (const Account &account : desired)
        desiredNames.insert(account.name);

    bool changed = false;
    const QStringList appliedNames = m_applied.keys();
    for (const QString &name : appliedNames) {
        if (!desiredNames.contains(name)) {
            m_monitor->removeAccount(name);
            m_applied.remove(name);
            changed = true;
        }
    }

    for (const Account &account : desired) {
        QString key;
        if (m_emulator && account.name == LocalEmulator::accountName()) {
            key = m_emulator->key();
        } else {
            const QString secretName = accountSecretName(account.accountId);
            const auto known = m_keys.constFind(secretName);
            if (known == m_keys.constEnd()) {
                readKey(account);
                continue;
            }
            key = *known;
        }
        const auto applied = m_applied.constFind(account.name);
        if (applied != m_applied.constEnd() && applied->account == account && applied->key == key)
            continue;
        // An empty key is handed on too: the monitor reports the account as misconfigured, which the
        // status bar shows, rather than leaving it out silently.
        m_monitor->addAccount(account, key);
        m_applied.insert(account.name, Applied{account, key});
        changed = true;
    }
    if (changed)
        Q_EMIT activeAccountsChanged();
    if (std::exchange(m_problemsChanged, false))
        Q_EMIT problemsChanged();
    const bool loading = isLoading();
    if (m_reportedLoading && !loading)
        Q_EMIT loadingFinished();
    m_reportedLoading = loading;
}

} // namespace arr
