#include "core/RequestValidationTable.h"
#include "core/RequestValidator.h"

#include <QTest>

using namespace Qt::StringLiterals;
using arr::RequestCheck;
using arr::RequestValidator;
using arr::SessionIdRule;
using arr::TimeSpan;

Q_DECLARE_METATYPE(arr::RequestCheck)

class TestRequestValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void table_data();
    void table();
    void laterApiSessionIds_data();
    void laterApiSessionIds();
    void sentencesStayOneShortLine();
    void knownSizesMatchIgnoringCase();
};

void TestRequestValidator::table_data()
{
    QTest::addColumn<int>("row");
    const QList<validation::Case> cases = validation::cases();
    for (int i = 0; i < cases.size(); ++i)
        QTest::newRow(cases.at(i).name) << i;
}

void TestRequestValidator::table()
{
    QFETCH(int, row);
    const validation::Case c = validation::cases().at(row);
    arr::RequestVerdict verdict;
    switch (c.field) {
    case validation::Field::Lease:
    case validation::Field::Extend: {
        const auto lease = TimeSpan::parseDuration(c.input);
        QVERIFY(lease);
        verdict = c.field == validation::Field::Lease ? RequestValidator::checkLease(*lease)
                                                      : RequestValidator::checkExtend(*lease, c.current);
        break;
    }
    case validation::Field::Size:
        verdict = RequestValidator::checkSize(c.input);
        break;
    case validation::Field::Model: {
        QUrl url;
        verdict = RequestValidator::checkModel(c.input, &url);
        QCOMPARE(url.isEmpty(), !verdict.ok());
        break;
    }
    case validation::Field::SessionId:
        verdict = RequestValidator::checkSessionId(c.input);
        break;
    }
    QCOMPARE(verdict.check, c.check);
    QCOMPARE(verdict.sentence, c.sentence);
    QCOMPARE(verdict.ok(), c.sentence.isEmpty());
}

void TestRequestValidator::laterApiSessionIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<RequestCheck>("check");
    QTest::newRow("guid") << u"0f4a6a0e-3c1d-4f5e-9a8b-7c6d5e4f3a2b"_s << RequestCheck::Ok;
    QTest::newRow("chosen name") << u"render_Farm-01"_s << RequestCheck::Ok;
    QTest::newRow("256 characters") << QString(256, u'a') << RequestCheck::Ok;
    QTest::newRow("257 characters") << QString(257, u'a') << RequestCheck::SessionIdTooLong;
    QTest::newRow("empty") << QString() << RequestCheck::SessionIdEmpty;
    QTest::newRow("dot") << u"."_s << RequestCheck::SessionIdDotSegment;
    QTest::newRow("dot dot") << u".."_s << RequestCheck::SessionIdDotSegment;
    QTest::newRow("slash") << u"a/b"_s << RequestCheck::SessionIdBadCharacters;
    QTest::newRow("dot inside") << u"a.b"_s << RequestCheck::SessionIdBadCharacters;
    QTest::newRow("percent") << u"a%2Fb"_s << RequestCheck::SessionIdBadCharacters;
    QTest::newRow("non-ascii letter") << u"sessión"_s << RequestCheck::SessionIdBadCharacters;
    QTest::newRow("space inside") << u"a b"_s << RequestCheck::SessionIdBadCharacters;
}

void TestRequestValidator::laterApiSessionIds()
{
    QFETCH(QString, id);
    QFETCH(RequestCheck, check);
    const arr::RequestVerdict verdict = RequestValidator::checkSessionId(id, SessionIdRule::Api20210101);
    QCOMPARE(verdict.check, check);
    QCOMPARE(verdict.sentence.isEmpty(), check == RequestCheck::Ok);
    // A chosen name is not a GUID: v1 refuses it.
    if (id == u"render_Farm-01")
        QCOMPARE(RequestValidator::checkSessionId(id).check, RequestCheck::SessionIdNotGuid);
}

void TestRequestValidator::sentencesStayOneShortLine()
{
    // Whatever a hostile argument holds, the sentence quotes a short, printable excerpt of it.
    const QString hostile = u"..\n\x1b[31m"_s + QString(10'000, u'x');
    for (const arr::RequestVerdict &verdict : {RequestValidator::checkSessionId(hostile),
             RequestValidator::checkSessionId(hostile, SessionIdRule::Api20210101),
             RequestValidator::checkSize(hostile), RequestValidator::checkModel(hostile)}) {
        QVERIFY(!verdict.ok());
        QVERIFY2(verdict.sentence.size() < 300, qPrintable(verdict.sentence.left(300)));
        QVERIFY(!verdict.sentence.contains(u'\n'));
        QVERIFY(!verdict.sentence.contains(u'\x1b'));
    }
}

void TestRequestValidator::knownSizesMatchIgnoringCase()
{
    QCOMPARE(RequestValidator::knownSize(u"Standard"_s), u"standard"_s);
    QCOMPARE(RequestValidator::knownSize(u" PREMIUM "_s), u"premium"_s);
    QCOMPARE(RequestValidator::knownSize(u"big"_s), u"big"_s);
    QCOMPARE(RequestValidator::knownSize(u"huge"_s), std::nullopt);
    QCOMPARE(RequestValidator::knownSize(QString()), std::nullopt);
}

QTEST_GUILESS_MAIN(TestRequestValidator)
#include "tst_requestvalidator.moc"
