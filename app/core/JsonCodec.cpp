#include "core/JsonCodec.h"

#include "core/SafeText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// Declares the context this file's strings are translated in, in a form lupdate reads too.
class JsonCodecText
{
    Q_DECLARE_TR_FUNCTIONS(arr::JsonCodec)
};

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return JsonCodecText::tr("a boolean");
    case QJsonValue::Double:
        return JsonCodecText::tr("a number");
    case QJsonValue::String:
        return JsonCodecText::tr("a string");
    case QJsonValue::Array:
        return JsonCodecText::tr("an array");
    case QJsonValue::Object:
        return JsonCodecText::tr("an object");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return JsonCodecText::tr("nothing");
}

// The members of a v1 properties object this client reads.
enum class Member {
    SessionId,
    Status,
    Size,
    Hostname,
    Message,
    Elapsed,
    MaxLease,
    Teraflops,
    Handshake,
    Inspector,
    Created,
    Count
};

constexpr QLatin1StringView MemberNames[int(Member::Count)] = {"sessionId"_L1, "sessionStatus"_L1, "sessionSize"_L1,
    "sessionHostname"_L1, "message"_L1, "sessionElapsedTime"_L1, "sessionMaxLeaseTime"_L1, "teraflops"_L1,
    "handshakePort"_L1, "arrInspectorPort"_L1, "creationTime"_L1};

// The values that most sessions of one list share (status, size): kept once per list instead of
// once per session, since the table holds every session for as long as it is listed.
class RepeatedValues
{
public:
    QString shared(const QString &value)
    {
        for (const QString &known : std::as_const(m_values)) {
            if (known == value)
                return known;
        }
        if (m_values.size() < MaximumKept)
            m_values.append(value);
        return value;
    }

private:
    static constexpr qsizetype MaximumKept = 16;
    QList<QString> m_values;
};

// Reads one member of a properties object into *session; the first problem found goes to *problem.
void readMember(Member member, const QJsonValue &value, Session *session, QString *problem, RepeatedValues *repeated)
{
    const QLatin1StringView name = MemberNames[int(member)];
    const auto complain = [problem](const QString &why) {
        if (problem->isEmpty())
            *problem = why;
    };
    const auto wrongType = [&](const char *expected) {
        complain(JsonCodecText::tr("\"%1\" should be %2 but is %3.")
                     .arg(QString(name), JsonCodecText::tr(expected), typeName(value)));
    };
    switch (member) {
    case Member::SessionId:
    case Member::Status:
    case Member::Size:
    case Member::Hostname:
    case Member::Message:
    case Member::Created: {
        if (!value.isString())
            return wrongType(QT_TRANSLATE_NOOP("arr::JsonCodec", "a string"));
        // Whatever the service sent is shown in a terminal, the window and the log: made safe here,
        // where it enters, rather than by each printer.
        const QString text = safeText(value.toString());
        if (member == Member::SessionId)
            session->id = text.trimmed();
        else if (member == Member::Status)
            session->statusText = repeated ? repeated->shared(text.trimmed()) : text.trimmed();
        else if (member == Member::Size)
            session->size = repeated ? repeated->shared(text) : text;
        else if (member == Member::Hostname)
            session->hostname = text;
        else if (member == Member::Message)
            session->message = text;
        else if (!text.isEmpty()) {
            session->creationTime = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (!session->creationTime.isValid())
                complain(JsonCodecText::tr("\"creationTime\" is not an ISO 8601 time: %1").arg(text));
        }
        return;
    }
    case Member::Elapsed:
    case Member::MaxLease: {
        if (!value.isString())
            return wrongType(QT_TRANSLATE_NOOP("arr::JsonCodec", "a time span string"));
        QString why;
        const auto span = TimeSpan::parse(value.toString(), &why);
        if (!span)
            return complain(JsonCodecText::tr("\"%1\" is not a time span: %2").arg(QString(name), safeText(why)));
        (member == Member::Elapsed ? session->elapsed : session->maxLease) = span;
        return;
    }
    case Member::Teraflops:
    case Member::Handshake:
    case Member::Inspector: {
        if (!value.isDouble())
            return wrongType(QT_TRANSLATE_NOOP("arr::JsonCodec", "a number"));
        const double number = value.toDouble();
        if (member == Member::Teraflops) {
            session->teraflops = number;
            return;
        }
        if (number != std::floor(number) || number < 0 || number > 65535)
            return complain(JsonCodecText::tr("\"%1\" should be a port number from 1 to 65535.").arg(QString(name)));
        // The GA API sends 0 for a port that is not assigned yet.
        if (number > 0)
            (member == Member::Handshake ? session->handshakePort : session->arrInspectorPort) = int(number);
        return;
    }
    case Member::Count:
        return;
    }
}

// Reads one properties object. Keys match case-insensitively (an exact-case key wins over another
// casing of it); null is as good as absent; unknown members are ignored. A member of the wrong type
// is an error that names the session when it has an id.
bool readSessionObject(const QJsonObject &object, Session *session, QString *error, RepeatedValues *repeated = nullptr)
{
    QString problem;
    bool idSeen = false;
    for (int member = 0; member < int(Member::Count); ++member) {
        const QJsonValue value = jsonField(object, MemberNames[member]);
        if (value.isUndefined())
            continue;
        idSeen = idSeen || member == int(Member::SessionId);
        if (!value.isNull())
            readMember(Member(member), value, session, &problem, repeated);
    }
    session->status = parseSessionStatus(session->statusText);
    if (session->id.isEmpty()) {
        *error = idSeen && problem.startsWith(u"\"sessionId\""_s)
            ? problem
            : JsonCodecText::tr("A session has no \"sessionId\".");
        return false;
    }
    if (!problem.isEmpty()) {
        *error = JsonCodecText::tr("Session %1: %2").arg(session->id, problem);
        return false;
    }
    return true;
}

// The one sentence for a body that is not JSON at all, when it looks like a web page.
std::optional<QString> htmlProblem(const QByteArray &body)
{
    if (body.trimmed().startsWith('<'))
        return JsonCodecText::tr("The answer is HTML, not JSON: is the endpoint right?");
    return std::nullopt;
}

QString oversizeProblem(const QByteArray &body)
{
    return JsonCodecText::tr("The answer is %1 MiB, larger than any answer of this service can be.")
        .arg(double(body.size()) / (1024.0 * 1024.0), 0, 'f', 1);
}

// Where a raw control character stands inside a string (RFC 8259 wants them escaped), or outside
// one where only blanks may be. Qt's parser lets them through inside strings; they are refused, as
// a service never sends them and a terminal or the log would show them escaped and longer.
std::optional<qsizetype> rawControlCharacter(const QByteArray &body)
{
    bool inString = false;
    bool escaping = false;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const uchar c = uchar(body.at(i));
        if (escaping)
            escaping = false;
        else if (inString && c == '\\')
            escaping = true;
        else if (c == '"')
            inString = !inString;
        else if (c < 0x20 && (inString || (c != '\t' && c != '\n' && c != '\r')))
            return i;
    }
    return std::nullopt;
}

std::optional<QJsonDocument> parseDocument(const QByteArray &body, QString *error)
{
    if (body.size() > MaximumBodySize) {
        *error = oversizeProblem(body);
        return std::nullopt;
    }
    if (const auto at = rawControlCharacter(body)) {
        *error = htmlProblem(body).value_or(JsonCodecText::tr("The answer is not valid JSON (%1 at byte %2).")
                                                .arg(JsonCodecText::tr("a control character"))
                                                .arg(*at));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = htmlProblem(body).value_or(JsonCodecText::tr("The answer is not valid JSON (%1 at byte %2).")
                                                .arg(parseError.errorString())
                                                .arg(parseError.offset));
        return std::nullopt;
    }
    return document;
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
        return Decoded<QString>::failure(JsonCodecText::tr("The answer to a create is not a JSON object."));
    const QJsonValue id = jsonField(document->object(), "sessionId"_L1);
    if (!id.isString() || id.toString().trimmed().isEmpty())
        return Decoded<QString>::failure(JsonCodecText::tr("The answer to a create has no session id."));
    return Decoded<QString>::success(safeText(id.toString().trimmed()));
}

Decoded<Session> decodeProperties(const QByteArray &body)
{
    QString error;
    const auto document = parseDocument(body, &error);
    if (!document)
        return Decoded<Session>::failure(error);
    if (!document->isObject())
        return Decoded<Session>::failure(JsonCodecText::tr("The session's properties are not a JSON object."));
    return decodeProperties(document->object());
}

Decoded<Session> decodeProperties(const QJsonObject &object)
{
    Session session;
    QString error;
    if (!readSessionObject(object, &session, &error))
        return Decoded<Session>::failure(error);
    return Decoded<Session>::success(std::move(session));
}

namespace {

// The entries of a session list; false with *problem on the first unusable entry.
bool readSessionArray(const QJsonArray &array, QList<Session> *into, QString *problem)
{
    QSet<QString> seen;
    RepeatedValues repeated;
    into->reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue entry = array.at(i);
        if (!entry.isObject()) {
            *problem = JsonCodecText::tr("Entry %1 of the session list is not an object.").arg(i + 1);
            return false;
        }
        Session session;
        QString why;
        if (!readSessionObject(entry.toObject(), &session, &why, &repeated)) {
            *problem = JsonCodecText::tr("Entry %1 of the session list: %2").arg(i + 1).arg(why);
            return false;
        }
        if (seen.contains(session.id)) {
            *problem = JsonCodecText::tr("Session %1 is listed twice.").arg(session.id);
            return false;
        }
        seen.insert(session.id);
        into->append(std::move(session));
    }
    return true;
}

} // namespace

Decoded<QList<Session>> decodeSessionList(const QByteArray &body)
{
    using Result = Decoded<QList<Session>>;
    // Only a 204 answers "no sessions" without a body; a 200 with nothing in it (or only blanks) was
    // cut short or is broken, and taking it for an empty list would empty the table.
    if (body.trimmed().isEmpty())
        return Result::failure(JsonCodecText::tr("The answer is empty."));
    QString problem;
    const auto document = parseDocument(body, &problem);
    if (!document)
        return Result::failure(problem);

    QList<Session> sessions;
    if (document->isArray()) {
        if (!readSessionArray(document->array(), &sessions, &problem))
            return Result::failure(problem);
        return Result::success(std::move(sessions));
    }
    if (!document->isObject())
        return Result::failure(JsonCodecText::tr("The session list is not a JSON object."));
    const QJsonValue list = jsonField(document->object(), "sessions"_L1);
    if (list.isUndefined())
        return Result::failure(JsonCodecText::tr("The session list has no \"sessions\"."));
    if (list.isNull())
        return Result::success(std::move(sessions));
    if (!list.isArray())
        return Result::failure(JsonCodecText::tr("\"sessions\" should be an array but is %1.").arg(typeName(list)));
    if (!readSessionArray(list.toArray(), &sessions, &problem))
        return Result::failure(problem);
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

Decoded<QByteArray> decodeTokenResponse(const QByteArray &body)
{
    QString error;
    const auto document = parseDocument(body, &error);
    if (!document)
        return Decoded<QByteArray>::failure(error);
    if (!document->isObject())
        return Decoded<QByteArray>::failure(JsonCodecText::tr("The token service's answer is not a JSON object."));
    const QJsonValue token = jsonField(document->object(), "AccessToken"_L1);
    if (!token.isString() || token.toString().trimmed().isEmpty())
        return Decoded<QByteArray>::failure(JsonCodecText::tr("The token service's answer has no \"AccessToken\"."));
    return Decoded<QByteArray>::success(token.toString().trimmed().toUtf8());
}

QJsonValue jsonField(const QJsonObject &object, QLatin1StringView key)
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

} // namespace arr
