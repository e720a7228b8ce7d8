// v1 properties and list decoding: never crashes, every failure has a reason, and whatever decodes
// encodes and decodes back to the same sessions.
#include "core/JsonCodec.h"

#include <QByteArray>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto list = arr::v1::decodeSessionList(body);
    if (!list.ok() && list.error.isEmpty())
        std::abort();
    if (list.ok()) {
        for (const arr::Session &session : *list.value) {
            const auto back = arr::v1::decodeProperties(arr::v1::encodeProperties(session));
            if (!back.ok() || back.value->id != session.id || back.value->maxLease != session.maxLease
                || back.value->elapsed != session.elapsed || back.value->status != session.status)
                std::abort();
            (void)session.remaining();
        }
    }
    const auto one = arr::v1::decodeProperties(body);
    if (!one.ok() && one.error.isEmpty())
        std::abort();
    (void)arr::v1::decodeCreateResponse(body);
    (void)arr::decodeTokenResponse(body);
    return 0;
}
