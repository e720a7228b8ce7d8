#include "common/MonitorPolls.h"
#include "core/Clock.h"
#include "monitor/SessionMonitor.h"
#include "service/RequestLog.h"
#include "service/ScriptedServer.h"
#include "storage/Settings.h"
#include "workspace/KeepAliveManager.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace arr;

namespace {

const QString AccountId = u"01234567-89ab-cdef-0123-456789abcdef"_s;
const QString SessionId = u"0f0e0d0c-0b0a-4908-8706-050403020100"_s;

QByteArray listWithLease(const QByteArray &lease, const QByteArray &elapsed)
{
    return R"({"sessions":[{"sessionId":")" + SessionId.toLatin1()
        + R"(","sessionStatus":"ready","sessionSize":"standard","sessionMaxLeaseTime":")" + lease
        + R"(","sessionElapsedTime":")" + elapsed + R"("}]})";
}

} // namespace

// The window's keep-alive policies, without a window: a monitor polling a scripted service, and the
// manager deciding on each poll.
class TestKeepAliveManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ScriptedServer>();
        m_settings = std::make_unique<Settings>(m_dir.filePath(u"settings.ini"_s));
        m_monitor = std::make_unique<SessionMonitor>(&m_network, &m_log, SystemClock::instance());
        // Polls every 50 ms of real time.
        shortenIntervals(*m_monitor, 200);
        m_manager = std::make_unique<KeepAliveManager>(m_monitor.get(), m_settings.get(), SystemClock::instance());
    }

    void cleanup()
    {
        m_manager.reset();
        m_monitor.reset();
        m_settings.reset();
        m_server.reset();
    }

    // A service that answers every extend with 200 and keeps the lease where it was: the policy ends
    // with a warning after two extends that did not take, instead of extending on every poll.
    void extendsThatDoNotTakeEndThePolicy()
    {
        m_server->fallback = ScriptedServer::respond(200, listWithLease("00:30:00", "00:25:00"));
        startWatching();
        QSignalSpy failed(m_manager.get(), &KeepAliveManager::policyFailed);
        QSignalSpy ended(m_manager.get(), &KeepAliveManager::policyEnded);
        KeepAliveSpec spec;
        spec.maxLease = TimeSpan::fromHours(2);
        QCOMPARE(m_manager->start(u"Ops"_s, SessionId, spec), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
        QCOMPARE(ended.size(), 0);
        QVERIFY2(failed.first().at(2).toString().contains(u"keep-alive stopped"_s),
            qPrintable(failed.first().at(2).toString()));
        QVERIFY(!m_manager->policy(u"Ops"_s, SessionId));
        const int patches = patchCount();
        qInfo("extends sent before the policy ended: %d", patches);
        // Each of the two extends is sent again at most a few times while the monitor follows it.
        QVERIFY2(patches >= 2 && patches <= 6, qPrintable(QString::number(patches)));
        // Polls go on; no more extends do.
        QSignalSpy polled(m_monitor.get(), &SessionMonitor::pollFinished);
        QTRY_VERIFY_WITH_TIMEOUT(polled.size() >= 5, 10'000);
        QCOMPARE(patchCount(), patches);
    }

    // A lease far beyond the policy's bound was set by someone else: said as a warning.
    void leaseBeyondTheBoundIsAWarning()
    {
        m_server->fallback = ScriptedServer::respond(200, listWithLease("23:59:00", "00:05:00"));
        startWatching();
        QSignalSpy failed(m_manager.get(), &KeepAliveManager::policyFailed);
        KeepAliveSpec spec;
        spec.maxLease = TimeSpan::fromHours(2);
        QCOMPARE(m_manager->start(u"Ops"_s, SessionId, spec), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 10000);
        QVERIFY2(failed.first().at(2).toString().contains(u"23:59:00"_s), qPrintable(failed.first().at(2).toString()));
        QCOMPARE(patchCount(), 0);
    }

    // Read-only accounts keep their policies but never extend.
    void readOnlyAccountIsNotExtended()
    {
        m_server->fallback = ScriptedServer::respond(200, listWithLease("00:30:00", "00:25:00"));
        m_manager->setMayExtend([](const QString &) { return false; });
        startWatching();
        KeepAliveSpec spec;
        spec.maxLease = TimeSpan::fromHours(2);
        QCOMPARE(m_manager->start(u"Ops"_s, SessionId, spec), QString());
        QSignalSpy polled(m_monitor.get(), &SessionMonitor::pollFinished);
        QTRY_VERIFY_WITH_TIMEOUT(polled.size() >= 5, 10'000);
        QCOMPARE(patchCount(), 0);
        QVERIFY(m_manager->policy(u"Ops"_s, SessionId));
    }

    // A policy for one run (arrsm keep-alive: no settings) runs as any other, tells each decision, and
    // leaves the saved policies as they are.
    void policyForOneRunIsNotSaved()
    {
        m_server->fallback = ScriptedServer::respond(200, listWithLease("00:30:00", "00:25:00"));
        // Only the policy for the run: not the saved ones of the manager with settings.
        m_manager.reset();
        const QString saved = m_settings->value(Settings::Key::KeepAlivePolicies).toString();
        startWatching();
        KeepAliveManager forRun(m_monitor.get(), nullptr, SystemClock::instance());
        QSignalSpy decided(&forRun, &KeepAliveManager::decided);
        QSignalSpy automatic(&forRun, &KeepAliveManager::automaticExtendFinished);
        KeepAliveSpec spec;
        spec.maxLease = TimeSpan::fromHours(2);
        QCOMPARE(forRun.start(u"Ops"_s, SessionId, spec), QString());
        QVERIFY(!decided.isEmpty());
        QCOMPARE(
            decided.first().at(2).value<KeepAlivePolicy::Decision>().action, KeepAlivePolicy::Decision::Action::Extend);
        QVERIFY(automatic.wait(10'000));
        QCOMPARE(m_settings->value(Settings::Key::KeepAlivePolicies).toString(), saved);
    }

private:
    void startWatching()
    {
        Account account;
        account.name = u"Ops"_s;
        account.accountId = AccountId;
        account.endpoint = m_server->baseUrl();
        account.tokenEndpoint = m_server->baseUrl();
        QSignalSpy polled(m_monitor.get(), &SessionMonitor::pollFinished);
        m_monitor->addAccount(account, u"key"_s);
        QVERIFY(polled.wait(10'000));
        QVERIFY(m_monitor->sessions().find(u"Ops"_s, SessionId));
    }

    int patchCount() const
    {
        int patches = 0;
        for (const ScriptedServer::Received &request : m_server->received())
            patches += request.method == "PATCH" ? 1 : 0;
        return patches;
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    RequestLog m_log;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SessionMonitor> m_monitor;
    std::unique_ptr<KeepAliveManager> m_manager;
};

QTEST_GUILESS_MAIN(TestKeepAliveManager)
#include "tst_keepalivemanager.moc"
