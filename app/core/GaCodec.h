#pragma once

#include "core/JsonCodec.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QJsonObject;

namespace arr {

// Codecs for the GA session API (2021-01-01). Lease and elapsed time travel as whole minutes; the
// status, ids and optional fields decode into the same Session values as v1, so that nothing above
// the service layer needs to know which API answered. Tolerant of missing, null and extra fields;
// strict about types where a wrong type would show something false.
namespace ga {

// One page of the session list: the sessions and the address of the next page (empty on the last).
struct SessionPage
{
    QList<Session> sessions;
    QString nextLink;
};

// {"maxLeaseTimeMinutes":N,"size":"..."}; the lease is rounded up to whole minutes (never shorter
// than asked). The API takes no models at create: they are loaded by the rendering client.
QByteArray encodeCreateRequest(const CreateSessionRequest &request);
// {"maxLeaseTimeMinutes":N}, rounded up as for create.
QByteArray encodeUpdateRequest(TimeSpan maxLease);
// Whole minutes for `lease`, rounded up.
qint64 leaseMinutes(TimeSpan lease);

// A session properties object (the answer of create, get and update).
Decoded<Session> decodeProperties(const QByteArray &body);
Decoded<Session> decodeProperties(const QJsonObject &object);
// {"sessions":[...],"@nextLink":"..."}.
Decoded<SessionPage> decodeSessionPage(const QByteArray &body);

} // namespace ga

} // namespace arr
