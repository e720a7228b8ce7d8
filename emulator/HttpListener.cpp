#include "emulator/HttpListener.h"

#include "core/Clock.h"
#include "emulator/HttpResponse.h"

#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace arr::emulator {

namespace {

constexpr int FirstBackOffMs = 50;
constexpr int LastBackOffMs = 1000;

} // namespace

HttpListener::HttpListener(const arr::Clock *clock, QObject *parent)
    : QTcpServer(parent)
    , m_clock(clock)
{
    m_resume.setSingleShot(true);
    connect(&m_resume, &QTimer::timeout, this, [this] { resumeAccepting(); });
    connect(this, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError) { backOff(); });
}

HttpListener::~HttpListener() = default;

void HttpListener::setTls(const QSslConfiguration &configuration)
{
    m_tls = configuration;
}

void HttpListener::setLimits(int handshakeTimeoutMs, int maxConnections)
{
    m_handshakeTimeoutMs = std::max(1, handshakeTimeoutMs);
    m_maxConnections = std::max(1, maxConnections);
}

void HttpListener::backOff()
{
    // accept() failed (typically EMFILE: out of file descriptors). Retrying at once would fail the
    // same way in a busy loop; the pending connection waits in the backlog meanwhile.
    pauseAccepting();
    m_backOffMs = m_backOffMs == 0 ? FirstBackOffMs : std::min(LastBackOffMs, 2 * m_backOffMs);
    m_resume.start(m_backOffMs);
}

void HttpListener::incomingConnection(qintptr descriptor)
{
    m_backOffMs = 0;
    QTcpSocket *socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    ++m_open;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });
    if (m_open > m_maxConnections) {
        refuseOverCapacity(socket);
        return;
    }
    if (!m_tls) {
        Q_EMIT connectionReady(socket);
        return;
    }

    auto *secure = static_cast<QSslSocket *>(socket);
    secure->setSslConfiguration(*m_tls);
    // Reported once per socket, whichever comes first: an error, or the handshake timing out.
    auto fail = [this, secure, reported = std::make_shared<bool>(false)](const QString &reason) {
        if (*reported)
            return;
        *reported = true;
        Q_EMIT handshakeFailed(reason);
        secure->abort();
        secure->deleteLater();
    };
    auto *timeout = new QTimer(secure);
    timeout->setSingleShot(true);
    const int timeoutMs = m_handshakeTimeoutMs;
    connect(timeout, &QTimer::timeout, secure,
        [fail, timeoutMs] { fail(u"The client did not finish the TLS handshake within %1 ms."_s.arg(timeoutMs)); });
    connect(secure, &QAbstractSocket::errorOccurred, this, [secure, fail](QAbstractSocket::SocketError) {
        if (!secure->isEncrypted())
            fail(secure->errorString());
    });
    connect(secure, &QSslSocket::encrypted, this, [this, secure, timeout] {
        timeout->stop();
        timeout->deleteLater();
        disconnect(secure, &QAbstractSocket::errorOccurred, this, nullptr);
        Q_EMIT connectionReady(secure);
    });
    timeout->start(timeoutMs);
    secure->startServerEncryption();
}

void HttpListener::refuseOverCapacity(QTcpSocket *socket)
{
    if (m_tls) {
        // An answer would first cost a handshake: closed at once.
        socket->abort();
        socket->deleteLater();
        return;
    }
    HttpResponse response = HttpResponse::error(ApiError{503, "ServiceUnavailable",
        u"The emulator already serves %1 connections; try again later."_s.arg(int(m_maxConnections))});
    response.setHeader("Retry-After", "1");
    socket->write(response.serialize(newCorrelationVector(), m_clock->now(), true));
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    // Closes once the answer is out; a client that does not read it is cut off soon after.
    socket->disconnectFromHost();
    QTimer::singleShot(1000, socket, [socket] { socket->abort(); });
    if (socket->state() == QAbstractSocket::UnconnectedState)
        socket->deleteLater();
}

} // namespace arr::emulator
