#include "core/Account.h"

#include <QTest>

using namespace Qt::StringLiterals;

// Account validation: ids, endpoints, and the rule that plain http is for loopback only.
class TestAccount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void regions();
    void endpoints_data();
    void endpoints();
    void accountIds();
    void validation();
};

void TestAccount::regions()
{
    QVERIFY(arr::knownRegions().contains(u"westus2"_s));
    QCOMPARE(arr::knownRegions().size(), 10);
    QCOMPARE(
        arr::regionEndpoint(u"WestEurope"_s), QUrl(u"https://remoterendering.westeurope.mixedreality.azure.com"_s));
    QCOMPARE(arr::regionTokenEndpoint(u"westus2"_s), QUrl(u"https://sts.westus2.mixedreality.azure.com"_s));
    QCOMPARE(arr::defaultTokenEndpoint(), QUrl(u"https://sts.mixedreality.azure.com"_s));
}

void TestAccount::endpoints_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("https") << u"https://remoterendering.westus2.mixedreality.azure.com"_s << true;
    QTest::newRow("http loopback v4") << u"http://127.0.0.1:8080"_s << true;
    QTest::newRow("http loopback other") << u"http://127.0.0.2:8080"_s << true;
    QTest::newRow("http localhost") << u"http://localhost:1234"_s << true;
    QTest::newRow("http loopback v6") << u"http://[::1]:8080"_s << true;
    QTest::newRow("http remote") << u"http://example.com"_s << false;
    QTest::newRow("http private") << u"http://192.168.1.4"_s << false;
    QTest::newRow("http lookalike") << u"http://localhost.example.com"_s << false;
    QTest::newRow("ftp") << u"ftp://example.com"_s << false;
    QTest::newRow("no host") << u"https://"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestAccount::endpoints()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QCOMPARE(arr::endpointError(QUrl(url)).isEmpty(), allowed);
}

void TestAccount::accountIds()
{
    QVERIFY(arr::accountIdError(u"11111111-1111-1111-1111-111111111111"_s).isEmpty());
    QVERIFY(arr::accountIdError(u"ABCDEF01-2345-6789-abcd-ef0123456789"_s).isEmpty());
    QVERIFY(!arr::accountIdError(QString()).isEmpty());
    QVERIFY(!arr::accountIdError(u"my-account"_s).isEmpty());
    QVERIFY(!arr::accountIdError(u"11111111-1111-1111-1111-11111111111"_s).isEmpty());
    QVERIFY(!arr::accountIdError(u"11111111-1111-1111-1111-111111111111/../x"_s).isEmpty());
}

void TestAccount::validation()
{
    arr::Account account;
    account.name = u"Production"_s;
    account.accountId = u"11111111-1111-1111-1111-111111111111"_s;
    account.endpoint = arr::regionEndpoint(u"westus2"_s);
    account.tokenEndpoint = arr::defaultTokenEndpoint();
    QVERIFY(account.validationError().isEmpty());

    arr::Account noName = account;
    noName.name.clear();
    QVERIFY(!noName.validationError().isEmpty());

    arr::Account plain = account;
    plain.tokenEndpoint = QUrl(u"http://sts.example.com"_s);
    QVERIFY(plain.validationError().contains(u"http"_s));
}

QTEST_GUILESS_MAIN(TestAccount)
#include "tst_account.moc"
