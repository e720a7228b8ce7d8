#include "TestHttp.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

bool HttpResult::hasHeader(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject HttpResult::object() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpResult::errorCode() const
{
    return object().value("error"_L1).toObject().value("code"_L1).toString();
}

QString HttpResult::errorMessage() const
{
    return object().value("error"_L1).toObject().value("message"_L1).toString();
}

QString HttpResult::wireProblem() const
{
    if (!finished)
        return u"no answer"_s;
    static const QRegularExpression correlationVector(u"^[A-Za-z0-9+/]{22}\\.0$"_s);
    const QString msCv = QString::fromLatin1(header("MS-CV"));
    if (!correlationVector.match(msCv).hasMatch())
        return u"MS-CV \"%1\" is missing or malformed"_s.arg(msCv);
    if (status == 204) {
        if (!body.isEmpty() || hasHeader("Content-Type"))
            return u"a 204 has a body or a Content-Type"_s;
    } else {
        if (header("Content-Length") != QByteArray::number(body.size()))
            return u"Content-Length \"%1\" but %2 bytes of body"_s.arg(QString::fromLatin1(header("Content-Length")))
                .arg(body.size());
        if (!body.isEmpty() && header("Content-Type") != "application/json; charset=utf-8")
            return u"Content-Type \"%1\""_s.arg(QString::fromLatin1(header("Content-Type")));
        if (body.isEmpty() && hasHeader("Content-Type"))
            return u"an empty body has a Content-Type"_s;
    }
    // RFC 7231 IMF-fixdate, the only form a server may send; the weekday must be the date's own.
    static const QRegularExpression imfFixdate(
        u"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
        "\\d{2}:\\d{2}:\\d{2} GMT$"_s);
    const QString date = QString::fromLatin1(header("Date"));
    const QDateTime parsed
        = QDateTime::fromString(date.chopped(std::min<qsizetype>(4, date.size())) + u" +0000"_s, Qt::RFC2822Date);
    if (!imfFixdate.match(date).hasMatch() || !parsed.isValid()
        || QLocale::c().toString(parsed, u"ddd"_s) != date.left(3))
        return u"Date \"%1\" is missing or not an RFC 7231 date"_s.arg(date);
    if (status == 401 && !header("WWW-Authenticate").startsWith("Bearer"))
        return u"a 401 without a Bearer WWW-Authenticate"_s;
    if (status == 429) {
        bool ok = false;
        const int seconds = header("Retry-After").toInt(&ok);
        if (!ok || seconds < 1)
            return u"a 429 with Retry-After \"%1\""_s.arg(QString::fromLatin1(header("Retry-After")));
    }
    if (status >= 400 && (errorCode().isEmpty() || errorMessage().isEmpty()))
        return u"an error without {\"error\":{\"code\",\"message\"}}: %1"_s.arg(QString::fromUtf8(body));
    return {};
}

QString HttpResult::describe() const
{
    if (!finished)
        return u"(no answer)"_s;
    if (status == 0)
        return u"network error %1: %2"_s.arg(int(error)).arg(errorString);
    return u"%1 %2"_s.arg(status).arg(QString::fromUtf8(body.left(500)));
}

TestHttp::TestHttp(const QUrl &base)
    : m_base(base)
{
    m_manager.setProxy(QNetworkProxy::NoProxy);
}

void TestHttp::trust(const QSslCertificate &certificate)
{
    QSslConfiguration configuration = m_tls.value_or(QSslConfiguration::defaultConfiguration());
    configuration.addCaCertificate(certificate);
    m_tls = configuration;
    // A cached connection to the host keeps the TLS configuration it was made with.
    m_manager.clearConnectionCache();
}

QUrl TestHttp::url(const QString &path) const
{
    return QUrl(m_base.toString() + path);
}

QNetworkReply *TestHttp::start(
    const QByteArray &method, const QString &path, const QByteArray &body, const Headers &headers)
{
    QNetworkRequest request(url(path));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (m_tls)
        request.setSslConfiguration(*m_tls);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return m_manager.sendCustomRequest(request, method, body);
}

HttpResult TestHttp::send(const QByteArray &method, const QString &path, const QByteArray &body, const Headers &headers)
{
    return finish(start(method, path, body, headers));
}

HttpResult TestHttp::finish(QNetworkReply *reply, int timeoutMs)
{
    HttpResult result;
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(timeoutMs)) {
            reply->abort();
            reply->deleteLater();
            return result;
        }
    }
    result.finished = true;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.errorString = reply->errorString();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

QByteArray TestHttp::token(const QString &accountId, const QString &key)
{
    const HttpResult result = send("GET", u"/accounts/%1/token"_s.arg(accountId), {},
        {{"Authorization", "Bearer " + accountId.toUtf8() + ':' + key.toUtf8()}});
    if (result.status != 200)
        return {};
    return result.object().value("AccessToken"_L1).toString().toLatin1();
}

TestHttp::Headers TestHttp::bearer(const QByteArray &token)
{
    return {{"Authorization", "Bearer " + token}};
}
