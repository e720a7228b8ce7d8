// The main window driven as a person would, against the built-in emulator on a manual clock: the
// table, its colours and countdown, commands from the toolbar, menus and keyboard, errors, the
// details pane, the request log, the status bar, notifications, the empty state and settings.
#include "GuiFixture.h"
#include "common/LoggedEntries.h"
#include "common/MonitorPolls.h"

#include "emulator/EmulatorServer.h"
#include "monitor/SessionMonitor.h"
#include "service/RequestLog.h"
#include "ui/AccountStatusBar.h"
#include "ui/AccountsDialog.h"
#include "ui/CreateSessionDialog.h"
#include "ui/DetailsPane.h"
#include "ui/ErrorDialog.h"
#include "ui/ExtendSessionDialog.h"
#include "ui/MessageBar.h"
#include "ui/Notifier.h"
#include "ui/RequestLogModel.h"
#include "ui/RequestLogPanel.h"
#include "ui/SessionFilterProxy.h"
#include "ui/SessionItemDelegate.h"
#include "ui/SessionStyle.h"
#include "ui/SessionTableModel.h"
#include "ui/SessionsPage.h"
#include "ui/WrappingValue.h"
#include "workspace/AccountManager.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using arr::CreateSessionDialog;
using arr::SessionStatus;
using arr::SessionTableModel;

namespace {

const QString Emulator = GuiFixture::emulatorAccount();

arr::emulator::SessionSeed seed(
    SessionStatus status, arr::TimeSpan lease, arr::TimeSpan age, const QString &size = u"standard"_s)
{
    arr::emulator::SessionSeed seed;
    seed.status = status;
    seed.maxLease = lease;
    seed.age = age;
    seed.size = size;
    return seed;
}

// Ready, 4 h lease, 42 min old: 03:18:00 left.
arr::emulator::SessionSeed readyFourHours()
{
    return seed(SessionStatus::Ready, arr::TimeSpan::fromHours(4), arr::TimeSpan::fromMinutes(42), u"premium"_s);
}

} // namespace

class TestMainWindow : public GuiTest
{
    Q_OBJECT

private:
    SessionTableModel &model() { return f->model(); }
    arr::emulator::EmulatorServer *emulator() { return f->emulator.get(); }
    QTableView *view() const { return f->find<QTableView>(u"sessionView"_s); }
    arr::SessionFilterProxy *proxy() const { return qobject_cast<arr::SessionFilterProxy *>(view()->model()); }
    arr::SessionItemDelegate *delegate() const
    {
        return qobject_cast<arr::SessionItemDelegate *>(view()->itemDelegate());
    }
    QAction *action(const QString &name) const { return f->action(name); }
    QWidget *toolButton(const QString &actionName) const { return gui::toolButton(f->window.get(), actionName); }
    QModelIndex viewIndex(const QString &sessionId, int column)
    {
        const int row = model().rowOf(Emulator, sessionId);
        return proxy()->mapFromSource(model().index(row, column));
    }
    bool isShown(const QString &sessionId) { return viewIndex(sessionId, 0).isValid(); }
    arr::Session emulatorSession(const QString &id)
    {
        const QList<arr::Session> sessions = emulator()->sessions(GuiFixture::emulatorAccountId());
        for (const arr::Session &session : sessions) {
            if (session.id == id)
                return session;
        }
        return {};
    }
    CreateSessionDialog *openCreateDialog();

private Q_SLOTS:
    void showsEverySessionWithStatusIconAndColour();
    void countdownTurnsAmberThenRed();
    void detailsFollowTheCountdownAlone();
    void hiddenOrMinimisedWindowMovesNoCountdown();
    void createdSessionAppearsStartingThenReady();
    void extendsTheLeaseByAnHour();
    void stopAsksNamingEachSessionAndStopsOnlyWhenAgreed();
    void failedCreateShowsStatusMessageAndMsCv();
    void detailsPaneShowsPropertiesAndCopies();
    void requestLogListsCallsWithoutSecrets();
    void statusBarShowsAccountHealth();
    void notifiesInTheWindowWithoutTray();
    void emptyStateOffersAccountOrEmulator();
    void saysItIsOpeningUntilAccountsAreLoaded();
    void keyboardAndContextMenuRunCommands();
    void filtersByTextStatusAndFinished();
    void columnMenusKeepOneColumn();
    void settingsRestoredInNextWindow();
    void tableSettingsKeptByARunThatNeverShowedIt();
    void keychainLossIsSaidPlainly();
    void commandActionsFollowTheSelection();
};

CreateSessionDialog *TestMainWindow::openCreateDialog()
{
    if (!gui::click(toolButton(u"newSessionAction"_s)))
        return nullptr;
    CreateSessionDialog *dialog = f->window->findChild<CreateSessionDialog *>();
    if (dialog && !QTest::qWaitFor([dialog] { return dialog->isVisible(); }))
        return nullptr;
    return dialog;
}

void TestMainWindow::showsEverySessionWithStatusIconAndColour()
{
    QVERIFY(f->open());
    QMap<SessionStatus, QString> ids;
    for (SessionStatus status : {SessionStatus::Starting, SessionStatus::Ready, SessionStatus::Stopped,
             SessionStatus::Expired, SessionStatus::Error}) {
        ids[status] = f->addSession(seed(status, arr::TimeSpan::fromHours(1), arr::TimeSpan::fromMinutes(5)));
        QVERIFY2(!ids[status].isEmpty(), qPrintable(arr::sessionStatusDisplayName(status)));
    }
    QVERIFY(f->isShowing(u"sessionsPage"_s));
    const QPalette palette = view()->palette();
    QSet<QRgb> statusColours;
    for (auto it = ids.cbegin(); it != ids.cend(); ++it) {
        QStyleOptionViewItem base;
        base.palette = palette;
        const QStyleOptionViewItem option
            = delegate()->optionFor(viewIndex(it.value(), SessionTableModel::StatusColumn), base);
        // Told by text and icon, not by colour alone.
        QCOMPARE(option.text, arr::sessionStatusDisplayName(it.key()));
        QVERIFY(option.features & QStyleOptionViewItem::HasDecoration);
        QVERIFY(!option.icon.isNull());
        statusColours.insert(option.palette.color(QPalette::Text).rgb());
    }
    QCOMPARE(statusColours.size(), 5);
    // Ended sessions have no countdown.
    const QModelIndex stopped = viewIndex(ids[SessionStatus::Stopped], SessionTableModel::RemainingColumn);
    QVERIFY(stopped.data().toString().isEmpty());
}

void TestMainWindow::countdownTurnsAmberThenRed()
{
    QVERIFY(f->open());
    const QString id = f->addSession(readyFourHours());
    QVERIFY(!id.isEmpty());
    const auto remainingOption
        = [&] { return delegate()->optionFor(viewIndex(id, SessionTableModel::RemainingColumn)); };
    const auto cellBackground = [&] { return remainingOption().backgroundBrush.color(); };
    const auto remainingText = [&] { return viewIndex(id, SessionTableModel::RemainingColumn).data().toString(); };
    QCOMPARE(remainingText(), u"03:18:00"_s);
    QCOMPARE(remainingOption().backgroundBrush.style(), Qt::NoBrush);

    // The one-second tick recomputes from the clock: 3 h later, 18 min are left (under 30: amber).
    f->clock.advance(3 * 3600'000);
    QTRY_COMPARE(remainingText(), u"00:18:00"_s);
    QCOMPARE(cellBackground(), arr::style::remainingBackground(SessionTableModel::RemainingLevel::Warning));

    // 10 more minutes: 8 left (under 10: red, bold).
    f->clock.advance(10 * 60'000);
    QTRY_COMPARE(remainingText(), u"00:08:00"_s);
    const QStyleOptionViewItem option = remainingOption();
    QCOMPARE(
        option.backgroundBrush.color(), arr::style::remainingBackground(SessionTableModel::RemainingLevel::Critical));
    QVERIFY(option.font.bold());
    QCOMPARE(option.palette.color(QPalette::Text),
        arr::style::remainingForeground(SessionTableModel::RemainingLevel::Critical));
}

// A window nobody sees moves no countdown (the tick stops, so nothing is recomputed or painted);
// shown again, it catches up at once.
void TestMainWindow::hiddenOrMinimisedWindowMovesNoCountdown()
{
    QVERIFY(f->open());
    const QString id = f->addSession(readyFourHours());
    QVERIFY(!id.isEmpty());
    auto *tick = f->window->findChild<QTimer *>(u"countdownTick"_s);
    QVERIFY(tick);
    QVERIFY(tick->isActive());
    const auto remainingText = [&] { return viewIndex(id, SessionTableModel::RemainingColumn).data().toString(); };

    f->window->showMinimized();
    QTRY_VERIFY(!tick->isActive());
    f->window->showNormal();
    QTRY_VERIFY(tick->isActive());

    f->window->hide();
    QVERIFY(!tick->isActive());
    f->clock.advance(3 * 3600'000);
    f->window->show();
    QVERIFY(tick->isActive());
    // Caught up when shown, before the next tick.
    QCOMPARE(remainingText(), u"00:18:00"_s);
}

void TestMainWindow::detailsFollowTheCountdownAlone()
{
    QVERIFY(f->open());
    const QString id = f->addSession(readyFourHours());
    QVERIFY(!id.isEmpty());
    QVERIFY(f->page()->selectSession(Emulator, id));
    auto *details = f->find<arr::DetailsPane>(u"detailsPane"_s);
    QVERIFY(details->isShowingSession());
    auto *remaining = details->findChild<QLabel *>(u"remainingValue"_s);
    QCOMPARE(remaining->text(), u"03:18:00"_s);

    // Marks on what only a change of selection or session may rewrite: the tick leaves them be.
    auto *elapsed = details->findChild<QLabel *>(u"elapsedValue"_s);
    elapsed->setText(u"untouched"_s);
    action(u"extendAction"_s)->setText(u"untouched"_s);
    f->clock.advance(3 * 3600'000);
    QTRY_COMPARE(remaining->text(), u"00:18:00"_s);
    QCOMPARE(remaining->palette().color(QPalette::Window),
        arr::style::remainingBackground(SessionTableModel::RemainingLevel::Warning));
    QCOMPARE(elapsed->text(), u"untouched"_s);
    QCOMPARE(action(u"extendAction"_s)->text(), u"untouched"_s);

    // A new selection shows the whole session again.
    view()->clearSelection();
    QVERIFY(f->page()->selectSession(Emulator, id));
    QVERIFY(elapsed->text() != u"untouched"_s);
    QCOMPARE(action(u"extendAction"_s)->text(), u"&Extend lease…"_s);
}

void TestMainWindow::createdSessionAppearsStartingThenReady()
{
    QVERIFY(f->open());
    QVERIFY(!f->addSession(readyFourHours()).isEmpty());
    const int rowsBefore = model().rowCount();
    CreateSessionDialog *dialog = openCreateDialog();
    QVERIFY(dialog);
    QVERIFY(gui::retype(dialog->findChild<QComboBox *>(u"sizeCombo"_s), u"premium"_s));
    QVERIFY(gui::retype(dialog->findChild<QSpinBox *>(u"leaseHoursSpin"_s), u"2"_s));
    QVERIFY(gui::retype(dialog->findChild<QSpinBox *>(u"leaseMinutesSpin"_s), u"30"_s));
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"modelsEdit"_s), u"builtin://Engine"_s);
    QCOMPARE(dialog->problem(), QString());
    QVERIFY(gui::click(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)));

    // The row appears at once as starting, selected.
    QTRY_COMPARE(model().rowCount(), rowsBefore + 1);
    QCOMPARE(emulator()->requestCount(u"create"_s), 1);
    const QList<arr::SessionRef> selected = f->page()->selectedSessions();
    QCOMPARE(selected.size(), 1);
    const QString id = selected.constFirst().sessionId;
    const int row = model().rowOf(Emulator, id);
    QCOMPARE(model().session(row)->status, SessionStatus::Starting);
    QCOMPARE(model().session(row)->size, u"premium"_s);
    QCOMPARE(emulatorSession(id).maxLease, arr::TimeSpan::fromMinutes(150));

    // The emulator starts a session in 20 s of its clock; a refresh shows it ready.
    f->clock.advance(21'000);
    // The offscreen platform has no window manager to give the focus back after a dialog.
    f->window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(f->window.get()));
    QTest::keyClick(f->window.get(), Qt::Key_F5);
    QTRY_COMPARE(model().session(model().rowOf(Emulator, id))->status, SessionStatus::Ready);
    QVERIFY(!model().session(model().rowOf(Emulator, id))->hostname.isEmpty());
}

void TestMainWindow::extendsTheLeaseByAnHour()
{
    QVERIFY(f->open());
    const QString id = f->addSession(readyFourHours());
    QVERIFY(!id.isEmpty());
    QVERIFY(f->page()->selectSession(Emulator, id));
    QVERIFY(gui::click(toolButton(u"extendAction"_s)));
    auto *dialog = f->window->findChild<arr::ExtendSessionDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *tree = dialog->findChild<QTreeWidget *>();
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->text(0), id);
    QCOMPARE(tree->topLevelItem(0)->text(2), u"04:00:00"_s);
    QCOMPARE(tree->topLevelItem(0)->text(3), u"03:18:00"_s);

    QVERIFY(gui::click(gui::buttonWithText(dialog, u"+1 h"_s)));
    QCOMPARE(tree->topLevelItem(0)->text(4), u"05:00:00"_s);
    QVERIFY(gui::click(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)));

    QTRY_COMPARE(emulatorSession(id).maxLease, arr::TimeSpan::fromHours(5));
    QTRY_COMPARE(viewIndex(id, SessionTableModel::LeaseColumn).data().toString(), u"05:00:00"_s);
    QTRY_VERIFY(f->window->statusBar()->currentMessage().contains(u"Extended"_s));
}

void TestMainWindow::stopAsksNamingEachSessionAndStopsOnlyWhenAgreed()
{
    QVERIFY(f->open());
    const QString first = f->addSession(readyFourHours());
    const QString second
        = f->addSession(seed(SessionStatus::Ready, arr::TimeSpan::fromHours(1), arr::TimeSpan::fromMinutes(10)));
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    QVERIFY(f->page()->selectSession(Emulator, first));
    view()->selectionModel()->select(viewIndex(second, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(f->page()->selectedSessions().size(), 2);

    // Cancelled: nothing is sent. A stop would be pending on its session at once (commands are sent
    // as the prompter answers), and at the service before two polls asked after it have answered.
    f->prompter.answers = {false};
    QVERIFY(gui::click(toolButton(u"stopAction"_s)));
    QCOMPARE(f->prompter.questions.size(), 1);
    QVERIFY(f->prompter.questions.constLast().contains(first));
    QVERIFY(f->prompter.questions.constLast().contains(second));
    QCOMPARE(f->prompter.acceptLabels.constLast(), u"Stop 2 sessions"_s);
    for (const QString &id : {first, second})
        QVERIFY(f->sessions().find(Emulator, id)->pendingCommand.isEmpty());
    QVERIFY(pollAndSettle(f->workspace->monitor(), Emulator));
    QCOMPARE(emulator()->requestCount(u"stop"_s), 0);

    // Agreed: both are stopped, and the table shows it.
    f->prompter.answers = {true};
    QVERIFY(gui::click(toolButton(u"stopAction"_s)));
    QTRY_COMPARE(emulator()->requestCount(u"stop"_s), 2);
    for (const QString &id : {first, second}) {
        QCOMPARE(emulatorSession(id).status, SessionStatus::Stopping);
        QTRY_COMPARE(model().session(model().rowOf(Emulator, id))->status, SessionStatus::Stopping);
    }
}

void TestMainWindow::failedCreateShowsStatusMessageAndMsCv()
{
    QVERIFY(f->open());
    QVERIFY(!f->addSession(readyFourHours()).isEmpty());
    const int rowsBefore = model().rowCount();
    CreateSessionDialog *dialog = openCreateDialog();
    QVERIFY(dialog);
    // A size the emulator does not know: allowed by the dialog (said as a note), refused with 400.
    QVERIFY(gui::retype(dialog->findChild<QComboBox *>(u"sizeCombo"_s), u"huge"_s));
    QVERIFY(dialog->findChild<QLabel *>(u"noteLabel"_s)->text().contains(u"huge"_s));
    QVERIFY(gui::click(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)));

    QTRY_COMPARE(f->prompter.errors.size(), 1);
    const ScriptedPrompter::Error error = f->prompter.errors.constFirst();
    QCOMPARE(error.result.httpStatus, 400);
    QVERIFY(!error.result.msCv.isEmpty());
    QVERIFY(error.context.contains(Emulator));
    QCOMPARE(model().rowCount(), rowsBefore);

    auto *shown = gui::findVisible<arr::ErrorDialog>(f->window.get());
    QVERIFY(shown);
    QVERIFY(shown->findChild<QLabel *>(u"statusValue"_s)->text().contains(u"400"_s));
    QVERIFY(shown->findChild<QLabel *>(u"messageValue"_s)->text().contains(u"huge"_s));
    QCOMPARE(shown->findChild<QLabel *>(u"msCvValue"_s)->text(), QString::fromLatin1(error.result.msCv));
    QVERIFY(gui::click(shown->findChild<QPushButton *>(u"copyMsCvButton"_s)));
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(error.result.msCv));
    QVERIFY(gui::click(shown->findChild<QPushButton *>(u"copyDetailsButton"_s)));
    QVERIFY(QGuiApplication::clipboard()->text().contains(u"HTTP 400"_s));
    shown->close();
}

void TestMainWindow::detailsPaneShowsPropertiesAndCopies()
{
    QVERIFY(f->open());
    const QString id = f->addSession(readyFourHours());
    const QString failed
        = f->addSession(seed(SessionStatus::Error, arr::TimeSpan::fromHours(1), arr::TimeSpan::fromMinutes(2)));
    QVERIFY(!id.isEmpty() && !failed.isEmpty());
    auto *details = f->find<arr::DetailsPane>(u"detailsPane"_s);
    QVERIFY(details);
    QVERIFY(!details->isShowingSession());
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {},
        view()->visualRect(viewIndex(id, SessionTableModel::SizeColumn)).center());
    QTRY_VERIFY(details->isShowingSession());
    const arr::Session session = *model().session(model().rowOf(Emulator, id));
    QCOMPARE(details->findChild<arr::WrappingValue *>(u"idValue"_s)->text(), id);
    QCOMPARE(details->findChild<arr::WrappingValue *>(u"hostnameValue"_s)->text(), session.hostname);
    QCOMPARE(details->findChild<QLabel *>(u"leaseValue"_s)->text(), u"04:00:00"_s);
    QCOMPARE(details->findChild<QLabel *>(u"remainingValue"_s)->text(), u"03:18:00"_s);
    const QString msCv = viewIndex(id, 0).data(SessionTableModel::LastMsCvRole).toString();
    QVERIFY(!msCv.isEmpty());
    QCOMPARE(details->findChild<arr::WrappingValue *>(u"msCvValue"_s)->text(), msCv);

    QVERIFY(gui::click(details->findChild<QToolButton *>(u"copyHostnameButton"_s)));
    QCOMPARE(QGuiApplication::clipboard()->text(), session.hostname);
    QVERIFY(gui::click(details->findChild<QToolButton *>(u"copyIdButton"_s)));
    QCOMPARE(QGuiApplication::clipboard()->text(), id);

    // Two selected: the pane says so.
    view()->selectionModel()->select(viewIndex(failed, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTRY_VERIFY(!details->isShowingSession());
}

void TestMainWindow::requestLogListsCallsWithoutSecrets()
{
    QVERIFY(f->open());
    auto *panel = f->find<arr::RequestLogPanel>(QString());
    QVERIFY(panel);
    auto *view = panel->findChild<QTableView *>(u"requestLogView"_s);
    QVERIFY(view);
    QTRY_VERIFY(view->model()->rowCount() >= 2);
    const QString key = GuiFixture::emulatorAccountKey();
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        for (int column = 0; column < view->model()->columnCount(); ++column) {
            const QString cell = view->model()->index(row, column).data().toString();
            QVERIFY2(!cell.contains(key) && !cell.contains(u"Bearer"_s, Qt::CaseInsensitive), qPrintable(cell));
        }
    }
    QCOMPARE(view->model()->index(0, arr::RequestLogModel::MethodColumn).data().toString(), u"GET"_s);
    QCOMPARE(view->model()->index(0, arr::RequestLogModel::StatusColumn).data().toInt(), 200);
    QVERIFY(!view->model()->index(0, arr::RequestLogModel::MsCvColumn).data().toString().isEmpty());

    // Errors only: none yet; a refused create shows up.
    QVERIFY(gui::click(panel->findChild<QCheckBox *>(u"requestLogErrorsOnlyBox"_s)));
    QCOMPARE(view->model()->rowCount(), 0);
    arr::CreateSessionRequest request;
    request.size = u"huge"_s;
    request.maxLease = arr::TimeSpan::fromHours(1);
    f->workspace->monitor().createSession(Emulator, request);
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, arr::RequestLogModel::StatusColumn).data().toInt(), 400);

    // Copy the row for a support ticket: the log's own line.
    view->selectRow(0);
    QVERIFY(gui::click(panel->findChild<QPushButton *>(u"requestLogCopyButton"_s)));
    const QList<arr::RequestLogEntry> &entries = loggedEntries(f->workspace->log());
    const auto failed = std::find_if(entries.begin(), entries.end(), [](const auto &e) { return e.isError(); });
    QVERIFY(failed != entries.end());
    QCOMPARE(QGuiApplication::clipboard()->text(), failed->toLine());
}

void TestMainWindow::statusBarShowsAccountHealth()
{
    QVERIFY(f->open());
    auto *bar = f->find<arr::AccountStatusBar>(u"accountStatusBar"_s);
    QVERIFY(bar);
    QTRY_VERIFY(gui::accountHealthText(f->window.get(), Emulator).contains(u"healthy"_s));
    QVERIFY(gui::accountHealthText(f->window.get(), Emulator).contains(u"last good poll"_s));

    // The key stops working: the token service refuses it.
    emulator()->revokeTokens();
    emulator()->addAccount(GuiFixture::emulatorAccountId(), u"a-different-key"_s);
    action(u"refreshAction"_s)->trigger();
    QTRY_VERIFY(gui::accountHealthText(f->window.get(), Emulator).contains(u"failing to authenticate"_s));
    QVERIFY(gui::accountHealthText(f->window.get(), Emulator).contains(u"last good poll"_s));
}

void TestMainWindow::notifiesInTheWindowWithoutTray()
{
    QVERIFY(f->open());
    auto *bar = f->find<arr::MessageBar>(u"notificationBar"_s);
    QVERIFY(bar);
    QVERIFY(!f->window->findChild<arr::Notifier *>()->usesSystemTray());
    QSignalSpy notified(&f->workspace->monitor(), &arr::SessionMonitor::notify);
    const auto wasNotified = [&notified](const QString &id, arr::SessionNotification::Kind kind) {
        for (const QList<QVariant> &arguments : std::as_const(notified)) {
            const auto notification = arguments.constFirst().value<arr::SessionNotification>();
            if (notification.sessionId == id && notification.kind == kind)
                return true;
        }
        return false;
    };
    // A ready session with 3 minutes left is worth a warning at once.
    const QString ending
        = f->addSession(seed(SessionStatus::Ready, arr::TimeSpan::fromHours(1), arr::TimeSpan::fromMinutes(57)));
    QVERIFY(!ending.isEmpty());
    QTRY_VERIFY(wasNotified(ending, arr::SessionNotification::Kind::LeaseEndingSoon));
    QTRY_VERIFY(bar->isVisible());
    QVERIFY(bar->text().contains(u"Lease running out"_s));

    // A starting session becomes ready.
    const QString starting
        = f->addSession(seed(SessionStatus::Starting, arr::TimeSpan::fromHours(1), arr::TimeSpan::fromSeconds(0)));
    QVERIFY(!starting.isEmpty());
    f->clock.advance(20'000);
    action(u"refreshAction"_s)->trigger();
    QTRY_VERIFY(wasNotified(starting, arr::SessionNotification::Kind::BecameReady));
    QTRY_VERIFY(bar->text().contains(u"Session ready"_s));
}

void TestMainWindow::emptyStateOffersAccountOrEmulator()
{
    QVERIFY(f->open(GuiFixture::Options{false, false, nullptr}));
    QVERIFY(f->isShowing(u"emptyPage"_s));
    QCOMPARE(f->find<QLabel>(u"emptyHeadline"_s)->text(), u"No accounts yet"_s);
    QVERIFY(f->find<QPushButton>(u"emptyAddAccountButton"_s)->isVisible());
    QVERIFY(f->find<QPushButton>(u"emptyEmulatorButton"_s)->isVisible());
    QVERIFY(!action(u"newSessionAction"_s)->isEnabled());

    // The built-in emulator is a child process, with its demo sessions once it has started.
    QVERIFY(gui::click(f->find<QPushButton>(u"emptyEmulatorButton"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(action(u"newSessionAction"_s)->isEnabled(), 30'000);
    QTRY_VERIFY_WITH_TIMEOUT(f->isShowing(u"sessionsPage"_s), 30'000);

    // "Add an account" opens the accounts dialog with the editor.
    f->workspace->accounts().setEmulatorEnabled(false);
    QTRY_VERIFY(f->isShowing(u"emptyPage"_s));
    QVERIFY(gui::click(f->find<QPushButton>(u"emptyAddAccountButton"_s)));
    QTRY_VERIFY(gui::findVisible<arr::AccountsDialog>(f->window.get()));
}

void TestMainWindow::saysItIsOpeningUntilAccountsAreLoaded()
{
    GuiFixture::Options options;
    options.emulator = false;
    options.start = false;
    QVERIFY(f->open(options));
    // Shown before the accounts are read: neither "no accounts" nor "no sessions" is known yet.
    QVERIFY(f->isShowing(u"openingPage"_s));
    QVERIFY(!action(u"newSessionAction"_s)->isEnabled());

    f->workspace->start();
    QTRY_VERIFY(f->isShowing(u"emptyPage"_s));
    QCOMPARE(f->find<QLabel>(u"emptyHeadline"_s)->text(), u"No accounts yet"_s);
}

void TestMainWindow::keyboardAndContextMenuRunCommands()
{
    QVERIFY(f->open());
    const QString id = f->addSession(readyFourHours());
    QVERIFY(!id.isEmpty());
    QVERIFY(f->page()->selectSession(Emulator, id));
    // The table has the keyboard from the start (not the filter, whose cursor would blink all day);
    // Ctrl+F reaches the filter.
    QVERIFY(QTest::qWaitForWindowActive(f->window.get()));
    QWidget *focused = QApplication::focusWidget();
    QVERIFY2(focused == view(),
        focused ? qPrintable(focused->objectName() + u' ' + QString::fromLatin1(focused->metaObject()->className()))
                : "none");
    QTest::keyClick(view(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), f->find<QLineEdit>(u"filterEdit"_s));
    view()->setFocus();

    QTest::keyClick(view(), Qt::Key_E, Qt::ControlModifier);
    auto *extend = f->window->findChild<arr::ExtendSessionDialog *>();
    QVERIFY(extend);
    extend->reject();

    f->prompter.answers = {false};
    QTest::keyClick(view(), Qt::Key_Delete);
    QCOMPARE(f->prompter.questions.size(), 1);
    QVERIFY(f->prompter.questions.constFirst().contains(id));

    const int polls = emulator()->requestCount(u"list"_s);
    QTest::keyClick(view(), Qt::Key_F5);
    QTRY_COMPARE(emulator()->requestCount(u"list"_s), polls + 1);

    // The dialogs above have come and gone: shortcuts need the window active again.
    f->window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(f->window.get()));
    QTest::keyClick(view(), Qt::Key_N, Qt::ControlModifier);
    auto *create = f->window->findChild<CreateSessionDialog *>();
    QVERIFY(create);
    QCOMPARE(create->account(), Emulator);
    create->reject();

    QTest::keyClick(view(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), id);

    const QList<QAction *> menu = f->find<QMenu>(u"sessionContextMenu"_s)->actions();
    for (const QString &name : {u"extendAction"_s, u"stopAction"_s, u"newSessionAction"_s, u"refreshAction"_s,
             u"copyIdAction"_s, u"copyHostnameAction"_s})
        QVERIFY2(menu.contains(action(name)), qPrintable(name));
}

void TestMainWindow::filtersByTextStatusAndFinished()
{
    QVERIFY(f->open());
    const arr::TimeSpan hour = arr::TimeSpan::fromHours(1);
    const arr::TimeSpan minutes = arr::TimeSpan::fromMinutes(10);
    const QString premiumReady = f->addSession(seed(SessionStatus::Ready, hour, minutes, u"premium"_s));
    const QString standardReady = f->addSession(seed(SessionStatus::Ready, hour, minutes));
    const QString stopping = f->addSession(seed(SessionStatus::Stopping, hour, minutes));
    const QString stopped = f->addSession(seed(SessionStatus::Stopped, hour, minutes, u"premium"_s));
    const QString expired = f->addSession(seed(SessionStatus::Expired, hour, hour));
    for (const QString &id : {premiumReady, standardReady, stopping, stopped, expired})
        QVERIFY(!id.isEmpty());
    QAbstractItemModel *shown = view()->model();
    // Every row shown passes `accept`, and each of ours is shown exactly when it should be.
    const auto showsExactly = [&](bool (*accept)(const arr::Session &)) {
        for (int row = 0; row < shown->rowCount(); ++row) {
            const QModelIndex index = shown->index(row, 0);
            const QString id = index.data(SessionTableModel::SessionIdRole).toString();
            if (!accept(*model().session(model().rowOf(index.data(SessionTableModel::AccountRole).toString(), id))))
                return false;
        }
        for (const QString &id : {premiumReady, standardReady, stopping, stopped, expired}) {
            if (isShown(id) != accept(*model().session(model().rowOf(Emulator, id))))
                return false;
        }
        return true;
    };

    QTest::keyClicks(f->find<QLineEdit>(u"filterEdit"_s), u"premium"_s);
    QTRY_VERIFY(isShown(premiumReady) && isShown(stopped) && !isShown(standardReady) && !isShown(expired));
    f->find<QLineEdit>(u"filterEdit"_s)->clear();
    QCOMPARE(shown->rowCount(), model().rowCount());

    auto *status = f->find<QComboBox>(u"statusFilterCombo"_s);
    status->setCurrentIndex(status->findText(u"Ready"_s));
    QVERIFY(showsExactly([](const arr::Session &s) { return s.status == SessionStatus::Ready; }));
    status->setCurrentIndex(0);
    QCOMPARE(shown->rowCount(), model().rowCount());

    QVERIFY(gui::click(f->find<QCheckBox>(u"hideFinishedBox"_s)));
    // The manual clock has not moved, so the stopping session is still stopping (and shown).
    QVERIFY(showsExactly([](const arr::Session &s) {
        return s.status != SessionStatus::Stopped && s.status != SessionStatus::Expired;
    }));
    QVERIFY(isShown(stopping));
    QVERIFY(f->action(u"hideFinishedAction"_s)->isChecked());
}

void TestMainWindow::columnMenusKeepOneColumn()
{
    QVERIFY(f->open());
    QVERIFY(!f->addSession(readyFourHours()).isEmpty());
    QHeaderView *header = view()->horizontalHeader();
    for (int column = 0; column < SessionTableModel::ColumnCount; ++column)
        header->setSectionHidden(column, column != SessionTableModel::StatusColumn);
    const QString statusTitle = model().headerData(SessionTableModel::StatusColumn, Qt::Horizontal).toString();
    const auto statusToggle = [&statusTitle](QMenu *menu) -> QAction * {
        const QList<QAction *> actions = menu->actions();
        for (QAction *action : actions) {
            if (action->text() == statusTitle)
                return action;
        }
        return nullptr;
    };

    // The View menu's columns: the last one cannot be unchecked, and unchecking it anyway keeps it.
    auto *columns = f->find<QMenu>(u"columnsMenu"_s);
    QVERIFY(columns);
    Q_EMIT columns->aboutToShow();
    QAction *toggle = statusToggle(columns);
    QVERIFY(toggle);
    QVERIFY(toggle->isChecked());
    QVERIFY(!toggle->isEnabled());
    toggle->setChecked(false);
    QVERIFY(!header->isSectionHidden(SessionTableModel::StatusColumn));

    // The header's context menu is the same menu.
    bool inspected = false;
    QTimer::singleShot(0, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        QAction *action = statusToggle(menu);
        inspected = menu->objectName() == u"columnMenu"_s && action && action->isChecked() && !action->isEnabled();
        menu->close();
    });
    Q_EMIT header->customContextMenuRequested(QPoint(5, header->height() / 2));
    QVERIFY(inspected);

    // Another column shown: both can be hidden again, one at a time.
    header->setSectionHidden(SessionTableModel::AccountColumn, false);
    Q_EMIT columns->aboutToShow();
    QVERIFY(statusToggle(columns)->isEnabled());
    statusToggle(columns)->setChecked(false);
    QVERIFY(header->isSectionHidden(SessionTableModel::StatusColumn));
}

void TestMainWindow::settingsRestoredInNextWindow()
{
    QVERIFY(f->open());
    QVERIFY(!f->addSession(readyFourHours()).isEmpty());
    QTableView *view = this->view();
    QHeaderView *header = view->horizontalHeader();
    header->moveSection(header->visualIndex(SessionTableModel::SizeColumn), 0);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
        QPoint(header->sectionViewportPosition(SessionTableModel::LeaseColumn) + 5, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), int(SessionTableModel::LeaseColumn));
    const Qt::SortOrder order = header->sortIndicatorOrder();
    header->setSectionHidden(SessionTableModel::HostnameColumn, true);
    QTest::keyClicks(f->find<QLineEdit>(u"filterEdit"_s), u"standard"_s);
    auto *status = f->find<QComboBox>(u"statusFilterCombo"_s);
    status->setCurrentIndex(status->findText(u"Ready"_s));
    QVERIFY(gui::click(f->find<QCheckBox>(u"hideFinishedBox"_s)));
    auto *logPanel = f->find<arr::RequestLogPanel>(QString());
    QVERIFY(gui::click(logPanel->findChild<QCheckBox *>(u"requestLogErrorsOnlyBox"_s)));
    f->closeWindow();

    QVERIFY(f->open());
    view = this->view();
    header = view->horizontalHeader();
    QCOMPARE(header->visualIndex(SessionTableModel::SizeColumn), 0);
    QCOMPARE(header->sortIndicatorSection(), int(SessionTableModel::LeaseColumn));
    QCOMPARE(header->sortIndicatorOrder(), order);
    QCOMPARE(proxy()->sortColumn(), int(SessionTableModel::LeaseColumn));
    QVERIFY(header->isSectionHidden(SessionTableModel::HostnameColumn));
    QCOMPARE(f->find<QLineEdit>(u"filterEdit"_s)->text(), u"standard"_s);
    QCOMPARE(f->find<QComboBox>(u"statusFilterCombo"_s)->currentText(), u"Ready"_s);
    QVERIFY(f->find<QCheckBox>(u"hideFinishedBox"_s)->isChecked());
    QVERIFY(proxy()->hidesFinished());
    QVERIFY(f->find<arr::RequestLogPanel>(QString())->errorsOnly());
    // The filters apply: of these, only the standard ready session is shown.
    const arr::TimeSpan hour = arr::TimeSpan::fromHours(1);
    const QString standardReady = f->addSession(seed(SessionStatus::Ready, hour, arr::TimeSpan::fromMinutes(30)));
    const QString premiumReady
        = f->addSession(seed(SessionStatus::Ready, hour, arr::TimeSpan::fromMinutes(30), u"premium"_s));
    const QString standardStopped = f->addSession(seed(SessionStatus::Stopped, hour, arr::TimeSpan::fromMinutes(30)));
    QVERIFY(!standardReady.isEmpty() && !premiumReady.isEmpty() && !standardStopped.isEmpty());
    QVERIFY(isShown(standardReady));
    QVERIFY(!isShown(premiumReady));
    QVERIFY(!isShown(standardStopped));
}

void TestMainWindow::tableSettingsKeptByARunThatNeverShowedIt()
{
    QVERIFY(f->open());
    QVERIFY(!f->addSession(readyFourHours()).isEmpty());
    QHeaderView *header = view()->horizontalHeader();
    header->moveSection(header->visualIndex(SessionTableModel::SizeColumn), 0);
    header->setSortIndicator(SessionTableModel::LeaseColumn, Qt::DescendingOrder);
    QTest::keyClicks(f->find<QLineEdit>(u"filterEdit"_s), u"standard"_s);
    auto *status = f->find<QComboBox>(u"statusFilterCombo"_s);
    status->setCurrentIndex(status->findText(u"Ready"_s));
    f->closeWindow();

    // A run that ends before any session arrives never shows the table; it keeps the table's
    // settings as they were, and what it did change (hiding finished sessions, from the View menu)
    // is saved.
    GuiFixture::Options unstarted;
    unstarted.start = false;
    QVERIFY(f->open(unstarted));
    QVERIFY(f->isShowing(u"openingPage"_s));
    QTest::keyClick(f->window.get(), Qt::Key_H, Qt::ControlModifier);
    QVERIFY(proxy()->hidesFinished());
    f->closeWindow();

    QVERIFY(f->open());
    header = view()->horizontalHeader();
    QCOMPARE(header->visualIndex(SessionTableModel::SizeColumn), 0);
    QCOMPARE(header->sortIndicatorSection(), int(SessionTableModel::LeaseColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(f->find<QLineEdit>(u"filterEdit"_s)->text(), u"standard"_s);
    QCOMPARE(f->find<QComboBox>(u"statusFilterCombo"_s)->currentText(), u"Ready"_s);
    QVERIFY(f->find<QCheckBox>(u"hideFinishedBox"_s)->isChecked());
    QVERIFY(!f->addSession(readyFourHours()).isEmpty());
    QTRY_VERIFY(f->isShowing(u"sessionsPage"_s));
}

void TestMainWindow::keychainLossIsSaidPlainly()
{
    FakeKeychain keychain;
    QVERIFY(f->open(GuiFixture::Options{true, false, &keychain}));
    auto *bar = f->find<arr::MessageBar>(u"keyStorageBar"_s);
    QVERIFY(bar);
    QVERIFY(!bar->isVisible());
    keychain.lose(u"No D-Bus session"_s);
    QTRY_VERIFY(bar->isVisible());
    const QString text = bar->text();
    QVERIFY(text.contains(u"No system keychain"_s));
    QVERIFY(text.contains(u"in memory for this run only"_s));
    // Said once; the keychain's own words are in the details and the tooltip.
    QVERIFY(!text.contains(u"No D-Bus session"_s));
    QVERIFY(bar->details().contains(u"No D-Bus session"_s));
    QVERIFY(bar->toolTip().contains(u"No D-Bus session"_s));
    // Not something to dismiss: it stays true for the whole run.
    QVERIFY(!bar->findChild<QToolButton *>()->isVisible());

    arr::AccountsDialog *dialog = f->commands()->showAccounts();
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->findChild<QLabel *>(u"keyStorageLabel"_s)->text().contains(u"No system keychain"_s));
    f->window.reset(); // before the keychain goes
    f->workspace.reset();
}

void TestMainWindow::commandActionsFollowTheSelection()
{
    QVERIFY(f->open());
    const arr::TimeSpan hour = arr::TimeSpan::fromHours(1);
    const QString expired = f->addSession(seed(SessionStatus::Expired, hour, hour));
    const QString starting = f->addSession(seed(SessionStatus::Starting, hour, arr::TimeSpan::fromSeconds(1)));
    const QString ready = f->addSession(readyFourHours());
    QVERIFY(!expired.isEmpty() && !starting.isEmpty() && !ready.isEmpty());
    QAction *extend = action(u"extendAction"_s);
    QAction *stop = action(u"stopAction"_s);
    QVERIFY(!extend->isEnabled());
    QVERIFY(!stop->isEnabled());
    QVERIFY(f->page()->selectSession(Emulator, expired));
    QVERIFY(!extend->isEnabled());
    QVERIFY(!stop->isEnabled());
    QVERIFY(f->page()->selectSession(Emulator, starting));
    QVERIFY(extend->isEnabled());
    QVERIFY(stop->isEnabled());
    QVERIFY(!action(u"copyHostnameAction"_s)->isEnabled());
    QVERIFY(f->page()->selectSession(Emulator, ready));
    QVERIFY(action(u"copyHostnameAction"_s)->isEnabled());
    view()->selectAll();
    QVERIFY(stop->text().contains(u"sessions"_s));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
