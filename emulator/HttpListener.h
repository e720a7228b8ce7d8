#pragma once

#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include <atomic>
#include <optional>

class QTcpSocket;

namespace arr {
class Clock;
}

namespace arr::emulator {

// The emulator's accept loop: hands on every connection as a ready socket (plain, or with its TLS
// handshake finished), and holds against clients that do not play along:
// - a TLS handshake runs on its own socket while others are accepted, and must finish within the
//   handshake timeout; a failed one is reported and closed, and never holds up the next;
// - at most maxConnections sockets are open at once (handshakes included); one more is answered
//   503 (plain http) or closed (https) at once;
// - when accept() fails (out of file descriptors), accepting pauses and resumes after a back-off
//   that doubles up to a second, instead of retrying in a busy loop.
class HttpListener : public QTcpServer
{
    Q_OBJECT

public:
    explicit HttpListener(const arr::Clock *clock, QObject *parent = nullptr);
    ~HttpListener() override;

    // https from now on; call before listen().
    void setTls(const QSslConfiguration &configuration);
    // May be called from any thread; applies to connections accepted afterwards.
    void setLimits(int handshakeTimeoutMs, int maxConnections);
    int openConnections() const { return m_open; }

Q_SIGNALS:
    // A connection ready for HTTP; the receiver takes ownership of the socket.
    void connectionReady(QTcpSocket *socket);
    void handshakeFailed(const QString &reason);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void refuseOverCapacity(QTcpSocket *socket);
    void backOff();

    const arr::Clock *m_clock;
    std::optional<QSslConfiguration> m_tls;
    std::atomic<int> m_handshakeTimeoutMs{10'000};
    std::atomic<int> m_maxConnections{256};
    int m_open = 0;
    int m_backOffMs = 0;
    QTimer m_resume;
};

} // namespace arr::emulator
