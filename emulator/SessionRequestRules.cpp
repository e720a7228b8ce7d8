#include "emulator/SessionRequestRules.h"

#include "core/RequestValidator.h"
#include "core/Session.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace arr::emulator::rules {

namespace {

ApiError badRequest(const QString &message)
{
    return ApiError{400, "BadRequest", message};
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"missing"_s;
}

// The member `name` of a request body, matched ignoring case as the service's JSON reader did.
// Undefined when absent; an error when two spellings of it are present, since it is then unclear
// which one is meant.
QJsonValue member(const QJsonObject &body, QLatin1StringView name, std::optional<ApiError> *error)
{
    QJsonValue found(QJsonValue::Undefined);
    QString foundName;
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (!foundName.isNull()) {
            *error = badRequest(u"The request body gives %1 twice (\"%2\" and \"%3\"); give it once."_s.arg(
                QString(name), foundName, it.key()));
            return QJsonValue(QJsonValue::Undefined);
        }
        found = it.value();
        foundName = it.key();
    }
    return found;
}

} // namespace

// maxLeaseTime: a .NET timespan string, longer than zero and at most a day.
std::optional<arr::TimeSpan> readLease(const QJsonObject &body, std::optional<ApiError> *error)
{
    const QJsonValue value = member(body, "maxLeaseTime"_L1, error);
    if (*error)
        return std::nullopt;
    if (value.isUndefined() || value.isNull()) {
        *error = badRequest(u"The request body has no maxLeaseTime; give the lease as a timespan such as \"4:0:0\"."_s);
        return std::nullopt;
    }
    if (!value.isString()) {
        *error = badRequest(
            u"maxLeaseTime must be a timespan string such as \"4:0:0\", but it is %1."_s.arg(typeName(value)));
        return std::nullopt;
    }
    QString why;
    const auto lease = arr::TimeSpan::parse(value.toString(), &why);
    if (!lease) {
        *error = badRequest(u"maxLeaseTime \"%1\" is not a timespan: %2"_s.arg(value.toString(), why));
        return std::nullopt;
    }
    // The client's verdict, in the service's words.
    switch (arr::RequestValidator::checkLease(*lease).check) {
    case arr::RequestCheck::Ok:
        return lease;
    case arr::RequestCheck::LeaseNotPositive:
        *error = badRequest(u"maxLeaseTime must be longer than zero, but it is %1."_s.arg(lease->toString()));
        return std::nullopt;
    default:
        *error = badRequest(u"maxLeaseTime %1 is longer than the largest lease, %2."_s.arg(
            lease->toString(), arr::MaximumLease.toString()));
        return std::nullopt;
    }
}

// size: one of the known sizes, in any case; answered in lower case.
std::optional<QString> readSize(const QJsonObject &body, std::optional<ApiError> *error)
{
    const QJsonValue value = member(body, "size"_L1, error);
    if (*error)
        return std::nullopt;
    const QStringList sizes = arr::knownSessionSizes();
    const QString choices = sizes.join(u", "_s);
    if (value.isUndefined() || value.isNull()) {
        *error = badRequest(u"The request body has no size; give one of %1."_s.arg(choices));
        return std::nullopt;
    }
    if (!value.isString()) {
        *error = badRequest(u"size must be a string, one of %1, but it is %2."_s.arg(choices, typeName(value)));
        return std::nullopt;
    }
    // A well-formed size the service does not offer is refused too: the service knows its catalogue.
    if (arr::RequestValidator::checkSize(value.toString()).ok()) {
        if (const auto known = arr::RequestValidator::knownSize(value.toString()))
            return known;
    }
    *error = badRequest(u"size \"%1\" is not one of %2."_s.arg(value.toString(), choices));
    return std::nullopt;
}

// models: optional (null or absent is none); else an array of absolute URLs.
bool checkModels(const QJsonObject &body, std::optional<ApiError> *error)
{
    const QJsonValue value = member(body, "models"_L1, error);
    if (*error)
        return false;
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray()) {
        *error = badRequest(u"models must be an array of model URLs, but it is %1."_s.arg(typeName(value)));
        return false;
    }
    const QJsonArray models = value.toArray();
    for (qsizetype i = 0; i < models.size(); ++i) {
        const QJsonValue model = models.at(i);
        if (!model.isString()) {
            *error = badRequest(u"models[%1] must be a URL string, but it is %2."_s.arg(i).arg(typeName(model)));
            return false;
        }
        switch (arr::RequestValidator::checkModel(model.toString()).check) {
        case arr::RequestCheck::Ok:
            break;
        case arr::RequestCheck::ModelPlainHttp:
            *error = badRequest(u"models[%1] \"%2\" uses plain http to another host; models are fetched over "
                                "https."_s.arg(i)
                                    .arg(model.toString()));
            return false;
        case arr::RequestCheck::ModelScheme:
            *error = badRequest(
                u"models[%1] \"%2\" must be an https:// or builtin:// URL."_s.arg(i).arg(model.toString()));
            return false;
        default:
            *error = badRequest(u"models[%1] \"%2\" is not an absolute URL such as "
                                "https://account.blob.core.windows.net/container/model.arrAsset."_s.arg(i)
                                    .arg(model.toString()));
            return false;
        }
    }
    return true;
}

// maxLeaseTimeMinutes (GA): a whole number of minutes, larger than zero and at most a day.
std::optional<arr::TimeSpan> readLeaseMinutes(const QJsonObject &body, std::optional<ApiError> *error)
{
    const QJsonValue value = member(body, "maxLeaseTimeMinutes"_L1, error);
    if (*error)
        return std::nullopt;
    if (value.isUndefined() || value.isNull()) {
        *error = badRequest(
            u"The request body has no maxLeaseTimeMinutes; give the lease in whole minutes, such as 60."_s);
        return std::nullopt;
    }
    const qint64 largest = arr::MaximumLease.totalMinutes();
    if (!value.isDouble()) {
        *error = badRequest(
            u"maxLeaseTimeMinutes must be a whole number of minutes, but it is %1."_s.arg(typeName(value)));
        return std::nullopt;
    }
    const double minutes = value.toDouble();
    if (!std::isfinite(minutes) || minutes != std::floor(minutes)) {
        *error = badRequest(
            u"maxLeaseTimeMinutes must be a whole number of minutes, but it is %1."_s.arg(minutes, 0, 'g', 17));
        return std::nullopt;
    }
    if (minutes <= 0 || minutes > double(largest)) {
        *error = badRequest(
            u"maxLeaseTimeMinutes must be from 1 to %1, but it is %2."_s.arg(largest).arg(minutes, 0, 'f', 0));
        return std::nullopt;
    }
    const arr::TimeSpan lease = arr::TimeSpan::fromMinutes(qint64(minutes));
    // The client's verdict too, so that both sides keep one rule.
    if (!arr::RequestValidator::checkLease(lease).ok()) {
        *error = badRequest(u"maxLeaseTimeMinutes %1 is not a lease this service grants."_s.arg(qint64(minutes)));
        return std::nullopt;
    }
    return lease;
}

// size (GA): Standard or Premium, in any case; kept in lower case like the v1 sizes.
std::optional<QString> readGaSize(const QJsonObject &body, std::optional<ApiError> *error)
{
    const QJsonValue value = member(body, "size"_L1, error);
    if (*error)
        return std::nullopt;
    if (value.isUndefined() || value.isNull()) {
        *error = badRequest(u"The request body has no size; give Standard or Premium."_s);
        return std::nullopt;
    }
    if (!value.isString()) {
        *error = badRequest(u"size must be a string, Standard or Premium, but it is %1."_s.arg(typeName(value)));
        return std::nullopt;
    }
    const QString size = value.toString();
    for (const QString &known : {u"standard"_s, u"premium"_s}) {
        if (size.compare(known, Qt::CaseInsensitive) == 0)
            return known;
    }
    *error = badRequest(u"size \"%1\" is not Standard or Premium."_s.arg(size));
    return std::nullopt;
}

// A GA session id: letters, digits, '-' and '_', at most 256 characters (the client's own rule).
std::optional<ApiError> checkGaId(const QString &sessionId)
{
    const arr::RequestVerdict verdict
        = arr::RequestValidator::checkSessionId(sessionId, arr::SessionIdRule::Api20210101);
    if (!verdict.ok())
        return badRequest(verdict.sentence);
    // The validator trims what a person typed; an id in a path has no such slack.
    if (sessionId != sessionId.trimmed())
        return badRequest(u"The session id \"%1\" may contain only ASCII letters, digits, \"-\" and \"_\"."_s.arg(
            sessionId.trimmed()));
    return std::nullopt;
}

} // namespace arr::emulator::rules
