#include "common/ListRequestCounter.h"

#include <QNetworkReply>
#include <QRegularExpression>

QNetworkReply *ListRequestCounter::createRequest(Operation op, const QNetworkRequest &request, QIODevice *data)
{
    QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, data);
    // GET .../accounts/{id}/sessions, with nothing after "sessions".
    static const QRegularExpression listPath(
        QStringLiteral("/accounts/([^/]+)/sessions/?$"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = listPath.match(request.url().path());
    if (op != GetOperation || !match.hasMatch())
        return reply;
    const QString account = match.captured(1).toLower();
    ++m_sent;
    const int inFlight = ++m_inFlight[account];
    m_maxInFlight = std::max(m_maxInFlight, inFlight);
    connect(reply, &QNetworkReply::finished, this, [this, account] { --m_inFlight[account]; });
    return reply;
}
