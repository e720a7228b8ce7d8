#include "GuiFixture.h"

#include "common/MonitorPolls.h"
#include "common/TestEmulator.h"
#include "emulator/EmulatorServer.h"
#include "monitor/SessionMonitor.h"
#include "storage/AccountStore.h"
#include "storage/Settings.h"
#include "workspace/AccountManager.h"

#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTest>
#include <QToolBar>

using namespace Qt::StringLiterals;

bool ScriptedPrompter::confirm(QWidget *, const QString &, const QString &text, const QString &acceptLabel)
{
    questions.append(text);
    acceptLabels.append(acceptLabel);
    return answers.isEmpty() ? false : answers.takeFirst();
}

void ScriptedPrompter::inform(QWidget *, const QString &, const QString &text)
{
    messages.append(text);
}

void ScriptedPrompter::warn(QWidget *, const QString &, const QString &text)
{
    messages.append(text);
}

void ScriptedPrompter::showError(
    QWidget *parent, const QString &title, const QString &context, const arr::ApiResult &result)
{
    errors.append({title, context, result});
    Prompter::showError(parent, title, context, result);
}

void FakeKeychain::lose(const QString &reason)
{
    m_persistent = false;
    Q_EMIT persistenceLost(reason);
}

QString GuiFixture::emulatorAccount()
{
    return u"Test emulator"_s;
}

QString GuiFixture::emulatorAccountId()
{
    return u"00000000-0000-4000-8000-0000000000e1"_s;
}

QString GuiFixture::emulatorAccountKey()
{
    return u"test-emulator-key"_s;
}

GuiFixture::GuiFixture() = default;

GuiFixture::~GuiFixture()
{
    closeWindow();
}

QString GuiFixture::settingsFile() const
{
    return directory.filePath(u"settings.ini"_s);
}

QByteArray GuiFixture::settingsFileContents() const
{
    if (workspace)
        workspace->settings().sync();
    QFile file(settingsFile());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool GuiFixture::open(const Options &options)
{
    closeWindow();
    {
        // The built-in emulator's switch, as a user would have left it.
        QSettings settings(settingsFile(), QSettings::IniFormat);
        if (!settings.contains(u"ui/localEmulatorEnabled"_s))
            settings.setValue(u"ui/localEmulatorEnabled"_s, false);
        // Polls happen when a test asks (F5, a command's follow-up), not on a timer racing it.
        settings.setValue(u"monitor/pollIntervalSeconds"_s, 3600);
        settings.setValue(u"monitor/fastPollIntervalSeconds"_s, 60);
    }
    arr::Workspace::Options workspaceOptions;
    workspaceOptions.demo = options.demo;
    workspaceOptions.settingsFile = settingsFile();
    workspaceOptions.keychainService.clear();
    workspaceOptions.secretStore = options.secrets ? options.secrets : (options.emulator ? &secrets : nullptr);
    workspaceOptions.clock = &clock;
    workspaceOptions.emulatorProgram = QStringLiteral(ARR_EMULATOR_EXECUTABLE);
    workspace = std::make_unique<arr::Workspace>(workspaceOptions);
    if (options.emulator && !options.demo && !saveEmulatorAccount())
        return false;
    arr::MainWindow::Dependencies dependencies;
    dependencies.workspace = workspace.get();
    dependencies.prompter = &prompter;
    window = std::make_unique<arr::MainWindow>(dependencies);
    if (options.start)
        workspace->start();
    window->show();
    return QTest::qWaitForWindowExposed(window.get());
}

bool GuiFixture::saveEmulatorAccount()
{
    if (!emulator)
        emulator = startEmulator(&clock, emulatorAccountId(), emulatorAccountKey());
    if (!emulator)
        return false;
    if (workspace->accountStore().find(emulatorAccount()))
        return true;
    const arr::Account account = accountOn(emulatorAccount(), emulatorAccountId(), *emulator);
    const QString problem = workspace->accounts().saveAccount(account, {}, emulatorAccountKey());
    if (!problem.isEmpty())
        qWarning("The test emulator's account was not saved: %s", qPrintable(problem));
    return problem.isEmpty();
}

void GuiFixture::closeWindow()
{
    if (window) {
        window->close();
        window.reset();
    }
    workspace.reset();
}

arr::SessionTableModel &GuiFixture::model() const
{
    return *window->findChild<arr::SessionTableModel *>();
}

const arr::LiveSessions &GuiFixture::sessions() const
{
    return workspace->monitor().sessions();
}

arr::SessionsPage *GuiFixture::page() const
{
    return find<arr::SessionsPage>(u"sessionsPage"_s);
}

arr::SessionCommands *GuiFixture::commands() const
{
    return find<arr::SessionCommands>(u"sessionCommands"_s);
}

bool GuiFixture::isShowing(const QString &pageName) const
{
    const auto *pages = page() ? qobject_cast<QStackedWidget *>(page()->parentWidget()) : nullptr;
    return pages && pages->currentWidget() && pages->currentWidget()->objectName() == pageName;
}

QString GuiFixture::addSession(const arr::emulator::SessionSeed &seed)
{
    if (!emulator || !workspace) {
        qWarning("The test emulator is not running");
        return {};
    }
    const QString id = emulator->addSession(emulatorAccountId(), seed);
    // The last poll saw the new session, and no poll is left to change the table behind the test's back.
    if (id.isEmpty() || !pollAndSettle(workspace->monitor(), emulatorAccount())
        || model().rowOf(emulatorAccount(), id) < 0) {
        qWarning("Session %s did not appear in the table", qPrintable(id));
        return {};
    }
    return id;
}

void GuiTest::init()
{
    // What a test copies must show in the clipboard, not be there from an earlier test.
    QGuiApplication::clipboard()->clear();
    f = std::make_unique<GuiFixture>();
    QVERIFY(f->directory.isValid());
}

void GuiTest::cleanup()
{
    f.reset();
}

namespace gui {

QWidget *toolButton(arr::MainWindow *window, const QString &actionName)
{
    auto *toolBar = window->findChild<QToolBar *>(u"mainToolBar"_s);
    auto *action = window->findChild<QAction *>(actionName);
    return toolBar && action ? toolBar->widgetForAction(action) : nullptr;
}

bool click(QWidget *widget)
{
    if (!widget) {
        qWarning("No widget to click");
        return false;
    }
    if (!widget->isEnabled()) {
        qWarning("%s is disabled", qPrintable(widget->objectName()));
        return false;
    }
    QTest::mouseClick(widget, Qt::LeftButton, {}, widget->rect().center());
    return true;
}

bool retype(QWidget *widget, const QString &text)
{
    if (!widget) {
        qWarning("No widget to type into");
        return false;
    }
    widget->setFocus();
    QTest::keyClick(widget, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(widget, Qt::Key_Backspace);
    if (!text.isEmpty())
        QTest::keyClicks(widget, text);
    return true;
}

QAbstractButton *buttonWithText(QWidget *parent, const QString &text)
{
    const QList<QAbstractButton *> buttons = parent->findChildren<QAbstractButton *>();
    for (QAbstractButton *button : buttons) {
        if (button->text().remove(u'&') == text)
            return button;
    }
    return nullptr;
}

QString accountHealthText(QWidget *window, const QString &account)
{
    const auto *label = window->findChild<QLabel *>(u"accountHealth:"_s + account);
    return label ? label->accessibleName() : QString();
}

} // namespace gui
