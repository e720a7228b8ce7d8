#pragma once

#include "cli/ArrsmCommandLine.h"

#include <QLatin1StringView>
#include <QStringList>

#include <map>
#include <vector>

// arrsm's options and commands, each described once: the parser reads this table to know what an
// option is and which commands take it, and the help and usage texts are generated from it.
namespace arr::cli {

// The order of the enumerators is the order in which options that do not belong to the command are
// reported (the first one found is named).
enum class Opt {
    None,
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
    MetricsListen,
    CopyToTeam,
};

// A set of commands, one bit each.
using Commands = unsigned;
constexpr Commands bit(CommandKind kind)
{
    return 1u << unsigned(kind);
}
// The global options: they belong to every command and are listed by 'arrsm --help'.
inline constexpr Commands AnyCommand = 0;

// Where a use of an option shows in its commands' synopsis.
enum class Placement {
    // Not in the synopsis, only in the option list.
    Hidden,
    // "--lease H:MM[:SS]"; with `with`: "(--until HH:MM | --max-lease H:MM)".
    Required,
    // "[--since DATE]"; with `with`: "[--csv|--json]".
    Optional,
    // Optional, inside the brackets of `with`: "[--wait [--interval S]]".
    Inside,
    // Shown as the alternative of the option that names it in its `with`.
    Alternative,
};

// An option as one set of commands takes it: what its value is called there and what it does.
struct OptionUse
{
    Commands commands;
    // Empty for an option that takes no value.
    QLatin1StringView valueName;
    Placement placement;
    // The option this one is placed with (Required, Optional) or inside (Inside).
    Opt with;
    // The line in the option list, with a line break where a long one wraps; nullptr: not listed.
    const char *help;
};

struct OptionSpec
{
    Opt id;
    QLatin1StringView name;
    // A one-letter alias ("-h"); empty when none.
    QLatin1StringView shortName;
    // The environment variable that stands in for the option; empty when none.
    QLatin1StringView environment;
    // May be given more than once (each value is kept).
    bool repeatable;
    // A use with AnyCommand makes it a global option; the others add what it means to some commands.
    std::vector<OptionUse> uses;

    bool takesValue() const { return !uses.front().valueName.isEmpty(); }
    // "--name", or "-h, --help".
    QString label() const;
    // The use that applies to `kind` and is not the global one; nullptr when none.
    const OptionUse *useFor(CommandKind kind) const;
    const OptionUse *globalUse() const;
    bool belongsTo(CommandKind kind) const;
};

struct CommandSpec
{
    CommandKind kind;
    QLatin1StringView name;
    // Takes one argument, the session id ("show ID").
    bool takesSessionId;
};

// Every option, in the order the help lists them.
const std::vector<OptionSpec> &optionTable();
// Every command, in the order the help lists them.
const std::vector<CommandSpec> &commandTable();

const OptionSpec *findOption(QStringView name);
const OptionSpec *findShortOption(QStringView name);
const OptionSpec &optionSpec(Opt id);
const CommandSpec &commandSpec(CommandKind kind);
// "--name".
QString dashed(Opt id);

// The options as given on a command line, before they are checked against the command; kept in the
// order of Opt, which is the order in which misplaced options are reported.
struct GivenOptions
{
    std::map<Opt, QStringList> values;
    // The command and its arguments.
    QStringList positionals;

    bool has(Opt id) const { return values.count(id) > 0; }
    QString last(Opt id) const { return has(id) ? values.at(id).constLast() : QString(); }
    QStringList all(Opt id) const { return has(id) ? values.at(id) : QStringList(); }
};

} // namespace arr::cli
