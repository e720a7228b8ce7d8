#include "emulator/HttpConnection.h"

#include <QTcpSocket>

namespace arr::emulator {

namespace {

// After an answer that refused a body unread, what the client still sends of it is read and
// discarded for this long (or this many bytes) before the connection closes: closing a socket with
// unread data resets it, and a reset can destroy the answer before the client reads it.
constexpr int DrainTimeMs = 2000;
constexpr qint64 MaximumDrainBytes = 64 * 1024 * 1024;
// While more than this of earlier answers waits to be sent (a client that sends requests but does
// not read the answers), no further request is read.
constexpr qint64 MaximumPendingAnswers = 1024 * 1024;

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, int idleTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_idleTimeoutMs(idleTimeoutMs)
{
    m_socket->setParent(this);
    // Bounds what the socket buffers on its own while a request is being answered; beyond it the
    // client's sending is held back by TCP.
    m_socket->setReadBufferSize(MaximumRequestHead);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readAvailable);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_state == State::ReadingHead)
            readAvailable();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        // Closing waits for the answer to be sent; a client that does not read it is cut off.
        if (m_state == State::Closed)
            m_socket->abort();
        else
            close();
    });
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        QMetaObject::invokeMethod(this, &HttpConnection::finish, Qt::QueuedConnection);
        return;
    }
    startReading();
}

HttpConnection::~HttpConnection()
{
    // The socket goes first, while this object is still whole: a socket that closes on its way out
    // emits disconnected(), which must not reach a connection that is being destroyed.
    m_finished = true;
    m_socket->disconnect(this);
    delete m_socket;
}

void HttpConnection::respond(const QByteArray &answer, bool close)
{
    if (m_state != State::Answering)
        return;
    m_socket->write(answer);
    if (m_unreadBody > 0)
        startDraining();
    else if (close || m_closeAfterAnswer)
        this->close();
    else
        startReading();
}

void HttpConnection::drop()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_socket->abort();
    finish();
}

void HttpConnection::startReading()
{
    m_state = State::ReadingHead;
    m_request = HttpRequest();
    m_closeAfterAnswer = false;
    m_idle.start(m_idleTimeoutMs);
    // Queued: the next request may already be buffered, and answering it from inside respond()
    // would nest one call per pipelined request.
    QMetaObject::invokeMethod(this, &HttpConnection::readAvailable, Qt::QueuedConnection);
}

void HttpConnection::startDraining()
{
    m_state = State::Draining;
    m_unreadBody = std::min(m_unreadBody, MaximumDrainBytes);
    m_idle.start(DrainTimeMs);
    QMetaObject::invokeMethod(this, &HttpConnection::readAvailable, Qt::QueuedConnection);
}

void HttpConnection::close()
{
    m_state = State::Closed;
    m_idle.start(m_idleTimeoutMs);
    m_socket->disconnectFromHost();
}

void HttpConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_state = State::Closed;
    m_idle.stop();
    deleteLater();
}

void HttpConnection::readAvailable()
{
    for (;;) {
        switch (m_state) {
        case State::Closed:
        case State::Answering:
            return;
        case State::Draining: {
            const qint64 skipped = m_socket->skip(std::min(m_unreadBody, m_socket->bytesAvailable()));
            m_unreadBody -= std::max<qint64>(0, skipped);
            if (m_unreadBody <= 0)
                close();
            return;
        }
        case State::ReadingHead: {
            if (m_socket->bytesToWrite() > MaximumPendingAnswers)
                return; // bytesWritten() resumes
            const bool started = !m_buffer.isEmpty();
            const qsizetype room = MaximumRequestHead + 1 - m_buffer.size();
            if (room > 0)
                m_buffer += m_socket->read(room);
            if (m_buffer.isEmpty())
                return;
            // A request gets the whole timeout from its first byte: closing a connection that had
            // just begun a request would lose the request rather than an idle connection.
            if (!started)
                m_idle.start(m_idleTimeoutMs);
            RequestHead head = parseRequestHead(m_buffer);
            if (head.outcome == RequestHead::Outcome::Incomplete)
                return;
            m_idle.stop();
            if (head.outcome == RequestHead::Outcome::Refused) {
                m_state = State::Answering;
                m_closeAfterAnswer = true;
                m_buffer.clear();
                Q_EMIT requestRefused(head.status, head.message);
                return;
            }
            m_request = std::move(head.request);
            m_buffer.remove(0, head.length);
            m_closeAfterAnswer = !m_request.keepAlive();
            if (m_request.bodyTooLarge()) {
                // Answered from the head alone (authorization first, then 413); the body is never read.
                m_unreadBody = m_request.contentLength - m_buffer.size();
                m_buffer.clear();
                m_state = State::Answering;
                Q_EMIT requestReady(m_request);
                return;
            }
            m_state = State::ReadingBody;
            m_idle.start(m_idleTimeoutMs);
            if (m_request.expectsContinue() && m_buffer.size() < m_request.contentLength)
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            break;
        }
        case State::ReadingBody: {
            const qint64 missing = m_request.contentLength - m_buffer.size();
            if (missing > 0)
                m_buffer += m_socket->read(missing);
            if (m_buffer.size() < m_request.contentLength)
                return;
            m_request.body = m_buffer.left(m_request.contentLength);
            m_buffer.remove(0, m_request.contentLength);
            m_idle.stop();
            m_state = State::Answering;
            Q_EMIT requestReady(m_request);
            return;
        }
        }
    }
}

} // namespace arr::emulator
