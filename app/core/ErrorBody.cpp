#include "core/ErrorBody.h"

#include "core/JsonCodec.h"
#include "core/SafeText.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

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

} // namespace arr
