#include "common/SessionsOf.h"
#include "core/Clock.h"
#include "monitor/LiveSessions.h"
#include "ui/SessionFilterProxy.h"
#include "ui/SessionTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using arr::Session;
using arr::SessionStatus;
using arr::SessionTableModel;
using arr::TimeSpan;

namespace {

Session makeSession(const QString &id, SessionStatus status, qint64 elapsedMinutes = 10, qint64 leaseMinutes = 240)
{
    Session session;
    session.id = id;
    session.status = status;
    session.statusText = arr::sessionStatusWireName(status);
    session.size = u"standard"_s;
    session.elapsed = TimeSpan::fromMinutes(elapsedMinutes);
    session.maxLease = TimeSpan::fromMinutes(leaseMinutes);
    return session;
}

} // namespace

// The table model applies polls as diffs and counts down without touching anything but the
// countdown column; the proxy filters and sorts on raw values.
class TestSessionTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstPollInsertsRows();
    void minutePrecisionCountdownNeverExceedsTheService();
    void pollIsAppliedAsADiff();
    void unchangedPollSignalsNothing();
    void mostRowsChangedIsOneRange();
    void accountsAreIndependent();
    void tickChangesOnlyTheCountdown();
    void costColumns();
    void countdownFollowsTheInjectedClock();
    void thresholdsColourTheCountdown();
    void upsertAndPendingCommand();
    void removeAccount();
    void rowIndexFollowsRemovals();
    void proxyFiltersAndSorts();

private:
    arr::ManualClock m_clock;
    std::unique_ptr<arr::LiveSessions> m_sessions;
    std::unique_ptr<SessionTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestSessionTableModel::init()
{
    m_sessions = std::make_unique<arr::LiveSessions>(&m_clock);
    m_model = std::make_unique<SessionTableModel>(m_sessions.get());
    // Alive for the whole test: it checks every signal the model sends.
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestSessionTableModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_sessions.reset();
}

void TestSessionTableModel::firstPollInsertsRows()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_sessions->applyPoll(u"A"_s,
        {makeSession(u"s1"_s, SessionStatus::Starting), makeSession(u"s2"_s, SessionStatus::Ready),
            makeSession(u"s3"_s, SessionStatus::Stopped)},
        m_clock.monotonicMs(), "cv.1");
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(m_model->index(1, SessionTableModel::SessionIdColumn).data().toString(), u"s2"_s);
    QCOMPARE(m_model->index(1, SessionTableModel::StatusColumn).data().toString(), u"Ready"_s);
    QCOMPARE(m_model->index(1, SessionTableModel::AccountColumn).data().toString(), u"A"_s);
    QCOMPARE(m_model->index(1, 0).data(SessionTableModel::LastMsCvRole).toByteArray(), QByteArray("cv.1"));
}

void TestSessionTableModel::pollIsAppliedAsADiff()
{
    m_sessions->applyPoll(u"A"_s,
        {makeSession(u"s1"_s, SessionStatus::Starting), makeSession(u"s2"_s, SessionStatus::Ready),
            makeSession(u"s3"_s, SessionStatus::Stopped), makeSession(u"s4"_s, SessionStatus::Ready)},
        0);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

    // s1 became ready, s3 is gone, s5 is new, s2 and s4 unchanged.
    m_sessions->applyPoll(u"A"_s,
        {makeSession(u"s1"_s, SessionStatus::Ready), makeSession(u"s2"_s, SessionStatus::Ready),
            makeSession(u"s4"_s, SessionStatus::Ready), makeSession(u"s5"_s, SessionStatus::Starting)},
        1000);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    const QModelIndex topLeft = changed.first().at(0).toModelIndex();
    const QModelIndex bottomRight = changed.first().at(1).toModelIndex();
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(bottomRight.row(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 2);
    QCOMPARE(removed.first().at(2).toInt(), 2);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->rowOf(u"A"_s, u"s5"_s), 3);
    QCOMPARE(m_model->rowOf(u"A"_s, u"s4"_s), 2);
    QCOMPARE(m_model->rowOf(u"A"_s, u"s3"_s), -1);
    QCOMPARE(m_model->session(0)->status, SessionStatus::Ready);
}

void TestSessionTableModel::unchangedPollSignalsNothing()
{
    const QList<Session> sessions{
        makeSession(u"s1"_s, SessionStatus::Ready), makeSession(u"s2"_s, SessionStatus::Ready)};
    m_sessions->applyPoll(u"A"_s, sessions, 0);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    m_sessions->applyPoll(u"A"_s, sessions, 5000);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
}

void TestSessionTableModel::mostRowsChangedIsOneRange()
{
    QList<Session> sessions;
    for (int i = 0; i < 10; ++i)
        sessions.append(makeSession(u"s%1"_s.arg(i), SessionStatus::Ready, 10));
    m_sessions->applyPoll(u"A"_s, sessions, 0);
    for (int i = 0; i < 9; ++i)
        sessions[i].elapsed = TimeSpan::fromMinutes(11);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_sessions->applyPoll(u"A"_s, sessions, 60'000);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 8);
}

void TestSessionTableModel::accountsAreIndependent()
{
    m_sessions->applyPoll(u"A"_s, {makeSession(u"s1"_s, SessionStatus::Ready)}, 0);
    m_sessions->applyPoll(u"B"_s, {makeSession(u"s1"_s, SessionStatus::Starting)}, 0);
    QCOMPARE(m_model->rowCount(), 2);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    m_sessions->applyPoll(u"A"_s, {}, 1000);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->accountAt(0), u"B"_s);
    QCOMPARE(sessionsOf(*m_sessions, u"B"_s).size(), 1);
}

void TestSessionTableModel::tickChangesOnlyTheCountdown()
{
    m_sessions->applyPoll(u"A"_s,
        {makeSession(u"s1"_s, SessionStatus::Ready), makeSession(u"s2"_s, SessionStatus::Ready),
            makeSession(u"s3"_s, SessionStatus::Starting)},
        0);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->tick();
    // The countdown, then (the first time) the cost columns, as billed time grows while ready;
    // nothing else.
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.first().at(0).toModelIndex(), m_model->index(0, SessionTableModel::RemainingColumn));
    QCOMPARE(changed.first().at(1).toModelIndex(), m_model->index(2, SessionTableModel::RemainingColumn));
    QCOMPARE(changed.at(1).at(0).toModelIndex(), m_model->index(0, SessionTableModel::CostSoFarColumn));
    QCOMPARE(changed.at(1).at(1).toModelIndex(), m_model->index(2, SessionTableModel::CostAtLeaseEndColumn));
    for (const QList<QVariant> &signal : std::as_const(changed))
        QVERIFY(SessionTableModel::movesWithTime(
            signal.at(0).toModelIndex().column(), signal.at(1).toModelIndex().column()));
    QVERIFY(!SessionTableModel::movesWithTime(0, SessionTableModel::ColumnCount - 1));

    // The costs are signalled again only once the smallest amount shown may have been billed: a
    // hundredth of an hour (36 s) where billed hours are shown, a cent at the highest price when
    // prices are set, at least a second.
    const auto costsSignalledAfter = [&](qint64 ms) {
        changed.clear();
        m_clock.advance(ms);
        m_model->tick();
        return std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &signal) {
            return signal.at(0).toModelIndex().column() == SessionTableModel::CostSoFarColumn;
        });
    };
    QVERIFY(!costsSignalledAfter(35'000));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(SessionTableModel::RemainingColumn));
    QVERIFY(costsSignalledAfter(1'000));

    arr::Pricing pricing;
    pricing.defaults.hourly = {{u"standard"_s, 3.0}, {u"premium"_s, 12.0}};
    pricing.accountOverrides.insert(u"A"_s, arr::PriceList{{}, {{u"premium"_s, 18.0}}});
    m_model->setPricing(pricing);
    // 18 an hour: a cent every 2 s.
    QVERIFY(costsSignalledAfter(36'000));
    QVERIFY(!costsSignalledAfter(1'000));
    QVERIFY(costsSignalledAfter(1'000));
    pricing.accountOverrides.clear();
    pricing.defaults.hourly = {{u"standard"_s, 0.5}};
    m_model->setPricing(pricing);
    // Half a unit an hour: the hours shown change sooner than the cents.
    QVERIFY(costsSignalledAfter(36'000));
    QVERIFY(!costsSignalledAfter(35'000));
    QVERIFY(costsSignalledAfter(1'000));
    pricing.defaults.hourly = {{u"standard"_s, 1'000.0}};
    m_model->setPricing(pricing);
    QVERIFY(costsSignalledAfter(1'000));
    QVERIFY(costsSignalledAfter(1'000));
}

void TestSessionTableModel::costColumns()
{
    m_sessions->applyPoll(u"A"_s,
        {makeSession(u"ready"_s, SessionStatus::Ready, 90, 240),
            makeSession(u"starting"_s, SessionStatus::Starting, 0, 240)},
        m_clock.monotonicMs());
    Session premium = makeSession(u"premium"_s, SessionStatus::Ready, 30, 60);
    premium.size = u"premium"_s;
    m_sessions->applyPoll(u"B"_s, {premium}, m_clock.monotonicMs());
    const auto cell = [this](const QString &account, const QString &id, int column) {
        return m_model->index(m_model->rowOf(account, id), column);
    };

    // No price: billed hours, sorted on milliseconds.
    QCOMPARE(cell(u"A"_s, u"ready"_s, SessionTableModel::CostSoFarColumn).data().toString(), u"1.5 h"_s);
    QCOMPARE(cell(u"A"_s, u"starting"_s, SessionTableModel::CostSoFarColumn).data().toString(), u"0 h"_s);
    QCOMPARE(cell(u"A"_s, u"ready"_s, SessionTableModel::CostAtLeaseEndColumn).data().toString(), u"4 h"_s);
    QCOMPARE(
        cell(u"A"_s, u"ready"_s, SessionTableModel::CostSoFarColumn).data(SessionTableModel::RawValueRole).toDouble(),
        90.0 * 60'000);

    arr::Pricing pricing;
    pricing.defaults.hourly = {{u"standard"_s, 2.0}, {u"premium"_s, 10.0}};
    arr::PriceList negotiated;
    negotiated.hourly = {{u"premium"_s, 8.0}};
    pricing.accountOverrides.insert(u"B"_s, negotiated);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setPricing(pricing);
    QCOMPARE(changed.count(), 1);

    // 1.5 h × 2.00; at lease end 4 h × 2.00; B's premium at its own 8.00: 0.5 h and 1 h.
    const QModelIndex soFar = cell(u"A"_s, u"ready"_s, SessionTableModel::CostSoFarColumn);
    QCOMPARE(soFar.data(SessionTableModel::RawValueRole).toDouble(), 3.0);
    QCOMPARE(soFar.data().toString(), QLocale().toString(3.0, 'f', 2));
    QCOMPARE(cell(u"A"_s, u"ready"_s, SessionTableModel::CostAtLeaseEndColumn)
                 .data(SessionTableModel::RawValueRole)
                 .toDouble(),
        8.0);
    QCOMPARE(
        cell(u"B"_s, u"premium"_s, SessionTableModel::CostSoFarColumn).data(SessionTableModel::RawValueRole).toDouble(),
        4.0);
    QCOMPARE(cell(u"B"_s, u"premium"_s, SessionTableModel::CostAtLeaseEndColumn)
                 .data(SessionTableModel::RawValueRole)
                 .toDouble(),
        8.0);
    QVERIFY(soFar.data(Qt::ToolTipRole).toString().contains(u"1.5 h"_s));

    // Time since the poll counts while ready: half an hour later, 2 h × 2.00.
    m_clock.advance(30 * 60'000);
    QCOMPARE(soFar.data(SessionTableModel::RawValueRole).toDouble(), 4.0);
    QCOMPARE(cell(u"A"_s, u"starting"_s, SessionTableModel::CostSoFarColumn)
                 .data(SessionTableModel::RawValueRole)
                 .toDouble(),
        0.0);

    // The proxy sorts the column on the amount: B's premium (1 h × 8.00) above A's (2 h × 2.00).
    arr::SessionFilterProxy proxy;
    proxy.setSourceModel(m_model.get());
    proxy.sort(SessionTableModel::CostSoFarColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data(SessionTableModel::SessionIdRole).toString(), u"premium"_s);
    QCOMPARE(proxy.index(1, 0).data(SessionTableModel::SessionIdRole).toString(), u"ready"_s);
    QCOMPARE(proxy.index(2, 0).data(SessionTableModel::SessionIdRole).toString(), u"starting"_s);
}

void TestSessionTableModel::countdownFollowsTheInjectedClock()
{
    m_sessions->applyPoll(u"A"_s,
        {makeSession(u"ready"_s, SessionStatus::Ready, 10, 60),
            makeSession(u"starting"_s, SessionStatus::Starting, 0, 60),
            makeSession(u"stopped"_s, SessionStatus::Stopped, 30, 60)},
        m_clock.monotonicMs());
    const QModelIndex ready = m_model->index(0, SessionTableModel::RemainingColumn);
    QCOMPARE(ready.data().toString(), u"00:50:00"_s);
    m_clock.advance(90'000);
    m_model->tick();
    QCOMPARE(ready.data().toString(), u"00:48:30"_s);
    QCOMPARE(ready.data(SessionTableModel::RemainingMsRole).toLongLong(), 48 * 60'000 + 30'000);
    // A starting session's lease is not counted down until the service says it runs.
    QCOMPARE(m_model->index(1, SessionTableModel::RemainingColumn).data().toString(), u"01:00:00"_s);
    // A finished session has nothing remaining to show.
    QVERIFY(!m_model->index(2, SessionTableModel::RemainingColumn).data().isValid());

    // The next poll corrects the countdown to what the service says.
    m_sessions->applyPoll(u"A"_s, {makeSession(u"ready"_s, SessionStatus::Ready, 12, 60)}, m_clock.monotonicMs());
    QCOMPARE(m_model->index(0, SessionTableModel::RemainingColumn).data().toString(), u"00:48:00"_s);
    // Never below zero.
    m_clock.advance(3'600'000);
    QCOMPARE(m_model->index(0, SessionTableModel::RemainingColumn).data().toString(), u"00:00:00"_s);
}

void TestSessionTableModel::thresholdsColourTheCountdown()
{
    m_model->setThresholds(30 * 60'000, 10 * 60'000);
    m_sessions->applyPoll(u"A"_s,
        {makeSession(u"plenty"_s, SessionStatus::Ready, 0, 120),
            makeSession(u"amber"_s, SessionStatus::Ready, 100, 120),
            makeSession(u"red"_s, SessionStatus::Ready, 115, 120)},
        m_clock.monotonicMs());
    using Level = SessionTableModel::RemainingLevel;
    const auto level = [this](int row) {
        return Level(m_model->index(row, SessionTableModel::RemainingColumn)
                         .data(SessionTableModel::RemainingLevelRole)
                         .toInt());
    };
    QCOMPARE(level(0), Level::Normal);
    QCOMPARE(level(1), Level::Warning);
    QCOMPARE(level(2), Level::Critical);
    m_clock.advance(91 * 60'000);
    QCOMPARE(level(0), Level::Warning);
}

void TestSessionTableModel::upsertAndPendingCommand()
{
    m_sessions->upsert(u"A"_s, makeSession(u"new"_s, SessionStatus::Starting, 0), 0, "cv.create");
    QCOMPARE(m_model->rowCount(), 1);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_sessions->setPendingCommand(u"A"_s, u"new"_s, u"stop requested"_s);
    QCOMPARE(changed.count(), 1);
    QVERIFY(m_model->index(0, SessionTableModel::StatusColumn).data().toString().contains(u"stop requested"_s));
    m_sessions->setPendingCommand(u"A"_s, u"new"_s, u"stop requested"_s);
    QCOMPARE(changed.count(), 1);
    m_sessions->upsert(u"A"_s, makeSession(u"new"_s, SessionStatus::Ready, 0), 10);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->session(0)->status, SessionStatus::Ready);
}

void TestSessionTableModel::removeAccount()
{
    m_sessions->applyPoll(
        u"A"_s, {makeSession(u"a1"_s, SessionStatus::Ready), makeSession(u"a2"_s, SessionStatus::Ready)}, 0);
    m_sessions->applyPoll(u"B"_s, {makeSession(u"b1"_s, SessionStatus::Ready)}, 0);
    m_sessions->applyPoll(u"A"_s,
        {makeSession(u"a1"_s, SessionStatus::Ready), makeSession(u"a2"_s, SessionStatus::Ready),
            makeSession(u"a3"_s, SessionStatus::Ready)},
        0);
    m_sessions->removeAccount(u"A"_s);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->rowOf(u"B"_s, u"b1"_s), 0);
}

void TestSessionTableModel::rowIndexFollowsRemovals()
{
    // Rows of two accounts interleaved, the same id under both, then removals from the middle.
    m_sessions->applyPoll(u"A"_s,
        {makeSession(u"a1"_s, SessionStatus::Ready), makeSession(u"a2"_s, SessionStatus::Ready),
            makeSession(u"x"_s, SessionStatus::Ready)},
        0);
    m_sessions->applyPoll(
        u"B"_s, {makeSession(u"x"_s, SessionStatus::Starting), makeSession(u"b1"_s, SessionStatus::Ready)}, 0);
    m_sessions->applyPoll(u"A"_s,
        {makeSession(u"a1"_s, SessionStatus::Ready), makeSession(u"a2"_s, SessionStatus::Ready),
            makeSession(u"x"_s, SessionStatus::Ready), makeSession(u"a3"_s, SessionStatus::Ready)},
        0);
    m_sessions->applyPoll(
        u"A"_s, {makeSession(u"a1"_s, SessionStatus::Ready), makeSession(u"a3"_s, SessionStatus::Stopped)}, 0);

    QCOMPARE(m_model->rowCount(), 4);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->rowOf(m_model->accountAt(row), m_model->session(row)->id), row);
    QCOMPARE(m_model->rowOf(u"A"_s, u"a2"_s), -1);
    QCOMPARE(m_model->rowOf(u"A"_s, u"x"_s), -1);
    QCOMPARE(m_model->session(m_model->rowOf(u"B"_s, u"x"_s))->status, SessionStatus::Starting);
    QCOMPARE(m_model->session(m_model->rowOf(u"A"_s, u"a3"_s))->status, SessionStatus::Stopped);
    m_sessions->removeAccount(u"B"_s);
    QCOMPARE(m_model->rowOf(u"B"_s, u"x"_s), -1);
    QCOMPARE(m_model->rowOf(u"A"_s, u"a3"_s), 1);
}

void TestSessionTableModel::proxyFiltersAndSorts()
{
    arr::SessionFilterProxy proxy;
    proxy.setSourceModel(m_model.get());
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Session failed = makeSession(u"broken"_s, SessionStatus::Error);
    failed.message = u"Out of capacity"_s;
    m_sessions->applyPoll(u"A"_s,
        {makeSession(u"long"_s, SessionStatus::Ready, 0, 600), makeSession(u"short"_s, SessionStatus::Ready, 0, 90),
            makeSession(u"done"_s, SessionStatus::Stopped), failed},
        0);
    QCOMPARE(proxy.rowCount(), 4);

    proxy.setHideFinished(true);
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setStatusFilter({SessionStatus::Error});
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setStatusFilter({});
    proxy.setTextFilter(u"CAPACITY"_s);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, SessionTableModel::SessionIdColumn).data().toString(), u"broken"_s);
    proxy.setTextFilter({});
    proxy.setHideFinished(false);

    // 10:00:00 sorts after 01:30:00 by time, though not as text.
    proxy.sort(SessionTableModel::RemainingColumn, Qt::AscendingOrder);
    QStringList order;
    for (int row = 0; row < proxy.rowCount(); ++row)
        order.append(proxy.index(row, SessionTableModel::SessionIdColumn).data().toString());
    QCOMPARE(order.indexOf(u"short"_s) < order.indexOf(u"long"_s), true);
    // A status change re-filters at once.
    proxy.setHideFinished(true);
    QCOMPARE(proxy.rowCount(), 3);
    m_sessions->applyPoll(u"A"_s,
        {makeSession(u"long"_s, SessionStatus::Stopped, 0, 600), makeSession(u"short"_s, SessionStatus::Ready, 0, 90),
            makeSession(u"done"_s, SessionStatus::Stopped), failed},
        0);
    QCOMPARE(proxy.rowCount(), 2);
}

void TestSessionTableModel::minutePrecisionCountdownNeverExceedsTheService()
{
    // 2021-01-01 reports elapsed minutes rounded down: 12 may mean 12:59.
    arr::Session session;
    session.id = u"ga"_s;
    session.status = arr::SessionStatus::Ready;
    session.maxLease = arr::TimeSpan::fromMinutes(72);
    session.elapsed = arr::TimeSpan::fromMinutes(12);
    session.elapsedInWholeMinutes = true;
    m_sessions->applyPoll(u"A"_s, {session}, m_clock.monotonicMs());
    QCOMPARE(m_sessions->remaining(0), arr::TimeSpan::fromMinutes(60));
    // Counted on from the poll, in whole minutes only, never above the service's own figure.
    m_clock.advance(1000);
    QCOMPARE(m_sessions->remaining(0), arr::TimeSpan::fromMinutes(59));
    m_clock.advance(59'000);
    QCOMPARE(m_sessions->remaining(0), arr::TimeSpan::fromMinutes(59));
    m_clock.advance(1000);
    QCOMPARE(m_sessions->remaining(0), arr::TimeSpan::fromMinutes(58));

    // v1's elapsed time has seconds: the countdown keeps them.
    session.id = u"v1"_s;
    session.elapsedInWholeMinutes = false;
    m_sessions->applyPoll(u"B"_s, {session}, m_clock.monotonicMs());
    m_clock.advance(1000);
    QCOMPARE(m_sessions->remaining(m_sessions->indexOf(u"B"_s, u"v1"_s)), arr::TimeSpan::fromSeconds(59 * 60 + 59));
}

QTEST_GUILESS_MAIN(TestSessionTableModel)
#include "tst_sessiontablemodel.moc"
