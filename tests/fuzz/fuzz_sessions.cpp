// v1 properties and list decoding: never crashes, every failure has a reason, and whatever decodes
// encodes and decodes back to the same sessions.
#include "core/JsonCodec.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto list = arr::v1::decodeSessionList(body);
    if (!list.ok() && list.error.isEmpty())
        std::abort();
    if (list.ok()) {
        // Whatever the streaming reader accepts is JSON to Qt's reader too (text in ASCII, where the
        // two agree on what valid text is).
        const bool ascii = std::all_of(body.begin(), body.end(), [](char c) { return uchar(c) < 0x80; });
        QJsonParseError error;
        QJsonDocument::fromJson(body, &error);
        if (ascii && !body.trimmed().isEmpty() && error.error != QJsonParseError::NoError)
            std::abort();
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
