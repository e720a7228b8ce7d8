#include "emulator/EmulatorServer.h"

#include "core/JsonCodec.h"
#include "emulator/HttpResponse.h"
#include "emulator/RequestBody.h"
#include "emulator/SessionListWriter.h"
#include "emulator/SessionStore.h"
#include "emulator/TokenIssuer.h"

#include "emulator/HttpConnection.h"
#include "emulator/HttpListener.h"

#include <QHash>
#include <QJsonArray>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <array>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace arr::emulator {

namespace {

enum class Operation {
    None,
    Token,
    Create,
    Update,
    List,
    Properties,
    Stop,
};

constexpr std::array<std::pair<Operation, QLatin1StringView>, 6> OperationNames{{
    {Operation::Token, "token"_L1},
    {Operation::Create, "create"_L1},
    {Operation::Update, "update"_L1},
    {Operation::List, "list"_L1},
    {Operation::Properties, "properties"_L1},
    {Operation::Stop, "stop"_L1},
}};

QString operationName(Operation operation)
{
    for (const auto &[candidate, name] : OperationNames) {
        if (candidate == operation)
            return QString(name);
    }
    return {};
}

// The one version the GA routes serve.
constexpr auto GaApiVersion = "2021-01-01"_L1;

// A session as the 2021-01-01 API describes it (SessionStore::gaSession() made it so): fields that
// do not apply yet (hostname, ports, teraflops before Ready) are absent, `error` is null unless the
// session failed.
QJsonObject encodeGaProperties(const arr::Session &session)
{
    QJsonObject object{
        {u"id"_s, session.id},
        {u"status"_s, session.statusText},
        {u"size"_s, session.size},
        {u"maxLeaseTimeMinutes"_s, session.maxLease.value_or(arr::TimeSpan()).totalMinutes()},
        // Rounded down to whole minutes.
        {u"elapsedTimeMinutes"_s, session.elapsed.value_or(arr::TimeSpan()).totalMinutes()},
        {u"creationTime"_s, session.creationTime.toUTC().toString(Qt::ISODate)},
        {u"error"_s, QJsonValue(QJsonValue::Null)},
    };
    if (!session.hostname.isEmpty())
        object.insert(u"hostname"_s, session.hostname);
    if (session.handshakePort)
        object.insert(u"handshakePort"_s, *session.handshakePort);
    if (session.arrInspectorPort)
        object.insert(u"arrInspectorPort"_s, *session.arrInspectorPort);
    if (session.teraflops)
        object.insert(u"teraflops"_s, *session.teraflops);
    if (session.status == arr::SessionStatus::Error) {
        object.insert(u"error"_s, QJsonObject{{u"code"_s, u"SessionFailed"_s}, {u"message"_s, session.message}});
    }
    return object;
}

// The realm named in WWW-Authenticate.
constexpr char Realm[] = "arr-emulator";

// Where a request goes: the operation, the account and session named in the path, and when the
// path is known but the method is not, the methods it allows.
struct Route
{
    Operation operation = Operation::None;
    bool pathKnown = false;
    QByteArray allowed;
    QString accountId;
    QString sessionId;
    // The 2021-01-01 (GA) dialect: its paths have no /v1 and take ?api-version.
    bool ga = false;
};

// The path's segments, percent-decoded one by one (so that an encoded '/' stays inside its
// segment). A single trailing slash is ignored, as ASP.NET routing did; empty segments elsewhere
// make the path unknown (nullopt).
std::optional<QStringList> pathSegments(const QUrl &url)
{
    QByteArray path = url.path(QUrl::FullyEncoded).toLatin1();
    if (!path.startsWith('/'))
        return std::nullopt;
    path.remove(0, 1);
    if (path.endsWith('/'))
        path.chop(1);
    QStringList segments;
    for (const QByteArray &segment : path.split('/')) {
        if (segment.isEmpty())
            return std::nullopt;
        segments.append(QString::fromUtf8(QByteArray::fromPercentEncoding(segment)));
    }
    return segments;
}

bool same(const QString &segment, QLatin1StringView literal)
{
    return segment.compare(literal, Qt::CaseInsensitive) == 0;
}

Route route(const QByteArray &method, const QUrl &url)
{
    Route result;
    const auto found = pathSegments(url);
    if (!found)
        return result;
    const QStringList &s = *found;
    const auto expect = [&](QByteArray allowed, std::initializer_list<std::pair<const char *, Operation>> byMethod) {
        result.pathKnown = true;
        result.allowed = std::move(allowed);
        for (const auto &[name, operation] : byMethod) {
            if (method == name)
                result.operation = operation;
        }
    };

    // STS: /accounts/{account}/token
    if (s.size() == 3 && same(s[0], "accounts"_L1) && same(s[2], "token"_L1)) {
        result.accountId = s[1];
        expect("GET", {{"GET", Operation::Token}});
        return result;
    }
    // GA: /accounts/{account}/sessions[/{id}[/:stop]]
    if (s.size() >= 3 && s.size() <= 5 && same(s[0], "accounts"_L1) && same(s[2], "sessions"_L1)) {
        result.ga = true;
        result.accountId = s[1];
        if (s.size() == 3) {
            expect("GET", {{"GET", Operation::List}});
        } else if (s.size() == 4) {
            result.sessionId = s[3];
            expect("GET, PUT, PATCH",
                {{"GET", Operation::Properties}, {"PUT", Operation::Create}, {"PATCH", Operation::Update}});
        } else if (same(s[4], ":stop"_L1)) {
            result.sessionId = s[3];
            expect("POST", {{"POST", Operation::Stop}});
        }
        return result;
    }
    // v1: /v1/accounts/{account}/sessions[/create | /{id}[/properties]]
    if (s.size() < 4 || !same(s[0], "v1"_L1) || !same(s[1], "accounts"_L1) || !same(s[3], "sessions"_L1))
        return result;
    result.accountId = s[2];
    if (s.size() == 4) {
        expect("GET", {{"GET", Operation::List}});
    } else if (s.size() == 5 && same(s[4], "create"_L1)) {
        expect("POST", {{"POST", Operation::Create}});
    } else if (s.size() == 5) {
        result.sessionId = s[4];
        expect("PATCH, DELETE", {{"PATCH", Operation::Update}, {"DELETE", Operation::Stop}});
    } else if (s.size() == 6 && same(s[5], "properties"_L1)) {
        result.sessionId = s[4];
        expect("GET", {{"GET", Operation::Properties}});
    }
    return result;
}

QByteArray bearerChallenge(const QByteArray &error = {}, const QString &description = {})
{
    QByteArray challenge = QByteArray("Bearer realm=\"") + Realm + '"';
    if (!error.isEmpty()) {
        QString quoted = description;
        quoted.replace(u'"', u'\'');
        challenge += ", error=\"" + error + "\", error_description=\"" + quoted.toUtf8() + '"';
    }
    return challenge;
}

HttpResponse unauthorized(const QString &message, const QByteArray &error = "invalid_token")
{
    HttpResponse response = HttpResponse::error(ApiError{401, "Unauthorized", message});
    response.setHeader("WWW-Authenticate", bearerChallenge(error, message));
    return response;
}

// The credentials of an Authorization header with the Bearer scheme; nullopt when there is no such
// header or it has another scheme.
std::optional<QByteArray> bearerCredentials(const HttpRequest &request)
{
    const QByteArray header = request.value("Authorization").trimmed();
    constexpr qsizetype SchemeLength = 6;
    if (header.size() <= SchemeLength || header.left(SchemeLength).toLower() != "bearer"
        || (header.at(SchemeLength) != ' ' && header.at(SchemeLength) != '\t'))
        return std::nullopt;
    return header.mid(SchemeLength).trimmed();
}

// What the fault generator decided for one request.
struct FaultDraw
{
    bool drop = false;
    int errorStatus = 0;
    bool malformed = false;
    double malformedKind = 0;
    quint32 garbageSeed = 0;
    int delayMs = 0;
};

// A broken answer body: the real one cut in half, an HTML error page, or random bytes.
QByteArray malformedBody(const QByteArray &real, double kind, quint32 seed)
{
    if (kind < 1.0 / 3)
        return real.left(std::max<qsizetype>(1, real.size() / 2));
    if (kind < 2.0 / 3)
        return "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
    QRandomGenerator garbage(seed);
    QByteArray bytes(64, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(garbage.bounded(256));
    return bytes;
}

} // namespace

class EmulatorServer::Private
{
public:
    Private(EmulatorServer *q, EmulatorOptions options, const arr::Clock *clock)
        : q(q)
        , clock(clock ? clock : arr::SystemClock::instance())
        , options(std::move(options))
        , store(this->clock)
        , faultGenerator(this->options.faults.seed)
    {
        applyTimings();
    }

    void applyTimings() { store.setTimings(options.startDelayMs, options.stopDelayMs, options.retentionMs); }

    void accept(QTcpSocket *socket);
    void handle(const HttpRequest &request, HttpConnection *connection);
    void refuse(int status, const QString &message, HttpConnection *connection);
    HttpResponse answer(const Route &route, const HttpRequest &request, const FaultDraw &faults);
    HttpResponse answerToken(const Route &route, const HttpRequest &request, bool malformed);
    HttpResponse answerSessionApi(const Route &route, const HttpRequest &request);
    HttpResponse answerGa(const Route &route, const HttpRequest &request, const QString &accountId);
    HttpResponse gaList(const HttpRequest &request, const QString &accountId);
    std::optional<HttpResponse> authorize(const Route &route, const HttpRequest &request, QString *accountId);
    std::optional<HttpResponse> throttle(const QString &accountId);
    FaultDraw drawFaults();
    HttpResponse faultResponse(Operation operation, int status);
    void send(QPointer<HttpConnection> connection, Operation operation, std::optional<HttpResponse> response,
        bool close, int delayMs);

    EmulatorServer *q;
    const arr::Clock *clock;
    HttpListener *listener = nullptr;
    QString error;
    // Set by setTls(): listen() then serves https with it.
    std::optional<QSslConfiguration> tls;

    // Everything below is guarded by the mutex.
    mutable QMutex mutex;
    EmulatorOptions options;
    SessionStore store;
    TokenIssuer tokens;
    QRandomGenerator faultGenerator;
    bool tokenServiceAvailable = true;
    int totalRequests = 0;
    std::array<int, 7> requestsByOperation{};
    struct Window
    {
        qint64 second = -1;
        int count = 0;
    };
    QHash<QString, Window> rateWindows; // by case-folded account id
};

void EmulatorServer::Private::accept(QTcpSocket *socket)
{
    int idleTimeoutMs = 0;
    {
        QMutexLocker lock(&mutex);
        idleTimeoutMs = options.idleTimeoutMs;
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
        ++totalRequests;
    }
    send(QPointer<HttpConnection>(connection), Operation::None, HttpResponse::error(ApiError{status, code, message}),
        true, 0);
}

void EmulatorServer::Private::handle(const HttpRequest &request, HttpConnection *connection)
{
    const QByteArray &method = request.method;
    const Route target = route(method, request.url);
    // A body refused unread closes the connection: what follows the head is not a request.
    const bool close = !request.keepAlive() || request.bodyTooLarge();

    HttpResponse response;
    FaultDraw faults;
    {
        QMutexLocker lock(&mutex);
        ++totalRequests;
        if (target.operation != Operation::None)
            ++requestsByOperation[std::size_t(target.operation)];

        if (!target.pathKnown) {
            response = HttpResponse::error(ApiError{404, "NotFound",
                u"There is no resource at %1 %2."_s.arg(QString::fromLatin1(method), request.url.path())});
        } else if (target.operation == Operation::None) {
            response = HttpResponse::error(ApiError{405, "MethodNotAllowed",
                u"%1 is not allowed on %2; use %3."_s.arg(
                    QString::fromLatin1(method), request.url.path(), QString::fromLatin1(target.allowed))});
            response.setHeader("Allow", target.allowed);
        } else {
            faults = drawFaults();
            if (!faults.drop)
                response = answer(target, request, faults);
        }
    }
    response.headersOnly = method == "HEAD";
    send(QPointer<HttpConnection>(connection), target.operation, faults.drop ? std::nullopt : std::optional(response),
        close, faults.delayMs);
}

FaultDraw EmulatorServer::Private::drawFaults()
{
    // The same number of draws for every request, whatever the rates, so that a seed gives the same
    // sequence of decisions for the same sequence of requests.
    const FaultOptions &f = options.faults;
    std::array<double, 5> u{};
    for (double &value : u)
        value = faultGenerator.generateDouble();
    const quint32 garbageSeed = faultGenerator.generate();

    FaultDraw draw;
    draw.drop = u[0] < f.dropRate;
    if (!draw.drop && u[1] < f.errorRate) {
        const double kind = u[2];
        draw.errorStatus = kind < 1.0 / 3 ? 500 : (kind < 2.0 / 3 ? 503 : 429);
    }
    draw.malformed = !draw.drop && draw.errorStatus == 0 && u[3] < f.malformedRate;
    draw.malformedKind = u[2];
    draw.garbageSeed = garbageSeed;
    draw.delayMs = u[4] < f.latencyRate ? std::max(0, f.latencyMs) : 0;
    return draw;
}

HttpResponse EmulatorServer::Private::faultResponse(Operation operation, int status)
{
    switch (status) {
    case 500:
        return HttpResponse::error(
            ApiError{500, "InternalServerError", u"The service failed to process the request (injected fault)."_s});
    case 503:
        return HttpResponse::error(ApiError{
            503, "ServiceUnavailable", u"The service is temporarily unavailable (injected fault); try again later."_s});
    default:
        break;
    }
    HttpResponse response = HttpResponse::error(
        ApiError{429, "TooManyRequests", u"Too many requests (injected fault); retry after 1 second."_s});
    response.setHeader("Retry-After", "1");
    if (operation == Operation::Token)
        response.setHeader("WWW-Authenticate", bearerChallenge());
    return response;
}

HttpResponse EmulatorServer::Private::answer(const Route &target, const HttpRequest &request, const FaultDraw &faults)
{
    if (faults.errorStatus != 0)
        return faultResponse(target.operation, faults.errorStatus);

    const bool malformable = target.operation == Operation::Token || target.operation == Operation::List
        || target.operation == Operation::Properties;
    const bool malformed = faults.malformed && malformable;
    HttpResponse response = target.operation == Operation::Token ? answerToken(target, request, malformed)
                                                                 : answerSessionApi(target, request);
    if (malformed && response.status == 200 && !response.body.isEmpty())
        response.body = malformedBody(response.body, faults.malformedKind, faults.garbageSeed);
    return response;
}

HttpResponse EmulatorServer::Private::answerToken(const Route &target, const HttpRequest &request, bool malformed)
{
    if (!tokenServiceAvailable) {
        return HttpResponse::error(
            ApiError{503, "ServiceUnavailable", u"The token service is temporarily unavailable."_s});
    }
    const auto credentials = bearerCredentials(request);
    if (!credentials) {
        HttpResponse response = HttpResponse::error(ApiError{
            401, "Unauthorized", u"The request has no \"Authorization: Bearer {accountId}:{accountKey}\" header."_s});
        response.setHeader("WWW-Authenticate", bearerChallenge());
        return response;
    }
    // The account id may be any text, so the credentials are read against the id in the path
    // rather than split at the first colon.
    const QString text = QString::fromUtf8(*credentials);
    const QString prefix = target.accountId + u':';
    const QString accountId = store.findAccount(target.accountId);
    if (!text.startsWith(prefix, Qt::CaseInsensitive) || accountId.isEmpty()
        || !store.keyMatches(accountId, text.mid(prefix.size()))) {
        return unauthorized(u"The account id and key do not match an account: send "
                            "\"Authorization: Bearer {accountId}:{accountKey}\" for the account in the path."_s);
    }
    const QByteArray token = tokens.issue(accountId, clock->now(), options.tokenLifetimeMs);
    // A garbled answer never reached the client; its token must not work.
    if (malformed)
        tokens.forget(token);
    return HttpResponse::json(200, QJsonObject{{u"AccessToken"_s, QString::fromLatin1(token)}});
}

std::optional<HttpResponse> EmulatorServer::Private::authorize(
    const Route &target, const HttpRequest &request, QString *accountId)
{
    const auto token = bearerCredentials(request);
    if (!token || token->isEmpty()) {
        HttpResponse response = HttpResponse::error(ApiError{401, "Unauthorized",
            u"The request has no \"Authorization: Bearer {token}\" header; get a token from the token service."_s});
        response.setHeader("WWW-Authenticate", bearerChallenge());
        return response;
    }
    const TokenIssuer::Check check = tokens.check(*token, clock->now());
    switch (check.verdict) {
    case TokenIssuer::Verdict::Unknown:
        return unauthorized(u"The access token is not valid: it was not issued by this service or was revoked."_s);
    case TokenIssuer::Verdict::Expired:
        return unauthorized(u"The access token expired at %1; get a new one from the token service."_s.arg(
            check.expiry.toString(Qt::ISODate)));
    case TokenIssuer::Verdict::Valid:
        break;
    }
    *accountId = store.findAccount(target.accountId);
    if (accountId->isEmpty())
        return HttpResponse::error(ApiError{404, "NotFound", u"There is no account %1."_s.arg(target.accountId)});
    if (accountId->compare(check.accountId, Qt::CaseInsensitive) != 0) {
        return HttpResponse::error(ApiError{403, "Forbidden",
            u"The access token was issued for account %1, not for account %2."_s.arg(check.accountId, *accountId)});
    }
    return std::nullopt;
}

std::optional<HttpResponse> EmulatorServer::Private::throttle(const QString &accountId)
{
    const int limit = options.rateLimitPerSecond;
    if (limit <= 0)
        return std::nullopt;
    const qint64 now = clock->monotonicMs();
    // Fixed one-second windows of emulator time.
    const qint64 second = now >= 0 ? now / 1000 : (now - 999) / 1000;
    Window &window = rateWindows[accountId.toCaseFolded()];
    if (window.second != second) {
        window.second = second;
        window.count = 0;
    }
    if (++window.count <= limit)
        return std::nullopt;
    const qint64 untilNextMs = (second + 1) * 1000 - now;
    const qint64 retryAfter = std::max<qint64>(1, (untilNextMs + 999) / 1000);
    HttpResponse response = HttpResponse::error(ApiError{429, "TooManyRequests",
        u"Account %1 made more than %2 requests in a second; retry after %3 second(s)."_s.arg(accountId).arg(limit).arg(
            retryAfter)});
    response.setHeader("Retry-After", QByteArray::number(retryAfter));
    return response;
}

HttpResponse EmulatorServer::Private::answerSessionApi(const Route &target, const HttpRequest &request)
{
    // The version is checked first, as a gateway would: without it nothing else can be read.
    if (target.ga) {
        const QStringList versions = QUrlQuery(request.url).allQueryItemValues(u"api-version"_s, QUrl::FullyDecoded);
        if (versions.isEmpty()) {
            return HttpResponse::error(ApiError{400, "BadRequest",
                u"The request has no api-version; add ?api-version=%1 to the address."_s.arg(GaApiVersion)});
        }
        if (versions.size() > 1 || versions.first() != GaApiVersion) {
            return HttpResponse::error(ApiError{400, "BadRequest",
                u"api-version \"%1\" is not served at %2; use api-version=%3 (the v1 API is under /v1)."_s.arg(
                    versions.join(u","_s), request.url.path(), GaApiVersion)});
        }
    }
    QString accountId;
    if (auto refusal = authorize(target, request, &accountId))
        return *refusal;
    if (auto refusal = throttle(accountId))
        return *refusal;

    // The connection layer read no body declared larger than this; it is refused here, after
    // authorization, like every other bad body.
    if (request.bodyTooLarge()) {
        return HttpResponse::error(ApiError{413, "PayloadTooLarge",
            u"The request body is %1 bytes; at most %2 are accepted."_s.arg(request.contentLength)
                .arg(MaximumRequestBody)});
    }
    if (target.ga)
        return answerGa(target, request, accountId);
    const auto readBody = [&request](QString *why) { return parseRequestObject(request.body, why); };

    switch (target.operation) {
    case Operation::Create: {
        QString why;
        const auto body = readBody(&why);
        if (!body)
            return HttpResponse::error(ApiError{400, "BadRequest", why});
        QString sessionId;
        if (auto refusal = store.create(accountId, *body, &sessionId))
            return HttpResponse::error(*refusal);
        HttpResponse response = HttpResponse::json(202, QJsonObject{{u"sessionId"_s, sessionId}});
        response.setHeader(
            "Location", "accounts/" + QUrl::toPercentEncoding(accountId) + "/sessions/" + sessionId.toLatin1());
        return response;
    }
    case Operation::Update: {
        QString why;
        const auto body = readBody(&why);
        // An unknown session is 404 whatever the body says.
        arr::Session existing;
        if (auto refusal = store.properties(accountId, target.sessionId, &existing))
            return HttpResponse::error(*refusal);
        if (!body)
            return HttpResponse::error(ApiError{400, "BadRequest", why});
        if (auto refusal = store.update(accountId, target.sessionId, *body))
            return HttpResponse::error(*refusal);
        return HttpResponse::empty(200);
    }
    case Operation::List:
        // Written straight to text: thousands of sessions without a document tree in between.
        return HttpResponse::jsonText(200, encodeSessionList(store.list(accountId)));
    case Operation::Properties: {
        arr::Session session;
        if (auto refusal = store.properties(accountId, target.sessionId, &session))
            return HttpResponse::error(*refusal);
        return HttpResponse::json(200, arr::v1::encodeProperties(session));
    }
    case Operation::Stop: {
        if (auto refusal = store.stop(accountId, target.sessionId))
            return HttpResponse::error(*refusal);
        return HttpResponse::empty(204);
    }
    case Operation::Token:
    case Operation::None:
        break;
    }
    return HttpResponse::error(ApiError{500, "InternalServerError", u"The request was not routed."_s});
}

HttpResponse EmulatorServer::Private::answerGa(
    const Route &target, const HttpRequest &request, const QString &accountId)
{
    QString why;
    arr::Session session;
    switch (target.operation) {
    case Operation::Create: {
        const auto body = parseRequestObject(request.body, &why);
        if (!body)
            return HttpResponse::error(ApiError{400, "BadRequest", why});
        bool created = false;
        if (auto refusal = store.createGa(accountId, target.sessionId, *body, &created))
            return HttpResponse::error(*refusal);
        if (auto refusal = store.propertiesGa(accountId, target.sessionId, &session))
            return HttpResponse::error(*refusal);
        return HttpResponse::json(created ? 201 : 200, encodeGaProperties(session));
    }
    case Operation::Update: {
        // An unknown session (or an id that cannot be one) is refused whatever the body says.
        if (auto refusal = store.propertiesGa(accountId, target.sessionId, &session))
            return HttpResponse::error(*refusal);
        const auto body = parseRequestObject(request.body, &why);
        if (!body)
            return HttpResponse::error(ApiError{400, "BadRequest", why});
        if (auto refusal = store.updateGa(accountId, target.sessionId, *body))
            return HttpResponse::error(*refusal);
        store.propertiesGa(accountId, target.sessionId, &session);
        return HttpResponse::json(200, encodeGaProperties(session));
    }
    case Operation::Properties:
        if (auto refusal = store.propertiesGa(accountId, target.sessionId, &session))
            return HttpResponse::error(*refusal);
        return HttpResponse::json(200, encodeGaProperties(session));
    case Operation::Stop:
        if (auto refusal = store.stopGa(accountId, target.sessionId))
            return HttpResponse::error(*refusal);
        return HttpResponse::empty(204);
    case Operation::List:
        return gaList(request, accountId);
    case Operation::Token:
    case Operation::None:
        break;
    }
    return HttpResponse::error(ApiError{500, "InternalServerError", u"The request was not routed."_s});
}

HttpResponse EmulatorServer::Private::gaList(const HttpRequest &request, const QString &accountId)
{
    constexpr auto TokenName = "continuationToken"_L1;
    const QStringList tokens = QUrlQuery(request.url).allQueryItemValues(TokenName, QUrl::FullyDecoded);
    quint64 after = 0;
    if (!tokens.isEmpty()) {
        bool ok = tokens.size() == 1 && !tokens.first().isEmpty();
        for (const QChar c : tokens.first())
            ok = ok && c >= u'0' && c <= u'9';
        if (ok)
            after = tokens.first().toULongLong(&ok);
        if (!ok) {
            return HttpResponse::error(ApiError{400, "BadRequest",
                u"%1 \"%2\" is not one this service gave out; list again from the start without it."_s.arg(
                    QString(TokenName), tokens.join(u","_s))});
        }
    }
    const SessionStore::GaPage page = store.listGa(accountId, after, options.pageSize);
    QJsonArray sessions;
    for (const arr::Session &session : page.sessions)
        sessions.append(encodeGaProperties(session));
    QJsonObject object{{u"sessions"_s, sessions}};
    if (page.next != 0) {
        // Absolute, on the host the client asked for (its Host header when that is a plain
        // host[:port]), so that following it reaches this server the way the client did.
        QUrl link = q->baseUrl();
        QUrl asked;
        asked.setAuthority(QString::fromLatin1(request.value("Host")), QUrl::StrictMode);
        if (asked.isValid() && !asked.host().isEmpty() && asked.userInfo().isEmpty()) {
            link.setHost(asked.host());
            link.setPort(asked.port());
        }
        link.setPath(request.url.path(QUrl::FullyEncoded), QUrl::TolerantMode);
        QUrlQuery query;
        query.addQueryItem(u"api-version"_s, GaApiVersion);
        query.addQueryItem(TokenName, QString::number(page.next));
        link.setQuery(query);
        object.insert(u"@nextLink"_s, link.toString(QUrl::FullyEncoded));
    }
    return HttpResponse::json(200, object);
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
    d->listener->setLimits(d->options.idleTimeoutMs, d->options.maxConnections);
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
    d->store.addAccount(accountId, key);
}

QStringList EmulatorServer::accounts() const
{
    QMutexLocker lock(&d->mutex);
    return d->store.accountIds();
}

QString EmulatorServer::addSession(const QString &accountId, const SessionSeed &seed)
{
    QMutexLocker lock(&d->mutex);
    return d->store.seed(accountId, seed);
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
        d->store.seed(accountId, session);
}

QList<arr::Session> EmulatorServer::sessions(const QString &accountId) const
{
    QMutexLocker lock(&d->mutex);
    return d->store.peek(accountId);
}

int EmulatorServer::requestCount(const QString &operation) const
{
    QMutexLocker lock(&d->mutex);
    if (operation.isEmpty())
        return d->totalRequests;
    for (const auto &[candidate, name] : OperationNames) {
        if (operation.compare(name, Qt::CaseInsensitive) == 0)
            return d->requestsByOperation[std::size_t(candidate)];
    }
    return 0;
}

void EmulatorServer::resetCounters()
{
    QMutexLocker lock(&d->mutex);
    d->totalRequests = 0;
    d->requestsByOperation.fill(0);
}

void EmulatorServer::revokeTokens()
{
    QMutexLocker lock(&d->mutex);
    d->tokens.revokeAll();
}

void EmulatorServer::setTokenServiceAvailable(bool available)
{
    QMutexLocker lock(&d->mutex);
    d->tokenServiceAvailable = available;
}

void EmulatorServer::setFaults(const FaultOptions &faults)
{
    QMutexLocker lock(&d->mutex);
    d->options.faults = faults;
    d->faultGenerator.seed(faults.seed);
}

FaultOptions EmulatorServer::faults() const
{
    QMutexLocker lock(&d->mutex);
    return d->options.faults;
}

void EmulatorServer::setOptions(const EmulatorOptions &options)
{
    QMutexLocker lock(&d->mutex);
    d->options = options;
    d->faultGenerator.seed(options.faults.seed);
    d->applyTimings();
    d->listener->setLimits(options.idleTimeoutMs, options.maxConnections);
}

EmulatorOptions EmulatorServer::options() const
{
    QMutexLocker lock(&d->mutex);
    return d->options;
}

} // namespace arr::emulator
