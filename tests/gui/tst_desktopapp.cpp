// What main() wires: the command line (--demo, --settings, --help, --version) and the demo mode,
// which shows the local emulator alone and leaves saved accounts exactly as they were.
#include "GuiFixture.h"

#include "monitor/SessionMonitor.h"
#include "storage/AccountStore.h"
#include "ui/AboutDialog.h"
#include "ui/DesktopCommandLine.h"
#include "ui/MessageBar.h"
#include "ui/SessionTableModel.h"
#include "workspace/AccountManager.h"
#include "workspace/LocalEmulator.h"

#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;

namespace {

// The local emulator is a child process: bounded, but generous for a loaded test machine.
constexpr int StartTimeoutMs = 30'000;

} // namespace

class TestDesktopApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commandLine_data();
    void commandLine();
    void settingsMustBeARegularFile();
    void demoShowsTheEmulatorAloneAndLeavesSavedAccountsAlone();
    void firstStartWithoutAccountsShowsTheEmulator();
    void aCrashedEmulatorIsUnreachableAndStartsAgain();
    void aMissingEmulatorIsReported();
    void aboutShowsTheVersion();
};

void TestDesktopApp::commandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("action");
    QTest::addColumn<bool>("demo");
    QTest::addColumn<QString>("settings");
    using Action = arr::DesktopCommandLine::Action;
    QTest::newRow("nothing") << QStringList{} << int(Action::Run) << false << QString();
    QTest::newRow("demo") << QStringList{u"--demo"_s} << int(Action::Run) << true << QString();
    QTest::newRow("settings") << QStringList{u"--settings"_s, u"/tmp/a.ini"_s} << int(Action::Run) << false
                              << u"/tmp/a.ini"_s;
    QTest::newRow("help") << QStringList{u"--help"_s} << int(Action::Help) << false << QString();
    QTest::newRow("version") << QStringList{u"--version"_s} << int(Action::Version) << false << QString();
    QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << int(Action::Fail) << false << QString();
    QTest::newRow("stray argument") << QStringList{u"extra"_s} << int(Action::Fail) << false << QString();
    QTest::newRow("settings without file") << QStringList{u"--settings"_s} << int(Action::Fail) << false << QString();
}

void TestDesktopApp::commandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, action);
    QFETCH(bool, demo);
    QFETCH(QString, settings);
    const arr::DesktopCommandLine parsed
        = arr::parseDesktopCommandLine(QStringList{u"arr-session-manager"_s} + arguments);
    QCOMPARE(int(parsed.action), action);
    QCOMPARE(parsed.demo, demo);
    QCOMPARE(parsed.settingsFile, settings);
    if (parsed.action == arr::DesktopCommandLine::Action::Version)
        QCOMPARE(parsed.text, u"arr-session-manager "_s + QStringLiteral(ARRSM_VERSION));
    if (parsed.action == arr::DesktopCommandLine::Action::Help)
        QVERIFY(parsed.text.contains(u"--demo"_s));
    if (parsed.action == arr::DesktopCommandLine::Action::Fail)
        QVERIFY(!parsed.error.isEmpty());
}

void TestDesktopApp::settingsMustBeARegularFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto parse = [](const QString &file) {
        return arr::parseDesktopCommandLine({u"arr-session-manager"_s, u"--settings"_s, file});
    };
    // A file that does not exist yet is created on the first save; one that exists is read.
    const QString fresh = dir.filePath(u"new.ini"_s);
    QCOMPARE(parse(fresh).action, arr::DesktopCommandLine::Action::Run);
    QFile existing(dir.filePath(u"existing.ini"_s));
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.close();
    QCOMPARE(parse(existing.fileName()).action, arr::DesktopCommandLine::Action::Run);

    const arr::DesktopCommandLine folder = parse(dir.path());
    QCOMPARE(folder.action, arr::DesktopCommandLine::Action::Fail);
    QCOMPARE(folder.error, u"--settings \"%1\" is not a regular file."_s.arg(dir.path()));
#ifdef Q_OS_UNIX
    // Reading a FIFO would block start-up until something writes to it, with no window shown.
    const QString fifo = dir.filePath(u"fifo"_s);
    QCOMPARE(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const arr::DesktopCommandLine refused = parse(fifo);
    QCOMPARE(refused.action, arr::DesktopCommandLine::Action::Fail);
    QCOMPARE(refused.error, u"--settings \"%1\" is not a regular file."_s.arg(fifo));
    QCOMPARE(parse(u"/dev/null"_s).action, arr::DesktopCommandLine::Action::Fail);
#endif
}

void TestDesktopApp::demoShowsTheEmulatorAloneAndLeavesSavedAccountsAlone()
{
    GuiFixture f;
    arr::Account saved;
    saved.name = u"Production"_s;
    saved.accountId = u"3f2504e0-4f89-41d3-9a0c-0305e82c3301"_s;
    saved.endpoint = arr::regionEndpoint(u"westeurope"_s);
    saved.tokenEndpoint = arr::regionTokenEndpoint(u"westeurope"_s);
    {
        QSettings settings(f.settingsFile(), QSettings::IniFormat);
        arr::AccountStore store(&settings);
        QCOMPARE(store.save(saved), QString());
        settings.setValue(u"ui/localEmulatorEnabled"_s, false);
    }

    QVERIFY(f.open(GuiFixture::Options{false, true, nullptr}));
    // The emulator is a child process: it answers once it has started.
    QTRY_COMPARE_WITH_TIMEOUT(
        f.workspace->monitor().accountNames(), QStringList{arr::LocalEmulator::accountName()}, StartTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        f.workspace->monitor().health(arr::LocalEmulator::accountName()).lastGoodPoll.isValid(), StartTimeoutMs);
    QVERIFY(f.find<arr::MessageBar>(u"demoBar"_s)->isVisible());
    QVERIFY(f.window->windowTitle().contains(u"demo"_s));
    QVERIFY(f.workspace->accounts().savedAccounts().isEmpty());

    // An account added in demo mode lasts for the run only.
    arr::Account added = saved;
    added.name = u"Tried in demo"_s;
    QCOMPARE(f.workspace->accounts().saveAccount(added, {}, u"key"_s), QString());
    f.workspace->accounts().setEmulatorEnabled(false);
    QCOMPARE(f.workspace->monitor().accountNames().first(), arr::LocalEmulator::accountName());
    f.closeWindow();

    QSettings settings(f.settingsFile(), QSettings::IniFormat);
    arr::AccountStore store(&settings);
    QCOMPARE(store.accounts(), QList<arr::Account>{saved});
    QCOMPARE(settings.value(u"ui/localEmulatorEnabled"_s).toBool(), false);
}

void TestDesktopApp::firstStartWithoutAccountsShowsTheEmulator()
{
    GuiFixture f;
    // Nothing saved at all: a new user.
    arr::Workspace::Options options;
    options.settingsFile = f.settingsFile();
    options.keychainService.clear();
    options.clock = &f.clock;
    options.emulatorProgram = QStringLiteral(ARR_EMULATOR_EXECUTABLE);
    arr::Workspace workspace(options);
    arr::MainWindow::Dependencies dependencies;
    dependencies.workspace = &workspace;
    dependencies.prompter = &f.prompter;
    arr::MainWindow window(dependencies);
    workspace.start();
    window.show();
    // Starting the child process is not waited for: the window shows it is opening meanwhile.
    QVERIFY(workspace.accounts().isLoading());
    QTRY_COMPARE_WITH_TIMEOUT(
        workspace.monitor().accountNames(), QStringList{arr::LocalEmulator::accountName()}, StartTimeoutMs);
    QCOMPARE(workspace.accounts().activeAccounts().constFirst().endpoint.host(), u"127.0.0.1"_s);
    // The emulator's demo sessions are in the table.
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QWidget *>(u"sessionsPage"_s)->isVisible(), StartTimeoutMs);
}

void TestDesktopApp::aCrashedEmulatorIsUnreachableAndStartsAgain()
{
    GuiFixture f;
    QVERIFY(f.open(GuiFixture::Options{false, false, nullptr}));
    arr::AccountManager &accounts = f.workspace->accounts();
    accounts.setEmulatorEnabled(true);
    const QString name = arr::LocalEmulator::accountName();
    QTRY_VERIFY_WITH_TIMEOUT(f.workspace->monitor().health(name).lastGoodPoll.isValid(), StartTimeoutMs);
    const QUrl firstEndpoint = accounts.activeAccounts().constFirst().endpoint;

    // The child process dies as if it crashed.
    auto *child = f.workspace->emulator().findChild<QProcess *>();
    QVERIFY(child);
    child->kill();
    QTRY_VERIFY(accounts.emulatorProblem().contains(u"stopped"_s));
    // The account stays, and shows as unreachable at its next poll.
    QCOMPARE(f.workspace->monitor().accountNames(), QStringList{name});
    f.workspace->monitor().refresh();
    QTRY_VERIFY(f.workspace->monitor().health(name).state != arr::AccountHealth::State::Healthy);
    auto *problems = f.find<arr::MessageBar>(u"problemsBar"_s);
    QTRY_VERIFY(problems->isVisible());

    QVERIFY(gui::click(gui::buttonWithText(problems, u"Start the emulator again"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(
        accounts.emulatorProblem().isEmpty() && f.workspace->emulator().isRunning(), StartTimeoutMs);
    QVERIFY(accounts.activeAccounts().constFirst().endpoint != firstEndpoint);
    QTRY_COMPARE_WITH_TIMEOUT(
        f.workspace->monitor().health(name).state, arr::AccountHealth::State::Healthy, StartTimeoutMs);
}

void TestDesktopApp::aMissingEmulatorIsReported()
{
    QTemporaryDir directory;
    arr::Workspace::Options options;
    options.demo = true;
    options.settingsFile = directory.filePath(u"settings.ini"_s);
    options.keychainService.clear();
    options.emulatorProgram = directory.filePath(u"no-such-emulator"_s);
    arr::Workspace workspace(options);
    QSignalSpy loaded(&workspace.accounts(), &arr::AccountManager::loadingFinished);
    workspace.start();
    // Reported from the event loop, never from inside start().
    QVERIFY(workspace.accounts().emulatorProblem().isEmpty());
    QVERIFY(loaded.wait());
    QVERIFY2(workspace.accounts().emulatorProblem().contains(u"no-such-emulator is missing"_s),
        qPrintable(workspace.accounts().emulatorProblem()));
    QVERIFY(workspace.monitor().accountNames().isEmpty());
}

void TestDesktopApp::aboutShowsTheVersion()
{
    arr::AboutDialog dialog;
    QVERIFY(arr::AboutDialog::versionText().contains(QStringLiteral(ARRSM_VERSION)));
    QVERIFY(dialog.findChild<QLabel *>(u"versionLabel"_s)->text().contains(QStringLiteral(ARRSM_VERSION)));
}

QTEST_MAIN(TestDesktopApp)
#include "tst_desktopapp.moc"
