#pragma once

#include "watch/ListenAddress.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QTcpServer;

namespace arr {

// Serves `arrsm watch`'s OpenMetrics over HTTP for Prometheus to scrape. GET (and HEAD) /metrics
// answers with the text the callback gives at that moment; other paths get 404, other methods 405.
// Every answer closes its connection. It holds against clients that do not play along:
// - a request head larger than maximumRequestHead is answered 431 and not read further;
// - a request that has not arrived whole within readTimeoutMs of the connection is closed unanswered,
//   however slowly it keeps coming;
// - an answer the client has not taken within writeTimeoutMs is cut off;
// - at most maxConnections are served at once: later clients wait, unread, until one closes (the
//   accepted ones in a queue as long as maxConnections, the rest in the listen backlog).
// The metrics name accounts and sessions, so only loopback addresses are listened on unless another is
// allowed explicitly.
class MetricsEndpoint : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        int readTimeoutMs = 5'000;
        int writeTimeoutMs = 10'000;
        qsizetype maximumRequestHead = 8 * 1024;
        int maxConnections = 32;
    };
    // The metrics text, asked for once per GET or HEAD.
    using Body = std::function<QByteArray()>;

    // What a GET /metrics answer says it is: OpenMetrics 1.0.0, as `arrsm metrics` prints it.
    static QByteArray contentType();

    explicit MetricsEndpoint(Body body, QObject *parent = nullptr);
    MetricsEndpoint(Body body, const Limits &limits, QObject *parent = nullptr);
    ~MetricsEndpoint() override;

    // Allows an address that is not loopback (off by default).
    void setNonLoopbackAllowed(bool allowed);

    // Parses `address` (ListenAddress::parse) and listens there. False, with errorString(), when it
    // does not parse, is not loopback and that is not allowed, or cannot be listened on.
    bool listen(const QString &address);
    bool listen(const ListenAddress &address);
    // Stops listening and closes every open connection.
    void close();

    bool isListening() const;
    // Where it listens; the port is the one chosen when 0 was asked for.
    ListenAddress listenAddress() const;
    // "http://127.0.0.1:9464/metrics".
    QString url() const;
    QString errorString() const { return m_error; }
    // Connections being served (not those waiting for their turn).
    int openConnections() const { return int(m_connections.size()); }

private:
    void acceptPending();

    Body m_body;
    Limits m_limits;
    bool m_nonLoopbackAllowed = false;
    std::unique_ptr<QTcpServer> m_server;
    QSet<QObject *> m_connections;
    QString m_error;
    // After accept() failed (no descriptors left, say), accepting rests a moment instead of retrying
    // in a busy loop.
    QTimer m_acceptBackOff;
};

} // namespace arr
