#include "cli/Watcher.h"

#include "cli/Metrics.h"
#include "core/SafeText.h"
#include "monitor/SessionMonitor.h"
#include "service/RequestLog.h"
#include "storage/AccountStore.h"
#include "watch/MetricsEndpoint.h"
#include "workspace/BudgetWatch.h"
#include "workspace/HistoryRecorder.h"
#include "workspace/KeepAliveManager.h"
#include "workspace/Workspace.h"

#include <QIODevice>
#include <QMap>

using namespace Qt::StringLiterals;

namespace arr::cli {

namespace {

QString alertName(SessionNotification::Kind kind)
{
    switch (kind) {
    case SessionNotification::Kind::BudgetWarning:
    case SessionNotification::Kind::BudgetReached:
        return u"budget"_s;
    case SessionNotification::Kind::LongRunning:
        return u"long-running"_s;
    case SessionNotification::Kind::LeaseEndingSoon:
        return u"lease"_s;
    case SessionNotification::Kind::KeptAlive:
    case SessionNotification::Kind::KeepAliveEnded:
    case SessionNotification::Kind::KeepAliveFailed:
        return u"keep-alive"_s;
    case SessionNotification::Kind::EndedInError:
    case SessionNotification::Kind::Expired:
        return u"ended"_s;
    case SessionNotification::Kind::BecameReady:
        break;
    }
    return {};
}

} // namespace

Watcher::Watcher(Command command, QIODevice *err, QObject *parent)
    : QObject(parent)
    , m_command(std::move(command))
    , m_err(err)
{
}

Watcher::~Watcher()
{
    // Stops serving first; the workspace writes what it was handed to the history as it goes.
    m_endpoint.reset();
    m_workspace.reset();
}

bool Watcher::start()
{
    Workspace::Options options;
    options.localEmulator = false;
    options.program = u"arrsm watch"_s;
    // As every arrsm command: a team's history database instead of this computer's file.
    options.historyUrl = qEnvironmentVariable("ARRSM_HISTORY_URL");
    m_workspace = std::make_unique<Workspace>(options);
    m_endpoint = std::make_unique<MetricsEndpoint>([this] { return metricsText(); });
    if (!m_endpoint->listen(m_command.metricsListen)) {
        printErr(tr("arrsm: the metrics cannot be served at %1: %2")
                     .arg(m_command.metricsListen, m_endpoint->errorString()));
        return false;
    }
    // The history's troubles as they begin and end (a team database away, then back), one line each;
    // not every change of the count of records waiting.
    connect(m_workspace->history(), &HistoryRecorder::problemChanged, this, [this](const QString &problem) {
        if (problem.isEmpty() == m_historyTroubleShown)
            printErr(problem.isEmpty() ? tr("arrsm: history: every waiting record is written")
                                       : u"arrsm: history: "_s + problem);
        m_historyTroubleShown = !problem.isEmpty();
    });
    if (const QString problem = m_workspace->historyProblem(); !problem.isEmpty()) {
        printErr(u"arrsm: history: "_s + problem);
        m_historyTroubleShown = true;
    }
    if (m_command.verbose) {
        connect(&m_workspace->log(), &RequestLog::entryAdded, this,
            [this](const RequestLogEntry &entry) { printErr(entry.toLine()); });
    }
    SessionMonitor &monitor = m_workspace->monitor();
    connect(&monitor, &SessionMonitor::notify, this, &Watcher::onNotification);
    connect(&m_workspace->budgets(), &BudgetWatch::notify, this, &Watcher::onNotification);
    KeepAliveManager &keepAlive = m_workspace->keepAlive();
    connect(&keepAlive, &KeepAliveManager::notify, this, &Watcher::onNotification);
    connect(&keepAlive, &KeepAliveManager::policyEnded, this,
        [this](const QString &account, const QString &sessionId, const QString &sentence) {
            onNotification({SessionNotification::Kind::KeepAliveEnded, account, sessionId, sentence});
        });
    connect(&keepAlive, &KeepAliveManager::policyFailed, this,
        [this](const QString &account, const QString &sessionId, const QString &sentence) {
            onNotification({SessionNotification::Kind::KeepAliveFailed, account, sessionId, sentence});
        });
    connect(&monitor, &SessionMonitor::accountHealthChanged, this,
        [this](const QString &account, const AccountHealth &health) {
            if (health.state == AccountHealth::State::AuthenticationFailing
                || health.state == AccountHealth::State::Misconfigured)
                printErr(
                    tr("arrsm: %1: %2").arg(safeText(account, MaximumAccountNameLength), health.lastError.summary()));
        });
    if (m_command.watchRunAccount) {
        const Connection &c = m_command.connection;
        Account account;
        account.endpoint = c.endpoint;
        account.tokenEndpoint = c.tokenEndpoint;
        account.accountId = c.accountId;
        account.apiVersion = c.apiVersion;
        m_workspace->startWith(m_workspace->useAccountForRun(account), c.accountKey);
    } else {
        m_workspace->start();
    }
    printErr(tr("arrsm: watching; metrics at %1").arg(m_endpoint->url()));
    return true;
}

void Watcher::onNotification(const SessionNotification &notification)
{
    const QString kind = alertName(notification.kind);
    if (!kind.isEmpty())
        printErr(u"arrsm: "_s + kind + u": "_s + notification.text);
}

QByteArray Watcher::metricsText() const
{
    const LiveSessions &live = m_workspace->monitor().sessions();
    QMap<QString, AccountSessions> byAccount;
    // Accounts without sessions are reported too.
    for (const QString &name : m_workspace->monitor().accountNames())
        byAccount[name];
    for (int i = 0; i < live.count(); ++i)
        byAccount[live.at(i).account].sessions.append(live.at(i).session);
    const QHash<QString, BudgetWatch::Spend> spent = m_workspace->budgets().spentToday(byAccount.keys());
    const KeepAliveManager &keepAlive = m_workspace->keepAlive();
    QList<AccountSessions> accounts;
    for (auto it = byAccount.begin(); it != byAccount.end(); ++it) {
        AccountSessions &account = *it;
        account.account = it.key();
        account.pricingAccount = it.key();
        account.watched = true;
        for (const Session &session : std::as_const(account.sessions)) {
            if (keepAlive.policy(it.key(), session.id))
                account.keptAlive.append(session.id);
        }
        if (const std::optional<Account> saved = m_workspace->accountStore().find(it.key()))
            account.dailyBudget = saved->dailyBudget;
        const BudgetWatch::Spend spend = spent.value(it.key());
        account.spentToday = spend.amount;
        account.spendUnit = spend.money ? spend.currency : u"hours"_s;
        accounts.append(account);
    }
    return openMetricsText(accounts, m_workspace->pricing());
}

void Watcher::printErr(const QString &line)
{
    if (!m_err)
        return;
    QString text = line;
    const QString &key = m_command.connection.accountKey;
    if (!key.isEmpty())
        text.replace(key, u"[redacted]"_s);
    m_err->write(text.toUtf8() + '\n');
}

} // namespace arr::cli
