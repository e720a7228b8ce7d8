#include "TestHttp.h"

#include "core/Clock.h"
#include "core/JsonCodec.h"
#include "emulator/EmulatorServer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using arr::emulator::EmulatorOptions;
using arr::emulator::EmulatorServer;
using arr::emulator::FaultOptions;

#define VERIFY_WIRE(result)                                                                                            \
    do {                                                                                                               \
        const HttpResult &wired_ = (result);                                                                           \
        const QString problem_ = wired_.wireProblem();                                                                 \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_ + u" in "_s + wired_.describe()));                            \
    } while (false)

namespace {

const QString Account = u"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"_s;
const QString Key = u"ZmF1bHQtdGVzdC1rZXk="_s;
const QByteArray CreateBody = "{ 'maxLeaseTime': '4:0:0', 'models': [], 'size': 'small' }";

FaultOptions faults(
    double errorRate, double latencyRate, int latencyMs, double dropRate, double malformedRate, quint32 seed)
{
    FaultOptions options;
    options.errorRate = errorRate;
    options.latencyRate = latencyRate;
    options.latencyMs = latencyMs;
    options.dropRate = dropRate;
    options.malformedRate = malformedRate;
    options.seed = seed;
    return options;
}

} // namespace

// The emulator's injected faults: each kind, its (lack of) effect, and repeatability by seed.
class TestEmulatorFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void errorsHaveNoEffect();
    void tokenServiceFaultsCarryChallenge();
    void dropClosesTheConnectionWithoutEffect();
    void latencyDelaysOnlyTheDelayedAnswer();
    void latencyAppliesTheRequestOnArrival();
    void delayedAnswerToAGoneClientIsDropped();
    void serverCanGoWhileAnswersAreDelayed();
    void malformedGarblesSuccessfulReads();
    void seedMakesFaultsRepeatable();
    void unroutedRequestsAreNeverFaulted();
    void requestHandledReportsEveryAnswer();

private:
    QString sessionsPath() const { return u"/v1/accounts/%1/sessions"_s.arg(Account); }
    HttpResult call(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return m_http->send(method, path, body, TestHttp::bearer(m_token));
    }

    std::unique_ptr<arr::ManualClock> m_clock;
    std::unique_ptr<EmulatorServer> m_server;
    std::unique_ptr<TestHttp> m_http;
    QByteArray m_token;
};

void TestEmulatorFaults::init()
{
    m_clock = std::make_unique<arr::ManualClock>();
    m_server = std::make_unique<EmulatorServer>(EmulatorOptions{}, m_clock.get());
    m_server->addAccount(Account, Key);
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    m_http = std::make_unique<TestHttp>(m_server->baseUrl());
    m_token = m_http->token(Account, Key);
    QVERIFY(!m_token.isEmpty());
    m_server->resetCounters();
}

void TestEmulatorFaults::cleanup()
{
    m_http.reset();
    m_server.reset();
    m_clock.reset();
}

void TestEmulatorFaults::errorsHaveNoEffect()
{
    m_server->setFaults(faults(1, 0, 0, 0, 0, 7));
    QSet<int> statuses;
    for (int i = 0; i < 30; ++i) {
        const HttpResult result = call("POST", sessionsPath() + u"/create"_s, CreateBody);
        VERIFY_WIRE(result);
        QVERIFY2(result.status == 500 || result.status == 503 || result.status == 429, qPrintable(result.describe()));
        statuses.insert(result.status);
    }
    QCOMPARE(statuses, (QSet<int>{500, 503, 429}));
    QVERIFY(m_server->sessions(Account).isEmpty());
    QCOMPARE(m_server->requestCount(u"create"_s), 30);

    m_server->setFaults({});
    const HttpResult created = call("POST", sessionsPath() + u"/create"_s, CreateBody);
    QCOMPARE(created.status, 202);
    QCOMPARE(m_server->sessions(Account).size(), 1);
}

void TestEmulatorFaults::tokenServiceFaultsCarryChallenge()
{
    m_server->setFaults(faults(1, 0, 0, 0, 0, 11));
    bool saw429 = false;
    for (int i = 0; i < 20; ++i) {
        const HttpResult result = m_http->send("GET", u"/accounts/%1/token"_s.arg(Account), {},
            {{"Authorization", "Bearer " + Account.toUtf8() + ':' + Key.toUtf8()}});
        VERIFY_WIRE(result);
        QVERIFY2(result.status == 500 || result.status == 503 || result.status == 429, qPrintable(result.describe()));
        if (result.status == 429) {
            saw429 = true;
            QVERIFY(result.header("WWW-Authenticate").startsWith("Bearer"));
        }
    }
    QVERIFY(saw429);
    QCOMPARE(m_server->requestCount(u"token"_s), 20);
}

void TestEmulatorFaults::dropClosesTheConnectionWithoutEffect()
{
    QSignalSpy handled(m_server.get(), &EmulatorServer::requestHandled);
    m_server->setFaults(faults(0, 0, 0, 1, 0, 3));
    const HttpResult result = call("POST", sessionsPath() + u"/create"_s, CreateBody);
    QVERIFY(result.finished);
    QCOMPARE(result.status, 0);
    QVERIFY2(result.error != QNetworkReply::NoError, qPrintable(result.describe()));
    QVERIFY(m_server->sessions(Account).isEmpty());
    // Every attempt counts (QNetworkAccessManager itself may resend on a closed connection).
    QVERIFY(m_server->requestCount(u"create"_s) >= 1);
    QVERIFY(!handled.isEmpty());
    QCOMPARE(handled.constFirst().at(0).toString(), u"create"_s);
    QCOMPARE(handled.constFirst().at(1).toInt(), 0);

    m_server->setFaults({});
    QCOMPARE(call("GET", sessionsPath()).status, 200);
}

void TestEmulatorFaults::latencyDelaysOnlyTheDelayedAnswer()
{
    constexpr int LatencyMs = 1500;
    m_server->setFaults(faults(0, 1, LatencyMs, 0, 0, 5));
    QElapsedTimer slowTimer;
    slowTimer.start();
    QNetworkReply *slow = m_http->start("GET", sessionsPath(), {}, TestHttp::bearer(m_token));
    QTRY_COMPARE(m_server->requestCount(u"list"_s), 1);

    // While the slow answer waits, the server answers others at once.
    m_server->setFaults({});
    QElapsedTimer fastTimer;
    fastTimer.start();
    const HttpResult fast = call("GET", sessionsPath());
    QCOMPARE(fast.status, 200);
    QVERIFY2(fastTimer.elapsed() < LatencyMs, qPrintable(QString::number(fastTimer.elapsed())));
    QVERIFY(!slow->isFinished());

    const HttpResult delayed = TestHttp::finish(slow);
    QCOMPARE(delayed.status, 200);
    VERIFY_WIRE(delayed);
    QCOMPARE(delayed.body, QByteArray("{\"sessions\":[]}"));
    QVERIFY2(slowTimer.elapsed() >= LatencyMs - 100, qPrintable(QString::number(slowTimer.elapsed())));
}

void TestEmulatorFaults::latencyAppliesTheRequestOnArrival()
{
    m_server->setFaults(faults(0, 1, 1000, 0, 0, 5));
    QNetworkReply *reply = m_http->start("POST", sessionsPath() + u"/create"_s, CreateBody, TestHttp::bearer(m_token));
    QTRY_COMPARE(m_server->sessions(Account).size(), 1);
    QVERIFY(!reply->isFinished());
    const HttpResult created = TestHttp::finish(reply);
    QCOMPARE(created.status, 202);
    QCOMPARE(created.object().value("sessionId"_L1).toString(), m_server->sessions(Account).constFirst().id);
}

void TestEmulatorFaults::delayedAnswerToAGoneClientIsDropped()
{
    m_server->setFaults(faults(0, 1, 300, 0, 0, 5));
    QSignalSpy handled(m_server.get(), &EmulatorServer::requestHandled);
    QNetworkReply *reply = m_http->start("GET", sessionsPath(), {}, TestHttp::bearer(m_token));
    QTRY_COMPARE(m_server->requestCount(u"list"_s), 1);
    reply->abort(); // the client gives up and closes the connection
    reply->deleteLater();
    QTRY_COMPARE(handled.size(), 1);
    QCOMPARE(handled.constFirst().at(1).toInt(), 0);

    // The server goes on serving.
    m_server->setFaults({});
    QCOMPARE(call("GET", sessionsPath()).status, 200);
}

void TestEmulatorFaults::serverCanGoWhileAnswersAreDelayed()
{
    m_server->setFaults(faults(0, 1, 60'000, 0, 0, 5));
    QNetworkReply *reply = m_http->start("GET", sessionsPath(), {}, TestHttp::bearer(m_token));
    QTRY_COMPARE(m_server->requestCount(u"list"_s), 1);
    m_server.reset();
    const HttpResult result = TestHttp::finish(reply, 10'000);
    QVERIFY(result.finished);
    QCOMPARE(result.status, 0);
    QVERIFY(result.error != QNetworkReply::NoError);
}

void TestEmulatorFaults::malformedGarblesSuccessfulReads()
{
    m_server->setFaults({});
    const HttpResult created = call("POST", sessionsPath() + u"/create"_s, CreateBody);
    QCOMPARE(created.status, 202);
    const QString id = created.object().value("sessionId"_L1).toString();

    m_server->setFaults(faults(0, 0, 0, 0, 1, 9));
    bool truncated = false;
    bool html = false;
    bool binary = false;
    for (int i = 0; i < 15; ++i) {
        const HttpResult list = call("GET", sessionsPath());
        QCOMPARE(list.status, 200);
        VERIFY_WIRE(list);
        QVERIFY2(!arr::v1::decodeSessionList(list.body).ok(), list.body.constData());
        truncated = truncated || list.body.startsWith("{\"sessions\"");
        html = html || list.body.startsWith("<html>");
        binary = binary || (!list.body.startsWith('{') && !list.body.startsWith('<'));
    }
    QVERIFY(truncated && html && binary);

    const HttpResult props = call("GET", sessionsPath() + u'/' + id + u"/properties"_s);
    QCOMPARE(props.status, 200);
    QVERIFY(!arr::v1::decodeProperties(props.body).ok());

    // A garbled token answer gives no usable token.
    const HttpResult token = m_http->send("GET", u"/accounts/%1/token"_s.arg(Account), {},
        {{"Authorization", "Bearer " + Account.toUtf8() + ':' + Key.toUtf8()}});
    QCOMPARE(token.status, 200);
    QVERIFY(!arr::decodeTokenResponse(token.body).ok());

    // Mutating calls and refusals are never garbled.
    QCOMPARE(call("PATCH", sessionsPath() + u'/' + id, "{'maxLeaseTime':'5:0:0'}").status, 200);
    const HttpResult another = call("POST", sessionsPath() + u"/create"_s, CreateBody);
    QCOMPARE(another.status, 202);
    QVERIFY(arr::v1::decodeCreateResponse(another.body).ok());
    const HttpResult refused = call("GET", sessionsPath() + u"/00000000-0000-0000-0000-000000000000/properties"_s);
    QCOMPARE(refused.status, 404);
    VERIFY_WIRE(refused);
}

void TestEmulatorFaults::seedMakesFaultsRepeatable()
{
    const auto run = [this](quint32 seed) {
        m_server->setFaults(faults(0.5, 0, 0, 0, 0.3, seed));
        QList<int> outcomes;
        for (int i = 0; i < 24; ++i) {
            const HttpResult result = call("GET", sessionsPath());
            const bool garbled = result.status == 200 && !arr::v1::decodeSessionList(result.body).ok();
            outcomes.append(garbled ? -result.status : result.status);
        }
        return outcomes;
    };
    const QList<int> first = run(42);
    const QList<int> second = run(42);
    const QList<int> other = run(43);
    QCOMPARE(first, second);
    QVERIFY(first != other);
    QVERIFY(first.contains(200) && first.contains(-200));
}

void TestEmulatorFaults::unroutedRequestsAreNeverFaulted()
{
    m_server->setFaults(faults(1, 0, 0, 0, 0, 1));
    QCOMPARE(call("GET", u"/nowhere"_s).status, 404);
    QCOMPARE(call("PUT", sessionsPath()).status, 405);
    m_server->setFaults(faults(0, 0, 0, 1, 0, 1));
    QCOMPARE(call("GET", u"/nowhere"_s).status, 404);
}

void TestEmulatorFaults::requestHandledReportsEveryAnswer()
{
    QSignalSpy handled(m_server.get(), &EmulatorServer::requestHandled);
    QCOMPARE(call("GET", sessionsPath()).status, 200);
    QCOMPARE(call("GET", u"/nowhere"_s).status, 404);
    QCOMPARE(handled.size(), 2);
    QCOMPARE(handled.at(0).at(0).toString(), u"list"_s);
    QCOMPARE(handled.at(0).at(1).toInt(), 200);
    QCOMPARE(handled.at(1).at(0).toString(), QString());
    QCOMPARE(handled.at(1).at(1).toInt(), 404);
}

QTEST_GUILESS_MAIN(TestEmulatorFaults)
#include "tst_emulatorfaults.moc"
