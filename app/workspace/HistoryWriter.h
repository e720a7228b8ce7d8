#pragma once

#include "storage/HistoryRecords.h"

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

Q_SIGNALS:
    // Empty `problem` when the history opened cleanly.
    void opened(bool enabled, const QString &problem);
    void written(qint64 microseconds);
    // History turned off: the disk refused a write.
    void failed(const QString &problem);

private:
    std::unique_ptr<HistoryStore> m_store;
};

} // namespace arr
