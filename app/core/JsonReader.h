#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace arr {

// A strict RFC 8259 JSON reader that walks UTF-8 bytes in place, for decoding large session lists
// straight into Session values without building a document tree first. It validates everything it
// passes over (skipped members included), limits nesting, and stops at the first error with a
// sentence and the byte offset.
class JsonReader
{
public:
    enum class Token { Object, Array, String, Number, True, False, Null, Invalid };

    explicit JsonReader(QByteArrayView bytes);

    // The kind of the next value, after white space.
    Token peek();
    bool atEnd();
    qsizetype offset() const { return m_pos; }
    bool failed() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    // Objects and arrays: call begin, then next* until it returns false (end reached or error).
    bool beginObject();
    // Reads the next member's key (raw, see readStringRaw) and the colon; false at '}' or on error.
    bool nextMember(QByteArrayView *rawKey, bool *keyEscaped);
    bool beginArray();
    bool nextElement();

    // A string value. The raw form is the bytes between the quotes, valid only while the input
    // lives; `escaped` says whether it contains escapes (then decode with readString instead).
    bool readStringRaw(QByteArrayView *raw, bool *escaped);
    bool readString(QString *out);
    bool readNumber(double *out);
    bool readNull();
    // Validates and skips any value.
    bool skipValue();

    // Sets an error that is not about syntax (a wrong type, say) at the current offset.
    bool fail(const QString &why);

    static QString decodeString(QByteArrayView raw, bool escaped, bool *ok);
    // Case-insensitive equality of an unescaped ASCII key with a name.
    static bool keyIs(QByteArrayView rawKey, QLatin1StringView name, Qt::CaseSensitivity cs = Qt::CaseInsensitive);

    static constexpr int MaximumDepth = 64;

private:
    void skipWhitespace();
    bool syntax(const char *what);
    bool enter();
    // Steps past the comma before the next member or element; false at `close` (consumed) or on error.
    bool nextItem(char close, const char *commaExpected);

    QByteArrayView m_bytes;
    qsizetype m_pos = 0;
    int m_depth = 0;
    // Whether the container being read has had a member or element yet (for commas).
    bool m_first = true;
    QString m_error;
};

} // namespace arr
