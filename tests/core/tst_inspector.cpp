// Which session may be opened in the ARR Inspector, and the address it opens.
#include "core/Inspector.h"
#include "core/Session.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace arr;

class TestInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void link_data();
    void link();
    void hostNames_data();
    void hostNames();
};

void TestInspector::link_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("hostname");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("url");

    const QString host = u"a1b2c3.westeurope.mixedreality.azure.com"_s;
    QTest::newRow("ready") << int(SessionStatus::Ready) << host << 8080 << u"https://%1:8080"_s.arg(host);
    QTest::newRow("upper case host") << int(SessionStatus::Ready) << u"ARR-1.Example.com"_s << 443
                                     << u"https://arr-1.example.com:443"_s;
    QTest::newRow("starting") << int(SessionStatus::Starting) << host << 8080 << QString();
    QTest::newRow("stopping") << int(SessionStatus::Stopping) << host << 8080 << QString();
    QTest::newRow("stopped") << int(SessionStatus::Stopped) << host << 8080 << QString();
    QTest::newRow("no port") << int(SessionStatus::Ready) << host << -1 << QString();
    QTest::newRow("no host") << int(SessionStatus::Ready) << QString() << 8080 << QString();
    QTest::newRow("port 0") << int(SessionStatus::Ready) << host << 0 << QString();
    QTest::newRow("port too large") << int(SessionStatus::Ready) << host << 65536 << QString();
    QTest::newRow("user info") << int(SessionStatus::Ready) << u"evil.com@example.com"_s << 8080 << QString();
    QTest::newRow("path") << int(SessionStatus::Ready) << u"example.com/x"_s << 8080 << QString();
    QTest::newRow("host with port") << int(SessionStatus::Ready) << u"example.com:1"_s << 8080 << QString();
    QTest::newRow("space") << int(SessionStatus::Ready) << u"exa mple.com"_s << 8080 << QString();
    QTest::newRow("scheme") << int(SessionStatus::Ready) << u"javascript:alert(1)"_s << 8080 << QString();
}

void TestInspector::link()
{
    QFETCH(int, status);
    QFETCH(QString, hostname);
    QFETCH(int, port);
    QFETCH(QString, url);
    Session session;
    session.id = u"s1"_s;
    session.status = SessionStatus(status);
    session.hostname = hostname;
    if (port >= 0)
        session.arrInspectorPort = port;
    const InspectorLink link = inspectorLink(session);
    QCOMPARE(link.isAvailable(), !url.isEmpty());
    if (url.isEmpty()) {
        QVERIFY(!link.url.isValid());
        QVERIFY(!link.unavailableReason.isEmpty());
        return;
    }
    QCOMPARE(link.url.toString(), url);
    QCOMPARE(link.url.scheme(), u"https"_s);
    QVERIFY(link.unavailableReason.isEmpty());
}

void TestInspector::hostNames_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("valid");
    QTest::newRow("name") << u"example.com"_s << true;
    QTest::newRow("single label") << u"localhost"_s << true;
    QTest::newRow("fully qualified") << u"example.com."_s << true;
    QTest::newRow("ipv4") << u"10.0.0.1"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("empty label") << u"a..b"_s << false;
    QTest::newRow("leading hyphen") << u"-a.com"_s << false;
    QTest::newRow("trailing hyphen") << u"a-.com"_s << false;
    QTest::newRow("label of 64") << QString(64, u'a') + u".com"_s << false;
    QTest::newRow("label of 63") << QString(63, u'a') + u".com"_s << true;
    QTest::newRow("ipv6") << u"[::1]"_s << false;
    QTest::newRow("underscore") << u"a_b.com"_s << false;
    QTest::newRow("non-ascii") << u"b\u00fccher.de"_s << false;
    // Five labels of 50: 254 characters with the dots.
    const QString fifty(50, u'a');
    QTest::newRow("too long") << QStringList(5, fifty).join(u'.') << false;
    QTest::newRow("longest") << QStringList(5, fifty).join(u'.').mid(1) << true;
}

void TestInspector::hostNames()
{
    QFETCH(QString, host);
    QFETCH(bool, valid);
    QCOMPARE(isValidHostName(host), valid);
}

QTEST_GUILESS_MAIN(TestInspector)
#include "tst_inspector.moc"
