#include "storage/SecretStore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

void deliver(QObject *context, const SecretStore::Callback &callback, const SecretResult &result)
{
    // Always asynchronous, like a real keychain, so callers have one code path.
    QTimer::singleShot(0, context, [callback, result] { callback(result); });
}

bool isBackendFailure(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
        || error == QKeychain::AccessDeniedByUser || error == QKeychain::AccessDenied || error == QKeychain::OtherError;
}

} // namespace

QString accountSecretName(const QString &accountId)
{
    return u"account-key/"_s + accountId.trimmed().toLower();
}

void MemorySecretStore::read(const QString &name, QObject *context, Callback callback)
{
    SecretResult result;
    const auto it = m_secrets.constFind(name);
    result.ok = it != m_secrets.constEnd();
    result.notFound = !result.ok;
    if (result.ok)
        result.value = *it;
    else
        result.error = tr("No key is stored for this account.");
    deliver(context, callback, result);
}

void MemorySecretStore::write(const QString &name, const QString &secret, QObject *context, Callback callback)
{
    m_secrets.insert(name, secret);
    SecretResult result;
    result.ok = true;
    deliver(context, callback, result);
}

void MemorySecretStore::remove(const QString &name, QObject *context, Callback callback)
{
    m_secrets.remove(name);
    SecretResult result;
    result.ok = true;
    deliver(context, callback, result);
}

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{
}

void KeychainSecretStore::fallBack(const QString &reason)
{
    if (!m_persistent)
        return;
    m_persistent = false;
    Q_EMIT persistenceLost(reason);
}

void KeychainSecretStore::read(const QString &name, QObject *context, Callback callback)
{
    if (!m_persistent) {
        m_memory.read(name, context, std::move(callback));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [this, job, name, context = QPointer<QObject>(context), callback] {
        if (!context)
            return;
        SecretResult result;
        if (job->error() == QKeychain::NoError) {
            result.ok = true;
            result.value = job->textData();
            callback(result);
            return;
        }
        if (job->error() == QKeychain::EntryNotFound) {
            // A key written while the keychain was away may still be in memory.
            m_memory.read(name, context, callback);
            return;
        }
        if (isBackendFailure(job->error())) {
            fallBack(tr("The system keychain is not available (%1); account keys are kept in memory for "
                        "this run only.")
                         .arg(job->errorString()));
            m_memory.read(name, context, callback);
            return;
        }
        result.error = tr("The keychain could not be read: %1").arg(job->errorString());
        callback(result);
    });
    job->start();
}

void KeychainSecretStore::write(const QString &name, const QString &secret, QObject *context, Callback callback)
{
    if (!m_persistent) {
        m_memory.write(name, secret, context, std::move(callback));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(name);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this,
        [this, job, name, secret, context = QPointer<QObject>(context), callback] {
            if (job->error() == QKeychain::NoError) {
                if (context) {
                    SecretResult result;
                    result.ok = true;
                    callback(result);
                }
                return;
            }
            fallBack(tr("The system keychain is not available (%1); account keys are kept in memory for this "
                        "run only.")
                         .arg(job->errorString()));
            if (context)
                m_memory.write(name, secret, context, callback);
        });
    job->start();
}

void KeychainSecretStore::remove(const QString &name, QObject *context, Callback callback)
{
    m_memory.remove(name, this, [](const SecretResult &) {});
    if (!m_persistent) {
        m_memory.remove(name, context, std::move(callback));
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [job, context = QPointer<QObject>(context), callback] {
        if (!context)
            return;
        SecretResult result;
        result.ok = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        if (!result.ok)
            result.error = QCoreApplication::translate("arr::KeychainSecretStore", "The key could not be removed: %1")
                               .arg(job->errorString());
        callback(result);
    });
    job->start();
}

} // namespace arr
