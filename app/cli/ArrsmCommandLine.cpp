#include "cli/ArrsmCommandLine.h"

#include "cli/ArrsmConnectionOptions.h"
#include "cli/ArrsmOptions.h"
#include "core/RequestValidator.h"

#include <QCoreApplication>

#include <cmath>

using namespace Qt::StringLiterals;

namespace arr::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("arr::cli", text);
}

// Splits options from positional arguments, without judging yet whether an option suits the
// command, which may come after it. Returns what is wrong, or empty.
QString tokenise(const QStringList &arguments, GivenOptions *given)
{
    bool optionsEnded = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (optionsEnded || argument == u"-" || !argument.startsWith(u'-')) {
            given->positionals.append(argument);
            continue;
        }
        if (argument == u"--") {
            optionsEnded = true;
            continue;
        }
        if (!argument.startsWith(u"--")) {
            // The short names are all of options that take no value.
            const OptionSpec *spec = findShortOption(QStringView(argument).mid(1));
            if (!spec)
                return tr("Unknown option \"%1\".").arg(argument);
            given->values[spec->id].append(QString());
            continue;
        }
        const qsizetype equals = argument.indexOf(u'=');
        const QString name = argument.mid(2, equals < 0 ? -1 : equals - 2);
        const OptionSpec *spec = findOption(name);
        if (!spec)
            return tr("Unknown option \"--%1\".").arg(name);
        QString value;
        if (spec->takesValue()) {
            if (equals >= 0)
                value = argument.mid(equals + 1);
            else if (i + 1 < arguments.size() && !arguments.at(i + 1).startsWith(u"--"))
                value = arguments.at(++i);
            else
                return tr("--%1 needs a value.").arg(name);
            if (given->has(spec->id) && !spec->repeatable)
                return tr("--%1 is given more than once.").arg(name);
        } else if (equals >= 0) {
            return tr("--%1 takes no value.").arg(name);
        }
        given->values[spec->id].append(value);
    }
    return {};
}

QString checkOptionsBelong(const GivenOptions &given, CommandKind kind)
{
    for (const auto &[id, values] : given.values) {
        if (!optionSpec(id).belongsTo(kind))
            return tr("%1 is not an option of %2.").arg(dashed(id), commandName(kind));
    }
    return {};
}

QString readSessionId(const GivenOptions &given, Command *command)
{
    const QStringList arguments = given.positionals.mid(1);
    if (!commandSpec(command->kind).takesSessionId) {
        if (!arguments.isEmpty())
            return tr("Unexpected argument \"%1\".").arg(arguments.first());
        return {};
    }
    if (arguments.isEmpty())
        return tr("%1 needs a session id.").arg(commandName(command->kind));
    if (arguments.size() > 1)
        return tr("Unexpected argument \"%1\".").arg(arguments.at(1));
    command->sessionId = arguments.first().trimmed();
    // Refused before anything is sent: ".." in a path would reach the account instead of a session.
    // A saved account's version is known only once it is read: its ids are held to the looser
    // 2021-01-01 rule here, and to the account's own rule by the runner.
    const SessionIdRule idRule = given.has(Opt::Account) || command->connection.apiVersion == ApiVersion::Api20210101
        ? SessionIdRule::Api20210101
        : SessionIdRule::V1Guid;
    if (const RequestVerdict verdict = RequestValidator::checkSessionId(command->sessionId, idRule); !verdict.ok())
        return verdict.sentence;
    return {};
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

// --lease of create and extend.
QString readLease(const GivenOptions &given, Command *command)
{
    if (!given.has(Opt::Lease))
        return tr("%1 needs --lease H:MM[:SS].").arg(commandName(command->kind));
    QString error;
    const auto lease = parseSpan(Opt::Lease, given.last(Opt::Lease).trimmed(), &error);
    if (!lease)
        return error;
    // The same verdict and sentence as the dialogs and the service give.
    if (const RequestVerdict verdict = RequestValidator::checkLease(*lease); !verdict.ok())
        return verdict.sentence;
    command->lease = *lease;
    return {};
}

// What create asks for besides its lease: the size, the models and the new session's id.
QString readCreate(const GivenOptions &given, Command *command)
{
    if (!given.has(Opt::Size))
        return tr("create needs --size SIZE, such as %1.").arg(knownSessionSizes().join(u", "_s));
    command->size = given.last(Opt::Size).trimmed();
    if (const RequestVerdict verdict = RequestValidator::checkSize(command->size); !verdict.ok())
        return verdict.sentence;
    for (const QString &text : given.all(Opt::Model)) {
        QUrl model;
        if (const RequestVerdict verdict = RequestValidator::checkModel(text, &model); !verdict.ok())
            return verdict.sentence;
        command->models.append(model);
    }
    if (!given.has(Opt::Id))
        return {};
    // v1 names sessions itself; an id the service would ignore is refused rather than dropped.
    if (!given.has(Opt::Account) && command->connection.apiVersion == ApiVersion::V1)
        return tr("--id needs --api-version 2021-01-01: the v1 API names sessions itself.");
    command->newSessionId = given.last(Opt::Id).trimmed();
    if (const RequestVerdict verdict
        = RequestValidator::checkSessionId(command->newSessionId, SessionIdRule::Api20210101);
        !verdict.ok())
        return u"--id: "_s + verdict.sentence;
    return {};
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

// The deadline of the whole command (its default, or --timeout) and, for keep-alive, how often it looks.
QString readTimeout(const GivenOptions &given, Command *command)
{
    command->timeout = command->wait ? std::chrono::milliseconds(DefaultWaitTimeout)
                                     : std::chrono::milliseconds(DefaultCommandTimeout);
    if (command->kind == CommandKind::KeepAlive) {
        command->timeout = DefaultKeepAliveTimeout;
        command->pollInterval = DefaultKeepAliveInterval;
    }
    if (!given.has(Opt::Timeout))
        return {};
    QString error;
    const auto timeout = parseTimeout(given.last(Opt::Timeout).trimmed(), &error);
    if (!timeout)
        return error;
    command->timeout = *timeout;
    return {};
}

// Fills the keep-alive part of `command`; returns what is wrong, or empty.
QString readKeepAlive(const GivenOptions &given, Command *command)
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

// history's filters: --since and --until (a day, or a moment), --account, and --csv.
QString readHistory(const GivenOptions &given, Command *command)
{
    command->csv = given.has(Opt::Csv);
    if (command->csv && command->json)
        return tr("--csv and --json cannot be combined.");
    command->copyToTeam = given.has(Opt::CopyToTeam);
    if (command->copyToTeam) {
        for (Opt filter : {Opt::Since, Opt::Until, Opt::Account, Opt::Csv}) {
            if (given.has(filter))
                return tr("--copy-to-team copies the whole history: it takes no %1.").arg(dashed(filter));
        }
    }
    for (Opt option : {Opt::Since, Opt::Until}) {
        if (!given.has(option))
            continue;
        const QString text = given.last(option).trimmed();
        const bool dateOnly = text.size() == 10;
        QDateTime time = dateOnly ? QDate::fromString(text, Qt::ISODate).startOfDay(Qt::UTC)
                                  : QDateTime::fromString(text, Qt::ISODate);
        if (!time.isValid())
            return tr("%1 \"%2\" is not a date (YYYY-MM-DD) or an ISO 8601 time.")
                .arg(dashed(option), given.last(option));
        if (time.timeSpec() == Qt::LocalTime)
            time.setTimeSpec(Qt::UTC);
        // --until a day: up to the end of that day.
        if (option == Opt::Until && dateOnly)
            time = time.addDays(1);
        (option == Opt::Since ? command->since : command->historyUntil) = time.toUTC();
    }
    if (given.has(Opt::Account))
        command->connection.savedAccount = given.last(Opt::Account).trimmed();
    return {};
}

// What to wait for (wait --until) and how often to look (--interval).
QString readWaiting(const GivenOptions &given, Command *command)
{
    if (given.has(Opt::Until) && command->kind == CommandKind::Wait) {
        const QString until = given.last(Opt::Until).trimmed().toLower();
        if (until == u"ready")
            command->until = SessionStatus::Ready;
        else if (until == u"stopped")
            command->until = SessionStatus::Stopped;
        else
            return tr("--until \"%1\" is neither ready nor stopped.").arg(given.last(Opt::Until));
    }
    if (!given.has(Opt::Interval))
        return {};
    if (!command->wait && command->kind != CommandKind::KeepAlive)
        return tr("--interval applies only with --wait.");
    QString error;
    const auto interval = parseInterval(given.last(Opt::Interval).trimmed(), &error);
    if (!interval)
        return error;
    command->pollInterval = *interval;
    return {};
}

// watch: where to serve the metrics, and which accounts: the environment's (or the options') when an
// endpoint is given, else every enabled saved account.
QString readWatch(const GivenOptions &given, const QProcessEnvironment &environment, Command *command)
{
    if (command->json)
        return tr("watch prints its alerts as lines on stderr; --json does not apply.");
    if (given.has(Opt::Account))
        return tr("watch watches every enabled saved account; --account does not apply (switch an account off "
                  "in the desktop app to leave it out).");
    if (given.has(Opt::MetricsListen))
        command->metricsListen = given.last(Opt::MetricsListen).trimmed();
    const bool endpointGiven
        = given.has(Opt::Endpoint) || !environment.value(QString(optionSpec(Opt::Endpoint).environment)).isEmpty();
    if (!endpointGiven)
        return {};
    command->watchRunAccount = true;
    return readConnection(given, environment, &command->connection);
}

// Fills `command` (its kind set) from what was given, step by step in the order the problems are
// reported; returns the first problem, or empty.
QString readCommand(const GivenOptions &given, const QProcessEnvironment &environment, Command *command)
{
    const CommandKind kind = command->kind;
    if (QString error = checkOptionsBelong(given, kind); !error.isEmpty())
        return error;
    if (QString error = readApiVersion(given, environment, &command->connection); !error.isEmpty())
        return error;
    if (QString error = readSessionId(given, command); !error.isEmpty())
        return error;
    command->json = given.has(Opt::Json);
    command->verbose = given.has(Opt::Verbose);
    command->wait = given.has(Opt::Wait) || kind == CommandKind::Wait;
    if (kind == CommandKind::Create || kind == CommandKind::Extend) {
        if (QString error = readLease(given, command); !error.isEmpty())
            return error;
    }
    if (kind == CommandKind::Create) {
        if (QString error = readCreate(given, command); !error.isEmpty())
            return error;
    }
    if (QString error = readTimeout(given, command); !error.isEmpty())
        return error;
    if (kind == CommandKind::KeepAlive) {
        if (QString error = readKeepAlive(given, command); !error.isEmpty())
            return error;
    }
    if (kind == CommandKind::Stop && command->wait)
        command->until = SessionStatus::Stopped;
    // history reads the file on this computer: no connection, no waiting.
    if (kind == CommandKind::History)
        return readHistory(given, command);
    if (QString error = readWaiting(given, command); !error.isEmpty())
        return error;
    if (kind == CommandKind::Accounts)
        return {};
    if (kind == CommandKind::Metrics && command->json)
        return tr("metrics prints the OpenMetrics text format; --json does not apply.");
    if (kind == CommandKind::Watch)
        return readWatch(given, environment, command);
    return readConnection(given, environment, &command->connection);
}

ParseResult usageError(const QString &what, std::optional<CommandKind> kind)
{
    ParseResult result;
    result.action = ParseResult::Action::UsageError;
    result.text = what;
    result.usage = commandUsage(kind);
    return result;
}

ParseResult help(const QString &text)
{
    ParseResult result;
    result.action = ParseResult::Action::Help;
    result.text = text;
    return result;
}

} // namespace

ParseResult parseCommandLine(const QStringList &arguments, const QProcessEnvironment &environment)
{
    GivenOptions given;
    if (QString error = tokenise(arguments, &given); !error.isEmpty())
        return usageError(error, std::nullopt);
    if (given.has(Opt::Version)) {
        ParseResult result;
        result.action = ParseResult::Action::Version;
        return result;
    }
    if (given.positionals.isEmpty()) {
        if (given.has(Opt::Help))
            return help(programHelp());
        return usageError(tr("No command given."), std::nullopt);
    }
    const std::optional<CommandKind> kind = parseCommandName(given.positionals.first());
    if (!kind)
        return usageError(tr("Unknown command \"%1\".").arg(given.positionals.first()), std::nullopt);
    // Help wins over whatever else is wrong with the command.
    if (given.has(Opt::Help))
        return help(commandHelp(*kind));
    ParseResult result;
    result.command.kind = *kind;
    if (QString error = readCommand(given, environment, &result.command); !error.isEmpty())
        return usageError(error, kind);
    return result;
}

} // namespace arr::cli
