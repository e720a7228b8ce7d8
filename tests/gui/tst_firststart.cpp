// The window a new user first sees, on a 1600×1000 screen (CTest configures the offscreen platform's
// screen): sized from the screen, every default column of the table in view without a horizontal
// scroll bar, and no empty details pane taking width while nothing is selected. The pane comes back
// on selection, at the width the user last gave it, also after a restart.
#include "GuiFixture.h"
#include "emulator/EmulatorOptions.h"

#include "ui/DetailsPane.h"
#include "ui/SessionColumns.h"
#include "ui/WidgetHelpers.h"

#include <QHeaderView>
#include <QScreen>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using arr::SessionTableModel;

class TestFirstStart : public GuiTest
{
    Q_OBJECT

private Q_SLOTS:
    void sizedFromTheScreenWithEveryDefaultColumnInView();
    void detailsPaneGivesWayWhileNothingIsSelected();

private:
    // The window open on the test's sessions, its columns fitted to them.
    bool openFitted();
    QTableView *view() const { return f->find<QTableView>(u"sessionView"_s); }
    QSplitter *splitter() const { return f->find<QSplitter>(u"sessionSplitter"_s); }
    arr::DetailsPane *details() const { return f->find<arr::DetailsPane>(u"detailsPane"_s); }
    int detailsWidth() const { return splitter()->sizes().value(1); }
};

bool TestFirstStart::openFitted()
{
    if (!f->open())
        return false;
    // Sessions in every state the table shows, made by the test in its own emulator.
    const QList<arr::SessionStatus> statuses{arr::SessionStatus::Starting, arr::SessionStatus::Ready,
        arr::SessionStatus::Ready, arr::SessionStatus::Stopped, arr::SessionStatus::Expired, arr::SessionStatus::Error};
    for (qsizetype i = 0; i < statuses.size(); ++i) {
        arr::emulator::SessionSeed seed;
        seed.status = statuses.at(i);
        seed.size = i % 2 == 0 ? u"standard"_s : u"premium"_s;
        seed.maxLease = arr::TimeSpan::fromHours(1 + i);
        seed.age = arr::TimeSpan::fromMinutes(10 + 7 * i);
        if (f->addSession(seed).isEmpty())
            return false;
    }
    return QTest::qWaitFor([this] { return f->model().rowCount() > 0 && !f->page()->columns()->fitPending(); });
}

void TestFirstStart::sizedFromTheScreenWithEveryDefaultColumnInView()
{
    QVERIFY(openFitted());
    const QRect available = f->window->screen()->availableGeometry();
    QCOMPARE(available.size(), QSize(1600, 1000));
    const QSize expected = arr::firstStartWindowSize(available.size());
    QCOMPARE(f->window->size(), expected);
    QVERIFY(available.contains(f->window->geometry()));
    // Wider than the 1,110 pixels that hid the cost columns, and not the whole screen.
    QVERIFY(expected.width() > 1400 && expected.width() < 1600);

    QTableView *table = view();
    QHeaderView *header = table->horizontalHeader();
    QTRY_VERIFY(!table->horizontalScrollBar()->isVisible());
    int visibleColumns = 0;
    for (int column = 0; column < SessionTableModel::ColumnCount; ++column) {
        if (header->isSectionHidden(column))
            continue;
        ++visibleColumns;
        const int right = header->sectionViewportPosition(column) + header->sectionSize(column);
        QVERIFY2(header->sectionViewportPosition(column) >= 0 && right <= table->viewport()->width(),
            qPrintable(u"column %1 ends at %2 of %3"_s.arg(column).arg(right).arg(table->viewport()->width())));
    }
    // The defaults: every v1 column, the 2021-01-01 ones hidden.
    QCOMPARE(visibleColumns, 12);
    QVERIFY(!header->isSectionHidden(SessionTableModel::CostSoFarColumn));
    QVERIFY(!header->isSectionHidden(SessionTableModel::CostAtLeaseEndColumn));
    QVERIFY(!header->isSectionHidden(SessionTableModel::MessageColumn));
}

void TestFirstStart::detailsPaneGivesWayWhileNothingIsSelected()
{
    QVERIFY(openFitted());
    // Nothing selected: the pane takes no width, the table all of it.
    QVERIFY(f->page()->selectedSessions().isEmpty());
    QVERIFY(!details()->isVisible());
    QTRY_COMPARE(detailsWidth(), 0);
    QCOMPARE(view()->width(), splitter()->width());

    const QString account = GuiFixture::emulatorAccount();
    const QString id = f->model().index(0, 0).data(SessionTableModel::SessionIdRole).toString();
    QVERIFY(f->page()->selectSession(account, id));
    QTRY_VERIFY(details()->isVisible());
    QTRY_VERIFY(detailsWidth() > 0);
    QCOMPARE(details()->sessionId(), id);

    // The user's choice of width survives a selection cleared and made again.
    const int chosen = 520;
    splitter()->setSizes({splitter()->width() - chosen, chosen});
    QTRY_COMPARE(detailsWidth(), chosen);
    view()->clearSelection();
    QTRY_VERIFY(!details()->isVisible());
    QTRY_COMPARE(detailsWidth(), 0);
    QVERIFY(f->page()->selectSession(account, id));
    QTRY_VERIFY(details()->isVisible());
    QTRY_COMPARE(detailsWidth(), chosen);

    // And a restart, whether closed with a session selected or not.
    view()->clearSelection();
    QTRY_VERIFY(!details()->isVisible());
    f->closeWindow();
    QVERIFY(openFitted());
    QVERIFY(!details()->isVisible());
    // The emulator started anew, with sessions of its own.
    const QString again = f->model().index(0, 0).data(SessionTableModel::SessionIdRole).toString();
    QVERIFY(f->page()->selectSession(account, again));
    QTRY_VERIFY(details()->isVisible());
    QTRY_COMPARE(detailsWidth(), chosen);
}

QTEST_MAIN(TestFirstStart)
#include "tst_firststart.moc"
