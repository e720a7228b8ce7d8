#include "core/Jwt.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray makeToken(const QByteArray &payloadJson)
{
    const QByteArray header = QByteArray(R"({"alg":"HS256","typ":"JWT"})")
                                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray payload = payloadJson.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return header + '.' + payload + ".c2lnbmF0dXJl";
}

} // namespace

// Reading the expiry of a token, and refusing what is not a JWT.
class TestJwt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsExp();
    void rejectsNonTokens_data();
    void rejectsNonTokens();
};

void TestJwt::readsExp()
{
    QString error;
    const auto expiry = arr::jwtExpiry(makeToken(R"({"exp":1767268800,"accountId":"x"})"), &error);
    QVERIFY2(expiry.has_value(), qPrintable(error));
    QCOMPARE(*expiry, QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC));
    // Padding, as some encoders leave it, is accepted too.
    const QByteArray padded
        = QByteArray("eyJhbGciOiJub25lIn0.") + QByteArray(R"({"exp":1})").toBase64(QByteArray::Base64UrlEncoding) + ".";
    QVERIFY(arr::jwtExpiry(padded).has_value());
}

void TestJwt::rejectsNonTokens_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("opaque") << QByteArray("not-a-token");
    QTest::newRow("two parts") << QByteArray("a.b");
    QTest::newRow("four parts") << QByteArray("a.b.c.d");
    QTest::newRow("bad base64") << QByteArray("a.!!!.c");
    QTest::newRow("payload not json") << makeToken("hello");
    QTest::newRow("payload array") << makeToken("[1,2]");
    QTest::newRow("no exp") << makeToken(R"({"sub":"x"})");
    QTest::newRow("exp string") << makeToken(R"({"exp":"1767268800"})");
    QTest::newRow("exp negative") << makeToken(R"({"exp":-5})");
    QTest::newRow("exp huge") << makeToken(R"({"exp":1e300})");
}

void TestJwt::rejectsNonTokens()
{
    QFETCH(QByteArray, token);
    QString error;
    QVERIFY(!arr::jwtExpiry(token, &error).has_value());
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
