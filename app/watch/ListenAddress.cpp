#include "watch/ListenAddress.h"

using namespace Qt::StringLiterals;

namespace arr {

std::optional<ListenAddress> ListenAddress::parse(const QString &text, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<ListenAddress> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QString trimmed = text.trimmed();
    const QString expected = u"\"%1\" is not an address and port such as 127.0.0.1:9464 or [::1]:9464."_s.arg(trimmed);
    if (trimmed.isEmpty())
        return fail(u"No address to listen on: give one such as 127.0.0.1:9464."_s);

    QString host;
    QString port;
    bool bracketed = false;
    if (trimmed.startsWith(u'[')) {
        const qsizetype close = trimmed.indexOf(u']');
        if (close < 0 || trimmed.mid(close + 1, 1) != u":"_s)
            return fail(expected);
        host = trimmed.mid(1, close - 1);
        port = trimmed.mid(close + 2);
        bracketed = true;
    } else {
        const qsizetype colon = trimmed.lastIndexOf(u':');
        if (colon < 0)
            return fail(expected);
        host = trimmed.left(colon);
        port = trimmed.mid(colon + 1);
        if (host.contains(u':'))
            return fail(u"\"%1\": an IPv6 address goes in brackets, as in [::1]:9464."_s.arg(trimmed));
    }

    const bool digits = !port.isEmpty() && port.size() <= 5
        && std::all_of(port.cbegin(), port.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    const uint number = digits ? port.toUInt() : 0;
    if (!digits || number > 65535)
        return fail(u"\"%1\" is not a port number from 0 to 65535 (0 for a free one)."_s.arg(port));

    ListenAddress result;
    result.port = quint16(number);
    if (host.isEmpty() && !bracketed) {
        result.address = QHostAddress(QHostAddress::Any);
    } else if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0 && !bracketed) {
        result.address = QHostAddress(QHostAddress::LocalHost);
    } else if (!result.address.setAddress(host)
        || (bracketed != (result.address.protocol() == QAbstractSocket::IPv6Protocol))) {
        return fail(u"\"%1\" is not an IP address such as 127.0.0.1 or [::1] (host names are not looked up)."_s.arg(
            bracketed ? u'[' + host + u']' : host));
    }
    return result;
}

QString ListenAddress::toString() const
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return address.toString() + u':' + QString::number(port);
    if (address == QHostAddress(QHostAddress::Any))
        return u':' + QString::number(port);
    return u'[' + address.toString() + u"]:"_s + QString::number(port);
}

} // namespace arr
