#pragma once

#include <QString>
#include <QStringList>

namespace arr {

// What the desktop app's command line asks for. Parsed before the GUI starts, so that --help and
// --version work without a display.
struct DesktopCommandLine
{
    enum class Action {
        Run,
        Help,
        Version,
        // `error` says why; the process exits with 2.
        Fail,
    };
    Action action = Action::Run;
    QString error;
    // The text for --help (and after an error), or "arr-session-manager 0.1.0" for --version.
    QString text;

    // --demo: the built-in emulator alone, saved accounts untouched.
    bool demo = false;
    // --settings FILE: an ini file instead of the default settings location.
    QString settingsFile;
    // --demo-sessions N: with --demo, N more ready sessions, to try the app at scale.
    int demoSessions = 0;
    // --read-only: every account watch only (create, extend, stop and keep-alive refused).
    bool readOnly = false;
    // --new-window: open even when a window runs on the same settings (this one then only watches).
    bool newWindow = false;
    // Set by main() when another window runs on the same settings: why this one only watches.
    QString watchOnlyReason;
};

// `arguments` as QCoreApplication::arguments() gives them, program name first (a QCoreApplication
// must exist). Options Qt itself handles (-platform, -style, …) must have been removed already, as
// QApplication does.
DesktopCommandLine parseDesktopCommandLine(const QStringList &arguments);
// True when the arguments ask only for --help or --version: answered without starting the GUI (and
// so without a display).
bool wantsHelpOrVersion(int argc, char **argv);

} // namespace arr
