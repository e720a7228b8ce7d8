// Error-body decoding: any bytes give a (possibly empty) message, never a crash, never a runaway.
#include "core/JsonCodec.h"
#include "core/SafeText.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdlib>

namespace {

// decodeErrorBody() shows at most 300 characters of a message and 100 of a code, whatever the
// service sent. Each shown character is written as it is (one UTF-16 unit, two outside the BMP) or,
// when it could drive a terminal or reorder text, as an escape of at most six ("\x1B", "\u202E");
// a cut text ends in one more, the ellipsis.
constexpr qsizetype ShownMessageCharacters = 300;
constexpr qsizetype ShownCodeCharacters = 100;
constexpr qsizetype LongestShownCharacter = 6;

constexpr qsizetype longestText(qsizetype shownCharacters)
{
    return shownCharacters * LongestShownCharacter + 1;
}

// Whether the text still holds a character that safeText() escapes.
bool holdsUnsafeCharacter(const QString &text)
{
    for (const uint c : text.toUcs4()) {
        if (arr::isUnsafeCharacter(c))
            return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const arr::ServiceErrorBody decoded = arr::decodeErrorBody(body);
    if (decoded.message.size() > longestText(ShownMessageCharacters)
        || decoded.code.size() > longestText(ShownCodeCharacters))
        std::abort();
    // What is shown can neither drive a terminal nor disguise itself.
    if (holdsUnsafeCharacter(decoded.message) || holdsUnsafeCharacter(decoded.code))
        std::abort();
    return 0;
}
