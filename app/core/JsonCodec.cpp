#include "core/JsonCodec.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("arr::JsonCodec", text);
}

// The service's casing changed over its life (camelCase, PascalCase); match keys case-insensitively,
// preferring an exact match.
QJsonValue field(const QJsonObject &object, QLatin1StringView key)
{
    const auto exact = object.constFind(key);
    if (exact != object.constEnd())
        return *exact;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return tr("a boolean");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::String:
        return tr("a string");
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return tr("nothing");
}

QString wrongType(QLatin1StringView key, const char *expected, const QJsonValue &value)
{
    return tr("\"%1\" should be %2 but is %3.").arg(QString(key), tr(expected), typeName(value));
}

// Reads an optional string field; false (with *error) when present with another type.
bool readString(const QJsonObject &object, QLatin1StringView key, QString *out, QString *error)
{
    const QJsonValue value = field(object, key);
    if (isAbsent(value))
        return true;
    if (!value.isString()) {
        *error = wrongType(key, "a string", value);
        return false;
    }
    *out = value.toString();
    return true;
}

bool readTimeSpan(const QJsonObject &object, QLatin1StringView key, std::optional<TimeSpan> *out, QString *error)
{
    const QJsonValue value = field(object, key);
    if (isAbsent(value))
        return true;
    if (!value.isString()) {
        *error = wrongType(key, "a time span string", value);
        return false;
    }
    QString why;
    const auto span = TimeSpan::parse(value.toString(), &why);
    if (!span) {
        *error = tr("\"%1\" is not a time span: %2").arg(QString(key), why);
        return false;
    }
    *out = span;
    return true;
}

bool readPort(const QJsonObject &object, QLatin1StringView key, std::optional<int> *out, QString *error)
{
    const QJsonValue value = field(object, key);
    if (isAbsent(value))
        return true;
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != std::floor(number) || number < 0 || number > 65535) {
        *error = tr("\"%1\" should be a port number from 1 to 65535.").arg(QString(key));
        return false;
    }
    // The GA API sends 0 for a port that is not assigned yet.
    if (number > 0)
        *out = int(number);
    return true;
}

std::optional<QJsonDocument> parseDocument(const QByteArray &body, QString *error)
{
    if (body.size() > MaximumBodySize) {
        *error = tr("The answer is %1 MiB, larger than any answer of this service can be.")
                     .arg(double(body.size()) / (1024.0 * 1024.0), 0, 'f', 1);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray start = body.trimmed().left(1);
        if (start == "<")
            *error = tr("The answer is HTML, not JSON: is the endpoint right?");
        else
            *error = tr("The answer is not valid JSON (%1 at byte %2).")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
        return std::nullopt;
    }
    return document;
}

QString firstString(const QJsonObject &object, std::initializer_list<QLatin1StringView> keys)
{
    for (const QLatin1StringView key : keys) {
        const QJsonValue value = field(object, key);
        if (value.isString() && !value.toString().trimmed().isEmpty())
            return value.toString().trimmed();
    }
    return {};
}

// A readable sentence from a body that is not JSON: plain text as it is, HTML by its title or text.
QString messageFromText(const QByteArray &body)
{
    QString text = QString::fromUtf8(body).trimmed();
    if (text.startsWith(u'<')) {
        static const QRegularExpression title(u"<title[^>]*>(.*?)</title>"_s,
            QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
        const auto match = title.match(text);
        if (match.hasMatch()) {
            text = match.captured(1);
        } else {
            static const QRegularExpression tags(u"<[^>]*>"_s);
            text.replace(tags, u" "_s);
        }
        text = text.simplified();
    }
    constexpr qsizetype MaximumLength = 300;
    if (text.size() > MaximumLength)
        text = text.left(MaximumLength) + u'\u2026';
    return text;
}

} // namespace

namespace v1 {

QByteArray encodeCreateRequest(const CreateSessionRequest &request)
{
    QJsonArray models;
    for (const QUrl &url : request.models)
        models.append(url.toString(QUrl::FullyEncoded));
    const QJsonObject body{
        {u"maxLeaseTime"_s, request.maxLease.toString()},
        {u"models"_s, models},
        {u"size"_s, request.size},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray encodeUpdateRequest(TimeSpan maxLease)
{
    return QJsonDocument(QJsonObject{{u"maxLeaseTime"_s, maxLease.toString()}}).toJson(QJsonDocument::Compact);
}

Decoded<QString> decodeCreateResponse(const QByteArray &body)
{
    QString error;
    const auto document = parseDocument(body, &error);
    if (!document)
        return Decoded<QString>::failure(error);
    if (!document->isObject())
        return Decoded<QString>::failure(tr("The answer to a create is not a JSON object."));
    const QJsonValue id = field(document->object(), "sessionId"_L1);
    if (!id.isString() || id.toString().trimmed().isEmpty())
        return Decoded<QString>::failure(tr("The answer to a create has no session id."));
    return Decoded<QString>::success(id.toString().trimmed());
}

Decoded<Session> decodeProperties(const QJsonObject &object)
{
    Session session;
    QString error;

    const QJsonValue id = field(object, "sessionId"_L1);
    if (!id.isString() || id.toString().trimmed().isEmpty())
        return Decoded<Session>::failure(
            isAbsent(id) ? tr("A session has no \"sessionId\".") : wrongType("sessionId"_L1, "a string", id));
    session.id = id.toString().trimmed();

    QString statusText;
    if (!readString(object, "sessionStatus"_L1, &statusText, &error))
        return Decoded<Session>::failure(error);
    session.statusText = statusText.trimmed();
    session.status = parseSessionStatus(session.statusText);

    if (!readString(object, "sessionSize"_L1, &session.size, &error)
        || !readString(object, "sessionHostname"_L1, &session.hostname, &error)
        || !readString(object, "message"_L1, &session.message, &error)
        || !readTimeSpan(object, "sessionElapsedTime"_L1, &session.elapsed, &error)
        || !readTimeSpan(object, "sessionMaxLeaseTime"_L1, &session.maxLease, &error)
        || !readPort(object, "handshakePort"_L1, &session.handshakePort, &error)
        || !readPort(object, "arrInspectorPort"_L1, &session.arrInspectorPort, &error))
        return Decoded<Session>::failure(tr("Session %1: %2").arg(session.id, error));

    const QJsonValue teraflops = field(object, "teraflops"_L1);
    if (!isAbsent(teraflops)) {
        if (!teraflops.isDouble())
            return Decoded<Session>::failure(
                tr("Session %1: %2").arg(session.id, wrongType("teraflops"_L1, "a number", teraflops)));
        session.teraflops = teraflops.toDouble();
    }

    QString created;
    if (!readString(object, "creationTime"_L1, &created, &error))
        return Decoded<Session>::failure(tr("Session %1: %2").arg(session.id, error));
    if (!created.isEmpty()) {
        session.creationTime = QDateTime::fromString(created, Qt::ISODateWithMs);
        if (!session.creationTime.isValid())
            return Decoded<Session>::failure(
                tr("Session %1: \"creationTime\" is not an ISO 8601 time: %2").arg(session.id, created));
    }
    return Decoded<Session>::success(std::move(session));
}

Decoded<Session> decodeProperties(const QByteArray &body)
{
    QString error;
    const auto document = parseDocument(body, &error);
    if (!document)
        return Decoded<Session>::failure(error);
    if (!document->isObject())
        return Decoded<Session>::failure(tr("The session's properties are not a JSON object."));
    return decodeProperties(document->object());
}

Decoded<QList<Session>> decodeSessionList(const QByteArray &body)
{
    using Result = Decoded<QList<Session>>;
    if (body.trimmed().isEmpty())
        return Result::success({});
    QString error;
    const auto document = parseDocument(body, &error);
    if (!document)
        return Result::failure(error);

    QJsonArray array;
    if (document->isArray()) {
        array = document->array();
    } else if (document->isObject()) {
        const QJsonValue sessions = field(document->object(), "sessions"_L1);
        if (sessions.isNull())
            return Result::success({});
        if (!sessions.isArray())
            return Result::failure(isAbsent(sessions) ? tr("The session list has no \"sessions\".")
                                                      : wrongType("sessions"_L1, "an array", sessions));
        array = sessions.toArray();
    } else {
        return Result::failure(tr("The session list is not a JSON object."));
    }

    QList<Session> sessions;
    sessions.reserve(array.size());
    QSet<QString> seen;
    seen.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue entry = array.at(i);
        if (!entry.isObject())
            return Result::failure(tr("Entry %1 of the session list is not an object.").arg(i + 1));
        auto decoded = decodeProperties(entry.toObject());
        if (!decoded.ok())
            return Result::failure(tr("Entry %1 of the session list: %2").arg(i + 1).arg(decoded.error));
        if (seen.contains(decoded.value->id))
            return Result::failure(tr("Session %1 is listed twice.").arg(decoded.value->id));
        seen.insert(decoded.value->id);
        sessions.append(std::move(*decoded.value));
    }
    return Result::success(std::move(sessions));
}

QJsonObject encodeProperties(const Session &session)
{
    const auto orNull = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    const auto spanOrNull
        = [](const std::optional<TimeSpan> &span) { return span ? QJsonValue(span->toString()) : QJsonValue(); };
    const QString status = session.status == SessionStatus::Unknown ? session.statusText.toLower()
                                                                    : sessionStatusWireName(session.status);

    QJsonObject object{
        {u"sessionId"_s, session.id},
        {u"sessionStatus"_s, orNull(status)},
        {u"sessionHostname"_s, orNull(session.hostname)},
        {u"sessionElapsedTime"_s, spanOrNull(session.elapsed)},
        {u"sessionMaxLeaseTime"_s, spanOrNull(session.maxLease)},
        {u"sessionSize"_s, orNull(session.size)},
        {u"message"_s, orNull(session.message)},
    };
    if (session.teraflops)
        object.insert(u"teraflops"_s, *session.teraflops);
    if (session.handshakePort)
        object.insert(u"handshakePort"_s, *session.handshakePort);
    if (session.arrInspectorPort)
        object.insert(u"arrInspectorPort"_s, *session.arrInspectorPort);
    if (session.creationTime.isValid())
        object.insert(u"creationTime"_s, session.creationTime.toUTC().toString(Qt::ISODateWithMs));
    return object;
}

} // namespace v1

ServiceErrorBody decodeErrorBody(const QByteArray &body)
{
    ServiceErrorBody result;
    if (body.trimmed().isEmpty() || body.size() > MaximumBodySize)
        return result;

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.message = messageFromText(body);
        return result;
    }
    if (!document.isObject())
        return result;

    const QJsonObject object = document.object();
    const QJsonValue error = field(object, "error"_L1);
    if (error.isString()) {
        result.message = error.toString().trimmed();
    } else if (error.isObject()) {
        const QJsonObject inner = error.toObject();
        result.code = firstString(inner, {"code"_L1});
        result.message = firstString(inner, {"message"_L1, "details"_L1});
    }
    if (result.code.isEmpty())
        result.code = firstString(object, {"code"_L1, "errorCode"_L1});
    if (result.message.isEmpty()) {
        // ASP.NET problem details: the detail says more than the title when both are there.
        const QString detail = firstString(object, {"detail"_L1});
        const QString title = firstString(object, {"title"_L1});
        result.message = firstString(object, {"message"_L1, "error_description"_L1, "errorMessage"_L1});
        if (result.message.isEmpty())
            result.message = detail.isEmpty() ? title : (title.isEmpty() ? detail : title + u": " + detail);
    }
    return result;
}

Decoded<QByteArray> decodeTokenResponse(const QByteArray &body)
{
    QString error;
    const auto document = parseDocument(body, &error);
    if (!document)
        return Decoded<QByteArray>::failure(error);
    if (!document->isObject())
        return Decoded<QByteArray>::failure(tr("The token service's answer is not a JSON object."));
    const QJsonValue token = field(document->object(), "AccessToken"_L1);
    if (!token.isString() || token.toString().trimmed().isEmpty())
        return Decoded<QByteArray>::failure(tr("The token service's answer has no \"AccessToken\"."));
    return Decoded<QByteArray>::success(token.toString().trimmed().toUtf8());
}

} // namespace arr
