#include "core/GaCodec.h"

#include "core/SafeText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace arr::ga {

namespace {

class GaCodecText
{
    Q_DECLARE_TR_FUNCTIONS(arr::GaCodec)
};

bool absent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

// A JSON number that is a whole number in [minimum, maximum].
std::optional<qint64> wholeNumber(const QJsonValue &value, qint64 minimum, qint64 maximum)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || number != std::floor(number) || number < double(minimum) || number > double(maximum))
        return std::nullopt;
    return qint64(number);
}

std::optional<QJsonDocument> parse(const QByteArray &body, QString *error)
{
    if (body.size() > MaximumBodySize) {
        *error = GaCodecText::tr("The answer is larger than any answer of this service can be.");
        return std::nullopt;
    }
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = body.trimmed().startsWith('<')
            ? GaCodecText::tr("The answer is HTML, not JSON: is the endpoint right?")
            : GaCodecText::tr("The answer is not valid JSON (%1 at byte %2).")
                  .arg(parseError.errorString())
                  .arg(parseError.offset);
        return std::nullopt;
    }
    return document;
}

// Longer than any lease the service allows, by far: a larger number is garbage, not a lease.
constexpr qint64 MaximumMinutes = 1'000'000;

} // namespace

qint64 leaseMinutes(TimeSpan lease)
{
    const qint64 whole = lease.totalMinutes();
    return TimeSpan::fromMinutes(whole) < lease ? whole + 1 : whole;
}

QByteArray encodeCreateRequest(const CreateSessionRequest &request)
{
    QJsonObject object;
    object.insert("maxLeaseTimeMinutes"_L1, double(leaseMinutes(request.maxLease)));
    object.insert("size"_L1, request.size.trimmed());
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray encodeUpdateRequest(TimeSpan maxLease)
{
    QJsonObject object;
    object.insert("maxLeaseTimeMinutes"_L1, double(leaseMinutes(maxLease)));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

namespace {

// A text field, made safe to show (in terminals, the window and the log); absent leaves `out` as it
// is. False when the field is not a string.
bool readText(const QJsonObject &object, QLatin1StringView key, QString *out)
{
    const QJsonValue value = jsonField(object, key);
    if (absent(value))
        return true;
    if (!value.isString())
        return false;
    *out = safeText(value.toString().trimmed());
    return true;
}

QString wrongType(QLatin1StringView key)
{
    return GaCodecText::tr("\"%1\" has the wrong type.").arg(QString(key));
}

// The lease and elapsed minutes, the ports and the teraflops; empty, or what is wrong with them.
QString readFigures(const QJsonObject &object, Session &session)
{
    for (const auto key : {"maxLeaseTimeMinutes"_L1, "elapsedTimeMinutes"_L1}) {
        const QJsonValue value = jsonField(object, key);
        if (absent(value))
            continue;
        const auto minutes = wholeNumber(value, 0, MaximumMinutes);
        if (!minutes)
            return GaCodecText::tr("\"%1\" should be a whole number of minutes.").arg(key);
        (key == "maxLeaseTimeMinutes"_L1 ? session.maxLease : session.elapsed) = TimeSpan::fromMinutes(*minutes);
    }
    session.elapsedInWholeMinutes = true;

    for (const auto key : {"handshakePort"_L1, "arrInspectorPort"_L1}) {
        const QJsonValue value = jsonField(object, key);
        if (absent(value))
            continue;
        const auto port = wholeNumber(value, 0, 65535);
        if (!port)
            return GaCodecText::tr("\"%1\" should be a port number from 1 to 65535.").arg(key);
        // 0 is what the service sends before a port is assigned.
        if (*port > 0)
            (key == "handshakePort"_L1 ? session.handshakePort : session.arrInspectorPort) = int(*port);
    }

    const QJsonValue teraflops = jsonField(object, "teraflops"_L1);
    if (!absent(teraflops)) {
        if (!teraflops.isDouble() || !std::isfinite(teraflops.toDouble()) || teraflops.toDouble() < 0)
            return GaCodecText::tr("\"teraflops\" should be a number.");
        if (teraflops.toDouble() > 0)
            session.teraflops = teraflops.toDouble();
    }
    return {};
}

// The creation time and the error (an object with a code and a message, or a text); empty, or what
// is wrong with them.
QString readCreationAndError(const QJsonObject &object, Session &session)
{
    QString creation;
    if (!readText(object, "creationTime"_L1, &creation))
        return wrongType("creationTime"_L1);
    if (!creation.isEmpty()) {
        session.creationTime = QDateTime::fromString(creation, Qt::ISODateWithMs);
        if (!session.creationTime.isValid())
            return GaCodecText::tr("\"creationTime\" is not an ISO 8601 time: %1").arg(creation);
        session.creationTime = session.creationTime.toUTC();
    }

    const QJsonValue error = jsonField(object, "error"_L1);
    if (error.isObject()) {
        const QJsonObject details = error.toObject();
        const QJsonValue code = jsonField(details, "code"_L1);
        const QJsonValue message = jsonField(details, "message"_L1);
        if (code.isString())
            session.errorCode = safeText(code.toString().trimmed(), 200);
        if (message.isString())
            session.message = safeText(message.toString().trimmed());
    } else if (error.isString()) {
        session.message = safeText(error.toString().trimmed());
    } else if (!absent(error)) {
        return wrongType("error"_L1);
    }
    return {};
}

} // namespace

Decoded<Session> decodeProperties(const QJsonObject &object)
{
    Session session;
    if (!readText(object, "id"_L1, &session.id))
        return Decoded<Session>::failure(wrongType("id"_L1));
    if (session.id.isEmpty())
        return Decoded<Session>::failure(GaCodecText::tr("A session has no \"id\"."));
    if (!readText(object, "status"_L1, &session.statusText))
        return Decoded<Session>::failure(wrongType("status"_L1));
    session.status = parseSessionStatus(session.statusText);
    if (!readText(object, "size"_L1, &session.size))
        return Decoded<Session>::failure(wrongType("size"_L1));
    // The sizes both versions know are spelt as v1 spells them ("Standard" is "standard"), so that the
    // table, the prices, the history and arrsm's output say one thing for one size.
    for (const auto known : {"standard"_L1, "premium"_L1}) {
        if (session.size.compare(known, Qt::CaseInsensitive) == 0)
            session.size = known;
    }
    if (!readText(object, "hostname"_L1, &session.hostname))
        return Decoded<Session>::failure(wrongType("hostname"_L1));
    QString problem = readFigures(object, session);
    if (problem.isEmpty())
        problem = readCreationAndError(object, session);
    if (!problem.isEmpty())
        return Decoded<Session>::failure(problem);
    return Decoded<Session>::success(std::move(session));
}

Decoded<Session> decodeProperties(const QByteArray &body)
{
    QString error;
    const auto document = parse(body, &error);
    if (!document)
        return Decoded<Session>::failure(error);
    if (!document->isObject())
        return Decoded<Session>::failure(GaCodecText::tr("The answer is not a session object."));
    return decodeProperties(document->object());
}

Decoded<SessionPage> decodeSessionPage(const QByteArray &body)
{
    QString error;
    const auto document = parse(body, &error);
    if (!document)
        return Decoded<SessionPage>::failure(error);
    if (!document->isObject())
        return Decoded<SessionPage>::failure(GaCodecText::tr("The answer is not a session list."));
    const QJsonObject object = document->object();
    SessionPage page;
    const QJsonValue sessions = jsonField(object, "sessions"_L1);
    if (!sessions.isArray() && !absent(sessions))
        return Decoded<SessionPage>::failure(GaCodecText::tr("\"sessions\" is not a list."));
    const QJsonArray array = sessions.toArray();
    page.sessions.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue item = array.at(i);
        if (!item.isObject())
            return Decoded<SessionPage>::failure(
                GaCodecText::tr("Session %1 of the list is not an object.").arg(i + 1));
        Decoded<Session> session = decodeProperties(item.toObject());
        if (!session.ok())
            return Decoded<SessionPage>::failure(
                GaCodecText::tr("Session %1 of the list: %2").arg(i + 1).arg(session.error));
        page.sessions.append(std::move(*session.value));
    }
    const QJsonValue next = jsonField(object, "@nextLink"_L1);
    if (next.isString())
        page.nextLink = next.toString().trimmed();
    else if (!absent(next))
        return Decoded<SessionPage>::failure(GaCodecText::tr("\"@nextLink\" is not an address."));
    return Decoded<SessionPage>::success(std::move(page));
}

} // namespace arr::ga
