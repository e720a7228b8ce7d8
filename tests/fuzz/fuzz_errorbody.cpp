// Error-body decoding: any bytes give a (possibly empty) message, never a crash, never a runaway.
#include "core/JsonCodec.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const arr::ServiceErrorBody decoded = arr::decodeErrorBody(body);
    // A message for people is bounded, whatever the service sent.
    if (decoded.message.size() > qsizetype(size) + 1)
        std::abort();
    return 0;
}
