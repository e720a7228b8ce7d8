#include "emulator/HttpRequest.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace arr::emulator {

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Field values may hold visible characters, spaces, tabs and obs-text; never other controls.
bool isFieldValue(const QByteArray &text)
{
    for (const char c : text) {
        const auto byte = uchar(c);
        if ((byte < 0x20 && byte != '\t') || byte == 0x7f)
            return false;
    }
    return true;
}

bool isTarget(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        const auto byte = uchar(c);
        if (byte <= 0x20 || byte == 0x7f)
            return false;
    }
    return true;
}

// One decimal number of at most 18 digits (fits qint64); nullopt otherwise.
std::optional<qint64> decimal(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

RequestHead refused(int status, QString message)
{
    RequestHead head;
    head.outcome = RequestHead::Outcome::Refused;
    head.status = status;
    head.message = std::move(message);
    return head;
}

RequestHead tooLarge()
{
    return refused(
        431, u"The request head (request line and header fields) is larger than %1 bytes."_s.arg(MaximumRequestHead));
}

} // namespace

QByteArray HttpRequest::value(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = value("Connection").toLower();
    if (minorVersion == 0)
        return connection.contains("keep-alive");
    return !connection.contains("close");
}

bool HttpRequest::expectsContinue() const
{
    return value("Expect").compare("100-continue", Qt::CaseInsensitive) == 0;
}

RequestHead parseRequestHead(const QByteArray &buffer)
{
    // Empty lines before a request line are tolerated (RFC 9112, 2.2).
    qsizetype position = 0;
    while (position < buffer.size() && (buffer.at(position) == '\r' || buffer.at(position) == '\n'))
        ++position;

    QList<QByteArray> lines;
    qsizetype end = -1;
    while (end < 0) {
        const qsizetype newline = buffer.indexOf('\n', position);
        if (newline < 0 || newline >= MaximumRequestHead) {
            if (buffer.size() > MaximumRequestHead)
                return tooLarge();
            return {};
        }
        qsizetype lineEnd = newline;
        if (lineEnd > position && buffer.at(lineEnd - 1) == '\r')
            --lineEnd;
        if (lineEnd == position)
            end = newline + 1;
        else
            lines.append(buffer.mid(position, lineEnd - position));
        position = newline + 1;
    }
    if (lines.isEmpty())
        return {};

    RequestHead head;
    HttpRequest &request = head.request;
    const QList<QByteArray> parts = lines.constFirst().split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || !isTarget(parts[1]))
        return refused(400, u"The request line is not \"METHOD TARGET HTTP/1.1\"."_s);
    request.method = parts[0];
    request.target = parts[1];
    const QByteArray &version = parts[2];
    if (version == "HTTP/1.1") {
        request.minorVersion = 1;
    } else if (version == "HTTP/1.0") {
        request.minorVersion = 0;
    } else if (version.startsWith("HTTP/")) {
        return refused(505, u"Only HTTP/1.1 and HTTP/1.0 are served."_s);
    } else {
        return refused(400, u"The request line is not \"METHOD TARGET HTTP/1.1\"."_s);
    }

    if (request.target.startsWith('/'))
        request.url = QUrl::fromEncoded("http://localhost" + request.target);
    else if (request.target != "*")
        request.url = QUrl::fromEncoded(request.target);
    if (request.target != "*" && !request.url.isValid())
        return refused(400, u"The request target is not a URL path."_s);

    std::optional<qint64> length;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t'))
            return refused(400, u"Header fields folded over several lines are not accepted."_s);
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = colon < 0 ? QByteArray() : line.left(colon);
        const QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1).trimmed();
        if (!isToken(name) || !isFieldValue(value))
            return refused(400, u"A header field is not \"Name: value\"."_s);
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            const auto declared = decimal(value);
            if (!declared || (length && *length != *declared))
                return refused(400, u"The Content-Length header is not one decimal number of bytes."_s);
            length = declared;
        } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            return refused(501, u"Transfer-Encoding is not supported; send the body with a Content-Length."_s);
        }
        request.headers.append({name, value});
    }
    request.contentLength = length.value_or(0);
    head.outcome = RequestHead::Outcome::Complete;
    head.length = end;
    return head;
}

} // namespace arr::emulator
