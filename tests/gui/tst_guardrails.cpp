// The guardrails through the window: keep-alive from the context menu and the Extend dialog, its
// column, its bound (a cap that is not a multiple of the step) and its survival across a restart;
// the daily budget's 80 % and 100 % alerts and the long-running alert, each once; the Notifications
// panel that lists them; and a watch-only account refused by the window and by the application layer.
// The account is a second emulator of the test's own on the fixture's manual clock, so the window can
// be closed and opened again over the same sessions. With ARRSM_SCREENSHOT_DIR set, the context menu,
// the column, the panel and a read-only account are saved there.
#include "GuiFixture.h"
#include "common/LoggedEntries.h"
#include "common/MonitorPolls.h"
#include "common/TestEmulator.h"

#include "emulator/EmulatorServer.h"
#include "monitor/LiveSessions.h"
#include "service/RequestLog.h"
#include "storage/AccountStore.h"
#include "ui/ExtendSessionDialog.h"
#include "ui/KeepAliveDialog.h"
#include "ui/NotificationsPanel.h"
#include "workspace/AccountManager.h"
#include "workspace/BudgetWatch.h"
#include "workspace/KeepAliveManager.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using arr::SessionTableModel;
using arr::TimeSpan;

namespace {

const QString AccountId = u"7d1ac5a4-1f8c-4b6e-9a3b-0c2d4e6f8a10"_s;
const QString AccountKey = u"guardrail-key"_s;
const QString AccountName = u"Operations"_s;

} // namespace

class TestGuardrails : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<GuiFixture> f;
    std::unique_ptr<arr::emulator::EmulatorServer> service;
    // Outlives each window, as the keychain outlives the app.
    arr::MemorySecretStore secrets;

    // Opens the window on the test's account, created with `shape` the first time.
    bool openWindow(const std::function<void(arr::Account &)> &shape = {})
    {
        if (!f->open(GuiFixture::Options{false, false, &secrets}))
            return false;
        if (!f->workspace->accountStore().find(AccountName)) {
            arr::Account account = accountOn(AccountName, AccountId, *service);
            if (shape)
                shape(account);
            const QString problem = f->workspace->accounts().saveAccount(account, {}, AccountKey);
            if (!problem.isEmpty()) {
                qWarning("%s", qPrintable(problem));
                return false;
            }
        }
        return QTest::qWaitFor([this] { return !f->workspace->monitor().accountNames().isEmpty(); });
    }

    // A ready session `age` old with `lease`, polled into the table.
    QString addSession(TimeSpan lease, TimeSpan age)
    {
        arr::emulator::SessionSeed seed;
        seed.status = arr::SessionStatus::Ready;
        seed.maxLease = lease;
        seed.age = age;
        const QString id = service->addSession(AccountId, seed);
        if (!poll() || f->model().rowOf(AccountName, id) < 0)
            return {};
        return id;
    }

    // Moves time on, then polls until the account's polls have settled (what they set off, a keep-alive
    // extend or an alert, the caller waits for).
    bool advanceAndPoll(TimeSpan by)
    {
        f->clock.advance(by.totalMilliseconds());
        return poll();
    }

    bool poll() { return pollAndSettle(f->workspace->monitor(), AccountName); }

    std::optional<TimeSpan> leaseOf(const QString &id) const
    {
        const arr::TrackedSession *tracked = f->sessions().find(AccountName, id);
        return tracked ? tracked->session.maxLease : std::nullopt;
    }

    QModelIndex cell(const QString &id, int column) const
    {
        return f->model().index(f->model().rowOf(AccountName, id), column);
    }

    // The notifications listed whose "What" is `title`.
    int listed(const QString &title) const
    {
        auto *list = f->find<QTreeWidget>(u"notificationsList"_s);
        int count = 0;
        for (int i = 0; list && i < list->topLevelItemCount(); ++i)
            count += list->topLevelItem(i)->text(1) == title ? 1 : 0;
        return count;
    }

    // Saves the window as `name`.png, with an open menu painted where it is (a menu is a window of
    // its own), when ARRSM_SCREENSHOT_DIR names a directory.
    void saveScreenshot(const QString &name, QMenu *menu = nullptr)
    {
        const QString directory = qEnvironmentVariable("ARRSM_SCREENSHOT_DIR");
        if (directory.isEmpty())
            return;
        // Wrapped values settle their height at their first paint: paint once, then take the picture.
        f->window->grab();
        QCoreApplication::processEvents();
        QPixmap picture = f->window->grab();
        if (menu) {
            QPainter painter(&picture);
            painter.drawPixmap(f->window->mapFromGlobal(menu->pos()), menu->grab());
        }
        QVERIFY(picture.save(directory + u'/' + name + u".png"_s));
    }

    arr::KeepAliveDialog *openKeepAliveFromMenu(const QString &id)
    {
        f->page()->selectSession(AccountName, id);
        QAction *keepAlive = f->action(u"keepAliveAction"_s);
        auto *menu = f->find<QMenu>(u"sessionContextMenu"_s);
        if (!keepAlive || !menu || !menu->actions().contains(keepAlive) || !keepAlive->isEnabled()) {
            qWarning("Keep alive is not an enabled entry of the session's context menu");
            return nullptr;
        }
        keepAlive->trigger();
        return gui::findVisible<arr::KeepAliveDialog>(f->window.get());
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<GuiFixture>();
        service = startEmulator(&f->clock, AccountId, AccountKey);
        QVERIFY(service);
    }

    void cleanup()
    {
        f.reset();
        service.reset();
    }

    void keepAliveFromTheContextMenuStopsAtACapThatIsNoMultipleOfTheStep()
    {
        QVERIFY(openWindow());
        const QString id = addSession(TimeSpan::fromMinutes(20), TimeSpan::fromMinutes(5));
        QVERIFY(!id.isEmpty());
        QVERIFY(cell(id, SessionTableModel::KeptAliveUntilColumn).data().isNull());

        arr::KeepAliveDialog *dialog = openKeepAliveFromMenu(id);
        QVERIFY(dialog);
        QVERIFY(gui::click(dialog->findChild<QRadioButton *>(u"keepAliveLeaseChoice"_s)));
        QVERIFY(gui::retype(dialog->findChild<QLineEdit *>(u"keepAliveMaxLeaseEdit"_s), u"1:05"_s));
        QVERIFY(gui::retype(dialog->findChild<QLineEdit *>(u"keepAliveStepEdit"_s), u"0:30"_s));
        QVERIFY(gui::retype(dialog->findChild<QLineEdit *>(u"keepAliveBeforeEdit"_s), u"0:10"_s));
        QCOMPARE(dialog->problem(), QString());
        // Not longer than the lease it has: said before anything is accepted.
        QVERIFY(gui::retype(dialog->findChild<QLineEdit *>(u"keepAliveMaxLeaseEdit"_s), u"0:15"_s));
        QVERIFY(dialog->problem().contains(u"already"_s));
        QVERIFY(!dialog->findChild<QPushButton *>(u"keepAliveOkButton"_s)->isEnabled());
        QVERIFY(gui::retype(dialog->findChild<QLineEdit *>(u"keepAliveMaxLeaseEdit"_s), u"1:05"_s));
        QVERIFY(gui::click(dialog->findChild<QPushButton *>(u"keepAliveOkButton"_s)));

        arr::KeepAliveManager &keepAlive = f->workspace->keepAlive();
        QSignalSpy automatic(&keepAlive, &arr::KeepAliveManager::automaticExtendFinished);
        QSignalSpy ended(&keepAlive, &arr::KeepAliveManager::policyEnded);
        QTRY_VERIFY(keepAlive.policy(AccountName, id).has_value());
        // The column: when the session will stop if the policy runs its course (lease 1:05 from
        // a start 5 minutes ago), with the keep-alive icon.
        const QModelIndex until = cell(id, SessionTableModel::KeptAliveUntilColumn);
        QTRY_VERIFY(!until.data().toString().isEmpty());
        QVERIFY(!until.data(Qt::DecorationRole).value<QIcon>().isNull());
        const qint64 expected = f->clock.now().addSecs(60 * 60).toMSecsSinceEpoch();
        QVERIFY(std::abs(until.data(SessionTableModel::RawValueRole).toLongLong() - expected) < 60'000);
        saveScreenshot(u"kept-alive-column"_s);

        // 9 minutes left: extended by the step, to 0:50.
        QVERIFY(advanceAndPoll(TimeSpan::fromMinutes(6)));
        QTRY_COMPARE(automatic.size(), 1);
        QVERIFY(poll());
        QCOMPARE(leaseOf(id), TimeSpan::fromMinutes(50));
        // 9 minutes left again: a step would reach 1:20, the cap says 1:05.
        QVERIFY(advanceAndPoll(TimeSpan::fromMinutes(30)));
        QTRY_COMPARE(automatic.size(), 2);
        QVERIFY(poll());
        QCOMPARE(leaseOf(id), TimeSpan::fromMinutes(65));
        // At the cap the policy ends, says when the session stops, and no third extend is asked for.
        QVERIFY(advanceAndPoll(TimeSpan::fromMinutes(15)));
        QTRY_COMPARE(ended.size(), 1);
        QVERIFY(!keepAlive.policy(AccountName, id));
        QVERIFY(poll());
        QCOMPARE(automatic.size(), 2);
        QCOMPARE(leaseOf(id), TimeSpan::fromMinutes(65));
        QTRY_VERIFY(cell(id, SessionTableModel::KeptAliveUntilColumn).data().isNull());
        // The first automatic extend is told once, and kept in the panel.
        QCOMPARE(listed(u"Session kept alive"_s), 1);
        // Its end is listed too, saying when the session stops.
        QCOMPARE(listed(u"Keep-alive ended"_s), 1);
        // Both automatic extends are in the request log as such.
        int automaticInLog = 0;
        for (const arr::RequestLogEntry &entry : loggedEntries(f->workspace->log()))
            automaticInLog += entry.method == "PATCH" && entry.origin == u"keep-alive"_s ? 1 : 0;
        QCOMPARE(automaticInLog, 2);
    }

    void theExtendDialogOffersKeepAlive()
    {
        QVERIFY(openWindow());
        const QString id = addSession(TimeSpan::fromMinutes(30), TimeSpan::fromMinutes(5));
        QVERIFY(!id.isEmpty());
        f->page()->selectSession(AccountName, id);
        arr::ExtendSessionDialog *extend = f->commands()->extendSelected();
        QVERIFY(extend);
        QVERIFY(gui::click(extend->findChild<QPushButton *>(u"keepAliveButton"_s)));
        arr::KeepAliveDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = gui::findVisible<arr::KeepAliveDialog>(f->window.get())) != nullptr);
        QCOMPARE(dialog->target().sessionId, id);
        QVERIFY(!gui::findVisible<arr::ExtendSessionDialog>(f->window.get()));
        dialog->reject();
    }

    void keepAliveSurvivesARestartOfTheApp()
    {
        QVERIFY(openWindow());
        const QString id = addSession(TimeSpan::fromMinutes(20), TimeSpan::fromMinutes(5));
        QVERIFY(!id.isEmpty());
        arr::KeepAliveSpec spec;
        spec.bound = arr::KeepAliveSpec::Bound::MaxLease;
        spec.maxLease = TimeSpan::fromHours(1);
        f->workspace->keepSessionAlive(AccountName, id, spec);
        QTRY_VERIFY(f->workspace->keepAlive().policy(AccountName, id).has_value());

        f->closeWindow();
        QVERIFY(openWindow());
        QTRY_VERIFY(f->model().rowOf(AccountName, id) >= 0);
        QVERIFY(f->workspace->keepAlive().policy(AccountName, id) == spec);
        QTRY_VERIFY(!cell(id, SessionTableModel::KeptAliveUntilColumn).data().toString().isEmpty());
        // And it goes on working: 9 minutes left, one step of 30 minutes.
        QSignalSpy automatic(&f->workspace->keepAlive(), &arr::KeepAliveManager::automaticExtendFinished);
        QVERIFY(advanceAndPoll(TimeSpan::fromMinutes(6)));
        QTRY_COMPARE(automatic.size(), 1);
        QVERIFY(poll());
        QCOMPARE(leaseOf(id), TimeSpan::fromMinutes(50));
        // Stopping the policy from the dialog drops it from the settings as well.
        arr::KeepAliveDialog *dialog = openKeepAliveFromMenu(id);
        QVERIFY(dialog);
        QVERIFY(gui::click(dialog->findChild<QPushButton *>(u"cancelKeepAliveButton"_s)));
        QVERIFY(!f->workspace->keepAlive().policy(AccountName, id));
        f->closeWindow();
        QVERIFY(openWindow());
        QVERIFY(!f->workspace->keepAlive().policy(AccountName, id));
    }

    void budgetAlertsComeOnceAtEightyAndAtOneHundredPercent()
    {
        // One billed hour a day (no prices are set); a session ready for 40 minutes so far.
        QVERIFY(openWindow([](arr::Account &account) { account.dailyBudget = 1.0; }));
        const QString id = addSession(TimeSpan::fromHours(4), TimeSpan::fromMinutes(40));
        QVERIFY(!id.isEmpty());
        QSignalSpy alerts(&f->workspace->budgets(), &arr::BudgetWatch::notify);
        f->workspace->budgets().check();
        QCOMPARE(alerts.size(), 0);

        // 50 minutes: 83 %.
        QVERIFY(advanceAndPoll(TimeSpan::fromMinutes(10)));
        QTRY_COMPARE(alerts.size(), 1);
        QCOMPARE(
            alerts.at(0).at(0).value<arr::SessionNotification>().kind, arr::SessionNotification::Kind::BudgetWarning);
        QVERIFY(advanceAndPoll(TimeSpan::fromMinutes(1)));
        f->workspace->budgets().check();
        QCOMPARE(alerts.size(), 1);

        // A full hour: the budget is spent.
        QVERIFY(advanceAndPoll(TimeSpan::fromMinutes(10)));
        QTRY_COMPARE(alerts.size(), 2);
        QCOMPARE(
            alerts.at(1).at(0).value<arr::SessionNotification>().kind, arr::SessionNotification::Kind::BudgetReached);
        QVERIFY(advanceAndPoll(TimeSpan::fromMinutes(5)));
        f->workspace->budgets().check();
        QCOMPARE(alerts.size(), 2);
        QCOMPARE(listed(u"Budget almost spent"_s), 1);
        QCOMPARE(listed(u"Budget spent"_s), 1);
        auto *panel = f->find<arr::NotificationsPanel>(u"notificationsDock"_s);
        QVERIFY(panel);
        QVERIFY(panel->unread() >= 2);
        QVERIFY(panel->toggleViewAction()->text().contains(QString::number(panel->unread())));
        panel->show();
        QTRY_COMPARE(panel->unread(), 0);
        saveScreenshot(u"notifications-panel"_s);

        // Given today already: a restart does not repeat them.
        f->closeWindow();
        QVERIFY(openWindow());
        QSignalSpy afterRestart(&f->workspace->budgets(), &arr::BudgetWatch::notify);
        QVERIFY(advanceAndPoll(TimeSpan::fromMinutes(1)));
        f->workspace->budgets().check();
        QCOMPARE(afterRestart.size(), 0);
    }

    void aSessionReadyTooLongIsToldOnce()
    {
        QVERIFY(openWindow([](arr::Account &account) { account.longRunningHours = 1; }));
        const QString id = addSession(TimeSpan::fromHours(4), TimeSpan::fromMinutes(50));
        QVERIFY(!id.isEmpty());
        QSignalSpy alerts(&f->workspace->budgets(), &arr::BudgetWatch::notify);
        f->workspace->budgets().check();
        QCOMPARE(alerts.size(), 0);
        QVERIFY(advanceAndPoll(TimeSpan::fromMinutes(15)));
        QTRY_COMPARE(alerts.size(), 1);
        const auto alert = alerts.at(0).at(0).value<arr::SessionNotification>();
        QCOMPARE(alert.kind, arr::SessionNotification::Kind::LongRunning);
        QCOMPARE(alert.sessionId, id);
        QVERIFY(advanceAndPoll(TimeSpan::fromMinutes(15)));
        f->workspace->budgets().check();
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(listed(u"Session running long"_s), 1);
    }

    void aReadOnlyAccountIsRefusedByTheWindowAndTheApplicationLayer()
    {
        QVERIFY(openWindow([](arr::Account &account) { account.readOnly = true; }));
        const QString id = addSession(TimeSpan::fromMinutes(30), TimeSpan::fromMinutes(5));
        QVERIFY(!id.isEmpty());
        f->page()->selectSession(AccountName, id);
        const QString why = f->workspace->readOnlyReason(AccountName);
        QVERIFY(!why.isEmpty());
        for (const QString &name : {u"extendAction"_s, u"stopAction"_s, u"keepAliveAction"_s, u"newSessionAction"_s}) {
            QAction *action = f->action(name);
            QVERIFY2(action && !action->isEnabled(), qPrintable(name));
            QVERIFY2(action->toolTip() == why, qPrintable(action->toolTip()));
        }
        auto *menu = f->find<QMenu>(u"sessionContextMenu"_s);
        QVERIFY(menu);
        menu->popup(f->window->mapToGlobal(QPoint(200, 200)));
        QTRY_VERIFY(menu->isVisible());
        saveScreenshot(u"read-only-account"_s, menu);
        menu->hide();

        // The application layer refuses too, with nothing sent.
        QSignalSpy finished(&f->workspace->monitor(), &arr::SessionMonitor::commandFinished);
        f->workspace->extendSession(AccountName, id, TimeSpan::fromHours(1));
        f->workspace->stopSession(AccountName, id);
        arr::KeepAliveSpec spec;
        f->workspace->keepSessionAlive(AccountName, id, spec);
        QTRY_COMPARE(finished.size(), 3);
        for (const QList<QVariant> &arguments : finished) {
            const auto outcome = arguments.at(0).value<arr::CommandOutcome>();
            QVERIFY(outcome.refused);
            QVERIFY(!outcome.succeeded);
        }
        QVERIFY(!f->workspace->keepAlive().policy(AccountName, id));
        QVERIFY(poll());
        QCOMPARE(leaseOf(id), TimeSpan::fromMinutes(30));
        QCOMPARE(f->sessions().find(AccountName, id)->session.status, arr::SessionStatus::Ready);
    }

    void historyOffIsSaidWhileEverythingElseWorks()
    {
        // A folder where the history's file should be: the database cannot be opened.
        QVERIFY(QDir().mkpath(f->settingsFile() + u".history.sqlite"_s));
        QVERIFY(openWindow());
        auto *bar = f->find<QWidget>(u"historyBar"_s);
        QVERIFY(bar);
        QTRY_VERIFY(bar->isVisible());
        QVERIFY(!f->workspace->historyProblem().isEmpty());
        QVERIFY(f->workspace->historyProblem().startsWith(u"Session history is off"_s));
        // The sessions are watched as ever.
        QVERIFY(!addSession(TimeSpan::fromMinutes(30), TimeSpan::fromMinutes(5)).isEmpty());
        QVERIFY(bar->isVisible());
    }

    void theContextMenuOffersKeepAlive()
    {
        QVERIFY(openWindow());
        const QString id = addSession(TimeSpan::fromMinutes(30), TimeSpan::fromMinutes(5));
        QVERIFY(!id.isEmpty());
        f->page()->selectSession(AccountName, id);
        auto *menu = f->find<QMenu>(u"sessionContextMenu"_s);
        QVERIFY(menu);
        QVERIFY(menu->actions().contains(f->action(u"keepAliveAction"_s)));
        QVERIFY(f->action(u"keepAliveAction"_s)->isEnabled());
        menu->popup(f->window->mapToGlobal(QPoint(260, 160)));
        QTRY_VERIFY(menu->isVisible());
        saveScreenshot(u"keep-alive-menu"_s, menu);
        menu->hide();
    }
};

QTEST_MAIN(TestGuardrails)
#include "tst_guardrails.moc"
