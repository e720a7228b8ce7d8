#include "core/Account.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

// Account validation: ids, endpoints, and the rule that plain http is for loopback only.
class TestAccount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void regions();
    void endpoints_data();
    void endpoints();
    void names_data();
    void names();
    void keys();
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
    QTest::newRow("user and password") << u"http://user:hunter2@127.0.0.1:8080"_s << false;
    QTest::newRow("user only") << u"https://user@example.com"_s << false;
    QTest::newRow("empty user info") << u"https://@example.com"_s << false;
}

void TestAccount::endpoints()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    const QString why = arr::endpointError(QUrl(url));
    QCOMPARE(why.isEmpty(), allowed);
    // A refusal never repeats a password.
    QVERIFY(!why.contains(u"hunter2"_s));
}

void TestAccount::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problem");
    QTest::newRow("plain") << u"Production"_s << QString();
    QTest::newRow("other scripts") << u"Produktion Zürich 東京 ☃"_s << QString();
    QTest::newRow("100 characters") << QString(100, u'x') << QString();
    QTest::newRow("100 characters outside the BMP") << QString(u"😀"_s).repeated(100) << QString();
    QTest::newRow("empty") << QString() << u"The account has no name."_s;
    QTest::newRow("blank") << u"   "_s << u"The account has no name."_s;
    const QString control = u"The account name contains a control character, a line break or a text-direction "
                            "mark; use letters, digits, spaces and punctuation."_s;
    QTest::newRow("line break") << u"Prod\r\nFake: banner"_s << control;
    QTest::newRow("escape") << u"Prod\x1b[2J"_s << control;
    QTest::newRow("tab") << u"Prod\tuction"_s << control;
    QTest::newRow("right-to-left override") << u"Prod\u202Enoitc"_s << control;
    QTest::newRow("isolate") << u"Prod\u2066x"_s << control;
    QTest::newRow("C1 control") << u"Prod\u0085"_s << control;
    QTest::newRow("101 characters") << QString(101, u'x') << u"The account name is longer than 100 characters."_s;
    QTest::newRow("5000 characters") << QString(5000, u'x') << u"The account name is longer than 100 characters."_s;
}

void TestAccount::names()
{
    QFETCH(QString, name);
    QFETCH(QString, problem);
    QCOMPARE(arr::accountNameError(name), problem);
    arr::Account account;
    account.name = name;
    account.accountId = u"11111111-1111-1111-1111-111111111111"_s;
    account.endpoint = arr::regionEndpoint(u"westus2"_s);
    account.tokenEndpoint = arr::defaultTokenEndpoint();
    QCOMPARE(account.validationError(), problem);
}

void TestAccount::keys()
{
    QVERIFY(arr::accountKeyError(u"c2VjcmV0LWtleS1mb3ItYXJyc20="_s).isEmpty());
    QVERIFY(arr::accountKeyError(u"S3cretKey-c2VjcmV0_LWtleS1mb3ItYXJyc20+/="_s).isEmpty());
    QCOMPARE(arr::accountKeyError(QString()), u"The account key is empty."_s);
    const QString bad = u"The account key contains a character that is not in a key (a control character, a line "
                        "break, a space or a non-ASCII character); a key is base64 text."_s;
    for (const QString &key :
        {u"abc\r\nX-Injected: 1"_s, u"abc\ndef"_s, u"ab\x00c"_s, u"ab c"_s, u"ab\x7f"_s, u"kéy"_s, u"ab\u202Ec"_s}) {
        const QString why = arr::accountKeyError(key);
        QCOMPARE(why, bad);
    }
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

    // Budgets and alerts: from none to a sane bound; a hand-edited file's nonsense is refused.
    arr::Account guarded = account;
    guarded.dailyBudget = 250.5;
    guarded.longRunningHours = 8;
    QVERIFY(guarded.validationError().isEmpty());
    for (double budget :
        {-1.0, 2e9, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
        arr::Account wrong = account;
        wrong.dailyBudget = budget;
        QVERIFY2(wrong.validationError().contains(u"budget"_s), qPrintable(QString::number(budget)));
    }
    for (int hours : {-1, 25}) {
        arr::Account wrong = account;
        wrong.longRunningHours = hours;
        QVERIFY(wrong.validationError().contains(u"hours"_s));
    }
}

QTEST_GUILESS_MAIN(TestAccount)
#include "tst_account.moc"
