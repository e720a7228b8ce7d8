// The emulator's request-head reader: any bytes are a complete head, a request for more bytes
// (never beyond the head limit), or a refusal with a status and a reason.
#include "emulator/HttpRequest.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using arr::emulator::RequestHead;
    const QByteArray buffer(reinterpret_cast<const char *>(data), qsizetype(size));
    const RequestHead head = arr::emulator::parseRequestHead(buffer);
    switch (head.outcome) {
    case RequestHead::Outcome::Incomplete:
        if (buffer.size() > arr::emulator::MaximumRequestHead)
            std::abort();
        break;
    case RequestHead::Outcome::Complete: {
        if (head.length <= 0 || head.length > buffer.size() || head.length > arr::emulator::MaximumRequestHead
            || head.request.method.isEmpty() || head.request.contentLength < 0)
            std::abort();
        // The head alone reads the same: nothing after it was looked at.
        const RequestHead again = arr::emulator::parseRequestHead(buffer.left(head.length));
        if (again.outcome != RequestHead::Outcome::Complete || again.length != head.length)
            std::abort();
        break;
    }
    case RequestHead::Outcome::Refused:
        if (head.message.isEmpty()
            || (head.status != 400 && head.status != 431 && head.status != 501 && head.status != 505))
            std::abort();
        break;
    }
    return 0;
}
