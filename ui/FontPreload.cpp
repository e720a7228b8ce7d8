#include "ui/FontPreload.h"

#ifdef ARRSM_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>
#endif

namespace arr {

FontPreload::FontPreload()
{
#ifdef ARRSM_HAVE_FONTCONFIG
    // FcInit() loads the default configuration once per process and is safe to call from any
    // thread; Qt's own call later returns at once.
    m_thread = std::thread([] { FcInit(); });
#endif
}

FontPreload::~FontPreload()
{
    wait();
}

void FontPreload::wait()
{
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace arr
