// arr-session-manager: the desktop app. Wires the objects of the widgets library together and
// nothing else; everything it builds is in ui/ (AppServices, MainWindow, NetworkWatcher).
#include "emulator/EmulatorServer.h"
#include "monitor/SessionMonitor.h"
#include "ui/AppServices.h"
#include "ui/CommandLine.h"
#include "ui/LocalEmulator.h"
#include "ui/MainWindow.h"
#include "ui/NetworkWatcher.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QSystemTrayIcon>

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
        arr::installTranslations();
        return report(arr::parseDesktopCommandLine(QCoreApplication::arguments()));
    }

    QApplication app(argc, argv);
    arr::installTranslations();
    QGuiApplication::setApplicationDisplayName(QCoreApplication::translate("main", "ARR Session Manager"));
    QGuiApplication::setDesktopFileName(u"arr-session-manager"_s);
    const arr::DesktopCommandLine commandLine = arr::parseDesktopCommandLine(QCoreApplication::arguments());
    if (commandLine.action != arr::DesktopCommandLine::Action::Run)
        return report(commandLine);

    arr::AppServices::Options options;
    options.demo = commandLine.demo;
    options.settingsFile = commandLine.settingsFile;
    options.useSystemTray = QSystemTrayIcon::isSystemTrayAvailable();
    arr::AppServices services(options);

    arr::MainWindow window(services.windowDependencies());
    arr::NetworkWatcher network(&services.monitor());
    window.show();
    network.start();
    services.start();
    if (auto *demo = services.emulator().server()) {
        arr::emulator::SessionSeed seed;
        seed.status = arr::SessionStatus::Ready;
        for (int i = 0; i < commandLine.demoSessions; ++i) {
            seed.maxLease = arr::TimeSpan::fromMinutes(60 + i % (23 * 60));
            seed.age = arr::TimeSpan::fromMinutes(i % 60);
            demo->addSession(arr::LocalEmulator::accountId(), seed);
        }
    }
    return QApplication::exec();
}
