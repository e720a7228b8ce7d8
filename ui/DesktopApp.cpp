#include "ui/DesktopApp.h"

#include "emulator/EmulatorServer.h"
#include "ui/MainWindow.h"
#include "ui/Prompter.h"
#include "workspace/LocalEmulator.h"
#include "workspace/Workspace.h"

#include <QSystemTrayIcon>

namespace arr {

DesktopApp::DesktopApp(const DesktopCommandLine &commandLine)
    : m_commandLine(commandLine)
{
    Workspace::Options options;
    options.demo = commandLine.demo;
    options.readOnly = commandLine.readOnly;
    options.watchOnlyReason = commandLine.watchOnlyReason;
    options.settingsFile = commandLine.settingsFile;
    m_workspace = std::make_unique<Workspace>(options);
    m_prompter = std::make_unique<Prompter>();
    MainWindow::Dependencies dependencies;
    dependencies.workspace = m_workspace.get();
    dependencies.prompter = m_prompter.get();
    dependencies.useSystemTray = QSystemTrayIcon::isSystemTrayAvailable();
    m_window = std::make_unique<MainWindow>(dependencies);
}

DesktopApp::~DesktopApp()
{
    // The window shows the workspace's objects: it goes first.
    m_window.reset();
}

void DesktopApp::show()
{
    m_window->show();
    m_workspace->start();
    emulator::EmulatorServer *demo = m_workspace->emulator().server();
    if (!demo)
        return;
    emulator::SessionSeed seed;
    seed.status = SessionStatus::Ready;
    for (int i = 0; i < m_commandLine.demoSessions; ++i) {
        seed.maxLease = TimeSpan::fromMinutes(60 + i % (23 * 60));
        seed.age = TimeSpan::fromMinutes(i % 60);
        demo->addSession(LocalEmulator::accountId(), seed);
    }
}

} // namespace arr
