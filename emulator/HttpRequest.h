#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

namespace arr::emulator {

// The head of a request (request line and header fields) beyond this is refused with 431: the
// contract's requests carry a few hundred bytes of head, a token included.
inline constexpr qsizetype MaximumRequestHead = 64 * 1024;
// Bodies beyond this are refused with 413 before a byte of them is read: no request of the
// contract comes near it.
inline constexpr qsizetype MaximumRequestBody = 1024 * 1024;

// One request as the emulator's connection layer read it: the head parsed, the body (read only when
// its declared length is within MaximumRequestBody) attached afterwards.
struct HttpRequest
{
    QByteArray method;
    // The request target as sent, and as a URL (origin form "/path?query" or absolute form).
    QByteArray target;
    QUrl url;
    // 1.0 or 1.1 (the minor version of HTTP/1.x).
    int minorVersion = 1;
    QList<std::pair<QByteArray, QByteArray>> headers;
    // Content-Length, 0 when absent.
    qint64 contentLength = 0;
    QByteArray body;

    // The first header of that name (ignoring case), trimmed; empty when absent.
    QByteArray value(const QByteArray &name) const;
    // Whether the connection stays open after the answer: HTTP/1.1 unless "Connection: close",
    // HTTP/1.0 only with "Connection: keep-alive".
    bool keepAlive() const;
    bool expectsContinue() const;
    bool bodyTooLarge() const { return contentLength > MaximumRequestBody; }
};

// What parseRequestHead() made of the bytes at the start of a connection's buffer.
struct RequestHead
{
    enum class Outcome {
        Incomplete, // no empty line yet, and within MaximumRequestHead: read more
        Complete, // `request` holds the head; `length` bytes of the buffer were the head
        Refused, // `status` (400, 431, 501, 505) and `message` say why; the connection closes
    };
    Outcome outcome = Outcome::Incomplete;
    HttpRequest request;
    qsizetype length = 0;
    int status = 0;
    QString message;
};

// Reads a request head (RFC 9112: request line, header fields, an empty line; bare LF line ends
// tolerated, empty lines before the request line skipped). Refuses what the emulator does not
// serve rather than guessing: a head over MaximumRequestHead (431), a malformed request line or
// field, folded fields, a Content-Length that is not one decimal number (400), Transfer-Encoding
// (501: the contract's clients send Content-Length), an HTTP version other than 1.0 and 1.1 (505).
// A pure function, linear in the buffer, whatever the bytes.
RequestHead parseRequestHead(const QByteArray &buffer);

} // namespace arr::emulator
