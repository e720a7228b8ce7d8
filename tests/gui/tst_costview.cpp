#include "GuiFixture.h"
#include "core/Cost.h"
#include "storage/AccountStore.h"
#include "storage/Settings.h"
#include "ui/PreferencesDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using arr::SessionStatus;
using arr::SessionTableModel;

namespace {

// Ready for 42 minutes of a 4 h lease, premium.
arr::emulator::SessionSeed readyPremium()
{
    arr::emulator::SessionSeed seed;
    seed.status = SessionStatus::Ready;
    seed.maxLease = arr::TimeSpan::fromHours(4);
    seed.age = arr::TimeSpan::fromMinutes(42);
    seed.size = u"premium"_s;
    return seed;
}

} // namespace

// The cost columns and the status bar's cost: billed hours without prices, money once the user
// enters prices in Preferences, and the demo's example prices labelled and never saved.
class TestCostView : public GuiTest
{
    Q_OBJECT

private Q_SLOTS:
    void pricesEnteredInPreferences()
    {
        QVERIFY(f->open());
        const QString id = f->addSession(readyPremium());
        QVERIFY(!id.isEmpty());
        const QString account = GuiFixture::emulatorAccount();
        const auto cell = [&](int column) { return f->model().index(f->model().rowOf(account, id), column); };
        auto *status = f->find<QLabel>(u"costStatus"_s);
        QVERIFY(status);

        // No price yet: billed time, never an amount.
        const QLocale locale;
        QCOMPARE(cell(SessionTableModel::CostSoFarColumn).data().toString(),
            arr::formatBilledHours(arr::TimeSpan::fromMinutes(42), locale));
        QCOMPARE(cell(SessionTableModel::CostAtLeaseEndColumn).data().toString(),
            arr::formatBilledHours(arr::TimeSpan::fromHours(4), locale));
        // Every ready session the monitor holds, the test's own among them.
        const auto readyCount = [this] {
            int ready = 0;
            for (int i = 0; i < f->sessions().count(); ++i)
                ready += f->sessions().at(i).session.status == arr::SessionStatus::Ready ? 1 : 0;
            return ready;
        };
        QTRY_VERIFY2(status->text().startsWith(u"%1 session"_s.arg(readyCount())), qPrintable(status->text()));
        QVERIFY(status->toolTip().contains(u"No prices are set"_s));

        arr::PreferencesDialog *dialog = f->commands()->showPreferences();
        QVERIFY(dialog);
        auto *table = dialog->findChild<QTableWidget *>(u"priceTable"_s);
        QVERIFY(table);
        int premiumRow = -1;
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->text() == u"premium"_s)
                premiumRow = row;
        }
        QVERIFY(premiumRow >= 0);
        // A price that is not a number is refused before OK.
        table->item(premiumRow, 1)->setText(u"ten"_s);
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        table->item(premiumRow, 1)->setText(locale.toString(10.0, 'f', 2));
        QVERIFY(gui::retype(dialog->findChild<QLineEdit *>(u"currencyEdit"_s), u"EUR"_s));
        QVERIFY(ok->isEnabled());
        QVERIFY(gui::click(ok));

        const arr::Pricing saved = f->workspace->savedPricing();
        QCOMPARE(saved.defaults.currency, u"EUR"_s);
        QCOMPARE(*saved.defaults.hourlyPrice(u"premium"_s), 10.0);
        QVERIFY(!saved.defaults.hourlyPrice(u"standard"_s));

        // 0.7 h × 10.00 so far, 4 h × 10.00 at lease end.
        QCOMPARE(cell(SessionTableModel::CostSoFarColumn).data(SessionTableModel::RawValueRole).toDouble(), 7.0);
        QCOMPARE(cell(SessionTableModel::CostSoFarColumn).data().toString(), arr::formatMoney(7.0, u"EUR"_s, locale));
        QCOMPARE(cell(SessionTableModel::CostAtLeaseEndColumn).data(SessionTableModel::RawValueRole).toDouble(), 40.0);
        // The burn rate: 10.00 an hour for every ready premium session the monitor holds.
        int readyPremium = 0;
        for (int i = 0; i < f->sessions().count(); ++i) {
            const arr::Session &session = f->sessions().at(i).session;
            readyPremium += session.status == arr::SessionStatus::Ready
                    && session.size.compare(u"premium"_s, Qt::CaseInsensitive) == 0
                ? 1
                : 0;
        }
        const QString rate = arr::formatMoney(10.0 * readyPremium, u"EUR"_s, locale);
        QTRY_VERIFY2(status->text().startsWith(u"Burn rate "_s + rate), qPrintable(status->text()));
        QVERIFY2(status->toolTip().contains(account + u": "_s + rate), qPrintable(status->toolTip()));
        const QString spentBefore = status->text().section(u"Today "_s, 1);
        QVERIFY2(!spentBefore.isEmpty(), qPrintable(status->text()));

        // The tick moves the amounts with the clock: six more minutes ready is 0.8 h.
        f->clock.advance(6 * 60'000);
        QTRY_COMPARE(
            cell(SessionTableModel::CostSoFarColumn).data().toString(), arr::formatMoney(8.0, u"EUR"_s, locale));
        // The local emulator's sessions are made up: billed by the minute in the table, never spent today.
        QCOMPARE(status->text().section(u"Today "_s, 1), spentBefore);
    }

    void demoShowsExamplePricesAndSavesNone()
    {
        GuiFixture::Options options;
        options.demo = true;
        QVERIFY(f->open(options));
        auto *status = f->find<QLabel>(u"costStatus"_s);
        QVERIFY(status);
        QVERIFY2(status->text().contains(u"example prices"_s), qPrintable(status->text()));
        QVERIFY(status->toolTip().contains(u"example prices"_s));
        QVERIFY(f->model().pricing().examples);

        arr::PreferencesDialog *dialog = f->commands()->showPreferences();
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QLineEdit *>(u"currencyEdit"_s)->isReadOnly());
        QVERIFY(gui::click(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)));
        QVERIFY(!f->workspace->settings().contains(arr::Settings::Key::HourlyPrices));
        QVERIFY(!f->workspace->savedPricing().hasAnyPrice());
    }
};

QTEST_MAIN(TestCostView)
#include "tst_costview.moc"
