#include "cli/ArrsmOptions.h"

using namespace Qt::StringLiterals;

namespace arr::cli {

namespace {

using P = Placement;
constexpr Commands InCreate = bit(CommandKind::Create);
constexpr Commands InExtend = bit(CommandKind::Extend);
constexpr Commands InStop = bit(CommandKind::Stop);
constexpr Commands InWait = bit(CommandKind::Wait);
constexpr Commands InKeepAlive = bit(CommandKind::KeepAlive);
constexpr Commands InHistory = bit(CommandKind::History);
constexpr Commands InWatch = bit(CommandKind::Watch);
constexpr bool Once = false;
constexpr bool Repeatable = true;

// Each row: the option, its short name, its environment variable, whether it may be repeated, then
// its uses: {commands, value name, place in the synopsis, the option it is placed with, help}. A long
// help line carries its line break. The rows are in the order the help lists them.
const std::vector<OptionSpec> OptionTable{
    {Opt::Endpoint, "endpoint"_L1, {}, "ARRSM_ENDPOINT"_L1, Once,
        {{AnyCommand, "URL"_L1, P::Hidden, Opt::None, "service base URL"}}},
    {Opt::StsEndpoint, "sts-endpoint"_L1, {}, "ARRSM_STS_ENDPOINT"_L1, Once,
        {{AnyCommand, "URL"_L1, P::Hidden, Opt::None,
            "token service base URL\n(default https://sts.mixedreality.azure.com)"}}},
    {Opt::AccountId, "account-id"_L1, {}, "ARRSM_ACCOUNT_ID"_L1, Once,
        {{AnyCommand, "ID"_L1, P::Hidden, Opt::None, ""}}},
    {Opt::AccountKey, "account-key"_L1, {}, "ARRSM_ACCOUNT_KEY"_L1, Once,
        {{AnyCommand, "KEY"_L1, P::Hidden, Opt::None,
            "prefer the variable: a key on the command line\ncan be seen by other users of this computer"}}},
    {Opt::ApiVersion, "api-version"_L1, {}, "ARRSM_API_VERSION"_L1, Once,
        {{AnyCommand, "V"_L1, P::Hidden, Opt::None, "the session API: v1 (default) or 2021-01-01"}}},
    {Opt::Lease, "lease"_L1, {}, {}, Once,
        {{InCreate, "H:MM[:SS]"_L1, P::Required, Opt::None,
             "the maximum lease, longer than zero and at most 24:00 (the session stops then)"},
            {InExtend, "H:MM[:SS]"_L1, P::Required, Opt::None,
                "the new maximum lease, longer than the current one and at most 24:00"}}},
    {Opt::Size, "size"_L1, {}, {}, Once,
        {{InCreate, "SIZE"_L1, P::Required, Opt::None,
            "the virtual machine size: standard or premium (small or big on older services)"}}},
    {Opt::Model, "model"_L1, {}, {}, Repeatable,
        {{InCreate, "URL"_L1, P::Optional, Opt::None,
            "a model to load: an https:// or builtin:// URL (plain http only to this\n"
            "computer); may be given more than once (v1 only)"}}},
    {Opt::Id, "id"_L1, {}, {}, Once,
        {{InCreate, "ID"_L1, P::Hidden, Opt::None,
            "2021-01-01 only: the new session's id (letters, digits, - and _, at most\n"
            "256); a new UUID when not given. A create whose answer was lost is repeated\n"
            "with the same id, which the service answers with the same session."}}},
    {Opt::Wait, "wait"_L1, {}, {}, Once,
        {{InCreate, {}, P::Optional, Opt::None, "wait until the session is ready, then print it"},
            {InStop, {}, P::Optional, Opt::None, "wait until the session is stopped, then print it"}}},
    {Opt::Since, "since"_L1, {}, {}, Once,
        {{InHistory, "DATE"_L1, P::Optional, Opt::None,
            "sessions still alive at or after DATE (YYYY-MM-DD or ISO 8601, UTC)"}}},
    {Opt::Until, "until"_L1, {}, {}, Once,
        {{InWait, "ready|stopped"_L1, P::Optional, Opt::None, "the status to wait for (default ready)"},
            {InKeepAlive, "HH:MM"_L1, P::Required, Opt::MaxLease,
                "keep it alive until this time of day (local time; the next one to come)"},
            {InHistory, "DATE"_L1, P::Optional, Opt::None, "sessions first seen before the end of DATE"}}},
    {Opt::MaxLease, "max-lease"_L1, {}, {}, Once,
        {{InKeepAlive, "H:MM"_L1, P::Alternative, Opt::None, "or: keep it alive up to this total lease"}}},
    {Opt::Step, "step"_L1, {}, {}, Once,
        {{InKeepAlive, "H:MM"_L1, P::Optional, Opt::None, "extend by this much each time (default 0:30)"}}},
    {Opt::Before, "before"_L1, {}, {}, Once,
        {{InKeepAlive, "H:MM"_L1, P::Optional, Opt::None, "extend when less than this is left (default 0:10)"}}},
    {Opt::Account, "account"_L1, {}, {}, Once,
        {{AnyCommand, "NAME"_L1, P::Hidden, Opt::None,
             "an account saved by the desktop app (key from the keychain and\n"
             "its saved API version); replaces the five options above"},
            {InHistory, "NAME"_L1, P::Optional, Opt::None, "only this account's sessions"}}},
    {Opt::Csv, "csv"_L1, {}, {}, Once,
        {{InHistory, {}, P::Optional, Opt::Json,
            "RFC 4180 CSV with one header row; --json: a JSON array. Times are ISO 8601 UTC."}}},
    {Opt::CopyToTeam, "copy-to-team"_L1, {}, {}, Once,
        {{InHistory, {}, P::Optional, Opt::None,
            "copy this computer's history into the team database (ARRSM_HISTORY_URL\n"
            "or the app's Preferences) instead of printing it; safe to run twice"}}},
    {Opt::MetricsListen, "metrics-listen"_L1, {}, {}, Once,
        {{InWatch, "ADDR:PORT"_L1, P::Optional, Opt::None,
            "serve the metrics at http://ADDR:PORT/metrics (default 127.0.0.1:9464;\n"
            "loopback addresses only)"}}},
    {Opt::Json, "json"_L1, {}, {}, Once, {{AnyCommand, {}, P::Hidden, Opt::None, "machine-readable output on stdout"}}},
    {Opt::Verbose, "verbose"_L1, {}, {}, Once,
        {{AnyCommand, {}, P::Hidden, Opt::None, "the request log on stderr, secrets redacted"}}},
    {Opt::Timeout, "timeout"_L1, {}, {}, Once,
        {{AnyCommand, "S"_L1, P::Hidden, Opt::None,
             "give up after S seconds, the whole command included, and exit\n"
             "with 3 (default 120; 1800 for wait, create --wait, stop --wait)"},
            {InCreate | InStop, "S"_L1, P::Hidden, Opt::None,
                "give up after S seconds and exit with 3 (default 120; 1800 with --wait)"},
            {InWait, "S"_L1, P::Hidden, Opt::None, "give up after S seconds (default 1800)"}}},
    {Opt::Interval, "interval"_L1, {}, {}, Once,
        {{InCreate | InStop, "S"_L1, P::Inside, Opt::Wait, "with --wait: ask every S seconds (default 5)"},
            {InWait, "S"_L1, P::Optional, Opt::None, "ask every S seconds (default 5)"},
            {InKeepAlive, "S"_L1, P::Optional, Opt::None, "look every S seconds (default 10)"}}},
    {Opt::Help, "help"_L1, "h"_L1, {}, Once,
        {{AnyCommand, {}, P::Hidden, Opt::None, "this help; 'arrsm COMMAND --help' for one command's"}}},
    {Opt::Version, "version"_L1, {}, {}, Once, {{AnyCommand, {}, P::Hidden, Opt::None, "the version"}}},
};

} // namespace

const std::vector<OptionSpec> &optionTable()
{
    return OptionTable;
}

const std::vector<CommandSpec> &commandTable()
{
    static const std::vector<CommandSpec> table{
        {CommandKind::List, "list"_L1, false},
        {CommandKind::Show, "show"_L1, true},
        {CommandKind::Create, "create"_L1, false},
        {CommandKind::Extend, "extend"_L1, true},
        {CommandKind::Stop, "stop"_L1, true},
        {CommandKind::Wait, "wait"_L1, true},
        {CommandKind::Accounts, "accounts"_L1, false},
        {CommandKind::KeepAlive, "keep-alive"_L1, true},
        {CommandKind::History, "history"_L1, false},
        {CommandKind::Metrics, "metrics"_L1, false},
        {CommandKind::Watch, "watch"_L1, false},
    };
    return table;
}

QString OptionSpec::label() const
{
    const QString longName = u"--"_s + QString(name);
    return shortName.isEmpty() ? longName : u"-"_s + QString(shortName) + u", "_s + longName;
}

const OptionUse *OptionSpec::useFor(CommandKind kind) const
{
    for (const OptionUse &use : uses) {
        if (use.commands & bit(kind))
            return &use;
    }
    return nullptr;
}

const OptionUse *OptionSpec::globalUse() const
{
    for (const OptionUse &use : uses) {
        if (use.commands == AnyCommand)
            return &use;
    }
    return nullptr;
}

bool OptionSpec::belongsTo(CommandKind kind) const
{
    return globalUse() || useFor(kind);
}

const OptionSpec *findOption(QStringView name)
{
    for (const OptionSpec &spec : optionTable()) {
        if (name == spec.name)
            return &spec;
    }
    return nullptr;
}

const OptionSpec *findShortOption(QStringView name)
{
    for (const OptionSpec &spec : optionTable()) {
        if (!spec.shortName.isEmpty() && name == spec.shortName)
            return &spec;
    }
    return nullptr;
}

const OptionSpec &optionSpec(Opt id)
{
    for (const OptionSpec &spec : optionTable()) {
        if (spec.id == id)
            return spec;
    }
    Q_UNREACHABLE();
    return optionTable().front();
}

const CommandSpec &commandSpec(CommandKind kind)
{
    for (const CommandSpec &spec : commandTable()) {
        if (spec.kind == kind)
            return spec;
    }
    Q_UNREACHABLE();
    return commandTable().front();
}

QString dashed(Opt id)
{
    return u"--"_s + QString(optionSpec(id).name);
}

QString commandName(CommandKind kind)
{
    return QString(commandSpec(kind).name);
}

std::optional<CommandKind> parseCommandName(const QString &name)
{
    for (const CommandSpec &spec : commandTable()) {
        if (name == spec.name)
            return spec.kind;
    }
    return std::nullopt;
}

} // namespace arr::cli
