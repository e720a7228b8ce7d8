#include "core/JsonCodec.h"

#include "core/JsonReader.h"
#include "core/SafeText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
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

QString tokenTypeName(JsonReader::Token token)
{
    switch (token) {
    case JsonReader::Token::True:
    case JsonReader::Token::False:
        return JsonCodecText::tr("a boolean");
    case JsonReader::Token::Number:
        return JsonCodecText::tr("a number");
    case JsonReader::Token::String:
        return JsonCodecText::tr("a string");
    case JsonReader::Token::Array:
        return JsonCodecText::tr("an array");
    case JsonReader::Token::Object:
        return JsonCodecText::tr("an object");
    case JsonReader::Token::Null:
    case JsonReader::Token::Invalid:
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

// Reads one properties object at the reader's position into *session. Keys match case-insensitively
// (an exact-case key wins over another casing of it); unknown members are validated and skipped. A
// member of the wrong type is an error, reported once the object is read so that it can name the
// session. Returns false with *error set; a syntax error is left in the reader.
bool readSessionObject(JsonReader &reader, Session *session, QString *error, RepeatedValues *repeated = nullptr)
{
    if (!reader.beginObject())
        return false;
    bool exact[int(Member::Count)] = {};
    bool seen[int(Member::Count)] = {};
    QString problem;
    QString scratch;
    QByteArrayView rawKey;
    bool keyEscaped = false;

    while (reader.nextMember(&rawKey, &keyEscaped)) {
        int member = -1;
        bool isExact = false;
        if (keyEscaped) {
            bool ok = false;
            const QString key = JsonReader::decodeString(rawKey, true, &ok);
            for (int i = 0; ok && i < int(Member::Count) && member < 0; ++i) {
                if (key.compare(MemberNames[i], Qt::CaseInsensitive) == 0) {
                    member = i;
                    isExact = key == MemberNames[i];
                }
            }
        } else {
            for (int i = 0; i < int(Member::Count) && member < 0; ++i) {
                if (JsonReader::keyIs(rawKey, MemberNames[i])) {
                    member = i;
                    isExact = JsonReader::keyIs(rawKey, MemberNames[i], Qt::CaseSensitive);
                }
            }
        }
        // Unknown members, and a differently cased twin of a member already read exactly, are skipped.
        if (member < 0 || (exact[member] && !isExact)) {
            if (!reader.skipValue())
                return false;
            continue;
        }
        exact[member] = isExact;
        seen[member] = true;
        const auto m = Member(member);
        const QLatin1StringView name = MemberNames[member];
        const JsonReader::Token token = reader.peek();
        if (token == JsonReader::Token::Null) {
            if (!reader.readNull())
                return false;
            continue;
        }
        const auto wrong = [&](const char *expected) {
            if (problem.isEmpty())
                problem = JsonCodecText::tr("\"%1\" should be %2 but is %3.")
                              .arg(QString(name), JsonCodecText::tr(expected), tokenTypeName(token));
            return reader.skipValue();
        };

        switch (m) {
        case Member::SessionId:
        case Member::Status:
        case Member::Size:
        case Member::Hostname:
        case Member::Message:
        case Member::Created: {
            if (token != JsonReader::Token::String) {
                if (!wrong(QT_TRANSLATE_NOOP("arr::JsonCodec", "a string")))
                    return false;
                break;
            }
            QString text;
            if (!reader.readString(&text))
                return false;
            // Whatever the service sent is shown in a terminal, the window and the log: made safe
            // here, where it enters, rather than by each printer.
            text = safeText(text);
            if (m == Member::SessionId)
                session->id = text.trimmed();
            else if (m == Member::Status)
                session->statusText = repeated ? repeated->shared(text.trimmed()) : text.trimmed();
            else if (m == Member::Size)
                session->size = repeated ? repeated->shared(text) : text;
            else if (m == Member::Hostname)
                session->hostname = text;
            else if (m == Member::Message)
                session->message = text;
            else if (!text.isEmpty()) {
                session->creationTime = QDateTime::fromString(text, Qt::ISODateWithMs);
                if (!session->creationTime.isValid() && problem.isEmpty())
                    problem = JsonCodecText::tr("\"creationTime\" is not an ISO 8601 time: %1").arg(text);
            }
            break;
        }
        case Member::Elapsed:
        case Member::MaxLease: {
            if (token != JsonReader::Token::String) {
                if (!wrong(QT_TRANSLATE_NOOP("arr::JsonCodec", "a time span string")))
                    return false;
                break;
            }
            QByteArrayView raw;
            bool escaped = false;
            if (!reader.readStringRaw(&raw, &escaped))
                return false;
            // Time spans are short ASCII: reuse one buffer rather than allocating a string for each.
            bool ok = true;
            if (escaped) {
                scratch = JsonReader::decodeString(raw, true, &ok);
            } else {
                scratch.resize(raw.size());
                QChar *out = scratch.data();
                for (qsizetype i = 0; i < raw.size(); ++i)
                    out[i] = QChar::fromLatin1(raw[i]);
            }
            QString why;
            const auto span = ok ? TimeSpan::parse(scratch, &why) : std::nullopt;
            if (!span) {
                if (problem.isEmpty())
                    problem = JsonCodecText::tr("\"%1\" is not a time span: %2").arg(QString(name), safeText(why));
                break;
            }
            (m == Member::Elapsed ? session->elapsed : session->maxLease) = span;
            break;
        }
        case Member::Teraflops:
        case Member::Handshake:
        case Member::Inspector: {
            if (token != JsonReader::Token::Number) {
                if (!wrong(QT_TRANSLATE_NOOP("arr::JsonCodec", "a number")))
                    return false;
                break;
            }
            double number = 0;
            if (!reader.readNumber(&number))
                return false;
            if (m == Member::Teraflops) {
                session->teraflops = number;
                break;
            }
            if (number != std::floor(number) || number < 0 || number > 65535) {
                if (problem.isEmpty())
                    problem = JsonCodecText::tr("\"%1\" should be a port number from 1 to 65535.").arg(QString(name));
                break;
            }
            // The GA API sends 0 for a port that is not assigned yet.
            if (number > 0)
                (m == Member::Handshake ? session->handshakePort : session->arrInspectorPort) = int(number);
            break;
        }
        case Member::Count:
            break;
        }
    }
    if (reader.failed())
        return false;

    session->status = parseSessionStatus(session->statusText);
    if (session->id.isEmpty()) {
        *error = seen[int(Member::SessionId)] && problem.startsWith(u"\"sessionId\""_s)
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

std::optional<QJsonDocument> parseDocument(const QByteArray &body, QString *error)
{
    if (body.size() > MaximumBodySize) {
        *error = oversizeProblem(body);
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

QString firstString(const QJsonObject &object, std::initializer_list<QLatin1StringView> keys)
{
    for (const QLatin1StringView key : keys) {
        const QJsonValue value = jsonField(object, key);
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
        return Decoded<QString>::failure(JsonCodecText::tr("The answer to a create is not a JSON object."));
    const QJsonValue id = jsonField(document->object(), "sessionId"_L1);
    if (!id.isString() || id.toString().trimmed().isEmpty())
        return Decoded<QString>::failure(JsonCodecText::tr("The answer to a create has no session id."));
    return Decoded<QString>::success(safeText(id.toString().trimmed()));
}

Decoded<Session> decodeProperties(const QByteArray &body)
{
    if (body.size() > MaximumBodySize)
        return Decoded<Session>::failure(oversizeProblem(body));
    if (const auto html = htmlProblem(body))
        return Decoded<Session>::failure(*html);
    JsonReader reader(body);
    if (reader.peek() != JsonReader::Token::Object) {
        if (reader.atEnd() || reader.peek() == JsonReader::Token::Invalid)
            reader.skipValue();
        return Decoded<Session>::failure(
            reader.failed() ? reader.error() : JsonCodecText::tr("The session's properties are not a JSON object."));
    }
    Session session;
    QString error;
    if (!readSessionObject(reader, &session, &error))
        return Decoded<Session>::failure(reader.failed() ? reader.error() : error);
    if (!reader.atEnd()) {
        reader.fail(JsonCodecText::tr("The answer is not valid JSON (unexpected text after the end at byte %1).")
                        .arg(reader.offset()));
        return Decoded<Session>::failure(reader.error());
    }
    return Decoded<Session>::success(std::move(session));
}

Decoded<Session> decodeProperties(const QJsonObject &object)
{
    return decodeProperties(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Decoded<QList<Session>> decodeSessionList(const QByteArray &body)
{
    using Result = Decoded<QList<Session>>;
    // Only a 204 answers "no sessions" without a body; a 200 with nothing in it (or only blanks) was
    // cut short or is broken, and taking it for an empty list would empty the table.
    if (body.trimmed().isEmpty())
        return Result::failure(JsonCodecText::tr("The answer is empty."));
    if (body.size() > MaximumBodySize)
        return Result::failure(oversizeProblem(body));
    if (const auto html = htmlProblem(body))
        return Result::failure(*html);

    JsonReader reader(body);
    QList<Session> sessions;
    QString problem;
    // Reads the array at the reader's position into `into`; false on the first unusable entry.
    const auto readArray = [&reader, &problem](QList<Session> *into) {
        if (!reader.beginArray())
            return false;
        QSet<QString> seen;
        RepeatedValues repeated;
        int entry = 0;
        while (reader.nextElement()) {
            ++entry;
            if (reader.peek() != JsonReader::Token::Object) {
                if (!reader.failed())
                    problem = JsonCodecText::tr("Entry %1 of the session list is not an object.").arg(entry);
                return false;
            }
            Session session;
            QString why;
            if (!readSessionObject(reader, &session, &why, &repeated)) {
                if (!reader.failed())
                    problem = JsonCodecText::tr("Entry %1 of the session list: %2").arg(entry).arg(why);
                return false;
            }
            if (seen.contains(session.id)) {
                problem = JsonCodecText::tr("Session %1 is listed twice.").arg(session.id);
                return false;
            }
            seen.insert(session.id);
            into->append(std::move(session));
        }
        return !reader.failed();
    };

    switch (reader.peek()) {
    case JsonReader::Token::Array:
        if (!readArray(&sessions))
            return Result::failure(reader.failed() ? reader.error() : problem);
        break;
    case JsonReader::Token::Object: {
        reader.beginObject();
        bool found = false;
        bool foundExact = false;
        QByteArrayView key;
        bool escaped = false;
        while (reader.nextMember(&key, &escaped)) {
            const bool matches = !escaped && JsonReader::keyIs(key, "sessions"_L1);
            const bool exact = matches && JsonReader::keyIs(key, "sessions"_L1, Qt::CaseSensitive);
            if (!matches || (foundExact && !exact)) {
                if (!reader.skipValue())
                    break;
                continue;
            }
            found = true;
            foundExact = exact;
            sessions.clear();
            const JsonReader::Token token = reader.peek();
            if (token == JsonReader::Token::Null) {
                reader.readNull();
            } else if (token != JsonReader::Token::Array) {
                if (!reader.failed())
                    problem = JsonCodecText::tr("\"sessions\" should be an array but is %1.").arg(tokenTypeName(token));
                break;
            } else if (!readArray(&sessions)) {
                break;
            }
        }
        if (reader.failed())
            return Result::failure(reader.error());
        if (!problem.isEmpty())
            return Result::failure(problem);
        if (!found)
            return Result::failure(JsonCodecText::tr("The session list has no \"sessions\"."));
        break;
    }
    default:
        reader.skipValue();
        return Result::failure(
            reader.failed() ? reader.error() : JsonCodecText::tr("The session list is not a JSON object."));
    }
    if (!reader.atEnd()) {
        reader.fail(JsonCodecText::tr("The answer is not valid JSON (unexpected text after the end at byte %1).")
                        .arg(reader.offset()));
        return Result::failure(reader.error());
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

namespace {

void appendJsonString(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (uchar(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(uchar(c) >> 4) & 0xf];
                out += hex[uchar(c) & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendMember(QByteArray &out, const char *name, const QString &text, bool *first)
{
    if (!*first)
        out += ',';
    *first = false;
    out += '"';
    out += name;
    out += "\":";
    if (text.isEmpty())
        out += "null";
    else
        appendJsonString(out, text);
}

} // namespace

QByteArray encodeSessionList(const QList<Session> &sessions)
{
    QByteArray out;
    out.reserve(64 + sessions.size() * 400);
    out += "{\"sessions\":[";
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        const Session &session = sessions.at(i);
        if (i > 0)
            out += ',';
        out += '{';
        bool first = true;
        const QString status = session.status == SessionStatus::Unknown ? session.statusText.toLower()
                                                                        : sessionStatusWireName(session.status);
        // Members in the order QJsonDocument writes them (sorted), so both encoders agree byte for byte.
        if (session.arrInspectorPort) {
            out += "\"arrInspectorPort\":" + QByteArray::number(*session.arrInspectorPort);
            first = false;
        }
        if (session.creationTime.isValid())
            appendMember(out, "creationTime", session.creationTime.toUTC().toString(Qt::ISODateWithMs), &first);
        if (session.handshakePort) {
            out += QByteArray(first ? "" : ",") + "\"handshakePort\":" + QByteArray::number(*session.handshakePort);
            first = false;
        }
        appendMember(out, "message", session.message, &first);
        appendMember(out, "sessionElapsedTime", session.elapsed ? session.elapsed->toString() : QString(), &first);
        appendMember(out, "sessionHostname", session.hostname, &first);
        // The id is always a string, empty or not, as encodeProperties() writes it.
        out += first ? "\"sessionId\":" : ",\"sessionId\":";
        appendJsonString(out, session.id);
        appendMember(out, "sessionMaxLeaseTime", session.maxLease ? session.maxLease->toString() : QString(), &first);
        appendMember(out, "sessionSize", session.size, &first);
        appendMember(out, "sessionStatus", status, &first);
        if (session.teraflops) {
            QJsonObject number{{u"t"_s, *session.teraflops}};
            const QByteArray text = QJsonDocument(number).toJson(QJsonDocument::Compact);
            // {"t":<number>} -> <number>, formatted exactly as QJsonDocument formats numbers.
            out += ",\"teraflops\":" + text.mid(5, text.size() - 6);
        }
        out += '}';
    }
    out += "]}";
    return out;
}

} // namespace v1

namespace {

ServiceErrorBody readErrorBody(const QByteArray &body)
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
    const QJsonValue error = jsonField(object, "error"_L1);
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

} // namespace

ServiceErrorBody decodeErrorBody(const QByteArray &body)
{
    // An error message is shown in a dialog, on stderr and in the log: short, and without anything
    // that could drive a terminal or reorder the text around it.
    constexpr qsizetype MaximumMessageLength = 300;
    ServiceErrorBody result = readErrorBody(body);
    result.code = safeText(result.code, 100);
    result.message = safeText(result.message, MaximumMessageLength);
    return result;
}

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
