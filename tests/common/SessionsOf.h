#pragma once

#include "monitor/LiveSessions.h"

#include <QList>

// The sessions LiveSessions holds for one account, in its order, for a test to count or compare.
inline QList<arr::Session> sessionsOf(const arr::LiveSessions &live, const QString &account)
{
    QList<arr::Session> sessions;
    for (int i = 0; i < live.count(); ++i) {
        if (live.at(i).account == account)
            sessions.append(live.at(i).session);
    }
    return sessions;
}
