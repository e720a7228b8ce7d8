// The emulator's tolerant request-body reader: any bytes are an object or refused with a reason.
#include "emulator/RequestBody.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto object = arr::emulator::parseRequestObject(body, &error);
    if (!object && error.isEmpty())
        std::abort();
    return 0;
}
