#pragma once

namespace arr {

// Gets the C library's heap ready for what the first window allocates, where that pays: Linux with
// glibc. Elsewhere, nothing.
//
// Every page of memory a program touches for the first time costs a page fault. In virtual machines
// that trap each fault to the hypervisor it is dear: here, 15 µs per page touched one by one against
// 1.7 µs per page populated in one madvise() call. Before its first paint the window touches about
// 250 new pages of heap. This grows the heap by 2 MiB at once, populates it in one call, and keeps
// glibc from handing it back until release(). Where faults are cheap, populating 2 MiB costs a
// fraction of a millisecond, and the pages the window leaves are used by the polls that follow.
//
// It also sets one heap (arena) for all threads: the font configuration read on a second thread at
// start-up (FontPreload) then lands in the populated heap too, and a program that runs for days
// keeps less memory aside in one heap than in one per thread, glibc's default.
//
// Create it first thing in main(), before any thread starts; call release() once the window is shown.
class StartupHeap
{
public:
    StartupHeap();
    StartupHeap(const StartupHeap &) = delete;
    StartupHeap &operator=(const StartupHeap &) = delete;

    // From now on glibc returns free memory at the top of the heap as it normally does.
    void release();
};

} // namespace arr
