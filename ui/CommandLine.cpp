#include "ui/CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("arr::DesktopCommandLine", text);
}

} // namespace

DesktopCommandLine parseDesktopCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Watch, create, extend and stop remote-rendering sessions across accounts."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption demo(u"demo"_s,
        tr("Start with the built-in local emulator alone, with demo sessions. Saved accounts are neither "
           "loaded nor changed."));
    const QCommandLineOption settings(u"settings"_s,
        tr("Read and write preferences and accounts in <file> (an ini file) instead of the default location."),
        tr("file"));
    parser.addOption(demo);
    parser.addOption(settings);

    DesktopCommandLine result;
    if (!parser.parse(arguments)) {
        result.action = DesktopCommandLine::Action::Fail;
        result.error = parser.errorText();
        result.text = parser.helpText();
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.action = DesktopCommandLine::Action::Fail;
        result.error = tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst());
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
    result.settingsFile = parser.value(settings);
    if (parser.isSet(settings) && result.settingsFile.trimmed().isEmpty()) {
        result.action = DesktopCommandLine::Action::Fail;
        result.error = tr("--settings needs a file name.");
        result.text = parser.helpText();
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
