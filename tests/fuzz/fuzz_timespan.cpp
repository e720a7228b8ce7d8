// TimeSpan parsing: never crashes, and whatever it accepts formats back to the same value.
#include "core/TimeSpan.h"

#include <QString>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    for (const auto &parsed : {arr::TimeSpan::parse(text, &error), arr::TimeSpan::parseDuration(text, &error)}) {
        if (!parsed) {
            if (error.isEmpty())
                std::abort();
            continue;
        }
        const auto again = arr::TimeSpan::parse(parsed->toString());
        if (!again || *again != *parsed)
            std::abort();
        (void)parsed->toDisplayString();
    }
    return 0;
}
