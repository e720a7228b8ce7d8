#pragma once

// One table of request inputs and the verdict and sentence each must get, run through the validator
// itself (tst_requestvalidator), through the dialogs (tst_dialogs) and through arrsm's command-line
// parser (tst_clicommandline): the same input gets the same verdict and the same sentence everywhere.

#include "core/RequestValidator.h"
#include "core/TimeSpan.h"

#include <QList>
#include <QString>

namespace validation {

enum class Field {
    // A create's lease, typed as arrsm takes it (H:MM[:SS]).
    Lease,
    // An extend's new total lease, typed the same way, for a session whose lease is `current`.
    Extend,
    Size,
    // One model URL.
    Model,
    // A session id under the v1 rule.
    SessionId,
};

struct Case
{
    const char *name;
    Field field;
    QString input;
    arr::RequestCheck check;
    QString sentence;
    arr::TimeSpan current = arr::TimeSpan::fromHours(4);
};

inline QList<Case> cases()
{
    using namespace Qt::StringLiterals;
    using arr::RequestCheck;
    const QString notUrl = u"The model \"%1\" is not a full URL such as "
                           "https://account.blob.core.windows.net/models/engine.arrAsset."_s;
    const QString tooLong = u"The lease of %1 is longer than 24 hours, the longest the service grants."_s;
    const QString notLonger = u"The new lease of %1 must be longer than the current lease of 04:00:00."_s;
    const QString notGuid = u"The session id \"%1\" is not a GUID such as 01234567-89ab-cdef-0123-456789abcdef."_s;
    const QString dot = u"\"%1\" is not a session id: in an address it names a folder, not a session."_s;
    const QString notWord = u"The size \"%1\" is not a single word such as standard or premium."_s;
    return {
        {"lease 4 h", Field::Lease, u"4:00"_s, RequestCheck::Ok, {}},
        {"lease 1 min", Field::Lease, u"0:01"_s, RequestCheck::Ok, {}},
        {"lease 24 h", Field::Lease, u"24:00"_s, RequestCheck::Ok, {}},
        {"lease zero", Field::Lease, u"0:00"_s, RequestCheck::LeaseNotPositive,
            u"The lease must be longer than zero."_s},
        {"lease 25 h", Field::Lease, u"25:00"_s, RequestCheck::LeaseTooLong, tooLong.arg(u"1 d 01:00:00"_s)},
        {"lease 24 h 30", Field::Lease, u"24:30"_s, RequestCheck::LeaseTooLong, tooLong.arg(u"1 d 00:30:00"_s)},

        {"extend to 4:30", Field::Extend, u"4:30"_s, RequestCheck::Ok, {}},
        {"extend to 24 h", Field::Extend, u"24:00"_s, RequestCheck::Ok, {}},
        {"extend to equal", Field::Extend, u"4:00"_s, RequestCheck::LeaseNotLonger, notLonger.arg(u"04:00:00"_s)},
        {"extend to shorter", Field::Extend, u"3:00"_s, RequestCheck::LeaseNotLonger, notLonger.arg(u"03:00:00"_s)},
        {"extend to 25 h", Field::Extend, u"25:00"_s, RequestCheck::LeaseTooLong, tooLong.arg(u"1 d 01:00:00"_s)},
        {"extend to zero", Field::Extend, u"0:00"_s, RequestCheck::LeaseNotPositive,
            u"The lease must be longer than zero."_s},

        {"size standard", Field::Size, u"standard"_s, RequestCheck::Ok, {}},
        {"size in capitals", Field::Size, u"Premium"_s, RequestCheck::Ok, {}},
        {"size unknown but a word", Field::Size, u"huge"_s, RequestCheck::Ok, {}},
        {"size empty", Field::Size, u""_s, RequestCheck::SizeEmpty,
            u"The session size is empty: give one such as standard or premium."_s},
        {"size blank", Field::Size, u"   "_s, RequestCheck::SizeEmpty,
            u"The session size is empty: give one such as standard or premium."_s},
        {"size two words", Field::Size, u"very big"_s, RequestCheck::SizeBadCharacters, notWord.arg(u"very big"_s)},
        {"size punctuation", Field::Size, u"big;rm"_s, RequestCheck::SizeBadCharacters, notWord.arg(u"big;rm"_s)},

        {"model https", Field::Model, u"https://a.example/x.arrAsset?sv=1"_s, RequestCheck::Ok, {}},
        {"model builtin", Field::Model, u"builtin://Engine"_s, RequestCheck::Ok, {}},
        {"model loopback http", Field::Model, u"http://127.0.0.1:8080/m.arrAsset"_s, RequestCheck::Ok, {}},
        {"model localhost http", Field::Model, u"http://localhost/m.arrAsset"_s, RequestCheck::Ok, {}},
        {"model remote http", Field::Model, u"http://store.example/a"_s, RequestCheck::ModelPlainHttp,
            u"The model \"http://store.example/a\" uses plain http, which is allowed only for this computer's own "
            "address; use https."_s},
        {"model ftp", Field::Model, u"ftp://store.example/a"_s, RequestCheck::ModelScheme,
            u"The model \"ftp://store.example/a\" is neither an https:// nor a builtin:// URL."_s},
        {"model relative", Field::Model, u"models/a.arrAsset"_s, RequestCheck::ModelNotUrl,
            notUrl.arg(u"models/a.arrAsset"_s)},
        {"model no host", Field::Model, u"https:///a"_s, RequestCheck::ModelNotUrl, notUrl.arg(u"https:///a"_s)},
        {"model file", Field::Model, u"file:///tmp/a"_s, RequestCheck::ModelNotUrl, notUrl.arg(u"file:///tmp/a"_s)},
        {"model builtin without name", Field::Model, u"builtin://"_s, RequestCheck::ModelNotUrl,
            notUrl.arg(u"builtin://"_s)},
        {"model words", Field::Model, u"engine model"_s, RequestCheck::ModelNotUrl, notUrl.arg(u"engine model"_s)},

        {"id guid", Field::SessionId, u"0f4a6a0e-3c1d-4f5e-9a8b-7c6d5e4f3a2b"_s, RequestCheck::Ok, {}},
        {"id guid in capitals", Field::SessionId, u"0F4A6A0E-3C1D-4F5E-9A8B-7C6D5E4F3A2B"_s, RequestCheck::Ok, {}},
        {"id empty", Field::SessionId, u""_s, RequestCheck::SessionIdEmpty, u"The session id is empty."_s},
        {"id dot", Field::SessionId, u"."_s, RequestCheck::SessionIdDotSegment, dot.arg(u"."_s)},
        {"id dot dot", Field::SessionId, u".."_s, RequestCheck::SessionIdDotSegment, dot.arg(u".."_s)},
        {"id word", Field::SessionId, u"abc"_s, RequestCheck::SessionIdNotGuid, notGuid.arg(u"abc"_s)},
        {"id escaping", Field::SessionId, u"../../sessions"_s, RequestCheck::SessionIdNotGuid,
            notGuid.arg(u"../../sessions"_s)},
        {"id braced guid", Field::SessionId, u"{0f4a6a0e-3c1d-4f5e-9a8b-7c6d5e4f3a2b}"_s,
            RequestCheck::SessionIdNotGuid, notGuid.arg(u"{0f4a6a0e-3c1d-4f5e-9a8b-7c6d5e4f3a2b}"_s)},
    };
}

} // namespace validation
