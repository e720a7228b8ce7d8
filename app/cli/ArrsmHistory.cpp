#include "cli/CommandRunner.h"

#include "cli/Metrics.h"
#include "cli/Output.h"
#include "core/Clock.h"
#include "core/JsonCodec.h"
#include "core/RequestValidator.h"
#include "storage/AccountStore.h"
#include "storage/HistoryExport.h"
#include "storage/HistoryOutbox.h"
#include "storage/HistoryStore.h"
#include "storage/SecretStore.h"
#include "workspace/KeepAlivePolicy.h"
#include "workspace/KeyLookup.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

// arrsm and the session history: reading it (history), and recording what a command saw and did.
namespace arr::cli {

void CommandRunner::copyHistoryToTeam()
{
    const HistoryStore::CopyResult copied = m_context.workspace->copyHistoryToTeam();
    if (!copied.ok) {
        printErr(tr("arrsm: the history cannot be copied into the team database: %1").arg(copied.error));
        finish(ExitFailure);
        return;
    }
    const QString to = m_context.workspace->historyLocation().displayName();
    if (m_command.json) {
        printOut(QJsonDocument(
                     QJsonObject{{u"to"_s, to}, {u"sessions"_s, copied.sessions}, {u"eventsAdded"_s, copied.events}})
                     .toJson(QJsonDocument::Compact)
            + '\n');
    } else {
        printOut(tr("%n session(s) copied into %1", nullptr, copied.sessions).arg(to).toUtf8() + '\n'
            + tr("%n event(s) added (those already there are left as they are)", nullptr, copied.events).toUtf8()
            + '\n');
    }
    finish(ExitSuccess);
}

void CommandRunner::printHistory()
{
    if (m_command.copyToTeam) {
        copyHistoryToTeam();
        return;
    }
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
    if (!recordsHistory() || sessions.isEmpty())
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

HistoryStore *CommandRunner::reachHistory()
{
    HistoryStore *store = m_context.history;
    if (!store)
        return nullptr;
    if (!store->isOpen() && store->location().isTeam()
        && (!m_sinceHistoryReached.isValid() || m_sinceHistoryReached.hasExpired(60'000))) {
        m_sinceHistoryReached.start();
        store->open();
        // A database of a newer schema: read, never written.
        if (store->isOpen() && !store->problem().isEmpty())
            printErr(u"arrsm: warning: "_s + store->problem());
    }
    return store->isOpen() ? store : nullptr;
}

Creators CommandRunner::creatorsOf(const QList<Session> &sessions)
{
    Creators creators;
    const HistoryRecording &recording = m_context.workspace->historyRecording();
    if (HistoryStore *store = reachHistory()) {
        QStringList ids;
        for (const Session &session : sessions)
            ids << session.id;
        // A read that fails leaves the creators unknown: the output is the same without them.
        const QHash<QString, QList<HistoryEvent>> actions = store->actions(recording.identityOf(historyAccount()), ids);
        for (auto it = actions.constBegin(); it != actions.constEnd(); ++it) {
            if (const HistoryActor creator = creatorOf(it.value()); creator.isKnown())
                creators.insert(it.key(), creator);
        }
    }
    // Written to the history once the output is out.
    if (!m_createdId.isEmpty())
        creators.insert(m_createdId, recording.actor());
    return creators;
}

void CommandRunner::recordCommand(CommandOutcome::Kind kind, bool succeeded, const QString &sessionId,
    const QByteArray &msCv, const QString &detail, std::optional<TimeSpan> lease)
{
    if (!recordsHistory())
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

bool CommandRunner::recordsHistory() const
{
    return m_context.outbox || (m_context.history && m_context.history->isOpen());
}

void CommandRunner::writeHistory(std::chrono::milliseconds wait)
{
    HistoryStore *store = m_context.history;
    const HistoryBatch batch = std::exchange(m_historyQueue, {});
    if (!recordsHistory() || batch.isEmpty())
        return;
    if (HistoryOutbox *outbox = m_context.outbox) {
        if (!outbox->append(batch)) {
            printErr(tr("arrsm: warning: %1 What this command did is not in the team history.").arg(outbox->problem()));
            return;
        }
        // Delivered now when the database can be reached, else by the next program that reaches it.
        const bool reached = reachHistory() != nullptr;
        if (!reached || outbox->deliver(*store) == HistoryOutbox::Delivery::Failed)
            printErr(tr("arrsm: warning: %1 What this command did waits on this computer and goes to the team "
                        "history with the next program that reaches it.")
                         .arg(reached || !store ? outbox->problem() : store->problem()));
        return;
    }
    // History is never a reason for a command to fail or to run late: a write that cannot be made in
    // time only warns, in one line.
    store->setBusyWait(int(std::max<qint64>(wait.count(), 0)), 0);
    if (!store->record(batch))
        printErr(tr("arrsm: warning: %1 What this command did is not in it.").arg(store->problem()));
}

} // namespace arr::cli
