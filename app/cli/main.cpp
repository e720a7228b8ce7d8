#include "cli/ArrsmCommandLine.h"
#include "cli/CommandRunner.h"
#include "cli/Watcher.h"
#include "storage/HistoryOutbox.h"
#include "storage/HistoryStore.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QProcessEnvironment>

#include <csignal>
#include <cstdio>
#include <memory>

#ifndef _WIN32
#include <QSocketNotifier>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

// Writes go straight to the descriptor, past stdio's buffer, so that stdout and stderr keep their
// order when both go to one file.
void openStandardStream(QFile &file, std::FILE *stream)
{
#ifdef _WIN32
    const int descriptor = _fileno(stream);
#else
    const int descriptor = fileno(stream);
#endif
    file.open(descriptor, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle);
}

#ifndef _WIN32
// The write end of a socket pair: the SIGINT handler may only do async-signal-safe things, so it
// writes a byte, and the event loop, hearing it, quits cleanly.
int interruptSocket[2] = {-1, -1};

void onInterrupt(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(interruptSocket[0], &byte, 1);
}

// Ctrl+C ends a long-running command by quitting the event loop: nothing is sent, nothing is
// stopped, the session keeps the lease it has. keep-alive exits with 130, the shell's code for SIGINT;
// watch, a service, exits with 0 on SIGINT and on SIGTERM (what a service manager sends), once the
// event loop has ended and the history is written.
void quitOnInterrupt(QCoreApplication *app, int exitCode, bool alsoTerminate)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, interruptSocket) != 0)
        return;
    auto *notifier = new QSocketNotifier(interruptSocket[1], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [exitCode] { QCoreApplication::exit(exitCode); });
    struct sigaction action = {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    if (alsoTerminate)
        ::sigaction(SIGTERM, &action, nullptr);
}
#else
// On Windows the console's default Ctrl+C handling ends the process, which sends nothing either: the
// session keeps its lease. (SetConsoleCtrlHandler would allow a clean quit; not needed for that.)
void quitOnInterrupt(QCoreApplication *, int, bool) { }
#endif

// Where a command records what it saw and did (and `history` reads): the history file, or a team's
// database with the outbox on this computer where records wait for it. None for `accounts`.
struct CommandHistory
{
    std::unique_ptr<arr::HistoryStore> store;
    std::unique_ptr<arr::HistoryOutbox> outbox;
};

CommandHistory historyFor(const arr::cli::Command &command, arr::Workspace &workspace, QFile &err)
{
    CommandHistory history;
    if (command.kind == arr::cli::CommandKind::Accounts)
        return history;
    // A team database's password, when Preferences put one in the keychain.
    if (workspace.historyLocation().isTeam()) {
        QEventLoop keychain;
        workspace.loadHistoryPassword(&keychain, [&keychain] { keychain.quit(); });
        keychain.exec();
        history.outbox = std::make_unique<arr::HistoryOutbox>(workspace.historyOutboxFile());
    }
    // A team's database is reached when the command needs it, mostly once its output is out
    // (CommandRunner), so that a database that is away holds nothing up; `history` reads it first.
    if (workspace.historyLocation().isTeam() && command.kind != arr::cli::CommandKind::History) {
        history.store = workspace.historyStore();
    } else {
        history.store = workspace.openHistory();
        // `history` itself reports a damaged or unusable file as its error.
        if (command.kind != arr::cli::CommandKind::History && history.store && !history.store->problem().isEmpty())
            err.write((u"arrsm: warning: "_s + history.store->problem() + u'\n').toUtf8());
    }
    // Nothing is pruned here: retention is the desktop app's preference, applied at its start-up.
    return history;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The desktop app's names, so that both read the same settings and keychain entries.
    QCoreApplication::setOrganizationName(u"ArrSessionManager"_s);
    QCoreApplication::setApplicationName(u"arr-session-manager"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ARRSM_VERSION));

    QFile out;
    QFile err;
    openStandardStream(out, stdout);
    openStandardStream(err, stderr);

    using arr::cli::ParseResult;
    const ParseResult parsed
        = arr::cli::parseCommandLine(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
    switch (parsed.action) {
    case ParseResult::Action::Help:
        out.write(parsed.text.toUtf8());
        return arr::cli::ExitSuccess;
    case ParseResult::Action::Version:
        out.write("arrsm " ARRSM_VERSION "\n");
        return arr::cli::ExitSuccess;
    case ParseResult::Action::UsageError:
        err.write((u"arrsm: "_s + parsed.text + u'\n' + parsed.usage + u'\n').toUtf8());
        return arr::cli::ExitUsage;
    case ParseResult::Action::Run:
        break;
    }

    const arr::cli::Command &command = parsed.command;
    if (command.kind == arr::cli::CommandKind::Watch) {
        quitOnInterrupt(&app, arr::cli::ExitSuccess, true);
        arr::cli::Watcher watcher(command, &err);
        if (!watcher.start())
            return arr::cli::ExitFailure;
        return QCoreApplication::exec();
    }
    // The application layer, as the window has it: the same settings, saved accounts, keychain entries,
    // prices and history file. Not started: arrsm polls only what its command asks for.
    arr::Workspace::Options options;
    options.recordMonitor = false;
    // Its reads of one session leave the window's keep-alive policies and alerts alone.
    options.runsPoliciesAndAlerts = false;
    options.program = u"arrsm"_s;
    // A team's history database instead of this computer's file (libpq's PGPASSWORD or ~/.pgpass give
    // the password).
    options.historyUrl = qEnvironmentVariable("ARRSM_HISTORY_URL");
    arr::Workspace workspace(options);

    const CommandHistory history = historyFor(command, workspace, err);

    if (command.kind == arr::cli::CommandKind::KeepAlive)
        quitOnInterrupt(&app, 130, false);

    arr::cli::CommandRunner runner(
        command, {&out, &err, &workspace, nullptr, history.store.get(), history.outbox.get()});
    QObject::connect(&runner, &arr::cli::CommandRunner::finished, &app, [](int code) { QCoreApplication::exit(code); });
    runner.start();
    return QCoreApplication::exec();
}
