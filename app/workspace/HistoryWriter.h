#pragma once

#include "core/BilledTimeSource.h"
#include "storage/HistoryRecords.h"

#include <QDateTime>

#include <QObject>

#include <memory>

namespace arr {

class HistoryStore;

// The history's disk side, in a thread of its own with its own connection: opens (migrates,
// prunes) the file and writes batches, so that the GUI thread never waits on the disk.
class HistoryWriter : public QObject
{
    Q_OBJECT

public:
    explicit HistoryWriter(QObject *parent = nullptr);
    ~HistoryWriter() override;

    // Each runs in the writer's thread when invoked through a queued call.
    void open(const QString &filePath, int retentionDays);
    void write(const arr::HistoryBatch &batch);
    void close();
    // From now on, after opening and after every write: the sessions that ended since `since`, with
    // their billed time after it (endedUsage()).
    void watchEndedSince(const QDateTime &since);

Q_SIGNALS:
    // Empty `problem` when the history opened cleanly.
    void opened(bool enabled, const QString &problem);
    void written(qint64 microseconds);
    // History turned off: the disk refused a write.
    void failed(const QString &problem);
    void endedUsage(const QDateTime &since, const QList<arr::BilledUsage> &usage);

private:
    void reportEndedUsage();

    std::unique_ptr<HistoryStore> m_store;
    QDateTime m_usageSince;
};

} // namespace arr
