#include "emulator/Route.h"

#include <QStringList>

#include <array>
#include <initializer_list>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace arr::emulator {

namespace {

constexpr std::array<std::pair<Operation, QLatin1StringView>, 6> OperationNames{{
    {Operation::Token, "token"_L1},
    {Operation::Create, "create"_L1},
    {Operation::Update, "update"_L1},
    {Operation::List, "list"_L1},
    {Operation::Properties, "properties"_L1},
    {Operation::Stop, "stop"_L1},
}};

} // namespace

QString operationName(Operation operation)
{
    for (const auto &[candidate, name] : OperationNames) {
        if (candidate == operation)
            return QString(name);
    }
    return {};
}

Operation operationNamed(const QString &name)
{
    for (const auto &[candidate, candidateName] : OperationNames) {
        if (name.compare(candidateName, Qt::CaseInsensitive) == 0)
            return candidate;
    }
    return Operation::None;
}

namespace {

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

} // namespace

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

} // namespace arr::emulator
