#pragma once

#include "emulator/HttpRequest.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace arr::emulator {

// One client connection of the emulator: reads one request at a time with every limit applied
// before anything is buffered (a head over MaximumRequestHead, a body declared over
// MaximumRequestBody is never read), hands it on with requestReady(), and reads the next only once
// the answer is written. A connection that sends no request within the idle timeout is closed, so
// is a request that does not arrive whole within the idle timeout from its first byte.
//
// Owns its socket (plain or already encrypted) and deletes itself once the socket is gone.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    HttpConnection(QTcpSocket *socket, int idleTimeoutMs, QObject *parent = nullptr);
    ~HttpConnection() override;

    // Writes the answer to the request last handed on; then reads the next request, or closes the
    // connection when `close` is set or the request's body was refused unread.
    void respond(const QByteArray &answer, bool close);
    // Closes the connection with no answer.
    void drop();

Q_SIGNALS:
    // A whole request (head and body, or only the head when its body is too large to read).
    // respond() or drop() must follow, now or later.
    void requestReady(const arr::emulator::HttpRequest &request);
    // The head could not be read (status 400, 431, 501 or 505, and why). respond() must follow;
    // the connection closes after the answer whatever `close` says.
    void requestRefused(int status, const QString &message);

private:
    enum class State {
        ReadingHead,
        ReadingBody,
        Answering, // the request was handed on; nothing more is read until respond()
        Draining, // the answer is out and the connection closes; what the client still sends is discarded
        Closed,
    };

    void readAvailable();
    void startReading();
    void startDraining();
    void close();
    void finish();

    QTcpSocket *m_socket;
    int m_idleTimeoutMs;
    State m_state = State::ReadingHead;
    QByteArray m_buffer;
    HttpRequest m_request;
    // The answer closes the connection (Connection: close, a refused head, an unread body).
    bool m_closeAfterAnswer = false;
    // Bytes of a refused body the client may still send, discarded while draining.
    qint64 m_unreadBody = 0;
    bool m_finished = false;
    // The idle timeout while reading; the drain time while draining; after close(), how long the
    // answer may take to leave before the connection is cut.
    QTimer m_idle;
};

} // namespace arr::emulator
