#include "common/MonitorPolls.h"
#include "core/Clock.h"
#include "monitor/SessionMonitor.h"
#include "service/RequestLog.h"
#include "service/ScriptedServer.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace arr;

namespace {

const QString AccountId = u"01234567-89ab-cdef-0123-456789abcdef"_s;
const QString SessionId = u"0f0e0d0c-0b0a-4908-8706-050403020100"_s;

QByteArray listWithLease(const QByteArray &lease)
{
    return R"({"sessions":[{"sessionId":")" + SessionId.toLatin1()
        + R"(","sessionStatus":"ready","sessionSize":"standard","sessionMaxLeaseTime":")" + lease
        + R"(","sessionElapsedTime":"00:25:00"}]})";
}

} // namespace

// The monitor's follow-through of a command against a service that says yes and does not do it: what
// a user of the window and of arrsm is told, and how many times the command is sent.
class TestCommandFollowThrough : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ScriptedServer>();
        m_monitor = std::make_unique<SessionMonitor>(&m_network, &m_log, SystemClock::instance());
        shortenIntervals(*m_monitor, 200);
    }

    void cleanup()
    {
        m_monitor.reset();
        m_server.reset();
    }

    // An extend the service accepts but does not take is sent once and reported, as not taken, on the
    // answer of the first poll sent after the service said yes.
    void acceptedExtendThatDoesNotShowIsNotSentAgain()
    {
        m_server->fallback = ScriptedServer::respond(200, listWithLease("00:30:00"));
        startWatching();
        // What the service had been asked when the outcome came.
        QList<QByteArray> askedBeforeOutcome;
        QList<CommandOutcome> outcomes;
        connect(m_monitor.get(), &SessionMonitor::commandFinished, this, [&](const CommandOutcome &outcome) {
            outcomes.append(outcome);
            for (const ScriptedServer::Received &request : m_server->received())
                askedBeforeOutcome.append(request.method);
        });
        const qsizetype before = m_server->received().size();
        m_monitor->extendSession(u"Ops"_s, SessionId, TimeSpan::fromHours(2));
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, 10'000);
        QVERIFY(!outcomes.first().succeeded);
        QVERIFY(outcomes.first().accepted);
        QVERIFY2(outcomes.first().description.contains(u"did not change"_s), qPrintable(outcomes.first().description));
        QCOMPARE(askedBeforeOutcome.mid(before), (QList<QByteArray>{"PATCH", "GET"}));
        // Polls go on; the extend is not sent again.
        for (int round = 0; round < 4; ++round)
            QVERIFY(pollAndSettle(*m_monitor, u"Ops"_s));
        QCOMPARE(patchCount(), 1);
        QCOMPARE(outcomes.size(), 1);
    }

    // An extend the service shows is confirmed by that first poll.
    void extendThatShowsIsConfirmed()
    {
        m_server->fallback = ScriptedServer::respond(200, listWithLease("00:30:00"));
        startWatching();
        QSignalSpy finished(m_monitor.get(), &SessionMonitor::commandFinished);
        m_server->enqueue(ScriptedServer::respond(200, {}));
        m_server->fallback = ScriptedServer::respond(200, listWithLease("02:00:00"));
        m_monitor->extendSession(u"Ops"_s, SessionId, TimeSpan::fromHours(2));
        QVERIFY(finished.wait(10'000));
        const auto outcome = finished.first().first().value<CommandOutcome>();
        QVERIFY2(outcome.succeeded, qPrintable(outcome.description));
        QCOMPARE(patchCount(), 1);
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
        // From now on only the polls the test and the follow-through ask for, in an order the test knows.
        using namespace std::chrono_literals;
        m_monitor->setPollInterval(1h);
        m_monitor->setFastPollInterval(1h);
        QVERIFY(pollAndSettle(*m_monitor, u"Ops"_s));
    }

    int patchCount() const
    {
        int patches = 0;
        for (const ScriptedServer::Received &request : m_server->received())
            patches += request.method == "PATCH" ? 1 : 0;
        return patches;
    }

    QNetworkAccessManager m_network;
    RequestLog m_log;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<SessionMonitor> m_monitor;
};

QTEST_GUILESS_MAIN(TestCommandFollowThrough)
#include "tst_commandfollowthrough.moc"
