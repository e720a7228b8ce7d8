// The local emulator's made-up sessions beside a real account's, outside --demo: the workspace
// shows and commands both, but only the real account's sessions reach the history file and "spent
// today" (which the budgets read).
#include "core/BilledTimeSource.h"
#include "emulator/EmulatorServer.h"
#include "monitor/LiveSessions.h"
#include "monitor/SessionMonitor.h"
#include "storage/HistoryStore.h"
#include "workspace/AccountManager.h"
#include "workspace/HistoryRecorder.h"
#include "workspace/LocalEmulator.h"
#include "workspace/Workspace.h"

#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace arr;

namespace {

const QString RealAccount = u"Production"_s;
const QString RealAccountId = u"01234567-89ab-cdef-0123-456789abcdef"_s;

} // namespace

class TestMadeUpSessions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlyTheUsersSessionsAreRecordedAndCounted();
};

void TestMadeUpSessions::onlyTheUsersSessionsAreRecordedAndCounted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    emulator::EmulatorServer server;
    server.addAccount(RealAccountId, u"key"_s);
    emulator::SessionSeed seed;
    seed.status = SessionStatus::Ready;
    seed.age = TimeSpan::fromMinutes(10);
    const QString realSession = server.addSession(RealAccountId, seed);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    Workspace::Options options;
    options.settingsFile = dir.filePath(u"settings.ini"_s);
    options.keychainService.clear();
    options.historyFile = dir.filePath(u"history.sqlite"_s);
    options.emulatorProgram = QStringLiteral(ARR_EMULATOR_EXECUTABLE);
    Workspace workspace(options);
    QVERIFY(workspace.history());
    QVERIFY(Workspace::isMadeUp(LocalEmulator::accountName()));
    QVERIFY(!Workspace::isMadeUp(RealAccount));

    // The built-in account turned on, as a user does in the accounts dialog, and a real account.
    workspace.accounts().setEmulatorEnabled(true);
    workspace.start();
    Account account;
    account.name = RealAccount;
    account.accountId = RealAccountId;
    account.endpoint = server.baseUrl();
    account.tokenEndpoint = server.baseUrl();
    workspace.monitor().addAccount(account, u"key"_s);

    const LiveSessions &live = workspace.monitor().sessions();
    const auto readySessionOf = [&live](const QString &name) {
        for (int i = 0; i < live.count(); ++i) {
            if (live.at(i).account == name && live.at(i).session.status == SessionStatus::Ready)
                return live.at(i).session.id;
        }
        return QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!readySessionOf(LocalEmulator::accountName()).isEmpty(), 15'000);
    QTRY_VERIFY_WITH_TIMEOUT(live.find(RealAccount, realSession), 15'000);

    // A command on a made-up session is carried out, and not recorded either.
    const QString madeUp = readySessionOf(LocalEmulator::accountName());
    QSignalSpy finished(&workspace.monitor(), &SessionMonitor::commandFinished);
    workspace.stopSession(LocalEmulator::accountName(), madeUp);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 15'000);
    QVERIFY(finished.first().at(0).value<CommandOutcome>().succeeded);
    // Two more polls of each account, so that whatever the recorder was going to write is written.
    QSignalSpy polled(&workspace.monitor(), &SessionMonitor::pollFinished);
    workspace.monitor().refresh();
    QTRY_VERIFY_WITH_TIMEOUT(polled.size() >= 2, 15'000);
    workspace.history()->flush();

    QSet<QString> recordedAccounts;
    {
        HistoryStore store(options.historyFile);
        QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
        const QList<HistorySession> sessions = store.sessions();
        for (const HistorySession &session : sessions)
            recordedAccounts.insert(session.account);
        QVERIFY(store.session(RealAccount, realSession).has_value());
        QVERIFY(store.events(LocalEmulator::accountName(), madeUp).isEmpty());
    }
    QCOMPARE(recordedAccounts, QSet<QString>{RealAccount});

    // Spent today (the status bar's and the budgets' source): the real account's ready session only,
    // though the emulator's ready sessions were billed today too.
    const QList<BilledUsage> today
        = workspace.billedToday().billedSince(QDateTime::currentDateTimeUtc().addSecs(-3600));
    QSet<QString> spendingAccounts;
    for (const BilledUsage &usage : today)
        spendingAccounts.insert(usage.account);
    QCOMPARE(spendingAccounts, QSet<QString>{RealAccount});
}

QTEST_GUILESS_MAIN(TestMadeUpSessions)
#include "tst_madeupsessions.moc"
