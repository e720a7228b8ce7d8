// Accounts as the user manages them: the accounts dialog and the account editor over the account
// store, with keys in an in-memory secret store; an added account is polled, its key never reaches
// the settings file, and every kind of bad input is refused with a reason.
#include "GuiFixture.h"
#include "common/SecretReading.h"
#include "common/SessionsOf.h"
#include "common/TestEmulator.h"

#include "emulator/EmulatorServer.h"
#include "monitor/SessionMonitor.h"
#include "storage/AccountStore.h"
#include "ui/AccountEditDialog.h"
#include "ui/AccountStatusBar.h"
#include "ui/AccountsDialog.h"
#include "ui/MessageBar.h"
#include "ui/SessionTableModel.h"
#include "workspace/AccountManager.h"
#include "workspace/LocalEmulator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {

const QString AccountId = u"3f2504e0-4f89-41d3-9a0c-0305e82c3301"_s;
const QString AccountKey = u"c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3OA=="_s;

} // namespace

class TestAccounts : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<GuiFixture> f;
    std::unique_ptr<arr::emulator::EmulatorServer> service;

    arr::AccountsDialog *openAccounts()
    {
        if (!gui::click(gui::toolButton(f->window.get(), u"accountsAction"_s)))
            return nullptr;
        auto *dialog = f->window->findChild<arr::AccountsDialog *>();
        if (!dialog || !QTest::qWaitFor([dialog] { return dialog->isVisible(); }))
            return nullptr;
        return dialog;
    }
    arr::AccountEditDialog *openEditor(arr::AccountsDialog *accounts, const QString &button)
    {
        if (!gui::click(accounts->findChild<QPushButton *>(button)))
            return nullptr;
        const QList<arr::AccountEditDialog *> editors = accounts->findChildren<arr::AccountEditDialog *>();
        for (arr::AccountEditDialog *editor : editors) {
            if (QTest::qWaitFor([editor] { return editor->isVisible(); }))
                return editor;
        }
        return nullptr;
    }
    [[nodiscard]] static bool fill(arr::AccountEditDialog *editor, const QString &field, const QString &text)
    {
        return gui::retype(editor->findChild<QLineEdit *>(field), text);
    }
    static QPushButton *saveButton(arr::AccountEditDialog *editor)
    {
        return editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    }
    void chooseCustomEndpoint(arr::AccountEditDialog *editor, const QUrl &url)
    {
        auto *region = editor->findChild<QComboBox *>(u"regionCombo"_s);
        region->setCurrentIndex(region->count() - 1);
        QVERIFY(fill(editor, u"endpointEdit"_s, url.toString()));
        QVERIFY(fill(editor, u"tokenEndpointEdit"_s, url.toString()));
    }

private Q_SLOTS:
    void init();
    void cleanup();

    void addEditRemoveWithKeyOnlyInTheSecretStore();
    void editorRefusesBadInput_data();
    void editorRefusesBadInput();
    void regionFillsTheEndpoints();
    void keyStorageNoteIsShownWhole();
    void disablingAnAccountStopsWatchingIt();
    void emulatorSwitchAndReservedName();
    void missingKeyIsReported();
    void twoHundredAccountsKeepTheWindowResponsive();
    void apiVersionIsChosenAndSaved();
};

void TestAccounts::init()
{
    f = std::make_unique<GuiFixture>();
    service = startEmulator(&f->clock, AccountId, AccountKey);
    QVERIFY(service);
    arr::emulator::SessionSeed seed;
    seed.status = arr::SessionStatus::Ready;
    seed.age = arr::TimeSpan::fromMinutes(10);
    service->addSession(AccountId, seed);
}

void TestAccounts::cleanup()
{
    f.reset();
    service.reset();
}

void TestAccounts::addEditRemoveWithKeyOnlyInTheSecretStore()
{
    QVERIFY(f->open(GuiFixture::Options{false, false, nullptr}));
    arr::AccountsDialog *accounts = openAccounts();
    QVERIFY(accounts);

    // Add: a company's own host (here a second emulator) on plain http to loopback.
    arr::AccountEditDialog *editor = openEditor(accounts, u"addButton"_s);
    QVERIFY(editor);
    QVERIFY(!saveButton(editor)->isEnabled());
    QVERIFY(fill(editor, u"nameEdit"_s, u"Staging"_s));
    chooseCustomEndpoint(editor, service->baseUrl());
    QVERIFY(fill(editor, u"accountIdEdit"_s, AccountId));
    QVERIFY(editor->problem().contains(u"key"_s));
    QVERIFY(fill(editor, u"keyEdit"_s, AccountKey));
    QCOMPARE(editor->problem(), QString());
    QVERIFY(gui::click(saveButton(editor)));
    QTRY_VERIFY(!editor->isVisible());

    const std::optional<arr::Account> saved = f->workspace->accountStore().find(u"Staging"_s);
    QVERIFY(saved);
    QCOMPARE(saved->accountId, AccountId);
    QCOMPARE(saved->endpoint, service->baseUrl());
    QCOMPARE(accounts->findChild<QTreeWidget *>()->topLevelItemCount(), 1);
    // The key is in the secret store, and nowhere in the settings file.
    QTRY_COMPARE(readSecretAndWait(f->workspace->secrets(), arr::accountSecretName(AccountId)).value, AccountKey);
    const QByteArray file = f->settingsFileContents();
    QVERIFY(file.contains("Staging"));
    QVERIFY(!file.contains(AccountKey.toUtf8()));
    QVERIFY(!file.contains("c2VjcmV0"));
    // And the account is watched: its session shows up in the main table.
    QTRY_COMPARE(sessionsOf(f->sessions(), u"Staging"_s).size(), 1);
    QTRY_VERIFY(gui::accountHealthText(f->window.get(), u"Staging"_s).contains(u"healthy"_s));

    // Edit: rename, keeping the stored key (the field is left empty).
    accounts->selectAccount(u"Staging"_s);
    editor = openEditor(accounts, u"editButton"_s);
    QVERIFY(editor);
    QCOMPARE(editor->findChild<QLineEdit *>(u"nameEdit"_s)->text(), u"Staging"_s);
    QVERIFY(editor->findChild<QLineEdit *>(u"keyEdit"_s)->text().isEmpty());
    QCOMPARE(editor->problem(), QString());
    QVERIFY(fill(editor, u"nameEdit"_s, u"Staging EU"_s));
    QVERIFY(gui::click(saveButton(editor)));
    QTRY_VERIFY(!editor->isVisible());
    QVERIFY(!f->workspace->accountStore().find(u"Staging"_s));
    QVERIFY(f->workspace->accountStore().find(u"Staging EU"_s));
    QTRY_COMPARE(f->workspace->monitor().accountNames(), QStringList{u"Staging EU"_s});
    QTRY_COMPARE(sessionsOf(f->sessions(), u"Staging EU"_s).size(), 1);
    QVERIFY(!f->settingsFileContents().contains(AccountKey.toUtf8()));

    // Remove: asked first; cancelled keeps it.
    accounts->selectAccount(u"Staging EU"_s);
    f->prompter.answers = {false};
    QVERIFY(gui::click(accounts->findChild<QPushButton *>(u"removeButton"_s)));
    QCOMPARE(f->prompter.questions.size(), 1);
    QVERIFY(f->prompter.questions.constLast().contains(u"Staging EU"_s));
    QVERIFY(f->workspace->accountStore().find(u"Staging EU"_s));
    f->prompter.answers = {true};
    QVERIFY(gui::click(accounts->findChild<QPushButton *>(u"removeButton"_s)));
    QVERIFY(!f->workspace->accountStore().find(u"Staging EU"_s));
    QCOMPARE(accounts->findChild<QTreeWidget *>()->topLevelItemCount(), 0);
    QTRY_VERIFY(readSecretAndWait(f->workspace->secrets(), arr::accountSecretName(AccountId)).notFound);
    QTRY_VERIFY(f->workspace->monitor().accountNames().isEmpty());
    QCOMPARE(f->model().rowCount(), 0);
}

void TestAccounts::editorRefusesBadInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("accountId");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("problem");
    const QString id = AccountId;
    const QString https = u"https://arr.example.com"_s;
    QTest::newRow("no name") << u""_s << https << id << u"k"_s << u"Give the account a name"_s;
    QTest::newRow("empty id") << u"A"_s << https << u""_s << u"k"_s << u"account id is empty"_s;
    QTest::newRow("malformed id") << u"A"_s << https << u"not-a-guid"_s << u"k"_s << u"not a GUID"_s;
    QTest::newRow("http to a remote host") << u"A"_s << u"http://arr.example.com"_s << id << u"k"_s << u"plain http"_s;
    QTest::newRow("not a url") << u"A"_s << u"arr example"_s << id << u"k"_s << u"Service endpoint"_s;
    QTest::newRow("no key") << u"A"_s << https << id << u""_s << u"Enter the account key"_s;
    QTest::newRow("key with spaces") << u"A"_s << https << id << u"ab cd"_s << u"contains spaces"_s;
    QTest::newRow("http to loopback") << u"A"_s << u"http://127.0.0.1:8080"_s << id << u"k"_s << QString();
    QTest::newRow("good") << u"A"_s << https << id << u"k"_s << QString();
}

void TestAccounts::editorRefusesBadInput()
{
    QFETCH(QString, name);
    QFETCH(QString, endpoint);
    QFETCH(QString, accountId);
    QFETCH(QString, key);
    QFETCH(QString, problem);
    QVERIFY(f->open(GuiFixture::Options{false, false, nullptr}));
    arr::AccountEditDialog editor(&f->workspace->accounts(), {});
    editor.show();
    QVERIFY(fill(&editor, u"nameEdit"_s, name));
    chooseCustomEndpoint(&editor, QUrl(endpoint));
    QVERIFY(fill(&editor, u"endpointEdit"_s, endpoint));
    QVERIFY(fill(&editor, u"accountIdEdit"_s, accountId));
    QVERIFY(fill(&editor, u"keyEdit"_s, key));
    QVERIFY2(editor.problem().contains(problem), qPrintable(editor.problem()));
    QCOMPARE(editor.findChild<QLabel *>(u"problemLabel"_s)->text(), editor.problem());
    QCOMPARE(saveButton(&editor)->isEnabled(), problem.isEmpty());
    if (!problem.isEmpty()) {
        // Enter does not save a refused account, and what was typed stays.
        QTest::keyClick(&editor, Qt::Key_Return);
        QVERIFY(editor.isVisible());
        QCOMPARE(editor.findChild<QLineEdit *>(u"accountIdEdit"_s)->text(), accountId);
        QVERIFY(f->workspace->accountStore().accounts().isEmpty());
    }
}

void TestAccounts::regionFillsTheEndpoints()
{
    QVERIFY(f->open(GuiFixture::Options{false, false, nullptr}));
    arr::AccountEditDialog editor(&f->workspace->accounts(), {});
    auto *region = editor.findChild<QComboBox *>(u"regionCombo"_s);
    region->setCurrentIndex(region->findData(u"eastus2"_s));
    QCOMPARE(editor.account().endpoint, arr::regionEndpoint(u"eastus2"_s));
    QCOMPARE(editor.account().tokenEndpoint, arr::regionTokenEndpoint(u"eastus2"_s));
    QVERIFY(editor.findChild<QLineEdit *>(u"endpointEdit"_s)->isReadOnly());
    // A token service typed by hand survives a change of region.
    QVERIFY(fill(&editor, u"tokenEndpointEdit"_s, u"https://sts.mixedreality.azure.com"_s));
    region->setCurrentIndex(region->findData(u"japaneast"_s));
    QCOMPARE(editor.account().endpoint, arr::regionEndpoint(u"japaneast"_s));
    QCOMPARE(editor.account().tokenEndpoint, QUrl(u"https://sts.mixedreality.azure.com"_s));
}

void TestAccounts::keyStorageNoteIsShownWhole()
{
    // Keys in memory: the long note that says so.
    QVERIFY(f->open(GuiFixture::Options{false, false, nullptr}));
    arr::AccountEditDialog editor(&f->workspace->accounts(), {});
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *note = editor.findChild<QLabel *>(u"keyStorageLabel"_s);
    QVERIFY(note);
    QVERIFY2(note->text().startsWith(u"No system keychain"_s), qPrintable(note->text()));
    // More than the two lines that used to show, as tall as its text needs at its width.
    const int needed = note->heightForWidth(note->width());
    QVERIFY2(needed > 2 * note->fontMetrics().lineSpacing(), qPrintable(QString::number(needed)));
    QVERIFY2(note->height() >= needed, qPrintable(u"%1 < %2"_s.arg(note->height()).arg(needed)));
    // Also once a problem is shown below the form.
    QVERIFY(fill(&editor, u"nameEdit"_s, u"A"_s));
    QTRY_VERIFY(editor.findChild<QLabel *>(u"problemLabel"_s)->isVisible());
    QTRY_VERIFY(note->height() >= note->heightForWidth(note->width()));
}

void TestAccounts::disablingAnAccountStopsWatchingIt()
{
    QVERIFY(f->open(GuiFixture::Options{false, false, nullptr}));
    const arr::Account account = accountOn(u"Staging"_s, AccountId, *service);
    QCOMPARE(f->workspace->accounts().saveAccount(account, {}, AccountKey), QString());
    QTRY_COMPARE(f->model().rowCount(), 1);

    arr::AccountsDialog *accounts = openAccounts();
    QVERIFY(accounts);
    QTreeWidgetItem *item = accounts->findChild<QTreeWidget *>()->topLevelItem(0);
    QCOMPARE(item->checkState(0), Qt::Checked);
    item->setCheckState(0, Qt::Unchecked);
    QTRY_VERIFY(!f->workspace->accountStore().find(u"Staging"_s)->enabled);
    QTRY_VERIFY(f->workspace->monitor().accountNames().isEmpty());
    QCOMPARE(f->model().rowCount(), 0);
    QTRY_VERIFY(f->isShowing(u"emptyPage"_s));

    item = accounts->findChild<QTreeWidget *>()->topLevelItem(0);
    item->setCheckState(0, Qt::Checked);
    QTRY_COMPARE(f->model().rowCount(), 1);
}

void TestAccounts::emulatorSwitchAndReservedName()
{
    QVERIFY(f->open(GuiFixture::Options{false, false, nullptr}));
    arr::AccountsDialog *accounts = openAccounts();
    QVERIFY(accounts);
    auto *emulatorBox = accounts->findChild<QCheckBox *>(u"emulatorBox"_s);
    QVERIFY(!emulatorBox->isChecked());
    QVERIFY(gui::click(emulatorBox));
    // A child process: it answers once it has started.
    QTRY_COMPARE_WITH_TIMEOUT(
        f->workspace->monitor().accountNames(), QStringList{arr::LocalEmulator::accountName()}, 30'000);
    QTRY_VERIFY_WITH_TIMEOUT(
        f->workspace->monitor().health(arr::LocalEmulator::accountName()).lastGoodPoll.isValid(), 30'000);

    arr::AccountEditDialog *editor = openEditor(accounts, u"addButton"_s);
    QVERIFY(editor);
    QVERIFY(fill(editor, u"nameEdit"_s, u"local EMULATOR"_s));
    QVERIFY(editor->problem().contains(u"built-in emulator"_s));
    editor->reject();

    // The switch is remembered.
    f->closeWindow();
    QVERIFY(f->open(GuiFixture::Options{false, false, nullptr}));
    QTRY_COMPARE_WITH_TIMEOUT(
        f->workspace->monitor().accountNames(), QStringList{arr::LocalEmulator::accountName()}, 30'000);
}

void TestAccounts::missingKeyIsReported()
{
    // An account saved in an earlier run whose key the secret store does not have (a new machine,
    // or a run without a keychain).
    {
        QSettings settings(f->settingsFile(), QSettings::IniFormat);
        arr::AccountStore store(&settings);
        arr::Account account;
        account.name = u"Orphan"_s;
        account.accountId = AccountId;
        account.endpoint = service->baseUrl();
        account.tokenEndpoint = service->baseUrl();
        QCOMPARE(store.save(account), QString());
    }
    QVERIFY(f->open(GuiFixture::Options{false, false, nullptr}));
    QTRY_VERIFY(f->find<arr::MessageBar>(u"problemsBar"_s)->isVisible());
    QVERIFY(f->find<arr::MessageBar>(u"problemsBar"_s)->text().contains(u"Orphan"_s));
    QTRY_VERIFY(gui::accountHealthText(f->window.get(), u"Orphan"_s).contains(u"misconfigured"_s));
    QVERIFY(gui::accountHealthText(f->window.get(), u"Orphan"_s).contains(u"no key"_s));

    // Entering the key in the editor mends it.
    arr::AccountsDialog *accounts = openAccounts();
    QVERIFY(accounts);
    accounts->selectAccount(u"Orphan"_s);
    arr::AccountEditDialog *editor = openEditor(accounts, u"editButton"_s);
    QVERIFY(editor);
    QVERIFY(fill(editor, u"keyEdit"_s, AccountKey));
    QVERIFY(gui::click(saveButton(editor)));
    QTRY_VERIFY(gui::accountHealthText(f->window.get(), u"Orphan"_s).contains(u"healthy"_s));
    QTRY_VERIFY(!f->find<arr::MessageBar>(u"problemsBar"_s)->isVisible());
    QCOMPARE(sessionsOf(f->sessions(), u"Orphan"_s).size(), 1);
}

void TestAccounts::twoHundredAccountsKeepTheWindowResponsive()
{
    // The scale the app is built for: 200 accounts, none of whose keys this machine has.
    constexpr int Accounts = 200;
    {
        QSettings settings(f->settingsFile(), QSettings::IniFormat);
        arr::AccountStore store(&settings);
        for (int i = 0; i < Accounts; ++i) {
            arr::Account account;
            account.name = u"Account %1"_s.arg(i, 3, 10, QLatin1Char('0'));
            account.accountId = u"3f2504e0-4f89-41d3-9a0c-%1"_s.arg(i, 12, 10, QLatin1Char('0'));
            account.endpoint = service->baseUrl();
            account.tokenEndpoint = service->baseUrl();
            QCOMPARE(store.save(account), QString());
        }
    }
    QElapsedTimer sinceStart;
    sinceStart.start();
    QVERIFY(f->open(GuiFixture::Options{false, false, nullptr}));
    QTRY_VERIFY(!f->workspace->accounts().isLoading());
    // The window answers: an event posted now is handled at once, not after a backlog of work.
    bool answered = false;
    QTimer::singleShot(0, f->window.get(), [&answered] { answered = true; });
    QTRY_VERIFY(answered);
    const qint64 answeredAfterMs = sinceStart.elapsed();
    qInfo("%d accounts without keys: the window answered %lld ms after it was opened", Accounts, answeredAfterMs);
    QVERIFY2(answeredAfterMs < 1000, qPrintable(u"%1 ms"_s.arg(answeredAfterMs)));

    // One line for the shared problem, the list behind a button.
    auto *problems = f->window->findChild<arr::MessageBar *>(u"problemsBar"_s);
    QTRY_VERIFY(problems->isVisible());
    QCOMPARE(problems->text().count(u'\n'), 0);
    QVERIFY2(problems->text().startsWith(u"%1 accounts have no key"_s.arg(Accounts)), qPrintable(problems->text()));
    QVERIFY(problems->height() < f->window->height() / 4);
}

void TestAccounts::apiVersionIsChosenAndSaved()
{
    QVERIFY(f->open(GuiFixture::Options{false, false, nullptr}));
    arr::AccountsDialog *accounts = openAccounts();
    QVERIFY(accounts);
    arr::AccountEditDialog *editor = openEditor(accounts, u"addButton"_s);
    QVERIFY(editor);
    auto *version = editor->findChild<QComboBox *>(u"apiVersionCombo"_s);
    QVERIFY(version);
    // New accounts speak v1 unless told otherwise.
    QCOMPARE(editor->account().apiVersion, arr::ApiVersion::V1);
    QVERIFY(fill(editor, u"nameEdit"_s, u"General"_s));
    chooseCustomEndpoint(editor, service->baseUrl());
    QVERIFY(fill(editor, u"accountIdEdit"_s, AccountId));
    QVERIFY(fill(editor, u"keyEdit"_s, AccountKey));
    version->setCurrentIndex(version->findData(u"2021-01-01"_s));
    QCOMPARE(editor->account().apiVersion, arr::ApiVersion::Api20210101);
    const QPointer<arr::AccountEditDialog> added = editor;
    QVERIFY(gui::click(saveButton(editor)));
    // Closed and deleted before the next editor is looked for.
    QTRY_VERIFY(!added);

    const std::optional<arr::Account> saved = f->workspace->accountStore().find(u"General"_s);
    QVERIFY(saved);
    QCOMPARE(saved->apiVersion, arr::ApiVersion::Api20210101);
    QVERIFY(f->settingsFileContents().contains("apiVersion=2021-01-01"));

    // Opened again, the editor shows the saved version.
    accounts->selectAccount(u"General"_s);
    editor = openEditor(accounts, u"editButton"_s);
    QVERIFY(editor);
    QCOMPARE(editor->findChild<QComboBox *>(u"apiVersionCombo"_s)->currentData().toString(), u"2021-01-01"_s);
    editor->reject();
}

QTEST_MAIN(TestAccounts)
#include "tst_accounts.moc"
