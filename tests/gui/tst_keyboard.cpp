// The window without a mouse: a session created, extended and stopped with keys alone (each key
// sent to whatever has the keyboard focus, as a keyboard would), and every action of the toolbar
// and the context menu also in a menu of the menu bar, reached by its mnemonic or a shortcut.
#include "GuiFixture.h"
#include "emulator/EmulatorOptions.h"

#include "monitor/SessionMonitor.h"
#include "ui/CreateSessionDialog.h"
#include "ui/ExtendSessionDialog.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolBar>

using namespace Qt::StringLiterals;

class TestKeyboard : public GuiTest
{
    Q_OBJECT

private Q_SLOTS:
    void createExtendAndStopWithKeysAlone();
    void everyActionIsInAMenuWithAMnemonicOrAShortcut();

private:
    // A key pressed where the keyboard is: the open menu, else the focused widget.
    static bool press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    // After a dialog closed: the main window active again, as the window manager makes it (the
    // offscreen platform has none).
    bool backToTheWindow();
    // Tab until `target` has the focus; false when the focus chain never reaches it.
    static bool tabTo(QWidget *target);
    // The outcome of the next command of `kind`, or nothing within the bound.
    std::optional<arr::CommandOutcome> outcomeOf(QSignalSpy &spy, arr::CommandOutcome::Kind kind);
};

bool TestKeyboard::press(int key, Qt::KeyboardModifiers modifiers)
{
    QWidget *target = QApplication::activePopupWidget();
    if (!target)
        target = QApplication::focusWidget();
    if (!target) {
        qWarning("Nothing has the keyboard focus");
        return false;
    }
    QTest::keyClick(target, Qt::Key(key), modifiers);
    return true;
}

bool TestKeyboard::backToTheWindow()
{
    if (!QApplication::activeWindow())
        f->window->activateWindow();
    return QTest::qWaitForWindowActive(f->window.get()) && QApplication::focusWidget();
}

bool TestKeyboard::tabTo(QWidget *target)
{
    for (int step = 0; step < 40 && QApplication::focusWidget() != target; ++step) {
        if (!press(Qt::Key_Tab))
            return false;
    }
    return QApplication::focusWidget() == target;
}

std::optional<arr::CommandOutcome> TestKeyboard::outcomeOf(QSignalSpy &spy, arr::CommandOutcome::Kind kind)
{
    const auto find = [&spy, kind]() -> std::optional<arr::CommandOutcome> {
        for (const QList<QVariant> &arguments : spy) {
            const auto outcome = arguments.at(0).value<arr::CommandOutcome>();
            if (outcome.kind == kind)
                return outcome;
        }
        return std::nullopt;
    };
    if (!QTest::qWaitFor([&find] { return find().has_value(); }, 15'000))
        return std::nullopt;
    return find();
}

void TestKeyboard::createExtendAndStopWithKeysAlone()
{
    QVERIFY(f->open());
    QVERIFY(QTest::qWaitForWindowActive(f->window.get()));
    // A session of the test's own beside the one the keys will create.
    arr::emulator::SessionSeed seed;
    seed.status = arr::SessionStatus::Ready;
    seed.age = arr::TimeSpan::fromMinutes(20);
    QVERIFY(!f->addSession(seed).isEmpty());
    QTRY_VERIFY(f->model().rowCount() > 0);
    auto *view = f->find<QTableView>(u"sessionView"_s);
    QVERIFY(view);
    QSignalSpy finished(&f->workspace->monitor(), &arr::SessionMonitor::commandFinished);

    // Create: Ctrl+N, the dialog's defaults, Enter.
    QVERIFY(press(Qt::Key_N, Qt::ControlModifier));
    arr::CreateSessionDialog *create = nullptr;
    QTRY_VERIFY((create = gui::findVisible<arr::CreateSessionDialog>(f->window.get())) != nullptr);
    QTRY_VERIFY(create->isAncestorOf(QApplication::focusWidget()));
    QVERIFY(press(Qt::Key_Return));
    QTRY_VERIFY(!create->isVisible());
    QVERIFY(backToTheWindow());
    const auto created = outcomeOf(finished, arr::CommandOutcome::Kind::Create);
    QVERIFY(created && created->succeeded);
    const QString id = created->sessionId;
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY(f->model().rowOf(GuiFixture::emulatorAccount(), id) >= 0);

    // Find it: Ctrl+F, its id, Tab to the table, Home.
    QVERIFY(press(Qt::Key_F, Qt::ControlModifier));
    QCOMPARE(QApplication::focusWidget()->objectName(), u"filterEdit"_s);
    QTest::keyClicks(QApplication::focusWidget(), id);
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QVERIFY(tabTo(view));
    QVERIFY(press(Qt::Key_Home));
    QTRY_COMPARE(f->page()->selectedSessions().size(), 1);
    QCOMPARE(f->page()->selectedSessions().constFirst().sessionId, id);

    // Extend: Alt+S opens the Session menu, E its "Extend lease…", Enter takes the dialog's hour.
    QVERIFY(press(Qt::Key_S, Qt::AltModifier));
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) != nullptr);
    QCOMPARE(menu->title(), u"&Session"_s);
    QVERIFY(press(Qt::Key_E));
    arr::ExtendSessionDialog *extend = nullptr;
    QTRY_VERIFY((extend = gui::findVisible<arr::ExtendSessionDialog>(f->window.get())) != nullptr);
    QTRY_VERIFY(extend->isAncestorOf(QApplication::focusWidget()));
    QVERIFY(press(Qt::Key_Return));
    QTRY_VERIFY(!extend->isVisible());
    QVERIFY(backToTheWindow());
    const auto extended = outcomeOf(finished, arr::CommandOutcome::Kind::Extend);
    QVERIFY(extended && extended->succeeded);
    QCOMPARE(extended->sessionId, id);

    // Stop: the focus is back on the table, Delete, and yes to the question.
    QTRY_COMPARE(QApplication::focusWidget(), view);
    f->prompter.answers = {true};
    QVERIFY(press(Qt::Key_Delete));
    const auto stopped = outcomeOf(finished, arr::CommandOutcome::Kind::Stop);
    QVERIFY(stopped && stopped->succeeded);
    QCOMPARE(stopped->sessionId, id);
    QCOMPARE(f->prompter.questions.size(), 1);
}

void TestKeyboard::everyActionIsInAMenuWithAMnemonicOrAShortcut()
{
    QVERIFY(f->open());
    QMenuBar *bar = f->window->menuBar();
    QList<QAction *> inMenus;
    QStringList problems;
    const auto collect = [&](QMenu *menu, const auto &self) -> void {
        for (QAction *action : menu->actions()) {
            if (action->isSeparator())
                continue;
            inMenus.append(action);
            if (action->menu()) {
                self(action->menu(), self);
                continue;
            }
            // An item is reached in its open menu by its mnemonic or by a shortcut.
            if (!action->text().contains(u'&') && action->shortcut().isEmpty())
                problems.append(u"%1 has neither a mnemonic nor a shortcut"_s.arg(action->text()));
        }
    };
    for (QAction *top : bar->actions()) {
        if (!top->menu())
            continue;
        if (!top->text().contains(u'&'))
            problems.append(u"the menu %1 has no mnemonic"_s.arg(top->text()));
        collect(top->menu(), collect);
    }
    // Whatever the toolbar or the table's context menu offers, the menu bar offers too.
    QList<QAction *> offered = f->find<QToolBar>(u"mainToolBar"_s)->actions();
    offered += f->find<QMenu>(u"sessionContextMenu"_s)->actions();
    for (QAction *action : offered) {
        if (!action->isSeparator() && !action->text().isEmpty() && !inMenus.contains(action))
            problems.append(u"%1 is in no menu of the menu bar"_s.arg(action->text()));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
}

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
