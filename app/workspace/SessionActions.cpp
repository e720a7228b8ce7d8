#include "workspace/SessionActions.h"

#include <algorithm>

namespace arr {

namespace {

bool sameAction(const HistoryEvent &a, const HistoryEvent &b)
{
    return a.kind == b.kind && a.at == b.at && a.actor == b.actor;
}

} // namespace

SessionActions::SessionActions(QObject *parent)
    : QObject(parent)
{
}

bool SessionActions::isKnown(const QString &account, const QString &sessionId) const
{
    return m_read.value(account).contains(sessionId) || m_own.value(account).contains(sessionId);
}

QList<HistoryEvent> SessionActions::actionsOf(const QString &account, const QString &sessionId) const
{
    QList<HistoryEvent> actions = m_read.value(account).value(sessionId);
    const QList<HistoryEvent> own = m_own.value(account).value(sessionId);
    if (own.isEmpty())
        return actions;
    for (const HistoryEvent &action : own) {
        const bool held = std::any_of(
            actions.cbegin(), actions.cend(), [&action](const HistoryEvent &e) { return sameAction(e, action); });
        if (!held)
            actions.append(action);
    }
    std::stable_sort(
        actions.begin(), actions.end(), [](const HistoryEvent &a, const HistoryEvent &b) { return a.at < b.at; });
    return actions;
}

HistoryActor SessionActions::creatorOf(const QString &account, const QString &sessionId) const
{
    return arr::creatorOf(actionsOf(account, sessionId));
}

void SessionActions::setRead(const QString &account, const ById &actions, const QStringList &read)
{
    ById &known = m_read[account];
    ById &own = m_own[account];
    QStringList differ;
    for (const QString &id : read) {
        const QList<HistoryEvent> now = actions.value(id);
        const auto before = known.constFind(id);
        const bool same = before != known.constEnd() && before->size() == now.size()
            && std::equal(now.cbegin(), now.cend(), before->cbegin(), sameAction);
        known.insert(id, now);
        // This run's commands the history now holds are its own from here on.
        if (const auto mine = own.find(id); mine != own.end()) {
            mine->removeIf([&now](const HistoryEvent &action) {
                return std::any_of(
                    now.cbegin(), now.cend(), [&action](const HistoryEvent &e) { return sameAction(e, action); });
            });
            if (mine->isEmpty())
                own.erase(mine);
        }
        if (!same)
            differ.append(id);
    }
    if (!differ.isEmpty())
        Q_EMIT changed(account, differ);
}

void SessionActions::add(const QString &account, const HistoryEvent &action)
{
    m_own[account][action.sessionId].append(action);
    // Said once the command's outcome has reached everyone: not from inside its signal, where a view
    // refreshing what it shows could pull the ground from under the command's other receivers.
    QMetaObject::invokeMethod(
        this, [this, account, id = action.sessionId] { Q_EMIT changed(account, {id}); }, Qt::QueuedConnection);
}

} // namespace arr
