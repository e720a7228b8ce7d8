#pragma once

#include "ui/DesktopCommandLine.h"

#include <memory>

namespace arr {

class MainWindow;
class Prompter;
class Workspace;

// The desktop app as a person starts it: the workspace (settings, accounts, monitor, local
// emulator), the message boxes and the main window, wired from the command line. main() and the
// benchmark's start-up program build the same thing through here.
class DesktopApp
{
public:
    explicit DesktopApp(const DesktopCommandLine &commandLine);
    ~DesktopApp();

    // Shows the window, then starts watching the accounts (in demo mode, the local emulator starts
    // with the requested extra sessions).
    void show();

    Workspace &workspace() const { return *m_workspace; }
    MainWindow &window() const { return *m_window; }

private:
    DesktopCommandLine m_commandLine;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<Prompter> m_prompter;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace arr
