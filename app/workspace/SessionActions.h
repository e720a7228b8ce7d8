#pragma once

#include "storage/HistoryRecords.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace arr {

// Who did what to the live sessions, by account name and session id: the commands our programs sent
// (created, extended, stopped) with who sent them. What the history holds is read in its writer's
// thread and handed over here (setRead()); this run's own commands are known at once (add()), before
// the history holds them. Lives in the GUI thread; nothing here waits on the disk.
class SessionActions : public QObject
{
    Q_OBJECT

public:
    using ById = QHash<QString, QList<HistoryEvent>>;

    explicit SessionActions(QObject *parent = nullptr);

    // Whether the history was read for the session, or this run sent a command to it: before that,
    // who created it is not known yet (rather than unknown).
    bool isKnown(const QString &account, const QString &sessionId) const;
    // Oldest first.
    QList<HistoryEvent> actionsOf(const QString &account, const QString &sessionId) const;
    // Unknown when none of our programs created it (or before isKnown()).
    HistoryActor creatorOf(const QString &account, const QString &sessionId) const;

    // What the history holds for the sessions `read` of `account` (those without any are not in
    // `actions`).
    void setRead(const QString &account, const ById &actions, const QStringList &read);
    // A command this run sent.
    void add(const QString &account, const HistoryEvent &action);

Q_SIGNALS:
    void changed(const QString &account, const QStringList &sessionIds);

private:
    // By account name, then session id.
    QHash<QString, ById> m_read;
    // This run's commands, kept until a read of the history holds them.
    QHash<QString, ById> m_own;
};

} // namespace arr
