// arr-session-manager: the desktop app. Wires the application layer (app/workspace) to the window
// (ui/) and nothing else.
#include "ui/DesktopApp.h"
#include "ui/DesktopCommandLine.h"
#include "ui/MainWindow.h"
#include "ui/Translations.h"
#include "workspace/SingleInstance.h"

#include <QApplication>
#include <QSettings>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void printTo(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// Answers --help, --version and bad arguments; returns the exit code.
int report(const arr::DesktopCommandLine &commandLine)
{
    switch (commandLine.action) {
    case arr::DesktopCommandLine::Action::Help:
    case arr::DesktopCommandLine::Action::Version:
        printTo(stdout, commandLine.text.trimmed());
        return 0;
    case arr::DesktopCommandLine::Action::Fail:
        printTo(stderr, u"arr-session-manager: "_s + commandLine.error);
        printTo(stderr, commandLine.text.trimmed());
        return 2;
    case arr::DesktopCommandLine::Action::Run:
        break;
    }
    return 0;
}

// Before any text is made: the language chosen in the preferences, from the settings file the command
// line names when it is a usable one (parsed once in English for that; a FIFO is never opened), else
// from the default settings.
void installChosenTranslations()
{
    const arr::DesktopCommandLine commandLine = arr::parseDesktopCommandLine(QCoreApplication::arguments());
    const bool usable = commandLine.action == arr::DesktopCommandLine::Action::Run;
    arr::installTranslations(arr::chosenLanguage(usable ? commandLine.settingsFile : QString()));
}

} // namespace

int main(int argc, char *argv[])
{
    // The same names as arrsm, so that both find the same saved accounts.
    QCoreApplication::setOrganizationName(u"ArrSessionManager"_s);
    QCoreApplication::setApplicationName(u"arr-session-manager"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ARRSM_VERSION));

    if (arr::wantsHelpOrVersion(argc, argv)) {
        // Without a display too: no GUI is started to answer.
        QCoreApplication app(argc, argv);
        installChosenTranslations();
        return report(arr::parseDesktopCommandLine(QCoreApplication::arguments()));
    }

    QApplication app(argc, argv);
    installChosenTranslations();
    QGuiApplication::setApplicationDisplayName(QCoreApplication::translate("main", "ARR Session Manager"));
    QGuiApplication::setDesktopFileName(u"arr-session-manager"_s);
    const arr::DesktopCommandLine commandLine = arr::parseDesktopCommandLine(QCoreApplication::arguments());
    if (commandLine.action != arr::DesktopCommandLine::Action::Run)
        return report(commandLine);

    // One window per settings file; the demo keeps nothing of the user's and may run beside it.
    arr::DesktopCommandLine run = commandLine;
    const QString settingsFile = run.settingsFile.isEmpty() ? QSettings().fileName() : run.settingsFile;
    arr::SingleInstance instance(settingsFile);
    if (!run.demo && !instance.claim()) {
        if (!run.newWindow && instance.askFirstToShow(2000)) {
            printTo(stdout,
                QCoreApplication::translate("main",
                    "ARR Session Manager is already running on these settings: its window was brought to the "
                    "front. (--new-window opens another, which only watches.)"));
            return 0;
        }
        run.watchOnlyReason = QCoreApplication::translate("main",
            "Another window of ARR Session Manager is running on these settings, so this one only watches: it "
            "does not create, extend or stop sessions, run keep-alive policies or change the saved accounts.");
    }

    arr::DesktopApp desktop(run);
    QObject::connect(&instance, &arr::SingleInstance::showRequested, &desktop.window(), &arr::MainWindow::showWindow);
    desktop.show();
    return QApplication::exec();
}
