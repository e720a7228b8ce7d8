#include "service/HttpCall.h"

#include "core/Clock.h"
#include "core/JsonCodec.h"
#include "core/SafeText.h"
#include "service/Logging.h"
#include "service/RequestLog.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSslError>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// A request body that can be read once only. Qt re-sends a request on its own when a kept-alive
// connection closes before any answer, whatever the method; for a v1 create that would start a second
// paid machine. A body that cannot be rewound makes Qt fail the request instead of re-sending it, so
// every request with a body (a PUT or PATCH too) is repeated only by the retry policy: counted
// against its bound and written to the request log, never sent again unseen.
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(const QByteArray &data, QObject *parent)
        : QIODevice(parent)
        , m_data(data)
    {
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_offset + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = std::min(maxSize, qint64(m_data.size()) - m_offset);
        std::copy_n(m_data.constData() + m_offset, count, data);
        m_offset += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_offset = 0;
};

// How much of an answer Qt may read ahead of this call taking it: without a bound, Qt's network thread
// reads an endless answer as fast as the connection gives it, far beyond the limit, before the check
// of what was taken can stop it.
constexpr qint64 ReadAheadBytes = 1024 * 1024;

// A header a server chose, as it may be shown: printable ASCII only, and short.
QByteArray printableHeader(const QByteArray &value)
{
    constexpr qsizetype MaximumLength = 200;
    QByteArray out = value.left(MaximumLength);
    for (char &c : out) {
        if (uchar(c) < 0x21 || uchar(c) > 0x7e)
            c = '?';
    }
    return out;
}

} // namespace

void describeFailure(ApiResult &result, const HttpOutcome &outcome)
{
    describeFailure(result, outcome.networkError, outcome.transportText, outcome.body, outcome.timedOut);
    if (outcome.bodyTooLarge) {
        result.kind = ErrorKind::BadResponse;
        result.message = outcome.transportText;
    } else if (outcome.truncated) {
        result.kind = outcome.timedOut ? ErrorKind::Timeout : ErrorKind::Network;
        result.message = outcome.transportText;
    }
}

HttpCall::HttpCall(QNetworkAccessManager *network, const RequestFactory &factory, const RetryPolicy &policy,
    RequestLog *log, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_factory(factory)
    , m_policy(policy)
    , m_log(log)
    , m_clock(clock ? clock : SystemClock::instance())
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &HttpCall::sendAttempt);
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, [this] {
        if (!m_reply)
            return;
        m_deadlinePassed = true;
        m_reply->abort();
    });
}

HttpCall::~HttpCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpCall::start(const HttpRequestSpec &spec)
{
    m_spec = spec;
    sendAttempt();
}

void HttpCall::abort()
{
    if (m_finished)
        return;
    m_aborting = true;
    m_retryTimer.stop();
    m_deadlineTimer.stop();
    if (m_reply) {
        m_reply->abort();
    } else {
        m_outcome.cancelled = true;
        finish();
    }
}

void HttpCall::sendAttempt()
{
    ++m_outcome.attempts;
    m_tlsErrors.clear();
    QNetworkRequest request = m_factory.build(m_spec.url, m_spec.bearer, m_spec.hasJsonBody);
    if (m_spec.method == "GET") {
        m_reply = m_network->get(request);
    } else if (m_spec.method == "DELETE") {
        m_reply = m_network->deleteResource(request);
    } else {
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_spec.body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *body = new OneShotBody(m_spec.body, nullptr);
        m_reply = m_network->sendCustomRequest(request, m_spec.method, body);
        body->setParent(m_reply);
    }
    m_attemptTimer.start();
    m_deadlinePassed = false;
    m_deadlineTimer.start(m_factory.transferTimeout);

    QNetworkReply *reply = m_reply;
    reply->setReadBufferSize(ReadAheadBytes);
    m_body.clear();
    connect(reply, &QNetworkReply::finished, this, &HttpCall::onReplyFinished);
    // Take the answer as it arrives, so that it is held once rather than in the reply's buffer and
    // again in a copy at the end (a list of thousands of sessions is megabytes).
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        if (m_outcome.bodyTooLarge)
            return;
        if (m_body.isEmpty()) {
            // Room for the announced length at once (within the limit), so that the body is not
            // copied as it grows.
            bool known = false;
            const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
            if (known && announced > 0 && announced <= MaximumBodySize)
                m_body.reserve(qsizetype(announced));
        }
        // Read straight into the body rather than through a temporary copy of each piece.
        const qint64 available = reply->bytesAvailable();
        if (available <= 0)
            return;
        if (m_body.size() + available > MaximumBodySize) {
            m_outcome.bodyTooLarge = true;
            m_body = QByteArray();
            reply->abort();
            return;
        }
        const qsizetype had = m_body.size();
        m_body.resize(had + qsizetype(available));
        const qint64 read = reply->read(m_body.data() + had, available);
        m_body.truncate(had + qsizetype(std::max<qint64>(read, 0)));
    });
    // Refuse oversized answers while they arrive rather than after buffering them.
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64 total) {
        if ((received > MaximumBodySize || total > MaximumBodySize) && !m_outcome.bodyTooLarge) {
            m_outcome.bodyTooLarge = true;
            reply->abort();
        }
    });
#ifndef QT_NO_SSL
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts.append(error.errorString());
        m_tlsErrors = texts.join(u"; "_s);
    });
#endif
}

void HttpCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();

    m_deadlineTimer.stop();
    const bool wasAborting = m_aborting;
    const bool deadlinePassed = std::exchange(m_deadlinePassed, false);
    QNetworkReply::NetworkError error = reply->error();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const bool tooLarge = m_outcome.bodyTooLarge;

    m_outcome.httpStatus = status.isValid() ? status.toInt() : 0;
    // The network stack's text can quote the server (its reason phrase).
    m_outcome.transportText = safeText(m_tlsErrors.isEmpty() ? reply->errorString() : m_tlsErrors, 300);
    m_outcome.cancelled = wasAborting;
    // Qt reports a transfer timeout as a cancelled operation; only an abort of ours is a cancel, and
    // the deadline of the whole answer passing is a timeout.
    m_outcome.timedOut
        = (error == QNetworkReply::OperationCanceledError && !wasAborting && !tooLarge) || deadlinePassed;
    if (!tooLarge && reply->isOpen() && m_body.size() + reply->bytesAvailable() <= MaximumBodySize)
        m_body += reply->readAll();
    m_outcome.receivedBytes = m_body.size();
    checkComplete(reply, &error, wasAborting || tooLarge);
    m_outcome.networkError = error;
    m_outcome.body = tooLarge || m_outcome.truncated ? QByteArray() : std::exchange(m_body, {});
    m_body = QByteArray();
    m_outcome.msCv = printableHeader(reply->rawHeader("MS-CV"));
    m_outcome.serverDate = parseHttpDate(reply->rawHeader("Date"));
    m_outcome.retryAfter = parseRetryAfter(reply->rawHeader("Retry-After"), m_clock->now());
    if (tooLarge) {
        m_outcome.httpStatus = 0;
        m_outcome.transportText = tr("The answer was larger than %1 MiB.").arg(MaximumBodySize / (1024 * 1024));
    }

    const bool failed = !m_outcome.isHttpSuccess();
    logAttempt(wasAborting, tooLarge);
    if (failed && !wasAborting && !tooLarge) {
        const QNetworkReply::NetworkError retryError = m_outcome.timedOut ? QNetworkReply::TimeoutError : error;
        const auto delay = m_policy.delayBeforeRetry(
            m_spec.method, m_outcome.attempts, retryError, m_outcome.httpStatus, m_outcome.retryAfter);
        if (delay) {
            qCInfo(lcHttp) << m_spec.method << m_spec.url.path() << "attempt" << m_outcome.attempts
                           << "failed; retry in" << delay->count() << "ms";
            m_retryTimer.start(*delay);
            return;
        }
    }
    finish();
}

void HttpCall::checkComplete(QNetworkReply *reply, QNetworkReply::NetworkError *error, bool cutShortByUs)
{
    // A success status with less than the whole body is not an answer: counted here rather than left
    // to Qt, which reports a body shorter than its Content-Length as complete when the server closes.
    bool lengthKnown = false;
    const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&lengthKnown);
    const QByteArray encoding = reply->rawHeader("Content-Encoding").trimmed().toLower();
    const bool sizeComparable = lengthKnown && (encoding.isEmpty() || encoding == "identity");
    const bool successStatus = m_outcome.httpStatus >= 200 && m_outcome.httpStatus < 300;
    m_outcome.truncated = successStatus && !cutShortByUs
        && (*error != QNetworkReply::NoError || (sizeComparable && m_outcome.receivedBytes < announced));
    if (!m_outcome.truncated)
        return;
    const qint64 got = m_outcome.receivedBytes;
    if (m_outcome.timedOut) {
        m_outcome.transportText = sizeComparable
            ? tr("The answer was cut off after %1 of %2 bytes: the rest did not arrive in time.")
                  .arg(got)
                  .arg(announced)
            : tr("The answer was cut off after %1 bytes: the rest did not arrive in time.").arg(got);
    } else {
        m_outcome.transportText = sizeComparable
            ? tr("The answer was cut off after %1 of %2 bytes: the connection ended before the rest arrived.")
                  .arg(got)
                  .arg(announced)
            : tr("The answer was cut off after %1 bytes: the connection ended before the rest arrived.").arg(got);
    }
    m_outcome.httpStatus = 0;
    if (*error == QNetworkReply::NoError)
        *error = QNetworkReply::RemoteHostClosedError;
}

void HttpCall::logAttempt(bool aborted, bool tooLarge)
{
    RequestLogEntry entry;
    entry.time = m_clock->now();
    entry.account = m_spec.account;
    entry.accountIdentity = m_spec.accountIdentity;
    entry.method = m_spec.method;
    entry.path
        = m_spec.url.path(QUrl::FullyEncoded) + (m_spec.url.hasQuery() ? u"?"_s + m_spec.url.query() : QString());
    entry.httpStatus = m_outcome.httpStatus;
    entry.durationMs = m_attemptTimer.elapsed();
    entry.msCv = m_outcome.msCv;
    entry.attempt = m_outcome.attempts;
    entry.origin = m_spec.origin;
    if (!m_outcome.isHttpSuccess()) {
        if (aborted)
            entry.error = u"cancelled"_s;
        else if (m_outcome.truncated || tooLarge)
            entry.error = m_outcome.transportText;
        else if (m_outcome.timedOut)
            entry.error = u"timed out"_s;
        else if (m_outcome.httpStatus > 0)
            entry.error = u"HTTP "_s + QString::number(m_outcome.httpStatus);
        else
            entry.error = m_outcome.transportText;
    }
    qCDebug(lcHttp).noquote() << entry.toLine();
    if (m_log)
        m_log->record(entry);
}

void HttpCall::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(m_outcome);
}

} // namespace arr
