// arrsm-app-window: the desktop app as app/main.cpp builds it, from the same libraries, with the
// start-up probe attached, so that the benchmark times the real window without a hook in the
// product. The first argument says when to stop; the rest are the app's own options.
//   arrsm-app-window shown  --demo --settings FILE                       quit at the first paint
//   arrsm-app-window loaded --demo --demo-sessions N --settings FILE     quit once N rows are shown
// Keep the wiring below in step with app/main.cpp.
#include "StartupProbe.h"

#include "emulator/EmulatorServer.h"
#include "monitor/SessionMonitor.h"
#include "monitor/SessionTableModel.h"
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

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(u"ArrSessionManager"_s);
    QCoreApplication::setApplicationName(u"arr-session-manager"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ARRSM_VERSION));

    QApplication app(argc, argv);
    arr::installTranslations();
    QGuiApplication::setApplicationDisplayName(QCoreApplication::translate("main", "ARR Session Manager"));
    QGuiApplication::setDesktopFileName(u"arr-session-manager"_s);
    QStringList arguments = QCoreApplication::arguments();
    const QString moment = arguments.size() > 1 ? arguments.takeAt(1) : QString();
    if (moment != u"shown" && moment != u"loaded") {
        std::fprintf(stderr, "arrsm-app-window: the first argument is shown or loaded\n");
        return 2;
    }
    const arr::DesktopCommandLine commandLine = arr::parseDesktopCommandLine(arguments);
    if (commandLine.action != arr::DesktopCommandLine::Action::Run) {
        std::fprintf(stderr, "arrsm-app-window: %s\n", qPrintable(commandLine.error));
        return 2;
    }

    arr::AppServices::Options options;
    options.demo = commandLine.demo;
    options.settingsFile = commandLine.settingsFile;
    options.useSystemTray = QSystemTrayIcon::isSystemTrayAvailable();
    arr::AppServices services(options);

    arr::MainWindow window(services.windowDependencies());
    arr::NetworkWatcher network(&services.monitor());
    window.show();
    // Asked for before the work that follows show() in main(), which the time then includes.
    if (moment == u"shown")
        arr::quitWhenPainted(&window);
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
    if (moment == u"loaded") {
        const int expected = commandLine.demoSessions;
        QObject::connect(&services.monitor(), &arr::SessionMonitor::pollFinished, &window,
            [&services, &window, expected, asked = false]() mutable {
                if (!asked && services.model().rowCount() >= expected) {
                    asked = true;
                    arr::quitWhenPainted(&window);
                }
            });
    }
    return QApplication::exec();
}
