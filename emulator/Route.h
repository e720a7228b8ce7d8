#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <cstddef>

namespace arr::emulator {

// The operations of the contract, the token service's and both session APIs' alike; None is an
// unknown path, or a method its path does not have.
enum class Operation {
    None,
    Token,
    Create,
    Update,
    List,
    Properties,
    Stop,
};
// The number of operations, None included: the size of a table indexed by them.
constexpr std::size_t OperationCount = 7;

// "token", "create", "update", "list", "properties" or "stop"; empty for None.
QString operationName(Operation operation);
// The operation operationName() names, matched ignoring case; None for any other name.
Operation operationNamed(const QString &name);

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

// The route of a request by its method and path (shared/API.md): the token service at
// /accounts/{account}/token, the GA session API at /accounts/{account}/sessions[/{id}[/:stop]], the
// v1 session API at /v1/accounts/{account}/sessions[/create | /{id}[/properties]]. Literal segments
// match ignoring case.
Route route(const QByteArray &method, const QUrl &url);

} // namespace arr::emulator
