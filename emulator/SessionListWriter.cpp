#include "emulator/SessionListWriter.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace arr::emulator {

namespace {

void appendJsonString(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (uchar(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(uchar(c) >> 4) & 0xf];
                out += hex[uchar(c) & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendMember(QByteArray &out, const char *name, const QString &text, bool *first)
{
    if (!*first)
        out += ',';
    *first = false;
    out += '"';
    out += name;
    out += "\":";
    if (text.isEmpty())
        out += "null";
    else
        appendJsonString(out, text);
}

} // namespace

QByteArray encodeSessionList(const QList<Session> &sessions)
{
    QByteArray out;
    out.reserve(64 + sessions.size() * 400);
    out += "{\"sessions\":[";
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        const Session &session = sessions.at(i);
        if (i > 0)
            out += ',';
        out += '{';
        bool first = true;
        const QString status = session.status == SessionStatus::Unknown ? session.statusText.toLower()
                                                                        : sessionStatusWireName(session.status);
        // Members in the order QJsonDocument writes them (sorted), so both encoders agree byte for byte.
        if (session.arrInspectorPort) {
            out += "\"arrInspectorPort\":" + QByteArray::number(*session.arrInspectorPort);
            first = false;
        }
        if (session.creationTime.isValid())
            appendMember(out, "creationTime", session.creationTime.toUTC().toString(Qt::ISODateWithMs), &first);
        if (session.handshakePort) {
            out += QByteArray(first ? "" : ",") + "\"handshakePort\":" + QByteArray::number(*session.handshakePort);
            first = false;
        }
        appendMember(out, "message", session.message, &first);
        appendMember(out, "sessionElapsedTime", session.elapsed ? session.elapsed->toString() : QString(), &first);
        appendMember(out, "sessionHostname", session.hostname, &first);
        // The id is always a string, empty or not, as encodeProperties() writes it.
        out += first ? "\"sessionId\":" : ",\"sessionId\":";
        appendJsonString(out, session.id);
        appendMember(out, "sessionMaxLeaseTime", session.maxLease ? session.maxLease->toString() : QString(), &first);
        appendMember(out, "sessionSize", session.size, &first);
        appendMember(out, "sessionStatus", status, &first);
        if (session.teraflops) {
            QJsonObject number{{u"t"_s, *session.teraflops}};
            const QByteArray text = QJsonDocument(number).toJson(QJsonDocument::Compact);
            // {"t":<number>} -> <number>, formatted exactly as QJsonDocument formats numbers.
            out += ",\"teraflops\":" + text.mid(5, text.size() - 6);
        }
        out += '}';
    }
    out += "]}";
    return out;
}

} // namespace arr::emulator
