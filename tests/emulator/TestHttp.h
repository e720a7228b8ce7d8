#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <optional>
#include <utility>

// One finished HTTP exchange, as the emulator tests inspect it.
struct HttpResult
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    bool hasHeader(const QByteArray &name) const;
    QByteArray header(const QByteArray &name) const;
    // The body as a JSON object; empty when it is not one.
    QJsonObject object() const;
    // The error body's code and message ({"error":{"code","message"}}).
    QString errorCode() const;
    QString errorMessage() const;
    // Empty when the answer has what every answer of the service must have (an MS-CV; Content-Type
    // and a right Content-Length with a JSON body; no body on 204; WWW-Authenticate on 401;
    // an integer Retry-After on 429); otherwise a sentence naming the first thing wrong.
    QString wireProblem() const;
    // "401 {...body...}" for failure messages.
    QString describe() const;
};

// A small client over QNetworkAccessManager for tests: real loopback HTTP, no proxy, waiting with
// QSignalSpy rather than sleeping.
class TestHttp
{
public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    explicit TestHttp(const QUrl &base);

    // Requests from now on trust this certificate as a certificate authority, on top of the
    // system's (for the emulator's self-signed test certificate); the process default is untouched.
    void trust(const QSslCertificate &certificate);

    QUrl url(const QString &path) const;
    QNetworkReply *start(
        const QByteArray &method, const QString &path, const QByteArray &body = {}, const Headers &headers = {});
    HttpResult send(
        const QByteArray &method, const QString &path, const QByteArray &body = {}, const Headers &headers = {});
    static HttpResult finish(QNetworkReply *reply, int timeoutMs = 10'000);

    // A token for the account, empty on failure.
    QByteArray token(const QString &accountId, const QString &key);
    static Headers bearer(const QByteArray &token);

    QNetworkAccessManager &manager() { return m_manager; }

private:
    QUrl m_base;
    QNetworkAccessManager m_manager;
    std::optional<QSslConfiguration> m_tls;
};
