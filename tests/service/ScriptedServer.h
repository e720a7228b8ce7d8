#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

// A loopback HTTP server that answers each request with the next scripted step, for what the
// emulator cannot easily do on cue: hang, drop, answer garbage, or a given sequence of statuses.
// Token requests (/accounts/{id}/token) are always answered with a valid token and are not scripted.
class ScriptedServer : public QObject
{
    Q_OBJECT

public:
    struct Step
    {
        enum Action { Respond, Hang, Close };
        Action action = Respond;
        QByteArray raw;
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
    static QByteArray makeToken(qint64 expiresAtSecs);

    void enqueue(const Step &step) { m_steps.append(step); }
    // Requests other than token requests, in arrival order.
    const QList<Received> &received() const { return m_received; }
    int tokenRequests() const { return m_tokenRequests; }
    qint64 tokenExpiry = 0;
    // When set, token requests get this body instead of a valid token.
    QByteArray tokenBodyOverride;

private:
    void onReadyRead(QTcpSocket *socket);

    QTcpServer m_server;
    QList<Step> m_steps;
    QList<Received> m_received;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_tokenRequests = 0;
};
