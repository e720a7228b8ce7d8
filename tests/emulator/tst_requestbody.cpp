#include "emulator/RequestBody.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using arr::emulator::parseRequestObject;

// The tolerant request-body reader: standard JSON plus single quotes, nothing else, and safe on any
// bytes (it is a fuzz target).
class TestRequestBody : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsSeedBodies();
    void acceptsJson_data();
    void acceptsJson();
    void refusesMalformed_data();
    void refusesMalformed();
    void nestingIsCapped();
    void largeInputsStayLinear();
    void arbitraryBytesNeverCrash();
};

void TestRequestBody::acceptsSeedBodies()
{
    const QString dir = qEnvironmentVariable("ARRSM_TEST_DATA");
    QVERIFY2(!dir.isEmpty(), "ARRSM_TEST_DATA is not set");
    QFile create(dir + u"/seed/create-request.txt"_s);
    QFile update(dir + u"/seed/update-request.txt"_s);
    QVERIFY(create.open(QIODevice::ReadOnly) && update.open(QIODevice::ReadOnly));

    QString error;
    const auto created = parseRequestObject(create.readAll(), &error);
    QVERIFY2(created.has_value(), qPrintable(error));
    QCOMPARE(
        *created, (QJsonObject{{u"maxLeaseTime"_s, u"4:0:0"_s}, {u"models"_s, QJsonArray()}, {u"size"_s, u"small"_s}}));
    const auto updated = parseRequestObject(update.readAll(), &error);
    QVERIFY2(updated.has_value(), qPrintable(error));
    QCOMPARE(*updated, (QJsonObject{{u"maxLeaseTime"_s, u"5:0:0"_s}}));
}

void TestRequestBody::acceptsJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("canonical");

    QTest::newRow("empty object") << QByteArray(" {\t}\r\n") << QByteArray("{}");
    QTest::newRow("double quotes") << QByteArray("{\"a\":\"b\"}") << QByteArray("{\"a\":\"b\"}");
    QTest::newRow("mixed quotes") << QByteArray("{'a':\"b\", \"c\": 'd'}") << QByteArray("{\"a\":\"b\",\"c\":\"d\"}");
    QTest::newRow("quotes inside") << QByteArray("{'it\\'s':\"say \\\"hi\\\"\", 'q': 'a \"b\"', \"r\": \"it's\"}")
                                   << QByteArray("{\"it's\":\"say \\\"hi\\\"\",\"q\":\"a \\\"b\\\"\",\"r\":\"it's\"}");
    QTest::newRow("escapes") << QByteArray("{'e':'\\/\\\\\\b\\f\\n\\r\\t'}")
                             << QByteArray("{\"e\":\"/\\\\\\b\\f\\n\\r\\t\"}");
    QTest::newRow("unicode escapes") << QByteArray("{'u':'\\u00e9\\ud83d\\ude00'}")
                                     << QByteArray("{\"u\":\"\xc3\xa9\xf0\x9f\x98\x80\"}");
    QTest::newRow("utf-8") << QByteArray("{'u':'\xc3\xa9'}") << QByteArray("{\"u\":\"\xc3\xa9\"}");
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{'a':1}") << QByteArray("{\"a\":1}");
    QTest::newRow("numbers") << QByteArray("{'a':0,'b':-1.5,'c':2e3,'d':1E-2,'e':-0}")
                             << QByteArray("{\"a\":0,\"b\":-1.5,\"c\":2000,\"d\":0.01,\"e\":0}");
    QTest::newRow("literals") << QByteArray("{'t':true,'f':false,'n':null}")
                              << QByteArray("{\"f\":false,\"n\":null,\"t\":true}");
    QTest::newRow("nested") << QByteArray("{'a':[1,[2,{'b':[]}],{}]}") << QByteArray("{\"a\":[1,[2,{\"b\":[]}],{}]}");
    QTest::newRow("names keep their case") << QByteArray("{'MaxLeaseTime':'1:0:0','maxleasetime':'2:0:0'}")
                                           << QByteArray("{\"MaxLeaseTime\":\"1:0:0\",\"maxleasetime\":\"2:0:0\"}");
}

void TestRequestBody::acceptsJson()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, canonical);
    QString error;
    const auto object = parseRequestObject(body, &error);
    QVERIFY2(object.has_value(), qPrintable(error));
    QCOMPARE(QJsonDocument(*object).toJson(QJsonDocument::Compact), canonical);
}

void TestRequestBody::refusesMalformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QByteArray() << u"empty"_s;
    QTest::newRow("white space") << QByteArray(" \r\n") << u"empty"_s;
    QTest::newRow("array") << QByteArray("[1]") << u"JSON object"_s;
    QTest::newRow("string") << QByteArray("'a'") << u"JSON object"_s;
    QTest::newRow("unterminated object") << QByteArray("{'a':1") << u"'}' is missing"_s;
    QTest::newRow("unterminated array") << QByteArray("{'a':[1") << u"']' is missing"_s;
    QTest::newRow("unterminated string") << QByteArray("{'a':'b}") << u"ends inside the string"_s;
    QTest::newRow("mismatched quotes") << QByteArray("{'a\":1}") << u"ends inside the string"_s;
    QTest::newRow("trailing garbage") << QByteArray("{'a':1}}") << u"unexpected text"_s;
    QTest::newRow("two objects") << QByteArray("{} {}") << u"unexpected text"_s;
    QTest::newRow("trailing comma") << QByteArray("{'a':1,}") << u"not a quoted string"_s;
    QTest::newRow("trailing comma in array") << QByteArray("{'a':[1,]}") << u"not JSON"_s;
    QTest::newRow("unquoted name") << QByteArray("{a:1}") << u"not a quoted string"_s;
    QTest::newRow("missing colon") << QByteArray("{'a' 1}") << u"':'"_s;
    QTest::newRow("missing comma") << QByteArray("{'a':1 'b':2}") << u"neither"_s;
    QTest::newRow("missing comma, named") << QByteArray("{'a':1 'b':2}") << u"neither ',' nor '}' after a member"_s;
    QTest::newRow("missing comma in array")
        << QByteArray("{'a':[1 2]}") << u"neither ',' nor ']' after an array element at character 9"_s;
    QTest::newRow("unterminated object, named") << QByteArray("{'a':1") << u"ends inside an object; a '}'"_s;
    QTest::newRow("unterminated array, named") << QByteArray("{'a':[1") << u"ends inside an array; a ']'"_s;
    QTest::newRow("duplicate name") << QByteArray("{'a':1,\"a\":2}") << u"more than once"_s;
    QTest::newRow("invalid escape") << QByteArray("{'a':'\\x41'}") << u"invalid escape"_s;
    QTest::newRow("short unicode escape") << QByteArray("{'a':'\\u12'}") << u"four hex digits"_s;
    QTest::newRow("lone high surrogate") << QByteArray("{'a':'\\ud83d'}") << u"unpaired surrogate"_s;
    QTest::newRow("lone low surrogate") << QByteArray("{'a':'\\ude00'}") << u"unpaired surrogate"_s;
    QTest::newRow("control character") << QByteArray("{'a':'x\ny'}") << u"control character"_s;
    QTest::newRow("nul byte") << QByteArray("{'a':1}\0", 8) << u"unexpected text"_s;
    QTest::newRow("invalid utf-8") << QByteArray("{'a':'\xff'}") << u"UTF-8"_s;
    QTest::newRow("leading zero") << QByteArray("{'a':01}") << u"leading zero"_s;
    QTest::newRow("bare minus") << QByteArray("{'a':-}") << u"'-'"_s;
    QTest::newRow("empty fraction") << QByteArray("{'a':1.}") << u"after '.'"_s;
    QTest::newRow("empty exponent") << QByteArray("{'a':1e}") << u"exponent"_s;
    QTest::newRow("huge number") << QByteArray("{'a':1e999}") << u"out of range"_s;
    QTest::newRow("NaN") << QByteArray("{'a':NaN}") << u"not JSON"_s;
    QTest::newRow("True") << QByteArray("{'a':True}") << u"not JSON"_s;
    QTest::newRow("comment") << QByteArray("{/* c */'a':1}") << u"not a quoted string"_s;
}

void TestRequestBody::refusesMalformed()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!parseRequestObject(body, &error).has_value());
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(!parseRequestObject(body).has_value()); // no error pointer is fine too
}

void TestRequestBody::nestingIsCapped()
{
    const auto nested = [](int depth) -> QByteArray {
        // depth containers in all: the object, then depth-1 arrays
        return "{'a':" + QByteArray(depth - 1, '[') + QByteArray(depth - 1, ']') + '}';
    };
    QString error;
    QVERIFY2(parseRequestObject(nested(arr::emulator::MaximumRequestDepth), &error).has_value(), qPrintable(error));
    QVERIFY(!parseRequestObject(nested(arr::emulator::MaximumRequestDepth + 1), &error).has_value());
    QVERIFY2(error.contains(u"deeper"_s), qPrintable(error));

    // Far deeper input is refused at the cap, without recursing into it.
    const QByteArray deep = "{'a':" + QByteArray(1'000'000, '[');
    QVERIFY(!parseRequestObject(deep, &error).has_value());
    QVERIFY2(error.contains(u"deeper"_s), qPrintable(error));
    const QByteArray deepObjects = QByteArray(1'000'000, '{');
    QVERIFY(!parseRequestObject(deepObjects, &error).has_value());
}

void TestRequestBody::largeInputsStayLinear()
{
    QElapsedTimer timer;
    timer.start();

    // An 8 MiB string.
    QByteArray big = "{'s':'" + QByteArray(8 * 1024 * 1024, 'x') + "'}";
    auto object = parseRequestObject(big);
    QVERIFY(object.has_value());
    QCOMPARE(object->value("s"_L1).toString().size(), 8 * 1024 * 1024);
    // ... and unterminated.
    big.chop(2);
    QVERIFY(!parseRequestObject(big).has_value());

    // The most members an object may have, in descending order (the worst order to insert).
    QByteArray members = "{";
    for (int i = arr::emulator::MaximumObjectMembers - 1; i >= 0; --i)
        members += "'k" + QByteArray::number(i).rightJustified(6, '0') + "':" + QByteArray::number(i) + ',';
    members.back() = '}';
    object = parseRequestObject(members);
    QVERIFY(object.has_value());
    QCOMPARE(object->size(), arr::emulator::MaximumObjectMembers);
    members.back() = ',';
    members += "'extra':1}";
    QString error;
    QVERIFY(!parseRequestObject(members, &error).has_value());
    QVERIFY2(error.contains(u"members"_s), qPrintable(error));

    // A million array elements.
    QByteArray elements = "{'a':[";
    for (int i = 0; i < 1'000'000; ++i)
        elements += "1,";
    elements.back() = ']';
    elements += '}';
    object = parseRequestObject(elements);
    QVERIFY(object.has_value());
    QCOMPARE(object->value("a"_L1).toArray().size(), 1'000'000);

    // Long runs of digits and of escapes.
    QVERIFY(!parseRequestObject("{'n':" + QByteArray(1'000'000, '7') + '}', &error).has_value());
    QVERIFY2(error.contains(u"out of range"_s), qPrintable(error));
    QVERIFY(parseRequestObject("{'n':0." + QByteArray(1'000'000, '7') + '}').has_value());
    QVERIFY(parseRequestObject("{'e':'" + QByteArray(2'000'000, '\\') + "'}").has_value());

    // Linear inputs of a few MiB take well under the test timeout; a quadratic step would not.
    QVERIFY2(timer.elapsed() < 30'000, qPrintable(QString::number(timer.elapsed())));
}

void TestRequestBody::arbitraryBytesNeverCrash()
{
    // Random bytes, and random mutations of valid bodies: every call returns, and a refusal always
    // says why.
    QRandomGenerator random(20'240'601);
    const QByteArray alphabet = "{}[]:,'\"\\/ u0123456789abcdefEe.-+tnrlsx\xc3\xa9\xff\n";
    const QList<QByteArray> valid{
        "{ 'maxLeaseTime': '4:0:0', 'models': [], 'size': 'small' }",
        "{\"a\":[1,{\"b\":'\\u00e9'},null,true,-1.5e3]}",
    };
    for (int round = 0; round < 20'000; ++round) {
        QByteArray input;
        if (round % 2 == 0) {
            const int length = random.bounded(64);
            for (int i = 0; i < length; ++i)
                input += alphabet.at(random.bounded(int(alphabet.size())));
        } else {
            input = valid.at(random.bounded(int(valid.size())));
            const int edits = 1 + random.bounded(4);
            for (int i = 0; i < edits; ++i) {
                const int at = random.bounded(int(input.size()));
                switch (random.bounded(3)) {
                case 0:
                    input.remove(at, 1);
                    break;
                case 1:
                    input.insert(at, alphabet.at(random.bounded(int(alphabet.size()))));
                    break;
                default:
                    input[at] = char(random.bounded(256));
                    break;
                }
            }
        }
        QString error;
        const auto object = parseRequestObject(input, &error);
        if (!object)
            QVERIFY2(!error.isEmpty(), input.toPercentEncoding().constData());
    }
}

QTEST_GUILESS_MAIN(TestRequestBody)
#include "tst_requestbody.moc"
