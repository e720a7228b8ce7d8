#include "cli/ArrsmCommandLine.h"

#include "core/Account.h"
#include "core/RequestValidator.h"
#include "core/SafeText.h"

#include <QCoreApplication>
#include <QHash>

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace arr::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("arr::cli", text);
}

enum class Opt {
    Endpoint,
    StsEndpoint,
    AccountId,
    AccountKey,
    Account,
    Json,
    Verbose,
    Help,
    Version,
    Lease,
    Size,
    Model,
    Wait,
    Timeout,
    Interval,
    Until,
    MaxLease,
    Step,
    Before,
    Since,
    Csv,
    ApiVersion,
    Id,
};

constexpr unsigned bit(CommandKind kind)
{
    return 1u << unsigned(kind);
}

constexpr unsigned EveryCommand = 0;

struct OptionSpec
{
    Opt id;
    QLatin1StringView name;
    bool takesValue;
    // The environment variable that stands in for the option; empty when none.
    QLatin1StringView environment;
    // The commands the option belongs to, as bits; EveryCommand for the global options.
    unsigned commands;
    bool repeatable;
};

constexpr std::array<OptionSpec, 23> Options{{
    {Opt::Endpoint, "endpoint"_L1, true, "ARRSM_ENDPOINT"_L1, EveryCommand, false},
    {Opt::StsEndpoint, "sts-endpoint"_L1, true, "ARRSM_STS_ENDPOINT"_L1, EveryCommand, false},
    {Opt::AccountId, "account-id"_L1, true, "ARRSM_ACCOUNT_ID"_L1, EveryCommand, false},
    {Opt::AccountKey, "account-key"_L1, true, "ARRSM_ACCOUNT_KEY"_L1, EveryCommand, false},
    {Opt::Account, "account"_L1, true, {}, EveryCommand, false},
    {Opt::Json, "json"_L1, false, {}, EveryCommand, false},
    {Opt::Verbose, "verbose"_L1, false, {}, EveryCommand, false},
    {Opt::Help, "help"_L1, false, {}, EveryCommand, false},
    {Opt::Version, "version"_L1, false, {}, EveryCommand, false},
    {Opt::Lease, "lease"_L1, true, {}, bit(CommandKind::Create) | bit(CommandKind::Extend), false},
    {Opt::Size, "size"_L1, true, {}, bit(CommandKind::Create), false},
    {Opt::Model, "model"_L1, true, {}, bit(CommandKind::Create), true},
    {Opt::Wait, "wait"_L1, false, {}, bit(CommandKind::Create) | bit(CommandKind::Stop), false},
    {Opt::Timeout, "timeout"_L1, true, {}, EveryCommand, false},
    {Opt::Interval, "interval"_L1, true, {},
        bit(CommandKind::Create) | bit(CommandKind::Stop) | bit(CommandKind::Wait) | bit(CommandKind::KeepAlive),
        false},
    {Opt::Until, "until"_L1, true, {}, bit(CommandKind::Wait) | bit(CommandKind::KeepAlive) | bit(CommandKind::History),
        false},
    {Opt::MaxLease, "max-lease"_L1, true, {}, bit(CommandKind::KeepAlive), false},
    {Opt::Step, "step"_L1, true, {}, bit(CommandKind::KeepAlive), false},
    {Opt::Before, "before"_L1, true, {}, bit(CommandKind::KeepAlive), false},
    {Opt::Since, "since"_L1, true, {}, bit(CommandKind::History), false},
    {Opt::Csv, "csv"_L1, false, {}, bit(CommandKind::History), false},
    {Opt::ApiVersion, "api-version"_L1, true, "ARRSM_API_VERSION"_L1, EveryCommand, false},
    {Opt::Id, "id"_L1, true, {}, bit(CommandKind::Create), false},
}};

constexpr std::array<std::pair<CommandKind, QLatin1StringView>, 10> CommandNames{{
    {CommandKind::List, "list"_L1},
    {CommandKind::Show, "show"_L1},
    {CommandKind::Create, "create"_L1},
    {CommandKind::Extend, "extend"_L1},
    {CommandKind::Stop, "stop"_L1},
    {CommandKind::Wait, "wait"_L1},
    {CommandKind::Accounts, "accounts"_L1},
    {CommandKind::KeepAlive, "keep-alive"_L1},
    {CommandKind::History, "history"_L1},
    {CommandKind::Metrics, "metrics"_L1},
}};

const OptionSpec *findOption(QStringView name)
{
    for (const OptionSpec &spec : Options) {
        if (name == spec.name)
            return &spec;
    }
    return nullptr;
}

const OptionSpec &optionSpec(Opt id)
{
    for (const OptionSpec &spec : Options) {
        if (spec.id == id)
            return spec;
    }
    Q_UNREACHABLE();
    return Options.front();
}

QString dashed(Opt id)
{
    return u"--"_s + QString(optionSpec(id).name);
}

bool takesSessionId(CommandKind kind)
{
    return kind == CommandKind::Show || kind == CommandKind::Extend || kind == CommandKind::Stop
        || kind == CommandKind::Wait || kind == CommandKind::KeepAlive;
}

std::optional<TimeSpan> parseSpan(Opt id, const QString &text, QString *error)
{
    QString why;
    const auto span = TimeSpan::parseDuration(text, &why);
    if (!span) {
        *error = dashed(id) + u": "_s + why;
        return std::nullopt;
    }
    return span;
}

// The options as given on the command line, before they are checked against the command.
struct Given
{
    QHash<Opt, QStringList> values;
    QStringList positionals;

    bool has(Opt id) const { return values.contains(id); }
    QString last(Opt id) const { return values.value(id).value(values.value(id).size() - 1); }
};

// A value from the command line, else from the option's environment variable; remembers which, so
// that an error can name where the bad value came from.
struct Sourced
{
    QString value;
    QString source;

    bool isEmpty() const { return value.isEmpty(); }
};

// Fills the keep-alive part of `command`; returns what is wrong, or empty.
QString parseKeepAlive(const Given &given, Command *command)
{
    const bool until = given.has(Opt::Until);
    if (until == given.has(Opt::MaxLease))
        return tr("keep-alive needs either --until HH:MM or --max-lease H:MM (one of them).");
    QString error;
    KeepAliveSpec &spec = command->keepAlive;
    if (until) {
        const QString text = given.last(Opt::Until).trimmed();
        const QTime time = QTime::fromString(text, u"H:mm"_s);
        if (!time.isValid())
            return tr("--until \"%1\" is not a time of day such as 18:30.").arg(text);
        spec.bound = KeepAliveSpec::Bound::UntilTime;
        command->keepAliveUntil = time;
        // A placeholder that validates; the runner sets the real moment from its clock.
        spec.until = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    } else {
        const auto lease = parseSpan(Opt::MaxLease, given.last(Opt::MaxLease).trimmed(), &error);
        if (!lease)
            return error;
        spec.bound = KeepAliveSpec::Bound::MaxLease;
        spec.maxLease = *lease;
    }
    if (given.has(Opt::Step)) {
        const auto step = parseSpan(Opt::Step, given.last(Opt::Step).trimmed(), &error);
        if (!step)
            return error;
        spec.step = *step;
    }
    if (given.has(Opt::Before)) {
        const auto before = parseSpan(Opt::Before, given.last(Opt::Before).trimmed(), &error);
        if (!before)
            return error;
        spec.before = *before;
    }
    return spec.validationError();
}

Sourced sourced(const Given &given, const QProcessEnvironment &environment, Opt id)
{
    if (given.has(id))
        return {given.last(id).trimmed(), dashed(id)};
    const QLatin1StringView variable = optionSpec(id).environment;
    if (!variable.isEmpty()) {
        const QString value = environment.value(QString(variable)).trimmed();
        if (!value.isEmpty())
            return {value, QString(variable)};
    }
    return {};
}

std::optional<TimeSpan> parseLease(const QString &text, QString *error)
{
    QString why;
    const auto lease = TimeSpan::parseDuration(text, &why);
    if (!lease) {
        *error = u"--lease: "_s + why;
        return std::nullopt;
    }
    // The same verdict and sentence as the dialogs and the service give.
    if (const RequestVerdict verdict = RequestValidator::checkLease(*lease); !verdict.ok()) {
        *error = verdict.sentence;
        return std::nullopt;
    }
    return lease;
}

std::optional<std::chrono::milliseconds> parseTimeout(const QString &text, QString *error)
{
    // A week is far beyond any start or stop the service ever took; anything larger is a typo.
    constexpr double MaximumSeconds = 7 * 24 * 3600;
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds <= 0 || seconds > MaximumSeconds) {
        *error = tr("--timeout \"%1\" is not a number of seconds greater than 0 (and at most a week).").arg(text);
        return std::nullopt;
    }
    return std::chrono::milliseconds(qint64(std::ceil(seconds * 1000)));
}

std::optional<std::chrono::milliseconds> parseInterval(const QString &text, QString *error)
{
    // Below a tenth of a second a wait would only load the service; above an hour it would miss
    // what it waits for.
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0.1 || seconds > 3600) {
        *error = tr("--interval \"%1\" is not a number of seconds from 0.1 to 3600.").arg(text);
        return std::nullopt;
    }
    return std::chrono::milliseconds(qint64(std::ceil(seconds * 1000)));
}

// An endpoint from wherever it came, checked as the service layer would check it.
std::optional<QUrl> parseEndpoint(const Sourced &given, QString *error)
{
    const QUrl url(given.value, QUrl::StrictMode);
    if (const QString why = endpointError(url); !why.isEmpty()) {
        *error = given.source + u": "_s + why;
        return std::nullopt;
    }
    return url;
}

} // namespace

QString commandName(CommandKind kind)
{
    for (const auto &[candidate, name] : CommandNames) {
        if (candidate == kind)
            return QString(name);
    }
    return {};
}

std::optional<CommandKind> parseCommandName(const QString &name)
{
    for (const auto &[kind, candidate] : CommandNames) {
        if (name == candidate)
            return kind;
    }
    return std::nullopt;
}

QString commandUsage(std::optional<CommandKind> kind)
{
    if (!kind)
        return tr("Usage: arrsm [options] <command> [arguments]\nTry 'arrsm --help' for more information.");
    QString synopsis;
    switch (*kind) {
    case CommandKind::List:
        synopsis = u"list"_s;
        break;
    case CommandKind::Show:
        synopsis = u"show ID"_s;
        break;
    case CommandKind::Create:
        synopsis = u"create --lease H:MM[:SS] --size SIZE [--model URL]... [--wait [--interval S]]"_s;
        break;
    case CommandKind::Extend:
        synopsis = u"extend ID --lease H:MM[:SS]"_s;
        break;
    case CommandKind::Stop:
        synopsis = u"stop ID [--wait [--interval S]]"_s;
        break;
    case CommandKind::Wait:
        synopsis = u"wait ID [--until ready|stopped] [--interval S]"_s;
        break;
    case CommandKind::Accounts:
        synopsis = u"accounts"_s;
        break;
    case CommandKind::KeepAlive:
        synopsis = u"keep-alive ID (--until HH:MM | --max-lease H:MM) [--step H:MM] [--before H:MM] [--interval S]"_s;
        break;
    case CommandKind::History:
        synopsis = u"history [--since DATE] [--until DATE] [--account NAME] [--csv|--json]"_s;
        break;
    case CommandKind::Metrics:
        synopsis = u"metrics"_s;
        break;
    }
    return tr("Usage: arrsm [options] %1\nTry 'arrsm %2 --help' for more information.")
        .arg(synopsis, commandName(*kind));
}

QString programHelp()
{
    return tr(R"(Usage: arrsm [options] <command> [arguments]

Creates, watches, extends and stops remote-rendering sessions, for scripts and terminals.

Commands:
  list                        every session of the account
  show ID                     one session's properties
  create --lease H:MM[:SS] --size SIZE [--model URL]... [--wait [--interval S]]
                              start a session
  extend ID --lease H:MM[:SS] give a session a longer lease
  stop ID [--wait [--interval S]]
                              stop a session
  wait ID [--until ready|stopped] [--interval S]
                              wait until a session is ready (or stopped)
  accounts                    saved accounts, never their keys
  keep-alive ID (--until HH:MM | --max-lease H:MM) [--step H:MM] [--before H:MM] [--interval S]
                              extend a session's lease as it runs low, up to a bound
  history [--since DATE] [--until DATE] [--account NAME] [--csv|--json]
                              the sessions seen or handled on this computer
  metrics                     the account's sessions, leases and burn rate in the OpenMetrics
                              text format (for Prometheus)

Options (each may also come from the environment variable beside it; the option wins):
  --endpoint URL        ARRSM_ENDPOINT       service base URL
  --sts-endpoint URL    ARRSM_STS_ENDPOINT   token service base URL
                                             (default https://sts.mixedreality.azure.com)
  --account-id ID       ARRSM_ACCOUNT_ID
  --account-key KEY     ARRSM_ACCOUNT_KEY    prefer the variable: a key on the command line
                                             can be seen by other users of this computer
  --api-version V       ARRSM_API_VERSION    the session API: v1 (default) or 2021-01-01
  --account NAME        an account saved by the desktop app (key from the keychain and
                        its saved API version); replaces the five options above
  --json                machine-readable output on stdout
  --verbose             the request log on stderr, secrets redacted
  --timeout S           give up after S seconds, the whole command included, and exit
                        with 3 (default 120; 1800 for wait, create --wait, stop --wait)
  -h, --help            this help; 'arrsm COMMAND --help' for one command's
  --version             the version

Options may come before or after the command, as --option VALUE or --option=VALUE.
ID is a session id as the service gave it, a GUID such as 01234567-89ab-cdef-0123-456789abcdef.
Plain http is accepted only for this computer's own address (a local emulator).

Output: an aligned table, or with --json a JSON array (list) or one JSON object (show, create,
extend, stop, wait) with the service's v1 field names, "remaining" (the lease left) added, and
null where the service gave nothing. Timespans are [d.]hh:mm:ss. metrics prints OpenMetrics text.

Exit status:
  0  success
  1  the service answered with an error, or the request failed (stderr: the HTTP status, the
     message and the MS-CV to quote to support)
  2  a usage error (stderr: what is wrong, and the usage)
  3  the command, or its wait, timed out (--timeout)
  4  a waited-for session ended in error, expired, or stopped while waiting for ready
)");
}

QString commandHelp(CommandKind kind)
{
    QString body;
    switch (kind) {
    case CommandKind::List:
        body = tr(R"(Lists every session of the account with its status, size, remaining lease, lease and hostname.
With --json: a JSON array of session objects ([] when there is none).
)");
        break;
    case CommandKind::Show:
        body = tr(R"(Shows one session's properties. With --json: one session object.
)");
        break;
    case CommandKind::Create:
        body = tr(R"(Starts a session. The request is sent once and never repeated automatically: a failed create
may still have started a session, so list before trying again.

  --lease H:MM[:SS]   the maximum lease, longer than zero and at most 24:00 (the session stops then)
  --size SIZE         the virtual machine size: standard or premium (small or big on older services)
  --model URL         a model to load: an https:// or builtin:// URL (plain http only to this
                      computer); may be given more than once (v1 only)
  --id ID             2021-01-01 only: the new session's id (letters, digits, - and _, at most
                      256); a new UUID when not given. A create whose answer was lost is repeated
                      with the same id, which the service answers with the same session.
  --wait              wait until the session is ready, then print it
  --timeout S         give up after S seconds and exit with 3 (default 120; 1800 with --wait)
  --interval S        with --wait: ask every S seconds (default 5)

Prints the new session (with --json: one session object). With --wait, exits with 4 when the session
ends in error or expires instead of becoming ready.
)");
        break;
    case CommandKind::Extend:
        body = tr(R"(Gives a session a longer lease, counted from the session's start.

  --lease H:MM[:SS]   the new maximum lease, longer than the current one and at most 24:00

Prints the session afterwards (with --json: one session object).
)");
        break;
    case CommandKind::Stop:
        body = tr(R"(Stops a session.

  --wait              wait until the session is stopped, then print it
  --timeout S         give up after S seconds and exit with 3 (default 120; 1800 with --wait)
  --interval S        with --wait: ask every S seconds (default 5)

Prints the session afterwards (with --json: one session object).
)");
        break;
    case CommandKind::Wait:
        body = tr(R"(Waits until a session reaches a status, asking the service every five seconds (--interval).

  --until ready|stopped   the status to wait for (default ready)
  --timeout S             give up after S seconds (default 1800)
  --interval S            ask every S seconds (default 5)

Prints the session as last seen (with --json: one session object). Exits with 0 when the status is
reached, 3 when the time ran out, and 4 when the session ended otherwise: in error, expired, or
stopped while waiting for ready.
)");
        break;
    case CommandKind::Accounts:
        body = tr(R"(Lists the accounts saved by the desktop app: name, account id, endpoints. Keys stay in the
keychain and are never shown. With --json: a JSON array.
)");
        break;
    case CommandKind::KeepAlive:
        body = tr(R"(Keeps a ready session alive, in the foreground: whenever less than --before of its lease is left,
extends the lease by --step, never beyond the bound (a time of day, or a total lease) nor beyond the
service's 24 hours. The lease left is computed from the service's own elapsed time.

  --until HH:MM       keep it alive until this time of day (local time; the next one to come)
  --max-lease H:MM    or: keep it alive up to this total lease
  --step H:MM         extend by this much each time (default 0:30)
  --before H:MM       extend when less than this is left (default 0:10)
  --interval S        look every S seconds (default 10)

Prints each extension (with --json: one JSON object per line). Exits with 0 when the bound is reached
(saying when the session will end), 4 when the session ended otherwise, 1 on a service error it
cannot get past. Ctrl+C ends it without touching the session.
)");
        break;
    case CommandKind::History:
        body = tr(R"(Lists the sessions the desktop app and arrsm saw or handled on this computer, newest first.
  --since DATE    sessions still alive at or after DATE (YYYY-MM-DD or ISO 8601, UTC)
  --until DATE    sessions first seen before the end of DATE
  --account NAME  only this account's sessions
  --csv           RFC 4180 CSV with one header row; --json: a JSON array. Times are ISO 8601 UTC.
)");
        break;
    case CommandKind::Metrics:
        body = tr(R"(Prints the account's live state in the OpenMetrics text format, for Prometheus and Grafana
(node exporter's textfile collector, or any scraper running the command), then "# EOF":
  arrsm_sessions{account,status,size}          sessions by status and size
  arrsm_session_remaining_lease_seconds{account,session_id,size}
                                               each session's lease left, where the service gave it
  arrsm_billed_hours_per_hour{account}         sessions ready now (billed hours per hour)
  arrsm_burn_rate_per_hour{account,currency}   the hourly prices of the ready sessions summed, with
                                               arrsm_unpriced_ready_sessions{account}; only when
                                               prices are set in the desktop app's Preferences
The account is chosen as for list: --account NAME, or --endpoint, --account-id and the key.
Exits with 1 when the service cannot be asked (nothing is printed on stdout then).
)");
        break;
    }
    return commandUsage(kind).section(u'\n', 0, 0) + u"\n\n"_s + body
        + tr("\nThe global options (--endpoint, --account, --json, ...) are listed by 'arrsm --help'.\n");
}

ParseResult parseCommandLine(const QStringList &arguments, const QProcessEnvironment &environment)
{
    ParseResult result;
    std::optional<CommandKind> kind;
    const auto usageError = [&result, &kind](const QString &what) {
        result.action = ParseResult::Action::UsageError;
        result.text = what;
        result.usage = commandUsage(kind);
        return result;
    };

    // First pass: split options from positional arguments, without judging yet whether an option
    // suits the command, which may come after it.
    Given given;
    bool optionsEnded = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (optionsEnded || argument == u"-" || !argument.startsWith(u'-')) {
            given.positionals.append(argument);
            continue;
        }
        if (argument == u"--") {
            optionsEnded = true;
            continue;
        }
        if (argument == u"-h") {
            given.values[Opt::Help].append(QString());
            continue;
        }
        if (!argument.startsWith(u"--"))
            return usageError(tr("Unknown option \"%1\".").arg(argument));
        const qsizetype equals = argument.indexOf(u'=');
        const QString name = argument.mid(2, equals < 0 ? -1 : equals - 2);
        const OptionSpec *spec = findOption(name);
        if (!spec)
            return usageError(tr("Unknown option \"--%1\".").arg(name));
        QString value;
        if (spec->takesValue) {
            if (equals >= 0) {
                value = argument.mid(equals + 1);
            } else if (i + 1 < arguments.size() && !arguments.at(i + 1).startsWith(u"--")) {
                value = arguments.at(++i);
            } else {
                return usageError(tr("--%1 needs a value.").arg(name));
            }
            if (given.has(spec->id) && !spec->repeatable)
                return usageError(tr("--%1 is given more than once.").arg(name));
        } else if (equals >= 0) {
            return usageError(tr("--%1 takes no value.").arg(name));
        }
        given.values[spec->id].append(value);
    }

    if (given.has(Opt::Version)) {
        result.action = ParseResult::Action::Version;
        return result;
    }
    if (given.positionals.isEmpty()) {
        if (given.has(Opt::Help)) {
            result.action = ParseResult::Action::Help;
            result.text = programHelp();
            return result;
        }
        return usageError(tr("No command given."));
    }
    kind = parseCommandName(given.positionals.first());
    if (!kind)
        return usageError(tr("Unknown command \"%1\".").arg(given.positionals.first()));
    if (given.has(Opt::Help)) {
        result.action = ParseResult::Action::Help;
        result.text = commandHelp(*kind);
        return result;
    }

    Command &command = result.command;
    command.kind = *kind;
    for (auto it = given.values.cbegin(); it != given.values.cend(); ++it) {
        const OptionSpec &spec = optionSpec(it.key());
        if (spec.commands != EveryCommand && !(spec.commands & bit(*kind)))
            return usageError(tr("%1 is not an option of %2.").arg(dashed(spec.id), commandName(*kind)));
    }

    // The API version: the account's own when --account names a saved one.
    const Sourced apiVersion = given.has(Opt::Account) && !given.has(Opt::ApiVersion)
        ? Sourced{}
        : sourced(given, environment, Opt::ApiVersion);
    if (!apiVersion.isEmpty()) {
        if (given.has(Opt::Account))
            return usageError(tr("--account uses the saved account's API version; it cannot be combined with "
                                 "--api-version."));
        const std::optional<ApiVersion> version = parseApiVersion(apiVersion.value);
        if (!version)
            return usageError(tr("%1: \"%2\" is not an API version; use v1 or 2021-01-01.")
                                  .arg(apiVersion.source, safeText(apiVersion.value, 80)));
        command.connection.apiVersion = *version;
    }
    const SessionIdRule idRule = given.has(Opt::Account) || command.connection.apiVersion == ApiVersion::Api20210101
        ? SessionIdRule::Api20210101
        : SessionIdRule::V1Guid;

    const QStringList arguments1 = given.positionals.mid(1);
    if (takesSessionId(*kind)) {
        if (arguments1.isEmpty())
            return usageError(tr("%1 needs a session id.").arg(commandName(*kind)));
        if (arguments1.size() > 1)
            return usageError(tr("Unexpected argument \"%1\".").arg(arguments1.at(1)));
        command.sessionId = arguments1.first().trimmed();
        // Refused before anything is sent: ".." in a path would reach the account instead of a session.
        // A saved account's version is known only once it is read: its ids are held to the looser
        // 2021-01-01 rule here, and to the account's own rule by the runner.
        if (const RequestVerdict verdict = RequestValidator::checkSessionId(command.sessionId, idRule); !verdict.ok())
            return usageError(verdict.sentence);
    } else if (!arguments1.isEmpty()) {
        return usageError(tr("Unexpected argument \"%1\".").arg(arguments1.first()));
    }

    command.json = given.has(Opt::Json);
    command.verbose = given.has(Opt::Verbose);
    command.wait = given.has(Opt::Wait) || *kind == CommandKind::Wait;
    QString error;

    if (*kind == CommandKind::Create || *kind == CommandKind::Extend) {
        if (!given.has(Opt::Lease))
            return usageError(tr("%1 needs --lease H:MM[:SS].").arg(commandName(*kind)));
        const auto lease = parseLease(given.last(Opt::Lease).trimmed(), &error);
        if (!lease)
            return usageError(error);
        command.lease = *lease;
    }
    if (*kind == CommandKind::Create) {
        if (!given.has(Opt::Size))
            return usageError(tr("create needs --size SIZE, such as %1.").arg(knownSessionSizes().join(u", "_s)));
        command.size = given.last(Opt::Size).trimmed();
        if (const RequestVerdict verdict = RequestValidator::checkSize(command.size); !verdict.ok())
            return usageError(verdict.sentence);
        for (const QString &text : given.values.value(Opt::Model)) {
            QUrl model;
            if (const RequestVerdict verdict = RequestValidator::checkModel(text, &model); !verdict.ok())
                return usageError(verdict.sentence);
            command.models.append(model);
        }
        if (given.has(Opt::Id)) {
            // v1 names sessions itself; an id the service would ignore is refused rather than dropped.
            if (!given.has(Opt::Account) && command.connection.apiVersion == ApiVersion::V1)
                return usageError(tr("--id needs --api-version 2021-01-01: the v1 API names sessions itself."));
            command.newSessionId = given.last(Opt::Id).trimmed();
            if (const RequestVerdict verdict
                = RequestValidator::checkSessionId(command.newSessionId, SessionIdRule::Api20210101);
                !verdict.ok())
                return usageError(u"--id: "_s + verdict.sentence);
        }
    }
    command.timeout = command.wait ? std::chrono::milliseconds(DefaultWaitTimeout)
                                   : std::chrono::milliseconds(DefaultCommandTimeout);
    if (*kind == CommandKind::KeepAlive) {
        command.timeout = DefaultKeepAliveTimeout;
        command.pollInterval = DefaultKeepAliveInterval;
    }
    if (given.has(Opt::Timeout)) {
        const auto timeout = parseTimeout(given.last(Opt::Timeout).trimmed(), &error);
        if (!timeout)
            return usageError(error);
        command.timeout = *timeout;
    }
    if (*kind == CommandKind::KeepAlive) {
        if (auto problem = parseKeepAlive(given, &command); !problem.isEmpty())
            return usageError(problem);
    }
    if (*kind == CommandKind::Stop && command.wait)
        command.until = SessionStatus::Stopped;
    if (*kind == CommandKind::History) {
        command.csv = given.has(Opt::Csv);
        if (command.csv && command.json)
            return usageError(tr("--csv and --json cannot be combined."));
        for (Opt option : {Opt::Since, Opt::Until}) {
            if (!given.has(option))
                continue;
            const QString text = given.last(option).trimmed();
            const bool dateOnly = text.size() == 10;
            QDateTime time = dateOnly ? QDate::fromString(text, Qt::ISODate).startOfDay(Qt::UTC)
                                      : QDateTime::fromString(text, Qt::ISODate);
            if (!time.isValid())
                return usageError(tr("%1 \"%2\" is not a date (YYYY-MM-DD) or an ISO 8601 time.")
                                      .arg(dashed(option), given.last(option)));
            if (time.timeSpec() == Qt::LocalTime)
                time.setTimeSpec(Qt::UTC);
            // --until a day: up to the end of that day.
            if (option == Opt::Until && dateOnly)
                time = time.addDays(1);
            (option == Opt::Since ? command.since : command.historyUntil) = time.toUTC();
        }
        if (given.has(Opt::Account))
            command.connection.savedAccount = given.last(Opt::Account).trimmed();
        return result;
    }
    if (given.has(Opt::Until) && *kind == CommandKind::Wait) {
        const QString until = given.last(Opt::Until).trimmed().toLower();
        if (until == u"ready")
            command.until = SessionStatus::Ready;
        else if (until == u"stopped")
            command.until = SessionStatus::Stopped;
        else
            return usageError(tr("--until \"%1\" is neither ready nor stopped.").arg(given.last(Opt::Until)));
    }
    if (given.has(Opt::Interval)) {
        if (!command.wait && *kind != CommandKind::KeepAlive)
            return usageError(tr("--interval applies only with --wait."));
        const auto interval = parseInterval(given.last(Opt::Interval).trimmed(), &error);
        if (!interval)
            return usageError(error);
        command.pollInterval = *interval;
    }

    if (*kind == CommandKind::Accounts)
        return result;
    if (*kind == CommandKind::Metrics && command.json)
        return usageError(tr("metrics prints the OpenMetrics text format; --json does not apply."));

    // Where to connect, and as whom.
    Connection &connection = command.connection;
    if (given.has(Opt::Account)) {
        connection.savedAccount = given.last(Opt::Account).trimmed();
        if (connection.savedAccount.isEmpty())
            return usageError(tr("--account needs the name of a saved account ('arrsm accounts' lists them)."));
        for (Opt replaced : {Opt::Endpoint, Opt::StsEndpoint, Opt::AccountId, Opt::AccountKey}) {
            if (given.has(replaced))
                return usageError(tr("--account takes the endpoints and id from the saved account and the key "
                                     "from the keychain; it cannot be combined with %1.")
                                      .arg(dashed(replaced)));
        }
        return result;
    }

    const Sourced endpoint = sourced(given, environment, Opt::Endpoint);
    if (endpoint.isEmpty())
        return usageError(
            tr("No service endpoint: give --endpoint URL or set ARRSM_ENDPOINT (or use --account NAME)."));
    const auto endpointUrl = parseEndpoint(endpoint, &error);
    if (!endpointUrl)
        return usageError(error);
    connection.endpoint = *endpointUrl;

    Sourced tokenEndpoint = sourced(given, environment, Opt::StsEndpoint);
    if (tokenEndpoint.isEmpty())
        tokenEndpoint = {defaultTokenEndpoint().toString(), tr("the default token service")};
    const auto tokenUrl = parseEndpoint(tokenEndpoint, &error);
    if (!tokenUrl)
        return usageError(error);
    connection.tokenEndpoint = *tokenUrl;

    const Sourced accountId = sourced(given, environment, Opt::AccountId);
    if (accountId.isEmpty())
        return usageError(tr("No account id: give --account-id ID or set ARRSM_ACCOUNT_ID (or use --account NAME)."));
    if (const QString why = accountIdError(accountId.value); !why.isEmpty())
        return usageError(accountId.source + u": "_s + why);
    connection.accountId = accountId.value;

    const Sourced key = sourced(given, environment, Opt::AccountKey);
    if (key.isEmpty())
        return usageError(
            tr("No account key: set ARRSM_ACCOUNT_KEY (or give --account-key KEY, or use --account NAME)."));
    if (const QString why = accountKeyError(key.value); !why.isEmpty())
        return usageError(key.source + u": "_s + why);
    connection.accountKey = key.value;
    return result;
}

} // namespace arr::cli
