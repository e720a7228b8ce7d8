#include "GuiFixture.h"
#include "common/MonitorPolls.h"
#include "common/SessionsOf.h"
#include "common/TestEmulator.h"
#include "emulator/EmulatorServer.h"
#include "monitor/LiveSessions.h"
#include "ui/DetailsPane.h"
#include "workspace/AccountManager.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using arr::SessionStatus;
using arr::SessionTableModel;

namespace {

// A second account of the built-in emulator, spoken to in the 2021-01-01 API.
const QString GaAccountName = u"GA account"_s;
const QString GaAccountId = u"6a6a6a6a-0000-4000-8000-000000002021"_s;
const QString GaAccountKey = u"ga-emulator-key"_s;

arr::emulator::SessionSeed readySeed(const QString &size, int minutesAgo)
{
    arr::emulator::SessionSeed seed;
    seed.status = SessionStatus::Ready;
    seed.maxLease = arr::TimeSpan::fromHours(4);
    seed.age = arr::TimeSpan::fromMinutes(minutesAgo);
    seed.size = size;
    return seed;
}

// Stands in for the default browser: the addresses the app asked to open.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

} // namespace

// A 2021-01-01 account beside the v1 emulator account in one window: its rows in the same table,
// its own fields (creation time, teraflops, ports, error code) in the details pane where they have
// a value, and as optional columns, hidden by default and sortable like the others.
class TestGaSessions : public GuiTest
{
    Q_OBJECT

private Q_SLOTS:
    void gaAndV1AccountsInOneTable();
    void gaColumnsAreOptionalAndSortable();
    void detailsShowTheErrorCodeOnlyWhenThereIsOne();
    void openInspectorOnlyForAReadySessionWithAPort();
    void columnsAddedSinceTheSavedLayoutTakeTheirDefault();

private:
    // Opens the window with the emulator's v1 account and adds a GA account of the same emulator.
    bool openWithGaAccount();
    // A session seeded into the GA account, once its row is in the table; empty otherwise.
    QString addGaSession(const arr::emulator::SessionSeed &seed);
    QTableView *view() const { return f->find<QTableView>(u"sessionView"_s); }
    QLabel *label(const QString &name) const { return f->find<QLabel>(name); }
    // Saves the window as a PNG when ARRSM_SCREENSHOT_DIR names a directory (a person looking at the
    // app under Xvfb); does nothing otherwise.
    void saveScreenshot(const QString &fileName) const;
};

bool TestGaSessions::openWithGaAccount()
{
    if (!f->open())
        return false;
    arr::emulator::EmulatorServer *server = f->emulator.get();
    if (!server) {
        qWarning("The local emulator is not running");
        return false;
    }
    server->addAccount(GaAccountId, GaAccountKey);
    arr::Account account = accountOn(GaAccountName, GaAccountId, *server);
    account.apiVersion = arr::ApiVersion::Api20210101;
    const QString problem = f->workspace->accounts().saveAccount(account, {}, GaAccountKey);
    if (!problem.isEmpty()) {
        qWarning("The GA account was not saved: %s", qPrintable(problem));
        return false;
    }
    return QTest::qWaitFor([this] { return f->workspace->monitor().accountNames().contains(GaAccountName); });
}

QString TestGaSessions::addGaSession(const arr::emulator::SessionSeed &seed)
{
    const QString id = f->emulator.get()->addSession(GaAccountId, seed);
    if (id.isEmpty() || !pollAndSettle(f->workspace->monitor(), GaAccountName)
        || f->model().rowOf(GaAccountName, id) < 0) {
        qWarning("GA session %s did not appear in the table", qPrintable(id));
        return {};
    }
    return id;
}

void TestGaSessions::saveScreenshot(const QString &fileName) const
{
    const QString directory = qEnvironmentVariable("ARRSM_SCREENSHOT_DIR");
    if (directory.isEmpty())
        return;
    QDir().mkpath(directory);
    const QString path = QDir(directory).filePath(fileName);
    if (!f->window->grab().save(path))
        qWarning("Could not save %s", qPrintable(path));
}

void TestGaSessions::gaAndV1AccountsInOneTable()
{
    QVERIFY(openWithGaAccount());
    const QString v1Account = GuiFixture::emulatorAccount();
    const QString v1Ready = f->addSession(readySeed(u"standard"_s, 35));
    QVERIFY(!v1Ready.isEmpty());
    const QString gaReady = addGaSession(readySeed(u"premium"_s, 20));
    QVERIFY(!gaReady.isEmpty());
    const QString gaStandard = addGaSession(readySeed(u"standard"_s, 50));
    QVERIFY(!gaStandard.isEmpty());

    // A GA create from the window's command path: a PUT under an id the client chose, sent once (a
    // repeat would come before the create's outcome).
    QSignalSpy finished(&f->workspace->monitor(), &arr::SessionMonitor::commandFinished);
    f->workspace->createSession(GaAccountName, {arr::TimeSpan::fromHours(2), u"standard"_s, {}, u"render-job-7"_s});
    QVERIFY(finished.wait());
    QVERIFY(pollAndSettle(f->workspace->monitor(), GaAccountName));
    QVERIFY(f->model().rowOf(GaAccountName, u"render-job-7"_s) >= 0);
    QCOMPARE(f->emulator.get()->requestCount(u"create"_s), 1);

    // One table, both accounts, each session under its own account (the emulator's v1 account has
    // made-up sessions of its own besides).
    QCOMPARE(sessionsOf(f->sessions(), GaAccountName).size(), 3);
    QVERIFY(f->model().rowOf(v1Account, v1Ready) >= 0);
    QCOMPARE(f->model().rowOf(GaAccountName, v1Ready), -1);
    QCOMPARE(f->model().rowOf(v1Account, gaReady), -1);
    const QModelIndex gaStatus = f->model().index(f->model().rowOf(GaAccountName, gaReady), 0);
    QCOMPARE(gaStatus.data().toString(), GaAccountName);
    QCOMPARE(gaStatus.data(SessionTableModel::StatusRole).toInt(), int(SessionStatus::Ready));
    // The GA create's session reads as the same Starting as v1's would.
    const int created = f->model().rowOf(GaAccountName, u"render-job-7"_s);
    QCOMPARE(f->model().index(created, SessionTableModel::StatusColumn).data(SessionTableModel::StatusRole).toInt(),
        int(SessionStatus::Starting));

    // The GA session's own fields, each in a row of the details pane.
    auto *details = f->find<arr::DetailsPane>(u"detailsPane"_s);
    QVERIFY(details);
    QVERIFY(f->page()->selectSession(GaAccountName, gaReady));
    QTRY_COMPARE(details->sessionId(), gaReady);
    const QLocale locale;
    QCOMPARE(label(u"teraflopsValue"_s)->text(), locale.toString(21.2, 'f', 1));
    QCOMPARE(label(u"handshakePortValue"_s)->text(), u"50051"_s);
    QCOMPARE(label(u"inspectorPortValue"_s)->text(), u"50052"_s);
    QVERIFY(!label(u"createdValue"_s)->text().isEmpty());
    for (const QString &name : {u"teraflops"_s, u"handshakePort"_s, u"inspectorPort"_s, u"created"_s}) {
        QVERIFY2(label(name + u"Value"_s)->isVisible(), qPrintable(name));
        QVERIFY2(label(name + u"Caption"_s)->isVisible(), qPrintable(name));
    }
    // No error, so no row for its code.
    QVERIFY(!label(u"errorCodeValue"_s)->isVisible());
    QVERIFY(!label(u"errorCodeCaption"_s)->isVisible());

    // The v1 session has none of them: their rows go, rather than showing dashes.
    QVERIFY(f->page()->selectSession(v1Account, v1Ready));
    QTRY_COMPARE(details->sessionId(), v1Ready);
    for (const QString &name : {u"teraflops"_s, u"handshakePort"_s, u"inspectorPort"_s, u"errorCode"_s}) {
        QVERIFY2(!label(name + u"Value"_s)->isVisible(), qPrintable(name));
        QVERIFY2(!label(name + u"Caption"_s)->isVisible(), qPrintable(name));
    }

    // What a person sees: both accounts in one table, the GA columns shown, a GA session selected.
    QHeaderView *header = view()->horizontalHeader();
    for (int column : {SessionTableModel::TeraflopsColumn, SessionTableModel::HandshakePortColumn,
             SessionTableModel::ArrInspectorPortColumn, SessionTableModel::CreatedColumn})
        header->setSectionHidden(column, false);
    for (int column : {SessionTableModel::HostnameColumn, SessionTableModel::CostSoFarColumn,
             SessionTableModel::CostAtLeaseEndColumn, SessionTableModel::MessageColumn})
        header->setSectionHidden(column, true);
    f->window->resize(1600, 900);
    if (auto *splitter = f->find<QSplitter>(u"sessionSplitter"_s))
        splitter->setSizes({1160, 440});
    QVERIFY(f->page()->selectSession(GaAccountName, gaReady));
    QTRY_COMPARE(details->sessionId(), gaReady);
    // The status bar's cost counts on the window's one-second tick: a picture after it has.
    if (auto *cost = f->find<QLabel>(u"costStatus"_s))
        QVERIFY(QTest::qWaitFor([cost] { return !cost->text().startsWith(u"0 "_s); }, 3000));
    // Its new text laid out in the status bar (the layout request is an event of its own).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    saveScreenshot(u"ga-and-v1.png"_s);
}

void TestGaSessions::gaColumnsAreOptionalAndSortable()
{
    QVERIFY(openWithGaAccount());
    const QString v1Ready = f->addSession(readySeed(u"standard"_s, 10));
    QVERIFY(!v1Ready.isEmpty());
    const QString gaReady = addGaSession(readySeed(u"premium"_s, 10));
    QVERIFY(!gaReady.isEmpty());

    // Hidden by default, like the other fields of later API versions, and offered in the column menu.
    QHeaderView *header = view()->horizontalHeader();
    const QList<int> gaColumns{SessionTableModel::TeraflopsColumn, SessionTableModel::HandshakePortColumn,
        SessionTableModel::CreatedColumn, SessionTableModel::ArrInspectorPortColumn,
        SessionTableModel::ErrorCodeColumn};
    for (int column : gaColumns)
        QVERIFY2(header->isSectionHidden(column), qPrintable(QString::number(column)));
    QCOMPARE(f->model().headerData(SessionTableModel::ArrInspectorPortColumn, Qt::Horizontal).toString(),
        u"Inspector port"_s);
    QCOMPARE(f->model().headerData(SessionTableModel::ErrorCodeColumn, Qt::Horizontal).toString(), u"Error code"_s);

    // The GA row has values, the v1 row none.
    const int gaRow = f->model().rowOf(GaAccountName, gaReady);
    const int v1Row = f->model().rowOf(GuiFixture::emulatorAccount(), v1Ready);
    const auto cell = [this](int row, int column) { return f->model().index(row, column); };
    QCOMPARE(cell(gaRow, SessionTableModel::ArrInspectorPortColumn).data().toInt(), 50052);
    QCOMPARE(
        cell(gaRow, SessionTableModel::ArrInspectorPortColumn).data(SessionTableModel::RawValueRole).toInt(), 50052);
    QCOMPARE(cell(gaRow, SessionTableModel::HandshakePortColumn).data().toInt(), 50051);
    QVERIFY(cell(gaRow, SessionTableModel::TeraflopsColumn).data(SessionTableModel::RawValueRole).toDouble() > 0);
    QVERIFY(cell(gaRow, SessionTableModel::CreatedColumn).data(SessionTableModel::RawValueRole).toDateTime().isValid());
    QVERIFY(cell(gaRow, SessionTableModel::ErrorCodeColumn).data().toString().isEmpty());
    for (int column : {SessionTableModel::ArrInspectorPortColumn, SessionTableModel::HandshakePortColumn,
             SessionTableModel::TeraflopsColumn, SessionTableModel::ErrorCodeColumn})
        QVERIFY2(cell(v1Row, column).data().toString().isEmpty(), qPrintable(QString::number(column)));

    // Shown and sorted on like any column: the row with a port before the one without.
    header->setSectionHidden(SessionTableModel::ArrInspectorPortColumn, false);
    QVERIFY(header->sectionsClickable());
    const QAbstractItemModel *proxy = view()->model();
    const auto shownAt = [proxy](const QString &id) {
        for (int row = 0; row < proxy->rowCount(); ++row) {
            if (proxy->index(row, 0).data(SessionTableModel::SessionIdRole).toString() == id)
                return row;
        }
        return -1;
    };
    view()->sortByColumn(SessionTableModel::AccountColumn, Qt::DescendingOrder);
    QVERIFY(shownAt(v1Ready) < shownAt(gaReady));
    view()->sortByColumn(SessionTableModel::ArrInspectorPortColumn, Qt::AscendingOrder);
    QCOMPARE(header->sortIndicatorSection(), int(SessionTableModel::ArrInspectorPortColumn));
    QCOMPARE(shownAt(gaReady), 0);
    QVERIFY(shownAt(v1Ready) > 0);

    // Hidden again, as a person would from the menu, and remembered with the rest of the header.
    header->setSectionHidden(SessionTableModel::ArrInspectorPortColumn, true);
    header->setSectionHidden(SessionTableModel::ErrorCodeColumn, false);
    f->closeWindow();
    QVERIFY(f->open());
    header = view()->horizontalHeader();
    QVERIFY(header->isSectionHidden(SessionTableModel::ArrInspectorPortColumn));
    QVERIFY(!header->isSectionHidden(SessionTableModel::ErrorCodeColumn));
}

void TestGaSessions::openInspectorOnlyForAReadySessionWithAPort()
{
    QVERIFY(openWithGaAccount());
    const QString gaReady = addGaSession(readySeed(u"premium"_s, 20));
    QVERIFY(!gaReady.isEmpty());
    arr::emulator::SessionSeed starting;
    starting.status = SessionStatus::Starting;
    const QString gaStarting = addGaSession(starting);
    QVERIFY(!gaStarting.isEmpty());
    const QString v1Ready = f->addSession(readySeed(u"standard"_s, 35));
    QVERIFY(!v1Ready.isEmpty());

    UrlCatcher browser;
    QDesktopServices::setUrlHandler(u"https"_s, &browser, "open");
    QDesktopServices::setUrlHandler(u"http"_s, &browser, "open");
    const auto unset = qScopeGuard([] {
        QDesktopServices::unsetUrlHandler(u"https"_s);
        QDesktopServices::unsetUrlHandler(u"http"_s);
    });
    QAction *action = f->action(u"openInspectorAction"_s);
    QVERIFY(action);
    auto *menu = f->find<QMenu>(u"sessionContextMenu"_s);
    QVERIFY(menu && menu->actions().contains(action));
    auto *button = f->find<QPushButton>(u"openInspectorButton"_s);
    QVERIFY(button);

    // Nothing selected, a starting GA session, a v1 session (no inspector port): nothing to open.
    QVERIFY(!action->isEnabled());
    QVERIFY(f->page()->selectSession(GaAccountName, gaStarting));
    QTRY_VERIFY(!f->find<arr::DetailsPane>(u"detailsPane"_s)->sessionId().isEmpty());
    QVERIFY(!action->isEnabled());
    QVERIFY(!button->isVisible() || !button->isEnabled());
    QVERIFY(f->page()->selectSession(GuiFixture::emulatorAccount(), v1Ready));
    QTRY_COMPARE(f->find<arr::DetailsPane>(u"detailsPane"_s)->sessionId(), v1Ready);
    QVERIFY(!action->isEnabled());
    QVERIFY(!button->isVisible());
    action->trigger();
    QVERIFY(browser.opened.isEmpty());

    // The ready GA session: https, its hostname, its inspector port; from the keyboard shortcut and
    // from the details pane's button.
    QVERIFY(f->page()->selectSession(GaAccountName, gaReady));
    QTRY_VERIFY(action->isEnabled());
    const arr::TrackedSession *tracked = f->sessions().find(GaAccountName, gaReady);
    QVERIFY(tracked && !tracked->session.hostname.isEmpty() && tracked->session.arrInspectorPort);
    QUrl expected;
    expected.setScheme(u"https"_s);
    expected.setHost(tracked->session.hostname);
    expected.setPort(*tracked->session.arrInspectorPort);
    QVERIFY(expected.isValid());
    QTest::keyClick(view(), Qt::Key_I, Qt::ControlModifier);
    QTRY_COMPARE(browser.opened, QList<QUrl>{expected});
    QVERIFY(button->isVisible() && button->isEnabled());
    QVERIFY(gui::click(button));
    QTRY_COMPARE(browser.opened, (QList<QUrl>{expected, expected}));
    QCOMPARE(browser.opened.constFirst().toString(),
        u"https://%1:%2"_s.arg(tracked->session.hostname).arg(*tracked->session.arrInspectorPort));
}

void TestGaSessions::detailsShowTheErrorCodeOnlyWhenThereIsOne()
{
    // The GA list has no failed sessions, so the pane is shown one directly.
    arr::DetailsPane pane;
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    arr::SessionDetails details;
    details.account = GaAccountName;
    details.session.id = u"failed-job"_s;
    details.session.status = SessionStatus::Error;
    details.session.message = u"The session could not start."_s;
    details.session.errorCode = u"SessionFailed"_s;
    details.session.creationTime = QDateTime(QDate(2021, 6, 1), QTime(9, 30), Qt::UTC);
    pane.showSession(details);
    auto *code = pane.findChild<QLabel *>(u"errorCodeValue"_s);
    QVERIFY(code);
    QVERIFY(code->isVisible());
    QVERIFY(pane.findChild<QLabel *>(u"errorCodeCaption"_s)->isVisible());
    QCOMPARE(code->text(), u"SessionFailed"_s);
    QCOMPARE(pane.findChild<QLabel *>(u"messageValue"_s)->text(), u"The session could not start."_s);
    QVERIFY(pane.findChild<QLabel *>(u"createdValue"_s)->isVisible());
    // Ports and teraflops never applied to a session that did not start.
    QVERIFY(!pane.findChild<QLabel *>(u"handshakePortValue"_s)->isVisible());
    QVERIFY(!pane.findChild<QLabel *>(u"teraflopsValue"_s)->isVisible());

    // The next session shown has no code: the row goes, and no old code is left behind.
    details.session.id = u"other-job"_s;
    details.session.status = SessionStatus::Ready;
    details.session.errorCode.clear();
    details.session.message.clear();
    details.session.arrInspectorPort = 50052;
    pane.showSession(details);
    QVERIFY(!code->isVisible());
    QVERIFY(!pane.findChild<QLabel *>(u"errorCodeCaption"_s)->isVisible());
    QVERIFY(pane.findChild<QLabel *>(u"inspectorPortValue"_s)->isVisible());
}

void TestGaSessions::columnsAddedSinceTheSavedLayoutTakeTheirDefault()
{
    // The header as a version with 14 columns (before Inspector port and Error code) saved it, with
    // Size hidden and Teraflops shown by the user.
    QStandardItemModel older(0, 14);
    QTableView olderView;
    olderView.setModel(&older);
    olderView.horizontalHeader()->setSectionHidden(SessionTableModel::SizeColumn, true);
    {
        QSettings settings(f->settingsFile(), QSettings::IniFormat);
        settings.setValue(u"table/header"_s, olderView.horizontalHeader()->saveState());
    }
    QVERIFY(f->open());
    QHeaderView *header = view()->horizontalHeader();
    QCOMPARE(header->count(), int(SessionTableModel::ColumnCount));
    // The user's choices stand; the new optional columns are hidden, as for a new user.
    QVERIFY(header->isSectionHidden(SessionTableModel::SizeColumn));
    QVERIFY(!header->isSectionHidden(SessionTableModel::TeraflopsColumn));
    QVERIFY(!header->isSectionHidden(SessionTableModel::AccountColumn));
    QVERIFY(header->isSectionHidden(SessionTableModel::ArrInspectorPortColumn));
    QVERIFY(header->isSectionHidden(SessionTableModel::ErrorCodeColumn));

    // Shown by the user now, and saved with the number of columns: it stays shown.
    header->setSectionHidden(SessionTableModel::ErrorCodeColumn, false);
    f->closeWindow();
    QCOMPARE(QSettings(f->settingsFile(), QSettings::IniFormat).value(u"table/columnCount"_s).toInt(),
        int(SessionTableModel::ColumnCount));
    QVERIFY(f->open());
    QVERIFY(!view()->horizontalHeader()->isSectionHidden(SessionTableModel::ErrorCodeColumn));
    QVERIFY(view()->horizontalHeader()->isSectionHidden(SessionTableModel::ArrInspectorPortColumn));
}

QTEST_MAIN(TestGaSessions)
#include "tst_gasessions.moc"
