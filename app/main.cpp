// arr-session-manager: the desktop app. Wires the application layer (app/workspace) to the window
// (ui/) and nothing else.
#include "emulator/EmulatorServer.h"
#include "monitor/SessionMonitor.h"
#include "ui/AppStyle.h"
#include "ui/CommandLine.h"
#include "ui/FontPreload.h"
#include "ui/MainWindow.h"
#include "ui/Prompter.h"
#include "ui/StartupHeap.h"
#include "ui/StartupProbe.h"
#include "ui/Translations.h"
#include "workspace/LocalEmulator.h"
#include "workspace/Workspace.h"

#include <QApplication>
#include <QSystemTrayIcon>

#include <cstdio>

#ifdef __GLIBC__
#include <malloc.h>
#endif

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

} // namespace

int main(int argc, char *argv[])
{
#ifdef __GLIBC__
    // Session lists arrive in buffers of megabytes at every poll, for days on end. Each time such a
    // buffer is freed, glibc raises the size above which blocks get mappings of their own, so the
    // next ones come from the heap and their memory stays with the process; a fixed threshold
    // returns it.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
    // The same names as arrsm, so that both find the same saved accounts.
    QCoreApplication::setOrganizationName(u"ArrSessionManager"_s);
    QCoreApplication::setApplicationName(u"arr-session-manager"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ARRSM_VERSION));

    if (arr::wantsHelpOrVersion(argc, argv)) {
        // Without a display too: no GUI is started to answer.
        QCoreApplication app(argc, argv);
        arr::installTranslations();
        return report(arr::parseDesktopCommandLine(QCoreApplication::arguments()));
    }

    // Before the first thread starts, which the font preload below is.
    arr::StartupHeap startupHeap;
    // Overlaps the font configuration's loading with the application's start.
    arr::FontPreload fontPreload;
    QApplication app(argc, argv);
    QApplication::setStyle(new arr::AppStyle);
    arr::installTranslations();
    QGuiApplication::setApplicationDisplayName(QCoreApplication::translate("main", "ARR Session Manager"));
    QGuiApplication::setDesktopFileName(u"arr-session-manager"_s);
    const arr::DesktopCommandLine commandLine = arr::parseDesktopCommandLine(QCoreApplication::arguments());
    if (commandLine.action != arr::DesktopCommandLine::Action::Run)
        return report(commandLine);

    arr::Workspace::Options options;
    options.demo = commandLine.demo;
    options.settingsFile = commandLine.settingsFile;
    arr::Workspace workspace(options);
    arr::Prompter prompter;

    fontPreload.wait();
    arr::MainWindow::Dependencies dependencies;
    dependencies.workspace = &workspace;
    dependencies.prompter = &prompter;
    dependencies.useSystemTray = QSystemTrayIcon::isSystemTrayAvailable();
    arr::MainWindow window(dependencies);
    window.show();
    // The window comes first; accounts, the local emulator and the network watch start once it is
    // on screen, so that none of them delays it.
    arr::afterNextPaint(&window, [&workspace, &commandLine, &startupHeap] {
        workspace.start();
        if (auto *demo = workspace.emulator().server()) {
            arr::emulator::SessionSeed seed;
            seed.status = arr::SessionStatus::Ready;
            for (int i = 0; i < commandLine.demoSessions; ++i) {
                seed.maxLease = arr::TimeSpan::fromMinutes(60 + i % (23 * 60));
                seed.age = arr::TimeSpan::fromMinutes(i % 60);
                demo->addSession(arr::LocalEmulator::accountId(), seed);
            }
        }
        startupHeap.release();
    });

    using ExitWhen = arr::DesktopCommandLine::ExitWhen;
    // Asked for after the start above, so that it runs before it (see afterNextPaint).
    if (commandLine.exitWhen == ExitWhen::Shown)
        arr::quitWhenPainted(&window);
    if (commandLine.exitWhen == ExitWhen::Loaded) {
        const int expected = commandLine.demoSessions;
        QObject::connect(
            &workspace.monitor(), &arr::SessionMonitor::pollFinished, &window, [&workspace, &window, expected] {
                if (workspace.monitor().sessions().count() >= expected)
                    arr::quitWhenPainted(&window);
            });
    }
    return QApplication::exec();
}
