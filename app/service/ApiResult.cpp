#include "service/ApiResult.h"

#include "core/JsonCodec.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// Declares the context this file's strings are translated in, in a form lupdate reads too.
class ApiResultText
{
    Q_DECLARE_TR_FUNCTIONS(arr::ApiResult)
};

ErrorKind kindForStatus(int status)
{
    switch (status) {
    case 401:
        return ErrorKind::Authentication;
    case 403:
        return ErrorKind::Forbidden;
    case 404:
    case 410:
        return ErrorKind::NotFound;
    case 408:
        return ErrorKind::Timeout;
    case 429:
        return ErrorKind::Throttled;
    default:
        break;
    }
    if (status >= 500)
        return ErrorKind::Server;
    if (status >= 400)
        return ErrorKind::Rejected;
    // 1xx and 3xx are not answers this API gives; a redirect is not followed because it could carry
    // the bearer token elsewhere.
    return ErrorKind::BadResponse;
}

QString sentenceForStatus(int status)
{
    switch (status) {
    case 400:
        return ApiResultText::tr("The service refused the request as invalid.");
    case 401:
        return ApiResultText::tr("The service did not accept the credentials. Check the account id and key.");
    case 403:
        return ApiResultText::tr("This account may not do that.");
    case 404:
        return ApiResultText::tr("Not found: the session or account does not exist (any more).");
    case 409:
        return ApiResultText::tr("The request conflicts with the session's current state.");
    case 422:
        return ApiResultText::tr("The service could not apply the request.");
    case 429:
        return ApiResultText::tr("The service is throttling requests; try again shortly.");
    case 500:
        return ApiResultText::tr("The service had an internal error.");
    case 502:
    case 504:
        return ApiResultText::tr("A gateway in front of the service failed.");
    case 503:
        return ApiResultText::tr("The service is unavailable for now.");
    default:
        break;
    }
    if (status >= 300 && status < 400)
        return ApiResultText::tr("The service answered with a redirect, which is not followed: check the endpoint.");
    if (status >= 500)
        return ApiResultText::tr("The service failed (status %1).").arg(status);
    return ApiResultText::tr("The service answered with an unexpected status %1.").arg(status);
}

} // namespace

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return ApiResultText::tr("no error");
    case ErrorKind::Configuration:
        return ApiResultText::tr("configuration error");
    case ErrorKind::Network:
        return ApiResultText::tr("network error");
    case ErrorKind::Timeout:
        return ApiResultText::tr("timed out");
    case ErrorKind::Tls:
        return ApiResultText::tr("TLS error");
    case ErrorKind::Authentication:
        return ApiResultText::tr("authentication failed");
    case ErrorKind::Forbidden:
        return ApiResultText::tr("forbidden");
    case ErrorKind::NotFound:
        return ApiResultText::tr("not found");
    case ErrorKind::Rejected:
        return ApiResultText::tr("rejected");
    case ErrorKind::Throttled:
        return ApiResultText::tr("throttled");
    case ErrorKind::Server:
        return ApiResultText::tr("service error");
    case ErrorKind::BadResponse:
        return ApiResultText::tr("unusable answer");
    case ErrorKind::Cancelled:
        return ApiResultText::tr("cancelled");
    }
    return {};
}

QString ApiResult::summary() const
{
    if (ok())
        return ApiResultText::tr("OK");
    QString text = httpStatus > 0 ? ApiResultText::tr("HTTP %1: %2").arg(httpStatus).arg(message) : message;
    if (!serviceCode.isEmpty())
        text += u" ["_s + serviceCode + u']';
    if (!msCv.isEmpty())
        text += u" (MS-CV "_s + QString::fromLatin1(msCv) + u')';
    return text;
}

void describeFailure(ApiResult &result, QNetworkReply::NetworkError error, const QString &transportText,
    const QByteArray &body, bool timedOut)
{
    if (result.httpStatus > 0) {
        result.kind = kindForStatus(result.httpStatus);
        const ServiceErrorBody decoded = decodeErrorBody(body);
        result.serviceCode = decoded.code;
        const QString general = sentenceForStatus(result.httpStatus);
        result.message = decoded.message.isEmpty() ? general : decoded.message;
        return;
    }
    if (timedOut) {
        result.kind = ErrorKind::Timeout;
        result.message = ApiResultText::tr("The service did not answer in time.");
        return;
    }
    switch (error) {
    case QNetworkReply::SslHandshakeFailedError:
        result.kind = ErrorKind::Tls;
        result.message = ApiResultText::tr("The secure connection failed: %1").arg(transportText);
        return;
    case QNetworkReply::OperationCanceledError:
        result.kind = ErrorKind::Cancelled;
        result.message = ApiResultText::tr("The request was cancelled.");
        return;
    case QNetworkReply::ConnectionRefusedError:
        result.kind = ErrorKind::Network;
        result.message
            = ApiResultText::tr("The connection was refused: is the endpoint right and the service running?");
        return;
    case QNetworkReply::HostNotFoundError:
        result.kind = ErrorKind::Network;
        result.message = ApiResultText::tr("The host was not found: check the endpoint and the network.");
        return;
    case QNetworkReply::RemoteHostClosedError:
        result.kind = ErrorKind::Network;
        result.message = ApiResultText::tr("The connection was closed before an answer arrived.");
        return;
    default:
        break;
    }
    result.kind = ErrorKind::Network;
    result.message = ApiResultText::tr("The request failed: %1").arg(transportText);
}

} // namespace arr
