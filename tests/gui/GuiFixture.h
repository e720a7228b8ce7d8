#pragma once

#include "core/Clock.h"
#include "emulator/EmulatorServer.h"
#include "service/ApiResult.h"
#include "storage/SecretStore.h"
#include "ui/MainWindow.h"
#include "ui/Prompter.h"
#include "ui/SessionCommands.h"
#include "ui/SessionTableModel.h"
#include "ui/SessionsPage.h"
#include "workspace/Workspace.h"

#include <QAbstractButton>
#include <QApplication>
#include <QList>
#include <QPointer>
#include <QStringList>
#include <QTemporaryDir>
#include <QWidget>

#include <memory>

// Answers the app's questions instead of a person: each confirm() takes the next scripted answer
// (no answer left: "Cancel"), and every question, message and error is recorded. Errors are also
// shown in the real ErrorDialog, so that tests can look at it.
class ScriptedPrompter : public arr::Prompter
{
public:
    struct Error
    {
        QString title;
        QString context;
        arr::ApiResult result;
    };

    QList<bool> answers;
    QStringList questions;
    QStringList acceptLabels;
    QStringList messages;
    QList<Error> errors;

    bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &acceptLabel) override;
    void inform(QWidget *parent, const QString &title, const QString &text) override;
    void warn(QWidget *parent, const QString &title, const QString &text) override;
    void showError(
        QWidget *parent, const QString &title, const QString &context, const arr::ApiResult &result) override;
};

// A keychain that works until told otherwise, then falls back to memory as KeychainSecretStore
// does when the OS keychain goes away.
class FakeKeychain : public arr::MemorySecretStore
{
    Q_OBJECT

public:
    using MemorySecretStore::MemorySecretStore;
    bool isPersistent() const override { return m_persistent; }
    void lose(const QString &reason);

private:
    bool m_persistent = true;
};

// The desktop app as main() builds it, keys in memory, a throwaway settings file and a scripted
// prompter; with a saved account ("Test emulator") on the test's own in-process emulator, which
// shares the fixture's manual clock. The built-in local emulator (a child process) is off unless a
// test switches it on; it runs the arr-emulator this build made.
class GuiFixture
{
public:
    // The saved account on the fixture's emulator (functions, so that tests can keep them in
    // constants of their own whatever the order of static initialisation).
    static QString emulatorAccount();
    static QString emulatorAccountId();
    static QString emulatorAccountKey();

    struct Options
    {
        // The "Test emulator" account, saved with its key before the window opens.
        bool emulator = true;
        bool demo = false;
        arr::SecretStore *secrets = nullptr;
        // False: the window is shown before the accounts are loaded, as main() does; the test calls
        // workspace->start().
        bool start = true;
    };

    GuiFixture();
    ~GuiFixture();

    // Builds the workspace and a shown main window (call again after closeWindow() for a second
    // window over the same settings). False when the window did not show.
    [[nodiscard]] bool open(const Options &options);
    [[nodiscard]] bool open() { return open(Options{}); }
    void closeWindow();

    QString settingsFile() const;
    // The settings file as bytes, after flushing.
    QByteArray settingsFileContents() const;

    arr::ManualClock clock;
    ScriptedPrompter prompter;
    // Started by the first open() with Options::emulator; outlives each window, as a service does.
    std::unique_ptr<arr::emulator::EmulatorServer> emulator;
    // The keys of the test emulator's account when the test passes no secret store of its own;
    // outlives each window, as the keychain outlives the app.
    arr::MemorySecretStore secrets;
    QTemporaryDir directory;
    std::unique_ptr<arr::Workspace> workspace;
    std::unique_ptr<arr::MainWindow> window;

    // The window's table model (rows in the monitor's order, before sorting and filtering).
    arr::SessionTableModel &model() const;
    const arr::LiveSessions &sessions() const;

    // The window's parts, found by object name (null when there is none).
    template<typename T> T *find(const QString &objectName) const
    {
        return window ? window->findChild<T *>(objectName) : nullptr;
    }
    QAction *action(const QString &objectName) const { return find<QAction>(objectName); }
    arr::SessionsPage *page() const;
    arr::SessionCommands *commands() const;
    // Whether the window shows this page ("sessionsPage", "emptyPage", "openingPage").
    bool isShowing(const QString &pageName) const;

    // Puts a session in place in the test emulator's account, polls, and waits for its row and for the
    // account's polls to settle: the tests' own sessions, whatever the demo holds. Empty when it did
    // not appear.
    QString addSession(const arr::emulator::SessionSeed &seed);

private:
    // Starts the test emulator (once) and saves its account with the key, unless saved already.
    bool saveEmulatorAccount();
};

// A suite of GUI tests: each test function gets a fresh fixture, `f`, gone after it, and an empty
// clipboard.
class GuiTest : public QObject
{
    Q_OBJECT

protected:
    std::unique_ptr<GuiFixture> f;

private Q_SLOTS:
    void init();
    void cleanup();
};

// Test helpers that drive widgets the way a person does.
namespace gui {

// The button the main toolbar shows for an action (by the action's object name).
QWidget *toolButton(arr::MainWindow *window, const QString &actionName);
// A left click in the middle of an enabled widget; false (with a warning saying why) otherwise.
[[nodiscard]] bool click(QWidget *widget);
// Replaces the text of a line edit, spin box or editable combo by typing; false without a widget.
[[nodiscard]] bool retype(QWidget *widget, const QString &text);
// The one visible top-level or child widget of type T under `parent` (or anywhere when null).
template<typename T> T *findVisible(QWidget *parent = nullptr)
{
    const QList<T *> found = parent ? parent->findChildren<T *>() : QList<T *>{};
    for (T *candidate : found) {
        if (candidate->isVisible())
            return candidate;
    }
    const QWidgetList topLevels = QApplication::topLevelWidgets();
    for (QWidget *widget : topLevels) {
        if (auto *candidate = qobject_cast<T *>(widget); candidate && candidate->isVisible())
            return candidate;
    }
    return nullptr;
}
QAbstractButton *buttonWithText(QWidget *parent, const QString &text);
// What the status bar says of an account's health (its label's words, as a screen reader reads
// them); empty when no label shows the account.
QString accountHealthText(QWidget *window, const QString &account);

} // namespace gui
