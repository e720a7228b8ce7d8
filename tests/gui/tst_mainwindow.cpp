// The main window driven as a person would, against the built-in emulator on a manual clock: the
// table, its colours and countdown, commands from the toolbar, menus and keyboard, errors, the
// details pane, the request log, the status bar, notifications, the empty state and settings.
#include "GuiFixture.h"

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
#include "workspace/AccountManager.h"
#include "workspace/LocalEmulator.h"

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
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using arr::CreateSessionDialog;
using arr::SessionStatus;
using arr::SessionTableModel;

namespace {

const QString Emulator = arr::LocalEmulator::accountName();

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<GuiFixture> f;

    SessionTableModel &model() { return f->model(); }
    arr::emulator::EmulatorServer *emulator() { return f->workspace->emulator().server(); }
    // The id of the first session of the emulator in `status` whose lease is `lease`.
    QString sessionIn(SessionStatus status, arr::TimeSpan lease = {}) const
    {
        const QList<arr::Session> sessions = f->sessions().sessionsOf(Emulator);
        for (const arr::Session &session : sessions) {
            if (session.status == status && (lease.isZero() || session.maxLease == lease))
                return session.id;
        }
        return {};
    }
    QModelIndex viewIndex(const QString &sessionId, int column)
    {
        const int row = model().rowOf(Emulator, sessionId);
        return f->window->proxy()->mapFromSource(model().index(row, column));
    }
    void waitForDemoSessions() { QTRY_COMPARE(model().rowCount(), 7); }
    arr::Session emulatorSession(const QString &id)
    {
        const QList<arr::Session> sessions = emulator()->sessions(arr::LocalEmulator::accountId());
        for (const arr::Session &session : sessions) {
            if (session.id == id)
                return session;
        }
        return {};
    }
    CreateSessionDialog *openCreateDialog();

private Q_SLOTS:
    void init();
    void cleanup();

    void showsEverySessionWithStatusIconAndColour();
    void countdownTurnsAmberThenRed();
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
    void settingsRestoredInNextWindow();
    void tableSettingsKeptByARunThatNeverShowedIt();
    void keychainLossIsSaidPlainly();
    void commandActionsFollowTheSelection();
};

void TestMainWindow::init()
{
    QGuiApplication::clipboard()->clear();
    f = std::make_unique<GuiFixture>();
    QVERIFY(f->directory.isValid());
}

void TestMainWindow::cleanup()
{
    f.reset();
}

CreateSessionDialog *TestMainWindow::openCreateDialog()
{
    gui::click(gui::toolButton(f->window.get(), f->window->newSessionAction()));
    CreateSessionDialog *dialog = f->window->findChild<CreateSessionDialog *>();
    if (dialog && !QTest::qWaitFor([dialog] { return dialog->isVisible(); }))
        return nullptr;
    return dialog;
}

void TestMainWindow::showsEverySessionWithStatusIconAndColour()
{
    f->open();
    waitForDemoSessions();
    QVERIFY(!f->window->isShowingEmptyState());
    arr::SessionItemDelegate *delegate = f->window->delegate();
    const QPalette palette = f->window->sessionView()->palette();
    QSet<QRgb> statusColours;
    for (SessionStatus status : {SessionStatus::Starting, SessionStatus::Ready, SessionStatus::Stopped,
             SessionStatus::Expired, SessionStatus::Error}) {
        const QString id = sessionIn(status);
        QVERIFY2(!id.isEmpty(), qPrintable(arr::sessionStatusDisplayName(status)));
        QStyleOptionViewItem base;
        base.palette = palette;
        const QStyleOptionViewItem option = delegate->optionFor(viewIndex(id, SessionTableModel::StatusColumn), base);
        // Told by text and icon, not by colour alone.
        QCOMPARE(option.text, arr::sessionStatusDisplayName(status));
        QVERIFY(option.features & QStyleOptionViewItem::HasDecoration);
        QVERIFY(!option.icon.isNull());
        statusColours.insert(option.palette.color(QPalette::Text).rgb());
    }
    QCOMPARE(statusColours.size(), 5);
    // Ended sessions have no countdown.
    const QModelIndex stopped = viewIndex(sessionIn(SessionStatus::Stopped), SessionTableModel::RemainingColumn);
    QVERIFY(stopped.data().toString().isEmpty());
}

void TestMainWindow::countdownTurnsAmberThenRed()
{
    f->open();
    waitForDemoSessions();
    // Premium demo session: 4 h lease, 42 min old: 3:18 left, normal.
    const QString id = sessionIn(SessionStatus::Ready, arr::TimeSpan::fromHours(4));
    QVERIFY(!id.isEmpty());
    const auto remainingOption
        = [&] { return f->window->delegate()->optionFor(viewIndex(id, SessionTableModel::RemainingColumn)); };
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

void TestMainWindow::createdSessionAppearsStartingThenReady()
{
    f->open();
    waitForDemoSessions();
    CreateSessionDialog *dialog = openCreateDialog();
    QVERIFY(dialog);
    gui::retype(dialog->findChild<QComboBox *>(u"sizeCombo"_s), u"premium"_s);
    gui::retype(dialog->findChild<QSpinBox *>(u"leaseHoursSpin"_s), u"2"_s);
    gui::retype(dialog->findChild<QSpinBox *>(u"leaseMinutesSpin"_s), u"30"_s);
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"modelsEdit"_s), u"builtin://Engine"_s);
    QCOMPARE(dialog->problem(), QString());
    gui::click(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok));

    // The row appears at once as starting, selected.
    QTRY_COMPARE(model().rowCount(), 8);
    QCOMPARE(emulator()->requestCount(u"create"_s), 1);
    const QList<arr::SessionRef> selected = f->window->selectedSessions();
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
    f->open();
    waitForDemoSessions();
    const QString id = sessionIn(SessionStatus::Ready, arr::TimeSpan::fromHours(4));
    QVERIFY(f->window->selectSession(Emulator, id));
    gui::click(gui::toolButton(f->window.get(), f->window->extendAction()));
    auto *dialog = f->window->findChild<arr::ExtendSessionDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *tree = dialog->findChild<QTreeWidget *>();
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->text(0), id);
    QCOMPARE(tree->topLevelItem(0)->text(2), u"04:00:00"_s);
    QCOMPARE(tree->topLevelItem(0)->text(3), u"03:18:00"_s);

    gui::click(gui::buttonWithText(dialog, u"+1 h"_s));
    QCOMPARE(tree->topLevelItem(0)->text(4), u"05:00:00"_s);
    gui::click(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok));

    QTRY_COMPARE(emulatorSession(id).maxLease, arr::TimeSpan::fromHours(5));
    QTRY_COMPARE(viewIndex(id, SessionTableModel::LeaseColumn).data().toString(), u"05:00:00"_s);
    QTRY_VERIFY(f->window->statusBar()->currentMessage().contains(u"Extended"_s));
}

void TestMainWindow::stopAsksNamingEachSessionAndStopsOnlyWhenAgreed()
{
    f->open();
    waitForDemoSessions();
    const QString first = sessionIn(SessionStatus::Ready, arr::TimeSpan::fromHours(4));
    const QString second = sessionIn(SessionStatus::Ready, arr::TimeSpan::fromHours(1));
    QVERIFY(f->window->selectSession(Emulator, first));
    f->window->sessionView()->selectionModel()->select(
        viewIndex(second, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(f->window->selectedSessions().size(), 2);

    // Cancelled: nothing is sent.
    f->prompter.answers = {false};
    gui::click(gui::toolButton(f->window.get(), f->window->stopAction()));
    QCOMPARE(f->prompter.questions.size(), 1);
    QVERIFY(f->prompter.questions.constLast().contains(first));
    QVERIFY(f->prompter.questions.constLast().contains(second));
    QCOMPARE(f->prompter.acceptLabels.constLast(), u"Stop 2 sessions"_s);
    QTest::qWait(0);
    QCOMPARE(emulator()->requestCount(u"stop"_s), 0);

    // Agreed: both are stopped, and the table shows it.
    f->prompter.answers = {true};
    gui::click(gui::toolButton(f->window.get(), f->window->stopAction()));
    QTRY_COMPARE(emulator()->requestCount(u"stop"_s), 2);
    for (const QString &id : {first, second}) {
        QCOMPARE(emulatorSession(id).status, SessionStatus::Stopping);
        QTRY_COMPARE(model().session(model().rowOf(Emulator, id))->status, SessionStatus::Stopping);
    }
}

void TestMainWindow::failedCreateShowsStatusMessageAndMsCv()
{
    f->open();
    waitForDemoSessions();
    CreateSessionDialog *dialog = openCreateDialog();
    QVERIFY(dialog);
    // A size the emulator does not know: allowed by the dialog (said as a note), refused with 400.
    gui::retype(dialog->findChild<QComboBox *>(u"sizeCombo"_s), u"huge"_s);
    QVERIFY(dialog->findChild<QLabel *>(u"noteLabel"_s)->text().contains(u"huge"_s));
    gui::click(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok));

    QTRY_COMPARE(f->prompter.errors.size(), 1);
    const ScriptedPrompter::Error error = f->prompter.errors.constFirst();
    QCOMPARE(error.result.httpStatus, 400);
    QVERIFY(!error.result.msCv.isEmpty());
    QVERIFY(error.context.contains(Emulator));
    QCOMPARE(model().rowCount(), 7);

    auto *shown = gui::findVisible<arr::ErrorDialog>(f->window.get());
    QVERIFY(shown);
    QVERIFY(shown->findChild<QLabel *>(u"statusValue"_s)->text().contains(u"400"_s));
    QVERIFY(shown->findChild<QLabel *>(u"messageValue"_s)->text().contains(u"huge"_s));
    QCOMPARE(shown->findChild<QLabel *>(u"msCvValue"_s)->text(), QString::fromLatin1(error.result.msCv));
    gui::click(shown->findChild<QPushButton *>(u"copyMsCvButton"_s));
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(error.result.msCv));
    gui::click(shown->findChild<QPushButton *>(u"copyDetailsButton"_s));
    QVERIFY(QGuiApplication::clipboard()->text().contains(u"HTTP 400"_s));
    shown->close();
}

void TestMainWindow::detailsPaneShowsPropertiesAndCopies()
{
    f->open();
    waitForDemoSessions();
    arr::DetailsPane *details = f->window->detailsPane();
    QVERIFY(!details->isShowingSession());
    const QString id = sessionIn(SessionStatus::Ready, arr::TimeSpan::fromHours(4));
    QTest::mouseClick(f->window->sessionView()->viewport(), Qt::LeftButton, {},
        f->window->sessionView()->visualRect(viewIndex(id, SessionTableModel::SizeColumn)).center());
    QTRY_VERIFY(details->isShowingSession());
    const arr::Session session = *model().session(model().rowOf(Emulator, id));
    QCOMPARE(details->findChild<QLineEdit *>(u"idValue"_s)->text(), id);
    QCOMPARE(details->findChild<QLineEdit *>(u"hostnameValue"_s)->text(), session.hostname);
    QCOMPARE(details->findChild<QLabel *>(u"leaseValue"_s)->text(), u"04:00:00"_s);
    QCOMPARE(details->findChild<QLabel *>(u"remainingValue"_s)->text(), u"03:18:00"_s);
    const QString msCv = viewIndex(id, 0).data(SessionTableModel::LastMsCvRole).toString();
    QVERIFY(!msCv.isEmpty());
    QCOMPARE(details->findChild<QLineEdit *>(u"msCvValue"_s)->text(), msCv);

    gui::click(details->findChild<QToolButton *>(u"copyHostnameButton"_s));
    QCOMPARE(QGuiApplication::clipboard()->text(), session.hostname);
    gui::click(details->findChild<QToolButton *>(u"copyIdButton"_s));
    QCOMPARE(QGuiApplication::clipboard()->text(), id);

    // Two selected: the pane says so.
    f->window->sessionView()->selectionModel()->select(
        viewIndex(sessionIn(SessionStatus::Error), 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTRY_VERIFY(!details->isShowingSession());
}

void TestMainWindow::requestLogListsCallsWithoutSecrets()
{
    f->open();
    waitForDemoSessions();
    arr::RequestLogPanel *panel = f->window->requestLogPanel();
    QTableView *view = panel->view();
    QTRY_VERIFY(view->model()->rowCount() >= 2);
    const QString key = f->workspace->emulator().key();
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
    gui::click(panel->errorsOnlyBox());
    QCOMPARE(view->model()->rowCount(), 0);
    arr::CreateSessionRequest request;
    request.size = u"huge"_s;
    request.maxLease = arr::TimeSpan::fromHours(1);
    f->workspace->monitor().createSession(Emulator, request);
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, arr::RequestLogModel::StatusColumn).data().toInt(), 400);

    // Copy the row for a support ticket: the log's own line.
    view->selectRow(0);
    gui::click(panel->copyButton());
    const QList<arr::RequestLogEntry> &entries = f->workspace->log().entries();
    const auto failed = std::find_if(entries.begin(), entries.end(), [](const auto &e) { return e.isError(); });
    QVERIFY(failed != entries.end());
    QCOMPARE(QGuiApplication::clipboard()->text(), failed->toLine());
}

void TestMainWindow::statusBarShowsAccountHealth()
{
    f->open();
    waitForDemoSessions();
    arr::AccountStatusBar *bar = f->window->accountStatusBar();
    QTRY_VERIFY(bar->textFor(Emulator).contains(u"healthy"_s));
    QVERIFY(bar->textFor(Emulator).contains(u"last good poll"_s));

    // The key stops working: the token service refuses it.
    emulator()->revokeTokens();
    emulator()->addAccount(arr::LocalEmulator::accountId(), u"a-different-key"_s);
    f->window->refresh();
    QTRY_VERIFY(bar->textFor(Emulator).contains(u"failing to authenticate"_s));
    QVERIFY(bar->textFor(Emulator).contains(u"last good poll"_s));
}

void TestMainWindow::notifiesInTheWindowWithoutTray()
{
    f->open();
    waitForDemoSessions();
    arr::MessageBar *bar = f->window->notificationBar();
    QVERIFY(!f->window->notifier()->usesSystemTray());
    // The demo's ready session with 3 minutes left is worth a warning at once.
    QTRY_VERIFY(bar->isVisible());
    QVERIFY(bar->text().contains(u"Lease running out"_s));

    // The starting demo session becomes ready.
    const QString starting = sessionIn(SessionStatus::Starting);
    f->clock.advance(20'000);
    f->window->refresh();
    QTRY_VERIFY(bar->text().contains(u"Session ready"_s));
    QVERIFY(bar->text().contains(starting));
}

void TestMainWindow::emptyStateOffersAccountOrEmulator()
{
    f->open(GuiFixture::Options{false, false, nullptr});
    QVERIFY(f->window->isShowingEmptyState());
    QCOMPARE(f->window->emptyStateHeadline()->text(), u"No accounts yet"_s);
    QVERIFY(f->window->emptyStateAddAccountButton()->isVisible());
    QVERIFY(f->window->emptyStateEmulatorButton()->isVisible());
    QVERIFY(!f->window->newSessionAction()->isEnabled());

    gui::click(f->window->emptyStateEmulatorButton());
    waitForDemoSessions();
    QTRY_VERIFY(!f->window->isShowingEmptyState());
    QVERIFY(f->window->newSessionAction()->isEnabled());

    // "Add an account" opens the accounts dialog with the editor.
    f->workspace->accounts().setEmulatorEnabled(false);
    QTRY_VERIFY(f->window->isShowingEmptyState());
    gui::click(f->window->emptyStateAddAccountButton());
    QTRY_VERIFY(gui::findVisible<arr::AccountsDialog>(f->window.get()));
}

void TestMainWindow::saysItIsOpeningUntilAccountsAreLoaded()
{
    GuiFixture::Options options;
    options.emulator = false;
    options.start = false;
    f->open(options);
    // Shown before the accounts are read: neither "no accounts" nor "no sessions" is known yet.
    QVERIFY(f->window->isShowingOpeningState());
    QVERIFY(!f->window->isShowingEmptyState());
    QVERIFY(!f->window->newSessionAction()->isEnabled());

    f->workspace->start();
    QTRY_VERIFY(f->window->isShowingEmptyState());
    QVERIFY(!f->window->isShowingOpeningState());
    QCOMPARE(f->window->emptyStateHeadline()->text(), u"No accounts yet"_s);
}

void TestMainWindow::keyboardAndContextMenuRunCommands()
{
    f->open();
    waitForDemoSessions();
    const QString id = sessionIn(SessionStatus::Ready, arr::TimeSpan::fromHours(4));
    QVERIFY(f->window->selectSession(Emulator, id));
    f->window->sessionView()->setFocus();

    QTest::keyClick(f->window->sessionView(), Qt::Key_E, Qt::ControlModifier);
    auto *extend = f->window->findChild<arr::ExtendSessionDialog *>();
    QVERIFY(extend);
    extend->reject();

    f->prompter.answers = {false};
    QTest::keyClick(f->window->sessionView(), Qt::Key_Delete);
    QCOMPARE(f->prompter.questions.size(), 1);
    QVERIFY(f->prompter.questions.constFirst().contains(id));

    const int polls = emulator()->requestCount(u"list"_s);
    QTest::keyClick(f->window->sessionView(), Qt::Key_F5);
    QTRY_COMPARE(emulator()->requestCount(u"list"_s), polls + 1);

    // The dialogs above have come and gone: shortcuts need the window active again.
    f->window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(f->window.get()));
    QTest::keyClick(f->window->sessionView(), Qt::Key_N, Qt::ControlModifier);
    auto *create = f->window->findChild<CreateSessionDialog *>();
    QVERIFY(create);
    QCOMPARE(create->account(), Emulator);
    create->reject();

    QTest::keyClick(f->window->sessionView(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), id);

    const QList<QAction *> menu = f->window->sessionContextMenu()->actions();
    for (QAction *action : {f->window->extendAction(), f->window->stopAction(), f->window->newSessionAction(),
             f->window->refreshAction(), f->window->copyIdAction(), f->window->copyHostnameAction()})
        QVERIFY(menu.contains(action));
}

void TestMainWindow::filtersByTextStatusAndFinished()
{
    f->open();
    waitForDemoSessions();
    QAbstractItemModel *shown = f->window->sessionView()->model();
    QTest::keyClicks(f->window->filterEdit(), u"premium"_s);
    QTRY_COMPARE(shown->rowCount(), 3);
    f->window->filterEdit()->clear();
    QCOMPARE(shown->rowCount(), 7);

    f->window->statusFilterCombo()->setCurrentIndex(f->window->statusFilterCombo()->findText(u"Ready"_s));
    QCOMPARE(shown->rowCount(), 2);
    f->window->statusFilterCombo()->setCurrentIndex(0);

    gui::click(f->window->hideFinishedBox());
    // The manual clock has not moved, so the demo's stopping session is still stopping (and shown).
    int finished = 0;
    for (int row = 0; row < model().rowCount(); ++row) {
        const SessionStatus status = model().session(row)->status;
        finished += status == SessionStatus::Stopped || status == SessionStatus::Expired;
    }
    QVERIFY(finished >= 2);
    QCOMPARE(shown->rowCount(), 7 - finished);
}

void TestMainWindow::settingsRestoredInNextWindow()
{
    f->open();
    waitForDemoSessions();
    QTableView *view = f->window->sessionView();
    QHeaderView *header = view->horizontalHeader();
    header->moveSection(header->visualIndex(SessionTableModel::SizeColumn), 0);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
        QPoint(header->sectionViewportPosition(SessionTableModel::LeaseColumn) + 5, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), int(SessionTableModel::LeaseColumn));
    const Qt::SortOrder order = header->sortIndicatorOrder();
    header->setSectionHidden(SessionTableModel::HostnameColumn, true);
    QTest::keyClicks(f->window->filterEdit(), u"standard"_s);
    f->window->statusFilterCombo()->setCurrentIndex(f->window->statusFilterCombo()->findText(u"Ready"_s));
    gui::click(f->window->hideFinishedBox());
    gui::click(f->window->requestLogPanel()->errorsOnlyBox());
    f->closeWindow();

    f->open();
    view = f->window->sessionView();
    header = view->horizontalHeader();
    QCOMPARE(header->visualIndex(SessionTableModel::SizeColumn), 0);
    QCOMPARE(header->sortIndicatorSection(), int(SessionTableModel::LeaseColumn));
    QCOMPARE(header->sortIndicatorOrder(), order);
    QCOMPARE(f->window->proxy()->sortColumn(), int(SessionTableModel::LeaseColumn));
    QVERIFY(header->isSectionHidden(SessionTableModel::HostnameColumn));
    QCOMPARE(f->window->filterEdit()->text(), u"standard"_s);
    QCOMPARE(f->window->proxy()->textFilter(), u"standard"_s);
    QCOMPARE(f->window->statusFilterCombo()->currentText(), u"Ready"_s);
    QCOMPARE(f->window->proxy()->statusFilter(), QSet<SessionStatus>{SessionStatus::Ready});
    QVERIFY(f->window->hideFinishedBox()->isChecked());
    QVERIFY(f->window->proxy()->hidesFinished());
    QVERIFY(f->window->requestLogPanel()->errorsOnly());
    waitForDemoSessions();
    QTRY_COMPARE(view->model()->rowCount(), 1);
}

void TestMainWindow::tableSettingsKeptByARunThatNeverShowedIt()
{
    f->open();
    waitForDemoSessions();
    QHeaderView *header = f->window->sessionView()->horizontalHeader();
    header->moveSection(header->visualIndex(SessionTableModel::SizeColumn), 0);
    header->setSortIndicator(SessionTableModel::LeaseColumn, Qt::DescendingOrder);
    QTest::keyClicks(f->window->filterEdit(), u"standard"_s);
    f->window->statusFilterCombo()->setCurrentIndex(f->window->statusFilterCombo()->findText(u"Ready"_s));
    f->closeWindow();

    // A run that ends before any session arrives never shows the table; it keeps the table's
    // settings as they were, and what it did change (hiding finished sessions, from the View menu)
    // is saved.
    GuiFixture::Options unstarted;
    unstarted.start = false;
    f->open(unstarted);
    QVERIFY(f->window->isShowingOpeningState());
    QTest::keyClick(f->window.get(), Qt::Key_H, Qt::ControlModifier);
    QVERIFY(f->window->proxy()->hidesFinished());
    f->closeWindow();

    f->open();
    header = f->window->sessionView()->horizontalHeader();
    QCOMPARE(header->visualIndex(SessionTableModel::SizeColumn), 0);
    QCOMPARE(header->sortIndicatorSection(), int(SessionTableModel::LeaseColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(f->window->filterEdit()->text(), u"standard"_s);
    QCOMPARE(f->window->statusFilterCombo()->currentText(), u"Ready"_s);
    QVERIFY(f->window->hideFinishedBox()->isChecked());
    waitForDemoSessions();
    QTRY_VERIFY(!f->window->isShowingOpeningState());
}

void TestMainWindow::keychainLossIsSaidPlainly()
{
    FakeKeychain keychain;
    f->open(GuiFixture::Options{true, false, &keychain});
    QVERIFY(!f->window->keyStorageBar()->isVisible());
    keychain.lose(u"No D-Bus session"_s);
    QTRY_VERIFY(f->window->keyStorageBar()->isVisible());
    const QString text = f->window->keyStorageBar()->text();
    QVERIFY(text.contains(u"No system keychain"_s));
    QVERIFY(text.contains(u"in memory for this run only"_s));
    QVERIFY(text.contains(u"No D-Bus session"_s));
    // Not something to dismiss: it stays true for the whole run.
    QVERIFY(!f->window->keyStorageBar()->findChild<QToolButton *>()->isVisible());

    arr::AccountsDialog *dialog = f->window->showAccounts();
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->findChild<QLabel *>(u"keyStorageLabel"_s)->text().contains(u"No system keychain"_s));
    f->window.reset(); // before the keychain goes
    f->workspace.reset();
}

void TestMainWindow::commandActionsFollowTheSelection()
{
    f->open();
    waitForDemoSessions();
    QVERIFY(!f->window->extendAction()->isEnabled());
    QVERIFY(!f->window->stopAction()->isEnabled());
    QVERIFY(f->window->selectSession(Emulator, sessionIn(SessionStatus::Expired)));
    QVERIFY(!f->window->extendAction()->isEnabled());
    QVERIFY(!f->window->stopAction()->isEnabled());
    QVERIFY(f->window->selectSession(Emulator, sessionIn(SessionStatus::Starting)));
    QVERIFY(f->window->extendAction()->isEnabled());
    QVERIFY(f->window->stopAction()->isEnabled());
    QVERIFY(!f->window->copyHostnameAction()->isEnabled());
    f->window->sessionView()->selectAll();
    QVERIFY(f->window->stopAction()->text().contains(u"sessions"_s));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
