#include "ScriptedServer.h"

#include <QDateTime>
#include <QTimer>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;

QByteArray ScriptedServer::Received::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

ScriptedServer::ScriptedServer(QObject *parent)
    : QObject(parent)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

QUrl ScriptedServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:"_s + QString::number(m_server.serverPort()));
}

ScriptedServer::Step ScriptedServer::respond(
    int status, const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + " Scripted\r\n";
    bool hasMsCv = false;
    for (const auto &[key, value] : headers) {
        raw += key + ": " + value + "\r\n";
        hasMsCv = hasMsCv || key.compare("MS-CV", Qt::CaseInsensitive) == 0;
    }
    if (!hasMsCv)
        raw += "MS-CV: scripted" + QByteArray::number(status) + ".0\r\n";
    raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return {Step::Respond, raw};
}

ScriptedServer::Step ScriptedServer::rawAnswer(const QByteArray &raw, bool close, int closeDelayMs)
{
    Step step{Step::Respond, raw};
    step.closeAfter = close;
    step.closeDelayMs = closeDelayMs;
    return step;
}

ScriptedServer::Step ScriptedServer::stream(const QByteArray &head, const QByteArray &piece, int intervalMs)
{
    Step step{Step::Stream, head};
    step.piece = piece;
    step.intervalMs = intervalMs;
    return step;
}

QByteArray ScriptedServer::makeToken(qint64 expiresAtSecs)
{
    const auto encode = [](const QByteArray &json) {
        return json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    return encode(R"({"alg":"none"})") + '.' + encode(R"({"exp":)" + QByteArray::number(expiresAtSecs) + "}") + ".sig";
}

void ScriptedServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        Received request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray key = lines.at(i).left(colon).trimmed();
            const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
            request.headers.append({key, value});
            if (key.compare("Content-Length", Qt::CaseInsensitive) == 0)
                contentLength = value.toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + contentLength)
            return;
        request.body = buffer.mid(headerEnd + 4, contentLength);
        buffer.remove(0, headerEnd + 4 + contentLength);

        if (request.path.toLower().endsWith("/token")) {
            ++m_tokenRequests;
            if (tokenStep) {
                play(socket, *tokenStep);
                return;
            }
            const qint64 exp = tokenExpiry > 0 ? tokenExpiry : QDateTime::currentSecsSinceEpoch() + 86400;
            const QByteArray body
                = tokenBodyOverride.isEmpty() ? R"({"AccessToken":")" + makeToken(exp) + R"("})" : tokenBodyOverride;
            socket->write(respond(200, body, {{"Content-Type", "application/json"}}).raw);
            continue;
        }
        m_received.append(request);
        const Step step = !m_steps.isEmpty() ? m_steps.takeFirst()
            : fallback                       ? *fallback
                                             : respond(500, "no scripted answer left");
        if (step.action != Step::Respond || step.closeAfter) {
            play(socket, step);
            return;
        }
        socket->write(step.raw);
    }
}

void ScriptedServer::play(QTcpSocket *socket, const Step &step)
{
    switch (step.action) {
    case Step::Respond:
        socket->write(step.raw);
        if (step.closeAfter && step.closeDelayMs > 0)
            QTimer::singleShot(step.closeDelayMs, socket, [socket] { socket->disconnectFromHost(); });
        else if (step.closeAfter)
            socket->disconnectFromHost();
        break;
    case Step::Hang:
        break;
    case Step::Close:
        socket->abort();
        break;
    case Step::Stream:
        startStream(socket, step);
        break;
    }
}

void ScriptedServer::startStream(QTcpSocket *socket, const Step &step)
{
    // Later requests on this connection are not read: the answer never ends.
    socket->disconnect(this);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->write(step.raw);
    auto sent = std::make_shared<qint64>(0);
    const auto more = [socket, step, sent] {
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (*sent >= step.streamLimit) {
            socket->disconnectFromHost();
            return;
        }
        socket->write(step.piece);
        *sent += step.piece.size();
    };
    if (step.intervalMs > 0) {
        auto *timer = new QTimer(socket);
        connect(timer, &QTimer::timeout, socket, more);
        timer->start(step.intervalMs);
        return;
    }
    // As fast as the client takes it, with no more than a little queued here.
    connect(socket, &QTcpSocket::bytesWritten, socket, [socket, more] {
        while (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < 256 * 1024) {
            const qint64 before = socket->bytesToWrite();
            more();
            if (socket->bytesToWrite() == before)
                break;
        }
    });
    more();
}
