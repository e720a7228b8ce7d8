#include "cli/CommandRunner.h"

#include "cli/Output.h"
#include "core/Clock.h"
#include "core/JsonCodec.h"
#include "service/SessionApi.h"
#include "service/TokenProvider.h"
#include "storage/AccountStore.h"
#include "storage/SecretStore.h"

#include <QCoreApplication>
#include <QIODevice>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr::cli {

namespace {

// Failures that another poll may not repeat: worth waiting through while following a session.
bool isTransient(ErrorKind kind)
{
    return kind == ErrorKind::Network || kind == ErrorKind::Timeout || kind == ErrorKind::Server
        || kind == ErrorKind::Throttled || kind == ErrorKind::BadResponse;
}

// Polls in a row that may fail before a wait gives up: the service layer has already retried each.
constexpr int MaximumFailedPolls = 3;

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
    m_pollTimer.setSingleShot(true);
    m_deadlineTimer.setSingleShot(true);
    m_deadlineTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_pollTimer, &QTimer::timeout, this, &CommandRunner::poll);
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
    if (!m_context.secrets) {
        printErr(tr("arrsm: the keychain cannot be used."));
        finish(ExitFailure);
        return;
    }
    connect(m_context.secrets, &SecretStore::persistenceLost, this,
        [this](const QString &reason) { m_keychainProblem = reason; });
    m_keychainTimer.start(keychainTimeout);
    m_context.secrets->read(
        accountSecretName(account->accountId), this, [this](const SecretResult &result) { onKeyRead(result); });
}

void CommandRunner::onKeyRead(const SecretResult &result)
{
    if (m_finished)
        return;
    m_keychainTimer.stop();
    const QString name = m_command.connection.savedAccount;
    // A keychain that could not be reached leaves only keys held in memory by this very process,
    // which arrsm has none of: say what is wrong rather than "no key".
    if (!m_context.secrets->isPersistent()) {
        printErr(tr("arrsm: the key of the saved account \"%1\" cannot be read: the system keychain is not "
                    "available. arrsm reads saved keys only from the keychain; give the account with --endpoint, "
                    "--account-id and ARRSM_ACCOUNT_KEY instead.")
                     .arg(name));
        if (m_command.verbose && !m_keychainProblem.isEmpty())
            printErr(u"arrsm: "_s + m_keychainProblem);
        finish(ExitFailure);
        return;
    }
    if (!result.ok || result.value.isEmpty()) {
        if (result.ok || result.notFound)
            printErr(tr("arrsm: the keychain holds no key for the saved account \"%1\"; enter it in the desktop "
                        "app.")
                         .arg(name));
        else
            printErr(u"arrsm: "_s + result.error);
        finish(ExitFailure);
        return;
    }
    m_command.connection.accountKey = result.value;
    connectToService();
}

void CommandRunner::connectToService()
{
    const Connection &connection = m_command.connection;
    Account account;
    account.name = connection.savedAccount;
    account.endpoint = connection.endpoint;
    account.tokenEndpoint = connection.tokenEndpoint;
    account.accountId = connection.accountId;

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
    m_waitId = sessionId;
    if (pollNow)
        poll();
    else
        m_pollTimer.start(m_command.pollInterval);
}

void CommandRunner::poll()
{
    if (m_finished)
        return;
    m_pollJob = m_api->sessionProperties(m_waitId);
    follow(m_pollJob, [this](const ApiResult &result) { onPolled(result); });
}

void CommandRunner::onPolled(const ApiResult &result)
{
    m_pollJob = nullptr;
    if (!result.ok() || !result.session) {
        if (isTransient(result.kind) && ++m_failedPolls < MaximumFailedPolls) {
            printErr(
                tr("arrsm: warning: session %1 could not be read (%2); trying again.").arg(m_waitId, result.summary()));
            const auto delay = std::max<std::chrono::milliseconds>(
                m_command.pollInterval, result.retryAfter.value_or(std::chrono::seconds(0)));
            m_pollTimer.start(delay);
            return;
        }
        fail(result);
        return;
    }
    m_failedPolls = 0;
    const Session &session = *result.session;
    m_lastSeen = session;
    if (m_command.verbose)
        printErr(tr("arrsm: session %1 is %2").arg(m_waitId, statusText(session)));

    if (session.status == m_command.until) {
        printSession(session);
        finish(ExitSuccess);
        return;
    }
    if (isFinalStatus(session.status)) {
        printSession(session);
        const QString message = session.message.trimmed();
        QString why;
        switch (session.status) {
        case SessionStatus::Error:
            why = tr("arrsm: session %1 failed: %2")
                      .arg(m_waitId, message.isEmpty() ? tr("the service gave no reason.") : message);
            break;
        case SessionStatus::Expired:
            why = tr("arrsm: session %1 expired: %2")
                      .arg(m_waitId, message.isEmpty() ? tr("its lease ran out.") : message);
            break;
        default:
            why = tr("arrsm: session %1 stopped before it became ready.").arg(m_waitId);
            if (!message.isEmpty())
                why += u' ' + message;
            break;
        }
        printErr(why);
        finish(ExitSessionEnded);
        return;
    }
    m_pollTimer.start(std::max<std::chrono::milliseconds>(
        m_command.pollInterval, result.retryAfter.value_or(std::chrono::seconds(0))));
}

void CommandRunner::onDeadline()
{
    if (m_finished)
        return;
    if (m_waitId.isEmpty()) {
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
                       .arg(seconds(m_commandTime.elapsed()), m_waitId, target);
    if (m_lastSeen) {
        printSession(*m_lastSeen);
        line += tr("; it is %1.").arg(statusText(*m_lastSeen));
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
    m_pollTimer.stop();
    m_deadlineTimer.stop();
    m_keychainTimer.stop();
    if (m_pollJob)
        m_pollJob->abort();
    Q_EMIT finished(exitCode);
}

} // namespace arr::cli
