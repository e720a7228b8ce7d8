#include "core/SafeText.h"

#include <QTest>

using namespace Qt::StringLiterals;

// What a server's or a file's text becomes before a terminal, a window or a log shows it.
class TestSafeText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapesWhatDrivesATerminal_data();
    void escapesWhatDrivesATerminal();
    void ordinaryTextPassesUnchanged();
    void madeSafeTwiceIsMadeSafeOnce();
    void longTextIsCut();
};

void TestSafeText::escapesWhatDrivesATerminal_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("title sequence") << u"a\x1b]0;owned\x07z"_s << u"a\\x1B]0;owned\\x07z"_s;
    QTest::newRow("clear screen") << u"\x1b[2J\x1b[H"_s << u"\\x1B[2J\\x1B[H"_s;
    QTest::newRow("line breaks") << u"one\r\ntwo"_s << u"one\\x0D\\x0Atwo"_s;
    QTest::newRow("tab and NUL") << QString(u"a\tb"_s + QChar(u'\0')) << u"a\\x09b\\x00"_s;
    QTest::newRow("DEL and C1") << u"\x7f\u0085\u009b"_s << u"\\x7F\\x85\\x9B"_s;
    QTest::newRow("bidi override") << u"abc\u202Efed"_s << u"abc\\u202Efed"_s;
    QTest::newRow("bidi embeddings and isolates") << u"\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069"_s
                                                  << u"\\u202A\\u202B\\u202C\\u202D\\u2066\\u2067\\u2068\\u2069"_s;
    QTest::newRow("marks and separators")
        << u"\u200E\u200F\u061C\u2028\u2029"_s << u"\\u200E\\u200F\\u061C\\u2028\\u2029"_s;
    QTest::newRow("broken surrogate") << QString(QChar(0xd800)) + u"x"_s << u"\uFFFDx"_s;
}

void TestSafeText::escapesWhatDrivesATerminal()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(arr::safeText(text), shown);
    QCOMPARE(arr::safeText(QStringView(text)), shown);
}

void TestSafeText::ordinaryTextPassesUnchanged()
{
    for (const QString &text : {u"westeurope-1.example.com"_s, u"Zürich 東京 😀 مرحبا"_s, u"back\\slash \"quoted\""_s})
        QCOMPARE(arr::safeText(text), text);
    const QString shared = QString::fromUtf8("westeurope-1.example.com");
    // Text with nothing to change is shared, not rebuilt.
    QVERIFY(arr::safeText(shared).isSharedWith(shared));
    QCOMPARE(arr::safeText(QString()), QString());
}

void TestSafeText::longTextIsCut()
{
    QCOMPARE(arr::safeText(QString(10, u'a'), 10), QString(10, u'a'));
    QCOMPARE(arr::safeText(QString(11, u'a'), 10), QString(10, u'a') + u'\u2026');
    const QString huge(10 * 1024 * 1024, u'a');
    QCOMPARE(arr::safeText(huge).size(), arr::MaximumServerTextLength + 1);
    // Characters, not UTF-16 units: a pair is never split.
    QCOMPARE(arr::safeText(u"😀😀😀"_s, 2), u"😀😀\u2026"_s);
}

// Text made safe once passes unchanged the next time, also when escapes take it past the limit
// (a session id is read from the list and again from its properties; found by fuzz_sessions).
void TestSafeText::madeSafeTwiceIsMadeSafeOnce()
{
    const QString controls = QString(1030, QChar(0x7f));
    const QStringList texts{u"session"_s + controls, u"ab\x01cd"_s + QString(QChar(0x202e)) + u"ef"_s, u"😀😀😀"_s,
        QString(999, u'a') + QChar(0x01) + u"bc"_s};
    for (const QString &text : texts) {
        for (const qsizetype limit : {qsizetype(2), qsizetype(7), qsizetype(1000)}) {
            const QString once = arr::safeText(text, limit);
            QCOMPARE(arr::safeText(once, limit), once);
        }
    }
    QVERIFY(arr::safeText(u"session"_s + controls).size() <= 1001);
}

QTEST_GUILESS_MAIN(TestSafeText)
#include "tst_safetext.moc"
