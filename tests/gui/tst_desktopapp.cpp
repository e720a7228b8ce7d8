// What main() wires: the command line (--demo, --settings, --help, --version) and the demo mode,
// which shows the local emulator alone and leaves saved accounts exactly as they were.
#include "GuiFixture.h"

#include "emulator/EmulatorServer.h"
#include "monitor/SessionMonitor.h"
#include "storage/AccountStore.h"
#include "ui/AboutDialog.h"
#include "ui/CommandLine.h"
#include "ui/MessageBar.h"
#include "ui/SessionTableModel.h"
#include "workspace/AccountManager.h"
#include "workspace/LocalEmulator.h"

#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;

class TestDesktopApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commandLine_data();
    void commandLine();
    void settingsMustBeARegularFile();
    void demoShowsTheEmulatorAloneAndLeavesSavedAccountsAlone();
    void firstStartWithoutAccountsShowsTheEmulator();
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
    QTRY_COMPARE(f.workspace->monitor().accountNames(), QStringList{arr::LocalEmulator::accountName()});
    // The emulator's sessions, whatever the demo holds, once it has answered.
    QTRY_VERIFY(f.workspace->monitor().health(arr::LocalEmulator::accountName()).lastGoodPoll.isValid());
    QCOMPARE(f.workspace->monitor().sessions().count(),
        f.workspace->emulator().server()->sessions(arr::LocalEmulator::accountId()).size());
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
    arr::Workspace workspace(options);
    arr::MainWindow::Dependencies dependencies;
    dependencies.workspace = &workspace;
    dependencies.prompter = &f.prompter;
    arr::MainWindow window(dependencies);
    workspace.start();
    window.show();
    QTRY_COMPARE(workspace.monitor().accountNames(), QStringList{arr::LocalEmulator::accountName()});
    // A session of the emulator's is in the table.
    arr::emulator::SessionSeed seed;
    seed.status = arr::SessionStatus::Ready;
    const QString id = workspace.emulator().server()->addSession(arr::LocalEmulator::accountId(), seed);
    QVERIFY(!id.isEmpty());
    workspace.monitor().refresh();
    QTRY_VERIFY(workspace.monitor().sessions().indexOf(arr::LocalEmulator::accountName(), id) >= 0);
    QTRY_VERIFY(window.findChild<QWidget *>(u"sessionsPage"_s)->isVisible());
}

void TestDesktopApp::aboutShowsTheVersion()
{
    arr::AboutDialog dialog;
    QVERIFY(arr::AboutDialog::versionText().contains(QStringLiteral(ARRSM_VERSION)));
    QVERIFY(dialog.findChild<QLabel *>(u"versionLabel"_s)->text().contains(QStringLiteral(ARRSM_VERSION)));
}

QTEST_MAIN(TestDesktopApp)
#include "tst_desktopapp.moc"
