#include "ServiceFixture.h"
#include "common/LoggedEntries.h"
#include "common/TestEmulator.h"

#include "emulator/EmulatorServer.h"

#include <QSet>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using arr::ErrorKind;
using arr::SessionStatus;
using arr::TimeSpan;

namespace {

const QString AccountId = u"9a9a9a9a-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s;
const QString AccountKey = u"emulator-ga-key"_s;
// Small, so that five sessions take three pages.
constexpr int PageSize = 2;

// The log's entries for one method, in order.
QList<arr::RequestLogEntry> entriesOf(const arr::RequestLog &log, const QByteArray &method)
{
    QList<arr::RequestLogEntry> found;
    for (const arr::RequestLogEntry &entry : loggedEntries(log)) {
        if (entry.method == method)
            found.append(entry);
    }
    return found;
}

} // namespace

// Every operation of the 2021-01-01 dialect against the emulator over loopback HTTP: the client's
// requests and the emulator's answers must agree on paths, methods, bodies, paging and errors.
class TestSessionApiEmulatorGa : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyOperation();
    void listFollowsEveryPage();
    void repeatedIdWithOtherSettingsConflicts();
    void leaseNotLargerIsRefused();
    void createRepeatedAfterLostAnswersMakesOneSession();
    void unknownAndInvalidIds();

private:
    arr::ApiResult create(
        const QString &id, TimeSpan lease = TimeSpan::fromHours(1), const QString &size = u"standard"_s)
    {
        return ServiceFixture::wait(m_client->api->createSession({lease, size, {}, id}));
    }

    arr::ManualClock m_clock;
    std::unique_ptr<arr::emulator::EmulatorServer> m_emulator;
    std::unique_ptr<ServiceFixture> m_client;
};

void TestSessionApiEmulatorGa::init()
{
    arr::emulator::EmulatorOptions options;
    options.startDelayMs = 10'000;
    options.pageSize = PageSize;
    m_emulator = startEmulator(&m_clock, AccountId, AccountKey, options);
    QVERIFY(m_emulator);
    m_client = std::make_unique<ServiceFixture>(
        m_emulator->baseUrl(), AccountId, AccountKey, &m_clock, QUrl(), arr::ApiVersion::Api20210101);
}

void TestSessionApiEmulatorGa::cleanup()
{
    QTRY_COMPARE(m_client->jobsAlive(), 0);
    m_client.reset();
    m_emulator.reset();
}

void TestSessionApiEmulatorGa::everyOperation()
{
    // Create: a PUT under the id the client chose, 201 the first time.
    const QString id = u"render-job-0042"_s;
    const arr::ApiResult created = create(id, TimeSpan::fromHours(4));
    QVERIFY2(created.ok(), qPrintable(created.summary()));
    QCOMPARE(created.httpStatus, 201);
    QCOMPARE(created.sessionId, id);
    QVERIFY(!created.msCv.isEmpty());
    const QList<arr::RequestLogEntry> puts = entriesOf(m_client->log, "PUT");
    QCOMPARE(puts.size(), 1);
    QVERIFY2(puts.first().path.contains(u"/sessions/render-job-0042?api-version=2021-01-01"_s),
        qPrintable(puts.first().path));
    QCOMPARE(m_emulator->sessions(AccountId).size(), 1);
    QCOMPARE(m_emulator->sessions(AccountId).first().id, id);

    // The same create again: 200 with the same session, and still one session.
    const arr::ApiResult repeated = create(id, TimeSpan::fromHours(4));
    QVERIFY2(repeated.ok(), qPrintable(repeated.summary()));
    QCOMPARE(repeated.httpStatus, 200);
    QCOMPARE(repeated.sessionId, id);
    QCOMPARE(m_emulator->sessions(AccountId).size(), 1);

    // Without an id the client names the session with a new UUID.
    const arr::ApiResult named = create({});
    QVERIFY2(named.ok(), qPrintable(named.summary()));
    QCOMPARE(named.httpStatus, 201);
    QVERIFY2(!QUuid::fromString(named.sessionId).isNull(), qPrintable(named.sessionId));
    QCOMPARE(m_emulator->sessions(AccountId).size(), 2);

    const arr::ApiResult listed = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY2(listed.ok(), qPrintable(listed.summary()));
    QCOMPARE(listed.sessions.size(), 2);
    for (const arr::Session &session : listed.sessions)
        QCOMPARE(session.status, SessionStatus::Starting);

    // Get: once ready, every GA field is there.
    m_clock.advance(11'000);
    const arr::ApiResult properties = ServiceFixture::wait(m_client->api->sessionProperties(id));
    QVERIFY2(properties.ok(), qPrintable(properties.summary()));
    QVERIFY(properties.session);
    const arr::Session &session = *properties.session;
    QCOMPARE(session.id, id);
    QCOMPARE(session.status, SessionStatus::Ready);
    QCOMPARE(session.maxLease.value(), TimeSpan::fromHours(4));
    QVERIFY(!session.hostname.isEmpty());
    QCOMPARE(session.handshakePort, std::optional<int>(50051));
    QCOMPARE(session.arrInspectorPort, std::optional<int>(50052));
    QVERIFY(session.teraflops && *session.teraflops > 0);
    QVERIFY(session.creationTime.isValid());
    QVERIFY(session.elapsedInWholeMinutes);
    QVERIFY(session.errorCode.isEmpty());

    // Update: a PATCH with the new lease, answered with the session.
    const arr::ApiResult extended = ServiceFixture::wait(m_client->api->extendSession(id, TimeSpan::fromHours(5)));
    QVERIFY2(extended.ok(), qPrintable(extended.summary()));
    QCOMPARE(extended.httpStatus, 200);
    QCOMPARE(entriesOf(m_client->log, "PATCH").size(), 1);
    QCOMPARE(m_emulator->sessions(AccountId).first().maxLease.value(), TimeSpan::fromHours(5));

    // Stop: a POST to :stop, 204; the GA API then reads the session as stopped.
    const arr::ApiResult stopped = ServiceFixture::wait(m_client->api->stopSession(id));
    QVERIFY2(stopped.ok(), qPrintable(stopped.summary()));
    QCOMPARE(stopped.httpStatus, 204);
    const QList<arr::RequestLogEntry> posts = entriesOf(m_client->log, "POST");
    QVERIFY(!posts.isEmpty());
    QVERIFY2(posts.last().path.contains(u"/sessions/render-job-0042/:stop?api-version=2021-01-01"_s),
        qPrintable(posts.last().path));
    const arr::ApiResult afterStop = ServiceFixture::wait(m_client->api->sessionProperties(id));
    QVERIFY2(afterStop.ok(), qPrintable(afterStop.summary()));
    QCOMPARE(afterStop.session->status, SessionStatus::Stopped);
    // A stopped session is not in the GA list.
    const arr::ApiResult relisted = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY2(relisted.ok(), qPrintable(relisted.summary()));
    QCOMPARE(relisted.sessions.size(), 1);
    QCOMPARE(relisted.sessions.first().id, named.sessionId);

    // One token served every call, and each call is in the log with its MS-CV.
    QCOMPARE(m_emulator->requestCount(u"token"_s), 1);
    for (const arr::RequestLogEntry &entry : loggedEntries(m_client->log))
        QVERIFY(!entry.msCv.isEmpty());
}

void TestSessionApiEmulatorGa::listFollowsEveryPage()
{
    QSet<QString> made;
    for (int i = 0; i < 5; ++i) {
        const arr::ApiResult created = create(u"paged-%1"_s.arg(i));
        QVERIFY2(created.ok(), qPrintable(created.summary()));
        made.insert(created.sessionId);
    }
    m_emulator->resetCounters();
    const arr::ApiResult listed = ServiceFixture::wait(m_client->api->listSessions());
    QVERIFY2(listed.ok(), qPrintable(listed.summary()));
    // Five sessions, two a page: one poll read three pages, each once.
    QCOMPARE(m_emulator->requestCount(u"list"_s), 3);
    QCOMPARE(listed.sessions.size(), 5);
    QSet<QString> seen;
    for (const arr::Session &session : listed.sessions)
        seen.insert(session.id);
    QCOMPARE(seen, made);
    // The pages after the first went to the account's endpoint with the same token: no new one.
    QCOMPARE(m_emulator->requestCount(u"token"_s), 0);
    QList<arr::RequestLogEntry> pages = entriesOf(m_client->log, "GET");
    pages.removeIf([](const arr::RequestLogEntry &entry) { return !entry.path.contains(u"/sessions"_s); });
    QCOMPARE(pages.size(), 3);
    for (const arr::RequestLogEntry &page : pages)
        QVERIFY2(page.path.contains(u"api-version=2021-01-01"_s), qPrintable(page.path));
}

void TestSessionApiEmulatorGa::repeatedIdWithOtherSettingsConflicts()
{
    QVERIFY(create(u"conflicted"_s, TimeSpan::fromHours(1)).ok());
    const arr::ApiResult otherLease = create(u"conflicted"_s, TimeSpan::fromHours(2));
    QCOMPARE(otherLease.kind, ErrorKind::Rejected);
    QCOMPARE(otherLease.httpStatus, 409);
    QCOMPARE(otherLease.serviceCode, u"Conflict"_s);
    QVERIFY(!otherLease.message.isEmpty());
    QVERIFY(!otherLease.msCv.isEmpty());
    // A refusal is not repeated.
    QCOMPARE(otherLease.attempts, 1);

    const arr::ApiResult otherSize = create(u"conflicted"_s, TimeSpan::fromHours(1), u"premium"_s);
    QCOMPARE(otherSize.httpStatus, 409);
    QCOMPARE(m_emulator->sessions(AccountId).size(), 1);
    QCOMPARE(m_emulator->sessions(AccountId).first().maxLease.value(), TimeSpan::fromHours(1));
}

void TestSessionApiEmulatorGa::leaseNotLargerIsRefused()
{
    const QString id = create(u"leased"_s, TimeSpan::fromHours(2)).sessionId;
    QCOMPARE(id, u"leased"_s);
    m_clock.advance(11'000);
    for (const TimeSpan lease : {TimeSpan::fromHours(2), TimeSpan::fromHours(1)}) {
        const arr::ApiResult refused = ServiceFixture::wait(m_client->api->extendSession(id, lease));
        QCOMPARE(refused.kind, ErrorKind::Rejected);
        QCOMPARE(refused.httpStatus, 422);
        QVERIFY2(!refused.message.isEmpty(), qPrintable(refused.summary()));
        QCOMPARE(refused.attempts, 1);
    }
    QCOMPARE(m_emulator->sessions(AccountId).first().maxLease.value(), TimeSpan::fromHours(2));

    // An ended session cannot be extended either.
    QVERIFY(ServiceFixture::wait(m_client->api->stopSession(id)).ok());
    const arr::ApiResult ended = ServiceFixture::wait(m_client->api->extendSession(id, TimeSpan::fromHours(3)));
    QCOMPARE(ended.httpStatus, 422);
    QCOMPARE(ended.kind, ErrorKind::Rejected);
}

void TestSessionApiEmulatorGa::createRepeatedAfterLostAnswersMakesOneSession()
{
    QVERIFY(ServiceFixture::wait(m_client->api->listSessions()).ok());
    // Every answer comes too late: each PUT takes effect in the emulator, its answer is lost.
    arr::emulator::FaultOptions faults;
    faults.latencyRate = 1.0;
    faults.latencyMs = 1500;
    m_emulator->setFaults(faults);
    m_client->api->requestFactory.transferTimeout = 250ms;
    m_client->api->retryPolicy.maxAttempts = 3;
    m_emulator->resetCounters();
    const arr::ApiResult lost = create(u"lost-answers"_s);
    QCOMPARE(lost.kind, ErrorKind::Timeout);
    QCOMPARE(lost.attempts, 3);
    QVERIFY2(lost.message.contains(u"same id"_s), qPrintable(lost.message));
    QCOMPARE(m_emulator->requestCount(u"create"_s), 3);
    // Three PUTs with one id: one session.
    QCOMPARE(m_emulator->sessions(AccountId).size(), 1);

    // Once answers arrive, the same create again names the same session, with 200.
    m_emulator->setFaults({});
    const arr::ApiResult again = create(u"lost-answers"_s);
    QVERIFY2(again.ok(), qPrintable(again.summary()));
    QCOMPARE(again.httpStatus, 200);
    QCOMPARE(again.sessionId, u"lost-answers"_s);
    QCOMPARE(m_emulator->sessions(AccountId).size(), 1);
}

void TestSessionApiEmulatorGa::unknownAndInvalidIds()
{
    const arr::ApiResult missing = ServiceFixture::wait(m_client->api->sessionProperties(u"no-such-session"_s));
    QCOMPARE(missing.kind, ErrorKind::NotFound);
    QCOMPARE(missing.httpStatus, 404);
    QVERIFY(!missing.message.isEmpty());
    QCOMPARE(ServiceFixture::wait(m_client->api->stopSession(u"no-such-session"_s)).httpStatus, 404);

    // An id outside the allowed characters or length is refused before anything is sent.
    const int sent = m_emulator->requestCount();
    for (const QString &id : {u"has space"_s, u"slash/in/it"_s, QString(257, u'a')}) {
        const arr::ApiResult refused = create(id);
        QCOMPARE(refused.kind, ErrorKind::Configuration);
        QCOMPARE(refused.httpStatus, 0);
        QVERIFY2(!refused.message.isEmpty(), qPrintable(id));
    }
    QCOMPARE(m_emulator->requestCount(), sent);
    QCOMPARE(m_emulator->sessions(AccountId).size(), 0);
}

QTEST_GUILESS_MAIN(TestSessionApiEmulatorGa)
#include "tst_sessionapi_emulator_ga.moc"
