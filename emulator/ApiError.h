#pragma once

#include <QByteArray>
#include <QString>

namespace arr::emulator {

// A refusal by the service: HTTP status, the error code of the body and a sentence for people.
struct ApiError
{
    int status = 400;
    QByteArray code = "BadRequest";
    QString message;
};

} // namespace arr::emulator
