#include "cli/ArrsmCommandLine.h"
#include "cli/CommandRunner.h"
#include "emulator/EmulatorServer.h"
#include "storage/AccountStore.h"
#include "storage/SecretStore.h"
#include "workspace/Workspace.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using arr::cli::CommandRunner;

namespace {

const QString AccountId = u"01234567-89ab-cdef-0123-456789abcdef"_s;
const QString AccountKey = u"runner-test-key"_s;

// A keychain that answers from memory and can pretend to be reachable, unreachable or silent.
class FakeKeychain : public arr::SecretStore
{
public:
    QHash<QString, QString> keys;
    bool reachable = true;
    bool silent = false;
    int reads = 0;

    void read(const QString &name, QObject *context, Callback callback) override
    {
        ++reads;
        if (silent)
            return;
        arr::SecretResult result;
        if (!reachable) {
            m_persistent = false;
            Q_EMIT persistenceLost(u"no keychain in this test"_s);
            result.notFound = true;
        } else if (keys.contains(name)) {
            result.ok = true;
            result.value = keys.value(name);
        } else {
            result.notFound = true;
            result.error = u"not found"_s;
        }
        QTimer::singleShot(0, context, [callback, result] { callback(result); });
    }
    void write(const QString &, const QString &, QObject *, Callback) override { }
    void remove(const QString &, QObject *, Callback) override { }
    bool isPersistent() const override { return m_persistent; }

private:
    bool m_persistent = true;
};

} // namespace

// The command runner in this process, with a saved account and a fake keychain: the paths of
// --account that the process tests cannot take without a real keychain.
class TestCliRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void savedAccountUsesTheKeyFromTheKeychain();
    void savedAccountWithoutAStoredKey();
    void keychainNotAvailable();
    void keychainThatNeverAnswers();
    void unknownSavedAccount();
    void finishesOnlyFromTheEventLoop();

private:
    // Runs `arrsm <arguments>` in this process and waits for its end.
    int run(const QStringList &arguments);

    std::unique_ptr<arr::emulator::EmulatorServer> m_emulator;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<arr::AccountStore> m_accounts;
    std::unique_ptr<FakeKeychain> m_keychain;
    // arrsm's application layer, on the test's settings file and keychain.
    std::unique_ptr<arr::Workspace> workspace();
    QBuffer m_out;
    QBuffer m_err;
    std::chrono::milliseconds m_keychainTimeout{30'000};
};

void TestCliRunner::init()
{
    m_emulator = std::make_unique<arr::emulator::EmulatorServer>();
    m_emulator->addAccount(AccountId, AccountKey);
    QVERIFY(m_emulator->listen());
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_accounts = std::make_unique<arr::AccountStore>(m_settings.get());
    arr::Account account;
    account.name = u"Local"_s;
    account.accountId = AccountId;
    account.endpoint = m_emulator->baseUrl();
    account.tokenEndpoint = m_emulator->baseUrl();
    QCOMPARE(m_accounts->save(account), QString());
    m_keychain = std::make_unique<FakeKeychain>();
    m_keychainTimeout = std::chrono::milliseconds(30'000);
}

std::unique_ptr<arr::Workspace> TestCliRunner::workspace()
{
    arr::Workspace::Options options;
    options.settingsFile = m_settings->fileName();
    options.secretStore = m_keychain.get();
    options.recordMonitor = false;
    options.runsPoliciesAndAlerts = false;
    return std::make_unique<arr::Workspace>(options);
}

void TestCliRunner::cleanup()
{
    m_keychain.reset();
    m_accounts.reset();
    m_settings.reset();
    m_dir.reset();
    m_emulator.reset();
}

int TestCliRunner::run(const QStringList &arguments)
{
    const arr::cli::ParseResult parsed
        = arr::cli::parseCommandLine(QStringList{u"arrsm"_s} + arguments, QProcessEnvironment());
    if (parsed.action != arr::cli::ParseResult::Action::Run)
        return -1;
    m_out.close();
    m_err.close();
    m_out.setData({});
    m_err.setData({});
    m_out.open(QIODevice::WriteOnly);
    m_err.open(QIODevice::WriteOnly);
    m_settings->sync();
    const std::unique_ptr<arr::Workspace> application = workspace();
    CommandRunner runner(parsed.command, {&m_out, &m_err, application.get(), nullptr, nullptr});
    runner.keychainTimeout = m_keychainTimeout;
    QSignalSpy finished(&runner, &CommandRunner::finished);
    runner.start();
    if (!finished.wait(20'000))
        return -1;
    // Exactly one outcome, even with the event loop running on.
    QTest::qWait(20);
    if (finished.size() != 1)
        return -1;
    return finished.first().first().toInt();
}

void TestCliRunner::savedAccountUsesTheKeyFromTheKeychain()
{
    m_emulator->addSession(AccountId, {});
    m_keychain->keys.insert(arr::accountSecretName(AccountId), AccountKey);
    QCOMPARE(run({u"list"_s, u"--account"_s, u"local"_s, u"--json"_s}), 0);
    QCOMPARE(QJsonDocument::fromJson(m_out.data()).array().size(), 1);
    QCOMPARE(m_keychain->reads, 1);
    QVERIFY(!m_out.data().contains(AccountKey.toUtf8()));
    QVERIFY(!m_err.data().contains(AccountKey.toUtf8()));
}

void TestCliRunner::savedAccountWithoutAStoredKey()
{
    QCOMPARE(run({u"list"_s, u"--account"_s, u"Local"_s}), 1);
    QVERIFY2(m_err.data().contains("holds no key for the saved account \"Local\""), m_err.data().constData());
    QCOMPARE(m_emulator->requestCount(), 0);
}

void TestCliRunner::keychainNotAvailable()
{
    m_keychain->reachable = false;
    QCOMPARE(run({u"list"_s, u"--account"_s, u"Local"_s, u"--verbose"_s}), 1);
    QVERIFY2(m_err.data().contains("the system keychain is not available"), m_err.data().constData());
    QVERIFY(m_err.data().contains("no keychain in this test"));
    QCOMPARE(m_emulator->requestCount(), 0);
}

void TestCliRunner::keychainThatNeverAnswers()
{
    m_keychain->silent = true;
    m_keychainTimeout = std::chrono::milliseconds(100);
    QCOMPARE(run({u"list"_s, u"--account"_s, u"Local"_s}), 1);
    QVERIFY2(m_err.data().contains("did not answer"), m_err.data().constData());
}

void TestCliRunner::unknownSavedAccount()
{
    QCOMPARE(run({u"list"_s, u"--account"_s, u"Other"_s}), 2);
    QVERIFY(m_err.data().contains("no saved account named \"Other\""));
    QCOMPARE(m_keychain->reads, 0);
}

void TestCliRunner::finishesOnlyFromTheEventLoop()
{
    const arr::cli::ParseResult parsed = arr::cli::parseCommandLine({u"arrsm"_s, u"accounts"_s}, QProcessEnvironment());
    m_out.open(QIODevice::WriteOnly);
    m_settings->sync();
    const std::unique_ptr<arr::Workspace> application = workspace();
    CommandRunner runner(parsed.command, {&m_out, &m_err, application.get(), nullptr, nullptr});
    QSignalSpy finished(&runner, &CommandRunner::finished);
    runner.start();
    // Even a command that needs no network finishes later, so that a caller may start the event loop
    // after start() and still hear of the end.
    QCOMPARE(finished.size(), 0);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().toInt(), 0);
    QVERIFY(m_out.data().startsWith("NAME"));
}

QTEST_GUILESS_MAIN(TestCliRunner)
#include "tst_clirunner.moc"
