#include "ui/StartupHeap.h"

// Also what defines __GLIBC__ below.
#include <cstdlib>

#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <cstdint>
#endif

namespace arr {

#if defined(__GLIBC__) && defined(__linux__) && defined(MADV_POPULATE_WRITE)

namespace {

// Twice what the window touches before its first paint, measured with page-fault samples.
constexpr int StartupHeapBytes = 2 * 1024 * 1024;
// glibc's own defaults for both, restored by release().
constexpr int DefaultTopPad = 128 * 1024;
constexpr int DefaultTrimThreshold = 128 * 1024;
// Below the size from which glibc maps blocks of their own (128 KiB), so these come from the heap.
constexpr std::size_t ProbeBytes = 64 * 1024;

} // namespace

StartupHeap::StartupHeap()
{
    mallopt(M_ARENA_MAX, 1);
    // Until release(), free memory at the top of the heap stays: otherwise the first free() after
    // the populating would hand most of it back.
    mallopt(M_TRIM_THRESHOLD, 2 * StartupHeapBytes);
    // The heap grows by what is asked for plus this padding; the first block that no longer fits in
    // what is left grows it by the whole padding.
    mallopt(M_TOP_PAD, StartupHeapBytes);
    char *const before = static_cast<char *>(sbrk(0));
    std::array<void *, 8> probes{};
    for (void *&probe : probes) {
        if (sbrk(0) != before)
            break;
        probe = std::malloc(ProbeBytes);
    }
    for (void *probe : probes)
        std::free(probe);
    char *const end = static_cast<char *>(sbrk(0));
    mallopt(M_TOP_PAD, DefaultTopPad);

    const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    char *const from = reinterpret_cast<char *>((reinterpret_cast<std::uintptr_t>(before) + page - 1) & ~(page - 1));
    // Kernels before 5.14 refuse the advice: the pages are then faulted in one by one, as without it.
    if (end > from)
        madvise(from, static_cast<std::size_t>(end - from), MADV_POPULATE_WRITE);
}

void StartupHeap::release()
{
    mallopt(M_TRIM_THRESHOLD, DefaultTrimThreshold);
}

#else

StartupHeap::StartupHeap() = default;

void StartupHeap::release() { }

#endif

} // namespace arr
