#include "ui/AppServices.h"

#include "core/Clock.h"
#include "monitor/SessionMonitor.h"
#include "monitor/SessionTableModel.h"
#include "service/RequestLog.h"
#include "storage/AccountStore.h"
#include "storage/SecretStore.h"
#include "storage/Settings.h"
#include "ui/LocalEmulator.h"
#include "ui/Prompter.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace arr {

AppServices::AppServices(const Options &options)
    : m_options(options)
{
    if (!m_options.clock)
        m_options.clock = SystemClock::instance();
    if (!m_options.prompter) {
        m_ownPrompter = std::make_unique<Prompter>();
        m_options.prompter = m_ownPrompter.get();
    }
    m_settings = m_options.settingsFile.isEmpty() ? std::make_unique<Settings>()
                                                  : std::make_unique<Settings>(m_options.settingsFile);

    QSettings *accountSettings = &m_settings->raw();
    if (m_options.demo) {
        // Accounts added in demo mode go to a file that disappears with the run.
        m_demoDirectory = std::make_unique<QTemporaryDir>();
        m_demoAccounts
            = std::make_unique<QSettings>(m_demoDirectory->filePath(u"demo-accounts.ini"_s), QSettings::IniFormat);
        accountSettings = m_demoAccounts.get();
    }
    m_accountStore = std::make_unique<AccountStore>(accountSettings);

    if (m_options.secretStore && !m_options.demo) {
        m_secrets = m_options.secretStore;
    } else {
        if (m_options.demo || m_options.keychainService.isEmpty())
            m_ownSecrets = std::make_unique<MemorySecretStore>();
        else
            m_ownSecrets = std::make_unique<KeychainSecretStore>(m_options.keychainService);
        m_secrets = m_ownSecrets.get();
    }

    m_network = std::make_unique<QNetworkAccessManager>();
    m_log = std::make_unique<RequestLog>();
    m_model = std::make_unique<SessionTableModel>(m_options.clock);
    m_monitor = std::make_unique<SessionMonitor>(m_network.get(), m_model.get(), m_log.get(), m_options.clock);
    m_emulator = std::make_unique<LocalEmulator>(m_options.clock);
    m_accounts = std::make_unique<AccountManager>(m_accountStore.get(), m_secrets, m_monitor.get(), m_emulator.get(),
        m_settings.get(),
        m_options.demo ? AccountManager::EmulatorPolicy::AlwaysOn : AccountManager::EmulatorPolicy::FromSettings);
}

AppServices::~AppServices()
{
    // The monitor's jobs refer to the network manager and the log: stop them first.
    m_accounts.reset();
    m_monitor.reset();
}

void AppServices::start()
{
    m_accounts->start();
}

MainWindow::Dependencies AppServices::windowDependencies() const
{
    MainWindow::Dependencies dependencies;
    dependencies.settings = m_settings.get();
    dependencies.accounts = m_accounts.get();
    dependencies.monitor = m_monitor.get();
    dependencies.model = m_model.get();
    dependencies.log = m_log.get();
    dependencies.clock = m_options.clock;
    dependencies.prompter = m_options.prompter;
    dependencies.useSystemTray = m_options.useSystemTray;
    dependencies.demoMode = m_options.demo;
    return dependencies;
}

} // namespace arr
