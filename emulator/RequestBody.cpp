#include "emulator/RequestBody.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace arr::emulator {

namespace {

// A recursive-descent reader over the decoded text. Every step consumes at least one character or
// fails, so the work is linear; recursion is bounded by MaximumRequestDepth.
class Reader
{
public:
    explicit Reader(QStringView text)
        : m_text(text)
    {
    }

    std::optional<QJsonObject> document()
    {
        skipWhitespace();
        if (atEnd())
            return fail(u"The request body is empty; a JSON object was expected."_s);
        if (peek() != u'{')
            return fail(u"The request body must be a JSON object starting with '{'%1."_s.arg(found()));
        QJsonValue value;
        if (!readValue(&value, 0))
            return std::nullopt;
        skipWhitespace();
        if (!atEnd())
            return fail(u"The request body has unexpected text after the JSON object%1."_s.arg(found()));
        return value.toObject();
    }

    QString error() const { return m_error; }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return m_text.at(m_pos); }

    std::nullopt_t fail(const QString &why)
    {
        if (m_error.isEmpty())
            m_error = why;
        return std::nullopt;
    }

    bool failed(const QString &why)
    {
        fail(why);
        return false;
    }

    // " at character N" or " at the end"; what the reader was looking at, for error messages.
    QString found() const
    {
        if (atEnd())
            return u" at the end of the body"_s;
        const QChar c = peek();
        const QString shown = c.isPrint() ? u"'%1'"_s.arg(c) : u"U+%1"_s.arg(int(c.unicode()), 4, 16, QChar(u'0'));
        return u" at character %1 (found %2)"_s.arg(m_pos + 1).arg(shown);
    }

    void skipWhitespace()
    {
        while (!atEnd()) {
            const char16_t c = peek().unicode();
            if (c != u' ' && c != u'\t' && c != u'\n' && c != u'\r')
                return;
            ++m_pos;
        }
    }

    bool readValue(QJsonValue *out, int depth)
    {
        skipWhitespace();
        if (atEnd())
            return failed(u"The request body ends where a value was expected."_s);
        const QChar c = peek();
        if (c == u'{' || c == u'[') {
            if (depth >= MaximumRequestDepth)
                return failed(
                    u"The request body nests arrays and objects deeper than %1 levels."_s.arg(MaximumRequestDepth));
            return c == u'{' ? readObject(out, depth + 1) : readArray(out, depth + 1);
        }
        if (c == u'"' || c == u'\'') {
            QString text;
            if (!readString(&text))
                return false;
            *out = QJsonValue(text);
            return true;
        }
        if (c == u'-' || (c >= u'0' && c <= u'9'))
            return readNumber(out);
        if (readKeyword(u"true")) {
            *out = QJsonValue(true);
            return true;
        }
        if (readKeyword(u"false")) {
            *out = QJsonValue(false);
            return true;
        }
        if (readKeyword(u"null")) {
            *out = QJsonValue(QJsonValue::Null);
            return true;
        }
        return failed(u"The request body has a value that is not JSON%1."_s.arg(found()));
    }

    bool readKeyword(QStringView word)
    {
        if (m_text.size() - m_pos < word.size() || m_text.mid(m_pos, word.size()) != word)
            return false;
        m_pos += word.size();
        return true;
    }

    enum class Next {
        Item, // past a ',': another member or element follows
        Closed, // past the closing bracket
        Invalid, // neither, or the end: failed
    };

    // After a member of an object or an element of an array, which the two share.
    Next stepPastItem(QChar closer, QStringView container, QStringView item)
    {
        skipWhitespace();
        if (atEnd()) {
            fail(u"The request body ends inside %1; a '%2' is missing."_s.arg(container, QString(closer)));
            return Next::Invalid;
        }
        if (peek() == u',' || peek() == closer) {
            const bool closed = peek() == closer;
            ++m_pos;
            return closed ? Next::Closed : Next::Item;
        }
        fail(u"The request body has neither ',' nor '%1' after %2%3."_s.arg(QString(closer), item, found()));
        return Next::Invalid;
    }

    bool readObject(QJsonValue *out, int depth)
    {
        ++m_pos; // '{'
        std::vector<std::pair<QString, QJsonValue>> members;
        QSet<QString> names;
        skipWhitespace();
        if (!atEnd() && peek() == u'}') {
            ++m_pos;
            *out = QJsonObject();
            return true;
        }
        for (;;) {
            skipWhitespace();
            if (atEnd() || (peek() != u'"' && peek() != u'\''))
                return failed(u"The request body has a member name that is not a quoted string%1."_s.arg(found()));
            QString name;
            if (!readString(&name))
                return false;
            if (names.contains(name))
                return failed(u"The request body names the member \"%1\" more than once."_s.arg(name));
            if (members.size() >= MaximumObjectMembers)
                return failed(u"The request body has an object with more than %1 members."_s.arg(MaximumObjectMembers));
            names.insert(name);
            skipWhitespace();
            if (atEnd() || peek() != u':')
                return failed(u"The request body lacks a ':' after the member name \"%1\"%2."_s.arg(name, found()));
            ++m_pos;
            QJsonValue value;
            if (!readValue(&value, depth))
                return false;
            members.emplace_back(std::move(name), std::move(value));
            const Next next = stepPastItem(u'}', u"an object", u"a member");
            if (next == Next::Invalid)
                return false;
            if (next == Next::Closed)
                break;
        }
        // QJsonObject keeps its members sorted and inserts by shifting; inserting in order appends,
        // which keeps a large object linear to build.
        std::sort(members.begin(), members.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        QJsonObject object;
        for (auto &[name, value] : members)
            object.insert(name, value);
        *out = object;
        return true;
    }

    bool readArray(QJsonValue *out, int depth)
    {
        ++m_pos; // '['
        QJsonArray array;
        skipWhitespace();
        if (!atEnd() && peek() == u']') {
            ++m_pos;
            *out = array;
            return true;
        }
        for (;;) {
            QJsonValue value;
            if (!readValue(&value, depth))
                return false;
            array.append(value);
            const Next next = stepPastItem(u']', u"an array", u"an array element");
            if (next == Next::Invalid)
                return false;
            if (next == Next::Closed)
                break;
        }
        *out = array;
        return true;
    }

    // Four hex digits after "\u"; -1 when they are not there.
    int readHex4()
    {
        if (m_text.size() - m_pos < 4)
            return -1;
        int value = 0;
        for (int i = 0; i < 4; ++i) {
            const char16_t c = m_text.at(m_pos + i).unicode();
            int digit = -1;
            if (c >= u'0' && c <= u'9')
                digit = c - u'0';
            else if (c >= u'a' && c <= u'f')
                digit = c - u'a' + 10;
            else if (c >= u'A' && c <= u'F')
                digit = c - u'A' + 10;
            if (digit < 0)
                return -1;
            value = value * 16 + digit;
        }
        m_pos += 4;
        return value;
    }

    bool readString(QString *out)
    {
        const QChar quote = peek();
        const qsizetype start = m_pos;
        ++m_pos;
        QString text;
        for (;;) {
            if (atEnd())
                return failed(u"The request body ends inside the string that starts at character %1."_s.arg(start + 1));
            const QChar c = peek();
            ++m_pos;
            if (c == quote)
                break;
            if (c.unicode() < 0x20)
                return failed(u"The request body has a control character (U+%1) inside a string at character %2; "
                              "write it as an escape."_s.arg(int(c.unicode()), 4, 16, QChar(u'0'))
                                  .arg(m_pos));
            if (c != u'\\') {
                text.append(c);
                continue;
            }
            if (atEnd())
                return failed(u"The request body ends inside an escape sequence."_s);
            const QChar escape = peek();
            ++m_pos;
            switch (escape.unicode()) {
            case u'"':
            case u'\'':
            case u'\\':
            case u'/':
                text.append(escape);
                break;
            case u'b':
                text.append(u'\b');
                break;
            case u'f':
                text.append(u'\f');
                break;
            case u'n':
                text.append(u'\n');
                break;
            case u'r':
                text.append(u'\r');
                break;
            case u't':
                text.append(u'\t');
                break;
            case u'u': {
                const int unit = readHex4();
                if (unit < 0)
                    return failed(
                        u"The request body has a \\u escape without four hex digits at character %1."_s.arg(m_pos));
                if (QChar::isLowSurrogate(char32_t(unit)))
                    return failed(u"The request body has an unpaired surrogate escape at character %1."_s.arg(m_pos));
                if (QChar::isHighSurrogate(char32_t(unit))) {
                    int low = -1;
                    if (m_text.size() - m_pos >= 2 && m_text.at(m_pos) == u'\\' && m_text.at(m_pos + 1) == u'u') {
                        m_pos += 2;
                        low = readHex4();
                    }
                    if (low < 0 || !QChar::isLowSurrogate(char32_t(low)))
                        return failed(
                            u"The request body has an unpaired surrogate escape at character %1."_s.arg(m_pos));
                    text.append(QChar(char16_t(unit)));
                    text.append(QChar(char16_t(low)));
                } else {
                    text.append(QChar(char16_t(unit)));
                }
                break;
            }
            default:
                return failed(
                    u"The request body has an invalid escape '\\%1' at character %2."_s.arg(escape).arg(m_pos));
            }
        }
        *out = std::move(text);
        return true;
    }

    bool readDigits()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && peek() >= u'0' && peek() <= u'9')
            ++m_pos;
        return m_pos > start;
    }

    bool readNumber(QJsonValue *out)
    {
        const qsizetype start = m_pos;
        if (peek() == u'-')
            ++m_pos;
        if (atEnd() || !(peek() >= u'0' && peek() <= u'9'))
            return failed(
                u"The request body has a '-' that is not followed by a number at character %1."_s.arg(start + 1));
        if (peek() == u'0') {
            ++m_pos;
            if (!atEnd() && peek() >= u'0' && peek() <= u'9')
                return failed(u"The request body has a number with a leading zero at character %1."_s.arg(start + 1));
        } else {
            readDigits();
        }
        if (!atEnd() && peek() == u'.') {
            ++m_pos;
            if (!readDigits())
                return failed(
                    u"The request body has a number with no digits after '.' at character %1."_s.arg(start + 1));
        }
        if (!atEnd() && (peek() == u'e' || peek() == u'E')) {
            ++m_pos;
            if (!atEnd() && (peek() == u'+' || peek() == u'-'))
                ++m_pos;
            if (!readDigits())
                return failed(
                    u"The request body has a number with an empty exponent at character %1."_s.arg(start + 1));
        }
        bool ok = false;
        const double value = m_text.mid(start, m_pos - start).toDouble(&ok);
        if (!ok || !std::isfinite(value))
            return failed(u"The request body has a number out of range at character %1."_s.arg(start + 1));
        *out = QJsonValue(value);
        return true;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    QString m_error;
};

} // namespace

std::optional<QJsonObject> parseRequestObject(const QByteArray &body, QString *error)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(body);
    if (decoder.hasError()) {
        if (error)
            *error = u"The request body is not valid UTF-8."_s;
        return std::nullopt;
    }
    Reader reader(text);
    auto object = reader.document();
    if (!object && error)
        *error = reader.error();
    return object;
}

} // namespace arr::emulator
