#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace arr {

// The outcome of a keychain operation.
struct SecretResult
{
    bool ok = false;
    QString value;
    // Why it failed, for people.
    QString error;
    // No entry under that name (not an error of the keychain itself).
    bool notFound = false;
};

// Keeps account keys. Asynchronous because OS keychains are (and may ask the user).
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const SecretResult &)>;
    using QObject::QObject;

    virtual void read(const QString &name, QObject *context, Callback callback) = 0;
    virtual void write(const QString &name, const QString &secret, QObject *context, Callback callback) = 0;
    virtual void remove(const QString &name, QObject *context, Callback callback) = 0;
    // False while keys are kept only in memory, for this run.
    virtual bool isPersistent() const = 0;

Q_SIGNALS:
    // The keychain could not be used; keys are held in memory until the app quits.
    void persistenceLost(const QString &reason);
};

// Keys in memory only: for tests, and for a machine without a keychain.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    void read(const QString &name, QObject *context, Callback callback) override;
    void write(const QString &name, const QString &secret, QObject *context, Callback callback) override;
    void remove(const QString &name, QObject *context, Callback callback) override;
    bool isPersistent() const override { return false; }

private:
    QHash<QString, QString> m_secrets;
};

// The OS keychain through QtKeychain (Keychain on macOS, Credential Manager on Windows, Secret
// Service or KWallet on Linux). When it cannot be reached, keys written are kept in memory for this
// run and persistenceLost() says why; nothing is ever written to a file instead.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);

    void read(const QString &name, QObject *context, Callback callback) override;
    void write(const QString &name, const QString &secret, QObject *context, Callback callback) override;
    void remove(const QString &name, QObject *context, Callback callback) override;
    bool isPersistent() const override { return m_persistent; }

private:
    void fallBack(const QString &reason);

    QString m_service;
    bool m_persistent = true;
    MemorySecretStore m_memory;
};

// The keychain entry name for an account's key.
QString accountSecretName(const QString &accountId);

} // namespace arr
