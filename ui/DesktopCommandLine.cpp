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

} // namespace

DesktopCommandLine parseDesktopCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        DesktopCommandLineText::tr("Watch, create, extend and stop remote-rendering sessions across accounts."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption demo(u"demo"_s,
        DesktopCommandLineText::tr(
            "Start with the built-in local emulator alone, with demo sessions. Saved accounts are neither "
            "loaded nor changed."));
    const QCommandLineOption settings(u"settings"_s,
        DesktopCommandLineText::tr(
            "Read and write preferences and accounts in <file> (an ini file) instead of the default location."),
        DesktopCommandLineText::tr("file"));
    const QCommandLineOption demoSessions(u"demo-sessions"_s,
        DesktopCommandLineText::tr(
            "With --demo, add <count> more ready sessions to the demo account (up to 100000), to try the app "
            "at scale."),
        DesktopCommandLineText::tr("count"));
    const QCommandLineOption readOnly(u"read-only"_s,
        DesktopCommandLineText::tr(
            "Watch only: sessions of every account can be seen, not created, extended, stopped or kept alive."));
    const QCommandLineOption newWindow(u"new-window"_s,
        DesktopCommandLineText::tr("Open a window even when one is running on the same settings; it only watches."));
    parser.addOption(demo);
    parser.addOption(settings);
    parser.addOption(demoSessions);
    parser.addOption(readOnly);
    parser.addOption(newWindow);

    DesktopCommandLine result;
    if (!parser.parse(arguments)) {
        result.action = DesktopCommandLine::Action::Fail;
        result.error = parser.errorText();
        result.text = parser.helpText();
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.action = DesktopCommandLine::Action::Fail;
        result.error
            = DesktopCommandLineText::tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        result.text = parser.helpText();
        return result;
    }
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
    result.demo = parser.isSet(demo);
    result.readOnly = parser.isSet(readOnly);
    result.newWindow = parser.isSet(newWindow);
    result.settingsFile = parser.value(settings);
    const auto fail = [&result, &parser](const QString &why) {
        result.action = DesktopCommandLine::Action::Fail;
        result.error = why;
        result.text = parser.helpText();
        return result;
    };
    if (parser.isSet(settings) && result.settingsFile.trimmed().isEmpty())
        return fail(DesktopCommandLineText::tr("--settings needs a file name."));
    if (parser.isSet(settings)) {
        // Reading a FIFO or a device would block start-up before any window shows; a file that does not
        // exist yet is created.
        const QFileInfo file(result.settingsFile);
        if (file.exists() && !file.isFile())
            return fail(
                DesktopCommandLineText::tr("--settings \"%1\" is not a regular file.").arg(result.settingsFile));
    }
    if (parser.isSet(demoSessions)) {
        bool ok = false;
        result.demoSessions = parser.value(demoSessions).toInt(&ok);
        if (!ok || result.demoSessions < 0 || result.demoSessions > 100'000)
            return fail(DesktopCommandLineText::tr("--demo-sessions takes a whole number from 0 to 100000, not \"%1\".")
                            .arg(parser.value(demoSessions)));
        if (!result.demo)
            return fail(DesktopCommandLineText::tr("--demo-sessions goes with --demo."));
    }
    return result;
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
