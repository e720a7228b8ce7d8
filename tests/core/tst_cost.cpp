#include "core/Cost.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace arr;

namespace {

Session session(SessionStatus status, const QString &size, qint64 elapsedMinutes, qint64 leaseMinutes)
{
    Session s;
    s.id = u"s1"_s;
    s.status = status;
    s.size = size;
    s.elapsed = TimeSpan::fromMinutes(elapsedMinutes);
    s.maxLease = TimeSpan::fromMinutes(leaseMinutes);
    return s;
}

} // namespace

class TestCost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noPriceIsHoursNotMoney()
    {
        Pricing pricing;
        QVERIFY(!pricing.hasAnyPrice());
        QVERIFY(!pricing.hourlyPrice(u"a"_s, u"standard"_s));
        QVERIFY(!costOf(TimeSpan::fromMinutes(150), pricing.hourlyPrice(u"a"_s, u"standard"_s)));
        CostTotal total;
        total.add(TimeSpan::fromMinutes(150), std::nullopt, QString());
        QCOMPARE(total.toDisplayString(QLocale::c()), u"2.5 h"_s);
        QVERIFY(!total.hasAmount());
    }

    void overrideBeatsDefault()
    {
        Pricing pricing;
        pricing.defaults.currency = u"EUR"_s;
        pricing.defaults.hourly = {{u"standard"_s, 3.0}, {u"premium"_s, 12.0}};
        PriceList negotiated;
        negotiated.hourly = {{u"premium"_s, 9.5}};
        pricing.accountOverrides.insert(u"contoso"_s, negotiated);
        QCOMPARE(*pricing.hourlyPrice(u"contoso"_s, u"Premium"_s), 9.5);
        // Sizes the override leaves out keep the default, and so does every other account.
        QCOMPARE(*pricing.hourlyPrice(u"contoso"_s, u"standard"_s), 3.0);
        QCOMPARE(*pricing.hourlyPrice(u"fabrikam"_s, u"premium"_s), 12.0);
        QCOMPARE(pricing.currencyFor(u"contoso"_s), u"EUR"_s);
    }

    void unknownSizeHasNoPrice()
    {
        Pricing pricing;
        pricing.defaults.hourly = {{u"standard"_s, 3.0}};
        QVERIFY(!pricing.hourlyPrice(u"a"_s, u"ultra"_s));
        QVERIFY(!pricing.hourlyPrice(u"a"_s, QString()));
        CostTotal total;
        total.add(TimeSpan::fromHours(1), pricing.hourlyPrice(u"a"_s, u"standard"_s), QString());
        total.add(TimeSpan::fromMinutes(90), pricing.hourlyPrice(u"a"_s, u"ultra"_s), QString());
        QCOMPARE(total.toDisplayString(QLocale::c()), u"3.00 + 1.5 h unpriced"_s);
    }

    void rounding()
    {
        QCOMPARE(roundToCents(1.005 + 1e-9), 1.01);
        QCOMPARE(roundToCents(2.344), 2.34);
        // 20 minutes at 1.00 per hour is 0.333…: a third of a unit, rounded to cents.
        QCOMPARE(*costOf(TimeSpan::fromMinutes(20), 1.0), 0.33);
        QCOMPARE(*costOf(TimeSpan::fromMinutes(40), 1.0), 0.67);
        QCOMPARE(*costOf(TimeSpan(), 12.0), 0.0);
        QVERIFY(!costOf(TimeSpan::fromHours(1), -1.0));
        QCOMPARE(formatBilledHours(TimeSpan::fromMinutes(150), QLocale::c()), u"2.5 h"_s);
        QCOMPARE(formatBilledHours(TimeSpan::fromHours(3), QLocale::c()), u"3 h"_s);
        QCOMPARE(formatBilledHours(TimeSpan::fromMinutes(1), QLocale::c()), u"0.02 h"_s);
        QCOMPARE(formatBilledHours(TimeSpan::fromMinutes(150), QLocale(QLocale::German)), u"2,5 h"_s);
    }

    void money()
    {
        const QString euros = formatMoney(12.5, u"EUR"_s, QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY2(euros.contains(u"12.50"_s) && euros.contains(u"\u20ac"_s), qPrintable(euros));
        const QString dollars = formatMoney(3, u"usd"_s, QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(dollars, u"$3.00"_s);
        QCOMPARE(formatMoney(3, QString(), QLocale::c()), u"3.00"_s);
    }

    void billedTimeIsTimeReady()
    {
        // Seen only while starting: nothing billed yet, however long ago the answer came.
        QCOMPARE(*billedTime(session(SessionStatus::Starting, u"standard"_s, 0, 60), 90'000), TimeSpan());
        // Ready: the reported time plus the time since the answer.
        QCOMPARE(*billedTime(session(SessionStatus::Ready, u"standard"_s, 30, 60), 60'000), TimeSpan::fromMinutes(31));
        // Stopped: the time as last reported.
        QCOMPARE(
            *billedTime(session(SessionStatus::Stopped, u"standard"_s, 30, 60), 60'000), TimeSpan::fromMinutes(30));
        // Never past the lease between two answers.
        QCOMPARE(
            *billedTime(session(SessionStatus::Ready, u"standard"_s, 50, 60), 20 * 60'000), TimeSpan::fromMinutes(60));
        Session unknown = session(SessionStatus::Ready, u"standard"_s, 0, 60);
        unknown.elapsed.reset();
        QVERIFY(!billedTime(unknown, 0));
    }

    void billedAtLeaseEndIsLeaseLessStartup()
    {
        const QDateTime now(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
        // Without a creation time the whole lease is assumed billed.
        QCOMPARE(*billedAtLeaseEnd(session(SessionStatus::Ready, u"standard"_s, 30, 120), 0, now),
            TimeSpan::fromMinutes(120));
        // Created 40 minutes ago and ready for 30: 10 minutes starting, which the bill does not count.
        Session created = session(SessionStatus::Ready, u"standard"_s, 30, 120);
        created.creationTime = now.addSecs(-40 * 60);
        QCOMPARE(*billedAtLeaseEnd(created, 0, now), TimeSpan::fromMinutes(110));
        // Stopping or finished: no more than so far.
        QCOMPARE(*billedAtLeaseEnd(session(SessionStatus::Stopping, u"standard"_s, 30, 120), 0, now),
            TimeSpan::fromMinutes(30));
        QCOMPARE(*billedAtLeaseEnd(session(SessionStatus::Expired, u"standard"_s, 120, 120), 0, now),
            TimeSpan::fromMinutes(120));
        Session noLease = session(SessionStatus::Ready, u"standard"_s, 30, 120);
        noLease.maxLease.reset();
        QVERIFY(!billedAtLeaseEnd(noLease, 0, now));
    }

    void priceListRoundTrip()
    {
        QString error;
        const auto list = PriceList::parse(u" standard = 3.5 ; Premium=12;"_s, &error);
        QVERIFY2(list, qPrintable(error));
        QCOMPARE(list->hourly.value(u"premium"_s), 12.0);
        QCOMPARE(*PriceList::parse(list->toString()), *list);
        QVERIFY(PriceList::parse(QString())->isEmpty());
        for (const QString &bad : {u"standard"_s, u"standard=abc"_s, u"=3"_s, u"standard=-1"_s, u"standard=inf"_s}) {
            error.clear();
            QVERIFY2(!PriceList::parse(bad, &error), qPrintable(bad));
            QVERIFY(!error.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestCost)
#include "tst_cost.moc"
