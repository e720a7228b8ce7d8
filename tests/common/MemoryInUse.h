#pragma once

// What a memory bound in a test counts: the memory this program holds, not what a sanitizer adds.
//
// In the normal build that is the resident set (VmRSS). Under AddressSanitizer (scripts/test
// --sanitize) the resident set also holds the sanitizer's shadow memory and its quarantine of freed
// blocks, which grow by tens of MiB in a loop that allocates and frees; there the bound counts the
// bytes the program has allocated and not yet freed, as the sanitizer's allocator keeps them.

#include <QFile>
#include <QList>
#include <QtGlobal>

#include <cstddef>

#if defined(__SANITIZE_ADDRESS__)
#define ARRSM_TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARRSM_TEST_UNDER_ASAN 1
#endif
#endif

#ifdef ARRSM_TEST_UNDER_ASAN
// From the sanitizer runtime (sanitizer/allocator_interface.h, which GCC does not install).
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#endif

// Whether this build runs under AddressSanitizer, whose own memory a resident set would count.
constexpr bool underAddressSanitizer()
{
#ifdef ARRSM_TEST_UNDER_ASAN
    return true;
#else
    return false;
#endif
}

// What memoryInUseKiB() measures, for a test's log line.
inline const char *memoryInUseMeasure()
{
    return underAddressSanitizer() ? "allocated (AddressSanitizer build)" : "resident";
}

// The memory this process holds, in KiB (see above); 0 where it cannot be read.
inline qint64 memoryInUseKiB()
{
#ifdef ARRSM_TEST_UNDER_ASAN
    return qint64(__sanitizer_get_current_allocated_bytes() / 1024);
#else
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return 0;
#endif
}
