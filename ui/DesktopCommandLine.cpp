#include "ui/DesktopCommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// Declares the context this file's strings are translated in, in a form lupdate reads too.
class DesktopCommandLineText
{
    Q_DECLARE_TR_FUNCTIONS(arr::DesktopCommandLine)
};

// The options beside --help and --version, in the order --help lists them.
struct Options
{
    QCommandLineOption demo;
    QCommandLineOption settings;
    QCommandLineOption demoSessions;
    QCommandLineOption readOnly;
    QCommandLineOption newWindow;
};

Options desktopOptions()
{
    return {
        QCommandLineOption(u"demo"_s,
            DesktopCommandLineText::tr(
                "Start with the built-in local emulator alone, with demo sessions. Saved accounts are neither "
                "loaded nor changed.")),
        QCommandLineOption(u"settings"_s,
            DesktopCommandLineText::tr(
                "Read and write preferences and accounts in <file> (an ini file) instead of the default location."),
            DesktopCommandLineText::tr("file")),
        QCommandLineOption(u"demo-sessions"_s,
            DesktopCommandLineText::tr(
                "With --demo, add <count> more ready sessions to the demo account (up to 100000), to try the app "
                "at scale."),
            DesktopCommandLineText::tr("count")),
        QCommandLineOption(u"read-only"_s,
            DesktopCommandLineText::tr(
                "Watch only: sessions of every account can be seen, not created, extended, stopped or kept alive.")),
        QCommandLineOption(u"new-window"_s,
            DesktopCommandLineText::tr(
                "Open a window even when one is running on the same settings; it only watches.")),
    };
}

// Takes the options' values into `result`; empty, or why they cannot be used.
QString takeValues(const QCommandLineParser &parser, const Options &options, DesktopCommandLine &result)
{
    result.demo = parser.isSet(options.demo);
    result.readOnly = parser.isSet(options.readOnly);
    result.newWindow = parser.isSet(options.newWindow);
    result.settingsFile = parser.value(options.settings);
    if (parser.isSet(options.settings) && result.settingsFile.trimmed().isEmpty())
        return DesktopCommandLineText::tr("--settings needs a file name.");
    if (parser.isSet(options.settings)) {
        // Reading a FIFO or a device would block start-up before any window shows; a file that does not
        // exist yet is created.
        const QFileInfo file(result.settingsFile);
        if (file.exists() && !file.isFile())
            return DesktopCommandLineText::tr("--settings \"%1\" is not a regular file.").arg(result.settingsFile);
    }
    if (parser.isSet(options.demoSessions)) {
        bool ok = false;
        result.demoSessions = parser.value(options.demoSessions).toInt(&ok);
        if (!ok || result.demoSessions < 0 || result.demoSessions > 100'000)
            return DesktopCommandLineText::tr("--demo-sessions takes a whole number from 0 to 100000, not \"%1\".")
                .arg(parser.value(options.demoSessions));
        if (!result.demo)
            return DesktopCommandLineText::tr("--demo-sessions goes with --demo.");
    }
    return {};
}

} // namespace

DesktopCommandLine parseDesktopCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        DesktopCommandLineText::tr("Watch, create, extend and stop remote-rendering sessions across accounts."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const Options options = desktopOptions();
    parser.addOptions({options.demo, options.settings, options.demoSessions, options.readOnly, options.newWindow});

    DesktopCommandLine result;
    const auto fail = [&result, &parser](const QString &why) {
        result.action = DesktopCommandLine::Action::Fail;
        result.error = why;
        result.text = parser.helpText();
        return result;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return fail(
            DesktopCommandLineText::tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(help)) {
        result.action = DesktopCommandLine::Action::Help;
        result.text = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.action = DesktopCommandLine::Action::Version;
        result.text = u"arr-session-manager "_s + QStringLiteral(ARRSM_VERSION);
        return result;
    }
    const QString problem = takeValues(parser, options, result);
    return problem.isEmpty() ? result : fail(problem);
}

bool wantsHelpOrVersion(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--help" || argument == "-h" || argument == "-?" || argument == "--help-all"
            || argument == "--version" || argument == "-v")
            return true;
    }
    return false;
}

} // namespace arr
