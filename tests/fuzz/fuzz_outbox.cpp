// The outbox's batch encoding, read back from a file that may be damaged: never crashes, and what it
// accepts is written again to bytes that read back to the same batch.
#include "storage/HistoryOutbox.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<arr::HistoryBatch> batch = arr::HistoryOutbox::decode(bytes);
    if (!batch)
        return 0;
    const QByteArray again = arr::HistoryOutbox::encode(*batch);
    const std::optional<arr::HistoryBatch> reread = arr::HistoryOutbox::decode(again);
    if (!reread || arr::HistoryOutbox::encode(*reread) != again)
        std::abort();
    return 0;
}
