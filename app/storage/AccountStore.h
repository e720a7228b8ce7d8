#pragma once

#include "core/Account.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QVariant>

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

    // When not empty, nothing is saved: save() answers this sentence, and remove() and setEnabled()
    // change nothing (another window owns the file).
    void setReadOnlyReason(const QString &reason) { m_readOnlyReason = reason; }

    // Entries of the settings file that could not be read, with why: shown, never silently dropped.
    QStringList loadProblems() const { return m_loadProblems; }

Q_SIGNALS:
    void accountsChanged();

private:
    void load();
    void store();

    // An entry of the settings file that did not load (a newer API version, a hand-edited typo), with
    // every key it had and where it stood: written back unchanged with every save.
    struct UnloadedEntry
    {
        qsizetype index = 0;
        QList<QPair<QString, QVariant>> values;
    };
    void keepUnloaded(qsizetype index);

    QSettings *m_settings;
    QList<Account> m_accounts;
    QList<UnloadedEntry> m_unloaded;
    QStringList m_loadProblems;
    QString m_readOnlyReason;
};

} // namespace arr
