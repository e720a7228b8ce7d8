// Every number a person reads is written as their locale writes it: money ("$15.00" in the US,
// "15,00 €" in Germany, never "15.00$"), billed hours, times of day and dates in the locale's short
// form, prices as typed and shown in Preferences, the History chart's axis. Durations stay H:MM:SS
// everywhere. Each test runs under en_US, de_DE and C (QLocale::setDefault, as the system's locale
// would be).
#include "core/Cost.h"
#include "core/TimeSpan.h"
#include "storage/Settings.h"
#include "ui/HistoryChart.h"
#include "ui/HistoryTableModel.h"
#include "ui/PreferencesDialog.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QLocale localeNamed(const QString &name)
{
    return name == "C"_L1 ? QLocale::c() : QLocale(name);
}

// Every text the chart draws (axis labels and titles, legend).
QStringList chartTexts(arr::HistoryChart *chart)
{
    QStringList texts;
    const QList<QGraphicsItem *> items = chart->chart()->scene()->items();
    for (QGraphicsItem *item : items) {
        if (const auto *text = dynamic_cast<QGraphicsTextItem *>(item))
            texts.append(text->toPlainText());
        else if (const auto *simple = dynamic_cast<QGraphicsSimpleTextItem *>(item))
            texts.append(simple->text());
    }
    return texts;
}

} // namespace

class TestLocaleFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { QLocale::setDefault(QLocale::system()); }
    void moneyHoursAndDurations_data();
    void moneyHoursAndDurations();
    void timesOfDay_data();
    void timesOfDay();
    void pricesAsTypedAndShown_data();
    void pricesAsTypedAndShown();
    void chartAxis_data();
    void chartAxis();

private:
    QTemporaryDir m_dir;
};

void TestLocaleFormat::moneyHoursAndDurations_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("dollars");
    QTest::addColumn<QString>("euros");
    QTest::addColumn<QString>("plain");
    QTest::addColumn<QString>("hours");
    QTest::addColumn<QString>("total");
    QTest::newRow("en_US") << u"en_US"_s << u"$15.00"_s << u"€1,234.50"_s << u"3.00"_s << u"2.5 h"_s
                           << u"$15.00 + 1.5 h unpriced"_s;
    QTest::newRow("de_DE") << u"de_DE"_s << u"15,00\u00a0$"_s << u"1.234,50\u00a0€"_s << u"3,00"_s << u"2,5 h"_s
                           << u"15,00\u00a0$ + 1,5 h unpriced"_s;
    QTest::newRow("C") << u"C"_s << u"$15.00"_s << u"€1234.50"_s << u"3.00"_s << u"2.5 h"_s
                       << u"$15.00 + 1.5 h unpriced"_s;
}

void TestLocaleFormat::moneyHoursAndDurations()
{
    QFETCH(QString, locale);
    QFETCH(QString, dollars);
    QFETCH(QString, euros);
    QFETCH(QString, plain);
    QFETCH(QString, hours);
    QFETCH(QString, total);
    QLocale::setDefault(localeNamed(locale));
    const QLocale current;
    QCOMPARE(arr::formatMoney(15, u"USD"_s, current), dollars);
    QCOMPARE(arr::formatMoney(1234.5, u"eur"_s, current), euros);
    QCOMPARE(arr::formatMoney(3, QString(), current), plain);
    QCOMPARE(arr::formatBilledHours(arr::TimeSpan::fromMinutes(150), current), hours);
    arr::CostTotal sum;
    sum.add(arr::TimeSpan::fromHours(5), 3.0, u"USD"_s);
    sum.add(arr::TimeSpan::fromMinutes(90), std::nullopt, u"USD"_s);
    QCOMPARE(sum.toDisplayString(current), total);
    // Durations are the same everywhere.
    QCOMPARE(arr::TimeSpan::fromSeconds(3723).toDisplayString(), u"01:02:03"_s);
}

void TestLocaleFormat::timesOfDay_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("dateAndTime");
    QTest::newRow("en_US") << u"en_US"_s << u"3/4/26 2:05 PM"_s;
    QTest::newRow("de_DE") << u"de_DE"_s << u"04.03.26 14:05"_s;
    QTest::newRow("C") << u"C"_s << u"4 Mar 2026 14:05:00"_s;
}

void TestLocaleFormat::timesOfDay()
{
    QFETCH(QString, locale);
    QFETCH(QString, dateAndTime);
    QLocale::setDefault(localeNamed(locale));
    const QDateTime local(QDate(2026, 3, 4), QTime(14, 5));
    QCOMPARE(arr::HistoryTableModel::timeText(local.toUTC()), dateAndTime);
}

void TestLocaleFormat::pricesAsTypedAndShown_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("typed");
    QTest::newRow("en_US") << u"en_US"_s << u"3.50"_s << u"4.25"_s;
    QTest::newRow("de_DE") << u"de_DE"_s << u"3,50"_s << u"4,25"_s;
    QTest::newRow("C") << u"C"_s << u"3.50"_s << u"4.25"_s;
}

void TestLocaleFormat::pricesAsTypedAndShown()
{
    QFETCH(QString, locale);
    QFETCH(QString, shown);
    QFETCH(QString, typed);
    QLocale::setDefault(localeNamed(locale));
    arr::Settings settings(m_dir.filePath(locale + u".ini"_s));
    arr::Pricing pricing;
    pricing.defaults.currency = u"EUR"_s;
    pricing.defaults.hourly.insert(u"standard"_s, 3.5);
    settings.setPricing(pricing, {});

    arr::PreferencesDialog dialog(&settings, {});
    auto *table = dialog.findChild<QTableWidget *>(u"priceTable"_s);
    QVERIFY(table);
    int standard = -1;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() == "standard"_L1)
            standard = row;
    }
    QVERIFY(standard >= 0);
    QCOMPARE(table->item(standard, 1)->text(), shown);
    table->item(standard, 1)->setText(typed);
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    dialog.accept();
    QCOMPARE(settings.pricing({}).defaults.hourlyPrice(u"standard"_s), std::optional<double>(4.25));
}

void TestLocaleFormat::chartAxis_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("label");
    QTest::newRow("en_US") << u"en_US"_s << u"2.00"_s;
    QTest::newRow("de_DE") << u"de_DE"_s << u"2,00"_s;
    QTest::newRow("C") << u"C"_s << u"2.00"_s;
}

void TestLocaleFormat::chartAxis()
{
    QFETCH(QString, locale);
    QFETCH(QString, label);
    QLocale::setDefault(localeNamed(locale));
    arr::HistoryChart chart;
    chart.resize(800, 400);
    const QDate day(2026, 3, 4);
    arr::HistorySession session;
    session.account = u"Production"_s;
    session.sessionId = u"s1"_s;
    session.size = u"standard"_s;
    session.firstSeen = QDateTime(day, QTime(9, 0));
    session.billedSeconds = 3600;
    session.pricePerHour = 3.0;
    session.cost = 3.0;
    arr::Pricing pricing;
    pricing.defaults.currency = u"EUR"_s;
    pricing.defaults.hourly.insert(u"standard"_s, 3.0);
    chart.setSessions({session}, pricing, day, day);
    // Amounts in euros, not billed hours.
    const QList<QAbstractAxis *> values = chart.chart()->axes(Qt::Vertical);
    QCOMPARE(values.size(), 1);
    QCOMPARE(values.first()->titleText(), u"EUR"_s);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    // The value axis of a 3.00 bar runs 0 to 3, with two decimals under 10.
    QTRY_VERIFY2(chartTexts(&chart).contains(label), qPrintable(chartTexts(&chart).join(u" | "_s)));
}

QTEST_MAIN(TestLocaleFormat)

#include "tst_localeformat.moc"
