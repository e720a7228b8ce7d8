// The History window on a prepared database: the main window's action opens it on the file the
// workspace records into; the date presets, the account, status and text filters, the totals, the
// chart's bars per day and account, a session's events and the CSV/JSON export are checked against
// what was recorded.
#include "GuiFixture.h"

#include "core/Cost.h"
#include "storage/AccountStore.h"
#include "storage/HistoryLocation.h"
#include "storage/HistoryStore.h"
#include "storage/Settings.h"
#include "ui/HistoryAlertsList.h"
#include "ui/HistoryChart.h"
#include "ui/HistoryTableModel.h"
#include "ui/HistoryWindow.h"
#include "ui/MessageBar.h"
#include "ui/PreferencesDialog.h"
#include "ui/SessionCommands.h"
#include "workspace/AccountManager.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace arr;

namespace {

// "Now" for the tests: Wednesday 18 March 2026, 15:00 local time (weeks start on Monday 16 in the
// British locale the suite uses).
const QDate Today(2026, 3, 18);

QDateTime at(QDate day, int hour, int minute = 0)
{
    return QDateTime(day, QTime(hour, minute));
}

// One recorded session: created here (optionally), seen starting, ready, and (unless `final` is
// Unknown) in its final state after `billedMinutes` of ready time, at `price` per hour.
struct Recorded
{
    QString account;
    QString id;
    QString size;
    QDateTime start;
    int billedMinutes = 0;
    SessionStatus final = SessionStatus::Stopped;
    std::optional<double> price;
    QString message;
    bool createdHere = false;
    int extends = 0;
    // The account's identity; empty: recorded under the name alone, as before identities.
    QString accountKey;
    // Who sent the create (createdHere); unknown unless set.
    HistoryActor creator = {};
};

Session session(const Recorded &r, SessionStatus status, qint64 elapsedSeconds)
{
    Session s;
    s.id = r.id;
    s.status = status;
    s.statusText = sessionStatusWireName(status);
    s.size = r.size;
    s.elapsed = TimeSpan::fromSeconds(elapsedSeconds);
    s.maxLease = TimeSpan::fromHours(8);
    if (isFinalStatus(status))
        s.message = r.message;
    return s;
}

bool record(HistoryStore &store, const Recorded &r)
{
    const QDateTime ready = r.start.addSecs(120);
    const QDateTime end = ready.addSecs(qint64(r.billedMinutes) * 60);
    HistoryBatch batch;
    if (r.createdHere)
        batch.commands.append({HistoryCommand::Kind::Created, r.account, r.id, r.start, u"created"_s,
            u"cv-%1-create"_s.arg(r.id), r.size, std::nullopt, r.accountKey, r.creator});
    batch.observations.append(
        {r.account, session(r, SessionStatus::Starting, 0), r.start, u"cv-poll"_s, r.price, r.accountKey});
    if (!store.record(batch))
        return false;
    batch = {};
    batch.observations.append(
        {r.account, session(r, SessionStatus::Ready, 0), ready, u"cv-poll"_s, r.price, r.accountKey});
    for (int i = 0; i < r.extends; ++i)
        batch.commands.append({HistoryCommand::Kind::Extended, r.account, r.id, ready.addSecs(60 + i), u"extended"_s,
            u"cv-%1-extend"_s.arg(r.id), {}, 8 * 3600 + (i + 1) * 3600, r.accountKey});
    if (!store.record(batch))
        return false;
    batch = {};
    const SessionStatus last = r.final == SessionStatus::Unknown ? SessionStatus::Ready : r.final;
    batch.observations.append({r.account, session(r, last, qint64(r.billedMinutes) * 60), end,
        u"cv-%1-last"_s.arg(r.id), r.price, r.accountKey});
    if (r.createdHere && r.final == SessionStatus::Stopped)
        batch.commands.append({HistoryCommand::Kind::Stopped, r.account, r.id, end, u"stopped"_s,
            u"cv-%1-stop"_s.arg(r.id), {}, {}, r.accountKey});
    return store.record(batch);
}

Recorded recorded(const QString &account, const QString &id, const QString &size, const QDateTime &start,
    int billedMinutes, SessionStatus final, std::optional<double> price)
{
    Recorded r;
    r.account = account;
    r.id = id;
    r.size = size;
    r.start = start;
    r.billedMinutes = billedMinutes;
    r.final = final;
    r.price = price;
    return r;
}

// The sessions every test starts from. Alpha and beta have prices (EUR), gamma none.
QList<Recorded> sessions()
{
    Recorded a1 = recorded(u"alpha"_s, u"a1"_s, u"standard"_s, at(Today, 9), 120, SessionStatus::Stopped, 3.0);
    a1.createdHere = true;
    a1.extends = 1;
    Recorded b1 = recorded(u"beta"_s, u"b1"_s, u"standard"_s, at(Today, 11), 30, SessionStatus::Error, 3.0);
    b1.message = u"Conversion failed: out of memory"_s;
    return {
        a1,
        recorded(u"alpha"_s, u"a2"_s, u"premium"_s, at(Today.addDays(-1), 10), 60, SessionStatus::Expired, 12.0),
        recorded(u"alpha"_s, u"a3"_s, u"standard"_s, at(QDate(2026, 3, 2), 8), 240, SessionStatus::Stopped, 3.0),
        b1,
        recorded(u"beta"_s, u"b2"_s, u"premium"_s, at(QDate(2026, 3, 16), 12), 180, SessionStatus::Stopped, 12.0),
        recorded(u"beta"_s, u"b3"_s, u"standard"_s, at(QDate(2026, 2, 20), 9), 120, SessionStatus::Stopped, 3.0),
        // Still ready: never ended.
        recorded(u"gamma"_s, u"g1"_s, u"standard"_s, at(Today, 13), 90, SessionStatus::Unknown, std::nullopt),
    };
}

// A month of realistic use for the screenshot: three accounts, a few sessions a day, GUID ids.
QList<Recorded> busyMonth()
{
    const QStringList accounts = {u"contoso-prod"_s, u"contoso-dev"_s, u"fabrikam"_s};
    const QList<SessionStatus> ends = {SessionStatus::Stopped, SessionStatus::Stopped, SessionStatus::Expired,
        SessionStatus::Stopped, SessionStatus::Error};
    QList<Recorded> month;
    quint32 seed = 20260301;
    const auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    for (QDate day(2026, 3, 1); day <= Today; day = day.addDays(1)) {
        const bool weekend = day.dayOfWeek() >= 6;
        for (int a = 0; a < int(accounts.size()); ++a) {
            const int count = weekend ? int(next() % 2) : 1 + int(next() % 3);
            for (int i = 0; i < count; ++i) {
                const auto hex = [&next](int digits) {
                    return QString::number(next() % (1u << (digits * 4 > 24 ? 24 : digits * 4)), 16)
                        .rightJustified(digits, u'0');
                };
                const QString id = u"%1-%2-4%3-a%4-%5%6"_s.arg(hex(6) + hex(2), hex(4), hex(3), hex(3), hex(6), hex(6));
                const bool premium = next() % 4 == 0;
                const bool ongoing = day == Today && i == count - 1;
                Recorded r = recorded(accounts[a], id, premium ? u"premium"_s : u"standard"_s,
                    at(day, 8 + int(next() % 8), int(next() % 60)), 20 + int(next() % 300),
                    ongoing ? SessionStatus::Unknown : ends[int(next() % ends.size())], premium ? 12.0 : 3.0);
                if (r.final == SessionStatus::Error)
                    r.message = u"The model could not be loaded: the storage account refused access."_s;
                r.createdHere = a != 2;
                r.extends = int(next() % 3);
                month.append(r);
            }
        }
    }
    return month;
}

QString money(double amount)
{
    return formatMoney(amount, u"EUR"_s, QLocale());
}

// RFC 4180 records (quoted fields with doubled quotes, CRLF line ends).
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace

class TestHistoryWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<GuiFixture> f;

    QString historyFile() const { return f->settingsFile() + u".history.sqlite"_s; }

    // Records the sessions, sets the prices, opens the main window (no account: nothing else is
    // recorded) and the History window through its action.
    HistoryWindow *openHistory(const QList<Recorded> &recorded = sessions(), const QList<Account> &saved = {})
    {
        {
            HistoryStore store(historyFile());
            if (store.open() != HistoryStore::OpenResult::Opened)
                return nullptr;
            for (const Recorded &r : recorded) {
                if (!record(store, r))
                    return nullptr;
            }
        }
        GuiFixture::Options options;
        options.emulator = false;
        if (!f->open(options))
            return nullptr;
        Pricing pricing;
        pricing.defaults.currency = u"EUR"_s;
        pricing.defaults.hourly = {{u"standard"_s, 3.0}, {u"premium"_s, 12.0}};
        f->workspace->settings().setPricing(pricing, f->workspace->accountStore().accounts());
        for (const Account &account : saved) {
            if (!f->workspace->accounts().saveAccount(account, {}, u"key"_s).isEmpty())
                return nullptr;
        }
        QAction *action = f->action(u"historyAction"_s);
        if (!action || !action->isEnabled())
            return nullptr;
        action->trigger();
        auto *window = f->window->findChild<HistoryWindow *>(u"historyWindow"_s);
        // The window reads in a thread of its own: a second read, waited for, is surely shown.
        if (!window || !QTest::qWaitForWindowExposed(window) || !afterRead(window, [window] { window->refresh(); }))
            return nullptr;
        return window;
    }

    // Does `change` and waits until the read it started is shown (at once when there was nothing to read).
    template<typename Change> static bool afterRead(HistoryWindow *window, Change change)
    {
        QSignalSpy read(window, &HistoryWindow::readFinished);
        change();
        return !read.isEmpty() || read.wait(10'000);
    }

    template<typename T> static T *part(HistoryWindow *window, const QString &name)
    {
        return window->findChild<T *>(name);
    }
    static QString totals(HistoryWindow *window) { return part<QLabel>(window, u"historyTotals"_s)->text(); }
    // The totals line after its session count (whose plural form comes from the translations).
    static QString sums(HistoryWindow *window)
    {
        const QString text = totals(window);
        return text.mid(text.indexOf(u" · "_s) + 3);
    }
    static QStringList ids(HistoryWindow *window)
    {
        QStringList result;
        for (const HistorySession &s : window->selection())
            result << s.sessionId;
        result.sort();
        return result;
    }
    static bool choose(QComboBox *combo, const QString &data)
    {
        const int index = combo->findData(data);
        if (index < 0)
            return false;
        combo->setCurrentIndex(index);
        return true;
    }
    static QStackedBarSeries *series(HistoryWindow *window)
    {
        const QList<QAbstractSeries *> all = part<HistoryChart>(window, u"historyChart"_s)->chart()->series();
        return all.size() == 1 ? qobject_cast<QStackedBarSeries *>(all.first()) : nullptr;
    }
    // The chart's bars: account -> one value per day.
    static QMap<QString, QList<qreal>> bars(HistoryWindow *window)
    {
        QMap<QString, QList<qreal>> result;
        if (QStackedBarSeries *s = series(window)) {
            for (QBarSet *set : s->barSets()) {
                QList<qreal> values;
                for (int i = 0; i < set->count(); ++i)
                    values << set->at(i);
                result.insert(set->label(), values);
            }
        }
        return result;
    }
    // The value axis's title: the currency when the bars are amounts, "Hours" when billed hours.
    static QString valueTitle(HistoryWindow *window)
    {
        const QList<QAbstractAxis *> axes = part<HistoryChart>(window, u"historyChart"_s)->chart()->axes(Qt::Vertical);
        return axes.size() == 1 ? axes.first()->titleText() : QString();
    }
    static QStringList days(HistoryWindow *window)
    {
        QStackedBarSeries *s = series(window);
        const QList<QAbstractAxis *> axes = s ? s->attachedAxes() : QList<QAbstractAxis *>{};
        for (QAbstractAxis *axis : axes) {
            if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis))
                return categories->categories();
        }
        return {};
    }
    QString exportThroughDialog(HistoryWindow *window, const QString &button, const QString &fileName)
    {
        if (!gui::click(part<QPushButton>(window, button)))
            return {};
        // An earlier export's dialog may still be waiting for its deferred deletion: take the shown one.
        QPointer<QFileDialog> dialog;
        const auto shown = [&] {
            const QList<QFileDialog *> dialogs = window->findChildren<QFileDialog *>(u"historyExportDialog"_s);
            for (QFileDialog *candidate : dialogs) {
                if (candidate->isVisible())
                    dialog = candidate;
            }
            return !dialog.isNull();
        };
        if (!QTest::qWaitFor(shown))
            return {};
        const QString path = f->directory.filePath(fileName);
        dialog->selectFile(path);
        // QFileDialog::accept() is protected; QDialog's is the public slot that runs it.
        static_cast<QDialog *>(dialog)->accept();
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Money and weeks as in the UK: "€7.50", weeks from Monday.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }
    void init()
    {
        f = std::make_unique<GuiFixture>();
        f->clock.setWallTime(at(Today, 15));
    }
    void cleanup() { f.reset(); }

    void actionIsInMenuAndToolbarAndReusesOneWindow()
    {
        HistoryWindow *window = openHistory();
        QVERIFY(window);
        QVERIFY(gui::toolButton(f->window.get(), u"historyAction"_s));
        QVERIFY(gui::click(gui::toolButton(f->window.get(), u"historyAction"_s)));
        QCOMPARE(f->window->findChildren<HistoryWindow *>().size(), 1);
        QVERIFY(window->isVisible());
        QVERIFY(!part<MessageBar>(window, u"historyProblem"_s)->isVisible());
    }

    void windowReopensWhereItWasLeft()
    {
        HistoryWindow *window = openHistory();
        QVERIFY(window);
        QVERIFY(window->size() != QSize(900, 640));
        window->resize(900, 640);
        // The app quits with the window open: the next run opens it at that size.
        f->closeWindow();
        window = openHistory({});
        QVERIFY(window);
        QCOMPARE(window->size(), QSize(900, 640));
        // Closed by the user, resized in between: the last size is kept.
        window->resize(1000, 700);
        window->close();
        f->closeWindow();
        window = openHistory({});
        QVERIFY(window);
        QCOMPARE(window->size(), QSize(1000, 700));
    }

    void presetsAndCustomRangeTotals()
    {
        HistoryWindow *window = openHistory();
        QVERIFY(window);
        // The default: this month.
        QCOMPARE(ids(window), QStringList({u"a1"_s, u"a2"_s, u"a3"_s, u"b1"_s, u"b2"_s, u"g1"_s}));
        // 2 + 1 + 4 + 0.5 + 3 + 1.5 hours; 6 + 12 + 12 + 1.5 + 36 euros and gamma's 1.5 h without a price.
        QCOMPARE(sums(window), u"billed 12 h · cost %1 + 1.5 h unpriced"_s.arg(money(67.5)));

        QVERIFY(afterRead(window, [window] { window->setRange(HistoryWindow::Range::Today); }));
        QCOMPARE(ids(window), QStringList({u"a1"_s, u"b1"_s, u"g1"_s}));
        QCOMPARE(sums(window), u"billed 4 h · cost %1 + 1.5 h unpriced"_s.arg(money(7.5)));

        QVERIFY(afterRead(window, [window] { window->setRange(HistoryWindow::Range::ThisWeek); }));
        QCOMPARE(ids(window), QStringList({u"a1"_s, u"a2"_s, u"b1"_s, u"b2"_s, u"g1"_s}));
        QCOMPARE(part<QDateEdit>(window, u"historyFrom"_s)->date(), QDate(2026, 3, 16));
        QCOMPARE(part<QDateEdit>(window, u"historyTo"_s)->date(), QDate(2026, 3, 22));
        QCOMPARE(sums(window), u"billed 8 h · cost %1 + 1.5 h unpriced"_s.arg(money(55.5)));

        // Custom: February only, typed into the date edits.
        auto *range = part<QComboBox>(window, u"historyRange"_s);
        QVERIFY(
            afterRead(window, [range] { range->setCurrentIndex(range->findData(int(HistoryWindow::Range::Custom))); }));
        QVERIFY(part<QDateEdit>(window, u"historyFrom"_s)->isEnabled());
        QVERIFY(afterRead(window, [window] { part<QDateEdit>(window, u"historyFrom"_s)->setDate(QDate(2026, 2, 1)); }));
        QVERIFY(afterRead(window, [window] { part<QDateEdit>(window, u"historyTo"_s)->setDate(QDate(2026, 2, 28)); }));
        QCOMPARE(ids(window), QStringList({u"b3"_s}));
        QCOMPARE(sums(window), u"billed 2 h · cost %1"_s.arg(money(6)));

        // A range that ends before it starts shows nothing and says why.
        QVERIFY(afterRead(window, [window] { part<QDateEdit>(window, u"historyTo"_s)->setDate(QDate(2026, 1, 1)); }));
        QVERIFY(window->selection().isEmpty());
        QVERIFY(totals(window).contains(u"ends before it starts"_s));
    }

    void accountStatusAndTextFilters()
    {
        HistoryWindow *window = openHistory();
        QVERIFY(window);
        auto *account = part<QComboBox>(window, u"historyAccount"_s);
        QCOMPARE(account->count(), 4); // All, alpha, beta, gamma
        QVERIFY(choose(account, u"beta"_s));
        QCOMPARE(ids(window), QStringList({u"b1"_s, u"b2"_s}));
        QCOMPARE(sums(window), u"billed 3.5 h · cost %1"_s.arg(money(37.5)));

        QVERIFY(choose(account, u"gamma"_s));
        // Nothing had a price: billed hours, no amount.
        QCOMPARE(sums(window), u"billed 1.5 h · no price was set, so no cost is shown"_s);
        QVERIFY(choose(account, QString()));

        auto *status = part<QComboBox>(window, u"historyStatus"_s);
        QVERIFY(choose(status, u"error"_s));
        QCOMPARE(ids(window), QStringList({u"b1"_s}));
        QVERIFY(choose(status, u"stopped"_s));
        QCOMPARE(ids(window), QStringList({u"a1"_s, u"a3"_s, u"b2"_s}));
        QVERIFY(choose(status, QString()));

        auto *text = part<QLineEdit>(window, u"historyText"_s);
        QVERIFY(gui::retype(text, u"OUT OF MEMORY"_s));
        QCOMPARE(ids(window), QStringList({u"b1"_s}));
        QVERIFY(gui::retype(text, u"premium"_s));
        QCOMPARE(ids(window), QStringList({u"a2"_s, u"b2"_s}));
        QVERIFY(gui::retype(text, u"a3"_s));
        QCOMPARE(ids(window), QStringList({u"a3"_s}));
        QCOMPARE(part<QTableView>(window, u"historyTable"_s)->model()->rowCount(), 1);
        QVERIFY(gui::retype(text, QString()));
        QCOMPARE(window->selection().size(), 6);
    }

    void tableShowsAndSortsTheRecordedValues()
    {
        HistoryWindow *window = openHistory();
        QVERIFY(window);
        auto *table = part<QTableView>(window, u"historyTable"_s);
        QAbstractItemModel *model = table->model();
        QCOMPARE(model->rowCount(), 6);
        table->sortByColumn(HistoryTableModel::CostColumn, Qt::DescendingOrder);
        QCOMPARE(model->index(0, HistoryTableModel::SessionIdColumn).data().toString(), u"b2"_s);
        QCOMPARE(model->index(0, HistoryTableModel::CostColumn).data().toString(), money(36));
        QCOMPARE(model->index(0, HistoryTableModel::BilledColumn).data().toString(), u"3 h"_s);
        // Gamma's session had no price: no amount at all, last when sorted by cost.
        QCOMPARE(model->index(5, HistoryTableModel::SessionIdColumn).data().toString(), u"g1"_s);
        QCOMPARE(model->index(5, HistoryTableModel::CostColumn).data().toString(), QString());
        table->sortByColumn(HistoryTableModel::FirstSeenColumn, Qt::AscendingOrder);
        QCOMPARE(model->index(0, HistoryTableModel::SessionIdColumn).data().toString(), u"a3"_s);
        int a1 = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, HistoryTableModel::SessionIdColumn).data().toString() == u"a1"_s)
                a1 = row;
        }
        QVERIFY(a1 >= 0);
        QCOMPARE(model->index(a1, HistoryTableModel::ExtendsColumn).data().toInt(), 1);
        QCOMPARE(model->index(a1, HistoryTableModel::OriginColumn).data().toString(), u"created here, stopped here"_s);
        QCOMPARE(model->index(a1, HistoryTableModel::StatusColumn).data().toString(), u"Stopped"_s);
        QCOMPARE(model->index(a1, HistoryTableModel::FirstSeenColumn).data().toString(), u"18/03/2026 09:00"_s);
        QCOMPARE(model->index(a1, HistoryTableModel::ReadyAtColumn).data().toString(), u"18/03/2026 09:02"_s);
        QCOMPARE(model->index(a1, HistoryTableModel::EndedAtColumn).data().toString(), u"18/03/2026 11:02"_s);
    }

    // A session already ready when first seen: its ready time derived from the service's elapsed
    // time, and marked so; one seen becoming ready reads plainly.
    void readyWhenFirstSeenReadsAsDerived()
    {
        const QDateTime firstSeen = at(Today, 12);
        {
            HistoryStore store(historyFile());
            QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
            Recorded r = recorded(u"alpha"_s, u"old"_s, u"standard"_s, firstSeen, 0, SessionStatus::Ready, 3.0);
            HistoryBatch batch;
            batch.observations.append(
                {r.account, session(r, SessionStatus::Ready, 26 * 3600), firstSeen, u"cv-poll"_s, r.price, {}});
            QVERIFY(store.record(batch));
        }
        HistoryWindow *window = openHistory();
        QVERIFY(window);
        window->setRange(HistoryWindow::Range::Today);
        QAbstractItemModel *model = part<QTableView>(window, u"historyTable"_s)->model();
        const auto rowOf = [model](const QString &id) {
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->index(row, HistoryTableModel::SessionIdColumn).data().toString() == id)
                    return row;
            }
            return -1;
        };
        QTRY_VERIFY(rowOf(u"old"_s) >= 0);
        const QModelIndex derived = model->index(rowOf(u"old"_s), HistoryTableModel::ReadyAtColumn);
        QCOMPARE(derived.data().toString(), u"\u2248 "_s + HistoryTableModel::timeText(firstSeen.addSecs(-26 * 3600)));
        QVERIFY(derived.data(Qt::ToolTipRole).toString().contains(u"elapsed time"_s));
        QVERIFY(rowOf(u"a1"_s) >= 0);
        const QModelIndex seen = model->index(rowOf(u"a1"_s), HistoryTableModel::ReadyAtColumn);
        QCOMPARE(seen.data().toString(), HistoryTableModel::timeText(at(Today, 9).addSecs(120)));
    }

    void chartStacksCostPerDayByAccount()
    {
        HistoryWindow *window = openHistory();
        QVERIFY(window);
        QVERIFY(afterRead(window, [window] { window->setRange(HistoryWindow::Range::ThisWeek); }));
        auto *chart = part<HistoryChart>(window, u"historyChart"_s);
        QCOMPARE(valueTitle(window), u"EUR"_s);
        QCOMPARE(days(window).size(), 7); // Monday 16 to Sunday 22, empty days included
        // One month: day numbers, the month in the axis title.
        QCOMPARE(days(window).first(), u"16"_s);
        QCOMPARE(days(window).last(), u"22"_s);
        const QMap<QString, QList<qreal>> cost = bars(window);
        QCOMPARE(cost.keys(), QStringList({u"alpha"_s, u"beta"_s, u"gamma"_s}));
        QCOMPARE(cost[u"alpha"_s], QList<qreal>({0, 12, 6, 0, 0, 0, 0}));
        QCOMPARE(cost[u"beta"_s], QList<qreal>({36, 0, 1.5, 0, 0, 0, 0}));
        // Without a price gamma adds no amount (and the title says so).
        QCOMPARE(cost[u"gamma"_s], QList<qreal>({0, 0, 0, 0, 0, 0, 0}));
        QVERIFY(chart->chart()->title().contains(u"without a price"_s));

        // Only gamma, which has no prices: billed hours.
        QVERIFY(choose(part<QComboBox>(window, u"historyAccount"_s), u"gamma"_s));
        QCOMPARE(valueTitle(window), u"Hours"_s);
        QCOMPARE(bars(window), (QMap<QString, QList<qreal>>{{u"gamma"_s, {0, 0, 1.5, 0, 0, 0, 0}}}));

        // The month: 31 days, the filters apply to the chart too.
        QVERIFY(choose(part<QComboBox>(window, u"historyAccount"_s), u"alpha"_s));
        QVERIFY(afterRead(window, [window] { window->setRange(HistoryWindow::Range::ThisMonth); }));
        QCOMPARE(days(window).size(), 31);
        QList<qreal> alpha(31, 0.0);
        alpha[1] = 12; // 2 March
        alpha[16] = 12; // 17 March
        alpha[17] = 6; // 18 March
        QCOMPARE(bars(window), (QMap<QString, QList<qreal>>{{u"alpha"_s, alpha}}));
    }

    // Recorded under the account's identity and an old name: shown under the saved account's name
    // now, and its events found by the identity.
    void sessionsShowTheirAccountsNameNowAndTheirEvents()
    {
        Account renamed;
        renamed.name = u"Renamed"_s;
        renamed.accountId = u"0a0b0c0d-0000-4000-8000-000000000001"_s;
        renamed.endpoint = QUrl(u"https://remoterendering.westeurope.mixedreality.azure.com"_s);
        renamed.tokenEndpoint = QUrl(u"https://sts.mixedreality.azure.com"_s);
        renamed.enabled = false;
        Recorded r = recorded(u"Old name"_s, u"r1"_s, u"standard"_s, at(Today, 9), 60, SessionStatus::Stopped, 3.0);
        r.createdHere = true;
        r.accountKey = renamed.identity();
        HistoryWindow *window = openHistory({r}, {renamed});
        QVERIFY(window);
        auto *table = part<QTableView>(window, u"historyTable"_s);
        QAbstractItemModel *model = table->model();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, HistoryTableModel::AccountColumn).data().toString(), u"Renamed"_s);
        const QModelIndex cell = model->index(0, HistoryTableModel::SessionIdColumn);
        const QPoint where = table->visualRect(cell).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, where);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, where);
        auto *events = part<QTreeWidget>(window, u"historyEvents"_s);
        QVERIFY(QTest::qWaitFor([events] { return events->isVisible(); }));
        QCOMPARE(events->topLevelItemCount(), 3);
    }

    void doubleClickShowsTheSessionsEvents()
    {
        HistoryWindow *window = openHistory();
        QVERIFY(window);
        auto *table = part<QTableView>(window, u"historyTable"_s);
        auto *events = part<QTreeWidget>(window, u"historyEvents"_s);
        QVERIFY(!events->isVisible());
        QAbstractItemModel *model = table->model();
        QModelIndex a1;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, HistoryTableModel::SessionIdColumn).data().toString() == u"a1"_s)
                a1 = model->index(row, HistoryTableModel::SessionIdColumn);
        }
        QVERIFY(a1.isValid());
        table->scrollTo(a1);
        const QPoint where = table->visualRect(a1).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, where);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, where);
        QVERIFY(QTest::qWaitFor([events] { return events->isVisible(); }));
        QVERIFY(part<QLabel>(window, u"historyEventsTitle"_s)->text().contains(u"a1"_s));
        QStringList kinds;
        QStringList msCvs;
        for (int i = 0; i < events->topLevelItemCount(); ++i) {
            kinds << events->topLevelItem(i)->data(1, Qt::UserRole).toString();
            msCvs << events->topLevelItem(i)->text(3);
        }
        QCOMPARE(kinds, QStringList({u"created"_s, u"ready"_s, u"extended"_s, u"stopped"_s}));
        QCOMPARE(msCvs.first(), u"cv-a1-create"_s);
        QCOMPARE(msCvs[2], u"cv-a1-extend"_s);
        QCOMPARE(events->topLevelItem(0)->text(0), u"18/03/2026 09:00"_s);
        QCOMPARE(events->topLevelItem(2)->text(1), u"Extended"_s);
    }

    // Who created each session: a column hidden by default, as in the sessions table, that says "unknown"
    // where none of our programs did. And the range's alerts beside the sessions: an account's budget
    // alert (in no session's events) with who gave it, filtered by the account chosen.
    void createdByColumnAndAlertsTab()
    {
        const HistoryActor alice{u"alice"_s, u"laptop-7"_s, u"ARR Session Manager"_s, u"0.1.0"_s};
        const HistoryActor watcher{u"ops"_s, u"server-1"_s, u"arrsm watch"_s, u"0.1.0"_s};
        QList<Recorded> recorded = sessions();
        recorded[0].creator = alice;
        {
            HistoryStore store(historyFile());
            QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
            HistoryBatch alerts;
            alerts.alerts.append({u"beta"_s, {}, at(Today, 11, 30), u"budget-warning"_s,
                u"beta has spent €80.00 today, 80 % of its daily budget of €100.00."_s, watcher, {}});
            alerts.alerts.append({u"alpha"_s, u"a1"_s, at(Today, 10, 15), u"long-running"_s,
                u"Session a1 (alpha) has been ready for 1:15:00."_s, alice, {}});
            // Last month: not in this month's range.
            alerts.alerts.append({u"beta"_s, {}, at(QDate(2026, 2, 20), 12), u"budget-reached"_s,
                u"beta has spent its whole daily budget."_s, watcher, {}});
            QVERIFY(store.record(alerts));
        }
        HistoryWindow *window = openHistory(recorded);
        QVERIFY(window);
        auto *table = part<QTableView>(window, u"historyTable"_s);
        QVERIFY(table->horizontalHeader()->isSectionHidden(HistoryTableModel::CreatedByColumn));
        QCOMPARE(table->horizontalHeader()->contextMenuPolicy(), Qt::CustomContextMenu);
        table->horizontalHeader()->setSectionHidden(HistoryTableModel::CreatedByColumn, false);
        QAbstractItemModel *model = table->model();
        QCOMPARE(model->headerData(HistoryTableModel::CreatedByColumn, Qt::Horizontal).toString(), u"Created by"_s);
        QMap<QString, QString> createdBy;
        for (int row = 0; row < model->rowCount(); ++row)
            createdBy.insert(model->index(row, HistoryTableModel::SessionIdColumn).data().toString(),
                model->index(row, HistoryTableModel::CreatedByColumn).data().toString());
        QCOMPARE(createdBy.value(u"a1"_s), u"alice on laptop-7 (ARR Session Manager 0.1.0)"_s);
        // b1 was only seen; a1's create is known; the rest were seen or created before the history kept who.
        QCOMPARE(createdBy.value(u"b1"_s), u"unknown"_s);
        QCOMPARE(createdBy.value(u"g1"_s), u"unknown"_s);

        auto *tabs = part<QTabWidget>(window, u"historyTabs"_s);
        auto *alerts = part<HistoryAlertsList>(window, u"historyAlerts"_s);
        QVERIFY(tabs && alerts);
        QCOMPARE(tabs->tabText(tabs->indexOf(alerts)), u"Alerts (2)"_s);
        QCOMPARE(alerts->topLevelItemCount(), 2);
        // Newest first: beta's budget, then a1's long run.
        const QTreeWidgetItem *budget = alerts->topLevelItem(0);
        QCOMPARE(budget->text(HistoryAlertsList::KindColumn), u"Budget almost spent"_s);
        QCOMPARE(budget->text(HistoryAlertsList::AccountColumn), u"beta"_s);
        QCOMPARE(budget->text(HistoryAlertsList::SessionColumn), u"(the account)"_s);
        QCOMPARE(budget->text(HistoryAlertsList::GivenByColumn), u"ops on server-1 (arrsm watch 0.1.0)"_s);
        QCOMPARE(budget->text(HistoryAlertsList::TimeColumn), HistoryTableModel::timeText(at(Today, 11, 30)));
        QVERIFY(budget->text(HistoryAlertsList::MessageColumn).contains(u"80 %"_s));
        QCOMPARE(alerts->topLevelItem(1)->text(HistoryAlertsList::SessionColumn), u"a1"_s);
        tabs->setCurrentWidget(alerts);
        QVERIFY(alerts->isVisible());

        QVERIFY(choose(part<QComboBox>(window, u"historyAccount"_s), u"alpha"_s));
        QCOMPARE(alerts->topLevelItemCount(), 1);
        QCOMPARE(tabs->tabText(tabs->indexOf(alerts)), u"Alerts (1)"_s);
        // February holds beta's budget reached.
        QVERIFY(choose(part<QComboBox>(window, u"historyAccount"_s), QString()));
        QVERIFY(afterRead(window, [window] { window->setCustomRange(QDate(2026, 2, 1), QDate(2026, 2, 28)); }));
        QCOMPARE(alerts->topLevelItemCount(), 1);
        QCOMPARE(alerts->topLevelItem(0)->text(HistoryAlertsList::KindColumn), u"Budget spent"_s);
    }

    void exportsTheSelectionAsCsvAndJson()
    {
        HistoryWindow *window = openHistory();
        QVERIFY(window);
        QVERIFY(choose(part<QComboBox>(window, u"historyAccount"_s), u"beta"_s));
        QCOMPARE(window->selection().size(), 2);

        const QString csvPath = exportThroughDialog(window, u"historyExportCsv"_s, u"beta.csv"_s);
        QVERIFY(!csvPath.isEmpty());
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv.readAll()));
        QCOMPARE(rows.size(), 3);
        const QStringList header = rows[0];
        const int id = int(header.indexOf(u"sessionId"_s));
        const int cost = int(header.indexOf(u"cost"_s));
        const int message = int(header.indexOf(u"lastMessage"_s));
        const int account = int(header.indexOf(u"account"_s));
        QVERIFY(id >= 0 && cost >= 0 && message >= 0 && account >= 0);
        QMap<QString, QStringList> byId;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            QCOMPARE(rows[i].size(), header.size());
            byId.insert(rows[i][id], rows[i]);
        }
        QCOMPARE(byId.keys(), QStringList({u"b1"_s, u"b2"_s}));
        QCOMPARE(byId[u"b1"_s][account], u"beta"_s);
        QCOMPARE(byId[u"b1"_s][cost].toDouble(), 1.5);
        QCOMPARE(byId[u"b1"_s][message], u"Conversion failed: out of memory"_s);
        QCOMPARE(byId[u"b2"_s][cost].toDouble(), 36.0);
        auto *bar = part<MessageBar>(window, u"historyMessage"_s);
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->kind(), MessageBar::Kind::Information);
        QVERIFY(bar->text().contains(QDir::toNativeSeparators(csvPath)));

        QVERIFY(gui::retype(part<QLineEdit>(window, u"historyText"_s), u"premium"_s));
        const QString jsonPath = exportThroughDialog(window, u"historyExportJson"_s, u"beta.json"_s);
        QVERIFY(!jsonPath.isEmpty());
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonArray array = QJsonDocument::fromJson(json.readAll()).array();
        QCOMPARE(array.size(), 1);
        const QJsonObject b2 = array[0].toObject();
        QCOMPARE(b2[u"sessionId"_s].toString(), u"b2"_s);
        QCOMPARE(b2[u"cost"_s].toDouble(), 36.0);
        QCOMPARE(b2[u"billedSeconds"_s].toDouble(), 3 * 3600.0);
        QCOMPARE(b2[u"size"_s].toString(), u"premium"_s);
    }

    void failedExportSaysWhy()
    {
        HistoryWindow *window = openHistory();
        QVERIFY(window);
        // A path under a plain file cannot be created (whoever runs the test, root included).
        QFile blocker(f->directory.filePath(u"not-a-folder"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QVERIFY(gui::click(part<QPushButton>(window, u"historyExportCsv"_s)));
        auto *dialog = window->findChild<QFileDialog *>(u"historyExportDialog"_s);
        QVERIFY(dialog);
        const QString path = f->directory.filePath(u"not-a-folder/history.csv"_s);
        Q_EMIT dialog->fileSelected(path);
        dialog->reject();
        auto *bar = part<MessageBar>(window, u"historyMessage"_s);
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->kind(), MessageBar::Kind::Error);
        QVERIFY2(bar->text().contains(QDir::toNativeSeparators(path)), qPrintable(bar->text()));
        QVERIFY(!QFile::exists(path));
    }

    // Saves the window as history-window.png when ARRSM_SCREENSHOT_DIR names a directory; checks what
    // it shows either way.
    void aBusyMonth()
    {
        HistoryWindow *window = openHistory(busyMonth());
        QVERIFY(window);
        window->resize(1280, 860);
        const QList<HistorySession> shown = window->selection();
        QVERIFY(shown.size() > 40);
        QCOMPARE(days(window).size(), 31);
        QCOMPARE(bars(window).keys(), QStringList({u"contoso-dev"_s, u"contoso-prod"_s, u"fabrikam"_s}));
        double charted = 0;
        for (const QList<qreal> &values : bars(window)) {
            for (qreal value : values)
                charted += value;
        }
        double recorded = 0;
        for (const HistorySession &s : shown)
            recorded += s.cost.value_or(0);
        QVERIFY(qAbs(charted - recorded) < 0.01);

        auto *table = part<QTableView>(window, u"historyTable"_s);
        const QModelIndex first = table->model()->index(2, HistoryTableModel::SessionIdColumn);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(first).center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(first).center());
        QVERIFY(QTest::qWaitFor([window] { return part<QTreeWidget>(window, u"historyEvents"_s)->isVisible(); }));

        const QString directory = qEnvironmentVariable("ARRSM_SCREENSHOT_DIR");
        if (!directory.isEmpty()) {
            QCoreApplication::processEvents(); // the chart lays its labels out when polished
            QVERIFY(window->grab().save(directory + u"/history-window.png"_s));
        }
    }

    void aRangeOfMoreThanMaxRowsIsCappedAndSaysSo()
    {
        {
            HistoryStore store(historyFile());
            QCOMPARE(store.open(), HistoryStore::OpenResult::Opened);
            HistoryBatch batch;
            for (int i = 0; i < HistoryWindow::MaxRows + 5; ++i) {
                Recorded r = recorded(u"bulk"_s, u"s%1"_s.arg(i, 5, 10, QChar(u'0')), u"standard"_s,
                    at(Today, 8).addSecs(i), 60, SessionStatus::Stopped, 3.0);
                batch.observations.append({r.account, session(r, SessionStatus::Stopped, 3600), r.start, {}, 3.0, {}});
            }
            QVERIFY(store.record(batch));
        }
        HistoryWindow *window = openHistory({});
        QVERIFY(window);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(afterRead(window, [window] { window->refresh(); }));
        qInfo("Reading and showing %d sessions took %lld ms", HistoryWindow::MaxRows, timer.elapsed());
        QCOMPARE(window->selection().size(), HistoryWindow::MaxRows);
        // The newest: the five first seen earliest are left out.
        QCOMPARE(window->selection().first().sessionId, u"s%1"_s.arg(HistoryWindow::MaxRows + 4));
        QVERIFY(part<QLabel>(window, u"historyCapNote"_s)->isVisible());
        QVERIFY(part<QLabel>(window, u"historyCapNote"_s)->text().contains(u"10,000"_s));
        QCOMPARE(sums(window), u"billed 10,000 h · cost %1"_s.arg(money(30000)));

        // A range with fewer sessions has no note.
        QVERIFY(afterRead(window, [window] {
            window->setRange(HistoryWindow::Range::Custom);
            window->setCustomRange(Today.addDays(-3), Today.addDays(-1));
        }));
        QVERIFY(window->selection().isEmpty());
        QVERIFY(!part<QLabel>(window, u"historyCapNote"_s)->isVisible());
    }

    // A team database whose server takes the connection and never answers: the window goes on
    // turning its event loop, says it is reading, and closes at once.
    void aTeamDatabaseThatDoesNotAnswerFreezesNothing()
    {
        if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s))
            QSKIP("Qt's PostgreSQL driver (libqt6sql6-psql) is not installed.");
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        const HistoryLocation team = HistoryLocation::fromUrl(
            u"postgresql://ops@127.0.0.1:%1/history?connect_timeout=30"_s.arg(silent.serverPort()));
        QVERIFY2(team.isTeam(), qPrintable(team.error()));
        auto *window = new HistoryWindow(team, nullptr);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        window->refresh();
        QElapsedTimer sinceLastTurn;
        qint64 longestGap = 0;
        QTimer turns;
        turns.setInterval(10);
        connect(&turns, &QTimer::timeout, this, [&] { longestGap = std::max(longestGap, sinceLastTurn.restart()); });
        sinceLastTurn.start();
        turns.start();
        QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections() || silent.findChild<QTcpSocket *>(), 5'000);
        QTRY_COMPARE(part<QLabel>(window, u"historyTotals"_s)->text(), u"Reading the team history…"_s);
        QTest::qWait(500);
        turns.stop();
        QVERIFY2(longestGap < 250, qPrintable(u"the event loop stood still for %1 ms"_s.arg(longestGap)));
        QElapsedTimer closing;
        closing.start();
        delete window;
        QVERIFY2(closing.elapsed() < 250, qPrintable(u"closing took %1 ms"_s.arg(closing.elapsed())));
        // The read still waiting in its thread fails as soon as the server goes.
        silent.close();
        while (QTcpSocket *connection = silent.nextPendingConnection())
            delete connection;
    }

    // Choosing a team database in Preferences moves the open History window to it at OK: a new window
    // reads there (a server that refuses the connection: it says the team history cannot be read).
    void theWindowFollowsTheHistoryChosenInPreferences()
    {
        if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s))
            QSKIP("Qt's PostgreSQL driver (libqt6sql6-psql) is not installed.");
        QPointer<HistoryWindow> before = openHistory();
        QVERIFY(before);
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();

        PreferencesDialog *dialog = f->commands()->showPreferences();
        QVERIFY(dialog);
        QVERIFY(gui::click(dialog->findChild<QRadioButton *>(u"teamHistoryRadio"_s)));
        QVERIFY(gui::retype(dialog->findChild<QLineEdit *>(u"teamHostEdit"_s), u"127.0.0.1"_s));
        dialog->findChild<QSpinBox *>(u"teamPortSpin"_s)->setValue(port);
        QVERIFY(gui::retype(dialog->findChild<QLineEdit *>(u"teamDatabaseEdit"_s), u"history"_s));
        QVERIFY(gui::retype(dialog->findChild<QLineEdit *>(u"teamUserEdit"_s), u"ops"_s));
        QVERIFY(gui::click(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)));

        QVERIFY(f->workspace->historyLocation().isTeam());
        QTRY_VERIFY(!before);
        auto *window = f->window->findChild<HistoryWindow *>(u"historyWindow"_s);
        QVERIFY(window);
        QVERIFY(window->isVisible());
        auto *problem = part<MessageBar>(window, u"historyProblem"_s);
        QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible() && problem->kind() == MessageBar::Kind::Error, 15'000);
        QVERIFY2(problem->text().contains(u"127.0.0.1"_s), qPrintable(problem->text()));
    }

    void demoModeDisablesTheAction()
    {
        GuiFixture::Options options;
        options.demo = true;
        QVERIFY(f->open(options));
        QAction *action = f->action(u"historyAction"_s);
        QVERIFY(action);
        QVERIFY(!action->isEnabled());
        QVERIFY(action->toolTip().contains(u"demo"_s));
        action->trigger();
        QVERIFY(!f->window->findChild<HistoryWindow *>());
    }

    void unreadableHistorySaysSo()
    {
        // A folder where the database should be: neither the recorder nor the window can open it.
        QVERIFY(QDir().mkpath(historyFile()));
        GuiFixture::Options options;
        options.emulator = false;
        QVERIFY(f->open(options));
        f->action(u"historyAction"_s)->trigger();
        auto *window = f->window->findChild<HistoryWindow *>(u"historyWindow"_s);
        QVERIFY(window);
        auto *problem = part<MessageBar>(window, u"historyProblem"_s);
        // Until the window's own attempt to open it has answered, the recorder's warning may show.
        QTRY_COMPARE(problem->kind(), MessageBar::Kind::Error);
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(u"cannot be read"_s), qPrintable(problem->text()));
        QVERIFY(!part<QPushButton>(window, u"historyExportCsv"_s)->isEnabled());
        QVERIFY(window->selection().isEmpty());
    }

    // A read that fails is said, and nothing of it shown or exported: a part would read as a shorter
    // history.
    void readErrorShowsNothingButWhy()
    {
        HistoryWindow *window = openHistory();
        QVERIFY(window);
        // This month, the default.
        QVERIFY(!window->selection().isEmpty());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other program"_s);
            db.setDatabaseName(historyFile());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"ALTER TABLE sessions RENAME TO taken_away"_s));
        }
        QSqlDatabase::removeDatabase(u"other program"_s);
        window->setRange(HistoryWindow::Range::ThisWeek);
        auto *problem = part<MessageBar>(window, u"historyProblem"_s);
        QTRY_VERIFY(problem->isVisible());
        QCOMPARE(problem->kind(), MessageBar::Kind::Error);
        QVERIFY2(problem->text().contains(u"could not be read"_s), qPrintable(problem->text()));
        QVERIFY(window->selection().isEmpty());
        QVERIFY(!part<QPushButton>(window, u"historyExportCsv"_s)->isEnabled());
    }
};

QTEST_MAIN(TestHistoryWindow)
#include "tst_historywindow.moc"
