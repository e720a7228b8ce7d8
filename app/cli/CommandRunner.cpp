#include "cli/CommandRunner.h"

#include "cli/Metrics.h"
#include "cli/Output.h"
#include "core/Clock.h"
#include "core/JsonCodec.h"
#include "core/RequestValidator.h"
#include "service/SessionApi.h"
#include "service/TokenProvider.h"
#include "storage/AccountStore.h"
#include "storage/HistoryExport.h"
#include "storage/HistoryStore.h"
#include "storage/SecretStore.h"
#include "workspace/KeepAlivePolicy.h"
#include "workspace/KeyLookup.h"
#include "workspace/SessionWatch.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

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

void CommandRunner::printHistory()
{
    HistoryStore *store = m_context.history;
    if (!store || !store->isOpen()) {
        printErr(tr("arrsm: the session history cannot be read: %1")
                     .arg(store && !store->problem().isEmpty() ? store->problem() : tr("it is not available.")));
        finish(ExitFailure);
        return;
    }
    // An open store with a problem replaced a damaged file with a new, empty one: what it would list
    // now is not the history that was asked for. A team history of a newer schema is read as it is.
    if (store->isReadOnly()) {
        printErr(tr("arrsm: warning: %1").arg(store->problem()));
    } else if (!store->problem().isEmpty()) {
        printErr(tr("arrsm: the session history cannot be read: %1").arg(store->problem()));
        finish(ExitFailure);
        return;
    }
    HistoryQuery query;
    query.since = m_command.since;
    query.until = m_command.historyUntil;
    if (!m_command.connection.savedAccount.isEmpty())
        query.accounts << m_command.connection.savedAccount;
    const QList<HistorySession> sessions = store->sessions(query);
    if (!store->readError().isEmpty()) {
        printErr(u"arrsm: "_s + store->readError());
        finish(ExitFailure);
        return;
    }
    if (m_command.csv)
        printOut(historyCsv(sessions));
    else if (m_command.json)
        printOut(historyJsonText(sessions));
    else
        printOut(historyTable(sessions).toUtf8());
    finish(ExitSuccess);
}

QString CommandRunner::historyAccount() const
{
    return m_command.connection.savedAccount.isEmpty() ? m_runAccountName : m_command.connection.savedAccount;
}

void CommandRunner::recordSeen(const QList<Session> &sessions, const QByteArray &msCv)
{
    if (!m_context.history || !m_context.history->isOpen() || sessions.isEmpty())
        return;
    const HistoryRecording &recording = m_context.workspace->historyRecording();
    HistoryBatch batch;
    const QDateTime now = m_clock->now().toUTC();
    const QString msCvText = QString::fromLatin1(msCv);
    for (const Session &session : sessions) {
        if (!session.id.isEmpty())
            batch.observations.append(recording.observation(historyAccount(), session, now, msCvText));
    }
    queueHistory(batch);
}

void CommandRunner::recordCommand(CommandOutcome::Kind kind, bool succeeded, const QString &sessionId,
    const QByteArray &msCv, const QString &detail, std::optional<TimeSpan> lease)
{
    if (!m_context.history || !m_context.history->isOpen())
        return;
    CommandOutcome outcome;
    outcome.kind = kind;
    outcome.account = historyAccount();
    outcome.sessionId = sessionId;
    outcome.succeeded = succeeded;
    outcome.accepted = succeeded;
    outcome.result.msCv = msCv;
    outcome.description = detail;
    if (kind == CommandOutcome::Kind::Extend)
        outcome.requestedLease = lease.value_or(m_command.lease);
    const std::optional<HistoryCommand> command = m_context.workspace->historyRecording().command(
        outcome, m_clock->now().toUTC(), kind == CommandOutcome::Kind::Create ? m_command.size : QString());
    if (!command)
        return;
    HistoryBatch batch;
    batch.commands.append(*command);
    queueHistory(batch);
}

void CommandRunner::queueHistory(const HistoryBatch &batch)
{
    m_historyQueue.observations.append(batch.observations);
    m_historyQueue.commands.append(batch.commands);
    m_historyQueue.disappearances.append(batch.disappearances);
    // A keep-alive runs for hours: what it did is written as it goes, each write waiting at most a
    // moment for another writer. Other commands write once, after their output.
    if (m_command.kind == CommandKind::KeepAlive)
        writeHistory(std::chrono::seconds(1));
}

void CommandRunner::writeHistory(std::chrono::milliseconds wait)
{
    HistoryStore *store = m_context.history;
    const HistoryBatch batch = std::exchange(m_historyQueue, {});
    if (!store || !store->isOpen() || batch.isEmpty())
        return;
    // History is never a reason for a command to fail or to run late: a write that cannot be made in
    // time only warns, in one line.
    store->setBusyWait(int(std::max<qint64>(wait.count(), 0)), 0);
    if (!store->record(batch))
        printErr(tr("arrsm: warning: %1 What this command did is not in it.").arg(store->problem()));
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
    const bool changes = m_command.kind == CommandKind::Create || m_command.kind == CommandKind::Extend
        || m_command.kind == CommandKind::Stop || m_command.kind == CommandKind::KeepAlive;
    // Refused as the window refuses it, in its words.
    if (const QString why = workspace.readOnlyReason(account->name); changes && !why.isEmpty()) {
        printErr(u"arrsm: "_s + why);
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
    SecretStore *secrets = &workspace.secrets();
    connect(
        secrets, &SecretStore::persistenceLost, this, [this](const QString &reason) { m_keychainProblem = reason; });
    m_keychainTimer.start(keychainTimeout);
    lookUpAccountKey(secrets, *account, this, [this](const KeyLookup &lookup) { onKeyRead(lookup); });
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
    if (account.name.isEmpty())
        m_runAccountName = m_context.workspace->useAccountForRun(account).name;

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
    case CommandKind::KeepAlive:
        keepAlive();
        break;
    case CommandKind::Metrics:
        metrics();
        break;
    case CommandKind::Accounts:
    case CommandKind::History:
    case CommandKind::Watch:
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
        return m_command.json ? jsonText(sessionsJson(sessions)) : sessionTable(sessions).toUtf8();
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
        recordCommand(CommandOutcome::Kind::Create, true, result.sessionId, result.msCv, tr("created by arrsm"));
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
            recordCommand(CommandOutcome::Kind::Extend, false, m_command.sessionId, result.msCv, result.summary());
            fail(result);
            return;
        }
        recordCommand(CommandOutcome::Kind::Extend, true, m_command.sessionId, result.msCv,
            tr("extended by arrsm to %1").arg(m_command.lease.toString()));
        if (result.session) {
            recordSeen({*result.session}, result.msCv);
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
            recordCommand(CommandOutcome::Kind::Stop, false, m_command.sessionId, result.msCv, result.summary());
            fail(result);
            return;
        }
        recordCommand(CommandOutcome::Kind::Stop, true, m_command.sessionId, result.msCv, tr("stopped by arrsm"));
        if (m_command.wait)
            startWait(m_command.sessionId, false);
        else
            showAfter(m_command.sessionId, tr("asked to stop"));
    });
}

void CommandRunner::keepAlive()
{
    KeepAliveSpec spec = m_command.keepAlive;
    if (m_command.keepAliveUntil)
        spec.until = KeepAliveSpec::nextOccurrence(*m_command.keepAliveUntil, m_clock->now());
    m_keepAlive = std::make_unique<KeepAlivePolicy>(spec, m_clock);
    m_keepAliveTimer.setSingleShot(true);
    connect(&m_keepAliveTimer, &QTimer::timeout, this, &CommandRunner::keepAliveLook);
    // Ctrl+C only stops looking: the session keeps the lease it has (main quits the event loop).
    keepAliveLook();
}

void CommandRunner::keepAliveLook()
{
    if (m_finished)
        return;
    ApiJob *job = m_api->sessionProperties(m_command.sessionId);
    follow(job, [this](const ApiResult &result) { onKeepAliveRead(result); });
}

void CommandRunner::onKeepAliveRead(const ApiResult &result)
{
    // Each read has the service layer's retries already; a few failed reads in a row more are what a
    // long run rides out, then it gives up rather than let the lease run out unseen.
    constexpr int MaximumFailedReads = 3;
    if (!result.ok() || !result.session) {
        if (result.httpStatus == 404 || ++m_keepAliveFailedReads >= MaximumFailedReads) {
            fail(result);
            return;
        }
        printErr(tr("arrsm: warning: session %1 could not be read (%2); trying again.")
                     .arg(m_command.sessionId, result.summary()));
        m_keepAliveTimer.start(m_command.pollInterval);
        return;
    }
    m_keepAliveFailedReads = 0;
    const Session session = *result.session;
    const KeepAlivePolicy::Decision decision
        = m_keepAlive->evaluate(session, m_clock->monotonicMs(), m_keepAliveProgress);
    // The extend the last read was waiting for showed: only now is it said to have happened.
    if (m_extendedFrom && !m_keepAliveProgress.awaitedLease && m_keepAliveProgress.extendsNotTaken == 0) {
        const Session from = *std::exchange(m_extendedFrom, std::nullopt);
        printKeepAliveEvent(u"extended"_s, from,
            tr("Extended session %1 from %2 to %3.")
                .arg(m_command.sessionId, from.maxLease ? from.maxLease->toString() : tr("unknown"),
                    session.maxLease->toString()),
            session.maxLease);
        recordCommand(CommandOutcome::Kind::Extend, true, m_command.sessionId, m_extendMsCv,
            tr("extended to %1 by arrsm (keep-alive)").arg(session.maxLease->toString()), *session.maxLease);
    }
    switch (decision.action) {
    case KeepAlivePolicy::Decision::Action::Wait:
        if (m_command.verbose)
            printErr(tr("arrsm: session %1 is %2, %3 left")
                         .arg(m_command.sessionId, statusText(session),
                             decision.remaining ? decision.remaining->toString() : tr("unknown")));
        m_keepAliveTimer.start(m_command.pollInterval);
        return;
    case KeepAlivePolicy::Decision::Action::ExtendNotTaken:
        m_extendedFrom.reset();
        printErr(tr("arrsm: warning: %1 Asking again in %2 s.")
                     .arg(decision.problem)
                     .arg(std::chrono::duration_cast<std::chrono::seconds>(m_command.pollInterval).count()));
        m_keepAliveTimer.start(m_command.pollInterval);
        return;
    case KeepAlivePolicy::Decision::Action::Failed:
        printErr(u"arrsm: "_s + decision.problem);
        finish(ExitFailure);
        return;
    case KeepAlivePolicy::Decision::Action::Extend:
        keepAliveExtend(session, decision.newLease);
        return;
    case KeepAlivePolicy::Decision::Action::CapReached: {
        const QString when = decision.endsAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
        // A lease beyond the bound was not this policy's doing: a warning, and said so.
        if (decision.beyondBound)
            printErr(tr("arrsm: warning: %1 It will stop at %2.").arg(decision.problem, when));
        printKeepAliveEvent(decision.beyondBound ? u"beyondBound"_s : u"capReached"_s, session,
            (decision.beyondBound
                    ? tr("Session %1 has a lease of %2, beyond the bound; keep-alive did nothing. It will stop at %3.")
                    : tr("Session %1 is kept alive as far as asked (lease %2); it will stop at %3."))
                .arg(m_command.sessionId, session.maxLease->toString(), when),
            std::nullopt, decision.endsAt);
        finish(ExitSuccess);
        return;
    }
    case KeepAlivePolicy::Decision::Action::SessionEnded:
        printKeepAliveEvent(u"ended"_s, session,
            tr("Session %1 ended (%2); nothing more to keep alive.").arg(m_command.sessionId, statusText(session)));
        finish(ExitSessionEnded);
        return;
    }
}

void CommandRunner::keepAliveExtend(const Session &session, TimeSpan newLease)
{
    ApiJob *job = m_api->extendSession(m_command.sessionId, newLease);
    follow(job, [this, session, newLease](const ApiResult &result) {
        if (!result.ok()) {
            fail(result);
            return;
        }
        m_keepAlive->extendAccepted(session, newLease, m_keepAliveProgress);
        m_extendedFrom = session;
        m_extendMsCv = result.msCv;
        // Look again at once: the answer shows whether the extend took, and at the bound the policy
        // ends now, not an interval later.
        keepAliveLook();
    });
}

void CommandRunner::printKeepAliveEvent(const QString &event, const Session &session, const QString &line,
    std::optional<TimeSpan> newLease, const QDateTime &endsAt)
{
    if (!m_command.json) {
        printOut(line.toUtf8() + '\n');
        return;
    }
    QJsonObject object;
    object.insert(u"event"_s, event);
    object.insert(u"sessionId"_s, m_command.sessionId);
    object.insert(u"sessionStatus"_s, statusText(session));
    object.insert(u"sessionElapsedTime"_s, session.elapsed ? QJsonValue(session.elapsed->toString()) : QJsonValue());
    object.insert(u"sessionMaxLeaseTime"_s, session.maxLease ? QJsonValue(session.maxLease->toString()) : QJsonValue());
    if (newLease)
        object.insert(u"newMaxLeaseTime"_s, newLease->toString());
    if (endsAt.isValid())
        object.insert(u"endsAt"_s, endsAt.toUTC().toString(Qt::ISODate));
    printOut(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
}

void CommandRunner::showAfter(const QString &sessionId, const QString &done)
{
    ApiJob *job = m_api->sessionProperties(sessionId);
    follow(job, [this, sessionId, done](const ApiResult &result) {
        if (result.ok() && result.session) {
            recordSeen({*result.session}, result.msCv);
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
        recordSeen({session}, {});
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
    // Everything is printed by now; the history waits for another writer only within the command's
    // deadline.
    const auto left
        = m_command.timeout - std::chrono::milliseconds(m_commandTime.isValid() ? m_commandTime.elapsed() : 0);
    writeHistory(std::clamp(left, std::chrono::milliseconds(0), std::chrono::milliseconds(MaximumHistoryWait)));
    if (m_watch)
        m_watch->cancel();
    Q_EMIT finished(exitCode);
}

} // namespace arr::cli
