#include "core/Clock.h"
#include "emulator/EmulatorServer.h"
#include "monitor/SessionMonitor.h"
#include "storage/AccountStore.h"
#include "storage/HistoryStore.h"
#include "storage/SecretStore.h"
#include "storage/Settings.h"
#include "workspace/AccountManager.h"
#include "workspace/HistoryRecorder.h"
#include "workspace/KeepAliveManager.h"
#include "workspace/Workspace.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace arr;

namespace {

const QString AccountId = u"1A2B3C4D-0000-4000-8000-00000000000A"_s;
const QString AccountKey = u"identity-test-key"_s;

} // namespace

// A session is known by its service host, account id and session id: renaming the account changes
// the label the window and the history show, not which rows, policies and prices belong to it.
class TestAccountIdentity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_emulator = std::make_unique<emulator::EmulatorServer>();
        QVERIFY(m_emulator->listen());
        m_emulator->addAccount(AccountId, AccountKey);
        emulator::SessionSeed ready;
        ready.status = SessionStatus::Ready;
        ready.age = TimeSpan::fromMinutes(20);
        m_first = m_emulator->addSession(AccountId, ready);
        m_second = m_emulator->addSession(AccountId, ready);
        QVERIFY(!m_first.isEmpty() && !m_second.isEmpty());

        Workspace::Options options;
        options.settingsFile = m_dir.filePath(u"settings.ini"_s);
        options.secretStore = &m_secrets;
        m_workspace = std::make_unique<Workspace>(options);
        m_workspace->settings().setValue(Settings::Key::LocalEmulatorEnabled, false);
        Account account;
        account.name = u"Ops"_s;
        account.accountId = AccountId;
        account.endpoint = m_emulator->baseUrl();
        account.tokenEndpoint = m_emulator->baseUrl();
        QCOMPARE(m_workspace->accounts().saveAccount(account, {}, AccountKey), QString());
        m_account = account;
        m_workspace->start();
    }

    void cleanup()
    {
        m_workspace.reset();
        m_emulator.reset();
    }

    void renamedAccountKeepsItsRowsPoliciesAndPrices()
    {
        QVERIFY(polled(u"Ops"_s));
        KeepAliveSpec spec;
        spec.maxLease = TimeSpan::fromHours(8);
        QCOMPARE(m_workspace->keepAlive().start(u"Ops"_s, m_first, spec), QString());
        Pricing pricing;
        pricing.accountOverrides.insert(u"Ops"_s, *PriceList::parse(u"standard=3.5"_s));
        m_workspace->settings().setPricing(pricing, m_workspace->accountStore().accounts());

        Account renamed = m_account;
        renamed.name = u"Operations"_s;
        QCOMPARE(m_workspace->accounts().saveAccount(renamed, u"Ops"_s, {}), QString());
        QVERIFY(polled(u"Operations"_s));
        m_workspace->history()->flush();

        HistoryStore store(m_workspace->historyFile());
        store.setAccounts(m_workspace->accountStore().accounts());
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        const QList<HistorySession> rows = store.sessions();
        QCOMPARE(rows.size(), 2);
        for (const HistorySession &row : rows) {
            QCOMPARE(row.account, u"Operations"_s);
            QCOMPARE(row.accountKey, renamed.identity());
        }
        // The old name, asked for by a history view still showing it, finds nothing of its own.
        HistoryQuery byNewName;
        byNewName.accounts << u"Operations"_s;
        QCOMPARE(store.sessions(byNewName).size(), 2);

        QVERIFY(m_workspace->keepAlive().policy(u"Operations"_s, m_first));
        QCOMPARE(m_workspace->savedPricing().hourlyPrice(u"Operations"_s, u"standard"_s), std::optional<double>(3.5));
    }

    void identityIgnoresCaseAndDefaultPort()
    {
        const QString plain
            = accountIdentity(QUrl(u"https://remoterendering.westus2.mixedreality.azure.com"_s), AccountId);
        QCOMPARE(plain, u"remoterendering.westus2.mixedreality.azure.com/"_s + AccountId.toLower());
        QCOMPARE(accountIdentity(
                     QUrl(u"https://RemoteRendering.westus2.mixedreality.azure.com:443/"_s), AccountId.toLower()),
            plain);
        QVERIFY(accountIdentity(QUrl(u"http://127.0.0.1:8080"_s), AccountId)
            != accountIdentity(QUrl(u"http://127.0.0.1:8081"_s), AccountId));
    }

private:
    // Waits for a successful poll of `account` that the history has recorded.
    bool polled(const QString &account)
    {
        QSignalSpy polls(&m_workspace->monitor(), &SessionMonitor::pollFinished);
        m_workspace->monitor().refresh(account);
        const bool ok = QTest::qWaitFor(
            [&] {
                for (const QList<QVariant> &poll : polls) {
                    if (poll.at(0).toString() == account && poll.at(1).value<ApiResult>().ok())
                        return true;
                }
                return false;
            },
            15'000);
        if (ok)
            m_workspace->history()->flush();
        return ok;
    }

    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;
    std::unique_ptr<emulator::EmulatorServer> m_emulator;
    std::unique_ptr<Workspace> m_workspace;
    Account m_account;
    QString m_first;
    QString m_second;
};

QTEST_GUILESS_MAIN(TestAccountIdentity)
#include "tst_accountidentity.moc"
