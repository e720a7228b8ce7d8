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

// Following a session after a command: reading it back, waiting for a status, the deadline.
namespace arr::cli {

namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', ms % 1000 == 0 ? 0 : 1);
}

} // namespace

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

} // namespace arr::cli
