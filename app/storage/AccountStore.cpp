#include "storage/AccountStore.h"

#include "core/SafeText.h"

#include <QSettings>

#include <variant>

using namespace Qt::StringLiterals;

namespace arr {

AccountStore::AccountStore(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    load();
}

void AccountStore::load()
{
    m_accounts.clear();
    m_unloaded.clear();
    m_loadProblems.clear();
    const int count = m_settings->beginReadArray(u"accounts"_s);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        Account account;
        account.name = m_settings->value(u"name"_s).toString().trimmed();
        account.accountId = m_settings->value(u"accountId"_s).toString().trimmed();
        account.endpoint = QUrl(m_settings->value(u"endpoint"_s).toString());
        account.tokenEndpoint = QUrl(m_settings->value(u"tokenEndpoint"_s).toString());
        account.enabled = m_settings->value(u"enabled"_s, true).toBool();
        account.readOnly = m_settings->value(u"readOnly"_s, false).toBool();
        // Unreadable numbers become 0 (no alert) and a number out of range is reported below.
        account.dailyBudget = m_settings->value(u"dailyBudget"_s, 0.0).toDouble();
        account.longRunningHours = m_settings->value(u"longRunningHours"_s, 0).toInt();
        // Accounts saved before versions existed are v1; a version this build does not know is
        // reported rather than guessed.
        const QString version = m_settings->value(u"apiVersion"_s, apiVersionName(ApiVersion::V1)).toString();
        const std::optional<ApiVersion> parsedVersion = parseApiVersion(version);
        if (!parsedVersion) {
            m_loadProblems.append(tr("Saved account %1 (\"%2\") was not loaded: its API version \"%3\" is unknown.")
                                      .arg(i + 1)
                                      .arg(safeText(account.name, MaximumAccountNameLength), safeText(version, 40)));
            keepUnloaded(i);
            continue;
        }
        account.apiVersion = *parsedVersion;
        // A name that breaks the rules (a line break, a text-direction mark, thousands of characters)
        // is reported, shown safely, and not loaded: it would break the banner and the status bar.
        const QString problem = account.validationError();
        if (!problem.isEmpty()) {
            m_loadProblems.append(tr("Saved account %1 (\"%2\") was not loaded: %3")
                                      .arg(i + 1)
                                      .arg(safeText(account.name, MaximumAccountNameLength), problem));
            keepUnloaded(i);
            continue;
        }
        if (find(account.name)) {
            m_loadProblems.append(tr("Saved account \"%1\" appears twice; the second was ignored.").arg(account.name));
            keepUnloaded(i);
            continue;
        }
        m_accounts.append(account);
    }
    m_settings->endArray();
}

void AccountStore::keepUnloaded(qsizetype index)
{
    UnloadedEntry entry;
    entry.index = index;
    const QStringList keys = m_settings->allKeys();
    for (const QString &key : keys)
        entry.values.append({key, m_settings->value(key)});
    m_unloaded.append(entry);
}

void AccountStore::store()
{
    // The loaded accounts in their order, with each entry that did not load back at its place.
    QList<const Account *> loaded;
    for (const Account &account : std::as_const(m_accounts))
        loaded.append(&account);
    QList<std::variant<const Account *, const UnloadedEntry *>> entries(loaded.cbegin(), loaded.cend());
    for (const UnloadedEntry &unloaded : std::as_const(m_unloaded))
        entries.insert(std::min(unloaded.index, entries.size()), &unloaded);

    m_settings->remove(u"accounts"_s);
    m_settings->beginWriteArray(u"accounts"_s, int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        m_settings->setArrayIndex(i);
        if (const auto *unloaded = std::get_if<const UnloadedEntry *>(&entries.at(i))) {
            for (const auto &[key, value] : (*unloaded)->values)
                m_settings->setValue(key, value);
            continue;
        }
        const Account &account = *std::get<const Account *>(entries.at(i));
        m_settings->setValue(u"name"_s, account.name);
        m_settings->setValue(u"accountId"_s, account.accountId);
        m_settings->setValue(u"endpoint"_s, account.endpoint.toString());
        m_settings->setValue(u"tokenEndpoint"_s, account.tokenEndpoint.toString());
        m_settings->setValue(u"enabled"_s, account.enabled);
        m_settings->setValue(u"readOnly"_s, account.readOnly);
        m_settings->setValue(u"dailyBudget"_s, account.dailyBudget);
        m_settings->setValue(u"longRunningHours"_s, account.longRunningHours);
        m_settings->setValue(u"apiVersion"_s, apiVersionName(account.apiVersion));
    }
    m_settings->endArray();
    m_settings->sync();
    Q_EMIT accountsChanged();
}

std::optional<Account> AccountStore::find(const QString &name) const
{
    for (const Account &account : m_accounts) {
        if (account.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return account;
    }
    return std::nullopt;
}

QString AccountStore::save(const Account &account, const QString &previousName)
{
    if (!m_readOnlyReason.isEmpty())
        return m_readOnlyReason;
    Account cleaned = account;
    cleaned.name = cleaned.name.trimmed();
    cleaned.accountId = cleaned.accountId.trimmed();
    if (const QString problem = cleaned.validationError(); !problem.isEmpty())
        return problem;
    const QString replacing = previousName.isEmpty() ? cleaned.name : previousName;
    for (const Account &existing : m_accounts) {
        const bool isSame = existing.name.compare(replacing, Qt::CaseInsensitive) == 0;
        if (!isSame && existing.name.compare(cleaned.name, Qt::CaseInsensitive) == 0)
            return tr("There is already an account named \"%1\".").arg(cleaned.name);
    }
    for (Account &existing : m_accounts) {
        if (existing.name.compare(replacing, Qt::CaseInsensitive) == 0) {
            existing = cleaned;
            store();
            return {};
        }
    }
    m_accounts.append(cleaned);
    store();
    return {};
}

void AccountStore::remove(const QString &name)
{
    if (!m_readOnlyReason.isEmpty())
        return;
    const auto removed = m_accounts.removeIf(
        [&name](const Account &account) { return account.name.compare(name, Qt::CaseInsensitive) == 0; });
    if (removed > 0)
        store();
}

void AccountStore::setEnabled(const QString &name, bool enabled)
{
    if (!m_readOnlyReason.isEmpty())
        return;
    for (Account &account : m_accounts) {
        if (account.name.compare(name, Qt::CaseInsensitive) == 0 && account.enabled != enabled) {
            account.enabled = enabled;
            store();
            return;
        }
    }
}

} // namespace arr
