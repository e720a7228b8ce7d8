#pragma once

#include <QByteArray>
#include <QString>

namespace arr {

// The best readable message found in an error body, whatever its shape.
struct ServiceErrorBody
{
    QString code;
    QString message;
};

// Error bodies: empty, plain text, {"error":"text"}, {"error":{"code","message"}}, {"message":...},
// ASP.NET problem details (title, detail). Never fails; an unusable body gives an empty message.
ServiceErrorBody decodeErrorBody(const QByteArray &body);

} // namespace arr
