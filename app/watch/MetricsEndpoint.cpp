#include "watch/MetricsEndpoint.h"

#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

Q_LOGGING_CATEGORY(lcMetricsEndpoint, "arrsm.watch.metrics", QtWarningMsg)

// What the client still sends after its answer (the rest of an oversized head, a body) is read and
// dropped before the connection closes: closing a socket with unread data resets it, and a reset can
// destroy the answer before the client has read it. The connection closes once the answer is out and
// the client has sent nothing for a moment, or has sent this much.
constexpr qint64 MaximumDrainBytes = 1024 * 1024;
constexpr int QuietBeforeCloseMs = 300;
// How long accepting rests after accept() failed.
constexpr int AcceptBackOffMs = 1000;

struct Answer
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    // HEAD: the headers of the GET answer, without its body.
    bool headOnly = false;
};

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 431:
        return "Request Header Fields Too Large";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Error";
    }
}

Answer plainText(int status, const QByteArray &text)
{
    return {status, "text/plain; charset=utf-8", text + '\n', false};
}

QByteArray serialize(const Answer &answer)
{
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reasonPhrase(answer.status) + "\r\n";
    bytes += "Content-Type: " + answer.contentType + "\r\n";
    bytes += "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\n";
    if (answer.status == 405)
        bytes += "Allow: GET, HEAD\r\n";
    bytes += "Cache-Control: no-store\r\nConnection: close\r\n\r\n";
    if (!answer.headOnly)
        bytes += answer.body;
    return bytes;
}

// Where the head ends (just past its blank line), or -1 while it has not. Bare line feeds are taken as
// line ends too, as hand-written clients send them.
qsizetype headEnd(const QByteArray &buffer)
{
    const qsizetype crlf = buffer.indexOf("\r\n\r\n");
    const qsizetype lf = buffer.indexOf("\n\n");
    if (crlf < 0)
        return lf < 0 ? -1 : lf + 2;
    return lf < 0 ? crlf + 4 : std::min(crlf + 4, lf + 2);
}

// The answer to a whole request head. `bodyFollows` is set when the head announces a body, which is
// never read but has to be drained.
Answer answerTo(const QByteArray &head, const MetricsEndpoint::Body &body, bool *bodyFollows)
{
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    const QList<QByteArray> parts = lines.value(0).split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return plainText(400, "Bad request: the request line is not METHOD TARGET HTTP/1.1.");
    const QByteArray &method = parts[0];
    const QByteArray &version = parts[2];
    if (!version.startsWith("HTTP/"))
        return plainText(400, "Bad request: the request line is not METHOD TARGET HTTP/1.1.");
    if (!version.startsWith("HTTP/1."))
        return plainText(505, "Only HTTP/1.0 and HTTP/1.1 are spoken here.");

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = lines[i].left(colon).trimmed().toLower();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        if ((name == "content-length" && value != "0") || name == "transfer-encoding")
            *bodyFollows = true;
    }

    // The path of an origin-form ("/metrics?x") or absolute-form ("http://host/metrics") target.
    QByteArray path = parts[1];
    if (const qsizetype scheme = path.indexOf("://"); scheme >= 0 && !path.startsWith('/')) {
        const qsizetype slash = path.indexOf('/', scheme + 3);
        path = slash >= 0 ? path.mid(slash) : QByteArray("/");
    }
    if (const qsizetype end = path.indexOf('?'); end >= 0)
        path.truncate(end);
    if (const qsizetype end = path.indexOf('#'); end >= 0)
        path.truncate(end);

    if (path != "/metrics")
        return plainText(404, "Not found: this server answers GET /metrics only.");
    if (method != "GET" && method != "HEAD")
        return plainText(405, "Method not allowed: /metrics answers GET and HEAD only.");
    Answer answer{200, MetricsEndpoint::contentType(), body ? body() : QByteArray(), method == "HEAD"};
    return answer;
}

// One client: reads a request head within the limits, answers it and closes. Owns its socket and
// deletes itself once the exchange is over, however it ends.
class Connection : public QObject
{
public:
    Connection(
        QTcpSocket *socket, const MetricsEndpoint::Body &body, const MetricsEndpoint::Limits &limits, QObject *parent)
        : QObject(parent)
        , m_socket(socket)
        , m_body(body)
        , m_limits(limits)
    {
        m_socket->setParent(this);
        // Beyond the head's limit the client's sending is held back by TCP rather than buffered here.
        m_socket->setReadBufferSize(m_limits.maximumRequestHead + 1);
        connect(m_socket, &QTcpSocket::readyRead, this, [this] { readAvailable(); });
        connect(m_socket, &QTcpSocket::disconnected, this, [this] { finish(); });
        connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
            if (m_state == State::Draining)
                drain();
        });
        m_quiet.setSingleShot(true);
        connect(&m_quiet, &QTimer::timeout, this, [this] {
            if (m_state != State::Draining)
                return;
            if (m_socket->bytesAvailable() > 0)
                drain();
            else
                closeAfterAnswer();
        });
        m_deadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, [this] {
            if (m_state == State::ReadingHead)
                qCDebug(lcMetricsEndpoint) << "no whole request within" << m_limits.readTimeoutMs << "ms: closed";
            else
                qCDebug(lcMetricsEndpoint) << "answer not taken within" << m_limits.writeTimeoutMs << "ms: cut off";
            m_socket->abort();
            finish();
        });
        if (m_socket->state() != QAbstractSocket::ConnectedState) {
            QMetaObject::invokeMethod(
                this, [this] { finish(); }, Qt::QueuedConnection);
            return;
        }
        // The whole request must arrive within the read timeout from the connection's start: a client
        // sending a byte now and then does not keep it open.
        m_deadline.start(m_limits.readTimeoutMs);
        // Data may have arrived before this object was connected to readyRead.
        QMetaObject::invokeMethod(
            this, [this] { readAvailable(); }, Qt::QueuedConnection);
    }

    ~Connection() override
    {
        // The socket goes first, while this object is whole: a socket closing on its way out emits
        // disconnected(), which must not reach a connection being destroyed.
        m_finished = true;
        m_socket->disconnect(this);
        delete m_socket;
    }

private:
    enum class State {
        ReadingHead,
        Draining, // answered; what the client still sends is dropped until it falls quiet
        Closing, // answered; the connection closes once the answer is out
    };

    void readAvailable()
    {
        if (m_finished)
            return;
        if (m_state == State::Draining) {
            drain();
            return;
        }
        if (m_state != State::ReadingHead)
            return;
        const qsizetype room = m_limits.maximumRequestHead + 1 - m_buffer.size();
        if (room > 0)
            m_buffer += m_socket->read(room);
        const qsizetype end = headEnd(m_buffer);
        if (end < 0 || end > m_limits.maximumRequestHead) {
            if (m_buffer.size() > m_limits.maximumRequestHead)
                answer(plainText(431, "Request head too large."), true);
            return;
        }
        bool bodyFollows = false;
        const Answer reply = answerTo(m_buffer.left(end), m_body, &bodyFollows);
        answer(reply, bodyFollows || m_buffer.size() > end || m_socket->bytesAvailable() > 0);
    }

    // Writes the answer; the connection then closes, after dropping what the client still sends when
    // `moreComing` (so that closing does not reset the connection under the answer).
    void answer(const Answer &reply, bool moreComing)
    {
        m_buffer.clear();
        m_socket->write(serialize(reply));
        m_deadline.start(m_limits.writeTimeoutMs);
        if (moreComing) {
            m_state = State::Draining;
            drain();
        } else {
            closeAfterAnswer();
        }
    }

    // Drops what has arrived; once the answer is out, waits for a quiet moment to close (each arrival
    // starts the wait again).
    void drain()
    {
        const qint64 dropped = m_socket->skip(m_socket->bytesAvailable());
        m_drained += std::max<qint64>(0, dropped);
        if (m_socket->bytesToWrite() > 0)
            return; // bytesWritten() comes back here
        if (m_drained > MaximumDrainBytes)
            closeAfterAnswer();
        else
            m_quiet.start(QuietBeforeCloseMs);
    }

    // Closes once the answer has left (disconnectFromHost() sends what is still buffered first).
    void closeAfterAnswer()
    {
        m_state = State::Closing;
        m_quiet.stop();
        m_socket->disconnectFromHost();
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        m_deadline.stop();
        m_quiet.stop();
        deleteLater();
    }

    QTcpSocket *m_socket;
    const MetricsEndpoint::Body &m_body;
    const MetricsEndpoint::Limits m_limits;
    State m_state = State::ReadingHead;
    QByteArray m_buffer;
    qint64 m_drained = 0;
    bool m_finished = false;
    // The read timeout while reading the head, then the write timeout for the answer.
    QTimer m_deadline;
    QTimer m_quiet;
};

} // namespace

QByteArray MetricsEndpoint::contentType()
{
    return QByteArrayLiteral("application/openmetrics-text; version=1.0.0; charset=utf-8");
}

MetricsEndpoint::MetricsEndpoint(Body body, QObject *parent)
    : MetricsEndpoint(std::move(body), Limits(), parent)
{
}

MetricsEndpoint::MetricsEndpoint(Body body, const Limits &limits, QObject *parent)
    : QObject(parent)
    , m_body(std::move(body))
    , m_limits(limits)
{
    m_limits.maxConnections = std::max(1, m_limits.maxConnections);
    m_limits.maximumRequestHead = std::max<qsizetype>(64, m_limits.maximumRequestHead);
    m_acceptBackOff.setSingleShot(true);
    connect(&m_acceptBackOff, &QTimer::timeout, this, [this] {
        if (m_server)
            m_server->resumeAccepting();
    });
}

MetricsEndpoint::~MetricsEndpoint()
{
    close();
}

void MetricsEndpoint::setNonLoopbackAllowed(bool allowed)
{
    m_nonLoopbackAllowed = allowed;
}

bool MetricsEndpoint::listen(const QString &address)
{
    const auto parsed = ListenAddress::parse(address, &m_error);
    return parsed && listen(*parsed);
}

bool MetricsEndpoint::listen(const ListenAddress &address)
{
    close();
    m_error.clear();
    if (!address.address.isLoopback() && !m_nonLoopbackAllowed) {
        const QString where
            = address.address == QHostAddress(QHostAddress::Any) ? u"every interface"_s : address.address.toString();
        m_error = u"Not listening on %1: it is not a loopback address, and the metrics (account names, session "
                  u"ids) would be served to other computers; that has to be allowed explicitly."_s.arg(where);
        return false;
    }
    auto server = std::make_unique<QTcpServer>();
    // Accepted connections beyond this wait in the server's queue; once it is full the rest wait in
    // the listen backlog.
    server->setMaxPendingConnections(m_limits.maxConnections);
    connect(server.get(), &QTcpServer::newConnection, this, &MetricsEndpoint::acceptPending);
    connect(server.get(), &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError) {
        qCWarning(lcMetricsEndpoint) << "cannot accept a connection:" << m_server->errorString();
        m_server->pauseAccepting();
        m_acceptBackOff.start(AcceptBackOffMs);
    });
    if (!server->listen(address.address, address.port)) {
        m_error = u"Cannot listen on %1: %2."_s.arg(address.toString(), server->errorString());
        return false;
    }
    m_server = std::move(server);
    return true;
}

void MetricsEndpoint::close()
{
    m_acceptBackOff.stop();
    if (m_server) {
        m_server->close();
        m_server->disconnect(this);
        m_server.reset();
    }
    const QSet<QObject *> connections = std::exchange(m_connections, {});
    qDeleteAll(connections);
}

bool MetricsEndpoint::isListening() const
{
    return m_server && m_server->isListening();
}

ListenAddress MetricsEndpoint::listenAddress() const
{
    if (!isListening())
        return {};
    return {m_server->serverAddress(), m_server->serverPort()};
}

QString MetricsEndpoint::url() const
{
    if (!isListening())
        return {};
    ListenAddress where = listenAddress();
    if (where.address == QHostAddress(QHostAddress::Any) || where.address == QHostAddress(QHostAddress::AnyIPv4))
        where.address = QHostAddress(QHostAddress::LocalHost);
    else if (where.address == QHostAddress(QHostAddress::AnyIPv6))
        where.address = QHostAddress(QHostAddress::LocalHostIPv6);
    return u"http://"_s + where.toString() + u"/metrics"_s;
}

void MetricsEndpoint::acceptPending()
{
    while (m_server && m_connections.size() < m_limits.maxConnections && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        auto *connection = new Connection(socket, m_body, m_limits, this);
        m_connections.insert(connection);
        connect(connection, &QObject::destroyed, this, [this, connection] {
            m_connections.remove(connection);
            // A place is free: the next client waiting in the queue gets it.
            QMetaObject::invokeMethod(this, &MetricsEndpoint::acceptPending, Qt::QueuedConnection);
        });
    }
}

} // namespace arr
