#include "cli/CommandLine.h"
#include "cli/CommandRunner.h"
#include "storage/AccountStore.h"
#include "storage/HistoryStore.h"
#include "storage/SecretStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcessEnvironment>
#include <QSettings>

#include <cstdio>
#include <memory>

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
    const bool needsAccounts
        = command.kind == arr::cli::CommandKind::Accounts || !command.connection.savedAccount.isEmpty();
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<arr::AccountStore> accounts;
    std::unique_ptr<arr::KeychainSecretStore> secrets;
    if (needsAccounts) {
        settings = std::make_unique<QSettings>();
        accounts = std::make_unique<arr::AccountStore>(settings.get());
        secrets = std::make_unique<arr::KeychainSecretStore>(u"arr-session-manager"_s);
    }

    // The same history file as the desktop app's (same application names, same data location).
    std::unique_ptr<arr::HistoryStore> history;
    if (command.kind != arr::cli::CommandKind::Accounts) {
        history = std::make_unique<arr::HistoryStore>(arr::HistoryStore::defaultFilePath());
        if (history->open() == arr::HistoryStore::OpenResult::RecoveredFromCorruption)
            err.write((u"arrsm: warning: "_s + history->problem() + u'\n').toUtf8());
        else if (!history->isOpen() && command.kind != arr::cli::CommandKind::History && command.verbose)
            err.write((u"arrsm: warning: "_s + history->problem() + u'\n').toUtf8());
        // Nothing is pruned here: retention is the desktop app's preference, applied at its start-up.
    }

    arr::cli::CommandRunner runner(command, {&out, &err, accounts.get(), secrets.get(), nullptr, history.get()});
    QObject::connect(&runner, &arr::cli::CommandRunner::finished, &app, [](int code) { QCoreApplication::exit(code); });
    runner.start();
    return QCoreApplication::exec();
}
