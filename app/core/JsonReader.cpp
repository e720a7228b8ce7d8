#include "core/JsonReader.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

JsonReader::JsonReader(QByteArrayView bytes)
    : m_bytes(bytes)
{
    // A byte order mark is tolerated, as QJsonDocument does.
    if (m_bytes.startsWith("\xEF\xBB\xBF"))
        m_pos = 3;
}

bool JsonReader::fail(const QString &why)
{
    if (m_error.isEmpty())
        m_error = why;
    return false;
}

// `what` is marked with QT_TRANSLATE_NOOP where it is written, so that lupdate collects it.
bool JsonReader::syntax(const char *what)
{
    return fail(QCoreApplication::translate("arr::JsonReader", "The answer is not valid JSON (%1 at byte %2).")
                    .arg(QCoreApplication::translate("arr::JsonReader", what))
                    .arg(m_pos));
}

void JsonReader::skipWhitespace()
{
    while (m_pos < m_bytes.size()) {
        const char c = m_bytes[m_pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return;
        ++m_pos;
    }
}

bool JsonReader::atEnd()
{
    skipWhitespace();
    return m_pos >= m_bytes.size();
}

JsonReader::Token JsonReader::peek()
{
    skipWhitespace();
    if (failed() || m_pos >= m_bytes.size())
        return Token::Invalid;
    switch (m_bytes[m_pos]) {
    case '{':
        return Token::Object;
    case '[':
        return Token::Array;
    case '"':
        return Token::String;
    case 't':
        return Token::True;
    case 'f':
        return Token::False;
    case 'n':
        return Token::Null;
    default:
        return m_bytes[m_pos] == '-' || isDigit(m_bytes[m_pos]) ? Token::Number : Token::Invalid;
    }
}

bool JsonReader::enter()
{
    if (++m_depth > MaximumDepth)
        return syntax(QT_TRANSLATE_NOOP("arr::JsonReader", "nested too deeply"));
    ++m_pos;
    m_first = true;
    return true;
}

bool JsonReader::beginObject()
{
    if (peek() != Token::Object)
        return syntax(QT_TRANSLATE_NOOP("arr::JsonReader", "an object was expected"));
    return enter();
}

bool JsonReader::beginArray()
{
    if (peek() != Token::Array)
        return syntax(QT_TRANSLATE_NOOP("arr::JsonReader", "an array was expected"));
    return enter();
}

bool JsonReader::nextItem(char close, const char *commaExpected)
{
    if (failed())
        return false;
    skipWhitespace();
    if (m_pos < m_bytes.size() && m_bytes[m_pos] == close) {
        ++m_pos;
        --m_depth;
        m_first = false;
        return false;
    }
    if (!m_first) {
        if (m_pos >= m_bytes.size() || m_bytes[m_pos] != ',')
            return syntax(commaExpected);
        ++m_pos;
    }
    m_first = false;
    return true;
}

bool JsonReader::nextMember(QByteArrayView *rawKey, bool *keyEscaped)
{
    if (!nextItem('}', QT_TRANSLATE_NOOP("arr::JsonReader", "a comma or '}' was expected")))
        return false;
    if (peek() != Token::String)
        return syntax(QT_TRANSLATE_NOOP("arr::JsonReader", "a member name was expected"));
    if (!readStringRaw(rawKey, keyEscaped))
        return false;
    skipWhitespace();
    if (m_pos >= m_bytes.size() || m_bytes[m_pos] != ':')
        return syntax(QT_TRANSLATE_NOOP("arr::JsonReader", "a colon was expected"));
    ++m_pos;
    return true;
}

bool JsonReader::nextElement()
{
    return nextItem(']', QT_TRANSLATE_NOOP("arr::JsonReader", "a comma or ']' was expected"));
}

bool JsonReader::readStringRaw(QByteArrayView *raw, bool *escaped)
{
    skipWhitespace();
    if (m_pos >= m_bytes.size() || m_bytes[m_pos] != '"')
        return syntax(QT_TRANSLATE_NOOP("arr::JsonReader", "a string was expected"));
    const qsizetype start = ++m_pos;
    *escaped = false;
    while (m_pos < m_bytes.size()) {
        const auto c = static_cast<unsigned char>(m_bytes[m_pos]);
        if (c == '"') {
            *raw = m_bytes.sliced(start, m_pos - start);
            ++m_pos;
            return true;
        }
        if (c < 0x20)
            return syntax(QT_TRANSLATE_NOOP("arr::JsonReader", "a control character inside a string"));
        if (c == '\\') {
            *escaped = true;
            if (m_pos + 1 >= m_bytes.size())
                break;
            const char next = m_bytes[m_pos + 1];
            if (next == 'u') {
                if (m_pos + 5 >= m_bytes.size())
                    break;
                for (int i = 2; i < 6; ++i) {
                    if (hexValue(m_bytes[m_pos + i]) < 0)
                        return syntax(QT_TRANSLATE_NOOP("arr::JsonReader", "an invalid \\u escape"));
                }
                m_pos += 6;
                continue;
            }
            if (next != '"' && next != '\\' && next != '/' && next != 'b' && next != 'f' && next != 'n' && next != 'r'
                && next != 't')
                return syntax(QT_TRANSLATE_NOOP("arr::JsonReader", "an invalid escape"));
            m_pos += 2;
            continue;
        }
        ++m_pos;
    }
    return syntax(QT_TRANSLATE_NOOP("arr::JsonReader", "an unterminated string"));
}

QString JsonReader::decodeString(QByteArrayView raw, bool escaped, bool *ok)
{
    *ok = true;
    if (!escaped)
        return QString::fromUtf8(raw);
    QString out;
    out.reserve(raw.size());
    qsizetype i = 0;
    while (i < raw.size()) {
        qsizetype plain = i;
        while (plain < raw.size() && raw[plain] != '\\')
            ++plain;
        out += QString::fromUtf8(raw.sliced(i, plain - i));
        i = plain;
        if (i >= raw.size())
            break;
        const char kind = raw[i + 1];
        i += 2;
        switch (kind) {
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'n':
            out += u'\n';
            break;
        case 'r':
            out += u'\r';
            break;
        case 't':
            out += u'\t';
            break;
        case 'u': {
            char16_t unit = 0;
            for (int k = 0; k < 4; ++k)
                unit = char16_t(unit * 16 + hexValue(raw[i + k]));
            i += 4;
            out += QChar(unit);
            break;
        }
        default:
            out += QChar::fromLatin1(kind);
            break;
        }
    }
    // Unpaired surrogates are invalid text.
    for (qsizetype k = 0; k < out.size(); ++k) {
        const QChar c = out.at(k);
        if (c.isHighSurrogate() && k + 1 < out.size() && out.at(k + 1).isLowSurrogate()) {
            ++k;
            continue;
        }
        if (c.isSurrogate()) {
            *ok = false;
            return {};
        }
    }
    return out;
}

bool JsonReader::readString(QString *out)
{
    QByteArrayView raw;
    bool escaped = false;
    if (!readStringRaw(&raw, &escaped))
        return false;
    bool ok = false;
    *out = decodeString(raw, escaped, &ok);
    return ok || syntax(QT_TRANSLATE_NOOP("arr::JsonReader", "an unpaired surrogate in a string"));
}

bool JsonReader::readNumber(double *out)
{
    skipWhitespace();
    const qsizetype start = m_pos;
    const auto at = [this](qsizetype i) { return i < m_bytes.size() ? m_bytes[i] : '\0'; };
    if (at(m_pos) == '-')
        ++m_pos;
    if (at(m_pos) == '0') {
        ++m_pos;
    } else if (isDigit(at(m_pos))) {
        while (isDigit(at(m_pos)))
            ++m_pos;
    } else {
        return syntax(QT_TRANSLATE_NOOP("arr::JsonReader", "a number was expected"));
    }
    if (at(m_pos) == '.') {
        ++m_pos;
        if (!isDigit(at(m_pos)))
            return syntax(QT_TRANSLATE_NOOP("arr::JsonReader", "digits were expected after the decimal point"));
        while (isDigit(at(m_pos)))
            ++m_pos;
    }
    if (at(m_pos) == 'e' || at(m_pos) == 'E') {
        ++m_pos;
        if (at(m_pos) == '+' || at(m_pos) == '-')
            ++m_pos;
        if (!isDigit(at(m_pos)))
            return syntax(QT_TRANSLATE_NOOP("arr::JsonReader", "digits were expected in the exponent"));
        while (isDigit(at(m_pos)))
            ++m_pos;
    }
    bool ok = false;
    const double value = m_bytes.sliced(start, m_pos - start).toDouble(&ok);
    if (!ok)
        return syntax(QT_TRANSLATE_NOOP("arr::JsonReader", "a number out of range"));
    if (out)
        *out = value;
    return true;
}

bool JsonReader::readNull()
{
    skipWhitespace();
    if (!m_bytes.sliced(m_pos).startsWith("null"))
        return syntax(QT_TRANSLATE_NOOP("arr::JsonReader", "null was expected"));
    m_pos += 4;
    return true;
}

bool JsonReader::skipValue()
{
    switch (peek()) {
    case Token::Object: {
        if (!beginObject())
            return false;
        QByteArrayView key;
        bool escaped = false;
        while (nextMember(&key, &escaped)) {
            if (!skipValue())
                return false;
        }
        return !failed();
    }
    case Token::Array:
        if (!beginArray())
            return false;
        while (nextElement()) {
            if (!skipValue())
                return false;
        }
        return !failed();
    case Token::String: {
        QByteArrayView raw;
        bool escaped = false;
        return readStringRaw(&raw, &escaped);
    }
    case Token::Number:
        return readNumber(nullptr);
    case Token::True:
    case Token::False:
    case Token::Null: {
        const char *word = peek() == Token::True ? "true" : (peek() == Token::False ? "false" : "null");
        if (!m_bytes.sliced(m_pos).startsWith(word))
            return syntax(QT_TRANSLATE_NOOP("arr::JsonReader", "an unknown word"));
        m_pos += qsizetype(qstrlen(word));
        return true;
    }
    case Token::Invalid:
        break;
    }
    return syntax(m_pos >= m_bytes.size() ? QT_TRANSLATE_NOOP("arr::JsonReader", "the answer ended too early")
                                          : QT_TRANSLATE_NOOP("arr::JsonReader", "a value was expected"));
}

bool JsonReader::keyIs(QByteArrayView rawKey, QLatin1StringView name, Qt::CaseSensitivity cs)
{
    if (rawKey.size() != name.size())
        return false;
    return QLatin1StringView(rawKey.data(), rawKey.size()).compare(name, cs) == 0;
}

} // namespace arr
