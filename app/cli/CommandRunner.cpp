#include "cli/CommandRunner.h"

#include "cli/Output.h"
#include "core/Clock.h"
#include "core/JsonCodec.h"
#include "core/RequestValidator.h"
#include "service/SessionApi.h"
#include "service/TokenProvider.h"
#include "storage/AccountStore.h"
#include "storage/SecretStore.h"
#include "workspace/KeyLookup.h"
#include "workspace/SessionWatch.h"

#include <QCoreApplication>
#include <QIODevice>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr::cli {

namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', ms % 1000 == 0 ? 0 : 1);
}

} // namespace

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
    if (m_command.verbose) {
        connect(
            &m_log, &RequestLog::entryAdded, this, [this](const RequestLogEntry &entry) { printErr(entry.toLine()); });
    }
}

CommandRunner::~CommandRunner()
{
    // Jobs still running refer to the token provider; end them while it exists, unheard.
    m_finished = true;
    m_watch.reset();
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
    if (!m_command.connection.savedAccount.isEmpty()) {
        resolveSavedAccount();
        return;
    }
    connectToService();
}

void CommandRunner::listAccounts()
{
    if (!m_context.accounts) {
        printErr(tr("arrsm: the saved accounts cannot be read."));
        finish(ExitFailure);
        return;
    }
    for (const QString &problem : m_context.accounts->loadProblems())
        printErr(tr("arrsm: warning: %1").arg(problem));
    const QList<Account> accounts = m_context.accounts->accounts();
    if (m_command.json)
        printOut(jsonText(accountsJson(accounts)));
    else
        printOut(accountTable(accounts).toUtf8());
    finish(ExitSuccess);
}

void CommandRunner::resolveSavedAccount()
{
    const QString name = m_command.connection.savedAccount;
    const std::optional<Account> account = m_context.accounts ? m_context.accounts->find(name) : std::nullopt;
    if (!account) {
        printErr(tr("arrsm: there is no saved account named \"%1\"; 'arrsm accounts' lists them.").arg(name));
        finish(ExitUsage);
        return;
    }
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
    if (!m_context.secrets) {
        printErr(tr("arrsm: the keychain cannot be used."));
        finish(ExitFailure);
        return;
    }
    connect(m_context.secrets, &SecretStore::persistenceLost, this,
        [this](const QString &reason) { m_keychainProblem = reason; });
    m_keychainTimer.start(keychainTimeout);
    lookUpAccountKey(m_context.secrets, *account, this, [this](const KeyLookup &lookup) { onKeyRead(lookup); });
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

    m_tokens = std::make_unique<TokenProvider>(
        &m_network, connection.tokenEndpoint, connection.accountId, connection.accountKey, &m_log, m_clock);
    if (!account.name.isEmpty())
        m_tokens->accountLabel = account.name;
    m_api = std::make_unique<SessionApi>(&m_network, m_tokens.get(), account, &m_log, m_clock);

    switch (m_command.kind) {
    case CommandKind::List:
        list();
        break;
    case CommandKind::Show:
        show();
        break;
    case CommandKind::Create:
        create();
        break;
    case CommandKind::Extend:
        extend();
        break;
    case CommandKind::Stop:
        stop();
        break;
    case CommandKind::Wait:
        startWait(m_command.sessionId, true);
        break;
    case CommandKind::Accounts:
        Q_UNREACHABLE();
        break;
    }
}

void CommandRunner::follow(ApiJob *job, std::function<void(const ApiResult &)> handler)
{
    // Once the outcome is decided, late answers (of a poll aborted by the deadline) change nothing.
    connect(job, &ApiJob::finished, this, [this, handler = std::move(handler)](const ApiResult &result) {
        if (!m_finished)
            handler(result);
    });
}

void CommandRunner::list()
{
    ApiJob *job = m_api->listSessions();
    follow(job, [this](const ApiResult &result) {
        if (!result.ok()) {
            fail(result);
            return;
        }
        if (m_command.json)
            printOut(jsonText(sessionsJson(result.sessions)));
        else
            printOut(sessionTable(result.sessions).toUtf8());
        finish(ExitSuccess);
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
        printSession(*result.session);
        finish(ExitSuccess);
    });
}

void CommandRunner::create()
{
    CreateSessionRequest request;
    request.maxLease = m_command.lease;
    request.size = m_command.size;
    request.models = m_command.models;
    request.sessionId = m_command.newSessionId;
    ApiJob *job = m_api->createSession(request);
    follow(job, [this](const ApiResult &result) {
        if (!result.ok()) {
            fail(result);
            return;
        }
        if (m_command.verbose)
            printErr(tr("arrsm: created session %1").arg(result.sessionId));
        if (m_command.wait)
            startWait(result.sessionId, false);
        else
            showAfter(result.sessionId, tr("created"));
    });
}

void CommandRunner::extend()
{
    ApiJob *job = m_api->extendSession(m_command.sessionId, m_command.lease);
    follow(job, [this](const ApiResult &result) {
        if (!result.ok()) {
            fail(result);
            return;
        }
        if (result.session) {
            printSession(*result.session);
            finish(ExitSuccess);
            return;
        }
        showAfter(m_command.sessionId, tr("extended"));
    });
}

void CommandRunner::stop()
{
    ApiJob *job = m_api->stopSession(m_command.sessionId);
    follow(job, [this](const ApiResult &result) {
        if (!result.ok()) {
            fail(result);
            return;
        }
        if (m_command.wait)
            startWait(m_command.sessionId, false);
        else
            showAfter(m_command.sessionId, tr("asked to stop"));
    });
}

void CommandRunner::showAfter(const QString &sessionId, const QString &done)
{
    ApiJob *job = m_api->sessionProperties(sessionId);
    follow(job, [this, sessionId, done](const ApiResult &result) {
        if (result.ok() && result.session) {
            printSession(*result.session);
        } else {
            printErr(tr("arrsm: warning: session %1 was %2, but its properties could not be read: %3")
                         .arg(sessionId, done, result.summary()));
            Session known;
            known.id = sessionId;
            printSession(known);
        }
        finish(ExitSuccess);
    });
}

void CommandRunner::startWait(const QString &sessionId, bool pollNow)
{
    SessionWatch::Options options;
    options.until = m_command.until;
    options.interval = m_command.pollInterval;
    m_watch = std::make_unique<SessionWatch>(m_api.get(), sessionId, options);
    connect(m_watch.get(), &SessionWatch::retrying, this, [this](const ApiResult &result) {
        printErr(tr("arrsm: warning: session %1 could not be read (%2); trying again.")
                     .arg(m_watch->sessionId(), result.summary()));
    });
    connect(m_watch.get(), &SessionWatch::observed, this, [this](const Session &session) {
        if (m_command.verbose)
            printErr(tr("arrsm: session %1 is %2").arg(m_watch->sessionId(), statusText(session)));
    });
    connect(m_watch.get(), &SessionWatch::reached, this, [this](const Session &session) {
        printSession(session);
        finish(ExitSuccess);
    });
    connect(m_watch.get(), &SessionWatch::ended, this, &CommandRunner::onWaitEnded);
    connect(m_watch.get(), &SessionWatch::failed, this, &CommandRunner::fail);
    m_watch->start(pollNow);
}

void CommandRunner::onWaitEnded(const Session &session)
{
    printSession(session);
    const QString id = m_watch->sessionId();
    const QString message = session.message.trimmed();
    QString why;
    switch (session.status) {
    case SessionStatus::Error:
        why = tr("arrsm: session %1 failed: %2")
                  .arg(id, message.isEmpty() ? tr("the service gave no reason.") : message);
        break;
    case SessionStatus::Expired:
        why = tr("arrsm: session %1 expired: %2").arg(id, message.isEmpty() ? tr("its lease ran out.") : message);
        break;
    default:
        why = tr("arrsm: session %1 stopped before it became ready.").arg(id);
        if (!message.isEmpty())
            why += u' ' + message;
        break;
    }
    printErr(why);
    finish(ExitSessionEnded);
}

void CommandRunner::onDeadline()
{
    if (m_finished)
        return;
    if (!m_watch) {
        QString line = tr("arrsm: timed out after %1 s without a complete answer from the service.")
                           .arg(seconds(m_command.timeout.count()));
        if (m_command.kind == CommandKind::Create)
            line += u' ' + tr("The session may have been created anyway; list the sessions before creating another.");
        printErr(line);
        finish(ExitTimedOut);
        return;
    }
    const QString target = sessionStatusWireName(m_command.until);
    QString line = tr("arrsm: timed out after %1 s waiting for session %2 to be %3")
                       .arg(seconds(m_commandTime.elapsed()), m_watch->sessionId(), target);
    if (const std::optional<Session> lastSeen = m_watch->lastSeen()) {
        printSession(*lastSeen);
        line += tr("; it is %1.").arg(statusText(*lastSeen));
    } else {
        line += u'.';
    }
    printErr(line);
    finish(ExitTimedOut);
}

void CommandRunner::printSession(const Session &session)
{
    if (m_command.json)
        printOut(jsonText(sessionJson(session)));
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
    if (m_watch)
        m_watch->cancel();
    Q_EMIT finished(exitCode);
}

} // namespace arr::cli
