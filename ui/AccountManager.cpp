#include "ui/AccountManager.h"

#include "monitor/SessionMonitor.h"
#include "storage/AccountStore.h"
#include "storage/SecretStore.h"
#include "storage/Settings.h"
#include "ui/LocalEmulator.h"

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// Kept in the settings file's "ui/" group: the typed table holds the monitor's and table's keys.
const QString EmulatorEnabledKey = u"ui/localEmulatorEnabled"_s;

} // namespace

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
        m_emulatorEnabled = m_settings->raw().value(EmulatorEnabledKey, m_store->accounts().isEmpty()).toBool();

    connect(m_store, &AccountStore::accountsChanged, this, [this] {
        Q_EMIT savedAccountsChanged();
        sync();
    });
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
        m_settings->raw().setValue(EmulatorEnabledKey, enabled);
    sync();
}

QList<Account> AccountManager::activeAccounts() const
{
    QList<Account> accounts;
    if (m_emulatorEnabled && m_emulator && m_emulator->isRunning())
        accounts.append(m_emulator->account());
    for (const Account &account : m_store->accounts()) {
        if (account.enabled)
            accounts.append(account);
    }
    return accounts;
}

QStringList AccountManager::activeAccountNames() const
{
    QStringList names;
    for (const Account &account : activeAccounts())
        names.append(account.name);
    return names;
}

bool AccountManager::keysArePersistent() const
{
    return m_secrets->isPersistent();
}

QStringList AccountManager::problems() const
{
    QStringList problems = m_store->loadProblems();
    if (!m_emulatorProblem.isEmpty())
        problems.append(m_emulatorProblem);
    for (const Account &account : m_store->accounts()) {
        const QString problem = m_keyProblems.value(account.name);
        if (account.enabled && !problem.isEmpty())
            problems.append(problem);
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
                setKeyProblem(name, tr("The key of %1 could not be stored: %2").arg(name, result.error));
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
                setKeyProblem(name, result.error);
        });
    }
    Q_EMIT problemsChanged();
}

void AccountManager::setAccountEnabled(const QString &name, bool enabled)
{
    m_store->setEnabled(name, enabled);
}

void AccountManager::setKeyProblem(const QString &accountName, const QString &problem)
{
    if (m_keyProblems.value(accountName) == problem)
        return;
    if (problem.isEmpty())
        m_keyProblems.remove(accountName);
    else
        m_keyProblems.insert(accountName, problem);
    Q_EMIT problemsChanged();
}

void AccountManager::readKey(const Account &account)
{
    const QString secretName = accountSecretName(account.accountId);
    if (m_pendingReads.contains(secretName))
        return;
    m_pendingReads.insert(secretName);
    m_secrets->read(secretName, this, [this, secretName, name = account.name](const SecretResult &result) {
        m_pendingReads.remove(secretName);
        if (m_keys.contains(secretName)) {
            // A key entered while the read was under way is the newer one.
            sync();
            return;
        }
        m_keys.insert(secretName, result.ok ? result.value : QString());
        if (result.ok) {
            setKeyProblem(name, {});
        } else if (result.notFound) {
            setKeyProblem(name,
                m_secrets->isPersistent()
                    ? tr("No key is stored for %1: open Accounts, edit it and enter its key.").arg(name)
                    : tr("The key of %1 is not known in this run (keys cannot be saved without a keychain): "
                         "open Accounts, edit it and enter its key.")
                          .arg(name));
        } else {
            setKeyProblem(name, tr("The key of %1 could not be read: %2").arg(name, result.error));
        }
        sync();
    });
}

void AccountManager::sync()
{
    if (!m_started)
        return;
    if (m_emulatorEnabled && m_emulator && !m_emulator->isRunning()) {
        m_emulatorProblem = m_emulator->start() ? QString() : m_emulator->errorString();
        Q_EMIT problemsChanged();
    }

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
    const bool loading = isLoading();
    if (m_reportedLoading && !loading)
        Q_EMIT loadingFinished();
    m_reportedLoading = loading;
}

} // namespace arr
