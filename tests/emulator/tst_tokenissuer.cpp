#include "common/MemoryInUse.h"
#include "emulator/TokenIssuer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using arr::emulator::TokenIssuer;

namespace {

const QDateTime Now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
constexpr qint64 Hour = 3600'000;

} // namespace

// The token service's issuer: self-contained tokens, checked by signature and expiry; only
// revocations are remembered.
class TestTokenIssuer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void issuedTokenIsValidUntilItExpires();
    void foreignAndTamperedTokensAreUnknown_data();
    void foreignAndTamperedTokensAreUnknown();
    void forgottenTokenIsUnknownAndForgottenAfterExpiry();
    void revokeAllInvalidatesEveryToken();
    void issuingRemembersNothing();
};

void TestTokenIssuer::issuedTokenIsValidUntilItExpires()
{
    TokenIssuer issuer;
    const QByteArray token = issuer.issue(u"acc"_s, Now, Hour);
    const TokenIssuer::Check valid = issuer.check(token, Now.addSecs(3599));
    QCOMPARE(valid.verdict, TokenIssuer::Verdict::Valid);
    QCOMPARE(valid.accountId, u"acc"_s);
    QCOMPARE(valid.expiry, Now.addSecs(3600));
    QCOMPARE(issuer.check(token, Now.addSecs(3600)).verdict, TokenIssuer::Verdict::Expired);
    // Long after: still "expired", which tells a client to get a new one.
    QCOMPARE(issuer.check(token, Now.addDays(30)).verdict, TokenIssuer::Verdict::Expired);
}

void TestTokenIssuer::foreignAndTamperedTokensAreUnknown_data()
{
    QTest::addColumn<QByteArray>("token");
    TokenIssuer issuer;
    const QByteArray token = issuer.issue(u"acc"_s, Now, Hour);
    const QList<QByteArray> parts = token.split('.');
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no dots") << QByteArray("opaque");
    QTest::newRow("other issuer") << TokenIssuer().issue(u"acc"_s, Now, Hour);
    // Another account's claims under this token's signature.
    const QByteArray otherPayload = QByteArray(R"({"accountId":"other","exp":9999999999,"jti":"x"})")
                                        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QTest::newRow("payload swapped") << parts[0] + '.' + otherPayload + '.' + parts[2];
    QTest::newRow("signature cut") << token.chopped(1);
    QTest::newRow("huge") << QByteArray(100'000, 'a');
}

void TestTokenIssuer::foreignAndTamperedTokensAreUnknown()
{
    QFETCH(QByteArray, token);
    TokenIssuer issuer;
    QCOMPARE(issuer.check(token, Now).verdict, TokenIssuer::Verdict::Unknown);
}

void TestTokenIssuer::forgottenTokenIsUnknownAndForgottenAfterExpiry()
{
    TokenIssuer issuer;
    const QByteArray kept = issuer.issue(u"acc"_s, Now, Hour);
    const QByteArray forgotten = issuer.issue(u"acc"_s, Now, Hour);
    issuer.forget(forgotten);
    QCOMPARE(issuer.revokedCount(), 1);
    QCOMPARE(issuer.check(forgotten, Now).verdict, TokenIssuer::Verdict::Unknown);
    QCOMPARE(issuer.check(kept, Now).verdict, TokenIssuer::Verdict::Valid);
    // Once it has expired, its revocation is no longer needed.
    issuer.issue(u"acc"_s, Now.addSecs(3600), Hour);
    QCOMPARE(issuer.revokedCount(), 0);
    QCOMPARE(issuer.check(forgotten, Now.addSecs(3600)).verdict, TokenIssuer::Verdict::Expired);
}

void TestTokenIssuer::revokeAllInvalidatesEveryToken()
{
    TokenIssuer issuer;
    const QByteArray before = issuer.issue(u"acc"_s, Now, Hour);
    issuer.revokeAll();
    const QByteArray after = issuer.issue(u"acc"_s, Now, Hour);
    QCOMPARE(issuer.check(before, Now).verdict, TokenIssuer::Verdict::Unknown);
    QCOMPARE(issuer.check(after, Now).verdict, TokenIssuer::Verdict::Valid);
}

void TestTokenIssuer::issuingRemembersNothing()
{
    TokenIssuer issuer;
    for (int i = 0; i < 1000; ++i)
        issuer.issue(u"acc"_s, Now, 24 * Hour);
    const qint64 before = memoryInUseKiB();
    constexpr int Tokens = 100'000;
    QByteArray first;
    for (int i = 0; i < Tokens; ++i) {
        const QByteArray token = issuer.issue(u"acc"_s, Now, 24 * Hour);
        if (i == 0)
            first = token;
    }
    const qint64 after = memoryInUseKiB();
    qInfo("%d tokens issued: %lld entries remembered; %s %lld KiB before, %lld KiB after", Tokens,
        qint64(issuer.revokedCount()), memoryInUseMeasure(), before, after);
    QCOMPARE(issuer.revokedCount(), 0);
    // Remembering each one cost about 480 bytes: 46 MiB for these.
    QVERIFY2(after - before < 4 * 1024, qPrintable(u"grew by %1 KiB"_s.arg(after - before)));
    QCOMPARE(issuer.check(first, Now).verdict, TokenIssuer::Verdict::Valid);
}

QTEST_GUILESS_MAIN(TestTokenIssuer)
#include "tst_tokenissuer.moc"
