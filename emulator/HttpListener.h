#pragma once

#include <QList>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include <atomic>
#include <optional>

class QTcpSocket;

namespace arr::emulator {

// The emulator's accept loop: hands on every connection as a ready socket (plain, or with its TLS
// handshake finished), and holds against clients that do not play along:
// - a TLS handshake runs on its own socket while others are accepted, and must finish within the
//   handshake timeout; a failed one is reported and closed, and never holds up the next;
// - at most maxConnections sockets are open at once (handshakes included), fewer when the process's
//   file descriptor limit leaves less room: at the cap, accepting pauses (new clients wait in the
//   listen backlog) until a connection closes; those Qt accepts anyway in the same burst (at most
//   the backlog) wait, unread, for their turn;
// - when accept() reports a failure, accepting pauses and resumes after a back-off that doubles up
//   to a second, instead of retrying in a busy loop. (Qt 6.4 reports EMFILE as a temporary error
//   and retries at once, which is why the cap stays below the descriptor limit.)
class HttpListener : public QTcpServer
{
    Q_OBJECT

public:
    explicit HttpListener(QObject *parent = nullptr);
    ~HttpListener() override;

    // https from now on; call before listen().
    void setTls(const QSslConfiguration &configuration);
    // May be called from any thread; applies to connections accepted afterwards.
    void setLimits(int handshakeTimeoutMs, int maxConnections);

    bool listen(const QHostAddress &address, quint16 port);

Q_SIGNALS:
    // A connection ready for HTTP; the receiver takes ownership of the socket.
    void connectionReady(QTcpSocket *socket);
    void handshakeFailed(const QString &reason);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void start(QTcpSocket *socket);
    void backOff();
    void closed();
    int capacity() const;

    std::optional<QSslConfiguration> m_tls;
    std::atomic<int> m_handshakeTimeoutMs{10'000};
    std::atomic<int> m_maxConnections{256};
    int m_open = 0;
    // Connections the file descriptor limit leaves room for, measured by listen(); 0 is no bound.
    int m_descriptorRoom = 0;
    bool m_pausedAtCapacity = false;
    // Accepted beyond the cap, oldest first: started as connections close.
    QList<QTcpSocket *> m_waiting;
    int m_backOffMs = 0;
    QTimer m_resume;
};

} // namespace arr::emulator
