#pragma once

#include "emulator/ApiError.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <utility>

namespace arr::emulator {

// One HTTP/1.1 answer as the emulated service sends it. serialize() adds what every answer of the
// service carries: MS-CV, Date, Content-Length (except on 204), and Content-Type for a JSON body.
struct HttpResponse
{
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // The answer to a HEAD: the headers of the answer, Content-Length included, without its body.
    bool headersOnly = false;

    static HttpResponse json(int status, const QJsonObject &object);
    // A JSON body already written as text.
    static HttpResponse jsonText(int status, QByteArray body);
    // {"error":{"code":"…","message":"…"}}
    static HttpResponse error(const ApiError &error);
    static HttpResponse empty(int status);

    QByteArray header(const QByteArray &name) const;
    void setHeader(const QByteArray &name, const QByteArray &value);

    QByteArray serialize(const QByteArray &correlationVector, const QDateTime &date, bool closeConnection) const;
};

// "OK", "Not Found", …
QByteArray reasonPhrase(int status);
// A new MS-CV value: 16 random bytes in base64 without padding, then ".0", as the service sent.
QByteArray newCorrelationVector();
// An HTTP date (RFC 7231): "Thu, 09 May 2019 16:17:50 GMT".
QByteArray httpDate(const QDateTime &time);

} // namespace arr::emulator
