#include "PseudoTranslator.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// "&amp;", "&#160;": a character reference of rich text, not an accelerator.
bool isEntityAt(const QString &text, qsizetype ampersand)
{
    const qsizetype semicolon = text.indexOf(u';', ampersand);
    if (semicolon < ampersand + 2 || semicolon > ampersand + 8)
        return false;
    for (qsizetype i = ampersand + 1; i < semicolon; ++i) {
        if (!text.at(i).isLetterOrNumber() && text.at(i) != u'#')
            return false;
    }
    return true;
}

} // namespace

PseudoTranslator::PseudoTranslator(double growth, QObject *parent)
    : QTranslator(parent)
    , m_growth(growth)
{
}

QString PseudoTranslator::translate(
    const char *context, const char *sourceText, const char *disambiguation, int n) const
{
    Q_UNUSED(context);
    Q_UNUSED(disambiguation);
    Q_UNUSED(n);
    if (!sourceText || !*sourceText)
        return {};
    return lengthen(QString::fromUtf8(sourceText));
}

QString PseudoTranslator::lengthen(const QString &text) const
{
    // Umlauts: wider than most letters, as the German they stand in for has them.
    static const QString filler = u"äöüßÄÖÜ"_s;
    // The words carry the growth of the whole text (its spaces, digits and place holders do not grow).
    const auto letters = std::count_if(text.begin(), text.end(), [](QChar c) { return c.isLetter(); });
    const double wordGrowth = letters > 0 ? m_growth * double(text.size()) / double(letters) : 0.0;
    QString out;
    out.reserve(qsizetype(double(text.size()) * (1.0 + m_growth)) + 8);
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'<' || (c == u'&' && isEntityAt(text, i))) {
            // An HTML tag or entity: as it is.
            const qsizetype end = text.indexOf(c == u'<' ? u'>' : u';', i);
            out += text.mid(i, end - i + 1);
            i = end + 1;
            continue;
        }
        if (c == u'%') {
            // A place holder: %1, %L1, %n, %Ln.
            qsizetype end = i + 1;
            if (end < text.size() && text.at(end) == u'L')
                ++end;
            if (end < text.size() && text.at(end) == u'n')
                ++end;
            else
                while (end < text.size() && text.at(end).isDigit())
                    ++end;
            out += text.mid(i, end - i);
            i = end;
            continue;
        }
        if (!c.isLetter()) {
            out += c;
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && text.at(end).isLetter())
            ++end;
        const qsizetype length = end - i;
        out += text.mid(i, length);
        const auto extra = qsizetype(std::ceil(double(length) * wordGrowth));
        for (qsizetype k = 0; k < extra; ++k)
            out += filler.at((i + k) % filler.size());
        i = end;
    }
    return out;
}
