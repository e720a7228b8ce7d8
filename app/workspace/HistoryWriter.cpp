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
}

void HistoryWriter::close()
{
    m_store.reset();
}

} // namespace arr
