// Fits in German: no button, label, group title or column title of the main window, its dialogs
// and the History window is clipped when the texts run longer than English. Run in English, with a
// pseudo translation 40 % longer than English (longer than German, which runs about a third longer)
// and with the app's German; CTest runs the suite at 100 % and at 200 % (QT_SCALE_FACTOR=2), on a screen of
// 1600 × 1000 device-independent pixels. With
// ARRSM_SCREENSHOT_DIR set, each window is also saved there as <window>-<language>-<scale>x.png.
#include "GuiFixture.h"
#include "LayoutFit.h"
#include "PseudoTranslator.h"

#include "storage/AccountStore.h"
#include "storage/HistoryStore.h"
#include "storage/Settings.h"
#include "ui/AboutDialog.h"
#include "ui/AccountEditDialog.h"
#include "ui/AccountsDialog.h"
#include "ui/CreateSessionDialog.h"
#include "ui/ErrorDialog.h"
#include "ui/ExtendSessionDialog.h"
#include "ui/HistoryWindow.h"
#include "ui/KeepAliveDialog.h"
#include "ui/PreferencesDialog.h"
#include "ui/Translations.h"

#include <QDialog>
#include <QDir>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

const QDate Today(2026, 3, 18);

// Removes every translator the test installed (they are the application's children).
void removeTranslations()
{
    const QList<QTranslator *> translators = qApp->findChildren<QTranslator *>();
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

arr::Session historySession(const QString &id, arr::SessionStatus status, qint64 elapsedSeconds, const QString &message)
{
    arr::Session s;
    s.id = id;
    s.status = status;
    s.statusText = arr::sessionStatusWireName(status);
    s.size = u"standard"_s;
    s.elapsed = arr::TimeSpan::fromSeconds(elapsedSeconds);
    s.maxLease = arr::TimeSpan::fromHours(8);
    s.message = message;
    return s;
}

// A session seen starting, then ready, then in `final` after `billedMinutes`.
bool recordSession(arr::HistoryStore &store, const QString &account, const QString &id, const QDateTime &start,
    int billedMinutes, arr::SessionStatus final, const QString &message = {})
{
    const QDateTime ready = start.addSecs(120);
    for (const arr::HistoryObservation &observation : {
             arr::HistoryObservation{
                 account, historySession(id, arr::SessionStatus::Starting, 0, {}), start, u"cv-poll"_s, 3.0, {}},
             arr::HistoryObservation{
                 account, historySession(id, arr::SessionStatus::Ready, 0, {}), ready, u"cv-poll"_s, 3.0, {}},
             arr::HistoryObservation{account, historySession(id, final, qint64(billedMinutes) * 60, message),
                 ready.addSecs(qint64(billedMinutes) * 60), u"cv-last"_s, 3.0, {}},
         }) {
        arr::HistoryBatch batch;
        batch.observations.append(observation);
        if (!store.record(batch))
            return false;
    }
    return true;
}

} // namespace

class TestLayoutFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void pseudoTranslationKeepsWhatTheAppNeeds();
    void mainWindow_data() { languages(); }
    void mainWindow();
    void dialogs_data();
    void dialogs();
    void historyWindow_data() { languages(); }
    void historyWindow();

private:
    static void languages();
    // False when the app has no translation for `language` (yet).
    [[nodiscard]] bool useLanguage(const QString &language);
    // Checks the shown, laid-out window (and saves its picture when asked to).
    // Dialogs also show every cell of their tables whole.
    enum class Cells { MayBeElided, Whole };
    void checkFits(QWidget *top, const QString &name, Cells cells = Cells::MayBeElided);

    std::unique_ptr<GuiFixture> f;
    QString m_language;
};

void TestLayoutFit::init()
{
    f = std::make_unique<GuiFixture>();
    f->clock.setWallTime(QDateTime(Today, QTime(15, 0)));
}

void TestLayoutFit::cleanup()
{
    f.reset();
    removeTranslations();
}

void TestLayoutFit::pseudoTranslationKeepsWhatTheAppNeeds()
{
    const PseudoTranslator pseudo(0.4);
    const QString source = u"&Stop %1 of %n session(s) at %L2 <b>now</b> &amp; 80 %"_s;
    const QString longer = pseudo.lengthen(source);
    QVERIFY2(longer.size() >= source.size() * 1.2, qPrintable(longer));
    for (const QString &kept : {u"&Stop"_s, u"%1"_s, u"%n"_s, u"%L2"_s, u"<b>"_s, u"</b>"_s, u"&amp;"_s, u"80 %"_s})
        QVERIFY2(longer.contains(kept), qPrintable(kept + u" in "_s + longer));
    // Every word longer: "now" does not stay "now".
    QVERIFY2(!longer.contains(u">now<"_s), qPrintable(longer));
}

void TestLayoutFit::languages()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    QTest::newRow("pseudo") << u"pseudo"_s;
    QTest::newRow("de") << u"de"_s;
}

bool TestLayoutFit::useLanguage(const QString &language)
{
    removeTranslations();
    m_language = language;
    if (language == "pseudo"_L1) {
        QCoreApplication::installTranslator(new PseudoTranslator(0.4, qApp));
        return true;
    }
    // The translation names its language as its .ts file does ("de_DE").
    return QLocale(arr::installTranslations(QLocale(language))).language() == QLocale(language).language();
}

void TestLayoutFit::checkFits(QWidget *top, const QString &name, Cells cells)
{
    QVERIFY(QTest::qWaitForWindowExposed(top));
    // Layouts nest (a tool bar in a main window, a label in a group box): each pass lays out one more.
    for (int pass = 0; pass < 4; ++pass) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
    }
    const QString directory = qEnvironmentVariable("ARRSM_SCREENSHOT_DIR");
    if (!directory.isEmpty()) {
        QDir().mkpath(directory);
        const QString scale = QString::number(top->devicePixelRatioF());
        const QString file = QDir(directory).filePath(u"%1-%2-%3x.png"_s.arg(name, m_language, scale));
        QVERIFY2(top->grab().save(file), qPrintable(file));
    }
    QStringList clipped = gui::clippedTexts(top);
    if (cells == Cells::Whole)
        clipped += gui::elidedCells(top);
    for (const QString &line : clipped)
        qWarning().noquote() << name << line;
    QVERIFY2(
        clipped.isEmpty(), qPrintable(u"%1 text(s) of %2 do not fit (listed above)"_s.arg(clipped.size()).arg(name)));
}

void TestLayoutFit::mainWindow()
{
    QFETCH(QString, language);
    if (!useLanguage(language))
        QSKIP("The app has no translation for this language yet");
    GuiFixture::Options options;
    options.demo = true;
    QVERIFY(f->open(options));
    // The size a first start gives it on a 1600 × 1000 screen.
    f->window->resize(1110, 720);
    QTRY_VERIFY(f->model().rowCount() > 0);
    checkFits(f->window.get(), u"main-window"_s);
}

void TestLayoutFit::dialogs_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("dialog");
    for (const QString &language : {u"en"_s, u"pseudo"_s, u"de"_s}) {
        for (const QString &dialog : {u"create"_s, u"extend"_s, u"keep-alive"_s, u"accounts"_s, u"account"_s,
                 u"preferences"_s, u"about"_s, u"error"_s})
            QTest::addRow("%s %s", qPrintable(language), qPrintable(dialog)) << language << dialog;
    }
}

void TestLayoutFit::dialogs()
{
    QFETCH(QString, language);
    QFETCH(QString, dialog);
    if (!useLanguage(language))
        QSKIP("The app has no translation for this language yet");
    GuiFixture::Options options;
    options.demo = true;
    QVERIFY(f->open(options));
    QTRY_VERIFY(f->model().rowCount() > 0);
    arr::SessionCommands *commands = f->commands();

    // A session the extend and keep-alive dialogs can be opened for.
    const auto selectLiveSession = [this] {
        for (int row = 0; row < f->model().rowCount(); ++row) {
            const QModelIndex index = f->model().index(row, 0);
            const auto status = index.data(arr::SessionTableModel::StatusRole).value<arr::SessionStatus>();
            if (status == arr::SessionStatus::Ready || status == arr::SessionStatus::Starting)
                return f->page()->selectSession(index.data(arr::SessionTableModel::AccountRole).toString(),
                    index.data(arr::SessionTableModel::SessionIdRole).toString());
        }
        return false;
    };
    std::unique_ptr<QDialog> owned;
    QDialog *shown = nullptr;
    if (dialog == "create"_L1) {
        shown = commands->newSession();
    } else if (dialog == "extend"_L1) {
        QTRY_VERIFY(selectLiveSession());
        shown = commands->extendSelected();
    } else if (dialog == "keep-alive"_L1) {
        QTRY_VERIFY(selectLiveSession());
        shown = commands->keepAliveSelected();
    } else if (dialog == "accounts"_L1) {
        shown = commands->showAccounts();
    } else if (dialog == "account"_L1) {
        arr::AccountsDialog *accounts = commands->showAccounts();
        QVERIFY(accounts);
        accounts->findChild<QPushButton *>(u"addButton"_s)->click();
        QTRY_VERIFY((shown = accounts->findChild<arr::AccountEditDialog *>()) && shown->isVisible());
    } else if (dialog == "preferences"_L1) {
        shown = commands->showPreferences();
    } else if (dialog == "about"_L1) {
        commands->showAbout();
        QTRY_VERIFY((shown = f->window->findChild<arr::AboutDialog *>()) && shown->isVisible());
    } else if (dialog == "error"_L1) {
        arr::ApiResult result;
        result.kind = arr::ErrorKind::NotFound;
        result.httpStatus = 404;
        result.message = u"Session 6f0e4c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b was not found."_s;
        result.serviceCode = u"NotFound"_s;
        result.msCv = "Ab12Cd34Ef56.0";
        owned
            = std::make_unique<arr::ErrorDialog>(QCoreApplication::translate("arr::SessionCommands", "Could not stop"),
                u"Could not stop session 6f0e4c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b (Production)."_s, result);
        owned->show();
        shown = owned.get();
    }
    QVERIFY2(shown, qPrintable(dialog));
    checkFits(shown, dialog, Cells::Whole);
    // Every tab of a dialog that has them, each shown as a person would open it.
    if (auto *tabs = shown->findChild<QTabWidget *>()) {
        for (int tab = 1; tab < tabs->count(); ++tab) {
            tabs->setCurrentIndex(tab);
            if (auto *team = tabs->currentWidget()->findChild<QRadioButton *>(u"teamHistoryRadio"_s))
                team->setChecked(true);
            checkFits(shown, dialog + u'-' + tabs->currentWidget()->objectName(), Cells::Whole);
        }
    }
}

void TestLayoutFit::historyWindow()
{
    QFETCH(QString, language);
    if (!useLanguage(language))
        QSKIP("The app has no translation for this language yet");
    {
        arr::HistoryStore store(f->settingsFile() + u".history.sqlite"_s);
        QCOMPARE(store.open(), arr::HistoryStore::OpenResult::Opened);
        QVERIFY(recordSession(
            store, u"contoso-prod"_s, u"a1"_s, QDateTime(Today, QTime(9, 0)), 120, arr::SessionStatus::Stopped));
        QVERIFY(recordSession(store, u"contoso-dev"_s, u"b1"_s, QDateTime(Today.addDays(-1), QTime(11, 0)), 30,
            arr::SessionStatus::Error, u"Conversion failed: out of memory"_s));
        QVERIFY(recordSession(store, u"fabrikam"_s, u"c1"_s, QDateTime(Today.addDays(-6), QTime(8, 30)), 300,
            arr::SessionStatus::Expired));
        // An account's budget alert given by a watcher, for the alerts tab.
        arr::HistoryBatch alerts;
        alerts.alerts.append({u"contoso-prod"_s, {}, QDateTime(Today, QTime(10, 0)), u"budget-warning"_s,
            u"contoso-prod has spent 8.0 h today, 80 % of its daily budget of 10.0 h."_s,
            {u"ops"_s, u"server-1"_s, u"arrsm watch"_s, u"0.1.0"_s}, {}});
        QVERIFY(store.record(alerts));
    }
    GuiFixture::Options options;
    options.emulator = false;
    QVERIFY(f->open(options));
    arr::Pricing pricing;
    pricing.defaults.currency = u"EUR"_s;
    pricing.defaults.hourly = {{u"standard"_s, 3.0}};
    f->workspace->settings().setPricing(pricing, f->workspace->accountStore().accounts());
    QAction *action = f->action(u"historyAction"_s);
    QVERIFY(action && action->isEnabled());
    action->trigger();
    auto *window = f->window->findChild<arr::HistoryWindow *>(u"historyWindow"_s);
    QVERIFY(window);
    checkFits(window, u"history"_s);
    auto *tabs = window->findChild<QTabWidget *>(u"historyTabs"_s);
    QVERIFY(tabs);
    tabs->setCurrentWidget(window->findChild<QWidget *>(u"historyAlerts"_s));
    checkFits(window, u"history-alerts"_s);
}

QTEST_MAIN(TestLayoutFit)

#include "tst_layoutfit.moc"
