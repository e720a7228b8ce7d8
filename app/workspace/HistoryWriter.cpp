#include "workspace/HistoryWriter.h"

#include "storage/HistoryStore.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace arr {

HistoryWriter::HistoryWriter(QObject *parent)
    : QObject(parent)
{
}

HistoryWriter::~HistoryWriter() = default;

void HistoryWriter::open(const QString &filePath, int retentionDays)
{
    m_store = std::make_unique<HistoryStore>(filePath);
    const HistoryStore::OpenResult result = m_store->open();
    if (result == HistoryStore::OpenResult::Unavailable) {
        const QString problem = m_store->problem();
        m_store.reset();
        Q_EMIT opened(false, problem);
        return;
    }
    m_store->prune(QDateTime::currentDateTimeUtc().addDays(-qint64(retentionDays)));
    Q_EMIT opened(true, m_store->problem());
    reportEndedUsage();
}

void HistoryWriter::write(const HistoryBatch &batch)
{
    if (!m_store)
        return;
    QElapsedTimer timer;
    timer.start();
    if (!m_store->record(batch)) {
        const QString problem = m_store->problem();
        m_store.reset();
        Q_EMIT failed(problem);
        return;
    }
    Q_EMIT written(timer.nsecsElapsed() / 1000);
    reportEndedUsage();
}

void HistoryWriter::watchEndedSince(const QDateTime &since)
{
    m_usageSince = since;
    reportEndedUsage();
}

void HistoryWriter::reportEndedUsage()
{
    // Read here, in the writer's thread, so that the window's once-a-second "spent today" never
    // waits on the disk: it uses what was last reported.
    if (m_store && m_usageSince.isValid())
        Q_EMIT endedUsage(m_usageSince, m_store->billedEndedSince(m_usageSince));
}

void HistoryWriter::close()
{
    m_store.reset();
}

} // namespace arr
