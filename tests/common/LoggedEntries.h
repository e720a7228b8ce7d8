#pragma once

#include "service/RequestLog.h"

#include <QList>

// Every entry a request log keeps, oldest first, for a test to go through.
inline QList<arr::RequestLogEntry> loggedEntries(const arr::RequestLog &log)
{
    QList<arr::RequestLogEntry> entries;
    entries.reserve(log.size());
    for (qsizetype i = 0; i < log.size(); ++i)
        entries.append(log.at(i));
    return entries;
}
