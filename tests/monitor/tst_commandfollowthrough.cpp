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

// The 2021-01-01 properties of the session, ready, with this lease in minutes.
QByteArray gaProperties(int leaseMinutes)
{
    return R"({"id":")" + SessionId.toLatin1() + R"(","status":"Ready","size":"Standard","maxLeaseTimeMinutes":)"
        + QByteArray::number(leaseMinutes) + R"(,"elapsedTimeMinutes":25,"hostname":"h.example"})";
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

    // An answer that shows the new lease (2021-01-01 answers an extend with the session) confirms the
    // extend: no poll is sent for it.
    void extendWhoseAnswerShowsTheLeaseNeedsNoPoll()
    {
        m_server->fallback = ScriptedServer::respond(200, R"({"sessions":[)" + gaProperties(30) + R"(]})");
        startWatching(ApiVersion::Api20210101);
        QSignalSpy finished(m_monitor.get(), &SessionMonitor::commandFinished);
        const qsizetype before = m_server->received().size();
        m_server->enqueue(ScriptedServer::respond(200, gaProperties(120)));
        m_monitor->extendSession(u"Ops"_s, SessionId, TimeSpan::fromHours(2));
        QVERIFY(finished.wait(10'000));
        const auto outcome = finished.first().first().value<CommandOutcome>();
        QVERIFY2(outcome.succeeded, qPrintable(outcome.description));
        QCOMPARE(methodsSince(before), QList<QByteArray>{"PATCH"});
        // Shown at once, as the service answered it.
        const TrackedSession *tracked = m_monitor->sessions().find(u"Ops"_s, SessionId);
        QVERIFY(tracked);
        QCOMPARE(tracked->session.maxLease, TimeSpan::fromHours(2));
    }

    // A stop of a session the service no longer knows has nothing left to stop: done on the answer.
    void stopOfAnUnknownSessionNeedsNoPoll()
    {
        m_server->fallback = ScriptedServer::respond(200, listWithLease("00:30:00"));
        startWatching();
        QSignalSpy finished(m_monitor.get(), &SessionMonitor::commandFinished);
        const qsizetype before = m_server->received().size();
        m_server->enqueue(ScriptedServer::respond(404, R"({"error":{"code":"NotFound","message":"gone"}})"));
        m_monitor->stopSession(u"Ops"_s, SessionId);
        QVERIFY(finished.wait(10'000));
        const auto outcome = finished.first().first().value<CommandOutcome>();
        QVERIFY2(outcome.succeeded, qPrintable(outcome.description));
        QCOMPARE(methodsSince(before), QList<QByteArray>{"DELETE"});
    }

    // An account added for a command (arrsm extend) sends the command first, and then reads only the
    // command's session: no list, no read before it.
    void accountForACommandReadsOnlyItsSessionAfterTheAnswer()
    {
        m_server->enqueue(ScriptedServer::respond(200, {}));
        m_server->fallback = ScriptedServer::respond(200,
            R"({"sessionId":")" + SessionId.toLatin1()
                + R"(","sessionStatus":"ready","sessionSize":"standard","sessionMaxLeaseTime":"02:00:00",)"
                  R"("sessionElapsedTime":"00:25:00"})");
        QSignalSpy finished(m_monitor.get(), &SessionMonitor::commandFinished);
        m_monitor->addAccountForCommand(account(ApiVersion::V1), u"key"_s);
        m_monitor->extendSession(u"Ops"_s, SessionId, TimeSpan::fromHours(2));
        QVERIFY(finished.wait(10'000));
        const auto outcome = finished.first().first().value<CommandOutcome>();
        QVERIFY2(outcome.succeeded, qPrintable(outcome.description));
        const QList<ScriptedServer::Received> &received = m_server->received();
        QCOMPARE(received.size(), 2);
        QCOMPARE(received.at(0).method, QByteArray("PATCH"));
        QCOMPARE(received.at(1).method, QByteArray("GET"));
        QVERIFY2(received.at(1).path.contains(QByteArray("/sessions/" + SessionId.toLatin1() + "/properties")),
            received.at(1).path.constData());
    }

    // An account added for a create (arrsm create) reads nothing until the service names the session,
    // and then that session alone.
    void accountForACreateReadsTheSessionItCreated()
    {
        m_server->enqueue(ScriptedServer::respond(202, R"({"sessionId":")" + SessionId.toLatin1() + R"("})"));
        m_server->fallback = ScriptedServer::respond(200,
            R"({"sessionId":")" + SessionId.toLatin1()
                + R"(","sessionStatus":"starting","sessionSize":"standard","sessionMaxLeaseTime":"01:00:00"})");
        QSignalSpy polled(m_monitor.get(), &SessionMonitor::pollFinished);
        m_monitor->addAccountForCommand(account(ApiVersion::V1), u"key"_s);
        CreateSessionRequest request;
        request.maxLease = TimeSpan::fromHours(1);
        request.size = u"standard"_s;
        m_monitor->createSession(u"Ops"_s, request);
        QVERIFY(polled.wait(10'000));
        QVERIFY2(polled.first().at(1).value<ApiResult>().ok(),
            qPrintable(polled.first().at(1).value<ApiResult>().summary()));
        const QList<ScriptedServer::Received> &received = m_server->received();
        QCOMPARE(received.size(), 2);
        QCOMPARE(received.at(0).method, QByteArray("POST"));
        QVERIFY2(received.at(1).path.contains(QByteArray("/sessions/" + SessionId.toLatin1() + "/properties")),
            received.at(1).path.constData());
    }

    // On an account added for a command, a send that fails in a way the window would send again ends
    // the command at once: the front end's caller (a script) decides whether to try again.
    void accountForACommandSendsAFailedCommandOnce()
    {
        // An answer about another session is not believed (and not retried by the service layer).
        m_server->fallback = ScriptedServer::respond(200,
            R"({"id":"someone-elses","status":"Ready","size":"Standard","maxLeaseTimeMinutes":120,)"
            R"("elapsedTimeMinutes":1})");
        QSignalSpy finished(m_monitor.get(), &SessionMonitor::commandFinished);
        m_monitor->addAccountForCommand(account(ApiVersion::Api20210101), u"key"_s);
        m_monitor->extendSession(u"Ops"_s, SessionId, TimeSpan::fromHours(2));
        QVERIFY(finished.wait(10'000));
        const auto outcome = finished.first().first().value<CommandOutcome>();
        QVERIFY(!outcome.succeeded && !outcome.accepted);
        QVERIFY2(outcome.result.message.contains(u"someone-elses"_s), qPrintable(outcome.description));
        // Ended: nothing is left to send again.
        QCOMPARE(methodsSince(0), QList<QByteArray>{"PATCH"});
    }

private:
    Account account(ApiVersion version) const
    {
        Account account;
        account.name = u"Ops"_s;
        account.accountId = AccountId;
        account.endpoint = m_server->baseUrl();
        account.tokenEndpoint = m_server->baseUrl();
        account.apiVersion = version;
        return account;
    }

    void startWatching(ApiVersion version = ApiVersion::V1)
    {
        QSignalSpy polled(m_monitor.get(), &SessionMonitor::pollFinished);
        m_monitor->addAccount(account(version), u"key"_s);
        QVERIFY(polled.wait(10'000));
        QVERIFY(m_monitor->sessions().find(u"Ops"_s, SessionId));
        // From now on only the polls the test and the follow-through ask for, in an order the test knows.
        using namespace std::chrono_literals;
        m_monitor->setPollInterval(1h);
        m_monitor->setFastPollInterval(1h);
        QVERIFY(pollAndSettle(*m_monitor, u"Ops"_s));
    }

    QList<QByteArray> methodsSince(qsizetype index) const
    {
        QList<QByteArray> methods;
        for (const ScriptedServer::Received &request : m_server->received().mid(index))
            methods.append(request.method);
        return methods;
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
