#include "workspace/Workspace.h"

#include "core/Clock.h"
#include "core/JsonCodec.h"
#include "monitor/LiveBilledTime.h"
#include "monitor/SessionMonitor.h"
#include "service/RequestLog.h"
#include "storage/AccountStore.h"
#include "storage/HistoryOutbox.h"
#include "storage/HistoryStore.h"
#include "storage/SecretStore.h"
#include "storage/Settings.h"
#include "workspace/AccountManager.h"
#include "workspace/AlertsGivenElsewhere.h"
#include "workspace/BudgetWatch.h"
#include "workspace/HistoryBilledTime.h"
#include "workspace/HistoryRecorder.h"
#include "workspace/KeepAliveManager.h"
#include "workspace/LocalEmulator.h"
#include "workspace/NetworkWatcher.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

QString historyFileFor(const Workspace::Options &options)
{
    if (!options.historyFile.isEmpty())
        return options.historyFile;
    // A settings file of the caller's keeps its history beside it rather than in the user's data.
    if (!options.settingsFile.isEmpty())
        return options.settingsFile + u".history.sqlite"_s;
    return HistoryStore::defaultFilePath();
}

} // namespace

Workspace::Workspace(const Options &options)
    : m_options(options)
{
    if (!m_options.clock)
        m_options.clock = SystemClock::instance();
    m_settings = m_options.settingsFile.isEmpty() ? std::make_unique<Settings>()
                                                  : std::make_unique<Settings>(m_options.settingsFile);

    if (m_options.demo) {
        // Accounts added in demo mode go to a file that disappears with the run.
        m_demoDirectory = std::make_unique<QTemporaryDir>();
        m_accountSettings
            = std::make_unique<QSettings>(m_demoDirectory->filePath(u"demo-accounts.ini"_s), QSettings::IniFormat);
    } else {
        // The same file as the settings (QSettings keeps two objects on one file in step).
        m_accountSettings = std::make_unique<QSettings>(m_settings->fileName(), m_settings->format());
    }
    m_accountStore = std::make_unique<AccountStore>(m_accountSettings.get());
    m_accountStore->setReadOnlyReason(m_options.watchOnlyReason);

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
    m_monitor = std::make_unique<SessionMonitor>(m_network.get(), m_log.get(), m_options.clock);
    m_emulator = std::make_unique<LocalEmulator>(m_options.emulatorProgram, m_options.extraDemoSessions);
    m_accounts = std::make_unique<AccountManager>(m_accountStore.get(), m_secrets, m_monitor.get(),
        m_options.localEmulator ? m_emulator.get() : nullptr, m_settings.get(),
        m_options.demo ? AccountManager::EmulatorPolicy::AlwaysOn : AccountManager::EmulatorPolicy::FromSettings);
    m_reachability = std::make_unique<NetworkWatcher>(m_monitor.get());
    // Without the settings, no saved policy is loaded (or changed): only those started in this run.
    m_keepAlive = std::make_unique<KeepAliveManager>(m_monitor.get(),
        m_options.runsPoliciesAndAlerts ? m_settings.get() : nullptr, m_options.clock,
        [this](const QString &account) { return m_accounts->identityOf(account); });
    // A policy extends automatically only where a person may extend: never for a watch-only account
    // or workspace (the window that does run the policies is another one).
    m_keepAlive->setMayExtend([this](const QString &account) { return !isReadOnly(account); });
    // Sessions are kept by their account's identity, and shown under the saved account's name; each at
    // the price in force when it was seen (read from the settings once per Preferences change, not per
    // session).
    m_recording.setActor(HistoryRecording::localActor(
        m_options.program.isEmpty() ? QCoreApplication::applicationName() : m_options.program));
    m_recording.setIdentityLookup([this](const QString &account) { return m_accounts->identityOf(account); });
    m_recording.setPriceLookup(
        [this](const QString &account, const QString &size) { return m_pricing.hourlyPrice(account, size); });
    setUpHistory();
    // Today's spend from the same source as the status bar's, so that the alerts and the bar agree.
    m_budgets = std::make_unique<BudgetWatch>(
        m_accountStore.get(), &m_monitor->sessions(), m_billedToday.get(), m_settings.get(), m_options.clock);
    if (m_options.runsPoliciesAndAlerts)
        QObject::connect(m_monitor.get(), &SessionMonitor::pollFinished, m_budgets.get(), &BudgetWatch::scheduleCheck);
    recordAlerts();
    applySettings();
}

void Workspace::setUpHistory()
{
    if (!m_options.demo) {
        m_historyFile = historyFileFor(m_options);
        const QString teamUrl = m_options.historyUrl.isEmpty()
            ? m_settings->value(Settings::Key::HistoryTeamUrl).toString().trimmed()
            : m_options.historyUrl.trimmed();
        if (!teamUrl.isEmpty())
            m_teamHistory = HistoryLocation::fromUrl(teamUrl);
        m_teamHistoryUrl = teamUrl;
    }
    if (!m_options.demo && m_options.recordMonitor) {
        // Opened in its own thread; the made-up sessions of the demo are not history.
        m_history = std::make_unique<HistoryRecorder>(&m_monitor->sessions(), m_options.clock);
        m_history->setRecording(&m_recording);
        m_history->setAccounts(m_accountStore->accounts());
        QObject::connect(m_accounts.get(), &AccountManager::savedAccountsChanged, m_history.get(),
            [this] { m_history->setAccounts(m_accountStore->accounts()); });
        openRecorder();
        m_history->attach(m_monitor.get());
        m_history->setAccountFilter([](const QString &account) { return !isMadeUp(account); });
        m_billedToday = std::make_unique<HistoryBilledTime>(&m_monitor->sessions(), m_history.get());
    } else {
        m_billedToday = std::make_unique<LiveBilledTime>(&m_monitor->sessions());
    }
}

void Workspace::recordAlerts()
{
    if (!m_history)
        return;
    // Into the history, so that every window of the team sees what a watcher (or another window) said.
    HistoryRecorder *history = m_history.get();
    QObject::connect(m_budgets.get(), &BudgetWatch::notify, history, &HistoryRecorder::recordAlert);
    QObject::connect(m_keepAlive.get(), &KeepAliveManager::policyEnded, history,
        [history](const QString &account, const QString &sessionId, const QString &sentence) {
            history->recordAlert({SessionNotification::Kind::KeepAliveEnded, account, sessionId, sentence});
        });
    QObject::connect(m_keepAlive.get(), &KeepAliveManager::policyFailed, history,
        [history](const QString &account, const QString &sessionId, const QString &sentence) {
            history->recordAlert({SessionNotification::Kind::KeepAliveFailed, account, sessionId, sentence});
        });
    // And out of it: what the others gave.
    m_alertsElsewhere
        = std::make_unique<AlertsGivenElsewhere>(history, m_budgets.get(), m_accountStore.get(), m_options.clock);
    QObject::connect(
        m_monitor.get(), &SessionMonitor::pollFinished, m_alertsElsewhere.get(), &AlertsGivenElsewhere::refresh);
}

AlertsGivenElsewhere *Workspace::followAlertsGivenElsewhere()
{
    if (m_alertsElsewhere)
        m_alertsElsewhere->start();
    return m_alertsElsewhere.get();
}

void Workspace::openRecorder()
{
    const int retentionDays = m_settings->historyRetentionDays();
    // A team database's password is in the keychain (when it was given in Preferences); what the
    // monitor sees meanwhile waits in the writer.
    loadHistoryPassword(m_history.get(),
        [this, retentionDays] { m_history->open(historyLocation(), retentionDays, historyOutboxFile()); });
}

void Workspace::loadHistoryPassword(QObject *context, std::function<void()> done)
{
    if (!m_teamHistory.isTeam()) {
        done();
        return;
    }
    if (const auto given = m_givenHistoryPasswords.constFind(m_teamHistory.secretName());
        given != m_givenHistoryPasswords.constEnd()) {
        m_teamHistory.setPassword(*given);
        done();
        return;
    }
    m_secrets->read(m_teamHistory.secretName(), context, [this, done = std::move(done)](const SecretResult &r) {
        if (r.ok)
            m_teamHistory.setPassword(r.value);
        done();
    });
}

HistoryLocation Workspace::historyLocation() const
{
    if (m_historyFile.isEmpty())
        return {};
    // A bad URL is an Invalid location: the store's open() says what is wrong with it.
    const bool team = m_teamHistory.isTeam() || !m_teamHistory.error().isEmpty();
    return team ? m_teamHistory : HistoryLocation::file(m_historyFile);
}

QString Workspace::historyOutboxFile() const
{
    return m_teamHistory.isTeam() ? HistoryOutbox::filePathFor(m_historyFile, m_teamHistory.displayName()) : QString();
}

std::unique_ptr<HistoryStore> Workspace::openHistory() const
{
    std::unique_ptr<HistoryStore> store = historyStore();
    if (store)
        store->open();
    return store;
}

std::unique_ptr<HistoryStore> Workspace::historyStore() const
{
    if (m_historyFile.isEmpty())
        return nullptr;
    auto store = std::make_unique<HistoryStore>(historyLocation());
    store->setAccounts(m_accountStore->accounts());
    return store;
}

HistoryStore::CopyResult Workspace::copyHistoryToTeam() const
{
    return copyHistory(m_historyFile, m_teamHistory, m_accountStore->accounts());
}

HistoryStore::CopyResult Workspace::copyHistory(
    const QString &historyFile, const HistoryLocation &team, const QList<Account> &accounts)
{
    HistoryStore::CopyResult result;
    if (!team.isTeam()) {
        result.error = team.error().isEmpty()
            ? QCoreApplication::translate("arr::Workspace", "No team database is chosen.")
            : team.error();
        return result;
    }
    HistoryStore file(HistoryLocation::file(historyFile));
    file.setAccounts(accounts);
    if (file.open() == HistoryStore::OpenResult::Unavailable) {
        result.error = file.problem();
        return result;
    }
    HistoryStore teamStore(team);
    teamStore.setAccounts(accounts);
    teamStore.open();
    return file.copyTo(teamStore);
}

void Workspace::saveHistoryPassword(const HistoryLocation &location, const QString &password)
{
    if (!location.isTeam())
        return;
    // This run uses it whatever the keychain does with it (persistenceLost() says when it keeps nothing).
    m_givenHistoryPasswords.insert(location.secretName(), password);
    m_secrets->write(location.secretName(), password, m_accounts.get(), [](const SecretResult &) {});
    if (location.secretName() == m_teamHistory.secretName() && m_teamHistory.password() != password) {
        m_teamHistory.setPassword(password);
        if (m_history)
            openRecorder();
    }
}

void Workspace::followHistoryChoice()
{
    if (m_options.demo || !m_options.historyUrl.isEmpty())
        return;
    const QString teamUrl = m_settings->value(Settings::Key::HistoryTeamUrl).toString().trimmed();
    if (teamUrl == m_teamHistoryUrl)
        return;
    m_teamHistoryUrl = teamUrl;
    m_teamHistory = teamUrl.isEmpty() ? HistoryLocation() : HistoryLocation::fromUrl(teamUrl);
    if (m_history)
        openRecorder();
}

QString Workspace::historyProblem() const
{
    return m_history ? m_history->problem() : QString();
}

Workspace::~Workspace()
{
    // The monitor's jobs refer to the network manager and the log: stop them first.
    m_alertsElsewhere.reset();
    m_budgets.reset();
    m_keepAlive.reset();
    // Writes what it was handed before the monitor it observes goes, and before the accounts its
    // records take their identity from.
    m_billedToday.reset();
    m_history.reset();
    m_reachability.reset();
    m_accounts.reset();
    m_monitor.reset();
}

void Workspace::start()
{
    m_reachability->start();
    m_accounts->start();
}

void Workspace::startWith(const Account &account, const QString &key)
{
    m_reachability->start();
    m_monitor->addAccount(account, key);
}

void Workspace::applySettings()
{
    m_monitor->setPollInterval(std::chrono::seconds(m_settings->pollIntervalSeconds()));
    m_monitor->setFastPollInterval(std::chrono::seconds(m_settings->fastPollIntervalSeconds()));
    m_monitor->setExpiryWarning(std::chrono::minutes(m_settings->expiryNotificationMinutes()));
    m_pricing = savedPricing();
    m_budgets->setPricing(pricing());
    followHistoryChoice();
}

Pricing Workspace::savedPricing() const
{
    return m_settings->pricing(m_accountStore->accounts());
}

Pricing Workspace::pricing() const
{
    return m_options.demo ? Pricing::examplePrices() : m_pricing;
}

QString Workspace::watchOnlyReason() const
{
    if (!m_options.watchOnlyReason.isEmpty())
        return m_options.watchOnlyReason;
    if (m_options.readOnly)
        return QCoreApplication::translate("arr::Workspace",
            "The app was started with --read-only: sessions can be "
            "watched, not created, extended or stopped.");
    return {};
}

bool Workspace::isMadeUp(const QString &account)
{
    // No saved account may take the local emulator's name (AccountManager refuses it).
    return account == LocalEmulator::accountName();
}

Account Workspace::useAccountForRun(Account account)
{
    const QString identity = account.identity();
    account.name = account.accountId;
    for (const Account &saved : m_accountStore->accounts()) {
        if (saved.identity() == identity) {
            account.name = saved.name;
            break;
        }
    }
    m_accounts->addAccountForThisRun(account);
    return account;
}

bool Workspace::isReadOnly(const QString &account) const
{
    if (m_options.readOnly || !m_options.watchOnlyReason.isEmpty())
        return true;
    const std::optional<Account> saved = m_accountStore->find(account);
    return saved && saved->readOnly;
}

QString Workspace::readOnlyReason(const QString &account) const
{
    if (const QString whole = watchOnlyReason(); !whole.isEmpty())
        return whole;
    if (isReadOnly(account))
        return QCoreApplication::translate("arr::Workspace",
            "The account \"%1\" is read-only (watch only): its sessions can be watched, not created, extended or "
            "stopped.")
            .arg(account);
    return {};
}

void Workspace::refuse(CommandOutcome::Kind kind, const QString &account, const QString &sessionId, const QString &why)
{
    CommandOutcome outcome;
    outcome.kind = kind;
    outcome.account = account;
    outcome.sessionId = sessionId;
    outcome.refused = true;
    outcome.result.kind = ErrorKind::Configuration;
    outcome.result.message = why;
    outcome.description = why;
    // Like every command, it ends later, never from within the call.
    SessionMonitor *monitor = m_monitor.get();
    QMetaObject::invokeMethod(
        monitor, [monitor, outcome] { Q_EMIT monitor->commandFinished(outcome); }, Qt::QueuedConnection);
}

bool Workspace::refuseIfReadOnly(CommandOutcome::Kind kind, const QString &account, const QString &sessionId)
{
    const QString why = readOnlyReason(account);
    if (why.isEmpty())
        return false;
    refuse(kind, account, sessionId, why);
    return true;
}

void Workspace::createSession(const QString &account, const CreateSessionRequest &request)
{
    if (refuseIfReadOnly(CommandOutcome::Kind::Create, account, {}))
        return;
    m_monitor->createSession(account, request);
}

void Workspace::extendSession(const QString &account, const QString &sessionId, TimeSpan newMaxLease)
{
    if (refuseIfReadOnly(CommandOutcome::Kind::Extend, account, sessionId))
        return;
    m_monitor->extendSession(account, sessionId, newMaxLease);
}

void Workspace::stopSession(const QString &account, const QString &sessionId)
{
    if (refuseIfReadOnly(CommandOutcome::Kind::Stop, account, sessionId))
        return;
    m_monitor->stopSession(account, sessionId);
}

void Workspace::keepSessionAlive(const QString &account, const QString &sessionId, const KeepAliveSpec &spec)
{
    if (refuseIfReadOnly(CommandOutcome::Kind::KeepAlive, account, sessionId))
        return;
    if (const QString problem = m_keepAlive->start(account, sessionId, spec); !problem.isEmpty())
        refuse(CommandOutcome::Kind::KeepAlive, account, sessionId, problem);
}

} // namespace arr
