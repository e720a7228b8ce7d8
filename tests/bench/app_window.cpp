// arrsm-app-window: the desktop app as desktop/main.cpp builds it (DesktopApp), with the
// start-up probe attached, so that the benchmark times the real window without a hook in the
// product. The first argument says when to stop; the bench options below come next; the rest are
// the app's own options.
//   arrsm-app-window shown  --demo --settings FILE                       quit at the first paint
//   arrsm-app-window loaded --demo --demo-sessions N --settings FILE     quit at the paint after the
//                                                                        poll that brought N rows
//   arrsm-app-window watch --bench-expect N --bench-key KEY [--bench-select] [--bench-hide] --settings FILE
//       print "ready-at-ns: T" at the paint after the poll that brought N rows (with the first row
//       selected when asked), then keep running as a person would leave it (hidden when asked),
//       until killed.
// --bench-key KEY: the key of every account in the settings file, given to the app's secret store
// before it starts (a bench run has no keychain to read it from).
#include "StartupProbe.h"

#include "monitor/SessionMonitor.h"
#include "storage/AccountStore.h"
#include "storage/SecretStore.h"
#include "ui/DesktopApp.h"
#include "ui/DesktopCommandLine.h"
#include "ui/MainWindow.h"
#include "ui/Translations.h"
#include "workspace/Workspace.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEventLoop>

#include <chrono>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// Removes "NAME VALUE" from the arguments and returns VALUE, or an empty string.
QString takeOption(QStringList &arguments, const QString &name)
{
    const qsizetype at = arguments.indexOf(name);
    if (at < 0 || at + 1 >= arguments.size())
        return {};
    const QString value = arguments.at(at + 1);
    arguments.remove(at, 2);
    return value;
}

// Writes `key` for every saved account and returns once the store has taken them all.
void giveKeys(arr::Workspace &workspace, const QString &key)
{
    const QList<arr::Account> accounts = workspace.accountStore().accounts();
    int pending = int(accounts.size());
    QEventLoop loop;
    for (const arr::Account &account : accounts) {
        workspace.secrets().write(
            arr::accountSecretName(account.accountId), key, &loop, [&pending, &loop](const arr::SecretResult &) {
                if (--pending == 0)
                    loop.quit();
            });
    }
    if (pending > 0)
        loop.exec();
}

void selectFirstRow(arr::MainWindow &window)
{
    auto *view = window.findChild<QAbstractItemView *>(u"sessionView"_s);
    if (view && view->model() && view->model()->rowCount() > 0)
        view->setCurrentIndex(view->model()->index(0, 0));
    else
        std::fprintf(stderr, "arrsm-app-window: no row to select\n");
}

} // namespace

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
    if (moment != u"shown" && moment != u"loaded" && moment != u"watch") {
        std::fprintf(stderr, "arrsm-app-window: the first argument is shown, loaded or watch\n");
        return 2;
    }
    const QString key = takeOption(arguments, u"--bench-key"_s);
    const QString expectText = takeOption(arguments, u"--bench-expect"_s);
    const bool select = arguments.removeAll(u"--bench-select"_s) > 0;
    const bool hide = arguments.removeAll(u"--bench-hide"_s) > 0;
    const arr::DesktopCommandLine commandLine = arr::parseDesktopCommandLine(arguments);
    if (commandLine.action != arr::DesktopCommandLine::Action::Run) {
        std::fprintf(stderr, "arrsm-app-window: %s\n", qPrintable(commandLine.error));
        return 2;
    }
    bool expectOk = true;
    const int expected = expectText.isEmpty() ? commandLine.demoSessions : expectText.toInt(&expectOk);
    if (!expectOk || expected < 0) {
        std::fprintf(stderr, "arrsm-app-window: --bench-expect takes a number of sessions\n");
        return 2;
    }

    arr::DesktopApp desktop(commandLine);
    if (!key.isEmpty())
        giveKeys(desktop.workspace(), key);
    // Asked for before the work that follows show(), which the time then includes.
    if (moment == u"shown")
        arr::quitWhenPainted(&desktop.window());
    desktop.show();
    if (moment != u"shown") {
        const arr::LiveSessions &sessions = desktop.workspace().monitor().sessions();
        const bool watch = moment == u"watch";
        QObject::connect(&desktop.workspace().monitor(), &arr::SessionMonitor::pollFinished, &desktop.window(),
            [&sessions, &desktop, expected, watch, select, hide, asked = false]() mutable {
                if (asked || sessions.count() < expected)
                    return;
                asked = true;
                if (!watch) {
                    arr::quitWhenPainted(&desktop.window());
                    return;
                }
                if (select)
                    selectFirstRow(desktop.window());
                arr::afterNextPaint(&desktop.window(), [&desktop, hide] {
                    const auto now = std::chrono::steady_clock::now().time_since_epoch();
                    std::printf("ready-at-ns: %lld\n", static_cast<long long>(std::chrono::nanoseconds(now).count()));
                    std::fflush(stdout);
                    // As a person leaves it when they put it away: polls, history and alerts go on.
                    if (hide)
                        desktop.window().hide();
                });
            });
    }
    return QApplication::exec();
}
