#pragma once

#include "storage/HistoryRecords.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace arr {

class HistoryStore;

// Records on their way to a team's history database, kept in a small SQLite file on this computer
// until the database has them: each batch is put here first, so that a database that is away, a
// restart or a killed program loses nothing, and delivered oldest first. Every program on this
// computer that writes the same team history shares the file; one at a time delivers (a lock file
// beside it), the others only add, so no batch is delivered twice by two programs at once. A batch
// delivered by a program killed before it could remove it is delivered again by the next, and passed
// over by the database (HistoryBatch::deliveryKey). Synchronous: one object per thread.
class HistoryOutbox
{
public:
    explicit HistoryOutbox(const QString &filePath);
    ~HistoryOutbox();
    HistoryOutbox(const HistoryOutbox &) = delete;
    HistoryOutbox &operator=(const HistoryOutbox &) = delete;

    // The outbox of the team database named `teamDatabase` (HistoryLocation::displayName()), beside this
    // computer's history file: one per database, so that records never reach another team's.
    static QString filePathFor(const QString &historyFile, const QString &teamDatabase);

    // Creates the file when needed. False with problem() set when it cannot be used.
    bool open();
    QString problem() const { return m_problem; }
    QString filePath() const { return m_filePath; }

    // Keeps the batch on disk. False (problem() says why) when the disk refused it.
    bool append(const HistoryBatch &batch);

    enum class Delivery {
        // Nothing waits any more.
        Delivered,
        // Another program on this computer is delivering: it takes these too.
        OtherDelivers,
        // The database refused a batch or could not be reached: it waits (problem() says why).
        Failed,
    };
    // Writes what waits into `store`, oldest first, each batch removed once the database has it;
    // `delivered` (when given) counts the batches written.
    Delivery deliver(HistoryStore &store, int *delivered = nullptr);

    // Records (observations, commands, disappearances) waiting; -1 when the file cannot be read.
    qint64 waitingRecords() const;

    // The batch encoding kept in the file (versioned; std::nullopt for bytes that are not one).
    static QByteArray encode(const HistoryBatch &batch);
    static std::optional<HistoryBatch> decode(const QByteArray &bytes);

private:
    bool deliverOne(HistoryStore &store, bool *empty);
    void close();

    QString m_filePath;
    QString m_connectionName;
    QString m_problem;
    bool m_open = false;
};

} // namespace arr
