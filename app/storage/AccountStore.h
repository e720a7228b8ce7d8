#pragma once

#include "core/Account.h"

#include <QList>
#include <QObject>

class QSettings;

namespace arr {

// The saved accounts (never their keys), in the app's settings. Shared by the desktop app, which
// edits them, and arrsm, which reads them.
class AccountStore : public QObject
{
    Q_OBJECT

public:
    explicit AccountStore(QSettings *settings, QObject *parent = nullptr);

    QList<Account> accounts() const { return m_accounts; }
    // Empty when there is none of that name (matched case-insensitively).
    std::optional<Account> find(const QString &name) const;

    // Adds or, when an account of that name exists, replaces it. Returns an error sentence, or empty.
    QString save(const Account &account, const QString &previousName = {});
    void remove(const QString &name);
    void setEnabled(const QString &name, bool enabled);

    // Entries of the settings file that could not be read, with why: shown, never silently dropped.
    QStringList loadProblems() const { return m_loadProblems; }

Q_SIGNALS:
    void accountsChanged();

private:
    void load();
    void store();

    QSettings *m_settings;
    QList<Account> m_accounts;
    QStringList m_loadProblems;
};

} // namespace arr
