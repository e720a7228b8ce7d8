#include "core/RequestValidator.h"

#include "core/Account.h"
#include "core/Session.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// Declares the context this file's strings are translated in, in a form lupdate reads too.
class RequestValidatorText
{
    Q_DECLARE_TR_FUNCTIONS(arr::RequestValidator)
};

// A value as a sentence quotes it: whatever was typed or sent, a sentence stays one readable line.
QString quoted(const QString &text)
{
    constexpr qsizetype Shown = 80;
    QString shown = text.left(Shown);
    for (QChar &c : shown) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = u'?';
    }
    if (text.size() > Shown)
        shown += u"…"_s;
    return shown;
}

RequestVerdict refuse(RequestCheck check, QString sentence)
{
    return RequestVerdict{check, std::move(sentence)};
}

bool isWord(const QString &text, qsizetype maximum)
{
    if (text.isEmpty() || text.size() > maximum)
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'-'
            || u == u'_';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

RequestVerdict RequestValidator::checkLease(TimeSpan lease)
{
    if (lease <= TimeSpan())
        return refuse(RequestCheck::LeaseNotPositive, RequestValidatorText::tr("The lease must be longer than zero."));
    if (lease > MaximumLease)
        return refuse(RequestCheck::LeaseTooLong,
            RequestValidatorText::tr("The lease of %1 is longer than 24 hours, the longest the service grants.")
                .arg(lease.toDisplayString()));
    return {};
}

RequestVerdict RequestValidator::checkExtend(TimeSpan newLease, TimeSpan currentLease)
{
    if (RequestVerdict verdict = checkLease(newLease); !verdict.ok())
        return verdict;
    if (newLease <= currentLease)
        return refuse(RequestCheck::LeaseNotLonger,
            RequestValidatorText::tr("The new lease of %1 must be longer than the current lease of %2.")
                .arg(newLease.toDisplayString(), currentLease.toDisplayString()));
    return {};
}

RequestVerdict RequestValidator::checkSize(const QString &size)
{
    const QString trimmed = size.trimmed();
    if (trimmed.isEmpty())
        return refuse(RequestCheck::SizeEmpty,
            RequestValidatorText::tr("The session size is empty: give one such as standard or premium."));
    if (!isWord(trimmed, MaximumSizeLength))
        return refuse(RequestCheck::SizeBadCharacters,
            RequestValidatorText::tr("The size \"%1\" is not a single word such as standard or premium.")
                .arg(quoted(trimmed)));
    return {};
}

std::optional<QString> RequestValidator::knownSize(const QString &size)
{
    const QString trimmed = size.trimmed();
    for (const QString &known : knownSessionSizes()) {
        if (trimmed.compare(known, Qt::CaseInsensitive) == 0)
            return known;
    }
    return std::nullopt;
}

RequestVerdict RequestValidator::checkModel(const QString &text, QUrl *url)
{
    const QString trimmed = text.trimmed();
    const QUrl parsed(trimmed, QUrl::StrictMode);
    if (trimmed.isEmpty() || !parsed.isValid() || parsed.isRelative() || parsed.host().isEmpty())
        return refuse(RequestCheck::ModelNotUrl,
            RequestValidatorText::tr("The model \"%1\" is not a full URL such as "
                                     "https://account.blob.core.windows.net/models/engine.arrAsset.")
                .arg(quoted(trimmed)));
    const QString scheme = parsed.scheme().toLower();
    if (scheme == u"http" && !isLoopbackHost(parsed.host()))
        return refuse(RequestCheck::ModelPlainHttp,
            RequestValidatorText::tr("The model \"%1\" uses plain http, which is allowed only for this computer's "
                                     "own address; use https.")
                .arg(quoted(trimmed)));
    if (scheme != u"https" && scheme != u"builtin" && scheme != u"http")
        return refuse(RequestCheck::ModelScheme,
            RequestValidatorText::tr("The model \"%1\" is neither an https:// nor a builtin:// URL.")
                .arg(quoted(trimmed)));
    if (url)
        *url = parsed;
    return {};
}

RequestVerdict RequestValidator::checkSessionId(const QString &id, SessionIdRule rule)
{
    static const QRegularExpression guid(
        u"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
    const QString trimmed = id.trimmed();
    if (trimmed.isEmpty())
        return refuse(RequestCheck::SessionIdEmpty, RequestValidatorText::tr("The session id is empty."));
    if (trimmed == u"." || trimmed == u"..")
        return refuse(RequestCheck::SessionIdDotSegment,
            RequestValidatorText::tr("\"%1\" is not a session id: in an address it names a folder, not a session.")
                .arg(trimmed));
    switch (rule) {
    case SessionIdRule::V1Guid:
        if (!guid.match(trimmed).hasMatch())
            return refuse(RequestCheck::SessionIdNotGuid,
                RequestValidatorText::tr(
                    "The session id \"%1\" is not a GUID such as 01234567-89ab-cdef-0123-456789abcdef.")
                    .arg(quoted(trimmed)));
        break;
    case SessionIdRule::Api20210101:
        if (trimmed.size() > MaximumSessionIdLength)
            return refuse(RequestCheck::SessionIdTooLong,
                RequestValidatorText::tr("The session id is %1 characters long; at most %2 are allowed.")
                    .arg(trimmed.size())
                    .arg(MaximumSessionIdLength));
        if (!isWord(trimmed, MaximumSessionIdLength))
            return refuse(RequestCheck::SessionIdBadCharacters,
                RequestValidatorText::tr(
                    "The session id \"%1\" may contain only ASCII letters, digits, \"-\" and \"_\".")
                    .arg(quoted(trimmed)));
        break;
    }
    return {};
}

} // namespace arr
