#pragma once

#include <QHostAddress>
#include <QString>

#include <optional>

namespace arr {

// An address and port to listen on as a person writes it: "127.0.0.1:9464", "[::1]:9464",
// "localhost:9464" (127.0.0.1) or ":9464" (every interface); port 0 asks for a free one. Only IP
// addresses: a host name is never looked up.
struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;

    // nullopt, with `error` set to a sentence, when `text` is not an address and a port.
    static std::optional<ListenAddress> parse(const QString &text, QString *error);
    // "127.0.0.1:9464", "[::1]:9464".
    QString toString() const;
};

} // namespace arr
