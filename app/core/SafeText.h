#pragma once

#include <QString>
#include <QStringView>

namespace arr {

// The longest text from a server that is kept whole: an error message, a session field. Longer texts
// are cut and end in an ellipsis, so a hostile answer cannot flood a terminal, a dialog or a log.
inline constexpr qsizetype MaximumServerTextLength = 1000;

// Text that came from outside (a server's answer, a saved file) made safe to show in a terminal, a
// window or a log: control characters (C0, DEL, C1), line and paragraph separators and the marks that
// reorder text (bidi embeddings, overrides, isolates) are written as visible escapes ("\x1B",
// "\u202E"), so they can neither drive a terminal nor disguise what is shown; text longer than
// `maximumLength` is cut and ends in "…". Ordinary text, including any script, passes unchanged.
QString safeText(QStringView text, qsizetype maximumLength = MaximumServerTextLength);
QString safeText(const QString &text, qsizetype maximumLength = MaximumServerTextLength);

// Whether `c` is one of the characters safeText() escapes.
bool isUnsafeCharacter(char32_t c);

} // namespace arr
