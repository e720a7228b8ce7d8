#include "emulator/EmulatorServer.h"

#include "emulator/EmulatedService.h"
#include "emulator/HttpConnection.h"
#include "emulator/HttpListener.h"
#include "emulator/HttpResponse.h"

#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace arr::emulator {

// What an EmulatorServer holds: its listener and connections on the HTTP side, and the service
// they are answered from, behind a mutex because the server's functions may be called from other
// threads.
class EmulatorServer::Private
{
public:
    Private(EmulatorServer *q, EmulatorOptions options, const arr::Clock *clock)
        : q(q)
        , clock(clock ? clock : arr::SystemClock::instance())
        , service(this->clock, std::move(options))
    {
    }

    // Serves a connection the listener accepted.
    void accept(QTcpSocket *socket);
    void handle(const HttpRequest &request, HttpConnection *connection);
    // Answers a request whose head could not be read.
    void refuse(int status, const QString &message, HttpConnection *connection);
    // Sends the answer (nullopt: drops the connection) after `delayMs`, then reports it.
    void send(QPointer<HttpConnection> connection, Operation operation, std::optional<HttpResponse> response,
        bool close, int delayMs);

    EmulatorServer *q;
    const arr::Clock *clock;
    HttpListener *listener = nullptr;
    QString error;
    // Set by setTls(): listen() then serves https with it.
    std::optional<QSslConfiguration> tls;

    mutable QMutex mutex;
    EmulatedService service; // guarded by the mutex
};

void EmulatorServer::Private::accept(QTcpSocket *socket)
{
    int idleTimeoutMs = 0;
    {
        QMutexLocker lock(&mutex);
        idleTimeoutMs = service.options().idleTimeoutMs;
    }
    auto *connection = new HttpConnection(socket, idleTimeoutMs, listener);
    QObject::connect(connection, &HttpConnection::requestReady, connection,
        [this, connection](const HttpRequest &request) { handle(request, connection); });
    QObject::connect(connection, &HttpConnection::requestRefused, connection,
        [this, connection](int status, const QString &message) { refuse(status, message, connection); });
}

void EmulatorServer::Private::refuse(int status, const QString &message, HttpConnection *connection)
{
    static constexpr std::array<std::pair<int, const char *>, 4> Codes{{
        {400, "BadRequest"},
        {431, "RequestHeaderFieldsTooLarge"},
        {501, "NotImplemented"},
        {505, "HttpVersionNotSupported"},
    }};
    const char *code = "BadRequest";
    for (const auto &[candidate, name] : Codes) {
        if (candidate == status)
            code = name;
    }
    {
        QMutexLocker lock(&mutex);
        service.countUnreadableRequest();
    }
    send(QPointer<HttpConnection>(connection), Operation::None, HttpResponse::error(ApiError{status, code, message}),
        true, 0);
}

void EmulatorServer::Private::handle(const HttpRequest &request, HttpConnection *connection)
{
    // A body refused unread closes the connection: what follows the head is not a request.
    const bool close = !request.keepAlive() || request.bodyTooLarge();
    EmulatedService::Outcome outcome;
    {
        QMutexLocker lock(&mutex);
        outcome = service.serve(request);
    }
    if (outcome.response)
        outcome.response->headersOnly = request.method == "HEAD";
    send(QPointer<HttpConnection>(connection), outcome.operation, std::move(outcome.response), close, outcome.delayMs);
}

void EmulatorServer::Private::send(QPointer<HttpConnection> connection, Operation operation,
    std::optional<HttpResponse> response, bool close, int delayMs)
{
    auto deliver = [this, connection, operation, response = std::move(response), close]() {
        int status = 0;
        if (connection) {
            if (response) {
                status = response->status;
                connection->respond(response->serialize(newCorrelationVector(), clock->now(), close), close);
            } else {
                connection->drop();
            }
        }
        Q_EMIT q->requestHandled(operationName(operation), status);
    };
    if (delayMs <= 0)
        deliver();
    else
        QTimer::singleShot(delayMs, q, std::move(deliver));
}

EmulatorServer::EmulatorServer(EmulatorOptions options, const arr::Clock *clock, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(options), clock))
{
    d->listener = new HttpListener(this);
    d->listener->setLimits(d->service.options().idleTimeoutMs, d->service.options().maxConnections);
    connect(d->listener, &HttpListener::connectionReady, this, [this](QTcpSocket *socket) { d->accept(socket); });
    connect(d->listener, &HttpListener::handshakeFailed, this, &EmulatorServer::tlsHandshakeFailed);
}

EmulatorServer::~EmulatorServer()
{
    // The connections go first, while the state they are served from still exists.
    delete d->listener;
    d->listener = nullptr;
}

bool EmulatorServer::setTls(const QSslCertificate &certificate, const QSslKey &privateKey)
{
    if (d->listener->isListening()) {
        d->error = u"TLS must be set up before the emulator listens."_s;
        return false;
    }
    if (!QSslSocket::supportsSsl()) {
        d->error = u"This Qt has no TLS backend (%1), so the emulator cannot serve https."_s.arg(
            QSslSocket::activeBackend().isEmpty() ? u"none loaded"_s : QSslSocket::activeBackend());
        return false;
    }
    if (certificate.isNull()) {
        d->error = u"The TLS certificate is empty or could not be read."_s;
        return false;
    }
    if (privateKey.isNull() || privateKey.type() != QSsl::PrivateKey) {
        d->error = u"The TLS key is not a private key."_s;
        return false;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(privateKey);
    // A server of this contract never asks the client for a certificate.
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(QSsl::SecureProtocols);
    d->tls = configuration;
    d->error.clear();
    return true;
}

bool EmulatorServer::isTls() const
{
    return d->tls.has_value();
}

bool EmulatorServer::listen(const QHostAddress &address, quint16 port)
{
    if (d->listener->isListening()) {
        d->error = u"The emulator is already listening."_s;
        return false;
    }
    if (d->tls)
        d->listener->setTls(*d->tls);
    if (!d->listener->listen(address, port)) {
        d->error
            = u"Cannot listen on %1 port %2: %3"_s.arg(address.toString()).arg(port).arg(d->listener->errorString());
        return false;
    }
    d->error.clear();
    QMutexLocker lock(&d->mutex);
    d->service.setBaseUrl(baseUrl());
    return true;
}

QString EmulatorServer::errorString() const
{
    return d->error;
}

quint16 EmulatorServer::port() const
{
    return d->listener->isListening() ? d->listener->serverPort() : 0;
}

QUrl EmulatorServer::baseUrl() const
{
    if (!d->listener->isListening())
        return {};
    QHostAddress host = d->listener->serverAddress();
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress(QHostAddress::LocalHost);
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress(QHostAddress::LocalHostIPv6);
    QUrl url;
    url.setScheme(d->tls ? u"https"_s : u"http"_s);
    url.setHost(host.toString());
    url.setPort(d->listener->serverPort());
    return url;
}

void EmulatorServer::addAccount(const QString &accountId, const QString &key)
{
    if (accountId.trimmed().isEmpty())
        return;
    QMutexLocker lock(&d->mutex);
    d->service.store().addAccount(accountId, key);
}

QStringList EmulatorServer::accounts() const
{
    QMutexLocker lock(&d->mutex);
    return d->service.store().accountIds();
}

QString EmulatorServer::addSession(const QString &accountId, const SessionSeed &seed)
{
    QMutexLocker lock(&d->mutex);
    return d->service.store().seed(accountId, seed);
}

void EmulatorServer::addReadySessions(const QString &accountId, int count)
{
    SessionSeed seed;
    seed.status = arr::SessionStatus::Ready;
    for (int i = 0; i < count; ++i) {
        seed.maxLease = arr::TimeSpan::fromMinutes(60 + i % (23 * 60));
        seed.age = arr::TimeSpan::fromMinutes(i % 60);
        addSession(accountId, seed);
    }
}

void EmulatorServer::addDemoSessions(const QString &accountId)
{
    using arr::SessionStatus;
    using arr::TimeSpan;
    const auto seed = [](const char *size, TimeSpan lease, TimeSpan age, SessionStatus status, QString message = {}) {
        return SessionSeed{QString::fromLatin1(size), lease, age, status, std::move(message)};
    };
    const QList<SessionSeed> demo{
        seed("standard", TimeSpan::fromHours(1), TimeSpan::fromSeconds(5), SessionStatus::Starting),
        seed("premium", TimeSpan::fromHours(4), TimeSpan::fromMinutes(42), SessionStatus::Ready),
        seed("standard", TimeSpan::fromHours(1), TimeSpan::fromMinutes(57), SessionStatus::Ready),
        seed("standard", TimeSpan::fromHours(2), TimeSpan::fromMinutes(75), SessionStatus::Stopping),
        seed("premium", TimeSpan::fromHours(3), TimeSpan::fromMinutes(130), SessionStatus::Stopped),
        seed("standard", TimeSpan::fromMinutes(30), TimeSpan::fromMinutes(30), SessionStatus::Expired),
        seed("premium", TimeSpan::fromHours(4), TimeSpan::fromMinutes(2), SessionStatus::Error,
            u"The session could not be started: no virtual machine of size premium was available in the region."_s),
    };
    QMutexLocker lock(&d->mutex);
    for (const SessionSeed &session : demo)
        d->service.store().seed(accountId, session);
}

QList<arr::Session> EmulatorServer::sessions(const QString &accountId) const
{
    QMutexLocker lock(&d->mutex);
    return d->service.store().peek(accountId);
}

int EmulatorServer::requestCount(const QString &operation) const
{
    QMutexLocker lock(&d->mutex);
    return d->service.requestCount(operation);
}

void EmulatorServer::resetCounters()
{
    QMutexLocker lock(&d->mutex);
    d->service.resetCounters();
}

void EmulatorServer::revokeTokens()
{
    QMutexLocker lock(&d->mutex);
    d->service.tokens().revokeAll();
}

void EmulatorServer::setTokenServiceAvailable(bool available)
{
    QMutexLocker lock(&d->mutex);
    d->service.setTokenServiceAvailable(available);
}

void EmulatorServer::setFaults(const FaultOptions &faults)
{
    QMutexLocker lock(&d->mutex);
    d->service.setFaults(faults);
}

FaultOptions EmulatorServer::faults() const
{
    QMutexLocker lock(&d->mutex);
    return d->service.options().faults;
}

void EmulatorServer::setOptions(const EmulatorOptions &options)
{
    QMutexLocker lock(&d->mutex);
    d->service.setOptions(options);
    d->listener->setLimits(options.idleTimeoutMs, options.maxConnections);
}

EmulatorOptions EmulatorServer::options() const
{
    QMutexLocker lock(&d->mutex);
    return d->service.options();
}

} // namespace arr::emulator
