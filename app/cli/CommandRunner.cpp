#include "cli/CommandRunner.h"

#include "cli/Metrics.h"
#include "cli/Output.h"
#include "core/Clock.h"
#include "core/JsonCodec.h"
#include "core/RequestValidator.h"
#include "service/RequestLog.h"
#include "service/SessionApi.h"
#include "service/TokenProvider.h"
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

CommandRunner::~CommandRunner()
{
    // Jobs still running refer to the token provider; end them while it exists, unheard.
    m_finished = true;
    if (m_api)
        m_api->abortAll();
    m_api.reset();
    m_tokens.reset();
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
    connectToService();
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
        connectToService();
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

void CommandRunner::connectToService()
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

    // list, show and metrics: one read each, through a session API of the command's own.
    RequestLog *log = &m_context.workspace->log();
    m_tokens = std::make_unique<TokenProvider>(
        &m_network, connection.tokenEndpoint, connection.accountId, connection.accountKey, log, m_clock);
    if (!account.name.isEmpty())
        m_tokens->accountLabel = account.name;
    m_tokens->accountIdentity = account.identity();
    m_api = std::make_unique<SessionApi>(&m_network, m_tokens.get(), account, log, m_clock);
    if (m_command.kind == CommandKind::List)
        list();
    else if (m_command.kind == CommandKind::Show)
        show();
    else
        metrics();
}

void CommandRunner::follow(ApiJob *job, std::function<void(const ApiResult &)> handler)
{
    // Once the outcome is decided, late answers (of a poll aborted by the deadline) change nothing.
    connect(job, &ApiJob::finished, this, [this, handler = std::move(handler)](const ApiResult &result) {
        if (!m_finished)
            handler(result);
    });
}

void CommandRunner::printSessionList(std::function<QByteArray(const QList<Session> &)> format)
{
    follow(m_api->listSessions(), [this, format = std::move(format)](const ApiResult &result) {
        if (!result.ok()) {
            fail(result);
            return;
        }
        recordSeen(result.sessions, result.msCv);
        printOut(format(result.sessions));
        finish(ExitSuccess);
    });
}

void CommandRunner::list()
{
    printSessionList([this](const QList<Session> &sessions) {
        return m_command.json ? jsonText(sessionsJson(sessions, creatorsOf(sessions)))
                              : sessionTable(sessions).toUtf8();
    });
}

void CommandRunner::metrics()
{
    printSessionList([this](const QList<Session> &sessions) {
        const QString label = m_command.connection.savedAccount.isEmpty() ? m_command.connection.accountId
                                                                          : m_command.connection.savedAccount;
        AccountSessions account;
        account.account = label;
        account.pricingAccount = historyAccount();
        account.sessions = sessions;
        return openMetricsText({account}, m_context.workspace->pricing());
    });
}

void CommandRunner::show()
{
    ApiJob *job = m_api->sessionProperties(m_command.sessionId);
    follow(job, [this](const ApiResult &result) {
        if (!result.ok() || !result.session) {
            fail(result);
            return;
        }
        recordSeen({*result.session}, result.msCv);
        printSession(*result.session);
        finish(ExitSuccess);
    });
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
