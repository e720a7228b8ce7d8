#include "GuiFixture.h"
#include "core/RequestValidator.h"
#include "storage/AccountStore.h"
#include "storage/HistoryStore.h"
#include "ui/HistoryEventsPane.h"
#include "ui/WhoDidWhat.h"
#include "workspace/HistoryRecorder.h"

#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using arr::SessionStatus;
using arr::SessionTableModel;

namespace {

arr::emulator::SessionSeed readySession()
{
    arr::emulator::SessionSeed seed;
    seed.status = SessionStatus::Ready;
    seed.maxLease = arr::TimeSpan::fromHours(4);
    seed.age = arr::TimeSpan::fromMinutes(10);
    return seed;
}

} // namespace

// Who did what in the window: the sessions table's "Created by" column (hidden until asked for), the
// details pane's "Created by" and "Changed by", and the History window's events with who sent each
// command. A session created straight at the service says "unknown".
class TestWhoDidWhat : public GuiTest
{
    Q_OBJECT

private Q_SLOTS:
    void createdByColumnIsHiddenByDefault();
    void tableAndDetailsSayWhoCreatedAndChanged();
    void historyEventsSayWhoSentEachCommand();
    void aBudgetAlertAnotherProgramGaveIsInNotifications();

private:
    QTableView *view() const { return f->find<QTableView>(u"sessionView"_s); }
    QString createdBy(const QString &id) const
    {
        const int row = f->model().rowOf(GuiFixture::emulatorAccount(), id);
        return f->model().index(row, SessionTableModel::CreatedByColumn).data().toString();
    }
    QLabel *label(const QString &name) const { return f->find<QLabel>(name); }
};

void TestWhoDidWhat::createdByColumnIsHiddenByDefault()
{
    QVERIFY(f->open());
    QCOMPARE(f->model().headerData(SessionTableModel::CreatedByColumn, Qt::Horizontal).toString(), u"Created by"_s);
    QVERIFY(view()->horizontalHeader()->isSectionHidden(SessionTableModel::CreatedByColumn));
    // Shown from the header's menu like any other column.
    view()->horizontalHeader()->setSectionHidden(SessionTableModel::CreatedByColumn, false);
    QVERIFY(!view()->horizontalHeader()->isSectionHidden(SessionTableModel::CreatedByColumn));
}

void TestWhoDidWhat::tableAndDetailsSayWhoCreatedAndChanged()
{
    QVERIFY(f->open());
    const QString emulator = GuiFixture::emulatorAccount();
    // Created at the service by something else: unknown once the history was asked, not a guess.
    const QString outside = f->addSession(readySession());
    QVERIFY(!outside.isEmpty());
    QTRY_COMPARE(createdBy(outside), u"unknown"_s);

    // Created by this window: known at once, as the user on this computer with this program.
    const arr::HistoryActor me = f->workspace->historyRecording().actor();
    QCOMPARE(me.host, QSysInfo::machineHostName());
    QCOMPARE(me.program, QCoreApplication::applicationName());
    QCOMPARE(me.version, QStringLiteral(ARRSM_VERSION));
    arr::CreateSessionRequest request;
    request.size = u"standard"_s;
    request.maxLease = arr::TimeSpan::fromHours(1);
    QSignalSpy finished(&f->workspace->monitor(), &arr::SessionMonitor::commandFinished);
    f->workspace->createSession(emulator, request);
    QVERIFY(finished.wait(10'000));
    const QString created = finished.constFirst().constFirst().value<arr::CommandOutcome>().sessionId;
    QTRY_VERIFY(f->model().rowOf(emulator, created) >= 0);
    const QString myName = arr::who::actorText(me);
    QVERIFY2(myName.contains(QSysInfo::machineHostName()), qPrintable(myName));
    QCOMPARE(createdBy(created), myName);

    // The details pane: who created it, and who extended it.
    QVERIFY(f->page()->selectSession(emulator, created));
    QTRY_VERIFY(label(u"createdByValue"_s)->isVisible());
    QVERIFY2(label(u"createdByValue"_s)->text().startsWith(myName), qPrintable(label(u"createdByValue"_s)->text()));
    QCOMPARE(label(u"changedByValue"_s)->text(), u"–"_s);
    finished.clear();
    f->workspace->extendSession(emulator, created, arr::TimeSpan::fromHours(2));
    QVERIFY(finished.wait(10'000));
    QTRY_VERIFY(label(u"changedByValue"_s)->text() != u"–"_s);
    QVERIFY2(
        label(u"changedByValue"_s)->text().startsWith(u"Extended"_s), qPrintable(label(u"changedByValue"_s)->text()));
    QVERIFY(label(u"changedByValue"_s)->text().contains(myName));

    // The one created elsewhere: unknown, and nothing changed it.
    QVERIFY(f->page()->selectSession(emulator, outside));
    QTRY_COMPARE(label(u"createdByValue"_s)->text(), u"unknown"_s);
    QCOMPARE(label(u"changedByValue"_s)->text(), u"–"_s);

    // What the history holds says the same in the next window, which sent nothing itself.
    f->workspace->history()->flush();
    f->closeWindow();
    QVERIFY(f->open());
    QTRY_COMPARE(createdBy(created), myName);
    QTRY_COMPARE(createdBy(outside), u"unknown"_s);
}

void TestWhoDidWhat::historyEventsSayWhoSentEachCommand()
{
    arr::HistoryEventsPane pane;
    const arr::HistoryActor bob{u"bob"_s, u"ops-desk"_s, u"arrsm"_s, u"0.1.0"_s};
    const QDateTime t0(QDate(2026, 3, 18), QTime(9, 0), Qt::UTC);
    arr::HistorySession session;
    session.account = u"Ops"_s;
    session.sessionId = u"s1"_s;
    QList<arr::HistoryEvent> events;
    events.append({u"Ops"_s, u"Ops"_s, u"s1"_s, t0, u"created"_s, {}, u"cv.1"_s, bob});
    events.append({u"Ops"_s, u"Ops"_s, u"s1"_s, t0.addSecs(60), u"ready"_s, {}, u"cv.2"_s});
    // Stopped at the service by something else (or before the history kept who).
    events.append({u"Ops"_s, u"Ops"_s, u"s1"_s, t0.addSecs(120), u"stopped"_s, {}, u"cv.3"_s});
    pane.showEvents(session, events);
    auto *tree = pane.findChild<QTreeWidget *>(u"historyEvents"_s);
    QVERIFY(tree);
    QCOMPARE(tree->headerItem()->text(4), u"By"_s);
    QCOMPARE(tree->topLevelItem(0)->text(4), u"bob on ops-desk (arrsm 0.1.0)"_s);
    QCOMPARE(tree->topLevelItem(1)->text(4), QString());
    QCOMPARE(tree->topLevelItem(2)->text(4), u"unknown"_s);
}

// A budget alert arrsm watch gave this morning (into the history this window's workspace records
// into) is in the Notifications of a window started later, at its time and saying who gave it.
void TestWhoDidWhat::aBudgetAlertAnotherProgramGaveIsInNotifications()
{
    QVERIFY(f->open());
    QString identity;
    for (const arr::Account &account : f->workspace->accountStore().accounts()) {
        if (account.name == GuiFixture::emulatorAccount())
            identity = account.identity();
    }
    QVERIFY(!identity.isEmpty());
    const QString file = f->workspace->historyFile();
    f->workspace->history()->flush();
    f->closeWindow();
    const QDateTime given = f->clock.now().toUTC().addSecs(-60);
    {
        arr::HistoryStore store(file);
        QCOMPARE(store.open(), arr::HistoryStore::OpenResult::Opened);
        arr::HistoryBatch batch;
        batch.alerts.append({u"as arrsm named it"_s, {}, given, u"budget-warning"_s,
            u"The account has spent 8.0 h today, 80 % of its daily budget of 10.0 h."_s,
            {u"ops"_s, u"server-1"_s, u"arrsm watch"_s, u"0.1.0"_s}, identity});
        QVERIFY(store.record(batch));
    }
    QVERIFY(f->open());
    auto *list = f->find<QTreeWidget>(u"notificationsList"_s);
    QVERIFY(list);
    QTRY_COMPARE(list->topLevelItemCount(), 1);
    const QTreeWidgetItem *item = list->topLevelItem(0);
    QCOMPARE(item->text(1), u"Budget almost spent"_s);
    QCOMPARE(item->text(2), GuiFixture::emulatorAccount());
    QCOMPARE(item->text(4),
        u"The account has spent 8.0 h today, 80 % of its daily budget of 10.0 h. (given by ops on server-1 "
        "(arrsm watch 0.1.0))"_s);
    QCOMPARE(item->text(0), QLocale().toString(given.toLocalTime().time(), QLocale::ShortFormat));
    // Once: the window's next writes read the history again, and nothing is added.
    QSignalSpy read(f->workspace->history(), &arr::HistoryRecorder::alertsRead);
    f->workspace->history()->recordAlert(
        {arr::SessionNotification::Kind::KeepAliveEnded, GuiFixture::emulatorAccount(), u"s1"_s, u"ended"_s});
    QVERIFY(read.wait(10'000));
    QCOMPARE(list->topLevelItemCount(), 1);
}

QTEST_MAIN(TestWhoDidWhat)
#include "tst_whodidwhat.moc"
