#pragma once

#include "service/ApiResult.h"
#include "service/RequestFactory.h"
#include "service/RetryPolicy.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <optional>
#include <utility>

class QNetworkAccessManager;

namespace arr {

class Clock;
class RequestLog;

// What to send.
struct HttpRequestSpec
{
    QByteArray method;
    QUrl url;
    QByteArray bearer;
    QByteArray body;
    bool hasJsonBody = false;
    // Who the request is for, as the request log shows it.
    QString account;
    // Which account that is (Account::identity()), for the request log.
    QString accountIdentity;
    // Who asked for it when not the user, for the request log.
    QString origin;
};

// What came back from the last attempt.
struct HttpOutcome
{
    int httpStatus = 0;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString transportText;
    bool timedOut = false;
    bool cancelled = false;
    bool bodyTooLarge = false;
    // A success status arrived but not the whole body: fewer bytes than its Content-Length, a chunked
    // body without its last chunk, a connection closed or stalled mid-body. The bytes are never data.
    bool truncated = false;
    // Body bytes that arrived in the last attempt.
    qint64 receivedBytes = 0;
    QByteArray body;
    QByteArray msCv;
    QDateTime serverDate;
    std::optional<std::chrono::seconds> retryAfter;
    int attempts = 0;

    bool isHttpSuccess() const
    {
        return httpStatus >= 200 && httpStatus < 300 && !bodyTooLarge && !truncated
            && networkError == QNetworkReply::NoError;
    }
};

// The one sentence and kind for a failed outcome, whatever failed: the transport, the status, an answer
// that was too large or cut off. Fills `result`'s kind and message (and the service's code).
void describeFailure(ApiResult &result, const HttpOutcome &outcome);

// Sends one request, repeating it under the retry policy when it is safe and the failure transient,
// logs every attempt, and emits finished() exactly once. Each attempt has the factory's transfer
// timeout as its deadline for the whole answer (a server that trickles a byte at a time cannot hold
// it longer), and an answer larger than MaximumBodySize is aborted as soon as it passes the limit.
class HttpCall : public QObject
{
    Q_OBJECT

public:
    HttpCall(QNetworkAccessManager *network, const RequestFactory &factory, const RetryPolicy &policy, RequestLog *log,
        const Clock *clock, QObject *parent = nullptr);
    ~HttpCall() override;

    // Moves the answer's body out of the outcome finished() handed on, once a receiver has what it
    // needs from the rest: a large body need not outlive its decoding.
    QByteArray takeBody() { return std::exchange(m_outcome.body, {}); }

    void start(const HttpRequestSpec &spec);
    // Stops any request in flight or waiting for a retry; finished() follows with `cancelled` set.
    void abort();

Q_SIGNALS:
    void finished(const arr::HttpOutcome &outcome);

private:
    void sendAttempt();
    void onReplyFinished();
    // Marks a success status whose body did not arrive whole as truncated (a network error then);
    // `cutShortByUs`: an abort of ours or a body too large, which says so itself.
    void checkComplete(QNetworkReply *reply, QNetworkReply::NetworkError *error, bool cutShortByUs);
    // The attempt's line in the request log.
    void logAttempt(bool aborted, bool tooLarge);
    void finish();

    QNetworkAccessManager *m_network;
    RequestFactory m_factory;
    RetryPolicy m_policy;
    QPointer<RequestLog> m_log;
    const Clock *m_clock;
    HttpRequestSpec m_spec;
    HttpOutcome m_outcome;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    QTimer m_deadlineTimer;
    QElapsedTimer m_attemptTimer;
    QString m_tlsErrors;
    QByteArray m_body;
    bool m_aborting = false;
    bool m_deadlinePassed = false;
    bool m_finished = false;
};

} // namespace arr

Q_DECLARE_METATYPE(arr::HttpOutcome)
