#pragma once

#include "ui/AccountManager.h"
#include "ui/MainWindow.h"

#include <QString>

#include <memory>

class QNetworkAccessManager;
class QSettings;
class QTemporaryDir;

namespace arr {

class AccountStore;
class Clock;
class LocalEmulator;
class Prompter;
class RequestLog;
class SecretStore;
class SessionMonitor;
class SessionTableModel;
class Settings;

// The desktop app's objects below the window, built and wired once: settings, saved accounts, the
// secret store, the network access manager, the request log, the session model, the monitor, the
// local emulator and the account manager. main() builds one and hands windowDependencies() to the
// main window; tests build one too (with a settings file and clock of their own) to check what the
// command line's modes do.
class AppServices
{
public:
    struct Options
    {
        // --demo: only the local emulator; saved accounts neither loaded nor changed (accounts live in
        // a throwaway file, keys in memory).
        bool demo = false;
        // An ini file for settings and accounts; empty for the platform's default location.
        QString settingsFile;
        // The keychain's service name; empty to keep keys in memory (tests).
        QString keychainService = QStringLiteral("arr-session-manager");
        // A secret store of the caller's (tests); null to use the keychain as above.
        SecretStore *secretStore = nullptr;
        // Null for the system clock.
        const Clock *clock = nullptr;
        // Null for the real message boxes.
        Prompter *prompter = nullptr;
        bool useSystemTray = false;
    };

    explicit AppServices(const Options &options);
    ~AppServices();

    // Starts polling; call once the window is connected.
    void start();
    MainWindow::Dependencies windowDependencies() const;

    Settings &settings() const { return *m_settings; }
    AccountStore &accountStore() const { return *m_accountStore; }
    SecretStore &secrets() const { return *m_secrets; }
    SessionMonitor &monitor() const { return *m_monitor; }
    SessionTableModel &model() const { return *m_model; }
    RequestLog &log() const { return *m_log; }
    LocalEmulator &emulator() const { return *m_emulator; }
    AccountManager &accounts() const { return *m_accounts; }
    QNetworkAccessManager &network() const { return *m_network; }

private:
    Options m_options;
    std::unique_ptr<Prompter> m_ownPrompter;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<QTemporaryDir> m_demoDirectory;
    std::unique_ptr<QSettings> m_demoAccounts;
    std::unique_ptr<AccountStore> m_accountStore;
    std::unique_ptr<SecretStore> m_ownSecrets;
    SecretStore *m_secrets = nullptr;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<RequestLog> m_log;
    std::unique_ptr<SessionTableModel> m_model;
    std::unique_ptr<SessionMonitor> m_monitor;
    std::unique_ptr<LocalEmulator> m_emulator;
    std::unique_ptr<AccountManager> m_accounts;
};

} // namespace arr
