#pragma once

#include "core/Account.h"
#include "core/Session.h"
#include "core/TimeSpan.h"
#include "workspace/KeepAlivePolicy.h"

#include <QDateTime>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTime>
#include <QUrl>

#include <chrono>
#include <optional>

namespace arr::cli {

// What arrsm's exit status means; scripts rely on these numbers.
enum ExitCode : int {
    ExitSuccess = 0,
    // The service answered with an error, or the request failed.
    ExitFailure = 1,
    ExitUsage = 2,
    ExitTimedOut = 3,
    // The waited-for session ended otherwise than waited for (error, expired, or stopped).
    ExitSessionEnded = 4,
};

enum class CommandKind {
    List,
    Show,
    Create,
    Extend,
    Stop,
    Wait,
    Accounts,
    KeepAlive,
    // The session history kept on this computer; needs no connection.
    History,
    // The account's live state in the OpenMetrics text format.
    Metrics,
    // The application layer without a window: watches, records, keeps alive, alerts, serves /metrics.
    Watch,
};

// How long a command that waits for a session may take, start to end, when no --timeout is given.
inline constexpr std::chrono::seconds DefaultWaitTimeout{30 * 60};
// How long any other command may take, start to end, when no --timeout is given: room for the
// service layer's retries, but a server that trickles its answer cannot hold a script for ever.
inline constexpr std::chrono::seconds DefaultCommandTimeout{2 * 60};
// The service asked clients to keep at least five seconds between calls.
inline constexpr std::chrono::milliseconds DefaultPollInterval{5000};
// How often keep-alive looks at its session when no --interval is given.
inline constexpr std::chrono::milliseconds DefaultKeepAliveInterval{10'000};
// keep-alive ends at its bound, which is at most a 24-hour lease: a day and an hour is room enough.
inline constexpr std::chrono::seconds DefaultKeepAliveTimeout{25 * 3600};

// Where and as whom to connect, from options, environment variables or a saved account.
struct Connection
{
    QUrl endpoint;
    QUrl tokenEndpoint;
    QString accountId;
    QString accountKey;
    // --api-version / ARRSM_API_VERSION; a saved account uses its saved version instead.
    ApiVersion apiVersion = ApiVersion::V1;
    // --account NAME: endpoint, token endpoint and id come from the saved account, the key from the
    // keychain; the fields above are then filled in by the runner.
    QString savedAccount;
};

// One validated invocation of arrsm: everything a request needs, checked before any is sent.
struct Command
{
    CommandKind kind = CommandKind::List;
    // show, extend, stop, wait.
    QString sessionId;
    // create: the lease; extend: the new lease.
    TimeSpan lease;
    // create.
    QString size;
    QList<QUrl> models;
    // create --id: the id a 2021-01-01 create names its session by; empty: a new UUID.
    QString newSessionId;
    // create and stop with --wait, and wait.
    bool wait = false;
    // The deadline of the whole command (its waiting included); when it passes, arrsm exits with 3.
    std::chrono::milliseconds timeout = DefaultCommandTimeout;
    SessionStatus until = SessionStatus::Ready;
    std::chrono::milliseconds pollInterval = DefaultPollInterval;
    bool json = false;
    bool verbose = false;
    // history: sessions alive in [since, until) (invalid: no bound), as CSV; the account filter is
    // connection.savedAccount.
    QDateTime since;
    QDateTime historyUntil;
    bool csv = false;
    // history --copy-to-team: this computer's history copied into the team database, nothing printed
    // but what was copied.
    bool copyToTeam = false;
    Connection connection;
    // keep-alive: the policy; with --until, `keepAliveUntil` is the time of day, made a moment by
    // the runner on its clock.
    KeepAliveSpec keepAlive;
    std::optional<QTime> keepAliveUntil;
    // watch: where to serve the metrics ("127.0.0.1:9464").
    QString metricsListen = QStringLiteral("127.0.0.1:9464");
    // watch: the environment's account only, rather than every enabled saved account.
    bool watchRunAccount = false;
};

// The outcome of reading the command line: a command to run, a text to print, or what is wrong.
struct ParseResult
{
    enum class Action {
        Run,
        Help,
        Version,
        UsageError,
    };
    Action action = Action::Run;
    Command command;
    // Help: the help text. UsageError: what is wrong, one sentence.
    QString text;
    // UsageError: the synopsis of the command (or of the program) and where to read more.
    QString usage;
};

// Reads `arguments` (program name first, as QCoreApplication::arguments() gives them) and the
// environment variables that stand in for options. Options may come before or after the command,
// as "--opt value" or "--opt=value"; a command-line option overrides its environment variable.
// Pure: reads no file and sends nothing.
ParseResult parseCommandLine(const QStringList &arguments, const QProcessEnvironment &environment);

// The help of the program, or of one command (ArrsmHelp.cpp): the prose per command, the synopses
// and option lists generated from the option table (ArrsmOptions.cpp).
QString programHelp();
QString commandHelp(CommandKind kind);
// The one-line synopsis, "Usage: arrsm [options] create ...".
QString commandUsage(std::optional<CommandKind> kind);

QString commandName(CommandKind kind);
std::optional<CommandKind> parseCommandName(const QString &name);

} // namespace arr::cli
