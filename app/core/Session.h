#pragma once

#include "core/TimeSpan.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace arr {

// A session's lifecycle state as the service reports it. The service has spelt these in lower case
// (2019), PascalCase (later specs) and added "None"; anything else is Unknown and keeps its text.
enum class SessionStatus {
    Unknown,
    None,
    Starting,
    Ready,
    Stopping,
    Stopped,
    Expired,
    Error,
};

// Case-insensitive; Unknown for anything not listed.
SessionStatus parseSessionStatus(QStringView text);
// The v1 wire spelling in lower case ("ready"); empty for Unknown.
QString sessionStatusWireName(SessionStatus status);
// A translated, capitalised name for people.
QString sessionStatusDisplayName(SessionStatus status);
// Stopped, Expired and Error: the session will not come back.
bool isFinalStatus(SessionStatus status);
// Starting and Stopping: the state is about to change on its own.
bool isTransitionalStatus(SessionStatus status);

// Whether two session ids name one session, compared as the service compares them: without regard to
// case (GUIDs in v1, the client's names in 2021-01-01).
bool sameSessionId(QStringView a, QStringView b);

// The sizes the service has offered, per era.
QStringList knownSessionSizes();

// One rendering session, as described by either API version. Fields the service did not send are
// empty optionals or null values, never invented.
struct Session
{
    QString id;
    SessionStatus status = SessionStatus::Unknown;
    // The status exactly as the service spelt it; shown for Unknown.
    QString statusText;
    QString size;
    QString hostname;
    std::optional<TimeSpan> elapsed;
    std::optional<TimeSpan> maxLease;
    QString message;
    std::optional<double> teraflops;
    std::optional<int> handshakePort;
    std::optional<int> arrInspectorPort;
    QDateTime creationTime;
    // The service's code for the error a session ended in (2021-01-01 `error.code`); the text is in
    // `message`.
    QString errorCode;
    // The 2021-01-01 API reports elapsed time in whole minutes, rounded down: a countdown from it must
    // not claim seconds it does not know.
    bool elapsedInWholeMinutes = false;

    // The lease left at the moment this was reported; nullopt when either time is unknown.
    std::optional<TimeSpan> remaining() const;
    // The status text for people: the display name, or the raw text when Unknown.
    QString statusLabel() const;

    bool operator==(const Session &other) const;
    bool operator!=(const Session &other) const { return !(*this == other); }
};

// Why a session as a server described it cannot be true (a lease beyond the API's 24 hours, a negative
// elapsed time); empty when its values are in range.
QString sessionRangeProblem(const Session &session);

// When the lease of `session`, observed at `observedAt`, runs out; invalid when unknown.
QDateTime leaseExpiresAt(const Session &session, const QDateTime &observedAt);

} // namespace arr

// Every member moves by its bytes (Qt's strings and date-times, plain values): a list of thousands
// grows by reallocating in place rather than by moving each session.
Q_DECLARE_TYPEINFO(arr::Session, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(arr::Session)
