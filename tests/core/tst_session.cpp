#include "core/Session.h"

#include <QTest>

using namespace Qt::StringLiterals;
using arr::Session;
using arr::SessionStatus;
using arr::TimeSpan;

// The status enum as the service spelt it over the years, and the session's lease arithmetic.
class TestSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesStatusInAnyCase_data();
    void parsesStatusInAnyCase();
    void unknownStatusKeepsItsText();
    void classifiesStatuses();
    void remainingAndExpiry();
};

void TestSession::parsesStatusInAnyCase_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<SessionStatus>("status");
    QTest::newRow("seed spelling") << u"Ready"_s << SessionStatus::Ready;
    QTest::newRow("lower") << u"starting"_s << SessionStatus::Starting;
    QTest::newRow("upper") << u"STOPPING"_s << SessionStatus::Stopping;
    QTest::newRow("later spec") << u"None"_s << SessionStatus::None;
    QTest::newRow("stopped") << u"stopped"_s << SessionStatus::Stopped;
    QTest::newRow("expired") << u"Expired"_s << SessionStatus::Expired;
    QTest::newRow("error") << u"error"_s << SessionStatus::Error;
    QTest::newRow("padded") << u" ready "_s << SessionStatus::Ready;
    QTest::newRow("new value") << u"Hibernating"_s << SessionStatus::Unknown;
    QTest::newRow("empty") << QString() << SessionStatus::Unknown;
}

void TestSession::parsesStatusInAnyCase()
{
    QFETCH(QString, text);
    QFETCH(SessionStatus, status);
    QCOMPARE(arr::parseSessionStatus(text), status);
}

void TestSession::unknownStatusKeepsItsText()
{
    Session session;
    session.statusText = u"Hibernating"_s;
    session.status = arr::parseSessionStatus(session.statusText);
    QCOMPARE(session.status, SessionStatus::Unknown);
    QCOMPARE(session.statusLabel(), u"Hibernating"_s);
    QCOMPARE(arr::sessionStatusWireName(SessionStatus::Unknown), QString());
    QCOMPARE(arr::sessionStatusWireName(SessionStatus::Ready), u"ready"_s);
}

void TestSession::classifiesStatuses()
{
    QVERIFY(arr::isFinalStatus(SessionStatus::Stopped));
    QVERIFY(arr::isFinalStatus(SessionStatus::Expired));
    QVERIFY(arr::isFinalStatus(SessionStatus::Error));
    QVERIFY(!arr::isFinalStatus(SessionStatus::Ready));
    QVERIFY(!arr::isFinalStatus(SessionStatus::Unknown));
    QVERIFY(arr::isTransitionalStatus(SessionStatus::Starting));
    QVERIFY(arr::isTransitionalStatus(SessionStatus::Stopping));
    QVERIFY(!arr::isTransitionalStatus(SessionStatus::Ready));
}

void TestSession::remainingAndExpiry()
{
    Session session;
    QVERIFY(!session.remaining().has_value());
    const QDateTime observed(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
    QVERIFY(!arr::leaseExpiresAt(session, observed).isValid());

    session.maxLease = TimeSpan::fromHours(4);
    session.elapsed = TimeSpan::fromMinutes(90);
    QCOMPARE(session.remaining().value(), TimeSpan::fromMinutes(150));
    QCOMPARE(arr::leaseExpiresAt(session, observed), observed.addSecs(150 * 60));

    session.elapsed = TimeSpan::fromHours(5);
    QCOMPARE(session.remaining().value(), TimeSpan());
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
