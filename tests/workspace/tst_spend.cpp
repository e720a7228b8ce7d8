#include "core/Clock.h"
#include "workspace/Spend.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace arr;

namespace {

Session listed(const QString &id, SessionStatus status, const QString &size)
{
    Session session;
    session.id = id;
    session.status = status;
    session.size = size;
    return session;
}

} // namespace

// The one computation of the burn rate and of "spent today" that the status bar, the budgets and
// arrsm metrics share.
class TestSpend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burnRateCountsReadySessionsAtTheirPrice()
    {
        Pricing pricing;
        pricing.defaults.currency = u"EUR"_s;
        pricing.defaults.hourly.insert(u"standard"_s, 0.1);
        pricing.accountOverrides.insert(u"b"_s, *PriceList::parse(u"standard=0.2"_s));
        SpendTally tally(pricing);
        tally.addListed(u"a"_s, listed(u"1"_s, SessionStatus::Ready, u"standard"_s));
        tally.addListed(u"b"_s, listed(u"2"_s, SessionStatus::Ready, u"standard"_s));
        tally.addListed(u"b"_s, listed(u"3"_s, SessionStatus::Ready, u"premium"_s));
        tally.addListed(u"b"_s, listed(u"4"_s, SessionStatus::Starting, u"standard"_s));
        // A rate is summed as the prices are: 0.1 + 0.2, not rounded per session.
        QCOMPARE(tally.total().rate.amounts.value(u"EUR"_s), 0.1 + 0.2);
        QCOMPARE(tally.total().ready, 3);
        QCOMPARE(tally.total().unpriced, 1);
        QCOMPARE(tally.account(u"b"_s).ready, 2);
        QCOMPARE(tally.account(u"b"_s).unpriced, 1);
        QCOMPARE(tally.account(u"a"_s).rate.amounts.value(u"EUR"_s), 0.1);
    }

    void todayIsPricedPerAccount()
    {
        Pricing pricing;
        pricing.defaults.hourly.insert(u"standard"_s, 3.0);
        SpendTally tally(pricing);
        tally.addToday({{u"a"_s, u"1"_s, u"standard"_s, TimeSpan::fromMinutes(30)},
            {u"a"_s, u"2"_s, u"premium"_s, TimeSpan::fromMinutes(90)},
            {u"b"_s, u"3"_s, u"standard"_s, TimeSpan::fromHours(2)}});
        QCOMPARE(tally.account(u"a"_s).today.amounts.value(QString()), 1.5);
        QCOMPARE(tally.account(u"a"_s).today.unpricedTime, TimeSpan::fromMinutes(90));
        QCOMPARE(tally.account(u"b"_s).today.amounts.value(QString()), 6.0);
        QCOMPARE(tally.total().today.billedTime, TimeSpan::fromHours(4));
    }

    void todayStartsAtLocalMidnight()
    {
        const QDateTime localNoon(QDate(2026, 3, 14), QTime(12, 30));
        ManualClock clock(localNoon.toUTC());
        QCOMPARE(startOfToday(clock), QDateTime(QDate(2026, 3, 14), QTime(0, 0)).toUTC());
        clock.advance(12 * 3600 * 1000);
        QCOMPARE(startOfToday(clock), QDateTime(QDate(2026, 3, 15), QTime(0, 0)).toUTC());
    }
};

QTEST_GUILESS_MAIN(TestSpend)
#include "tst_spend.moc"
