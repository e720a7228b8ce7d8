#include "core/TimeSpan.h"

#include <QTest>

using namespace Qt::StringLiterals;
using arr::TimeSpan;

// TimeSpan parsing and formatting in every form the service answers and a person types.
class TestTimeSpan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesServiceAndTypedForms_data();
    void parsesServiceAndTypedForms();
    void rejectsGarbageWithAReason_data();
    void rejectsGarbageWithAReason();
    void durationAllowsHoursPastADay();
    void formatsConstantForm_data();
    void formatsConstantForm();
    void roundTrips();
    void formatsForDisplay();
    void leaseArithmetic();
};

void TestTimeSpan::parsesServiceAndTypedForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ticks");
    const qint64 s = TimeSpan::TicksPerSecond;
    QTest::newRow("seed create lease") << u"4:0:0"_s << 4 * 3600 * s;
    QTest::newRow("seed update lease") << u"5:0:0"_s << 5 * 3600 * s;
    QTest::newRow("seed elapsed") << u"00:00:01"_s << 1 * s;
    QTest::newRow("seed max lease") << u"04:00:00"_s << 4 * 3600 * s;
    QTest::newRow("one day") << u"1.00:00:00"_s << 86400 * s;
    QTest::newRow("whole days") << u"2"_s << 2 * 86400 * s;
    QTest::newRow("hours and minutes") << u"1:30"_s << 5400 * s;
    QTest::newRow("days hours minutes") << u"1.02:03"_s << (86400 + 2 * 3600 + 3 * 60) * s;
    QTest::newRow("fraction") << u"00:00:01.5"_s << s + s / 2;
    QTest::newRow("seven digit fraction") << u"00:00:00.0000001"_s << qint64(1);
    QTest::newRow("negative") << u"-00:00:05"_s << -5 * s;
    QTest::newRow("surrounding space") << u"  0:10:00 "_s << 600 * s;
    QTest::newRow("zero") << u"00:00:00"_s << qint64(0);
}

void TestTimeSpan::parsesServiceAndTypedForms()
{
    QFETCH(QString, text);
    QFETCH(qint64, ticks);
    QString error;
    const auto parsed = TimeSpan::parse(text, &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QCOMPARE(parsed->ticks(), ticks);
}

void TestTimeSpan::rejectsGarbageWithAReason_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << u"   "_s;
    QTest::newRow("words") << u"four hours"_s;
    QTest::newRow("trailing text") << u"4:00:00 hours"_s;
    QTest::newRow("hours past 23") << u"24:00:00"_s;
    QTest::newRow("minutes past 59") << u"1:60:00"_s;
    QTest::newRow("seconds past 59") << u"1:00:60"_s;
    QTest::newRow("eight digit fraction") << u"0:0:0.12345678"_s;
    QTest::newRow("empty fraction") << u"0:0:0."_s;
    QTest::newRow("missing minutes") << u"4:"_s;
    QTest::newRow("only sign") << u"-"_s;
    QTest::newRow("double sign") << u"--1:00"_s;
    QTest::newRow("too many days") << u"99999999.00:00:00"_s;
    QTest::newRow("non-ascii digits") << u"\u0664:00:00"_s;
    QTest::newRow("three digit minutes") << u"1:000:00"_s;
    QTest::newRow("days without hours") << u"1.:00:00"_s;
}

void TestTimeSpan::rejectsGarbageWithAReason()
{
    QFETCH(QString, text);
    QString error;
    QVERIFY(!TimeSpan::parse(text, &error).has_value());
    QVERIFY(!error.isEmpty());
}

void TestTimeSpan::durationAllowsHoursPastADay()
{
    QCOMPARE(TimeSpan::parseDuration(u"24:00"_s).value(), TimeSpan::fromHours(24));
    QCOMPARE(TimeSpan::parseDuration(u"25:30:00"_s).value(), TimeSpan::fromMinutes(25 * 60 + 30));
    QCOMPARE(TimeSpan::parseDuration(u"1.00:00:00"_s).value(), TimeSpan::fromDays(1));
    // A day part keeps hours within a day, as the constant form requires.
    QVERIFY(!TimeSpan::parseDuration(u"1.24:00:00"_s).has_value());
    QVERIFY(!TimeSpan::parseDuration(u"999999999:00"_s).has_value());
}

void TestTimeSpan::formatsConstantForm_data()
{
    QTest::addColumn<qint64>("ticks");
    QTest::addColumn<QString>("text");
    const qint64 s = TimeSpan::TicksPerSecond;
    QTest::newRow("zero") << qint64(0) << u"00:00:00"_s;
    QTest::newRow("one second") << s << u"00:00:01"_s;
    QTest::newRow("four hours") << 4 * 3600 * s << u"04:00:00"_s;
    QTest::newRow("one day") << 86400 * s << u"1.00:00:00"_s;
    QTest::newRow("fraction") << s + 1 << u"00:00:01.0000001"_s;
    QTest::newRow("negative") << -61 * s << u"-00:01:01"_s;
}

void TestTimeSpan::formatsConstantForm()
{
    QFETCH(qint64, ticks);
    QFETCH(QString, text);
    QCOMPARE(TimeSpan::fromTicks(ticks).toString(), text);
}

void TestTimeSpan::roundTrips()
{
    const qint64 samples[] = {0, 1, 9'999'999, TimeSpan::TicksPerDay * 3 + 17, -TimeSpan::TicksPerHour * 5 - 3,
        std::numeric_limits<qint64>::max() / 2};
    for (const qint64 ticks : samples) {
        const TimeSpan span = TimeSpan::fromTicks(ticks);
        QCOMPARE(TimeSpan::parse(span.toString()).value(), span);
    }
    // The most negative value still formats (no overflow when taking its magnitude).
    QVERIFY(TimeSpan::fromTicks(std::numeric_limits<qint64>::min()).toString().startsWith(u'-'));
}

void TestTimeSpan::formatsForDisplay()
{
    QCOMPARE(TimeSpan::fromSeconds(3661).toDisplayString(), u"01:01:01"_s);
    QCOMPARE(TimeSpan::fromSeconds(-5).toDisplayString(), u"-00:00:05"_s);
    QVERIFY(TimeSpan::fromSeconds(86400 + 60).toDisplayString().endsWith(u"00:01:00"_s));
    QVERIFY(TimeSpan::fromSeconds(86400 + 60).toDisplayString().startsWith(u'1'));
}

void TestTimeSpan::leaseArithmetic()
{
    QCOMPARE(arr::remainingLease(TimeSpan::fromHours(4), TimeSpan::fromHours(1)), TimeSpan::fromHours(3));
    QCOMPARE(arr::remainingLease(TimeSpan::fromHours(1), TimeSpan::fromHours(2)), TimeSpan());
    QCOMPARE(arr::MaximumLease, TimeSpan::fromDays(1));
}

QTEST_GUILESS_MAIN(TestTimeSpan)
#include "tst_timespan.moc"
