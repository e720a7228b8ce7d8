#include "emulator/HttpListener.h"

#include <QDir>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>
#include <memory>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace Qt::StringLiterals;

namespace arr::emulator {

namespace {

constexpr int FirstBackOffMs = 50;
constexpr int LastBackOffMs = 1000;
// Descriptors kept free besides the connections: a burst of accepts beyond the cap (the listen
// backlog, 50 in Qt), files, the event loop's own; a quarter of a small limit.
constexpr int DescriptorReserve = 50 + 30;

// How many more descriptors this process may open; 0 when unbounded or unknown.
int descriptorRoom()
{
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur > 1'000'000)
        return 0;
    // Linux and others with /proc count what is open; elsewhere a guess.
    const QDir open(u"/proc/self/fd"_s);
    const qsizetype used
        = open.exists() ? open.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size() : 64;
    const int reserve = std::min(DescriptorReserve, int(limit.rlim_cur / 4));
    return std::max(1, int(limit.rlim_cur) - int(used) - reserve);
#else
    return 0;
#endif
}

} // namespace

HttpListener::HttpListener(QObject *parent)
    : QTcpServer(parent)
{
    m_resume.setSingleShot(true);
    connect(&m_resume, &QTimer::timeout, this, [this] {
        if (!m_pausedAtCapacity)
            resumeAccepting();
    });
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

bool HttpListener::listen(const QHostAddress &address, quint16 port)
{
    m_descriptorRoom = descriptorRoom();
    return QTcpServer::listen(address, port);
}

int HttpListener::capacity() const
{
    return m_descriptorRoom > 0 ? std::min<int>(m_maxConnections, m_descriptorRoom) : int(m_maxConnections);
}

void HttpListener::closed()
{
    --m_open;
    while (m_open < capacity() && !m_waiting.isEmpty())
        start(m_waiting.takeFirst());
    if (m_pausedAtCapacity && m_open < capacity()) {
        m_pausedAtCapacity = false;
        if (!m_resume.isActive())
            resumeAccepting();
    }
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
    // Pausing does not end the accept loop Qt is in: what it still accepts waits its turn.
    if (m_open >= capacity()) {
        m_waiting.append(socket);
        return;
    }
    start(socket);
}

void HttpListener::start(QTcpSocket *socket)
{
    ++m_open;
    connect(socket, &QObject::destroyed, this, [this] { closed(); });
    if (m_open >= capacity()) {
        // The rest wait in the listen backlog, costing no descriptor, until one closes.
        m_pausedAtCapacity = true;
        pauseAccepting();
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

} // namespace arr::emulator
