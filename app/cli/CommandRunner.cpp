#include "cli/CommandRunner.h"

#include "cli/Metrics.h"
#include "cli/Output.h"
#include "core/Clock.h"
#include "core/JsonCodec.h"
#include "core/RequestValidator.h"
#include "monitor/SessionMonitor.h"
#include "service/RequestLog.h"
#include "storage/AccountStore.h"
#include "storage/HistoryExport.h"
#include "storage/HistoryStore.h"
#include "storage/SecretStore.h"
#include "workspace/KeepAliveManager.h"
#include "workspace/KeepAlivePolicy.h"
#include "workspace/KeyLookup.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr::cli {

CommandRunner::CommandRunner(Command command, Context context, QObject *parent)
    : QObject(parent)
    , m_command(std::move(command))
    , m_context(context)
    , m_clock(context.clock ? context.clock : SystemClock::instance())
{
    m_keychainTimer.setSingleShot(true);
    m_deadlineTimer.setSingleShot(true);
    m_deadlineTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &CommandRunner::onDeadline);
    connect(&m_keychainTimer, &QTimer::timeout, this, [this] {
        printErr(tr("arrsm: the keychain did not answer in time."));
        finish(ExitFailure);
    });
    // Every request of the command, the workspace's monitor's included, goes to the workspace's log.
    if (m_command.verbose && m_context.workspace) {
        connect(&m_context.workspace->log(), &RequestLog::entryAdded, this,
            [this](const RequestLogEntry &entry) { printErr(entry.toLine()); });
    }
}

void CommandRunner::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(this, &CommandRunner::run, Qt::QueuedConnection);
}

void CommandRunner::run()
{
    // One deadline for the whole command, whatever a server does: each request has its own, but a
    // command is several requests (a token, retries, polls).
    m_commandTime.start();
    m_deadlineTimer.start(m_command.timeout);
    if (m_command.kind == CommandKind::Accounts) {
        listAccounts();
        return;
    }
    if (m_command.kind == CommandKind::History) {
        printHistory();
        return;
    }
    if (!m_command.connection.savedAccount.isEmpty()) {
        resolveSavedAccount();
        return;
    }
    runOnAccount();
}

void CommandRunner::listAccounts()
{
    const AccountStore &store = m_context.workspace->accountStore();
    for (const QString &problem : store.loadProblems())
        printErr(tr("arrsm: warning: %1").arg(problem));
    const QList<Account> accounts = store.accounts();
    if (m_command.json)
        printOut(jsonText(accountsJson(accounts)));
    else
        printOut(accountTable(accounts).toUtf8());
    finish(ExitSuccess);
}

void CommandRunner::resolveSavedAccount()
{
    const QString name = m_command.connection.savedAccount;
    Workspace &workspace = *m_context.workspace;
    const std::optional<Account> account = workspace.accountStore().find(name);
    if (!account) {
        printErr(tr("arrsm: there is no saved account named \"%1\"; 'arrsm accounts' lists them.").arg(name));
        finish(ExitUsage);
        return;
    }
    if (refusedAsReadOnly(account->name))
        return;
    m_command.connection.savedAccount = account->name;
    m_command.connection.endpoint = account->endpoint;
    m_command.connection.tokenEndpoint = account->tokenEndpoint;
    m_command.connection.accountId = account->accountId;
    m_command.connection.apiVersion = account->apiVersion;
    // The command line held ids to the looser rule until the account's version was known.
    const SessionIdRule idRule
        = account->apiVersion == ApiVersion::Api20210101 ? SessionIdRule::Api20210101 : SessionIdRule::V1Guid;
    if (!m_command.sessionId.isEmpty()) {
        if (const RequestVerdict verdict = RequestValidator::checkSessionId(m_command.sessionId, idRule);
            !verdict.ok()) {
            printErr(u"arrsm: "_s + verdict.sentence);
            finish(ExitUsage);
            return;
        }
    }
    if (!m_command.newSessionId.isEmpty() && account->apiVersion == ApiVersion::V1) {
        printErr(tr("arrsm: --id needs an account on the 2021-01-01 API: the v1 API names sessions itself."));
        finish(ExitUsage);
        return;
    }
    SecretStore *secrets = &workspace.secrets();
    connect(
        secrets, &SecretStore::persistenceLost, this, [this](const QString &reason) { m_keychainProblem = reason; });
    m_keychainTimer.start(keychainTimeout);
    lookUpAccountKey(secrets, *account, this, [this](const KeyLookup &lookup) { onKeyRead(lookup); });
}

bool CommandRunner::refusedAsReadOnly(const QString &account)
{
    const bool changes = m_command.kind == CommandKind::Create || m_command.kind == CommandKind::Extend
        || m_command.kind == CommandKind::Stop || m_command.kind == CommandKind::KeepAlive;
    const QString why = m_context.workspace->readOnlyReason(account);
    if (!changes || why.isEmpty())
        return false;
    // Refused as the window refuses it, in its words, before anything is sent.
    printErr(u"arrsm: "_s + why);
    finish(ExitUsage);
    return true;
}

void CommandRunner::onKeyRead(const KeyLookup &lookup)
{
    if (m_finished)
        return;
    m_keychainTimer.stop();
    const QString name = m_command.connection.savedAccount;
    switch (lookup.outcome) {
    case KeyLookup::Outcome::Found:
        m_command.connection.accountKey = lookup.key;
        runOnAccount();
        return;
    case KeyLookup::Outcome::KeychainUnavailable:
        // Only keys held in memory by this very process would be known, which arrsm has none of: say
        // what is wrong rather than "no key".
        printErr(tr("arrsm: the key of the saved account \"%1\" cannot be read: the system keychain is not "
                    "available. arrsm reads saved keys only from the keychain; give the account with --endpoint, "
                    "--account-id and ARRSM_ACCOUNT_KEY instead.")
                     .arg(name));
        if (m_command.verbose && !m_keychainProblem.isEmpty())
            printErr(u"arrsm: "_s + m_keychainProblem);
        break;
    case KeyLookup::Outcome::NotStored:
        printErr(tr("arrsm: the keychain holds no key for the saved account \"%1\"; enter it in the desktop app.")
                     .arg(name));
        break;
    case KeyLookup::Outcome::Failed:
        printErr(u"arrsm: "_s + lookup.error);
        break;
    }
    finish(ExitFailure);
}

void CommandRunner::runOnAccount()
{
    const Connection &connection = m_command.connection;
    Account account;
    account.name = connection.savedAccount;
    account.endpoint = connection.endpoint;
    account.tokenEndpoint = connection.tokenEndpoint;
    account.accountId = connection.accountId;
    account.apiVersion = connection.apiVersion;

    // The environment's account is an account for this run, known to the workspace by its identity.
    if (account.name.isEmpty()) {
        m_runAccountName = m_context.workspace->useAccountForRun(account).name;
        // Reached through the environment, a saved read-only account is read-only all the same.
        if (refusedAsReadOnly(m_runAccountName))
            return;
    }

    if (m_command.kind == CommandKind::KeepAlive) {
        keepAlive(account);
        return;
    }
    if (m_command.kind == CommandKind::Create || m_command.kind == CommandKind::Extend
        || m_command.kind == CommandKind::Stop || m_command.kind == CommandKind::Wait) {
        sendCommand(account);
        return;
    }

    readOnce(account);
}

void CommandRunner::readOnce(Account account)
{
    // list, show and metrics: one read each (the account's list, or the one session) by the
    // workspace's monitor, as the window reads them.
    account.name = historyAccount();
    SessionMonitor &monitor = m_context.workspace->monitor();
    connect(&monitor, &SessionMonitor::pollFinished, this, &CommandRunner::onReadOnce);
    const QString onlySession = m_command.kind == CommandKind::Show ? m_command.sessionId : QString();
    monitor.addAccountForOneRead(account, m_command.connection.accountKey, onlySession);
}

void CommandRunner::onReadOnce(const QString &account, const ApiResult &result)
{
    // Once the outcome is decided (the deadline), a late answer changes nothing.
    if (m_finished || account != historyAccount())
        return;
    if (!result.ok() || (m_command.kind == CommandKind::Show && !result.session)) {
        fail(result);
        return;
    }
    const QList<Session> sessions
        = m_command.kind == CommandKind::Show ? QList<Session>{*result.session} : result.sessions;
    recordSeen(sessions, result.msCv);
    if (m_command.kind == CommandKind::Show)
        printSession(*result.session);
    else if (m_command.kind == CommandKind::Metrics)
        printOut(metricsText(sessions));
    else if (m_command.json)
        printOut(jsonText(sessionsJson(sessions, creatorsOf(sessions))));
    else
        printOut(sessionTable(sessions).toUtf8());
    finish(ExitSuccess);
}

QByteArray CommandRunner::metricsText(const QList<Session> &sessions) const
{
    // Labelled as the command line named the account: its saved name, or the environment's account id.
    const QString label = m_command.connection.savedAccount.isEmpty() ? m_command.connection.accountId
                                                                      : m_command.connection.savedAccount;
    AccountSessions account;
    account.account = label;
    account.pricingAccount = historyAccount();
    account.sessions = sessions;
    return openMetricsText({account}, m_context.workspace->pricing());
}

void CommandRunner::printSession(const Session &session)
{
    if (m_command.json)
        printOut(jsonText(sessionJson(session, creatorsOf({session}))));
    else
        printOut(sessionTable({session}).toUtf8());
}

void CommandRunner::printOut(const QByteArray &bytes)
{
    if (!m_context.out)
        return;
    QByteArray text = bytes;
    // Belt and braces: nothing the service sends back may carry the key out.
    const QByteArray key = m_command.connection.accountKey.toUtf8();
    if (!key.isEmpty())
        text.replace(key, "[redacted]");
    m_context.out->write(text);
}

void CommandRunner::printErr(const QString &line)
{
    if (!m_context.err)
        return;
    QString text = line;
    const QString &key = m_command.connection.accountKey;
    if (!key.isEmpty())
        text.replace(key, u"[redacted]"_s);
    m_context.err->write(text.toUtf8() + '\n');
}

void CommandRunner::fail(const ApiResult &result)
{
    printErr(u"arrsm: "_s + (result.ok() ? tr("the service's answer had no session in it.") : result.summary()));
    finish(ExitFailure);
}

void CommandRunner::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_exitCode = exitCode;
    m_keychainTimer.stop();
    m_deadlineTimer.stop();
    // Everything is printed by now; the history waits for another writer only within the command's
    // deadline.
    const auto left
        = m_command.timeout - std::chrono::milliseconds(m_commandTime.isValid() ? m_commandTime.elapsed() : 0);
    writeHistory(std::clamp(left, std::chrono::milliseconds(0), std::chrono::milliseconds(MaximumHistoryWait)));
    Q_EMIT finished(exitCode);
}

} // namespace arr::cli
