// JWT expiry: any bytes are either a valid expiry or refused with a reason.
#include "core/Jwt.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray token(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto expiry = arr::jwtExpiry(token, &error);
    if (expiry ? !expiry->isValid() : error.isEmpty())
        std::abort();
    return 0;
}
