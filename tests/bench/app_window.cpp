// arrsm-app-window: the desktop app as app/main.cpp builds it (DesktopApp), with the
// start-up probe attached, so that the benchmark times the real window without a hook in the
// product. The first argument says when to stop; the rest are the app's own options.
//   arrsm-app-window shown  --demo --settings FILE                       quit at the first paint
//   arrsm-app-window loaded --demo --demo-sessions N --settings FILE     quit once N rows are shown
#include "StartupProbe.h"

#include "monitor/SessionMonitor.h"
#include "ui/CommandLine.h"
#include "ui/DesktopApp.h"
#include "ui/MainWindow.h"
#include "ui/Translations.h"
#include "workspace/Workspace.h"

#include <QApplication>

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

    arr::DesktopApp desktop(commandLine);
    // Asked for before the work that follows show(), which the time then includes.
    if (moment == u"shown")
        arr::quitWhenPainted(&desktop.window());
    desktop.show();
    if (moment == u"loaded") {
        const int expected = commandLine.demoSessions;
        const arr::LiveSessions &sessions = desktop.workspace().monitor().sessions();
        QObject::connect(&desktop.workspace().monitor(), &arr::SessionMonitor::pollFinished, &desktop.window(),
            [&sessions, &desktop, expected, asked = false]() mutable {
                if (!asked && sessions.count() >= expected) {
                    asked = true;
                    arr::quitWhenPainted(&desktop.window());
                }
            });
    }
    return QApplication::exec();
}
