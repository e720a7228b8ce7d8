#include "cli/ArrsmCommandLine.h"

#include "cli/ArrsmOptions.h"

#include "core/Account.h"
#include "core/RequestValidator.h"
#include "core/SafeText.h"

#include <QCoreApplication>

#include <cmath>

using namespace Qt::StringLiterals;

namespace arr::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("arr::cli", text);
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

// A value from the command line, else from the option's environment variable; remembers which, so
// that an error can name where the bad value came from.
struct Sourced
{
    QString value;
    QString source;

    bool isEmpty() const { return value.isEmpty(); }
};

// Fills the keep-alive part of `command`; returns what is wrong, or empty.
QString parseKeepAlive(const GivenOptions &given, Command *command)
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

Sourced sourced(const GivenOptions &given, const QProcessEnvironment &environment, Opt id)
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
    GivenOptions given;
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
        if (!argument.startsWith(u"--")) {
            // The short names are all of options that take no value.
            const OptionSpec *spec = findShortOption(QStringView(argument).mid(1));
            if (!spec)
                return usageError(tr("Unknown option \"%1\".").arg(argument));
            given.values[spec->id].append(QString());
            continue;
        }
        const qsizetype equals = argument.indexOf(u'=');
        const QString name = argument.mid(2, equals < 0 ? -1 : equals - 2);
        const OptionSpec *spec = findOption(name);
        if (!spec)
            return usageError(tr("Unknown option \"--%1\".").arg(name));
        QString value;
        if (spec->takesValue()) {
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
    for (const auto &[id, values] : given.values) {
        if (!optionSpec(id).belongsTo(*kind))
            return usageError(tr("%1 is not an option of %2.").arg(dashed(id), commandName(*kind)));
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
    if (commandSpec(*kind).takesSessionId) {
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
        for (const QString &text : given.all(Opt::Model)) {
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
