#include "service/RetryPolicy.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>

namespace arr {

bool RetryPolicy::isSafeToRepeat(const QByteArray &method)
{
    // PATCH here only ever sets an absolute lease, so repeating it has the same effect as sending it once.
    return method == "GET" || method == "HEAD" || method == "PATCH" || method == "DELETE" || method == "PUT";
}

bool RetryPolicy::isTransient(QNetworkReply::NetworkError error, int httpStatus)
{
    if (httpStatus == 429 || httpStatus == 408 || (httpStatus >= 500 && httpStatus <= 599))
        return true;
    if (httpStatus > 0)
        return false;
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // a transfer timeout
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProtocolFailure:
    // The connection closed before any answer and Qt would have sent the body again itself; it may
    // not (HttpCall's bodies are read once), so that a repeat is this policy's, counted and logged.
    case QNetworkReply::ContentReSendError:
        return true;
    default:
        return false;
    }
}

std::chrono::milliseconds RetryPolicy::backoff(int attempt) const
{
    const int exponent = std::clamp(attempt - 1, 0, 20);
    const auto delay = baseDelay * (qint64(1) << exponent);
    return std::min<std::chrono::milliseconds>(delay, maxDelay);
}

std::optional<std::chrono::milliseconds> RetryPolicy::delayBeforeRetry(const QByteArray &method, int attempt,
    QNetworkReply::NetworkError error, int httpStatus, std::optional<std::chrono::seconds> retryAfter) const
{
    if (attempt >= maxAttempts || !isSafeToRepeat(method) || !isTransient(error, httpStatus))
        return std::nullopt;
    if (retryAfter) {
        const auto asked = std::chrono::duration_cast<std::chrono::milliseconds>(*retryAfter);
        if (asked > maxRetryAfter)
            return std::nullopt;
        return std::max(asked, backoff(attempt));
    }
    const auto base = backoff(attempt);
    const double spread = std::clamp(jitter, 0.0, 1.0) * double(base.count());
    const double offset = (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0) * spread;
    return std::chrono::milliseconds(std::max<qint64>(0, qint64(double(base.count()) + offset)));
}

QDateTime parseHttpDate(const QByteArray &value)
{
    QByteArray text = value.trimmed();
    // Qt reads RFC 2822 zones as offsets only; HTTP dates always name GMT.
    if (text.endsWith(" GMT") || text.endsWith(" UTC"))
        text = text.chopped(4) + " +0000";
    return QDateTime::fromString(QString::fromLatin1(text), Qt::RFC2822Date).toUTC();
}

std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional(std::chrono::seconds(seconds));
    const QDateTime at = parseHttpDate(trimmed);
    if (!at.isValid())
        return std::nullopt;
    return std::chrono::seconds(std::max<qint64>(0, now.secsTo(at)));
}

} // namespace arr
