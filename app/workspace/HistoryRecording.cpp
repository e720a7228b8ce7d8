#include "workspace/HistoryRecording.h"

#include "monitor/SessionMonitor.h"

#include <QCoreApplication>
#include <QHash>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace arr {

HistoryActor HistoryRecording::localActor(const QString &program)
{
    // USER on Unix, USERNAME on Windows; LOGNAME where a service manager sets only that.
    QString user;
    for (const char *variable : {"USER", "USERNAME", "LOGNAME"}) {
        user = qEnvironmentVariable(variable).trimmed();
        if (!user.isEmpty())
            break;
    }
    return {user, QSysInfo::machineHostName(), program, QStringLiteral(ARRSM_VERSION)};
}

QString HistoryRecording::identityOf(const QString &account) const
{
    return m_identityLookup ? m_identityLookup(account) : account;
}

std::optional<double> HistoryRecording::priceOf(const QString &account, const QString &size) const
{
    return m_priceLookup ? m_priceLookup(account, size) : std::nullopt;
}

HistoryObservation HistoryRecording::observation(
    const QString &account, const Session &session, const QDateTime &at, const QString &msCv) const
{
    return {account, session, at, msCv, priceOf(account, session.size), identityOf(account)};
}

std::optional<HistoryCommand> HistoryRecording::command(
    const CommandOutcome &outcome, const QDateTime &at, const QString &size) const
{
    if (outcome.sessionId.isEmpty() || outcome.kind == CommandOutcome::Kind::KeepAlive)
        return std::nullopt;
    HistoryCommand command;
    command.account = outcome.account;
    command.accountKey = identityOf(outcome.account);
    command.sessionId = outcome.sessionId;
    command.at = at;
    command.detail = outcome.automatic
        ? QCoreApplication::translate("arr::HistoryRecorder", "Automatic (keep-alive): %1").arg(outcome.description)
        : outcome.description;
    command.msCv = QString::fromLatin1(outcome.result.msCv);
    command.size = size;
    command.actor = m_actor;
    if (!outcome.succeeded) {
        command.kind = HistoryCommand::Kind::Failed;
        return command;
    }
    switch (outcome.kind) {
    case CommandOutcome::Kind::Create:
        command.kind = HistoryCommand::Kind::Created;
        break;
    case CommandOutcome::Kind::Extend:
        command.kind = HistoryCommand::Kind::Extended;
        if (outcome.requestedLease)
            command.leaseSeconds = outcome.requestedLease->totalSeconds();
        break;
    case CommandOutcome::Kind::Stop:
        command.kind = HistoryCommand::Kind::Stopped;
        break;
    case CommandOutcome::Kind::KeepAlive:
        return std::nullopt;
    }
    return command;
}

void HistoryRecording::identify(HistoryBatch &batch) const
{
    if (!m_identityLookup)
        return;
    // A batch is one account's poll, or one command: the lookup runs about once per batch.
    QString lastName;
    QString lastIdentity;
    const auto fill = [&](auto &record) {
        if (!record.accountKey.isEmpty())
            return;
        if (record.account != lastName || lastIdentity.isNull()) {
            lastName = record.account;
            lastIdentity = m_identityLookup(lastName);
        }
        record.accountKey = lastIdentity;
    };
    for (HistoryObservation &o : batch.observations)
        fill(o);
    for (HistoryCommand &c : batch.commands)
        fill(c);
    for (HistoryDisappearance &d : batch.disappearances)
        fill(d);
    for (HistoryAlert &a : batch.alerts)
        fill(a);
}

namespace {

// A notification that is an alert, and the kind the history keeps it as.
const QHash<SessionNotification::Kind, QString> &alertKinds()
{
    static const QHash<SessionNotification::Kind, QString> kinds{
        {SessionNotification::Kind::BudgetWarning, u"budget-warning"_s},
        {SessionNotification::Kind::BudgetReached, u"budget-reached"_s},
        {SessionNotification::Kind::LongRunning, u"long-running"_s},
        {SessionNotification::Kind::KeepAliveEnded, u"keep-alive-ended"_s},
        {SessionNotification::Kind::KeepAliveFailed, u"keep-alive-failed"_s},
    };
    return kinds;
}

} // namespace

std::optional<HistoryAlert> HistoryRecording::alert(const SessionNotification &notification, const QDateTime &at) const
{
    const QString kind = alertKinds().value(notification.kind);
    if (kind.isEmpty())
        return std::nullopt;
    // A budget is the account's, whichever session brought it there.
    const bool accountWide = notification.kind == SessionNotification::Kind::BudgetWarning
        || notification.kind == SessionNotification::Kind::BudgetReached;
    return HistoryAlert{notification.account, accountWide ? QString() : notification.sessionId, at, kind,
        notification.text, m_actor, identityOf(notification.account)};
}

std::optional<SessionNotification::Kind> HistoryRecording::notificationKindOf(const QString &alertKind)
{
    for (auto it = alertKinds().constBegin(); it != alertKinds().constEnd(); ++it) {
        if (it.value() == alertKind)
            return it.key();
    }
    return std::nullopt;
}

} // namespace arr
