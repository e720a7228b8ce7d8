#include "ui/DesktopApp.h"

#include "ui/MainWindow.h"
#include "ui/Prompter.h"
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
    options.extraDemoSessions = commandLine.demoSessions;
    // Not translated: the history holds one name for the window whoever reads it.
    options.program = QStringLiteral("ARR Session Manager");
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
}

} // namespace arr
