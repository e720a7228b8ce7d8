// The app's translations are complete and safe to show: every message of every language translated
// and finished, none left over from a text that is gone, and every translation keeping its source's
// place holders and accelerators. The build brings the .ts files up to date with the sources first
// (ui/CMakeLists.txt), so a text added or changed in the code fails this test until it is translated.
// The checker itself is tried on small broken files first: a test that cannot fail proves nothing.
#include "TranslationCheck.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using arr::test::checkTranslations;
using arr::test::TranslationCheck;

namespace {

// A .ts file with one context holding `messages` (the XML of <message> elements).
QByteArray tsFile(const QString &messages)
{
    return (uR"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>arr::Fixture</name>
)"_s + messages
        + uR"(
</context>
</TS>
)"_s)
        .toUtf8();
}

QString message(const QString &source, const QString &translation, const QString &type = {})
{
    const QString typeAttribute = type.isEmpty() ? QString() : u" type=\"%1\""_s.arg(type);
    return u"<message><source>%1</source><translation%2>%3</translation></message>"_s.arg(
        source, typeAttribute, translation);
}

QString plural(const QString &source, const QString &one, const QString &many)
{
    return u"<message numerus=\"yes\"><source>%1</source><translation>"
           "<numerusform>%2</numerusform><numerusform>%3</numerusform></translation></message>"_s.arg(
               source, one, many);
}

QString problemList(const TranslationCheck &check)
{
    QStringList lines;
    for (const auto &problem : check.problems)
        lines.append(problem.toString());
    return lines.join(u'\n');
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placeholders();
    void accelerators();
    void checkerFindsProblems_data();
    void checkerFindsProblems();
    void checkerRefusesWhatIsNoTsFile();
    void shippedTranslationsAreComplete_data();
    void shippedTranslationsAreComplete();
};

void TestTranslations::placeholders()
{
    QCOMPARE(arr::test::placeholdersOf(u"%2 of %1, %L3 and %n (%Ln), 80 % done"_s),
        QStringList({u"%1"_s, u"%2"_s, u"%L3"_s, u"%Ln"_s, u"%n"_s}));
    QCOMPARE(arr::test::placeholdersOf(u"%1 and %1"_s), QStringList({u"%1"_s, u"%1"_s}));
    QVERIFY(arr::test::placeholdersOf(u"100 % sure"_s).isEmpty());
}

void TestTranslations::accelerators()
{
    QCOMPARE(arr::test::acceleratorsOf(u"&Save"_s), 1);
    QCOMPARE(arr::test::acceleratorsOf(u"Save && quit"_s), 0);
    QCOMPARE(arr::test::acceleratorsOf(u"Save &&&quit"_s), 1);
    QCOMPARE(arr::test::acceleratorsOf(u"Tom & Jerry"_s), 0);
    QCOMPARE(arr::test::acceleratorsOf(u"Ends &"_s), 0);
}

void TestTranslations::checkerFindsProblems_data()
{
    QTest::addColumn<QString>("messages");
    // What the one problem says, in part; empty when the file is fine.
    QTest::addColumn<QString>("problem");

    QTest::newRow("complete") << message(u"&amp;Stop %1"_s, u"%1 &amp;beenden"_s)
            + plural(u"%n session(s)"_s, u"%n Sitzung"_s, u"%n Sitzungen"_s)
            + message(u"Save &amp;&amp; quit"_s, u"Sichern und beenden"_s)
                              << QString();
    QTest::newRow("missing") << message(u"Stop"_s, QString(), u"unfinished"_s) << u"missing"_s;
    QTest::newRow("empty, not marked") << message(u"Stop"_s, QString()) << u"missing"_s;
    QTest::newRow("unfinished") << message(u"Stop"_s, u"Beenden"_s, u"unfinished"_s) << u"unfinished"_s;
    QTest::newRow("vanished") << message(u"Stop"_s, u"Beenden"_s, u"vanished"_s) << u"obsolete"_s;
    QTest::newRow("obsolete") << message(u"Stop"_s, u"Beenden"_s, u"obsolete"_s) << u"obsolete"_s;
    QTest::newRow("drops %1") << message(u"Stop %1"_s, u"Beenden"_s) << u"drops %1"_s;
    QTest::newRow("adds %2") << message(u"Stop %1"_s, u"%1 %2 beenden"_s) << u"adds %2"_s;
    QTest::newRow("%L1 for %1") << message(u"%L1 h"_s, u"%1 h"_s) << u"drops %L1 and adds %1"_s;
    QTest::newRow("drops %n in a plural form")
        << plural(u"%n session(s)"_s, u"eine Sitzung"_s, u"%n Sitzungen"_s) << u"drops %n (plural form 1)"_s;
    QTest::newRow("empty plural form") << plural(u"%n session(s)"_s, u"%n Sitzung"_s, QString())
                                       << u"missing (plural form 2)"_s;
    QTest::newRow("drops the accelerator") << message(u"&amp;Stop"_s, u"Beenden"_s) << u"accelerator"_s;
    QTest::newRow("adds an accelerator") << message(u"Stop"_s, u"&amp;Beenden"_s) << u"accelerator"_s;
    QTest::newRow("&& is no accelerator")
        << message(u"&amp;Stop"_s, u"Beenden &amp;&amp; schließen"_s) << u"accelerator"_s;
}

void TestTranslations::checkerFindsProblems()
{
    QFETCH(QString, messages);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"fixture_de.ts"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(tsFile(messages));
    file.close();

    const TranslationCheck check = checkTranslations(file.fileName());
    QVERIFY2(check.error.isEmpty(), qPrintable(check.error));
    QCOMPARE(check.language, u"de_DE"_s);
    QVERIFY(check.messages > 0);
    if (problem.isEmpty()) {
        QVERIFY2(check.problems.isEmpty(), qPrintable(problemList(check)));
        return;
    }
    QCOMPARE(check.problems.size(), 1);
    QVERIFY2(check.problems.first().what.contains(problem), qPrintable(problemList(check)));
    QCOMPARE(check.problems.first().context, u"arr::Fixture"_s);
}

void TestTranslations::checkerRefusesWhatIsNoTsFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"broken_de.ts"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(tsFile(message(u"Stop"_s, u"Beenden"_s)).replace("</context>", ""));
    file.close();
    QVERIFY(!checkTranslations(file.fileName()).error.isEmpty());

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("<html><body>not a translation</body></html>");
    file.close();
    QVERIFY(!checkTranslations(file.fileName()).error.isEmpty());

    QVERIFY(!checkTranslations(dir.filePath(u"absent_de.ts"_s)).error.isEmpty());
}

void TestTranslations::shippedTranslationsAreComplete_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(QStringLiteral(ARRSM_TRANSLATIONS_DIR));
    const QStringList files = dir.entryList({u"arr-session-manager_*.ts"_s}, QDir::Files, QDir::Name);
    // English and at least one language.
    QVERIFY2(files.size() >= 2, qPrintable(dir.path()));
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TestTranslations::shippedTranslationsAreComplete()
{
    QFETCH(QString, file);
    const TranslationCheck check = checkTranslations(file);
    QVERIFY2(check.error.isEmpty(), qPrintable(check.error));
    QVERIFY2(check.messages > 0, "the file holds no message: has the build updated it from the sources?");
    // All of them, one a line (a failure message is cut short): the list is what a translator works through.
    for (const auto &problem : check.problems)
        qWarning().noquote() << problem.toString();
    QVERIFY2(check.problems.isEmpty(),
        qPrintable(u"%1 of %2 messages, listed above, need a translator's eye: translate them in Qt Linguist, "
                   "keep their place holders and accelerators, delete the obsolete ones"_s.arg(check.problems.size())
                       .arg(check.messages)));
}

QTEST_GUILESS_MAIN(TestTranslations)

#include "tst_translations.moc"
