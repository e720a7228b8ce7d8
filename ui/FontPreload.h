#pragma once

#include <thread>

namespace arr {

// Reads the system's font configuration on a second thread while the application starts. Where Qt
// finds fonts through fontconfig (Linux and the other Unix desktops), the first text the window lays
// out would otherwise wait for fontconfig to parse its XML configuration and font caches: the single
// largest step before the first paint. Elsewhere, and where fontconfig is not available, nothing.
//
// Create it first thing in main(), before the QApplication; call wait() before the first widget
// that shows text is created. Qt then finds the configuration loaded and reuses it.
class FontPreload
{
public:
    FontPreload();
    ~FontPreload();
    FontPreload(const FontPreload &) = delete;
    FontPreload &operator=(const FontPreload &) = delete;

    void wait();

private:
    std::thread m_thread;
};

} // namespace arr
