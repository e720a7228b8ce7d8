#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <optional>

// A loopback HTTP server that answers each request with the next scripted step, for what the
// emulator cannot easily do on cue: hang, drop, answer garbage, or a given sequence of statuses, and
// what a hostile server does: raw bytes that break HTTP's framing, a body cut short, an answer that
// never ends or trickles in. Token requests (/accounts/{id}/token) are answered with a valid token
// unless tokenStep is set.
class ScriptedServer : public QObject
{
    Q_OBJECT

public:
    struct Step
    {
        enum Action { Respond, Hang, Close, Stream };
        Step(Action what = Respond, const QByteArray &bytes = {})
            : action(what)
            , raw(bytes)
        {
        }
        Action action = Respond;
        QByteArray raw;
        // Respond: close the connection once `raw` is written, after `closeDelayMs`.
        bool closeAfter = false;
        int closeDelayMs = 0;
        // Stream: written after `raw` again and again, every `intervalMs` (0: as fast as the client
        // reads), until the client goes or `streamLimit` bytes were sent.
        QByteArray piece;
        int intervalMs = 0;
        qint64 streamLimit = 512LL * 1024 * 1024;
    };
    struct Received
    {
        QByteArray method;
        QByteArray path;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray &name) const;
    };

    explicit ScriptedServer(QObject *parent = nullptr);
    QUrl baseUrl() const;

    static Step respond(
        int status, const QByteArray &body = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    static Step hang() { return {Step::Hang, {}}; }
    static Step close() { return {Step::Close, {}}; }
    // `raw` as it is, status line and headers included; the connection stays open unless `close`,
    // and then closes `closeDelayMs` after the bytes were written.
    static Step rawAnswer(const QByteArray &raw, bool close, int closeDelayMs = 0);
    // `head` (status line, headers, maybe a first part of the body), then `piece` without end.
    static Step stream(const QByteArray &head, const QByteArray &piece, int intervalMs);
    static QByteArray makeToken(qint64 expiresAtSecs);

    void enqueue(const Step &step) { m_steps.append(step); }
    // The answer once the queue is empty (instead of a 500), for clients that retry.
    std::optional<Step> fallback;
    // When set, how token requests are answered.
    std::optional<Step> tokenStep;
    // Requests other than token requests, in arrival order.
    const QList<Received> &received() const { return m_received; }
    int tokenRequests() const { return m_tokenRequests; }
    qint64 tokenExpiry = 0;
    // When set, token requests get this body instead of a valid token.
    QByteArray tokenBodyOverride;

private:
    void onReadyRead(QTcpSocket *socket);
    void play(QTcpSocket *socket, const Step &step);
    void startStream(QTcpSocket *socket, const Step &step);

    QTcpServer m_server;
    QList<Step> m_steps;
    QList<Received> m_received;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_tokenRequests = 0;
};

Q_DECLARE_METATYPE(ScriptedServer::Step)
