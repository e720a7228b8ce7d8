#include "core/SafeText.h"

#include <QList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr {

bool isUnsafeCharacter(char32_t c)
{
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        return true;
    switch (c) {
    case 0x061c: // Arabic letter mark
    case 0x200e: // left-to-right mark
    case 0x200f: // right-to-left mark
    case 0x2028: // line separator
    case 0x2029: // paragraph separator
        return true;
    default:
        break;
    }
    // Embeddings and overrides (U+202A..U+202E), isolates (U+2066..U+2069).
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

namespace {

// Most text a server sends needs no change: short, no surrogates to check, nothing to escape.
bool passesUnchanged(QStringView text, qsizetype maximumLength)
{
    if (text.size() > maximumLength)
        return false;
    return std::none_of(
        text.begin(), text.end(), [](QChar c) { return c.isSurrogate() || isUnsafeCharacter(c.unicode()); });
}

// Rebuilds text that passesUnchanged() refused, character by character, to at most `maximumLength`
// characters and an ellipsis, counted on what comes out (an escape is four or six), so that text made
// safe once passes unchanged the next time (a session id read from a list, then from its properties).
QString escaped(QStringView text, qsizetype maximumLength)
{
    QString out;
    out.reserve(std::min(text.size(), maximumLength) + 1);
    // Whole characters, so that a cut never splits a surrogate pair; broken pairs become U+FFFD.
    // Only as much as can be shown is converted: a message of megabytes is cut, not copied whole.
    const QList<uint> characters = text.left(maximumLength * 2 + 1).toUcs4();
    qsizetype shown = 0;
    for (const uint c : characters) {
        QString piece;
        if (!isUnsafeCharacter(c))
            piece = QStringView(QChar::fromUcs4(c)).toString();
        else if (c <= 0xff)
            piece = u"\\x"_s + QString::number(uint(c), 16).toUpper().rightJustified(2, u'0');
        else
            piece = u"\\u"_s + QString::number(uint(c), 16).toUpper().rightJustified(4, u'0');
        // A character outside the BMP is one character in two UTF-16 units.
        const qsizetype width = isUnsafeCharacter(c) ? piece.size() : 1;
        if (shown + width > maximumLength) {
            out += u'\u2026';
            break;
        }
        shown += width;
        out += piece;
    }
    return out;
}

} // namespace

QString safeText(const QString &text, qsizetype maximumLength)
{
    // Shares the text rather than rebuilding it character by character: a list of 10,000 sessions
    // passes some 50,000 strings through here on every poll.
    return passesUnchanged(text, maximumLength) ? text : escaped(text, maximumLength);
}

QString safeText(QStringView text, qsizetype maximumLength)
{
    return passesUnchanged(text, maximumLength) ? text.toString() : escaped(text, maximumLength);
}

} // namespace arr
