// arrsm's help and usage texts: the prose is written here per command; the synopses and the option
// lists are generated from the option table (ArrsmOptions.cpp).
#include "cli/ArrsmCommandLine.h"
#include "cli/ArrsmOptions.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace arr::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("arr::cli", text);
}

// Where the text of a row starts in the commands list of 'arrsm --help'.
constexpr qsizetype CommandColumn = 30;
// Where the help starts in the global options list, at the least; the variables' column follows.
constexpr qsizetype GlobalOptionColumn = 24;
// Where the help starts in a command's option list, at the least.
constexpr qsizetype CommandOptionColumn = 22;
// The space kept between an option and its help when the longest option pushes the column out.
constexpr qsizetype ColumnGap = 3;

// What a command's help says besides its synopsis and options.
struct CommandText
{
    CommandKind kind;
    // Its line in the commands list of 'arrsm --help'.
    const char *summary;
    // Before the option list.
    const char *description;
    // After the option list; nullptr when nothing follows.
    const char *details;
};

const CommandText CommandTexts[] = {
    {CommandKind::List, "every session of the account",
        R"(Lists every session of the account with its status, size, remaining lease, lease and hostname.
With --json: a JSON array of session objects ([] when there is none).
)",
        nullptr},
    {CommandKind::Show, "one session's properties",
        R"(Shows one session's properties. With --json: one session object.
)",
        nullptr},
    {CommandKind::Create, "start a session",
        R"(Starts a session. The request is sent once and never repeated automatically: a failed create
may still have started a session, so list before trying again.
)",
        R"(Prints the new session (with --json: one session object). With --wait, exits with 4 when the session
ends in error or expires instead of becoming ready.
)"},
    {CommandKind::Extend, "give a session a longer lease",
        R"(Gives a session a longer lease, counted from the session's start.
)",
        R"(Prints the session afterwards (with --json: one session object).
)"},
    {CommandKind::Stop, "stop a session",
        R"(Stops a session.
)",
        R"(Prints the session afterwards (with --json: one session object).
)"},
    {CommandKind::Wait, "wait until a session is ready (or stopped)",
        R"(Waits until a session reaches a status, asking the service every five seconds (--interval).
)",
        R"(Prints the session as last seen (with --json: one session object). Exits with 0 when the status is
reached, 3 when the time ran out, and 4 when the session ended otherwise: in error, expired, or
stopped while waiting for ready.
)"},
    {CommandKind::Accounts, "saved accounts, never their keys",
        R"(Lists the accounts saved by the desktop app: name, account id, endpoints. Keys stay in the
keychain and are never shown. With --json: a JSON array.
)",
        nullptr},
    {CommandKind::KeepAlive, "extend a session's lease as it runs low, up to a bound",
        R"(Keeps a ready session alive, in the foreground: whenever less than --before of its lease is left,
extends the lease by --step, never beyond the bound (a time of day, or a total lease) nor beyond the
service's 24 hours. The lease left is computed from the service's own elapsed time.
)",
        R"(Prints each extension (with --json: one JSON object per line). Exits with 0 when the bound is reached
(saying when the session will end), 4 when the session ended otherwise, 1 on a service error it
cannot get past. Ctrl+C ends it without touching the session.
)"},
    {CommandKind::History, "the sessions seen or handled on this computer",
        R"(Lists the sessions the desktop app and arrsm saw or handled on this computer, newest first.
)",
        nullptr},
    {CommandKind::Metrics,
        "the account's sessions, leases and burn rate in the OpenMetrics\ntext format (for Prometheus)",
        R"(Prints the account's live state in the OpenMetrics text format, for Prometheus and Grafana
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
)",
        nullptr},
    {CommandKind::Watch, "watch every account without a window: history, keep-alive, alerts, /metrics",
        R"(Runs the application layer without a window, until SIGTERM or Ctrl+C: watches every enabled saved
account (or, given --endpoint, --account-id and the key, only that account), records the session
history as the desktop app does, runs the keep-alive policies set in the desktop app, gives budget,
long-running and keep-alive alerts on stderr (one line each), and serves the metrics of 'arrsm
metrics' for every account, with arrsm_session_kept_alive, arrsm_account_daily_budget and
arrsm_account_spent_today, at http://ADDR:PORT/metrics for Prometheus to scrape.
)",
        R"(Exits with 0 on SIGTERM or SIGINT, once the history is written; with 1 when the metrics cannot be
served (an address in use) or nothing can be watched.
)"},
};

const CommandText &commandText(CommandKind kind)
{
    for (const CommandText &text : CommandTexts) {
        if (text.kind == kind)
            return text;
    }
    Q_UNREACHABLE();
    return CommandTexts[0];
}

// One row of a two-column list: `label` indented by two spaces, `text` from `column` on (on a line
// of its own when the label reaches the column); the text's further lines start at `column` too.
void appendRow(QString *out, const QString &label, qsizetype column, const QString &text)
{
    QString line = u"  "_s + label;
    if (line.size() >= column && !text.isEmpty()) {
        out->append(line + u'\n');
        line.clear();
    }
    for (const QString &textLine : text.split(u'\n')) {
        QString row = line.leftJustified(column) + textLine;
        while (row.endsWith(u' '))
            row.chop(1);
        out->append(row + u'\n');
        line.clear();
    }
}

// "--lease H:MM[:SS]", "--wait".
QString optionWithValue(const OptionSpec &spec, const OptionUse &use)
{
    const QString name = u"--"_s + QString(spec.name);
    return use.valueName.isEmpty() ? name : name + u' ' + QString(use.valueName);
}

// How an option reads in `kind`'s synopsis: its own use there, else its global one.
QString synopsisTerm(const OptionSpec &spec, CommandKind kind)
{
    const OptionUse *use = spec.useFor(kind);
    return optionWithValue(spec, use ? *use : *spec.globalUse());
}

// One use's part of the synopsis: "--size SIZE", "[--model URL]...", "[--wait [--interval S]]",
// "(--until HH:MM | --max-lease H:MM)", "[--csv|--json]".
QString synopsisPart(const OptionSpec &spec, const OptionUse &use, CommandKind kind)
{
    QString text = optionWithValue(spec, use);
    if (use.with != Opt::None) {
        const OptionSpec &other = optionSpec(use.with);
        // Options with values read more easily with spaces around the bar.
        const bool spaced = spec.takesValue() || other.takesValue();
        text += (spaced ? u" | "_s : u"|"_s) + synopsisTerm(other, kind);
    }
    for (const OptionSpec &inner : optionTable()) {
        const OptionUse *innerUse = inner.useFor(kind);
        if (innerUse && innerUse->placement == Placement::Inside && innerUse->with == spec.id)
            text += u" ["_s + optionWithValue(inner, *innerUse) + u']';
    }
    if (use.placement == Placement::Required)
        text = use.with == Opt::None ? text : u'(' + text + u')';
    else
        text = u'[' + text + u']';
    return spec.repeatable ? text + u"..."_s : text;
}

// "create --lease H:MM[:SS] --size SIZE [--model URL]... [--wait [--interval S]]".
QString synopsis(CommandKind kind)
{
    const CommandSpec &command = commandSpec(kind);
    QString text = QString(command.name);
    if (command.takesSessionId)
        text += u" ID"_s;
    for (const OptionSpec &spec : optionTable()) {
        const OptionUse *use = spec.useFor(kind);
        if (use && (use->placement == Placement::Required || use->placement == Placement::Optional))
            text += u' ' + synopsisPart(spec, *use, kind);
    }
    return text;
}

// The options that mean something particular to `kind`, one per line.
QString commandOptionList(CommandKind kind)
{
    QList<std::pair<QString, const char *>> rows;
    qsizetype column = CommandOptionColumn;
    for (const OptionSpec &spec : optionTable()) {
        const OptionUse *use = spec.useFor(kind);
        if (!use || !use->help)
            continue;
        rows.append({optionWithValue(spec, *use), use->help});
        column = std::max(column, 2 + rows.last().first.size() + ColumnGap);
    }
    QString list;
    for (const auto &[label, help] : rows)
        appendRow(&list, label, column, tr(help));
    return list;
}

// The global options with their environment variables.
QString globalOptionList()
{
    qsizetype variableWidth = 0;
    for (const OptionSpec &spec : optionTable())
        variableWidth = std::max(variableWidth, spec.environment.size() + ColumnGap);
    QString list;
    for (const OptionSpec &spec : optionTable()) {
        const OptionUse *use = spec.globalUse();
        if (!use)
            continue;
        QString label = spec.label();
        if (!use->valueName.isEmpty())
            label += u' ' + QString(use->valueName);
        if (spec.environment.isEmpty()) {
            appendRow(&list, label, GlobalOptionColumn, tr(use->help));
        } else {
            label = label.leftJustified(GlobalOptionColumn - 2) + QString(spec.environment);
            appendRow(&list, label, GlobalOptionColumn + variableWidth, tr(use->help));
        }
    }
    return list;
}

QString commandList()
{
    QString list;
    for (const CommandSpec &command : commandTable())
        appendRow(&list, synopsis(command.kind), CommandColumn, tr(commandText(command.kind).summary));
    return list;
}

} // namespace

QString commandUsage(std::optional<CommandKind> kind)
{
    if (!kind)
        return tr("Usage: arrsm [options] <command> [arguments]\nTry 'arrsm --help' for more information.");
    return tr("Usage: arrsm [options] %1\nTry 'arrsm %2 --help' for more information.")
        .arg(synopsis(*kind), commandName(*kind));
}

QString programHelp()
{
    return commandUsage(std::nullopt).section(u'\n', 0, 0)
        + tr("\n\nCreates, watches, extends and stops remote-rendering sessions, for scripts and terminals.\n\n"
             "Commands:\n")
        + commandList()
        + tr("\nOptions (each may also come from the environment variable beside it; the option wins):\n")
        + globalOptionList() + tr(R"(
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
    const CommandText &text = commandText(kind);
    QString body = tr(text.description);
    if (const QString options = commandOptionList(kind); !options.isEmpty())
        body += u'\n' + options;
    if (text.details)
        body += u'\n' + tr(text.details);
    return commandUsage(kind).section(u'\n', 0, 0) + u"\n\n"_s + body
        + tr("\nThe global options (--endpoint, --account, --json, ...) are listed by 'arrsm --help'.\n");
}

} // namespace arr::cli
