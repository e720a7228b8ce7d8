#include "common/SecretReading.h"
#include "storage/SecretStore.h"

#include <QDir>
#include <QDirIterator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

arr::SecretResult writeBlocking(arr::SecretStore &store, const QString &name, const QString &secret)
{
    arr::SecretResult outcome;
    bool done = false;
    QObject context;
    store.write(name, secret, &context, [&](const arr::SecretResult &result) {
        outcome = result;
        done = true;
    });
    for (int waited = 0; !done && waited < 30000; waited += 10)
        QTest::qWait(10);
    return outcome;
}

arr::SecretResult removeBlocking(arr::SecretStore &store, const QString &name)
{
    arr::SecretResult outcome;
    bool done = false;
    QObject context;
    store.remove(name, &context, [&](const arr::SecretResult &result) {
        outcome = result;
        done = true;
    });
    for (int waited = 0; !done && waited < 30000; waited += 10)
        QTest::qWait(10);
    return outcome;
}

// True when `secret` appears in any file below `root`.
bool anyFileContains(const QString &root, const QByteArray &secret)
{
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret))
            return true;
    }
    return false;
}

} // namespace

// Account keys: in the OS keychain when there is one, in memory only when there is none, and in
// no file either way. ARRSM_EXPECT_KEYCHAIN=1 (set when a private gnome-keyring runs) requires the
// real keychain; without it the test checks the fallback.
class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void memoryStore();
    void keychainOrMemoryFallback();

private:
    QString m_key = u"arrsm-test-key-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
};

void TestSecretStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSecretStore::memoryStore()
{
    arr::MemorySecretStore store;
    QVERIFY(!store.isPersistent());
    QVERIFY(writeBlocking(store, u"a"_s, u"secret-a"_s).ok);
    QCOMPARE(readSecretAndWait(store, u"a"_s).value, u"secret-a"_s);
    const arr::SecretResult missing = readSecretAndWait(store, u"b"_s);
    QVERIFY(!missing.ok);
    QVERIFY(missing.notFound);
    QVERIFY(removeBlocking(store, u"a"_s).ok);
    QVERIFY(!readSecretAndWait(store, u"a"_s).ok);
    QCOMPARE(arr::accountSecretName(u" ABC "_s), u"account-key/abc"_s);
}

void TestSecretStore::keychainOrMemoryFallback()
{
    const bool expectKeychain = qEnvironmentVariableIntValue("ARRSM_EXPECT_KEYCHAIN") == 1;
    arr::KeychainSecretStore store(u"arr-session-manager-test"_s);
    QSignalSpy lost(&store, &arr::SecretStore::persistenceLost);
    const QString name = arr::accountSecretName(QUuid::createUuid().toString(QUuid::WithoutBraces));

    const arr::SecretResult written = writeBlocking(store, name, m_key);
    QVERIFY2(written.ok, qPrintable(written.error));
    if (expectKeychain) {
        QVERIFY2(store.isPersistent(), "the keychain of the private D-Bus session was not used");
        QCOMPARE(lost.count(), 0);
        // A second store (another run of the app) reads it back from the keychain.
        arr::KeychainSecretStore another(u"arr-session-manager-test"_s);
        QCOMPARE(readSecretAndWait(another, name).value, m_key);
    } else {
        QVERIFY(!store.isPersistent());
        QCOMPARE(lost.count(), 1);
        QVERIFY(lost.first().first().toString().contains(u"memory"_s));
    }
    QCOMPARE(readSecretAndWait(store, name).value, m_key);

    // Either way, no file of the app's holds the key.
    for (const auto location : {QStandardPaths::AppConfigLocation, QStandardPaths::AppDataLocation,
             QStandardPaths::CacheLocation, QStandardPaths::GenericConfigLocation}) {
        const QString root = QStandardPaths::writableLocation(location);
        if (!root.isEmpty() && QDir(root).exists())
            QVERIFY2(!anyFileContains(root, m_key.toUtf8()), qPrintable(root));
    }

    QVERIFY(removeBlocking(store, name).ok);
    QVERIFY(!readSecretAndWait(store, name).ok);
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
